/**
 * Units (单位): the towns, streets, parks, new districts and departments a
 * campaign assesses. Units form a hierarchy through `parent`.
 *
 * @since 0.1.0
 */
import * as Data from "effect/Data"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { Id } from "./internal/schema.js"

/**
 * The kind of a unit: `county` (县), `district` (区), `town` (镇), `street`
 * (街道), `park` (园区), `new-district` (新区), `zone-committee` (管委会),
 * `department` (部门, e.g. 区直部门), `village` (村/社区), `group` (产业工作组,
 * 指挥部) or `other`.
 *
 * @example
 * {@includeCode ../examples/Unit.ts#hierarchy}
 *
 * @since 0.1.0
 * @category schemas
 */
export const UnitKind = Schema.Literals([
  "county",
  "district",
  "town",
  "street",
  "park",
  "new-district",
  "zone-committee",
  "department",
  "village",
  "group",
  "other"
])

/**
 * The type of {@link UnitKind}.
 *
 * @example
 * {@includeCode ../examples/Unit.ts#hierarchy}
 *
 * @since 0.1.0
 * @category models
 */
export type UnitKind = typeof UnitKind.Type

/**
 * A person in a role (a unit's principal, a deputy, a project manager).
 *
 * @example
 * {@includeCode ../examples/Unit.ts#hierarchy}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Person = Schema.Struct({
  name: Schema.String,
  title: Schema.optionalKey(Schema.String)
}).annotate({ identifier: "Person" })

/**
 * The type of {@link Person}.
 *
 * @example
 * {@includeCode ../examples/Unit.ts#hierarchy}
 *
 * @since 0.1.0
 * @category models
 */
export type Person = typeof Person.Type

/**
 * A unit (单位): id, name, kind, parent, and its leaders — the principal
 * (主要负责人) and the deputies (分管负责人) whose outbound trips 002 三.1 counts.
 *
 * @example
 * {@includeCode ../examples/Unit.ts#hierarchy}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Unit = Schema.Struct({
  id: Id,
  name: Schema.String,
  kind: UnitKind,
  parent: Schema.optionalKey(Id),
  leaders: Schema.optionalKey(
    Schema.Struct({
      principal: Schema.optionalKey(Person),
      deputies: Schema.optionalKey(Schema.Array(Person))
    })
  )
}).annotate({ identifier: "Unit" })

/**
 * The type of {@link Unit}.
 *
 * @example
 * {@includeCode ../examples/Unit.ts#hierarchy}
 *
 * @since 0.1.0
 * @category models
 */
export type Unit = typeof Unit.Type

/**
 * The error of {@link hierarchy}: a duplicate id, an unknown parent or a cycle,
 * naming the unit.
 *
 * @example
 * {@includeCode ../examples/Unit.ts#errors}
 *
 * @since 0.1.0
 * @category errors
 */
export class UnitHierarchyError extends Data.TaggedError("UnitHierarchyError")<{
  readonly unit: string
  readonly problem: "duplicate-id" | "unknown-parent" | "cycle"
  readonly detail: string
}> {
  override get message(): string {
    return `Unit ${this.unit}: ${this.detail}`
  }
}

/**
 * Units indexed by id, with their children: build it once with
 * {@link hierarchy}, then ask {@link ancestors} and {@link descendants}.
 *
 * @example
 * {@includeCode ../examples/Unit.ts#hierarchy}
 *
 * @since 0.1.0
 * @category models
 */
export interface Hierarchy {
  readonly byId: ReadonlyMap<string, Unit>
  readonly children: ReadonlyMap<string, ReadonlyArray<string>>
  readonly roots: ReadonlyArray<string>
}

/**
 * Checks and indexes a list of units: every id unique, every parent known, no
 * cycles. Children are listed in id order whatever the input order.
 *
 * @example
 * {@includeCode ../examples/Unit.ts#hierarchy}
 *
 * @since 0.1.0
 * @category constructors
 */
export const hierarchy = (
  units: ReadonlyArray<Unit>
): Result.Result<Hierarchy, ReadonlyArray<UnitHierarchyError>> => {
  const errors: Array<UnitHierarchyError> = []
  const byId = new Map<string, Unit>()
  for (const u of units) {
    if (byId.has(u.id)) {
      errors.push(
        new UnitHierarchyError({
          unit: u.id,
          problem: "duplicate-id",
          detail: "the id is used twice"
        })
      )
    } else byId.set(u.id, u)
  }
  const children = new Map<string, Array<string>>()
  const roots: Array<string> = []
  for (const u of byId.values()) {
    if (u.parent === undefined) roots.push(u.id)
    else if (!byId.has(u.parent)) {
      errors.push(
        new UnitHierarchyError({
          unit: u.id,
          problem: "unknown-parent",
          detail: `parent ${u.parent} is not a unit of the snapshot`
        })
      )
    } else {
      const list = children.get(u.parent) ?? []
      list.push(u.id)
      children.set(u.parent, list)
    }
  }
  for (const u of byId.values()) {
    const seen = new Set<string>([u.id])
    for (let p = u.parent; p !== undefined; p = byId.get(p)?.parent) {
      if (seen.has(p)) {
        if (p === u.id) {
          errors.push(
            new UnitHierarchyError({
              unit: u.id,
              problem: "cycle",
              detail: `the unit is its own ancestor (${[...seen].join(" → ")} → ${p})`
            })
          )
        }
        break
      }
      seen.add(p)
    }
  }
  if (errors.length > 0) return Result.fail(errors)
  for (const list of children.values()) list.sort()
  roots.sort()
  return Result.succeed({ byId, children, roots })
}

/**
 * A unit and its ancestors, nearest first (所属层级), from a list of units: the
 * one walk up the parents that every engine uses (a unit's projects,
 * activities and reports count for its ancestors too). Each unit is walked
 * once and remembered; a cycle stops the walk where it comes back.
 *
 * @example
 * {@includeCode ../examples/Unit.ts#hierarchy}
 *
 * @since 0.2.0
 * @category queries
 */
export const lineageOf = (
  units: ReadonlyArray<{ readonly id: string; readonly parent?: string | undefined }>
): ((unit: string) => ReadonlyArray<string>) => {
  const parent = new Map(units.map((u) => [u.id, u.parent]))
  const cache = new Map<string, ReadonlyArray<string>>()
  return (unit) => {
    let l = cache.get(unit)
    if (l === undefined) {
      const out = [unit]
      const seen = new Set(out)
      for (let p = parent.get(unit); p !== undefined && !seen.has(p); p = parent.get(p)) {
        out.push(p)
        seen.add(p)
      }
      l = Object.freeze(out)
      cache.set(unit, l)
    }
    return l
  }
}

/**
 * The ancestors of a unit, nearest first.
 *
 * @example
 * {@includeCode ../examples/Unit.ts#hierarchy}
 *
 * @since 0.1.0
 * @category queries
 */
export const ancestors = (h: Hierarchy, id: string): ReadonlyArray<string> =>
  lineageOf([...h.byId.values()])(id).slice(1)

/**
 * The descendants of a unit, depth first in id order (the unit itself not
 * included).
 *
 * @example
 * {@includeCode ../examples/Unit.ts#hierarchy}
 *
 * @since 0.1.0
 * @category queries
 */
export const descendants = (h: Hierarchy, id: string): ReadonlyArray<string> => {
  const out: Array<string> = []
  const walk = (u: string) => {
    for (const c of h.children.get(u) ?? []) {
      out.push(c)
      walk(c)
    }
  }
  walk(id)
  return out
}

/** The levels of administrative area a name ends with, longest ending first. */
const AREA_ENDINGS: ReadonlyArray<readonly [string, { readonly zh: string; readonly en: string }]> =
  [
    ["街道", { zh: "全街道", en: "whole subdistrict" }],
    ["社区", { zh: "全社区", en: "whole community" }],
    ["县", { zh: "全县", en: "whole county" }],
    ["市", { zh: "全市", en: "whole city" }],
    ["区", { zh: "全区", en: "whole district" }],
    ["旗", { zh: "全旗", en: "whole banner" }],
    ["镇", { zh: "全镇", en: "whole town" }],
    ["乡", { zh: "全乡", en: "whole township" }],
    ["村", { zh: "全村", en: "whole village" }]
  ]

/** The area a unit kind names, for a root whose name does not say. */
const AREA_KINDS: Partial<Record<UnitKind, string>> = {
  county: "县",
  district: "区",
  "new-district": "区",
  town: "镇",
  street: "街道",
  village: "村"
}

/** What an issuing body's name adds after its area: 人民政府, 管委会, 办公室, …. */
const BODY = /(人民政府|政府|管理委员会|管委会|委员会|办公室|指挥部)$/

/**
 * The label of the whole area (全县, 全市, 全区, 全镇) a campaign covers: the
 * name for its area-wide figures in a bulletin, a wall chart, a progress
 * table or a spreadsheet, read from its root unit — the one unit without a
 * parent. The root's name decides when it ends with a level of
 * administrative area (示范市 → 全市, 甲县人民政府 → 全县, 桐木镇 → 全镇,
 * XX街道 → 全街道, also 乡, 旗, 村, 社区; an issuing body's 人民政府 or
 * 管委会 after the area is read past); otherwise its kind (`county` 全县, `district` and
 * `new-district` 全区, `town` 全镇, `street` 全街道, `village` 全村). When
 * nothing says — no unit, several units without a parent, or a root of
 * another kind with a name that names no area — it is 全域 ("whole area"),
 * never a level the data does not give.
 *
 * @example
 * {@includeCode ../examples/Unit.ts#area}
 *
 * @since 0.4.0
 * @category queries
 */
export const areaLabel = (
  units: ReadonlyArray<Pick<Unit, "name" | "kind" | "parent">>
): { readonly zh: string; readonly en: string } => {
  const roots = units.filter((u) => u.parent === undefined)
  const root = roots.length === 1 ? roots[0] : undefined
  if (root !== undefined) {
    const name = root.name.trim().replace(BODY, "")
    const byName = AREA_ENDINGS.find(([end]) => name.endsWith(end))
    if (byName !== undefined) return byName[1]
    const byKind = AREA_ENDINGS.find(([end]) => end === AREA_KINDS[root.kind])
    if (byKind !== undefined) return byKind[1]
  }
  return { zh: "全域", en: "whole area" }
}
