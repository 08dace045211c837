/**
 * The histories a snapshot's decode folded (to check them), kept for the
 * view of the same snapshot at its own date, and the timelines of a view as a
 * map built when first read.
 *
 * @internal
 */
import type * as Lifecycle from "../Lifecycle.js"

/**
 * @internal Per decoded snapshot: the date it was folded as of, each
 * project's timeline in order, and the day number each project reached a
 * stage by its own event (a column per stage that some project reached,
 * `NOT_REACHED` elsewhere), and whether each project's id is greater than the
 * one before.
 */
export const byDecode = new WeakMap<
  object,
  {
    readonly asOf: string
    readonly timelines: ReadonlyArray<Lifecycle.Timeline>
    readonly days: Map<Lifecycle.Stage, Int32Array>
    readonly inIdOrder: boolean
    readonly flags: Uint8Array
  }
>()

/** @internal Timeline flags (see `View.timelineFlags`). */
export const FOLDED = 1
/** @internal */
export const HAS_EXEMPTIONS = 2
/** @internal */
export const HAS_RECTIFICATIONS = 4
/** @internal */
export const HAS_LATER = 8

/** @internal The flags of one timeline (0 when its history cannot be folded). */
export const flagsOf = (
  t:
    | {
        readonly exemptions: ReadonlyArray<unknown>
        readonly rectifications: ReadonlyArray<unknown>
        readonly later: number
      }
    | undefined
): number =>
  t === undefined
    ? 0
    : FOLDED |
      (t.exemptions.length > 0 ? HAS_EXEMPTIONS : 0) |
      (t.rectifications.length > 0 ? HAS_RECTIFICATIONS : 0) |
      (t.later > 0 ? HAS_LATER : 0)

/**
 * @internal Per snapshot: columns of its projects that do not depend on an
 * as-of date, worked out once (decode fills them while it checks the
 * references) — each project's unit as an index into the snapshot's units
 * (-1 for a unit it does not list), and by currency each project's total
 * investment in whole fen (NaN where it has none, is in another currency or
 * is not a safe whole number of fen).
 */
export const bySnapshot = new WeakMap<
  object,
  { units: Int32Array | undefined; readonly fen: Map<string, Float64Array> }
>()

/** @internal The day number of a milestone not reached (later than any date). */
export const NOT_REACHED = 2147483647

/**
 * @internal The timelines of a view by project id, from the timelines in
 * project order (ids known to be unique): the map is built on first read.
 * Only private fields, so it shows as `{}` in JSON, as a `Map` does.
 */
export class LazyTimelines implements ReadonlyMap<string, Lifecycle.Timeline> {
  readonly #list: ReadonlyArray<Lifecycle.Timeline>
  #map: Map<string, Lifecycle.Timeline> | undefined
  constructor(list: ReadonlyArray<Lifecycle.Timeline>) {
    this.#list = list
  }
  #get(): Map<string, Lifecycle.Timeline> {
    if (this.#map === undefined) {
      const map = new Map<string, Lifecycle.Timeline>()
      for (const t of this.#list) map.set(t.project, t)
      this.#map = map
    }
    return this.#map
  }
  get size(): number {
    return this.#list.length
  }
  get(key: string): Lifecycle.Timeline | undefined {
    return this.#get().get(key)
  }
  has(key: string): boolean {
    return this.#get().has(key)
  }
  forEach(
    f: (
      value: Lifecycle.Timeline,
      key: string,
      map: ReadonlyMap<string, Lifecycle.Timeline>
    ) => void,
    thisArg?: unknown
  ): void {
    for (const t of this.#list) f.call(thisArg, t, t.project, this)
  }
  *entries(): MapIterator<[string, Lifecycle.Timeline]> {
    for (const t of this.#list) yield [t.project, t]
  }
  *keys(): MapIterator<string> {
    for (const t of this.#list) yield t.project
  }
  *values(): MapIterator<Lifecycle.Timeline> {
    for (const t of this.#list) yield t
  }
  [Symbol.iterator](): MapIterator<[string, Lifecycle.Timeline]> {
    return this.entries()
  }
  get [Symbol.toStringTag](): string {
    return "Map"
  }
}
