import { equal } from "node:assert/strict"
import { Money, Target } from "@gongjian/core"
import * as Schema from "effect/Schema"

// #region target
// 002 二: each street, town and park signs at least 2 projects over 100M CNY
// at the fair during the drive.
const signings = Schema.decodeUnknownSync(Target.Target)({
  id: "fair-signings",
  title: "投洽会签约过亿元项目",
  measure: "projects",
  scope: "per-unit",
  goal: 2,
  filter: {
    stage: "signed",
    reachedWithin: "window",
    flags: ["signed-at-fair"],
    minInvestment: "1亿元"
  },
  clause: "002 二"
})
equal(Target.measures[signings.measure].source, "projects")
equal(Target.goalFor(signings, "xincheng"), 2)

// 000 一: 8.6亿元 of outside domestic capital, split over units.
const capital = Schema.decodeUnknownSync(Target.Target)({
  id: "outside-capital",
  title: "引进区外内资",
  measure: "outside-domestic-capital",
  scope: "area",
  goal: "8.6亿元",
  allocations: [{ unit: "xincheng", goal: "3亿元" }],
  clause: "000 一"
})
const share = Target.goalFor(capital, "xincheng")
equal(typeof share === "object" && Money.format(share), "3亿元")
equal(Target.goalFor(capital, "park"), undefined)
// #endregion target
