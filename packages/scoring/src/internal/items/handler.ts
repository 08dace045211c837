/**
 * What an item handler is given and returns. One handler per item kind turns
 * an item into raw score lines; the engine weights, caps and totals them.
 *
 * @internal
 */
import type { LocalDate, Snapshot, Unit, View } from "@gongjian/core"
import type { Context } from "../../Context.js"
import type { ScoringItem } from "../../ScoringItem.js"
import type * as P from "../points.js"

/** @internal A line's explanation. */
export interface Rendered {
  readonly facts: { readonly [key: string]: string | number | ReadonlyArray<string> }
  readonly arithmetic: string
  readonly message: Text
}

/** @internal A text in Chinese and English. */
export interface Text {
  readonly zh: string
  readonly en: string
}

/** @internal A line before weighting: its sort key, its points, and how to explain it. */
export interface RawLine {
  readonly key: string
  readonly raw: P.Micro
  /** Facts, arithmetic and messages are built when first read: a line nobody reads costs no strings. */
  readonly render: () => Rendered
}

/**
 * @internal Lines of one kind kept as rows (e.g. the projects or findings an
 * item read): a line is a row number and its raw points, with no object of
 * its own; its key and explanation are read from the source by row.
 */
export interface LineSource {
  /** The `row`-th line's sort key among its item's lines. */
  readonly key: (row: number) => string
  /** The `row`-th line's explanation, before weighting, for `raw` points. */
  readonly render: (row: number, raw: P.Micro) => Rendered
  /**
   * The rows' order by key, when the source knows it without comparing keys:
   * `"row"` when keys rise with the row (no two equal), or each row's rank
   * among the distinct keys in order (equal keys, equal ranks); `undefined`
   * when the keys are to be compared.
   */
  readonly ranks: () => ArrayLike<number> | "row" | undefined
}

/** @internal What a handler reads and how it reports. */
export interface Env {
  readonly context: Context
  readonly snapshot: Snapshot.Snapshot
  readonly asOf: LocalDate.LocalDate
  /** The campaign window. */
  readonly window: { readonly start: LocalDate.LocalDate; readonly end: LocalDate.LocalDate }
  /** Inside the campaign window and on or before the as-of date. */
  readonly inWindow: (date: string) => boolean
  /**
   * Whether the snapshot's projects come in strictly rising id order (so
   * their ids are unique), worked out once per run.
   */
  readonly idOrdered: () => boolean
  /**
   * The columns of the context's findings (each one's project by index, its
   * class and severity), when the engine that made them registered them for
   * this snapshot's projects.
   */
  readonly findingRows: View.FindingRows | undefined
  /** The assessed units the item applies to, in snapshot order. */
  readonly units: ReadonlyArray<Unit.Unit>
  /** Credits the unit and each of its ancestors the item applies to. */
  readonly credit: (unit: string, line: RawLine) => void
  /** Credits the `row`-th line of `source` to the unit and its ancestors, as `credit` does. */
  readonly creditRow: (unit: string, source: LineSource, row: number, raw: P.Micro) => void
  /**
   * Credits the `row`-th line of `source` to the unit of the snapshot's
   * `index`-th project and its ancestors, as `credit` does.
   */
  readonly creditProjectRow: (index: number, source: LineSource, row: number, raw: P.Micro) => void
  /**
   * Credits many lines of `source` at once, as `creditProjectRow` each: the
   * `k`-th (`k < count`) is row `rows[k]` of `raws[k]` points, to the unit of
   * the snapshot's `projects[k]`-th project and its ancestors.
   */
  readonly creditProjectRows: (
    source: LineSource,
    projects: ArrayLike<number>,
    rows: ArrayLike<number>,
    raws: ArrayLike<number>,
    count: number
  ) => void
  /** Credits the unit alone, when the item applies to it. */
  readonly creditUnit: (unit: string, line: RawLine) => void
  /** Reports a record the item could not count. */
  readonly reject: (record: string, message: Text) => void
}

/** @internal Why an item could not be run, for one unit. */
export interface Failure {
  readonly code: "item-threw" | "not-lines" | "malformed-line"
  readonly unit: string
  readonly detail: string
  readonly cause?: unknown
}

/** @internal The handler of one item kind. */
export type Handler<K extends ScoringItem["kind"]> = (
  item: Extract<ScoringItem, { readonly kind: K }>,
  env: Env
) => Failure | undefined
