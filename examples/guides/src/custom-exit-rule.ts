// A county's own exit rule and the message ids its findings are reported by.
import { deepStrictEqual, equal } from "node:assert/strict"
import { Snapshot } from "@gongjian/core"
import { Host, Plugin } from "@gongjian/plugin-sdk"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"

// 示范县 第七条: a started project completes within 18 months; a month before
// the deadline the county warns, after it the project is ordered to rectify.
const completionRule = Plugin.definePlugin({
  meta: {
    id: "demo-county/completion",
    version: "1.0.0",
    title: { zh: "项目竣工期限", en: "completion deadline" },
    source: { document: "demo-county 2026-3", clauses: ["第七条"] },
    sdk: `^${Plugin.sdkVersion}`
  },
  options: Schema.Struct({ completeWithinMonths: Schema.Int }),
  defaults: { completeWithinMonths: 18 },
  // A finding's message id is what the rule's `messageId` gives: a fixed id,
  // or (as here) a function of the finding's data. Without `messageId` it is
  // the rule's own id, and the engine's wording is used when the plugin has no
  // message of that id.
  messages: {
    "completion-warning": {
      zh: "{project}：应于{deadline}前竣工，还有{daysLeft}天",
      en: "{project}: to be completed by {deadline}, {daysLeft} days left"
    },
    "completion-overdue": {
      zh: "{project}：开工于{anchor}，应于{deadline}前竣工，已逾期{daysOverdue}天，建议{action}",
      en: "{project}: started {anchor}, due {deadline}, {daysOverdue} days overdue; {action}"
    }
  },
  create: (o) => ({
    exitRules: [
      {
        id: "complete-within-18-months",
        title: { zh: `${o.completeWithinMonths}个月未竣工`, en: "not completed in time" },
        clause: "demo-county 第七条",
        class: "built-not-producing",
        anchor: { milestone: "started" },
        within: { months: o.completeWithinMonths },
        requires: { kind: "stage", stage: "completed" },
        warnBefore: { days: 30 },
        action: "rectify",
        messageId: (data) =>
          data.severity === "warning" ? "completion-warning" : "completion-overdue"
      }
    ]
  })
})

const started = (id: string, on: string) => ({
  id,
  name: `项目${id}`,
  unit: "town-a",
  sector: "secondary",
  events: [
    { type: "signed", date: "2024-10-08" },
    { type: "started", date: on }
  ]
})
const snapshot = Result.getOrThrow(
  Snapshot.decode({
    asOf: "2026-11-22",
    campaign: {
      id: "service-2026",
      title: "项目服务",
      kind: "service-and-exit",
      window: { start: "2026-01-01", end: "2026-12-31" },
      phases: [],
      cadence: [],
      assessedUnitKinds: ["town"],
      targets: []
    },
    units: [{ id: "town-a", name: "甲镇", kind: "town" }],
    // C-1 started 2025-05-10 + 18 months = 2026-11-10: 12 days overdue on 11-22.
    // C-2 started 2025-06-10 + 18 months = 2026-12-10: 18 days left, inside the
    //     30-day warning.
    projects: [started("C-1", "2025-05-10"), started("C-2", "2025-06-10")],
    activities: [],
    reports: []
  })
)
const out = Host.run(Result.getOrThrow(Host.load([{ plugin: completionRule }])), snapshot)
deepStrictEqual(out.errors, [])
deepStrictEqual(
  out.findings.map((f) => [f.project, f.messageId, f.severity, f.deadline]),
  [
    ["C-1", "completion-overdue", "breach", "2026-11-10"],
    ["C-2", "completion-warning", "warning", "2026-12-10"]
  ]
)
// The placeholders a finding's message may use: project, unit, deadline,
// anchor (the date counted from), severity, action (in the message's
// language), daysOverdue, daysLeft, and the rule's facts.
equal(
  out.findings[0]!.message.zh,
  "C-1：开工于2025-05-10，应于2026-11-10前竣工，已逾期12天，建议限期整改"
)

// A message id with no message is an error when the plugin loads, not a
// silent fallback.
const typo = Plugin.definePlugin({
  ...completionRule,
  meta: { ...completionRule.meta, id: "demo-county/typo" },
  create: (o) => ({
    exitRules: completionRule
      .create(o)
      .exitRules!.map((r) => ({ ...r, messageId: "completion-overdu" }))
  })
})
const loaded = Host.load([{ plugin: typo }])
equal(Result.isFailure(loaded) && loaded.failure[0]!.problem, "contents")
