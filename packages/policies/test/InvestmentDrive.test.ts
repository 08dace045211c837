import { Progress, View } from "@gongjian/core"
import { Host } from "@gongjian/plugin-sdk"
import { InvestmentDrive, Samples } from "@gongjian/policies"
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"

// The sample drive of 002: window 2026-08-01 … 2026-09-30, assessed on 2026-10-15.
// Default options: fair bonus +2 (≥1亿) / +5 (≥10亿); start base 4 with
// multipliers 1, 0.5, −0.5, −2; a trip is worth 1, so a principal's trip item is
// worth 3 (3 trips) and a department principal's 2 (2 trips); each missing trip
// deducts twice a trip's value from the item: T − 2 × m × (T / r) (四.4), no floor.
// The deputies' quota is a target, not scored by default. The fair-signing target at 10 points.
const run = (options?: Record<string, unknown>) =>
  Host.run(
    Result.getOrThrow(
      Host.load([{ plugin: InvestmentDrive.policy, ...(options ? { options } : {}) }])
    ),
    Samples.load("002-investment-drive")
  )
const out = run()
const a = out.assessments[0]!.assessment
const unit = (id: string) => a.units.find((u) => u.unit === id)!
const items = (id: string) => Object.fromEntries(unit(id).items.map((i) => [i.item, i.points]))

describe("002 四.4: the scores", () => {
  it("甲镇 signs, starts on time and makes every trip", () => {
    // fair bonus: A1 12亿 → +5, A2 1.5亿 → +2 = 7; fair-signing target: A1, A2 = 2 of 2 → 10
    // key starts: A1 started 9-25 by 9-30 → 4 × 1; A2 has no contract date, so the default
    //   2027-03-31 applies; started 9-10 → 4 × 1. Total 8
    // principal trips 3 of 3 → 3 (deputies' trips are not scored).  7 + 10 + 8 + 3 = 28
    expect(items("town-a")).toEqual({
      "fair-bonus": "7",
      "fair-signings": "10",
      "key-starts": "8",
      "principal-trips": "3"
    })
    expect(unit("town-a").total).toBe("28")
  })

  it("乙街道 starts late, leaves one key project unstarted and misses a principal trip", () => {
    // bonus: B1 3亿 +2, B2 11亿 +5 = 7; target 2 of 2 → 10
    // key starts: B1 due 9-15, started 10-08 → 4 × 0.5 = 2 ("减半计分");
    //   B3 due 9-01, not started by 10-15 → 4 × −0.5 = −2 ("减半扣分"). Total 0
    // principal: 2 of 3 trips: 3 − 2 × 1 × (3 / 3) = 1 ("每缺少1次从该项指标得分中双倍扣分";
    // before, 2 earned + 2 lost = 0: the missing trip cost three times its value).  7 + 10 + 0 + 1 = 18
    expect(items("street-b")).toEqual({
      "fair-bonus": "7",
      "fair-signings": "10",
      "key-starts": "0",
      "principal-trips": "1"
    })
    const trips = unit("street-b").lines.filter((l) => l.item === "principal-trips")
    expect(trips.map((l) => [l.messageId, l.points])).toEqual([
      ["trips", "3"],
      ["trips-missing", "-2"]
    ])
    expect(trips[1]!.message.zh).toBe(
      "外出招商缺少1次（要求3次，完成2次），每缺1次从该项指标得分中按该次分值的2倍扣分，-2分，本项不设下限"
    )
    expect(
      unit("street-b")
        .lines.filter((l) => l.item === "key-starts")
        .map((l) => [l.data.project, l.messageId, l.points])
    ).toEqual([
      ["B1", "started-late", "2"],
      ["B3", "not-started", "-2"]
    ])
    expect(unit("street-b").total).toBe("18")
  })

  it("丙园区 loses double for a project that cannot be carried out", () => {
    // C1 (8000万, key, due 9-20) exited on 10-01 without starting: 4 × −2 = −8 ("不能实施的双倍扣分");
    // bonus: C2 20亿 +5 (C1 is under 1亿); target 1 of 2 → 5; principal 3 → 3.  5 + 5 − 8 + 3 = 5
    expect(items("park-c")).toEqual({
      "fair-bonus": "5",
      "fair-signings": "5",
      "key-starts": "-8",
      "principal-trips": "3"
    })
    expect(unit("park-c").total).toBe("5")
  })

  it("丁镇 made no trips", () => {
    // D1 started 8-20 by 8-31 → +4; no fair signing → 0;
    // principal 0 of 3: 3 − 2 × 3 × (3 / 3) = −3, below 0 as the clause sets no floor → 1
    expect(items("town-d")).toEqual({
      "fair-signings": "0",
      "key-starts": "4",
      "principal-trips": "-3"
    })
    expect(unit("town-d").total).toBe("1")
  })

  it("departments: trips, with a missing one at double", () => {
    // 发改局 2 of 2 → 2; 商务局 1 of 2: 2 − 2 × 1 × (2 / 2) = 0
    expect([unit("dept-e").total, unit("dept-f").total]).toEqual(["2", "0"])
  })

  it("deputies' trips are reported as a target, and deducted only when a county turns that on", () => {
    // The deputy-trips target reports 丙园区's 1 of 4 whatever the option.
    const snapshot = Samples.load("002-investment-drive")
    const target = snapshot.campaign.targets.find((x) => x.id === "deputy-trips")!
    const row = Progress.ofTarget(Progress.facts(View.make(snapshot)), target, {
      asOf: snapshot.asOf
    }).find((r) => r.unit === "park-c")
    expect(row).toMatchObject({ actual: 1, goal: 4 })
    // Turned on: worth 4 for 4 trips, each missing one deducts its value once.
    // 甲镇 4 of 4 → 4: 28 + 4 = 32; 丙园区 1 of 4: 4 − 1 × 3 × (4 / 4) = 1: 5 + 1 = 6.
    const on = run({ deputyTripDeduction: true }).assessments[0]!.assessment
    const total = (id: string) => on.units.find((u) => u.unit === id)!.total
    expect([total("town-a"), total("park-c")]).toEqual(["32", "6"])
  })

  it("a county may set a floor on the trip items", () => {
    // 丁镇 0 of 3 principal trips: −3 without a floor; floored at 0 by a +3 line, and the line says so.
    const floored = run({ tripFloor: 0 }).assessments[0]!.assessment
    const d = floored.units.find((u) => u.unit === "town-d")!
    expect(d.items.find((i) => i.item === "principal-trips")!.points).toBe("0")
    expect(d.lines.find((l) => l.messageId === "trips-missing-floor")!.message.zh).toContain(
      "本项最低0分"
    )
  })

  it("ranks towns apart from departments and commends or criticises by the targets", () => {
    expect(a.units.map((u) => [u.group, u.unit, u.rank])).toEqual([
      ["towns", "town-a", 1],
      ["towns", "street-b", 2],
      ["towns", "park-c", 3],
      ["towns", "town-d", 4],
      ["departments", "dept-e", 1],
      ["departments", "dept-f", 2]
    ])
    // 甲镇 met 2 fair signings, 1 over 10亿, 3 new starts (A1, A2, A3); 发改局 signed E1.
    // 乙街道 started only B2 and B4 in the window; 丙园区 and 丁镇 missed signings; 商务局 signed nothing.
    expect(a.tiers.map((t) => [t.id, t.units])).toEqual([
      ["commended", ["town-a", "dept-e"]],
      ["criticised", ["street-b", "park-c", "town-d", "dept-f"]]
    ])
  })

  it("every number is an option", () => {
    // Reading "适当加分" as +3 / +8 raises 甲镇's bonus from 7 to 11.
    const generous = run({ fairBonus: 3, fairBonusLarge: 8 }).assessments[0]!.assessment
    expect(
      generous.units.find((u) => u.unit === "town-a")!.items.find((i) => i.item === "fair-bonus")!
        .points
    ).toBe("11")
  })
})

describe("002 三.4: the signing gate", () => {
  it("judges projects in negotiation and names every failure", () => {
    // Ten projects are negotiating; A5 (8000万) is not 真正过亿元, and A6 is on residential land.
    expect(out.verdicts.length).toBe(10)
    expect(
      out.verdicts
        .filter((v) => !v.pass)
        .map((v) => [v.project, v.failures.map((f) => f.message.zh)])
    ).toEqual([
      ["A5", ["总投资为8000万元，低于1亿元"]],
      ["A6", ["用地性质为住宅用地，不在允许范围（工业用地、商业用地、混合用地）"]]
    ])
  })
})
