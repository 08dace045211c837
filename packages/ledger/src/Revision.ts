/**
 * What a late correction changed (复核): two assessments of the same period —
 * as known when the bulletin was published, and as known after a correction
 * — compared unit by unit: which units moved in the ranking, which points of
 * which items changed, and the records of the ledger that changed in
 * between, with who changed them and why. 003 and 004 hold units accountable
 * on such figures; the difference is a result of its own.
 *
 * @since 0.1.0
 */
import * as BigDecimal from "effect/BigDecimal"
import * as Option from "effect/Option"
import type { Version } from "./Ledger.js"

/**
 * What {@link compare} reads of an assessment: the shape of the scoring
 * engine's `Assessment` (and of a plugin host's), so that any of them can be
 * compared.
 *
 * @example
 * {@includeCode ../examples/Revision.ts#compare}
 *
 * @since 0.1.0
 * @category models
 */
export interface Ranked {
  readonly policy: { readonly id: string; readonly version: string; readonly optionsHash: string }
  readonly asOf: string
  readonly units: ReadonlyArray<{
    readonly unit: string
    readonly name: string
    readonly total: string
    readonly rank: number
    readonly tiers: ReadonlyArray<string>
    readonly items: ReadonlyArray<{ readonly item: string; readonly points: string }>
  }>
}

/**
 * A unit's place in one of the two assessments.
 *
 * @example
 * {@includeCode ../examples/Revision.ts#compare}
 *
 * @since 0.1.0
 * @category models
 */
export interface Standing {
  readonly rank: number
  readonly total: string
  readonly tiers: ReadonlyArray<string>
}

/**
 * A unit whose score, rank or tiers changed: before and after (undefined when
 * it was not assessed then), how many places it moved (positive: up), the
 * items whose points changed with the difference, and the ledger's records
 * about it that changed in between (its reports, activities, projects and
 * their events, its own record).
 *
 * @example
 * {@includeCode ../examples/Revision.ts#compare}
 *
 * @since 0.1.0
 * @category models
 */
export interface UnitChange {
  readonly unit: string
  readonly name: string
  readonly before: Standing | undefined
  readonly after: Standing | undefined
  readonly moved: number
  readonly total: string
  readonly items: ReadonlyArray<{
    readonly item: string
    readonly before: string
    readonly after: string
    readonly change: string
  }>
  readonly because: ReadonlyArray<Version>
}

/**
 * The difference between two assessments: the units that changed, in the
 * order of the later ranking, and every record that changed in between.
 *
 * @example
 * {@includeCode ../examples/Revision.ts#compare}
 *
 * @since 0.1.0
 * @category models
 */
export interface Revision {
  readonly policy: Ranked["policy"]
  readonly asOf: string
  readonly units: ReadonlyArray<UnitChange>
  readonly changes: ReadonlyArray<Version>
}

const decimal = (s: string): BigDecimal.BigDecimal =>
  Option.getOrElse(BigDecimal.fromString(s), () => BigDecimal.fromBigInt(0n))

const text = (d: BigDecimal.BigDecimal): string => BigDecimal.format(BigDecimal.normalize(d))

const signed = (d: BigDecimal.BigDecimal): string =>
  BigDecimal.isPositive(d) ? `+${text(d)}` : text(d)

/** The unit a changed record is about, when it says. */
const unitOf = (v: Version, projectUnit: ReadonlyMap<string, string>): string | undefined => {
  const of = (value: unknown) =>
    value !== null && typeof value === "object" ? (value as { unit?: unknown }).unit : undefined
  if (v.kind === "unit") return v.id
  if (v.kind === "event") return projectUnit.get(v.id.slice(0, v.id.lastIndexOf("#")))
  const u = of(v.value) ?? of(v.previous)
  return typeof u === "string" ? u : undefined
}

/**
 * Compares two assessments of the same policy — `before` (as known when it
 * was published) and `after` (as known after the corrections) — given the
 * ledger's `changes` in between (see `Ledger.changes`) and the units of the
 * projects (a project's events name only the project).
 *
 * Points are compared exactly; a unit is listed when its total, rank or
 * tiers changed, or a record about it changed.
 *
 * @example
 * {@includeCode ../examples/Revision.ts#compare}
 *
 * @since 0.1.0
 * @category comparing
 */
export const compare = (
  before: Ranked,
  after: Ranked,
  changes: ReadonlyArray<Version> = [],
  projects: ReadonlyArray<{ readonly id: string; readonly unit: string }> = []
): Revision => {
  const projectUnit = new Map(projects.map((p) => [p.id, p.unit]))
  for (const c of changes)
    if (c.kind === "project") {
      const u = unitOf(c, projectUnit)
      if (u !== undefined && !projectUnit.has(c.id)) projectUnit.set(c.id, u)
    }
  const because = new Map<string, Array<Version>>()
  for (const c of changes) {
    const u = unitOf(c, projectUnit)
    if (u === undefined) continue
    const l = because.get(u)
    if (l === undefined) because.set(u, [c])
    else l.push(c)
  }
  const was = new Map(before.units.map((u) => [u.unit, u]))
  const now = new Map(after.units.map((u) => [u.unit, u]))
  const order = [
    ...after.units.map((u) => u.unit),
    ...before.units.filter((u) => !now.has(u.unit)).map((u) => u.unit)
  ]
  const units: Array<UnitChange> = []
  for (const id of order) {
    const b = was.get(id)
    const a = now.get(id)
    const standing = (u: typeof a): Standing | undefined =>
      u === undefined ? undefined : { rank: u.rank, total: u.total, tiers: u.tiers }
    const points = (u: typeof a) => new Map((u?.items ?? []).map((i) => [i.item, i.points]))
    const pb = points(b)
    const pa = points(a)
    const items = [...new Set([...pb.keys(), ...pa.keys()])].sort().flatMap((item) => {
      const x = decimal(pb.get(item) ?? "0")
      const y = decimal(pa.get(item) ?? "0")
      const d = BigDecimal.subtract(y, x)
      return BigDecimal.isZero(d)
        ? []
        : [{ item, before: text(x), after: text(y), change: signed(d) }]
    })
    const total = BigDecimal.subtract(decimal(a?.total ?? "0"), decimal(b?.total ?? "0"))
    const moved = b !== undefined && a !== undefined ? b.rank - a.rank : 0
    const tiersChanged = (b?.tiers ?? []).join() !== (a?.tiers ?? []).join()
    const records = because.get(id) ?? []
    if (
      items.length === 0 &&
      BigDecimal.isZero(total) &&
      moved === 0 &&
      !tiersChanged &&
      records.length === 0 &&
      b !== undefined &&
      a !== undefined
    )
      continue
    units.push({
      unit: id,
      name: a?.name ?? b?.name ?? id,
      before: standing(b),
      after: standing(a),
      moved,
      total: signed(total),
      items,
      because: records
    })
  }
  return { policy: after.policy, asOf: after.asOf, units, changes }
}
