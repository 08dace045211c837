import { Money, Progress, View } from "@gongjian/core"
import { Host } from "@gongjian/plugin-sdk"
import { all, InvestmentDrive, Samples } from "@gongjian/policies"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"

// The sample drive of 002: window 2026-08-01 … 2026-09-30, assessed on 2026-10-15.
// Default options: fair bonus +2 (≥1亿) / +5 (≥10亿); start base 4 with
// multipliers 1, 0.5, −0.5, −2; a trip is worth 1, so a principal's trip item is
// worth 3 (3 trips) and a department principal's 2 (2 trips); each missing trip
// deducts twice a trip's value from the item: T − 2 × m × (T / r) (四.4), no floor.
// The deputies' quota is a target, not scored by default. The fair-signing target at 10 points.
// The sample county gives its annual task, 75亿元, and each unit's (二, 四.4 name no figure).
const county = all.find((e) => e.sample === "002-investment-drive")!.options
const run = (options?: Record<string, unknown>) =>
  Host.run(
    Result.getOrThrow(
      Host.load([{ plugin: InvestmentDrive.policy, options: { ...county, ...options } }])
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
    // 四.4 "全面完成招商引资年度目标任务的单位，通报表扬 … 完不成招商引资任务的单位，进行严肃的
    // 通报批评": each unit's annual task (the sample county's options), counted from 1 January:
    // 甲镇 A1 12 + A2 1.5 + A3 0.8 + A9 0.5 + A10 0.4 = 15.2亿 of 15亿 → met
    // 乙街道 B1 3 + B2 11 + B3 2 + B4 0.6 + B8 0.3 = 16.9亿 of 20亿 → missed
    // 丙园区 C2 20 + C3 0.3 + C8 0.6 + C9 1.2 = 22.1亿 of 20亿 → met (C1 exited)
    // 丁镇 D1 2 + D6 0.7 = 2.7亿 of 10亿 → missed; 发改局 E1 4亿 of 3亿 → met; 商务局 0 of 2亿 → missed
    // The task is the year's, due 12-31. As of 10-15 the three that completed it are
    // commended; the others are not criticised yet: their verdict is pending.
    expect(a.tiers.map((t) => [t.id, t.units])).toEqual([
      ["commended", ["town-a", "park-c", "dept-e"]],
      ["criticised", []]
    ])
    // 序时进度 of 1-01 … 12-31 as of 10-15: 288 / 365 = 0.789 (4 places). 乙街道 0.845 is
    // ahead; 丁镇 0.27 is 51.9 points behind and 商务局 0 is 78.9 behind: red, at risk.
    const pending = (id: string) =>
      (unit(id).pending ?? []).map((p) => [p.rule, p.kind, p.due, p.atRisk, p.reason])
    const why = (completion: string, status: string) =>
      `target annual-task due 2026-12-31, not judged yet: completion ${completion}, 序时进度 0.789, ${status}`
    expect(pending("street-b")).toEqual([
      ["commended", "tier", "2026-12-31", false, why("0.845", "ahead")],
      ["criticised", "tier", "2026-12-31", false, why("0.845", "ahead")]
    ])
    expect(pending("town-d").map((p) => [p[0], p[3], p[4]])).toEqual([
      ["commended", true, why("0.27", "red")],
      ["criticised", true, why("0.27", "red")]
    ])
    expect(pending("dept-f").map((p) => [p[3], p[4]])).toEqual([
      [true, why("0", "red")],
      [true, why("0", "red")]
    ])
    expect(["town-a", "park-c", "dept-e"].map((id) => unit(id).pending)).toEqual([
      undefined,
      undefined,
      undefined
    ])
  })

  it("四.4: from 12-31 on, the units that did not complete their annual task are criticised", () => {
    // The same county as of 2026-12-31, nothing signed since: 乙街道 16.9亿 of 20亿, 丁镇
    // 2.7亿 of 10亿, 商务局 0 of 2亿 → missed at the due date: criticised.
    const year = Host.run(
      Result.getOrThrow(Host.load([{ plugin: InvestmentDrive.policy, options: county }])),
      { ...Samples.load("002-investment-drive"), asOf: "2026-12-31" }
    ).assessments[0]!.assessment
    expect(year.tiers.map((t) => [t.id, t.units])).toEqual([
      ["commended", ["town-a", "park-c", "dept-e"]],
      ["criticised", ["street-b", "town-d", "dept-f"]]
    ])
    expect(year.units.filter((u) => u.pending !== undefined)).toEqual([])
  })

  it("002 二: 80% of the annual task is a year-to-date share, not the drive's signings", () => {
    // "全区完成全年招商引资工作任务的80%": 0.8 × 75亿 = 60亿, counted from 1 January to 9-30.
    // Signed in 2026 and not exited: 15.2 + 16.9 + 22.1 + 2.7 + 4 = 60.9亿 → met (60.9 / 60).
    // The drive's own signings (8-01…9-30) are only 12 + 1.5 + 0.8 + 3 + 11 + 0.6 + 20 + 0.3 + 4
    // = 53.2亿, which would have missed it.
    const snapshot = Samples.load("002-investment-drive")
    const target = snapshot.campaign.targets.find((x) => x.id === "annual-share")!
    const row = Progress.ofTarget(Progress.facts(View.make(snapshot)), target, {
      asOf: snapshot.asOf
    })[0]!
    expect([
      Money.format(row.actual as Money.Money),
      Money.format(row.goal as Money.Money)
    ]).toEqual(["60.9亿元", "60亿元"])
    expect(row.completion).toBe(1.015)
    // Without the county's annual task there is no 80% target and no commendation or criticism.
    expect(
      InvestmentDrive.targets(
        Schema.decodeSync(InvestmentDrive.Options)(InvestmentDrive.defaults)
      ).map((x) => x.id)
    ).not.toContain("annual-share")
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
  it("judges the projects put forward for the fair on the four checks", () => {
    // "区招商委将严格按照占地和规模进行审核，同时严把用地性质关、投资强度关、税收关、建设进度关，
    // 达不到标准和要求的项目一律不准签约": the projects put forward for the fair (for-fair) and not
    // yet signed — A4 A5 A6 A7 B5 B6 C4 — are judged; C5, C6 and D2 negotiate outside the fair.
    // A6 is on residential land. A5 (8000万) passes: the quota of 二 ("至少签约2个过亿元项目")
    // counts size, smaller projects may sign too.
    const gate = out.verdicts.filter((v) => v.gate === "signing-gate")
    expect(gate.map((v) => v.project)).toEqual(["A4", "A5", "A6", "A7", "B5", "B6", "C4"])
    expect(
      gate.filter((v) => !v.pass).map((v) => [v.project, v.failures.map((f) => f.message.zh)])
    ).toEqual([["A6", ["用地性质为住宅用地，不在允许范围（工业用地、商业用地、混合用地）"]]])
  })

  it("a county may add a size floor", () => {
    const floored = run({ signingMinInvestment: "1亿元" })
    expect(
      floored.verdicts
        .filter((v) => v.gate === "signing-gate" && !v.pass)
        .map((v) => [v.project, v.failures.map((f) => f.message.zh)])
    ).toEqual([
      ["A5", ["总投资为8000万元，低于1亿元"]],
      ["A6", ["用地性质为住宅用地，不在允许范围（工业用地、商业用地、混合用地）"]]
    ])
  })
})

describe("002: the other clauses", () => {
  const failing = (gate: string) =>
    out.verdicts
      .filter((v) => v.gate === gate && !v.pass)
      .map((v) => [v.project, v.failures.map((f) => f.message.zh)])
  const snapshot = Samples.load("002-investment-drive")
  const rows = (id: string) =>
    Progress.ofTarget(
      Progress.facts(View.make(snapshot)),
      snapshot.campaign.targets.find((x) => x.id === id)!,
      {
        asOf: snapshot.asOf
      }
    ).map((r) => [r.unit ?? "area", r.actual])

  it("二: key signed projects start within their deadline", () => {
    // "重点签约项目在开工时限内全部开工建设": A1 (9-30) started 9-25 and D1 (8-31) 8-20, on time;
    // A2's deadline is the default 2027-03-31, not yet passed; C1 exited. B1 (9-15) started 10-08;
    // B3 (9-01) has not started by 10-15.
    expect(failing("key-starts-on-time")).toEqual([
      ["B1", ["开工时限2026-09-15，2026-10-08才开工"]],
      ["B3", ["开工时限2026-09-01已过，未开工"]]
    ])
  })

  it("三.2: each packaged planned project gets at least 2 promotion trips", () => {
    // "各项目包保负责人与各策划单位相关人员至少要开展2次外出招商推介活动": the planned projects
    // with a 包保 leader are A8 (trips 8-25, 9-08 → 2), C7 (9-02 → 1) and D3 (none → 0).
    expect(failing("packaged-project-trips")).toEqual([
      ["C7", ["包保负责人外出招商推介1次，要求至少2次"]],
      ["D3", ["包保负责人外出招商推介0次，要求至少2次"]]
    ])
  })

  it("三.3: new planned projects by mid-September; expert reviews count projects", () => {
    // "9月中旬前再策划一批新的招商引资项目，每个街道镇、园区不少于2个": planned 8-01 … 9-15:
    // 甲镇 A8 (8-15), A11 (9-12) → 2; 乙街道 B7 (9-05) → 1 (B9 on 9-20 is late); 丙园区 C7 → 1;
    // 丁镇 D3, D4, D5 → 3 (D7, planned 6-01, is not new).
    expect(rows("new-planned")).toEqual([
      ["park-c", 1],
      ["street-b", 1],
      ["town-a", 2],
      ["town-d", 3]
    ])
    // "至少各筛选出3个有影响力的大项目，召开专家论证会": 甲镇 A4 A6 A7 → 3; 乙街道 reviewed B5 twice
    // and B6 → 2 projects (3 meetings).
    expect(rows("expert-reviews")).toEqual([
      ["park-c", 0],
      ["street-b", 2],
      ["town-a", 3],
      ["town-d", 0]
    ])
  })

  it("四.4: negotiations brought to signing; 四.1: work plans by 8-01", () => {
    // Key projects signed during the drive: 甲镇 A1, A2 → 2; 乙街道 B1 → 1 (B3 signed 7-10);
    // 丙园区 C1 exited → 0; 丁镇 D1 signed 6-01 → 0.
    expect(rows("negotiation-signings")).toEqual([
      ["park-c", 0],
      ["street-b", 1],
      ["town-a", 2],
      ["town-d", 0]
    ])
    // "各单位的攻坚活动方案于8月1日前报区经合局": 甲镇 7-28, 乙街道 7-30, 丙园区 8-01, 发改局 7-31
    // → 1; 丁镇 handed it in on 8-05, late → 0; 商务局 none → 0.
    expect(rows("work-plans")).toEqual([
      ["dept-e", 1],
      ["dept-f", 0],
      ["park-c", 1],
      ["street-b", 1],
      ["town-a", 1],
      ["town-d", 0]
    ])
    // Scored only when a county gives it points: 甲镇 2 of 2 → +5 with 5 points.
    const scored = run({ negotiationPoints: 5 }).assessments[0]!.assessment
    expect(scored.units.find((u) => u.unit === "town-a")!.total).toBe("33")
  })
})
