import { deepStrictEqual, equal } from "node:assert/strict"
import { Unit } from "@gongjian/core"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"

// #region hierarchy
const director: Unit.Person = { name: "王主任", title: "管委会主任" }
const town: Unit.UnitKind = "town"
const units: ReadonlyArray<Unit.Unit> = [
  { id: "district", name: "示范区", kind: "district" },
  { id: "xincheng", name: "新城镇", kind: town, parent: "district" },
  {
    id: "park",
    name: "经济开发区",
    kind: "park",
    parent: "district",
    leaders: { principal: director, deputies: [{ name: "李副主任" }] }
  },
  { id: "park-a", name: "开发区A片区", kind: "park", parent: "park" }
]
equal(Schema.is(Unit.UnitKind)("province"), false) // not a kind of unit a campaign assesses
const h: Unit.Hierarchy = Result.getOrThrow(Unit.hierarchy(units))
equal(h.byId.get("park")?.leaders?.principal?.name, "王主任")
deepStrictEqual(h.roots, ["district"])
deepStrictEqual(Unit.descendants(h, "district"), ["park", "park-a", "xincheng"])
// A unit's records count for it and its ancestors, nearest first.
const lineage = Unit.lineageOf(units)
deepStrictEqual(lineage("park-a"), ["park-a", "park", "district"])
deepStrictEqual(Unit.ancestors(h, "park-a"), ["park", "district"])
// #endregion hierarchy

// #region errors
const broken = Unit.hierarchy([
  { id: "a", name: "A", kind: "town", parent: "b" },
  { id: "b", name: "B", kind: "town", parent: "a" },
  { id: "c", name: "C", kind: "town", parent: "nowhere" }
])
equal(Result.isFailure(broken), true)
if (Result.isFailure(broken)) {
  const errors: ReadonlyArray<Unit.UnitHierarchyError> = broken.failure
  equal(errors[0]!._tag, "UnitHierarchyError")
  deepStrictEqual(
    broken.failure.map((e) => `${e.unit}:${e.problem}`),
    ["c:unknown-parent", "a:cycle", "b:cycle"]
  )
}
// #endregion errors

// #region area
// The area-wide figures are named after the root unit: its name, else its kind.
deepStrictEqual(Unit.areaLabel(units), { zh: "全区", en: "whole district" })
const city: ReadonlyArray<Unit.Unit> = [{ id: "city", name: "示范市", kind: "district" }]
equal(Unit.areaLabel(city).zh, "全市") // the name says 市
const government: ReadonlyArray<Unit.Unit> = [{ id: "gov", name: "甲县人民政府", kind: "other" }]
equal(Unit.areaLabel(government).zh, "全县")
const tongmu: ReadonlyArray<Unit.Unit> = [{ id: "t", name: "桐木", kind: "town" }]
equal(Unit.areaLabel(tongmu).en, "whole town")
// Nothing says: two roots, or none.
equal(Unit.areaLabel([...city, ...tongmu]).zh, "全域")
equal(Unit.areaLabel([]).en, "whole area")
// #endregion area
