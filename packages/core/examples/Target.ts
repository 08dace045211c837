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
const measure: Target.Measure = signings.measure
const counted: Target.MeasureInfo = Target.measures[measure]
equal(counted.source, "projects")
equal(counted.zh, "项目数")
equal(Target.goalFor(signings, "xincheng"), 2)
// "过亿元" is read as at least 1亿元.
const filter: Target.ProjectFilter = signings.filter!
equal(Money.format(filter.minInvestment!), "1亿元")

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
const allocation: Target.Allocation = capital.allocations![0]!
equal(allocation.unit, "xincheng")
const share: Target.Goal | undefined = Target.goalFor(capital, "xincheng")
equal(typeof share === "object" && Money.format(share), "3亿元")
equal(Target.goalFor(capital, "park"), undefined)

// 002 三.1: each unit's principal leads at least 3 outbound investment trips.
const principalTrips: Target.ActivityFilter = { kinds: ["outbound-trip"], roles: ["principal"] }
const trips = Schema.decodeUnknownSync(Target.Target)({
  id: "outbound-trips",
  title: "主要负责人外出招商",
  measure: "activities",
  scope: "per-unit",
  goal: 3,
  activityFilter: principalTrips,
  clause: "002 三.1"
})
equal(Target.goalFor(trips, "xincheng"), 3)

// A figure no project record carries, reported by the statistics bureau.
const reported: Target.Report = Schema.decodeUnknownSync(Target.Report)({
  id: "R-2026-10",
  measure: "fixed-asset-investment",
  unit: "xincheng",
  on: "2026-10-31",
  value: "1.5亿元"
})
equal(typeof reported.value === "object" && Money.format(reported.value), "1.5亿元")
// #endregion target
