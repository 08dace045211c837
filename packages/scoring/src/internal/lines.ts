/**
 * A unit's score lines: kept as columns while scoring (where a line comes
 * from, which row of it, its raw points), weighted, sorted, capped and
 * totalled item by item. Line objects are made when a unit's lines are first
 * read, and each line is explained when first read.
 *
 * @internal
 */
import { Fingerprint } from "@gongjian/core"
import type { ScoringPolicy } from "../ScoringPolicy.js"
import type { LineSource, RawLine, Rendered } from "./items/handler.js"
import { bounded, signed } from "./items/text.js"
import { orderByKey } from "./order.js"
import * as P from "./points.js"
import * as Scratch from "./scratch.js"

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
 * @internal A score line placed in a unit's item: `unit`, `item`, `clause`
 * and `points` are own fields; its facts, arithmetic and messages are
 * rendered from where it comes from on first read (and by `toJSON`), so the
 * output is the same and unread lines cost no strings.
 */
export class Line implements ScoreLine {
  readonly unit: string
  readonly item: string
  readonly clause: string
  readonly points: string
  readonly #source: LineSource | RawLine
  readonly #row: number
  readonly #raw: P.Micro
  readonly #weight: number | undefined
  #rendered: Rendered | undefined
  constructor(
    unit: string,
    item: string,
    clause: string,
    points: string,
    source: LineSource | RawLine,
    row: number,
    raw: P.Micro,
    weight: number | undefined
  ) {
    this.unit = unit
    this.item = item
    this.clause = clause
    this.points = points
    this.#source = source
    this.#row = row
    this.#raw = raw
    this.#weight = weight
  }
  #get(): Rendered {
    if (this.#rendered === undefined) {
      const x =
        this.#row < 0
          ? (this.#source as RawLine).render()
          : (this.#source as LineSource).render(this.#row, this.#raw)
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

type Source = LineSource | RawLine

const NO_ROWS = new Int32Array(0)
const NO_RAWS = new Float64Array(0)

const EMPTY_START = new Int32Array(2)

/**
 * @internal The lines one item credits, unit by unit, as columns: the
 * `u`-th unit's lines are `start[u] … start[u + 1] - 1`; for each, where it
 * comes from (a row of a line source, or a raw line of its own, row -1),
 * its row and its raw points. No object per line or per unit.
 */
export class ItemLines {
  /** The source of every line when all come from one; else `sources` holds each line's. */
  #one: Source | undefined
  #sources: Array<Source> | undefined
  readonly rows: Int32Array
  readonly raws: Float64Array
  readonly start: Int32Array
  constructor(
    rows: Int32Array = NO_ROWS,
    raws: Float64Array = NO_RAWS,
    start: Int32Array = EMPTY_START,
    one: Source | undefined = undefined,
    sources: Array<Source> | undefined = undefined
  ) {
    this.rows = rows
    this.raws = raws
    this.start = start
    this.#one = one
    this.#sources = sources
  }
  /** The lines of `list` (each of one unit or more), one after the other, as one unit's. */
  static concat(list: ReadonlyArray<ItemLines>): ItemLines {
    let n = 0
    let one: Source | undefined
    let mixed = false
    for (const c of list) {
      for (let j = 0; j < c.rows.length && !mixed; j++) {
        const source = c.sourceAt(j)
        if (one === undefined) one = source
        else if (one !== source) mixed = true
      }
      n += c.rows.length
    }
    const rows = new Int32Array(n)
    const raws = new Float64Array(n)
    const sources: Array<Source> | undefined = mixed ? [] : undefined
    let at = 0
    for (const c of list) {
      rows.set(c.rows, at)
      raws.set(c.raws, at)
      if (sources !== undefined) for (let j = 0; j < c.rows.length; j++) sources.push(c.sourceAt(j))
      at += c.rows.length
    }
    return new ItemLines(rows, raws, Int32Array.of(0, n), mixed ? undefined : one, sources)
  }
  /** The source of the `j`-th line. */
  sourceAt(j: number): LineSource | RawLine {
    return this.#sources === undefined ? this.#one! : this.#sources[j]!
  }
  /** The sort key of the `j`-th line among its item's lines. */
  keyAt(j: number): string {
    const row = this.rows[j]!
    const source = this.sourceAt(j)
    return row < 0 ? (source as RawLine).key : (source as LineSource).key(row)
  }
  /** Puts the `u`-th unit's lines in key order (stable); most items credit in that order already. */
  sortUnit(u: number): void {
    const from = this.start[u]!
    const to = this.start[u + 1]!
    const n = to - from
    if (n < 2) return
    // Lines of one source that knows its rows' order are ordered by rank,
    // without reading their keys.
    if (this.#sources === undefined && this.rows[from]! >= 0) {
      const ranks = (this.#one as LineSource).ranks()
      if (ranks !== undefined) {
        this.#sortByRank(from, to, ranks === "row" ? undefined : ranks)
        return
      }
    }
    const keys = new Array<string>(n)
    keys[0] = this.keyAt(from)
    let ordered = true
    for (let j = 1; j < n; j++) {
      keys[j] = this.keyAt(from + j)
      if (ordered && keys[j - 1]! > keys[j]!) ordered = false
    }
    if (!ordered) this.#reorder(from, orderByKey(keys))
  }
  /** Orders the lines `from … to - 1` by their rows' ranks (`undefined`: the rows themselves), stable. */
  #sortByRank(from: number, to: number, ranks: ArrayLike<number> | undefined): void {
    const rows = this.rows
    const n = to - from
    let previous = -1
    let j = from
    for (; j < to; j++) {
      const r = ranks === undefined ? rows[j]! : ranks[rows[j]!]!
      if (r < previous) break
      previous = r
    }
    if (j === to) return
    // rank × n + position: a whole number below 2^53 for any rank below
    // 2^31 and up to 2^21 lines, sorted as numbers.
    const order = new Array<number>(n)
    if (n < 2 ** 21) {
      const packed = new Float64Array(n)
      for (let k = 0; k < n; k++)
        packed[k] = (ranks === undefined ? rows[from + k]! : ranks[rows[from + k]!]!) * n + k
      packed.sort()
      for (let k = 0; k < n; k++) order[k] = packed[k]! % n
    } else {
      const rank = (k: number) => (ranks === undefined ? rows[from + k]! : ranks[rows[from + k]!]!)
      for (let k = 0; k < n; k++) order[k] = k
      order.sort((a, b) => rank(a) - rank(b))
    }
    this.#reorder(from, order)
  }
  /** Puts the `order[k]`-th line from `from` at position `from + k`. */
  #reorder(from: number, order: ReadonlyArray<number>): void {
    const n = order.length
    const rows = this.rows.slice(from, from + n)
    const raws = this.raws.slice(from, from + n)
    for (let k = 0; k < n; k++) {
      this.rows[from + k] = rows[order[k]!]!
      this.raws[from + k] = raws[order[k]!]!
    }
    const sources = this.#sources
    if (sources !== undefined) {
      const was = sources.slice(from, from + n)
      for (let k = 0; k < n; k++) sources[from + k] = was[order[k]!]!
    }
  }
}

/**
 * @internal What one item credits, in the order credited: for each line the
 * index of the unit it goes to, its source, row and raw points (a line that
 * goes to a unit and its ancestors is credited once for each). `columns`
 * puts each unit's lines together.
 */
export class Credits {
  #n = 0
  #units: Int32Array
  #rows: Int32Array
  #raws: Float64Array
  #one: Source | undefined
  #sources: Array<Source> | undefined
  readonly #slot: string | undefined
  /**
   * With a `slot`, the columns are taken from the scratch arrays reused from
   * run to run and given back by {@link columns}, after which the credits
   * are not to be used.
   */
  constructor(slot?: string) {
    this.#slot = slot
    if (slot === undefined) {
      this.#units = new Int32Array(64)
      this.#rows = new Int32Array(64)
      this.#raws = new Float64Array(64)
    } else {
      this.#units = Scratch.int32(`${slot}:units`, 64)
      this.#rows = Scratch.int32(`${slot}:rows`, 64)
      this.#raws = Scratch.float64(`${slot}:raws`, 64)
    }
  }
  #grow(size = this.#units.length * 2) {
    const units = new Int32Array(size)
    units.set(this.#units)
    this.#units = units
    const rows = new Int32Array(size)
    rows.set(this.#rows)
    this.#rows = rows
    const raws = new Float64Array(size)
    raws.set(this.#raws)
    this.#raws = raws
  }
  /** Gives the scratch columns back (see the constructor); done by {@link columns}. */
  release(): void {
    const slot = this.#slot
    if (slot === undefined) return
    Scratch.keep(`${slot}:units`, this.#units)
    Scratch.keep(`${slot}:rows`, this.#rows)
    Scratch.keep(`${slot}:raws`, this.#raws)
    Scratch.release(`${slot}:units`, `${slot}:rows`, `${slot}:raws`)
  }
  /** The lines credited so far. */
  get length(): number {
    return this.#n
  }
  /** Makes room for `size` lines in all (e.g. one a project), so that crediting them copies nothing. */
  reserve(size: number): void {
    if (size > this.#units.length) this.#grow(size)
  }
  /** Credits the `row`-th line of `source` (-1: the raw line itself), of `raw` points, to unit `unit`. */
  add(unit: number, source: Source, row: number, raw: P.Micro): void {
    const k = this.#n
    if (k === this.#units.length) this.#grow()
    this.#units[k] = unit
    this.#rows[k] = row
    this.#raws[k] = raw
    if (this.#sources !== undefined) this.#sources.push(source)
    else if (this.#one === undefined || this.#one === source) this.#one = source
    else {
      this.#sources = new Array<Source>(k).fill(this.#one)
      this.#sources.push(source)
    }
    this.#n = k + 1
  }
  /**
   * Credits the `k`-th (`k < count`) line, row `rows[k]` of `source` with
   * `raws[k]` points, to the units `list[start[g] … start[g + 1] - 1]`, `g`
   * the group of the line's project (`groups[projects[k]]`); a project whose
   * group is negative is credited by `other`.
   */
  addRows(
    source: Source,
    projects: ArrayLike<number>,
    rows: ArrayLike<number>,
    raws: ArrayLike<number>,
    count: number,
    groups: Int32Array,
    start: Int32Array,
    list: Int32Array,
    other: (project: number, row: number, raw: P.Micro) => void
  ): void {
    // Lines of another source than those credited before are credited one by one.
    if (this.#sources !== undefined || (this.#one !== undefined && this.#one !== source)) {
      for (let k = 0; k < count; k++) {
        const g = groups[projects[k]!]!
        if (g < 0) other(projects[k]!, rows[k]!, raws[k]!)
        else
          for (let j = start[g]!, to = start[g + 1]!; j < to; j++)
            this.add(list[j]!, source, rows[k]!, raws[k]!)
      }
      return
    }
    this.#one = source
    // Room for every line at once: each goes to at most the widest group's units.
    let widest = 0
    for (let g = 0; g + 1 < start.length; g++)
      if (start[g + 1]! - start[g]! > widest) widest = start[g + 1]! - start[g]!
    this.reserve(this.#n + count * widest)
    let units = this.#units
    let lineRows = this.#rows
    let lineRaws = this.#raws
    let n = this.#n
    for (let k = 0; k < count; k++) {
      const g = groups[projects[k]!]!
      if (g < 0) {
        // A unit the snapshot does not list: credited by `other`, which may grow the columns.
        this.#n = n
        other(projects[k]!, rows[k]!, raws[k]!)
        n = this.#n
        this.reserve(n + (count - k) * widest)
        units = this.#units
        lineRows = this.#rows
        lineRaws = this.#raws
        continue
      }
      const row = rows[k]!
      const raw = raws[k]!
      for (let j = start[g]!, to = start[g + 1]!; j < to; j++) {
        units[n] = list[j]!
        lineRows[n] = row
        lineRaws[n] = raw
        n++
      }
    }
    this.#n = n
  }
  /** The lines of units `0 … count - 1`, each unit's in the order credited. */
  columns(count: number): ItemLines {
    const n = this.#n
    const units = this.#units
    const start = new Int32Array(count + 1)
    for (let k = 0; k < n; k++) start[units[k]! + 1]!++
    for (let u = 0; u < count; u++) start[u + 1]! += start[u]!
    const at = start.slice(0, count)
    const rows = new Int32Array(n)
    const raws = new Float64Array(n)
    const sources = this.#sources === undefined ? undefined : new Array<Source>(n)
    for (let k = 0; k < n; k++) {
      const to = at[units[k]!]!++
      rows[to] = this.#rows[k]!
      raws[to] = this.#raws[k]!
      if (sources !== undefined) sources[to] = this.#sources![k]!
    }
    const out = new ItemLines(
      rows,
      raws,
      start,
      sources === undefined ? this.#one : undefined,
      sources
    )
    this.release()
    return out
  }
}

// One instance of each kept for the life of the module: V8 drops the hidden
// class of objects none of which is left after a collection, and with it
// the optimised code of the loops made for it, which every run after a
// collection would otherwise compile again.
const KEPT: ReadonlyArray<unknown> = [
  new Credits(),
  new ItemLines(),
  new Line(
    "",
    "",
    "",
    "0",
    { key: "", raw: 0, render: () => ({ facts: {}, arithmetic: "", message: { zh: "", en: "" } }) },
    -1,
    0,
    undefined
  )
]
void KEPT

/** @internal Whether the projects' ids rise strictly, in the order given. */
export const inIdOrder = (projects: ReadonlyArray<{ readonly id: string }>): boolean => {
  for (let k = 1; k < projects.length; k++)
    if (!(projects[k - 1]!.id < projects[k]!.id)) return false
  return true
}

/**
 * @internal A unit's points, before ranking: its total, earned points and
 * items; its lines made when first read.
 */
export class UnitLines {
  readonly total: P.Micro
  readonly earned: P.Micro
  readonly items: ReadonlyArray<{ readonly item: string; readonly points: string }>
  readonly #policy: ScoringPolicy
  readonly #unit: string
  readonly #perItem: ReadonlyArray<ItemLines>
  readonly #at: number
  readonly #caps: ReadonlyArray<RawLine | undefined>
  #lines: ReadonlyArray<ScoreLine> | undefined
  constructor(
    total: P.Micro,
    earned: P.Micro,
    items: ReadonlyArray<{ readonly item: string; readonly points: string }>,
    policy: ScoringPolicy,
    unit: string,
    perItem: ReadonlyArray<ItemLines>,
    at: number,
    caps: ReadonlyArray<RawLine | undefined>
  ) {
    this.total = total
    this.earned = earned
    this.items = items
    this.#policy = policy
    this.#unit = unit
    this.#perItem = perItem
    this.#at = at
    this.#caps = caps
  }
  /** The unit's lines, item by item, made when first read. */
  get lines(): ReadonlyArray<ScoreLine> {
    if (this.#lines === undefined) {
      const out: Array<ScoreLine> = []
      const policy = this.#policy
      const unit = this.#unit
      const at = this.#at
      for (let i = 0; i < policy.items.length; i++) {
        const item = policy.items[i]!
        const column = this.#perItem[i]!
        const w = item.weight ?? 1
        const wm = w === 1 ? undefined : P.fromDecimal(w)
        const weight = wm === undefined ? undefined : w
        const to = column.start[at + 1]!
        for (let j = column.start[at]!; j < to; j++) {
          const raw = column.raws[j]!
          const pts = wm === undefined ? raw : P.times(raw, wm)
          out.push(
            new Line(
              unit,
              item.id,
              item.clause,
              P.format(pts),
              column.sourceAt(j),
              column.rows[j]!,
              raw,
              weight
            )
          )
        }
        const cap = this.#caps[i]
        if (cap !== undefined)
          out.push(
            new Line(unit, item.id, item.clause, P.format(cap.raw), cap, -1, cap.raw, undefined)
          )
      }
      this.#lines = out
    }
    return this.#lines
  }
}

/** The line that brings an item's sum to its maximum or minimum. */
const capLine = (
  title: { readonly zh: string; readonly en: string },
  before: P.Micro,
  bound: P.Micro,
  side: "max" | "min"
): RawLine => {
  const adj = bound - before
  return {
    key: "",
    raw: adj,
    render: () => ({
      facts: { before: P.format(before), bound: P.format(bound) },
      arithmetic: `${P.format(bound)} − ${P.format(before)} = ${signed(adj)}`,
      message: bounded({
        title,
        side,
        bound: P.format(bound),
        points: signed(adj)
      })
    })
  }
}

/**
 * @internal Weights, sorts, caps and totals the lines of the `at`-th unit of
 * `perItem` (one `ItemLines` an item), item by item (its lines are put in
 * key order in place); the line objects are made when its `lines` are first
 * read.
 */
export const scoreUnit = (
  policy: ScoringPolicy,
  unit: string,
  perItem: ReadonlyArray<ItemLines>,
  at: number
): UnitLines => {
  const items: Array<{ item: string; points: string }> = []
  const caps: Array<RawLine | undefined> = []
  let total = 0
  let earned = 0
  for (let i = 0; i < policy.items.length; i++) {
    const item = policy.items[i]!
    const column = perItem[i]!
    column.sortUnit(at)
    const raws = column.raws
    const from = column.start[at]!
    const to = column.start[at + 1]!
    const w = item.weight ?? 1
    let sum = 0
    if (w === 1) {
      for (let j = from; j < to; j++) {
        const pts = raws[j]!
        sum += pts
        if (pts > 0) earned += pts
      }
    } else {
      const wm = P.fromDecimal(w)
      for (let j = from; j < to; j++) {
        const pts = P.times(raws[j]!, wm)
        sum += pts
        if (pts > 0) earned += pts
      }
    }
    const max = item.max === undefined ? undefined : P.fromDecimal(item.max)
    const min = item.min === undefined ? undefined : P.fromDecimal(item.min)
    const bound =
      max !== undefined && sum > max ? max : min !== undefined && sum < min ? min : undefined
    let cap: RawLine | undefined
    if (bound !== undefined) {
      cap = capLine(item.title, sum, bound, bound === max ? "max" : "min")
      sum = bound
    }
    caps.push(cap)
    total += sum
    if (to > from || bound !== undefined) items.push({ item: item.id, points: P.format(sum) })
  }
  return new UnitLines(total, earned, items, policy, unit, perItem, at, caps)
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
