import { deepStrictEqual, equal } from "node:assert/strict"
import { Money, type Project } from "@gongjian/core"
import { Gate } from "@gongjian/plugin-sdk"

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
const verdict = Gate.evaluate(signing, project)
equal(verdict.pass, false)
deepStrictEqual(
  verdict.failures.map((f) => f.message.zh),
  ["总投资为8000万元，低于1亿元", "未填报亩均税收", "合同未约定竣工时间"]
)
// 004 plan 3: no farmland, no high-energy or high-emission project.
deepStrictEqual(
  Gate.evaluate(Gate.riskGate(), project).failures.map((f) => f.messageId),
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
equal(Gate.evaluate(jobs, project).failures[0]?.messageId, "few-jobs")
// #endregion custom
