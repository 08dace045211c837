import { Money } from "@gongjian/core"
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import { County, League, ProvincePolicy, Standing } from "../src/index.js"

// A county of five projects, as of 2026-11-22, under the standard policy.
const county = {
  asOf: "2026-11-22",
  campaign: {
    id: "demo-2026",
    title: "项目攻坚年",
    kind: "project-year",
    window: { start: "2026-01-01", end: "2026-12-31" },
    phases: [],
    cadence: [],
    assessedUnitKinds: ["town"],
    targets: []
  },
  units: [
    { id: "k1", name: "甲县", kind: "county" },
    { id: "k1-t1", name: "一镇", kind: "town", parent: "k1" }
  ],
  projects: [
    // Signed, land 2026-03-01, started 2026-04-01: started in the year.
    project("A", [
      ["signed", "2026-01-10"],
      ["land-supplied", "2026-03-01"],
      ["started", "2026-04-01"]
    ]),
    // Signed, land 2026-06-01, not started by 11-22: past 3 months (09-01) → land-idle breach.
    project("B", [
      ["signed", "2026-05-01"],
      ["land-supplied", "2026-06-01"]
    ]),
    // Started 2023-03-01, not producing after 2 years (2025-03-01) → built-not-producing breach.
    project("C", [
      ["signed", "2022-10-01"],
      ["land-supplied", "2022-12-01"],
      ["started", "2023-03-01"]
    ]),
    // Signed only, in 2026: in the start-rate pool, not started.
    project("D", [["signed", "2026-10-01"]]),
    // Negotiating: not in the pool.
    project("E", [["negotiating", "2026-10-01"]])
  ],
  activities: [],
  reports: []
}

function project(id: string, events: ReadonlyArray<readonly [string, string]>) {
  return {
    id,
    name: `项目${id}`,
    unit: "k1-t1",
    sector: "secondary",
    investment: { total: "1亿元" },
    events: events.map(([type, date]) => ({ type, date }))
  }
}

describe("a county's standing", () => {
  it("writes a money target's actual in the goal's magnitude", () => {
    const standard = ProvincePolicy.standard()
    const money = (id: string, stage: "signed" | "in-production") => ({
      id,
      title: "签约项目总投资",
      measure: "total-investment" as const,
      scope: "area" as const,
      goal: Money.parseUnsafe("5亿元"),
      filter: { stage, reachedWithin: "window" as const }
    })
    const policy = {
      ...standard,
      targets: [money("signed", "signed"), money("none", "in-production")]
    }
    const s = Result.getOrThrow(Standing.of("k1", county, policy))
    // Signed in 2026: A, B and D, 1亿元 each → 3亿元 of 5亿元; nothing in production:
    // 0, written in 亿 as the goal is (not 0元).
    expect(s.targets.map((t) => [t.target, t.goal, t.actual])).toEqual([
      ["signed", "5亿元", "3亿元"],
      ["none", "5亿元", "0亿元"]
    ])
  })

  it("scores the targets and the findings as the policy says", () => {
    const policy = ProvincePolicy.standard({ allocations: [{ county: "k1", goal: 2 }] })
    const s = Result.getOrThrow(Standing.of("k1", county, policy))
    // start-rate: the pool is the signed projects A, B, C, D; started: A, C → 2/4 = 0.5
    // against a goal of 0.8: completion 0.5 / 0.8 = 5/8.
    // started-in-year: A started in 2026 (C in 2023); the allocation is 2 → 1/2.
    expect(s.targets.map((t) => [t.target, t.goal, t.actual, t.completion])).toEqual([
      ["start-rate", "0.8", "0.5", "5/8"],
      ["started-in-year", "2", "1", "1/2"]
    ])
    // completion: (5/8 + 1/2) / 2 = 9/16.
    expect(s.completion).toBe("9/16")
    // B is idle land (−1), C built and not producing (−2): −3.
    expect(s.findings).toEqual({ warning: 0, breach: 2, escalated: 0 })
    expect(s.breachesByClass).toEqual({ "built-not-producing": 1, "land-idle": 1 })
    expect(s.findingPoints).toBe(-3)
    // score: 100 × 9/16 − 3 = 56.25 − 3 = 53.25 = 213/4.
    expect([s.score, s.shownScore]).toEqual(["213/4", "53.25"])
  })

  it("reports a county whose file does not decode, naming the field", () => {
    const broken = { ...county, projects: [{ ...county.projects[0], unit: 7 }] }
    const r = Standing.of("k1", broken, ProvincePolicy.standard())
    expect(Result.isFailure(r) && [r.failure.code, r.failure.field]).toEqual([
      "snapshot",
      "projects[0].unit"
    ])
  })
})

describe("the league table", () => {
  const policy = ProvincePolicy.standard()
  const standings = County.ids(8).map((id) =>
    Result.getOrThrow(Standing.of(id, County.generate({ id, projects: 30 }), policy))
  )

  it("is the same bytes whatever order the standings arrive in", () => {
    const text = League.render(Result.getOrThrow(League.merge(policy, standings)))
    const reversed = League.render(
      Result.getOrThrow(League.merge(policy, [...standings].reverse()))
    )
    const shuffled = League.render(
      Result.getOrThrow(
        League.merge(
          policy,
          [...standings].sort((a, b) => (a.score < b.score ? -1 : 1))
        )
      )
    )
    expect(reversed).toBe(text)
    expect(shuffled).toBe(text)
  })

  it("ranks by score, best first, equal counties sharing a rank", () => {
    const twin = { ...standings[0]!, county: "c999" }
    const table = Result.getOrThrow(League.merge(policy, [...standings, twin]))
    const scores = table.counties.map((c) => {
      const [n, d] = c.score.split("/")
      return Number(n) / Number(d ?? 1)
    })
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    const a = table.counties.find((c) => c.county === standings[0]!.county)!
    const b = table.counties.find((c) => c.county === "c999")!
    expect(b.rank).toBe(a.rank)
  })

  it("refuses a county assessed twice", () => {
    const r = League.merge(policy, [...standings, standings[3]!])
    expect(Result.isFailure(r) && r.failure.code).toBe("duplicate")
  })
})
