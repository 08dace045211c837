import { deepStrictEqual, equal } from "node:assert/strict"
import { Host } from "@gongjian/plugin-sdk"
import { ConstructionYear, Samples } from "@gongjian/policies"
import * as Result from "effect/Result"

// 四 names the county's fixed-asset target without a figure: the sample county's is 225亿元.
const host = Result.getOrThrow(
  Host.load([{ plugin: ConstructionYear.policy, options: { faiGoal: "225亿元" } }])
)
const snapshot = Samples.load("003-construction-year")

// #region policy
const year = Host.run(host, snapshot).assessments[0]!.assessment
deepStrictEqual(
  year.tiers.map((t) => [t.id, t.units]),
  [
    ["commended", ["county-a", "zone-gx", "dept-fg"]],
    ["completed", ["county-a", "zone-gx", "dept-fg"]],
    ["accountable", ["zone-jy", "county-b", "county-c", "dept-gx"]]
  ]
)
equal(ConstructionYear.targets().length, 5)
// #endregion policy

// #region yearEnd
// Combine a quarter (as of 6-30) with the year-end: 0.1 and 0.6.
const q2 = Host.run(host, snapshot, { asOf: "2026-06-30" }).assessments[0]!.assessment
const composite = ConstructionYear.yearEnd({ units: snapshot.units, quarters: [q2], year })
equal(composite.units[0]!.unit, "zone-gx")
// #endregion yearEnd
