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
    // 东村 v1: 7 of its 8 key projects started or completed → 0.875 → 8.75; 5 completed +15; 2 started +4 → 27.75
    // 西村 v2: 5 of 7 → 10 × 5/7 = 7.142857 (exact ratio, rounded once at six places); 4 completed +12;
    // 1 started +2 → 21.142857
    // 南村 v3: 4 of 6 → 10 × 2/3 = 6.666667; +9; +2 → 17.666667
    // 北村 v4: 1 of 4 → 0.25 → 2.5; +3 → 5.5
    // 党政综合办 d1: 2 of 2 → 10; +3; +2 → 15;  经济发展办 d2: 0 of 2 → 0
    expect(a.units.map((u) => [u.unit, u.total, u.rank])).toEqual([
      ["v1", "27.75", 1],
      ["v2", "21.142857", 2],
      ["v3", "17.666667", 3],
      ["d1", "15", 4],
      ["v4", "5.5", 5],
      ["d2", "0", 6]
    ])
  })
  it("names the advanced, and criticises the last with an admonishment talk for its head", () => {
    expect(a.tiers.map((t) => [t.id, t.units])).toEqual([
      ["advanced", ["v1", "v2"]],
      ["criticised", ["d2"]],
      ["admonishment", ["d2"]]
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
    // O11 (3000万) is below the 5000万 threshold; V2-C1 started in 2025 and was never registered.
    expect(failing("registration")).toEqual([["V2-C1", ["not-registered"]]])
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
