import { deepStrictEqual, equal } from "node:assert/strict"
import { Snapshot } from "@gongjian/core"
import { Host } from "@gongjian/plugin-sdk"
import * as Result from "effect/Result"
import { county } from "./Plugin.js"
import { startPolicy } from "./startPolicy.js"

const snapshot = () =>
  Result.getOrThrow(
    Snapshot.decode({
      asOf: "2026-11-22",
      campaign: {
        id: "c",
        title: "项目建设年",
        kind: "construction-year",
        window: { start: "2026-01-01", end: "2026-12-31" },
        phases: [],
        cadence: [],
        assessedUnitKinds: ["town"],
        targets: []
      },
      units: [{ id: "u1", name: "甲镇", kind: "town" }],
      projects: [
        {
          id: "P-1",
          name: "智能装备",
          unit: "u1",
          sector: "secondary",
          flags: ["signed-at-fair"],
          events: [
            { type: "signed", date: "2026-03-01" },
            { type: "land-supplied", date: "2026-04-30" }
          ]
        }
      ]
    })
  )

// #region load
const host = Result.getOrThrow(Host.load([{ plugin: startPolicy }]))
// Each plugin with its options, defaults applied, and their fingerprint.
const installed: Host.Installed = host.installed[0]!
equal(installed.options.startWithinMonths, 3)
// #endregion load

// #region run
// Land supplied 4-30 + 3 months = 7-30; as of 11-22 it is 115 days overdue.
const out: Host.Run = Host.run(host, snapshot())
deepStrictEqual(
  out.findings.map((f) => [f.plugin, f.rule, f.messageId, f.message.zh]),
  [["demo-start", "start-within-3-months", "not-started", "P-1未在2026-07-30前开工，逾期115天"]]
)
const finding: Host.PluginFinding = out.findings[0]!
equal(finding.data.daysOverdue, 115)
const scored: Host.PluginAssessment = out.assessments[0]!.assessment
const line: Host.PluginLine = scored.units[0]!.lines[0]!
equal(line.message.zh, "智能装备投洽会签约 +2分")
equal(line.messageId, "fair-bonus")
// The risk gate passes P-1: no farmland, no high-energy or high-emission flag.
const verdict: Host.PluginVerdict = out.verdicts[0]!
deepStrictEqual([verdict.plugin, verdict.gate, verdict.pass], ["demo-start", "risk-gate", true])
equal(out.plugins[0]!.optionsHash, host.installed[0]!.optionsHash)
// The county's six months: 4-30 + 6 months = 10-30, 23 days overdue.
const local = Host.run(
  Result.getOrThrow(Host.load([{ plugin: county, options: { specialisedBonus: 1 } }])),
  snapshot()
)
equal(local.findings[0]!.message.zh, "P-1未在2026-10-30前开工，逾期23天")
// #endregion run

// #region errors
const bad = Host.load([
  { plugin: startPolicy, options: { startWithinMonths: 30 } },
  { plugin: startPolicy }
])
equal(Result.isFailure(bad), true)
if (Result.isFailure(bad)) {
  const errors: ReadonlyArray<Host.PluginLoadError> = bad.failure
  equal(errors[0]!._tag, "PluginLoadError")
  deepStrictEqual(
    errors.map((e) => [e.problem, e.path]),
    [
      ["options", "options.startWithinMonths"],
      ["duplicate-id", "meta.id"]
    ]
  )
}
// #endregion errors

// #region isolation
// A plugin that throws is named in an error; the others' results stand.
const faulty = {
  ...startPolicy,
  meta: { ...startPolicy.meta, id: "faulty" },
  create: () => ({
    scoring: {
      items: [
        {
          kind: "custom" as const,
          id: "boom",
          title: { zh: "x", en: "x" },
          clause: "x",
          compute: () => {
            throw new Error("division by zero")
          }
        }
      ]
    }
  })
}
const both = Host.run(
  Result.getOrThrow(Host.load([{ plugin: faulty }, { plugin: startPolicy }])),
  snapshot()
)
const thrown: Host.PluginRuntimeError = both.errors[0]!
deepStrictEqual([thrown.code, thrown.rule, thrown.stage], ["threw", "boom", "scoring"])
equal(
  both.errors[0]!.message,
  "Plugin faulty, rule boom (scoring): unit u1: the item threw: division by zero"
)
deepStrictEqual(
  both.assessments.map((a) => a.plugin),
  ["demo-start"]
)
// #endregion isolation
