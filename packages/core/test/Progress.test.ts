import { Lifecycle, Money, Progress, Ratio, Snapshot, type Target, View } from "@gongjian/core"
import * as Result from "effect/Result"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { baseInput } from "./fixtures.js"

const p = (
  id: string,
  unit: string,
  events: ReadonlyArray<[string, string]>,
  extra: Record<string, unknown> = {}
) => ({
  id,
  name: id,
  unit,
  sector: "secondary",
  events: events.map(([type, date]) => ({ type, date })),
  ...extra
})

// As of 2026-04-10 in a window 2026-02-20 … 2026-05-31: 50 of 101 days, 序时进度 0.4950.
const input = () => {
  const i = baseInput()
  i.projects = [
    p(
      "P-1",
      "town-a",
      [
        ["signed", "2026-02-25"],
        ["started", "2026-03-20"]
      ],
      { investment: { total: "2亿元" }, flags: ["stock"] }
    ),
    p("P-2", "town-a", [["signed", "2026-03-05"]], {
      investment: { total: "5000万元" },
      flags: ["stock"]
    }),
    p(
      "P-3",
      "park-east",
      [
        ["signed", "2026-01-10"],
        ["started", "2026-03-01"]
      ],
      { investment: { total: "12亿元" } }
    ),
    p(
      "P-4",
      "park",
      [
        ["signed", "2026-03-15"],
        ["exited", "2026-04-01"]
      ],
      { investment: { total: "3亿元" } }
    ),
    p(
      "P-5",
      "town-b",
      [
        ["negotiating", "2026-03-01"],
        ["signed", "2026-03-10"]
      ],
      { investment: { total: "1000万美元" } }
    ),
    p("P-6", "town-b", [["signed", "2026-02-21"]], {
      investment: { total: "1.5亿元" },
      events: [
        { type: "signed", date: "2026-02-21" },
        { type: "funds-arrived", date: "2026-02-10", amount: "9亿元" },
        { type: "funds-arrived", date: "2026-03-10", amount: "4000万元" },
        { type: "funds-arrived", date: "2026-03-11", amount: "50万美元" },
        { type: "funds-arrived", date: "2026-04-20", amount: "1亿元" }
      ]
    })
  ]
  i.activities = [
    { id: "A-1", kind: "outbound-trip", unit: "town-a", date: "2026-03-02", role: "principal" },
    { id: "A-2", kind: "outbound-trip", unit: "town-a", date: "2026-03-20", role: "deputy" },
    { id: "A-3", kind: "outbound-trip", unit: "park-east", date: "2026-03-21", role: "principal" },
    { id: "A-4", kind: "outbound-trip", unit: "town-b", date: "2026-02-01", role: "principal" }
  ]
  i.reports = [
    {
      id: "R-1",
      measure: "fixed-asset-investment",
      unit: "town-a",
      on: "2026-02-28",
      value: "1.2亿元"
    },
    {
      id: "R-2",
      measure: "fixed-asset-investment",
      unit: "park",
      on: "2026-03-31",
      value: "2.3亿元"
    },
    {
      id: "R-3",
      measure: "fixed-asset-investment",
      unit: "park",
      on: "2026-04-30",
      value: "9亿元"
    },
    { id: "R-4", measure: "demolished-households", on: "2026-03-31", value: 120 }
  ]
  return i
}

const run = (i: ReturnType<typeof input>, target: unknown) => {
  i.campaign.targets = [target]
  const s = Result.getOrThrow(Snapshot.decode(i))
  const { timelines } = Lifecycle.foldAll(s.projects, { asOf: s.asOf })
  return Progress.ofTarget(
    {
      campaign: s.campaign,
      units: s.units,
      projects: s.projects,
      timelines: new Map(timelines.map((t) => [t.project, t])),
      activities: s.activities ?? [],
      reports: s.reports ?? []
    },
    s.campaign.targets[0] as Target.Target,
    { asOf: s.asOf }
  )
}
const show = (g: Target.Goal) => (typeof g === "number" ? g : Money.format(g))

describe("exact completion", () => {
  it("keeps 4,999.98万美元 of 5,000万美元 below 1, rounding only what is shown", () => {
    const i = input()
    i.projects = [
      p("F-1", "town-a", [["signed", "2026-03-01"]], {
        investment: { paidInForeign: "4999.98万美元" }
      })
    ]
    const [area] = run(i, {
      id: "t",
      title: "实到外资",
      measure: "paid-in-fdi",
      scope: "area",
      goal: "5000万美元"
    })
    // 49,999,800 / 50,000,000 = 249999/250000 = 0.999996: not reached, though 1 at 4 places.
    expect([area!.ratio.numerator, area!.ratio.denominator]).toEqual([249999n, 250000n])
    expect(Ratio.isAtLeast(area!.ratio, 1)).toBe(false)
    expect(area!.completion).toBe(1)
    expect(Ratio.show(area!.ratio)).toBe("0.999996")
  })
})

describe("ofTarget", () => {
  it("counts projects per assessed unit, sub-units included, exited ones not", () => {
    // 每个单位签约1个过亿元项目 (signed in the window, total ≥ 1亿元):
    // town-a: P-1 (2亿) yes, P-2 (5000万) no → 1; town-b: P-6 (1.5亿) → 1;
    // park: P-3 signed before the window, P-4 exited → 0; park-east: 0.
    const rows = run(input(), {
      id: "t",
      title: "过亿元签约",
      measure: "projects",
      scope: "per-unit",
      goal: 1,
      filter: { stage: "signed", reachedWithin: "window", minInvestment: "1亿元" }
    })
    expect(rows.map((r) => [r.unit, r.actual, r.completion, r.status])).toEqual([
      ["park", 0, 0, "red"],
      ["park-east", 0, 0, "red"],
      ["town-a", 1, 1, "ahead"],
      ["town-b", 1, 1, "ahead"]
    ])
    // P-5's total is in USD: it cannot be compared with 1亿元, so it is reported.
    expect(rows[3]!.rejected).toMatchObject([
      {
        record: "P-5",
        reason: "its total investment is in another currency than the filter's bound"
      }
    ])
    // Said in Chinese too, for Chinese views; the English is the reason.
    expect(rows[3]!.rejected[0]!.message.zh).toMatch(/\p{Script=Han}/u)
    expect(rows[3]!.rejected[0]!.message.en).toBe(rows[3]!.rejected[0]!.reason)
  })

  it("counts from a target's own start date when it has one (an annual task)", () => {
    // Window 2026-02-20 … 2026-05-31, as of 2026-04-10. Signed, total ≥ 1亿元:
    // from the window's start: P-1 (2-25) and P-6 (2-21) → 2; P-3 signed 2026-01-10 is before it.
    // With from 2026-01-01 (the annual task counts the whole year): P-1, P-3, P-6 → 3.
    const target = {
      id: "t",
      title: "年度签约",
      measure: "projects",
      scope: "area",
      goal: 4,
      filter: { stage: "signed", reachedWithin: "window", minInvestment: "1亿元" }
    }
    expect(run(input(), target)[0]!.counted).toEqual(["P-1", "P-6"])
    const annual = run(input(), { ...target, from: "2026-01-01", due: "2026-12-31" })[0]!
    expect(annual.counted).toEqual(["P-1", "P-3", "P-6"])
    // 序时进度 runs over the year: 2026-01-01 … 04-10 is 100 of 365 days → 0.274.
    expect(annual.expected).toBe(0.274)
  })

  it("counts foreign funds paid in during the window, not a project's lifetime total", () => {
    // P-6's funds-arrived events: 2-10 9亿元 (before the window, CNY), 3-10 4000万元 (CNY),
    // 3-11 50万美元 (USD, inside), 4-20 1亿元 (after as-of). Only 50万美元 is foreign money paid
    // in during the window; the CNY funds are domestic and not this measure (none is rejected).
    const [row] = run(input(), {
      id: "t",
      title: "实到外资",
      measure: "foreign-funds-arrived",
      scope: "area",
      goal: "100万美元"
    })
    expect([show(row!.actual), row!.completion, row!.counted, row!.rejected]).toEqual([
      "50万美元",
      0.5,
      ["P-6@2026-03-11"],
      []
    ])
  })

  it("filters on any stage reached in the window, and on dates the contract lacks", () => {
    // 引进或在谈: negotiating or signed inside 2-20 … 5-31. P-5 negotiating 3-01 → yes; P-3 signed
    // 2026-01-10, before the window → no; P-1, P-2, P-6 signed inside → yes; P-4 exited.
    const target = {
      id: "t",
      title: "引进或在谈",
      measure: "projects",
      scope: "area",
      goal: 5,
      filter: { anyReachedWithin: ["negotiating", "signed"] }
    }
    expect(run(input(), target)[0]!.counted).toEqual(["P-1", "P-2", "P-5", "P-6"])
    // withoutContract: P-2 states a start date in its contract, so it is left out.
    const i = input()
    ;(i.projects[1] as Record<string, unknown>).contract = { startBy: "2026-06-30" }
    expect(
      run(i, {
        ...target,
        filter: { anyReachedWithin: ["signed"], withoutContract: ["startBy"] }
      })[0]!.counted
    ).toEqual(["P-1", "P-5", "P-6"])
  })

  it("an area target with unit kinds counts only the records of units of those kinds", () => {
    // Projects signed in the window (2-20 … 5-31): P-1, P-2 (town-a), P-5, P-6 (town-b); P-3 (park-east)
    // was signed 2026-01-10 and P-4 exited. With the window from 2026-01-01 P-3 counts too.
    // Restricted to parks: only P-3 (park-east, a park under the park) → 1; towns' projects are
    // not the parks' task.
    const rows = run(input(), {
      id: "t",
      title: "园区签约",
      measure: "projects",
      scope: "area",
      unitKinds: ["park"],
      goal: 2,
      from: "2026-01-01",
      filter: { stage: "signed", reachedWithin: "window" }
    })
    expect([rows[0]!.unit, rows[0]!.counted, rows[0]!.completion]).toEqual([
      undefined,
      ["P-3"],
      0.5
    ])
  })

  it("an area target on unit kinds counts their records, never all of them through the root's kind", () => {
    // A city (root of kind `district`) with two districts, a working group and its own
    // record; funds in place in the window: 区甲 dist-a 20亿 + 区甲东片 (under 区甲) 5亿,
    // 区乙 dist-b 10亿, the working group 95亿, the city itself 3亿.
    // The districts' task (unitKinds ["district"], 90亿): 20 + 5 + 10 = 35亿, 35/90 →
    // 0.3888…; the city is of kind `district` too, but it is the whole area, not one of the
    // districts: counted through it, the group and the city would add 98亿 (133亿).
    // The group's task (unitKinds ["group"], 110亿): 95亿 only.
    const i = input()
    i.units = [
      { id: "city", name: "示范市", kind: "district" },
      { id: "dist-a", name: "区甲", kind: "district", parent: "city" },
      { id: "dist-a-east", name: "区甲东片", kind: "park", parent: "dist-a" },
      { id: "dist-b", name: "区乙", kind: "district", parent: "city" },
      { id: "group", name: "招商工作组", kind: "group", parent: "city" }
    ]
    const funds = (id: string, unit: string, amount: string) =>
      p(id, unit, [["signed", "2026-03-01"]], {
        events: [
          { type: "signed", date: "2026-03-01" },
          { type: "funds-arrived", date: "2026-03-20", amount }
        ]
      })
    i.activities = []
    i.reports = []
    i.projects = [
      funds("A", "dist-a", "20亿元"),
      funds("AE", "dist-a-east", "5亿元"),
      funds("B", "dist-b", "10亿元"),
      funds("G", "group", "95亿元"),
      funds("C", "city", "3亿元")
    ]
    const area = (unitKinds: ReadonlyArray<string>, goal: string) =>
      run(i, {
        id: "t",
        title: "到位资金",
        measure: "funds-in-place",
        scope: "area",
        unitKinds,
        goal
      }).find((r) => r.unit === undefined)!
    const districts = area(["district"], "90亿元")
    expect([show(districts.actual), districts.counted]).toEqual([
      "35亿元",
      ["A@2026-03-20", "AE@2026-03-20", "B@2026-03-20"]
    ])
    expect(districts.ratio).toEqual(Ratio.makeUnsafe(35, 90))
    const group = area(["group"], "110亿元")
    expect([show(group.actual), group.counted]).toEqual(["95亿元", ["G@2026-03-20"]])
    // Without unitKinds the whole area counts every record: 20 + 5 + 10 + 95 + 3 = 133亿.
    const all = run(i, {
      id: "t",
      title: "全市到位资金",
      measure: "funds-in-place",
      scope: "area",
      goal: "200亿元"
    })[0]!
    expect(show(all.actual)).toBe("133亿元")
  })

  it("counts the distinct projects activities name, once each", () => {
    // Two expert-review meetings of town-a name P-1 and P-2, then P-2 again: 2 projects, not 3.
    const i = input()
    i.activities = [
      {
        id: "E-1",
        kind: "expert-review",
        unit: "town-a",
        date: "2026-03-02",
        projects: ["P-1", "P-2"]
      },
      { id: "E-2", kind: "expert-review", unit: "town-a", date: "2026-03-09", projects: ["P-2"] }
    ]
    const rows = run(i, {
      id: "t",
      title: "专家论证项目",
      measure: "activity-projects",
      scope: "per-unit",
      goal: 3,
      activityFilter: { kinds: ["expert-review"] }
    })
    expect(rows.find((r) => r.unit === "town-a")).toMatchObject({
      actual: 2,
      counted: ["P-1", "P-2"]
    })
  })

  it("a start rate counts the stage a target names, and skips a unit with an empty pool", () => {
    // The signed share of the stock projects: town-a's pool is P-1 and P-2, both signed → 1
    // (P-2 has not started, so as a start rate it would be 0.5).
    const rows = run(input(), {
      id: "t",
      title: "签约率",
      measure: "start-rate",
      scope: "per-unit",
      goal: 1,
      rateStage: "signed",
      filter: { flags: ["stock"] }
    })
    // Only town-a has stock projects: the other units have nothing in the pool, so no row.
    expect(rows.map((r) => [r.unit, r.actual])).toEqual([["town-a", 1]])
  })

  it("computes the start rate of the pool (000 二.(二).2)", () => {
    // Pool of town-a: P-1 started, P-2 not → 0.5; goal 0.7 → completion 0.5 / 0.7 = 5/7,
    // shown 0.7143; behind, exactly: (50/101 − 5/7) × 100 = −21.9236… → −21.92 → ahead
    // (the rounded values before the fix gave −21.93).
    // park (with park-east): P-3 started; P-4 exited, out of the pool → 1.0.
    const rows = run(input(), {
      id: "t",
      title: "开工率",
      measure: "start-rate",
      scope: "per-unit",
      goal: 0.7
    })
    const byUnit = new Map(rows.map((r) => [r.unit, r]))
    expect(byUnit.get("town-a")).toMatchObject({
      actual: 0.5,
      completion: 0.7143,
      behindPoints: -21.92,
      status: "ahead"
    })
    expect(byUnit.get("park")).toMatchObject({ actual: 1, counted: ["P-3"] })
  })

  it("sums funds arrived inside the window and up to as-of, in the goal's currency", () => {
    // P-6: 2-10 is before the window, 4-20 after as-of; 3-10 counts (4000万);
    // 3-11 is in USD and is reported, not converted.
    const rows = run(input(), {
      id: "t",
      title: "到位资金",
      measure: "funds-in-place",
      scope: "area",
      goal: "2亿元",
      allocations: [{ unit: "town-b", goal: "1亿元" }]
    })
    expect(rows.map((r) => [r.unit ?? "area", show(r.actual), r.completion])).toEqual([
      ["area", "4000万元", 0.2],
      ["town-b", "4000万元", 0.4]
    ])
    expect(rows[1]!.rejected.map((r) => r.record)).toEqual(["P-6@2026-03-11"])
  })

  it("counts activities by kind and role inside the window (002 三.1)", () => {
    // Principal trips: A-1 (town-a), A-3 (park-east, counts for park too); A-4 is before the window.
    const rows = run(input(), {
      id: "t",
      title: "主要负责人外出招商",
      measure: "activities",
      scope: "per-unit",
      goal: 3,
      activityFilter: { kinds: ["outbound-trip"], roles: ["principal"] }
    })
    expect(rows.map((r) => [r.unit, r.actual])).toEqual([
      ["park", 1],
      ["park-east", 1],
      ["town-a", 1],
      ["town-b", 0]
    ])
  })

  it("adds up reported figures inside the window", () => {
    // FAI: R-1 1.2亿 (town-a) + R-2 2.3亿 (park); R-3 is after as-of → 3.5亿 of 38亿 = 0.0921.
    const rows = run(input(), {
      id: "t",
      title: "固定资产投资",
      measure: "fixed-asset-investment",
      scope: "area",
      goal: "38亿元"
    })
    expect(rows.map((r) => [show(r.actual), r.completion, r.counted])).toEqual([
      ["3.5亿元", 0.0921, ["R-1", "R-2"]]
    ])
    const households = run(input(), {
      id: "t",
      title: "拆迁",
      measure: "demolished-households",
      scope: "area",
      goal: 269
    })
    // 120 / 269 = 0.446096…, shown 0.4461; 序时进度 50/101 = 0.495049…;
    // behind exactly (50/101 − 120/269) × 100 = 4.8953… → 4.9 → on track.
    expect(households[0]).toMatchObject({
      actual: 120,
      completion: 0.4461,
      behindPoints: 4.9,
      status: "on-track"
    })
  })

  it("does not depend on the order of projects, events, activities or reports", () => {
    const target = {
      id: "t",
      title: "签约",
      measure: "total-investment",
      scope: "per-unit",
      goal: "1亿元",
      filter: { stage: "signed" }
    }
    const reference = JSON.stringify(run(input(), target))
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), (seed) => {
        const i = input()
        const shuffle = <A>(xs: Array<A>) => {
          let s = seed
          for (let k = xs.length - 1; k > 0; k--) {
            s = (s * 1103515245 + 12345) % 2 ** 31
            const j = s % (k + 1)
            ;[xs[k], xs[j]] = [xs[j]!, xs[k]!]
          }
          return xs
        }
        shuffle(i.projects)
        shuffle(i.units)
        shuffle(i.activities)
        shuffle(i.reports)
        expect(JSON.stringify(run(i, target))).toBe(reference)
      }),
      { numRuns: 30 }
    )
  })
})

describe("expected share and status", () => {
  it("is 0 before the window, 1 after it", () => {
    expect(Progress.expectedShare("2026-02-20", "2026-05-31", "2026-01-01")).toBe(0)
    expect(Progress.expectedShare("2026-02-20", "2026-05-31", "2026-02-20")).toBe(0.0099)
    expect(Progress.expectedShare("2026-02-20", "2026-05-31", "2026-07-01")).toBe(1)
  })

  it("turns amber at exactly 10 points behind and red above 30", () => {
    expect(Progress.status(0.4, 0.5)).toBe("amber")
    expect(Progress.status(0.41, 0.5)).toBe("on-track")
    expect(Progress.status(0.2, 0.5)).toBe("amber")
    expect(Progress.status(0.19, 0.5)).toBe("red")
    expect(Progress.status(0.5, 0.5)).toBe("on-track")
    expect(Progress.status(0.51, 0.5)).toBe("ahead")
  })
})

describe("matches", () => {
  it("excludes projects carrying a flag named in withoutFlags", () => {
    const rows = run(input(), {
      id: "t",
      title: "非存量签约",
      measure: "projects",
      scope: "area",
      goal: 4,
      filter: { stage: "signed", withoutFlags: ["stock"] }
    })
    // Signed, not exited, not stock: P-3, P-5, P-6 (P-1 and P-2 are stock; P-4 exited).
    expect(rows[0]!.counted).toEqual(["P-3", "P-5", "P-6"])
  })
})

describe("Progress.matcher", () => {
  // Compiled once, it answers as `matches` does, for any filter and project:
  // stages reached (own milestone or a later stage's), inside the window or
  // not, closed projects, sectors, flags, and investment bounds in fen, in
  // sub-fen decimals and in another currency.
  const stages = Lifecycle.Stage.literals
  const date = fc.integer({ min: 0, max: 900 }).map((d) => {
    const t = new Date(Date.UTC(2025, 6, 1) + d * 86_400_000)
    return t.toISOString().slice(0, 10)
  })
  // Few values, written differently, so that bounds are often met exactly.
  const amount = fc
    .constantFrom("0元", "1亿元", "10000万元", "1.5亿元", "0.015元", "0.01元", "2亿元", "1亿美元")
    .map((m) => Money.parseUnsafe(m))
  const filter = fc.record(
    {
      stage: fc.constantFrom(...stages),
      reachedWithin: fc.constantFrom("window" as const, "ever" as const),
      anyReachedWithin: fc.subarray([...stages]),
      withoutContract: fc.subarray(["startBy", "completeBy", "produceBy"] as const),
      notReached: fc.constantFrom(...stages),
      excludeClosed: fc.boolean(),
      sectors: fc.subarray(["primary", "secondary", "tertiary"] as const),
      flags: fc.subarray(["major", "key", "stock"]),
      anyFlags: fc.subarray(["major", "key", "stock"]),
      withoutFlags: fc.subarray(["major", "key", "stock"]),
      minInvestment: amount,
      maxInvestment: amount
    },
    { requiredKeys: [] }
  )
  const project = fc.record({
    milestones: fc.dictionary(fc.constantFrom(...stages), date, { maxKeys: 5 }),
    sector: fc.constantFrom("primary" as const, "secondary" as const, "tertiary" as const),
    flags: fc.option(fc.subarray(["major", "key", "stock"]), { nil: undefined }),
    total: fc.option(amount, { nil: undefined }),
    startBy: fc.option(date, { nil: undefined })
  })
  it("gives the same answers as Progress.matches", () => {
    const window = { start: "2026-01-01", end: "2026-12-31" }
    fc.assert(
      fc.property(
        // Filters of one or two conditions reach each check often; full ones combine them.
        fc.oneof(
          filter,
          fc.record(
            { stage: fc.constantFrom(...stages), minInvestment: amount, maxInvestment: amount },
            { requiredKeys: [] }
          )
        ),
        fc.array(project, { maxLength: 8 }),
        (f, ps) => {
          const compiled = Progress.matcher(f, window)
          for (const [i, x] of ps.entries()) {
            const p = {
              id: `P-${i}`,
              name: "p",
              unit: "u",
              sector: x.sector,
              ...(x.flags === undefined ? {} : { flags: x.flags }),
              ...(x.total === undefined ? {} : { investment: { total: x.total } }),
              ...(x.startBy === undefined ? {} : { contract: { startBy: x.startBy } }),
              events: []
            }
            const t = {
              project: p.id,
              stage: undefined,
              milestones: x.milestones,
              registeredOn: undefined,
              fundsArrived: { CNY: Money.zero("CNY"), USD: Money.zero("USD") },
              exemptions: [],
              rectifications: [],
              later: 0
            }
            expect(compiled(p, t)).toBe(Progress.matches(f, p, t, window))
          }
        }
      ),
      { numRuns: 500 }
    )
  })
})

describe("Progress.matcherAt", () => {
  // Over a view's columns it answers as `matcher` does on each project's
  // timeline: the histories below are folded by View.make (as of a date that
  // leaves some events in the future), the filters are any.
  const stages = Lifecycle.Stage.literals
  const amount = fc
    .constantFrom("0元", "1亿元", "10000万元", "1.5亿元", "0.015元", "0.01元", "2亿元", "1亿美元")
    .map((m) => Money.parseUnsafe(m))
  const filter = fc.record(
    {
      stage: fc.constantFrom(...stages),
      reachedWithin: fc.constantFrom("window" as const, "ever" as const),
      anyReachedWithin: fc.subarray([...stages]),
      withoutContract: fc.subarray(["startBy", "completeBy", "produceBy"] as const),
      notReached: fc.constantFrom(...stages),
      excludeClosed: fc.boolean(),
      sectors: fc.subarray(["primary", "secondary", "tertiary"] as const),
      flags: fc.subarray(["major", "key", "stock"]),
      minInvestment: amount,
      maxInvestment: amount
    },
    { requiredKeys: [] }
  )
  // A history: stages in pipeline order on rising dates from 2025-11-01, a
  // few days apart, so that the window's first and last days are often met.
  const history = fc
    .tuple(
      fc.subarray([...stages]),
      fc.array(fc.constantFrom(0, 1, 30, 31, 61), { minLength: 12, maxLength: 12 })
    )
    .map(([types, gaps]) => {
      let d = Date.UTC(2025, 10, 1)
      return types.map((type, k) => {
        d += (gaps[k] ?? 0) * 86_400_000
        return { type, date: new Date(d).toISOString().slice(0, 10) }
      })
    })
  const project = fc.record({
    events: history,
    sector: fc.constantFrom("primary" as const, "secondary" as const, "tertiary" as const),
    flags: fc.option(fc.subarray(["major", "key", "stock"]), { nil: undefined }),
    total: fc.option(amount, { nil: undefined })
  })
  it("gives the same answers as Progress.matcher, project by project", () => {
    const window = { start: "2025-12-01", end: "2026-01-01" }
    let compared = 0
    fc.assert(
      fc.property(
        // Small filters reach each check often; full ones combine them.
        fc.oneof(
          filter,
          fc.record({
            stage: fc.constantFrom(...stages),
            reachedWithin: fc.constantFrom("window" as const, "ever" as const)
          }),
          fc.record({ anyReachedWithin: fc.subarray([...stages]), excludeClosed: fc.boolean() }),
          fc.record({ notReached: fc.constantFrom(...stages), excludeClosed: fc.boolean() }),
          fc.record(
            { stage: fc.constantFrom(...stages), minInvestment: amount, maxInvestment: amount },
            { requiredKeys: [] }
          )
        ),
        fc.array(project, { maxLength: 8 }),
        (f, ps) => {
          const base = Result.getOrThrow(Snapshot.decode(baseInput()))
          const snapshot = {
            ...base,
            projects: ps.map((x, i) => ({
              id: `P-${i}`,
              name: "p",
              unit: "town-a",
              sector: x.sector,
              ...(x.flags === undefined ? {} : { flags: x.flags }),
              ...(x.total === undefined ? {} : { investment: { total: x.total } }),
              events: x.events
            }))
          }
          const view = View.make(snapshot, { asOf: "2026-03-15" })
          const at = Progress.matcherAt(view, f, window)
          const compiled = Progress.matcher(f, window)
          snapshot.projects.forEach((p, i) => {
            const t = view.timelines.get(p.id)
            if (t === undefined) return
            compared++
            expect(at(i)).toBe(compiled(p, t))
          })
        }
      ),
      { numRuns: 500 }
    )
    // Most histories fold: the comparison is not empty.
    expect(compared).toBeGreaterThan(500)
  })
})

describe("money figures in one unit", () => {
  const row = (unit: string, actual: string, goal: string) => ({
    unit,
    measure: "contract-fdi" as const,
    actual: Money.parseUnsafe(actual),
    goal: Money.parseUnsafe(goal),
    ratio: Ratio.makeUnsafe(0, 1)
  })
  it("writes nothing done against a 亿元 goal in 亿元, not 元", () => {
    // 002 区商务局: 0 of 2亿元.
    expect(Progress.shown(row("b", "0元", "2亿元"), { precision: 2 })).toEqual({
      actual: "0.00亿元",
      goal: "2.00亿元"
    })
  })
  it("writes a target's rows in the magnitude of its largest goal", () => {
    // 000 合同外资: the area's 1亿美元 and the units' 2500万美元 / 1000万美元 / 0 in one column.
    const rows = [
      row("area", "1亿美元", "1亿美元"),
      row("a", "2500万美元", "2500万美元"),
      row("b", "1000万美元", "1000万美元"),
      row("c", "0美元", "500万美元")
    ]
    const written = Progress.magnitude(rows)
    expect(written).toBe("亿")
    expect(rows.map((r) => Progress.shown(r, { precision: 2, magnitude: written }))).toEqual([
      { actual: "1.00亿美元", goal: "1.00亿美元" },
      { actual: "0.25亿美元", goal: "0.25亿美元" },
      { actual: "0.10亿美元", goal: "0.10亿美元" },
      { actual: "0.00亿美元", goal: "0.05亿美元" }
    ])
  })
  it("takes the largest actual when every goal is zero, and none for counts", () => {
    expect(Progress.magnitude([row("a", "3000万元", "0元")])).toBe("万")
    expect(Progress.magnitude([{ goal: 3, actual: 1 }])).toBe("auto")
  })
})
