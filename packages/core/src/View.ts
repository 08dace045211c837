/**
 * The as-of view (截至视图) of a snapshot: everything the engines read as of
 * one date, built once — the date, the working-day calendar with the county's
 * overrides, every project's folded timeline, and each unit's lineage. The
 * exit engine, the gates, the assessment and its items all take a view, so
 * that they agree on the date and the calendar and nothing folds twice.
 *
 * @since 0.2.0
 */
import * as Result from "effect/Result"
import type * as Calendar from "./Calendar.js"
import { fenOf, NOT_FEN } from "./internal/fen.js"
import {
  byDecode,
  bySnapshot,
  FOLDED,
  flagsOf,
  HAS_EXEMPTIONS,
  HAS_LATER,
  HAS_RECTIFICATIONS,
  LazyTimelines,
  NOT_REACHED
} from "./internal/folded.js"
import * as Lifecycle from "./Lifecycle.js"
import * as LocalDate from "./LocalDate.js"
import * as Snapshot from "./Snapshot.js"
import * as Unit from "./Unit.js"

/**
 * A snapshot as of a date.
 *
 * - `asOf`: the date every engine judges on (the snapshot's unless given);
 * - `calendar`: the working-day calendar, the snapshot's own
 *   (`Snapshot.calendarOf`: the State Council's with the county's overrides)
 *   unless given;
 * - `model`: the lifecycle model the histories are folded with;
 * - `timelines`: every project's history folded as of `asOf`, by project id;
 * - `unfolded`: the projects whose history cannot be folded (the engines
 *   report them, none drops them silently);
 * - `lineage`: a unit and its ancestors, nearest first.
 *
 * @example
 * {@includeCode ../examples/View.ts#view}
 *
 * @since 0.2.0
 * @category models
 */
export interface View {
  readonly snapshot: Snapshot.Snapshot
  readonly asOf: LocalDate.LocalDate
  readonly calendar: Calendar.Calendar
  readonly model: Lifecycle.Model
  readonly timelines: ReadonlyMap<string, Lifecycle.Timeline>
  readonly unfolded: ReadonlyArray<Lifecycle.LifecycleError>
  readonly lineage: (unit: string) => ReadonlyArray<string>
}

/**
 * Builds the view of a snapshot, folding every project once. Pass `asOf` to
 * look at another date than the snapshot's, `calendar` to replace the
 * snapshot's own calendar, `model` for a county's own lifecycle.
 *
 * @example
 * {@includeCode ../examples/View.ts#view}
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = (
  snapshot: Snapshot.Snapshot,
  options?: {
    readonly asOf?: LocalDate.LocalDate
    readonly calendar?: Calendar.Calendar
    readonly model?: Lifecycle.Model
  }
): View => {
  const asOf = options?.asOf ?? snapshot.asOf
  const model = options?.model ?? Lifecycle.defaultModel
  const calendar = options?.calendar ?? Snapshot.calendarOf(snapshot)
  // A snapshot Snapshot.decode accepted was folded as of its own date to check
  // its histories: every history folds and every id is unique. Its view at
  // that date on the default lifecycle reuses those timelines.
  const decoded = byDecode.get(snapshot)
  if (
    decoded !== undefined &&
    decoded.asOf === asOf &&
    model === Lifecycle.defaultModel &&
    decoded.timelines.length === snapshot.projects.length
  ) {
    const view: View = Object.freeze({
      snapshot,
      asOf,
      calendar,
      model,
      timelines: new LazyTimelines(decoded.timelines),
      unfolded: NONE,
      lineage: lineageOf(snapshot.units)
    })
    inOrder.set(view, decoded.timelines)
    milestones.set(view, { columns: decoded.days, complete: true })
    idOrder.set(view, decoded.inIdOrder)
    flagColumns.set(view, decoded.flags)
    return view
  }
  const timelines = new Map<string, Lifecycle.Timeline>()
  const unfolded: Array<Lifecycle.LifecycleError> = []
  const fold = { asOf, model }
  const n = snapshot.projects.length
  const folded: Array<Lifecycle.Timeline | undefined> = new Array(n)
  for (let i = 0; i < n; i++) {
    const r = Lifecycle.fold(snapshot.projects[i]!, fold)
    if (Result.isSuccess(r)) {
      timelines.set(r.success.project, r.success)
      folded[i] = r.success
    } else {
      unfolded.push(r.failure)
      folded[i] = undefined
    }
  }
  const view: View = Object.freeze({
    snapshot,
    asOf,
    calendar,
    model,
    timelines,
    unfolded,
    lineage: lineageOf(snapshot.units)
  })
  // Kept when every id is given once (an id given twice is looked up instead).
  if (timelines.size + unfolded.length === n && !unfolded.some((e) => timelines.has(e.project)))
    inOrder.set(view, folded)
  return view
}

// A unit's lineage, made once for a snapshot's units (a view of the same
// snapshot at another date shares it).
const lineages = new WeakMap<ReadonlyArray<Unit.Unit>, (unit: string) => ReadonlyArray<string>>()
const lineageOf = (units: ReadonlyArray<Unit.Unit>): ((unit: string) => ReadonlyArray<string>) => {
  let lineage = lineages.get(units)
  if (lineage === undefined) {
    lineage = Unit.lineageOf(units)
    lineages.set(units, lineage)
  }
  return lineage
}

const NONE: ReadonlyArray<never> = Object.freeze([])

// One kept for the life of the module: V8 drops the hidden class of objects
// none of which is left after a collection, and with it the optimised code
// made for it, which every view made after a collection would compile again.
const KEPT = new LazyTimelines([])
void KEPT

const inOrder = new WeakMap<View, ReadonlyArray<Lifecycle.Timeline | undefined>>()

/**
 * The timelines of a view in the order of its snapshot's projects: the
 * timeline of the `i`-th project at `i` (`undefined` where its history cannot
 * be folded) — `view.timelines.get(project.id)` for every project, read in
 * one pass instead of one lookup each. Worked out once per view.
 *
 * @example
 * {@includeCode ../examples/View.ts#view}
 *
 * @since 0.3.0
 * @category queries
 */
export const timelinesInOrder = (view: View): ReadonlyArray<Lifecycle.Timeline | undefined> => {
  let list = inOrder.get(view)
  if (list === undefined) {
    list = view.snapshot.projects.map((p) => view.timelines.get(p.id))
    inOrder.set(view, list)
  }
  return list
}

// The columns worked out, and whether they are all there are: decode makes a
// column for every stage some project reached, so a stage it has none for
// was reached by no project.
const milestones = new WeakMap<
  View,
  { readonly columns: Map<Lifecycle.Stage, Int32Array>; readonly complete: boolean }
>()

/**
 * The day number of a milestone a project has not reached (2147483647): later
 * than every day, so `column[i] <= deadline` is false for it. See
 * {@link milestoneDays}.
 *
 * @example
 * {@includeCode ../examples/View.ts#milestoneDays}
 *
 * @since 0.3.0
 * @category constants
 */
export const notReached: number = NOT_REACHED

/**
 * The day each project of the view reached `stage` by its own event (its
 * timeline's `milestones[stage]` as a day number, see `LocalDate.toDays`), in
 * the order of the snapshot's projects; {@link notReached} where the project
 * has no such milestone or its history cannot be folded. For engines that
 * compare milestones with deadlines over many projects: the view of a decoded
 * snapshot at its own date has the columns decode worked out; another view
 * works each out once, when first asked. The column is shared: read it, do
 * not write it.
 *
 * @example
 * {@includeCode ../examples/View.ts#milestoneDays}
 *
 * @since 0.3.0
 * @category queries
 */
export const milestoneDays = (view: View, stage: Lifecycle.Stage): Int32Array => {
  let known = milestones.get(view)
  if (known === undefined) {
    known = { columns: new Map(), complete: false }
    milestones.set(view, known)
  }
  let column = known.columns.get(stage)
  if (column === undefined) {
    const timelines = timelinesInOrder(view)
    column = new Int32Array(timelines.length).fill(NOT_REACHED)
    if (!known.complete)
      for (let i = 0; i < timelines.length; i++) {
        const on = timelines[i]?.milestones[stage]
        if (on !== undefined) column[i] = LocalDate.toDays(on)
      }
    known.columns.set(stage, column)
  }
  return column
}

const idOrder = new WeakMap<View, boolean>()

/**
 * Whether the snapshot's projects come in id order, each id greater than the
 * one before (so that results made project by project are already in id
 * order and need no sort). Decode works it out for the view of a decoded
 * snapshot at its own date; another view works it out once, when first asked.
 *
 * @example
 * {@includeCode ../examples/View.ts#milestoneDays}
 *
 * @since 0.3.0
 * @category queries
 */
export const projectsInIdOrder = (view: View): boolean => {
  let known = idOrder.get(view)
  if (known === undefined) {
    const projects = view.snapshot.projects
    known = true
    for (let i = 1; i < projects.length && known; i++) known = projects[i]!.id > projects[i - 1]!.id
    idOrder.set(view, known)
  }
  return known
}

const columnsOf = (
  snapshot: Snapshot.Snapshot
): { units: Int32Array | undefined; readonly fen: Map<string, Float64Array> } => {
  let known = bySnapshot.get(snapshot)
  if (known === undefined) {
    known = { units: undefined, fen: new Map() }
    bySnapshot.set(snapshot, known)
  }
  return known
}

/**
 * Each project's unit as an index into the snapshot's `units`, in the order
 * of the snapshot's projects; -1 where the project names a unit the snapshot
 * does not list. For engines that total points or amounts by unit over many
 * projects: decode works the column out while it checks the references;
 * another snapshot's is worked out once, when first asked. The column is
 * shared: read it, do not write it.
 *
 * @example
 * {@includeCode ../examples/View.ts#projectUnits}
 *
 * @since 0.4.0
 * @category queries
 */
export const projectUnits = (view: View): Int32Array => {
  const snapshot = view.snapshot
  const known = columnsOf(snapshot)
  if (known.units === undefined) {
    const index = new Map<string, number>()
    snapshot.units.forEach((u, k) => {
      if (!index.has(u.id)) index.set(u.id, k)
    })
    const projects = snapshot.projects
    const units = new Int32Array(projects.length)
    for (let i = 0; i < projects.length; i++) units[i] = index.get(projects[i]!.unit) ?? -1
    known.units = units
  }
  return known.units
}

/**
 * Each project's total investment in whole fen (分) when it is stated in
 * `currency`, in the order of the snapshot's projects: `NaN` where the
 * project states none, states it in another currency, or where it is not a
 * whole number of fen that a number holds exactly (compare those with
 * `Money`). Amounts compared as integers of fen give the same answers as the
 * exact decimals. Decode works out the column for `CNY`; another is worked
 * out once, when first asked. The column is shared: read it, do not write it.
 *
 * @example
 * {@includeCode ../examples/View.ts#projectUnits}
 *
 * @since 0.4.0
 * @category queries
 */
export const investmentFen = (view: View, currency: string): Float64Array => {
  const known = columnsOf(view.snapshot)
  let column = known.fen.get(currency)
  if (column === undefined) {
    const projects = view.snapshot.projects
    column = new Float64Array(projects.length)
    for (let i = 0; i < projects.length; i++) {
      const total = projects[i]!.investment?.total
      column[i] = total !== undefined && total.currency === currency ? fenOf(total.amount) : NOT_FEN
    }
    known.fen.set(currency, column)
  }
  return column
}

/**
 * Exit findings kept as columns by the engine that made them over a view's
 * projects (行): for each finding, the index of its project in the
 * snapshot's projects, its class and severity (one of a few kinds), and its
 * place in id order.
 * An engine that makes findings registers them with {@link setFindingRows}
 * (on its report and on its list of findings); an engine that counts them
 * reads them with {@link findingRows} and credits each finding to its
 * project without matching ids or making the finding objects.
 *
 * @example
 * {@includeCode ../examples/View.ts#findingRows}
 *
 * @since 0.4.0
 * @category models
 */
export interface FindingRows {
  /** The snapshot whose projects `project` indexes. */
  readonly snapshot: Snapshot.Snapshot
  readonly length: number
  /** Each finding's project, by its index in the snapshot's projects. */
  readonly project: ArrayLike<number>
  /** Each finding's place among the findings in the order of their ids (all distinct), when known. */
  readonly rank: ArrayLike<number> | undefined
  /** Each finding's class and severity, as its index in `kinds`. */
  readonly kind: ArrayLike<number>
  /** The classes and severities the findings have. */
  readonly kinds: ReadonlyArray<{
    readonly class: string
    readonly severity: "warning" | "breach" | "escalated"
  }>
}

const findingRowsOf = new WeakMap<object, FindingRows>()

/**
 * Registers the columns of a list of findings, or of a report that holds
 * them (see {@link FindingRows}). The list must not change afterwards.
 *
 * @example
 * {@includeCode ../examples/View.ts#findingRows}
 *
 * @since 0.4.0
 * @category constructors
 */
export const setFindingRows = (holder: object, rows: FindingRows): void => {
  findingRowsOf.set(holder, rows)
}

/**
 * The columns registered for a list of findings or a report (see
 * {@link FindingRows}); `undefined` when none were, or when a list no longer
 * has as many findings as its columns.
 *
 * @example
 * {@includeCode ../examples/View.ts#findingRows}
 *
 * @since 0.4.0
 * @category queries
 */
export const findingRows = (holder: object): FindingRows | undefined => {
  const rows = findingRowsOf.get(holder)
  if (rows === undefined) return undefined
  if (Array.isArray(holder) && holder.length !== rows.length) return undefined
  return rows
}

const flagColumns = new WeakMap<View, Uint8Array>()

/**
 * The bits of {@link timelineFlags}: the project's history folds
 * (`folded`), its timeline has delay exemptions (`exemptions`), rectification
 * orders (`rectifications`), or events dated after the view's date that it
 * does not apply yet (`later`).
 *
 * @example
 * {@includeCode ../examples/View.ts#timelineFlags}
 *
 * @since 0.4.0
 * @category constants
 */
export const TimelineFlag = {
  folded: FOLDED,
  exemptions: HAS_EXEMPTIONS,
  rectifications: HAS_RECTIFICATIONS,
  later: HAS_LATER
} as const

/**
 * What each project's timeline holds, as the bits of {@link TimelineFlag},
 * in the order of the snapshot's projects (0 where the history cannot be
 * folded). Engines that judge every project read it to leave the timeline
 * objects alone for the many projects with no exemption or rectification:
 * a compact column stays in the processor's caches where a hundred thousand
 * objects do not. Decode works it out for the view of a decoded snapshot at
 * its own date; another view works it out once, when first asked. The column
 * is shared: read it, do not write it.
 *
 * @example
 * {@includeCode ../examples/View.ts#timelineFlags}
 *
 * @since 0.4.0
 * @category queries
 */
export const timelineFlags = (view: View): Uint8Array => {
  let flags = flagColumns.get(view)
  if (flags === undefined) {
    const timelines = timelinesInOrder(view)
    flags = new Uint8Array(timelines.length)
    for (let i = 0; i < timelines.length; i++) flags[i] = flagsOf(timelines[i])
    flagColumns.set(view, flags)
  }
  return flags
}
