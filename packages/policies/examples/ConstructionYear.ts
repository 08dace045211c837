import { deepStrictEqual, equal } from "node:assert/strict"
import { Host } from "@gongjian/plugin-sdk"
import { ConstructionYear, Samples } from "@gongjian/policies"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"

// #region policy
// 四 names the county's fixed-asset and investment targets without figures: the sample
// county's are 225亿元 and 90亿元. The other options keep their defaults (前三名 commended).
const figures = { faiGoal: "225亿元", investmentGoal: "90亿元" }
const options = Schema.decodeUnknownSync(ConstructionYear.Options)({
  ...ConstructionYear.defaults,
  ...figures
})
equal(options.commended, 3)
const host = Result.getOrThrow(Host.load([{ plugin: ConstructionYear.policy, options: figures }]))
const snapshot = Samples.load("003-construction-year")
const year = Host.run(host, snapshot).assessments[0]!.assessment
deepStrictEqual(
  year.tiers.map((t) => [t.id, t.units]),
  [
    ["commended", ["county-a", "zone-gx", "dept-fg"]],
    ["completed", ["county-a", "zone-gx", "dept-fg"]],
    ["accountable", ["zone-jy", "county-b", "county-c", "dept-gx"]]
  ]
)
// Without the county's figures: majors, industrial and service majors, the groups' funds, SOE.
equal(ConstructionYear.targets().length, 5)
equal(ConstructionYear.targets(options).length, 7) // with fixed-asset investment and funds in place
// #endregion policy

// #region yearEnd
// Combine a quarter (as of 6-30) with the year-end: 0.1 and 0.6.
const q2 = Host.run(host, snapshot, { asOf: "2026-06-30" }).assessments[0]!.assessment
const composite = ConstructionYear.yearEnd({ units: snapshot.units, quarters: [q2], year })
equal(composite.units[0]!.unit, "zone-gx")
// #endregion yearEnd
