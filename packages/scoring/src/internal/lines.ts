/**
 * A unit's score lines: weighted, sorted, capped and totalled item by item,
 * each line explained when first read.
 *
 * @internal
 */
import { Fingerprint } from "@gongjian/core"
import type { ScoringPolicy } from "../ScoringPolicy.js"
import type { RawLine, Rendered } from "./items/handler.js"
import { bounded, signed } from "./items/text.js"
import * as P from "./points.js"

type Facts = Rendered["facts"]

/** @internal A score line (the shape of `Assessment.ScoreLine`). */
export interface ScoreLine {
  readonly unit: string
  readonly item: string
  readonly clause: string
  readonly points: string
  readonly facts: Facts
  readonly arithmetic: string
  readonly message: { readonly zh: string; readonly en: string }
}

/**
 * @internal A score line, one object from the item that credits it to the
 * unit's assessment: an item makes it with its sort key and raw points, the
 * scoring places it in a unit (unit, item, clause, weighted points), and its
 * facts, arithmetic and messages are rendered on first read (and by
 * `toJSON`), so the output is the same and unread lines cost no strings.
 * Only `unit`, `item`, `clause` and `points` are own fields.
 */
export abstract class Line implements ScoreLine, RawLine {
  readonly unit!: string
  readonly item!: string
  readonly clause!: string
  readonly points!: string
  readonly #key: string
  readonly #raw: P.Micro
  #weight: number | undefined
  #rendered: Rendered | undefined
  constructor(key: string, raw: P.Micro) {
    this.#key = key
    this.#raw = raw
  }
  /** The line's sort key among its item's lines. */
  get key(): string {
    return this.#key
  }
  /** The points before weighting. */
  get raw(): P.Micro {
    return this.#raw
  }
  /** The explanation before weighting. */
  abstract render(): Rendered
  /**
   * Places the line in a unit's item; false when it is already placed
   * elsewhere (a line credited to a unit and its ancestors), so that the
   * caller places a copy.
   */
  place(unit: string, item: string, clause: string, points: string, weight: number | undefined) {
    if (this.unit === undefined) {
      const self = this as { -readonly [K in keyof ScoreLine]: ScoreLine[K] }
      self.unit = unit
      self.item = item
      self.clause = clause
      self.points = points
      this.#weight = weight
      return true
    }
    return (
      this.unit === unit &&
      this.item === item &&
      this.clause === clause &&
      this.points === points &&
      this.#weight === weight
    )
  }
  #get(): Rendered {
    if (this.#rendered === undefined) {
      const x = this.render()
      this.#rendered =
        this.#weight === undefined
          ? x
          : { ...x, arithmetic: `(${x.arithmetic}) × ${this.#weight} = ${this.points}` }
    }
    return this.#rendered
  }
  get facts(): Facts {
    return this.#get().facts
  }
  get arithmetic(): string {
    return this.#get().arithmetic
  }
  get message(): { readonly zh: string; readonly en: string } {
    return this.#get().message
  }
  toJSON(): ScoreLine {
    const r = this.#get()
    return {
      unit: this.unit,
      item: this.item,
      clause: this.clause,
      points: this.points,
      facts: r.facts,
      arithmetic: r.arithmetic,
      message: r.message
    }
  }
}

/** A raw line of another kind, or a line placed in another unit, as a line of its own. */
class Placed extends Line {
  readonly #source: RawLine
  constructor(source: RawLine) {
    super(source.key, source.raw)
    this.#source = source
  }
  render(): Rendered {
    return this.#source.render()
  }
}

/** The line `raw` placed in a unit's item: itself when it can be, else a copy. */
const placed = (
  raw: RawLine,
  unit: string,
  item: string,
  clause: string,
  points: string,
  weight: number | undefined
): Line => {
  if (raw instanceof Line && raw.place(unit, item, clause, points, weight)) return raw
  const line = new Placed(raw)
  line.place(unit, item, clause, points, weight)
  return line
}

/** @internal Lines in key order; most items credit in project order already, left as they are. */
export const sortedByKey = (raws: Array<RawLine>): Array<RawLine> => {
  for (let j = 1; j < raws.length; j++)
    if (raws[j - 1]!.key > raws[j]!.key)
      return raws.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  return raws
}

/** @internal A unit's points, before ranking: its total, earned points, items and lines. */
export interface UnitLines {
  total: P.Micro
  earned: P.Micro
  items: Array<{ item: string; points: string }>
  lines: Array<ScoreLine>
}

/** @internal Weights, sorts, caps and totals a unit's raw lines, item by item. */
export const scoreUnit = (
  policy: ScoringPolicy,
  unit: string,
  perItem: ReadonlyArray<Array<RawLine>>
): UnitLines => {
  const lines: Array<ScoreLine> = []
  const items: Array<{ item: string; points: string }> = []
  let total = 0
  let earned = 0
  policy.items.forEach((item, i) => {
    const raws = sortedByKey(perItem[i]!)
    const w = item.weight ?? 1
    const wm = w === 1 ? undefined : P.fromDecimal(w)
    let sum = 0
    for (const r of raws) {
      const pts = wm === undefined ? r.raw : P.times(r.raw, wm)
      sum += pts
      if (pts > 0) earned += pts
      lines.push(
        placed(r, unit, item.id, item.clause, P.format(pts), wm === undefined ? undefined : w)
      )
    }
    const max = item.max === undefined ? undefined : P.fromDecimal(item.max)
    const min = item.min === undefined ? undefined : P.fromDecimal(item.min)
    const bound =
      max !== undefined && sum > max ? max : min !== undefined && sum < min ? min : undefined
    if (bound !== undefined) {
      const adj = bound - sum
      const before = sum
      const cap: RawLine = {
        key: "",
        raw: adj,
        render: () => ({
          facts: { before: P.format(before), bound: P.format(bound) },
          arithmetic: `${P.format(bound)} − ${P.format(before)} = ${signed(adj)}`,
          message: bounded({
            title: item.title,
            side: bound === max ? "max" : "min",
            bound: P.format(bound),
            points: signed(adj)
          })
        })
      }
      lines.push(placed(cap, unit, item.id, item.clause, P.format(adj), undefined))
      sum = bound
    }
    total += sum
    if (raws.length > 0 || bound !== undefined) items.push({ item: item.id, points: P.format(sum) })
  })
  return { total, earned, items, lines }
}

const dataOf = (policy: ScoringPolicy): unknown => ({
  ...policy,
  items: policy.items.map((i) =>
    i.kind === "custom" ? { kind: "custom", id: i.id, weight: i.weight, max: i.max, min: i.min } : i
  )
})

/** @internal Which policy ran: its id, version and the fingerprint of its options (or of its data). */
export const policyRef = (
  policy: ScoringPolicy,
  options: unknown
): { readonly id: string; readonly version: string; readonly optionsHash: string } => ({
  id: policy.id,
  version: policy.version,
  optionsHash: Fingerprint.fingerprint(options ?? dataOf(policy))
})
