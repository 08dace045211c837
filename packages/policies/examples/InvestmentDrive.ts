import { deepStrictEqual, equal } from "node:assert/strict"
import { Money } from "@gongjian/core"
import { Host } from "@gongjian/plugin-sdk"
import { all, InvestmentDrive, Samples } from "@gongjian/policies"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"

// #region policy
// The sample county gives its annual task and each unit's (二, 四.4 name no figure).
const options = all.find((e) => e.sample === "002-investment-drive")!.options
const host = Result.getOrThrow(Host.load([{ plugin: InvestmentDrive.policy, options }]))
const out = Host.run(host, Samples.load("002-investment-drive"))
const a = out.assessments[0]!.assessment
// Towns, streets and parks are ranked apart from departments (四.4).
deepStrictEqual(
  a.groups.map((g) => [g.id, g.units]),
  [
    ["towns", ["town-a", "street-b", "park-c", "town-d"]],
    ["departments", ["dept-e", "dept-f"]]
  ]
)
// 四.4 judges each unit's annual task at its due date, 12-31: as of 10-15 the units that
// have completed it are commended; the others are not criticised yet, their verdict pending.
deepStrictEqual(
  a.tiers.map((t) => [t.id, t.units]),
  [
    ["commended", ["town-a", "park-c", "dept-e"]],
    ["criticised", []]
  ]
)
deepStrictEqual(
  a.units.filter((u) => u.pending !== undefined).map((u) => u.unit),
  ["street-b", "town-d", "dept-f"]
)
// 二 "全区完成全年招商引资工作任务的80%": 0.8 of the annual 75亿元 is 60亿元.
const decided = Schema.decodeUnknownSync(InvestmentDrive.Options)({
  ...InvestmentDrive.defaults,
  ...options
})
equal(InvestmentDrive.defaults.annualShare, 0.8)
const share = InvestmentDrive.targets(decided).find((t) => t.id === "annual-share")!
equal(Money.format(share.goal as Money.Money), "60亿元")
// #endregion policy
