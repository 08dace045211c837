import { deepStrictEqual, equal } from "node:assert/strict"
import { Money, type Project, type Snapshot, View } from "@gongjian/core"
import { Gate } from "@gongjian/plugin-sdk"
import * as Schema from "effect/Schema"

// #region gate
// 002 三.4: land use, investment intensity, tax and schedule, and "truly over 1亿".
const signing = Gate.signingGate({
  minIntensityPerMu: Money.parseUnsafe("300万元"),
  minTaxPerMu: Money.parseUnsafe("20万元")
})
const project: Project.Project = {
  id: "G-1",
  name: "小型加工",
  unit: "u1",
  sector: "secondary",
  investment: { total: Money.parseUnsafe("8000万元") },
  land: { use: "industrial", occupiesFarmland: true },
  contract: { investmentIntensityPerMu: Money.parseUnsafe("320万元"), startBy: "2027-03-31" },
  events: []
}
// Gates judge as of the county's view: its date and its calendar.
const county: Snapshot.Snapshot = {
  asOf: "2026-06-30",
  campaign: {
    id: "drive-2026",
    title: "招商引资集中攻坚",
    kind: "investment-drive",
    window: { start: "2026-01-01", end: "2026-12-31" },
    phases: [],
    cadence: [],
    assessedUnitKinds: ["park"],
    targets: []
  },
  units: [{ id: "u1", name: "经济开发区", kind: "park" }],
  projects: [project]
}
const view = View.make(county)
const verdict: Gate.Verdict = Gate.evaluate(signing, project, view)
equal(verdict.pass, false)
deepStrictEqual(
  verdict.failures.map((f) => f.message.zh),
  ["总投资为8000万元，低于1亿元", "未填报亩均税收", "合同未约定竣工时间"]
)
// A county's own gate as data: industrial land, and at least 2亿 of investment.
const parkEntry = Schema.decodeUnknownSync(Gate.DataGate)({
  id: "park-entry",
  title: { zh: "园区准入", en: "park entry" },
  clause: "local",
  conditions: [
    { kind: "land-use", allowed: ["industrial"] },
    { kind: "at-least", field: "investment.total", amount: "2亿元" }
  ]
})
const minimum: Gate.Condition = parkEntry.conditions[1]!
equal(minimum.kind, "at-least")
const below: Gate.Failure = Gate.evaluate(parkEntry, project, view).failures[0]!
equal(below.messageId, "below")
equal(below.message.zh, "总投资为8000万元，低于2亿元")
// 004 plan 3: no farmland, no high-energy or high-emission project.
deepStrictEqual(
  Gate.evaluate(Gate.riskGate(), project, view).failures.map((f) => f.messageId),
  ["red-line"]
)
// #endregion gate

// #region custom
const jobs: Gate.CustomGate = {
  id: "jobs",
  title: { zh: "就业承诺", en: "jobs" },
  clause: "001 三.(四)",
  check: (p) =>
    (p.contract?.jobs ?? 0) < 50
      ? [{ messageId: "few-jobs", data: { jobs: p.contract?.jobs ?? 0 } }]
      : []
}
equal(Gate.evaluate(jobs, project, view).failures[0]?.messageId, "few-jobs")
// A gate may read the view's date and calendar: a start date already past fails.
const startAhead: Gate.CustomGate = {
  id: "start-ahead",
  title: { zh: "开工时间未过", en: "start date ahead" },
  clause: "local",
  check: (p, context: Gate.Context) =>
    p.contract?.startBy !== undefined && p.contract.startBy < context.asOf
      ? [{ messageId: "start-passed", data: { startBy: p.contract.startBy } }]
      : []
}
equal(Gate.evaluate(startAhead, project, view).pass, true) // 2027-03-31 is after 2026-06-30
// #endregion custom
