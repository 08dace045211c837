import { deepStrictEqual, equal } from "node:assert/strict"
import { ExitRule } from "@gongjian/exit-rules"
import * as Schema from "effect/Schema"

// #region rule
// A county rule as data: signed key projects must start by the contract's
// start date; ten days of warning; then rectification, then exit.
const stalled: ExitRule.FindingClass = "signed-not-built"
const anchor: ExitRule.Anchor = { contract: "startBy" } // itself the deadline: within 0 days
const requires: ExitRule.Requirement = { kind: "stage", stage: "started" }
const action: ExitRule.Action = "rectify"
const rule = Schema.decodeUnknownSync(ExitRule.ExitRule)({
  id: "start-by-contract",
  title: Schema.decodeUnknownSync(ExitRule.Title)({
    zh: "签约项目未按合同开工",
    en: "not started by the contract date"
  }),
  clause: "002 三.2",
  class: stalled,
  anchor,
  within: { days: 0 },
  requires,
  warnBefore: { days: 10 },
  action,
  escalateTo: "exit",
  filter: { flags: ["key"] }
})
equal(rule.class, "signed-not-built")
// Actions are listed by severity: escalation goes to a heavier one.
const bySeverity = ExitRule.Action.literals
equal(bySeverity.indexOf(rule.escalateTo!) > bySeverity.indexOf(rule.action), true)
// #endregion rule

// #region threeTwoThree
// 001 三.(四): 三个月不开工、两年不投产、三年不见效 — every number an option.
const options: ExitRule.ThreeTwoThreeOptions = { startWithinMonths: 6 }
const rules = ExitRule.threeTwoThree(options)
deepStrictEqual(
  rules.map((r) => [r.id, r.title.zh]),
  [
    ["start-within-3-months", "6个月不开工"],
    ["produce-within-2-years", "2年不投产"],
    ["results-within-3-years", "3年不见效"]
  ]
)
// The findings cite 001's clause unless the county names its own plan's.
equal(rules[0]?.clause, "001 三.(四)")
const county = ExitRule.threeTwoThree({ clause: "县方案 四.2" })
deepStrictEqual(new Set(county.map((r) => r.clause)), new Set(["县方案 四.2"]))
// #endregion threeTwoThree
