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
    // preliminary-progress: the share of its preliminary key projects with substantive progress
    // (signed, 具备落地条件) × 5; a unit with none has no such row;
    // +3 per key project completed in 2026, +2 per key project started in 2026 and not completed.
    // 东村 v1: C1–C5, S1, S2 all started → 10; P1 signed 1/1 → 5; C1–C5 +15; S1, S2 +4 → 34
    // 西村 v2: C1–C4, S1 → 10; P1 of P1, P2 → 2.5; +12; +2 → 26.5
    // 南村 v3: C1–C3, S1 → 10; P1, P2 negotiating → 0; +9; +2 → 21
    // 北村 v4: C1 → 10; P1 of P1, N1, N2 → 5 × 1/3 = 1.666667; +3 → 14.666667
    // 党政综合办 d1: C1, S1 → 10; no preliminary project; +3; +2 → 15
    // 经济发展办 d2: no project to start; P1, P2 signed → 5 → 5
    // Plan 2 "分类考核": villages and departments are ranked apart.
    expect(a.units.map((u) => [u.group, u.unit, u.total, u.rank])).toEqual([
      ["villages", "v1", "34", 1],
      ["villages", "v2", "26.5", 2],
      ["villages", "v3", "21", 3],
      ["villages", "v4", "14.666667", 4],
      ["departments", "d1", "15", 1],
      ["departments", "d2", "5", 2]
    ])
  })
  it("names the advanced of each group; criticises the units whose key projects show no results", () => {
    // "对工作不主动、措施不得力、成效不明显的责任部门和单位，要给予通报批评，并对主要负责人实行
    // 诫勉谈话": 成效不明显 read as a progress target missed — 西村 (1 of 2 preliminary), 南村 (0 of 2),
    // 北村 (1 of 3). 经济发展办, last of the departments, met its only target: not criticised.
    expect(a.tiers.map((t) => [t.id, t.units])).toEqual([
      ["advanced", ["v1", "d1"]],
      ["criticised", ["v2", "v3", "v4"]],
      ["admonishment", ["v2", "v3", "v4"]]
    ])
    // Plan 2 (七) "12月份，进行年底评分、考核": the assessment of 12-20 is the year's verdict,
    // though the year's targets fall due on 12-31 — judged as of the assessment, not pending.
    expect(a.asOf < snapshot.campaign.window.end).toBe(true)
    expect(a.units.filter((u) => u.pending !== undefined)).toEqual([])
  })
  it("a breakthrough and substantive progress are milestones a county may set", () => {
    // Substantive progress as land in hand (land-supplied): no preliminary project has land,
    // so 5 signed preliminary projects no longer count: key-preliminary 0 of 6.
    const o = {
      breakthroughStage: "completed" as const,
      substantiveStage: "land-supplied" as const
    }
    const t = ProjectYear.targets(o).find((x) => x.id === "key-preliminary")!
    expect(
      Progress.ofTarget(Progress.facts(View.make(snapshot)), t, { asOf: snapshot.asOf })[0]!.actual
    ).toBe(0)
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
  it("started projects: water, power, land, funds, schedule", () => {
    // "已开工项目重点协调调度水、电、地、资金等建设条件是否落实": V3-S1 has no funds arrived and
    // no power supply; V1-S1's water and power are in place; where the data says nothing of
    // water or power, they are not judged.
    expect(failing("construction-conditions")).toEqual([["V3-S1", ["no-funds", "no-power"]]])
  })
  it("statistical registration and the risk gate (plan 3)", () => {
    // "健全项目入统机制" names no threshold: the national one is 计划总投资500万元及以上.
    // O11 (3000万, started 6-01) and V2-C1 (started in 2025) were never registered.
    expect(failing("registration")).toEqual([
      ["O11", ["not-registered"]],
      ["V2-C1", ["not-registered"]]
    ])
    // "严禁违规占用耕地、生态保护红线" fails a project; "严控高耗能、高排放项目上马" calls for review:
    // O4 (high-energy) is listed for 严控 review, not failed by the risk gate.
    expect(failing("risk-gate")).toEqual([])
    expect(failing("two-high-review")).toEqual([["O4", ["flagged"]]])
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
