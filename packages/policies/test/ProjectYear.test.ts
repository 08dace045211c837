import { Money, Progress, View } from "@gongjian/core"
import { Host } from "@gongjian/plugin-sdk"
import { ProjectYear, Samples } from "@gongjian/policies"
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"

// The sample town of 004 (four villages, two offices, 29 key projects), assessed
// on 2026-12-20. Default points: key-project progress 10 × completion, +3 per
// key project completed in the year, +2 per key project started in the year.
const snapshot = Samples.load("004-project-year")
const out = Host.run(Result.getOrThrow(Host.load([{ plugin: ProjectYear.policy }])), snapshot)
const a = out.assessments[0]!.assessment

describe("004 plan 2: year-end scores", () => {
  it("scores each unit's key projects", () => {
    // key-progress: the share of the unit's key projects, preliminary ones aside, that have
    // started (the 18 to complete and the 5 to start all start by the year's end) × 10;
    // +3 per key project completed in 2026, +2 per key project started in 2026 and not completed.
    // 东村 v1: C1–C5, S1, S2 all started → 10; C1–C5 completed +15; S1, S2 started +4 → 29
    // 西村 v2: C1–C4, S1 started → 10; +12; +2 → 24
    // 南村 v3: C1–C3, S1 → 10; +9; +2 → 21
    // 北村 v4: C1 → 10; +3 → 13
    // 党政综合办 d1: C1, S1 → 10; +3; +2 → 15
    // 经济发展办 d2: only preliminary projects, none to start → 0
    // Plan 2 "分类考核": villages and departments are ranked apart.
    expect(a.units.map((u) => [u.group, u.unit, u.total, u.rank])).toEqual([
      ["villages", "v1", "29", 1],
      ["villages", "v2", "24", 2],
      ["villages", "v3", "21", 3],
      ["villages", "v4", "13", 4],
      ["departments", "d1", "15", 1],
      ["departments", "d2", "0", 2]
    ])
  })
  it("names the advanced of each group, and criticises the last of each", () => {
    expect(a.tiers.map((t) => [t.id, t.units])).toEqual([
      ["advanced", ["v1", "d1"]],
      ["criticised", ["v4", "d2"]],
      ["admonishment", ["v4", "d2"]]
    ])
  })
})

describe("004 plan 1 and plan 3: the monthly dispatch checks", () => {
  const failing = (gate: string) =>
    out.verdicts
      .filter((v) => v.gate === gate && !v.pass)
      .map((v) => [
        v.project,
        v.failures.map((f) => `${f.messageId}${f.data.procedure ? `:${f.data.procedure}` : ""}`)
      ])
  it("every key project has a county leader, host unit and owner", () => {
    expect(failing("leader-responsibility")).toEqual([["V4-P1", ["no-leader"]]])
  })
  it("preliminary projects: planning, site, EIA, filing", () => {
    // Verdicts come in project id order, whatever the order of the snapshot.
    expect(failing("preliminary-procedures")).toEqual([
      ["D2-P1", ["procedure-open:planning", "procedure-open:filing"]],
      ["V3-P2", ["procedure-open:eia"]],
      [
        "V4-N2",
        [
          "procedure-open:planning",
          "procedure-open:land",
          "procedure-open:eia",
          "procedure-open:filing"
        ]
      ]
    ])
  })
  it("started projects: land, funds, schedule", () => {
    expect(failing("construction-conditions")).toEqual([["V3-S1", ["no-funds"]]])
  })
  it("statistical registration and the risk gate (plan 3)", () => {
    // "健全项目入统机制" names no threshold: the national one is 计划总投资500万元及以上.
    // O11 (3000万, started 6-01) and V2-C1 (started in 2025) were never registered.
    expect(failing("registration")).toEqual([
      ["O11", ["not-registered"]],
      ["V2-C1", ["not-registered"]]
    ])
    expect(failing("risk-gate")).toEqual([["O4", ["flagged"]]])
  })
})

describe("004 plan 1 and plan 3: the targets", () => {
  const facts = Progress.facts(View.make(snapshot))
  const area = (id: string) =>
    Progress.ofTarget(facts, snapshot.campaign.targets.find((t) => t.id === id)!, {
      asOf: snapshot.asOf
    })[0]!
  it("counts the key projects", () => {
    // 29 key projects; 14 completed (5 + 4 + 3 + 1 + 1) of 18 → 0.7778; 5 started in the year of 5;
    // 5 preliminary projects signed (V1-P1, V2-P1, V4-P1, D2-P1, D2-P2) of 6 → 0.8333
    expect([
      area("key-projects").actual,
      area("key-completed").actual,
      area("key-completed").completion
    ]).toEqual([29, 14, 0.7778])
    expect([area("key-started").actual, area("key-preliminary").completion]).toEqual([5, 0.8333])
  })
  it("adds the reported service investment", () => {
    // 21亿 (H1) + 14亿 (Q3) = 35亿 of 45亿 → 0.7778
    const r = area("service-investment")
    expect([Money.format(r.actual as Money.Money), r.completion]).toEqual(["35亿元", 0.7778])
  })
})
