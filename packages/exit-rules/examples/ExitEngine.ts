import { deepStrictEqual, equal } from "node:assert/strict"
import { View } from "@gongjian/core"
import { ExitEngine, ExitRule, Finding } from "@gongjian/exit-rules"
import { snapshot } from "./scenario.js"

// #region evaluate
// The view: the snapshot as of its date, with its calendar and folded histories.
const input: ExitEngine.Input = { rules: ExitRule.threeTwoThree(), view: View.make(snapshot) }
const report: ExitEngine.ExitReport = ExitEngine.evaluate(input)

// Worked by hand from 001 三.(四), as of 2026-11-22:
// E-1 land 7-31 + 3 months = 10-31, not started: 22 days overdue → rectify.
// E-2 land 8-30 + 3 months = 11-30: 8 days left, inside the 30-day warning.
// E-3 land 5-31 + 3 months = 8-31, + 30 days' exemption = 9-30; the rectification
//     due 11-15 is unresolved, 7 days overdue → escalated: reclaim the land.
// E-4 started 2024-09-01 + 2 years = 2026-09-01, not producing: 82 days → exit.
// E-5 producing since 2023-06-30 + 3 years = 2026-06-30; tax per mu 12万 is
//     0.4 of the contract's 30万, below half: 145 days → reclaim the land.
deepStrictEqual(
  report.findings.map((f) => [
    f.project,
    f.severity,
    f.action,
    f.deadline,
    f.daysOverdue ?? -(f.daysLeft ?? 0)
  ]),
  [
    ["E-1", "breach", "rectify", "2026-10-31", 22],
    ["E-2", "warning", "warn", "2026-11-30", -8],
    ["E-3", "escalated", "reclaim-land", "2026-09-30", 7],
    ["E-4", "breach", "exit", "2026-09-01", 82],
    ["E-5", "breach", "reclaim-land", "2026-06-30", 145]
  ]
)
// Late but met: no finding, and the record stays. E-5 started 2021-05-01 and
// produced on 2023-06-30, after its two-year deadline 2023-05-01; E-6 was
// supplied land on 3-01 and started on 7-15, after its deadline 6-01.
const kept: ReadonlyArray<Finding.Resolution> = report.resolved
deepStrictEqual(
  kept.map((r) => [r.project, r.rule, r.how, r.on]),
  [
    ["E-5", "produce-within-2-years", "reached-late", "2023-06-30"],
    ["E-6", "start-within-3-months", "reached-late", "2026-07-15"]
  ]
)
equal(
  report.findings[0]!.message.zh,
  "智能装备（E-1）：供地于2026-07-31，应在3个月内开工，期限2026-10-31；已逾期22天。按001 三.(四)「3个月不开工」，建议限期整改。"
)
// Only E-3 is escalated: its rectification's own deadline passed unresolved.
const escalated: Finding.Severity = "escalated"
deepStrictEqual(
  report.findings.filter((f) => f.severity === escalated).map((f) => f.project),
  ["E-3"]
)
// Every rule could be judged for every project (E-5's tax per mu is measured).
const unjudged: ReadonlyArray<Finding.Unevaluated> = report.unevaluated
deepStrictEqual(unjudged, [])
// Without E-5's measurement of tax per mu, its rule cannot be judged, and the
// report says why, in English (`reason`) and in Chinese (`message.zh`).
const unmeasured = ExitEngine.evaluate({
  rules: ExitRule.threeTwoThree(),
  view: View.make({
    ...snapshot,
    projects: snapshot.projects.map((p) => (p.id === "E-5" ? { ...p, performance: [] } : p))
  })
}).unevaluated
deepStrictEqual(
  unmeasured.map((u) => [u.project, u.rule, u.message.zh]),
  [["E-5", "results-within-3-years", "2026-11-22（含）之前没有亩均税收的实测数据，无法评判"]]
)
equal(Finding.actionNames["reclaim-land"].zh, "收回土地")
equal(Finding.order({ project: "A", rule: "x" }, { project: "B", rule: "a" }), -1)
// #endregion evaluate
