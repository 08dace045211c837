import { Money, Progress, View } from "@gongjian/core"
import { Host } from "@gongjian/plugin-sdk"
import { ConstructionYear, Samples } from "@gongjian/policies"
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"

// The sample of 003, a 2026 construction year, assessed on 2026-12-31. Default
// points: fixed-asset investment 40, major projects 30, investment (funds in
// place) 30, each × completion capped at 100%. 四 names the county's fixed-asset
// investment target but no figure: the sample county gives its own, 225亿元, the sum
// of its allocations (50 + 40 + 30 + 60 + 45).
const host = Result.getOrThrow(
  Host.load([
    { plugin: ConstructionYear.policy, options: { faiGoal: "225亿元", investmentGoal: "90亿元" } }
  ])
)
const snapshot = Samples.load("003-construction-year")
const year = Host.run(host, snapshot).assessments[0]!.assessment
const totals = (a: typeof year) => a.units.map((u) => [u.unit, u.total, u.rank])

describe("003 四: the year-end assessment", () => {
  it("scores the three targets", () => {
    // 甲县: FAI 55/50 → 40; majors 10/10 → 30; funds 20亿/20亿 → 30 = 100
    // 高新区: FAI 49.5/45 → 40; majors 10/10 (its negotiating project does not count) → 30; funds 22/20 → 30 = 100
    // 金阳新区: FAI 60/60 → 40; majors 11/12 → 30 × 11/12 = 27.5 exactly (the completion is no
    // longer rounded to 0.9167 before the product, which gave 27.501); funds 25/25 → 30 = 97.5
    // 乙县: FAI 36/40 = 0.9 → 36; majors 6/8 = 0.75 → 22.5; funds 12/15 = 0.8 → 24 = 82.5
    // 丙县: FAI 18/30 = 0.6 → 24; majors 3/6 → 15; funds 4/10 → 12 = 51
    // 发改委: majors 4/4 → 30; 工信委: majors 2/4 → 15 (departments have no FAI or funds allocation)
    expect(totals(year)).toEqual([
      ["county-a", "100", 1],
      ["zone-gx", "100", 1],
      ["zone-jy", "97.5", 3],
      ["county-b", "82.5", 4],
      ["county-c", "51", 5],
      ["dept-fg", "30", 1],
      ["dept-gx", "15", 2]
    ])
  })

  it("commends the top 3 of each group who met their targets, and holds the others to account", () => {
    // 甲县 and 高新区 share first place; 金阳新区 is third. Units missing any target: 金阳新区
    // (majors 11 of 12), 乙县, 丙县, 工信委 — held accountable (三.(三) "对未完成目标任务的单位进行
    // 问责"), and so not commended: the top-3 commendation passes down the ranking, and here no
    // unit below has met its targets, so the governments have 2 commended, the departments 1.
    // 三.(三) "对完成目标任务的单位进行通报表扬": 甲县, 高新区, 发改委.
    expect(year.tiers.map((t) => [t.id, t.units])).toEqual([
      ["commended", ["county-a", "zone-gx", "dept-fg"]],
      ["completed", ["county-a", "zone-gx", "dept-fg"]],
      ["accountable", ["zone-jy", "county-b", "county-c", "dept-gx"]]
    ])
    // The output says why 金阳新区, third, is not commended.
    const jy = year.units.find((u) => u.unit === "zone-jy")!
    expect(jy.vetoes.map((v) => [v.veto, v.bars, v.reason])).toEqual([
      [
        "missed-targets",
        ["commended"],
        // 11 / 12 = 0.91666…
        "target major-projects: completion 0.916666… < 1 at its due date 2026-12-31"
      ]
    ])
    // … in words people read: the target's title, 91.7%, and no ids in the Chinese.
    const major = Samples.load("003-construction-year").campaign.targets.find(
      (t) => t.id === "major-projects"
    )!
    for (const text of [jy.vetoes[0]!.message.zh, jy.vetoes[0]!.message.en]) {
      expect(text.includes(major.title)).toBe(true)
      expect(text.includes("91.7%")).toBe(true)
    }
    expect(/[A-Za-z]/.test(jy.vetoes[0]!.message.zh)).toBe(false)
    // A county that reads 四 alone commends the top 3 whatever: 金阳新区 and 工信委 then are both.
    const both = Host.run(
      Result.getOrThrow(
        Host.load([
          {
            plugin: ConstructionYear.policy,
            options: { faiGoal: "225亿元", commendOnlyIfMet: false }
          }
        ])
      ),
      snapshot
    ).assessments[0]!.assessment
    expect(both.tiers[0]!.units).toEqual(["county-a", "zone-gx", "zone-jy", "dept-fg", "dept-gx"])
  })
})

describe("003 四: the fixed-asset target is the county's", () => {
  it("has no invented figure: without faiGoal there is no FAI target and no FAI item", () => {
    expect(ConstructionYear.targets().map((t) => t.id)).not.toContain("fai")
    expect(ConstructionYear.targets({ faiGoal: Money.parseUnsafe("225亿元") })[0]!.id).toBe("fai")
    expect(Object.keys(ConstructionYear.defaults)).not.toContain("faiGoal")
    // Without it 甲县 scores majors 10/10 → 30 and funds 20亿/20亿 → 30 = 60, and is held
    // accountable on those two targets only.
    const plain = Host.run(
      Result.getOrThrow(
        Host.load([{ plugin: ConstructionYear.policy, options: { investmentGoal: "90亿元" } }])
      ),
      {
        ...snapshot,
        campaign: {
          ...snapshot.campaign,
          targets: snapshot.campaign.targets.filter((t) => t.id !== "fai")
        }
      }
    ).assessments[0]!.assessment
    const a = plain.units.find((u) => u.unit === "county-a")!
    expect([a.total, a.items.map((i) => i.item)]).toEqual(["60", ["major-projects", "investment"]])
  })

  it("二.(三): the 110亿 is the working groups' task, not the districts'", () => {
    // "6个重点产业招商工作组和港澳招商工作组要完成到位资金110亿元的招商任务": funds arrived in 2026
    // through the groups (units of kind group): GROUP-01 30亿 (5-20) + 20亿 (11-10), GROUP-02 45亿
    // (9-30) = 95亿 of 110亿 → 0.8636. The districts' funds (甲县 20亿 …) are not counted here;
    // 四's 招商引资工作目标任务 is the county's own figure (the sample's 90亿, its allocations' sum).
    const row = Progress.ofTarget(
      Progress.facts(View.make(snapshot)),
      snapshot.campaign.targets.find((t) => t.id === "group-funds")!,
      { asOf: snapshot.asOf }
    )[0]!
    expect([Money.format(row.actual as Money.Money), row.completion]).toEqual(["95亿元", 0.8636])
    expect(ConstructionYear.targets().map((t) => t.id)).not.toContain("investment")
  })
})

describe("003 四: the investment task's city-wide row", () => {
  it("counts the assessed bodies' funds in place, not the working groups' (四.(一), 二.(三))", () => {
    // 四.(二) "招商引资工作目标任务" is split over 各区（市、县）、市直各相关部门 (三.(一)) and
    // assessed on the bodies of 四.(一); the groups have their own 110亿 (二.(三)). Funds in
    // place in 2026: 甲县 20亿 + 乙县 12亿 + 丙县 4亿 + 金阳新区 25亿 + 高新区 22亿 = 83亿 of 90亿
    // → 0.9222; counting the groups' 95亿 too it read 178亿 (197.8%).
    const investment = snapshot.campaign.targets.find((t) => t.id === "investment")!
    const rows = Progress.ofTarget(Progress.facts(View.make(snapshot)), investment, {
      asOf: snapshot.asOf
    })
    const area = rows.find((r) => r.unit === undefined)!
    expect([Money.format(area.actual as Money.Money), area.completion]).toEqual(["83亿元", 0.9222])
    // The city-wide figure is the sum of the districts' and zones' rows.
    const units = rows.filter((r) => r.unit !== undefined)
    expect(units.map((r) => Money.format(r.actual as Money.Money))).toEqual([
      "20亿元",
      "12亿元",
      "4亿元",
      "22亿元",
      "25亿元"
    ])
    // The policy's own target has the same scope as the sample's.
    const own = ConstructionYear.targets({ investmentGoal: Money.parseUnsafe("90亿元") }).find(
      (t) => t.id === "investment"
    )!
    expect(own.unitKinds).toEqual(investment.unitKinds)
  })
})

describe("003 四: quarterly and year-end combined", () => {
  it("weighs a quarter 0.1 and the year 0.6", () => {
    // As of 6-30: 甲县 FAI 27.5/50 = 0.55 → 22; majors signed by 6-30: 7 of 10 → 21; funds 10/20 → 15 = 58
    //             高新区 FAI 24.75/45 = 0.55 → 22; majors 7 of 10 → 21; funds 22/20 → 30 = 73
    // Composite: 甲县 58 × 0.1 + 100 × 0.6 = 65.8; 高新区 73 × 0.1 + 100 × 0.6 = 67.3 — the tie is broken.
    const q2 = Host.run(host, snapshot, { asOf: "2026-06-30" }).assessments[0]!.assessment
    expect(
      q2.units
        .filter((u) => u.unit === "county-a" || u.unit === "zone-gx")
        .map((u) => [u.unit, u.total])
    ).toEqual([
      ["zone-gx", "73"],
      ["county-a", "58"]
    ])
    const composite = ConstructionYear.yearEnd({ units: snapshot.units, quarters: [q2], year })
    expect(composite.units.slice(0, 2).map((u) => [u.unit, u.total, u.rank])).toEqual([
      ["zone-gx", "67.3", 1],
      ["county-a", "65.8", 2]
    ])
    expect(
      composite.units.find((u) => u.unit === "county-a")!.lines.map((l) => l.arithmetic)
    ).toEqual(["58 × 0.1 = 5.8", "100 × 0.6 = 60"])
    // The periods are items by their labels; in Chinese they are named in Chinese, not Q1/year.
    expect(composite.items.map((i) => i.id)).toEqual(["Q1", "year"])
    const zh = [
      ...composite.items.map((i) => i.title.zh),
      ...composite.units.flatMap((u) => u.lines.map((l) => l.message.zh))
    ]
    for (const text of zh) expect(text).not.toMatch(/[A-Za-z]/)
  })

  it("a quarter gives no verdict on the year's targets, so none carries into the year", () => {
    // 三.(三): commending the units that completed their targets and holding the others to
    // account is the year-end's. As of 6-30 the year's targets (due 12-31) are unfinished:
    // 甲县 FAI 0.55, majors 0.7, funds 0.5 against 序时进度 181 / 365 = 0.4959 — ahead on
    // all three. No unit is vetoed or held accountable in Q2; each verdict is pending. A
    // target complete early is met: 发改委 signed its 4 majors by 4-15 (4 of 4), so it has
    // completed its targets; 工信委's 2 of 4 (0.5) is pending.
    const q2 = Host.run(host, snapshot, { asOf: "2026-06-30" }).assessments[0]!.assessment
    expect(q2.units.flatMap((u) => u.vetoes)).toEqual([])
    expect(q2.tiers.filter((t) => t.id !== "commended").map((t) => [t.id, t.units])).toEqual([
      ["completed", ["dept-fg"]],
      ["accountable", []]
    ])
    const a = q2.units.find((u) => u.unit === "county-a")!
    expect(a.pending!.map((p) => [p.rule, p.kind, p.due, p.atRisk])).toEqual([
      ["missed-targets", "veto", "2026-12-31", false],
      ["completed", "tier", "2026-12-31", false],
      ["accountable", "tier", "2026-12-31", false]
    ])
    // The year: 甲县 met all three and is commended in the composite; 金阳新区 (majors 11/12)
    // carries the year's veto only.
    const composite = ConstructionYear.yearEnd({ units: snapshot.units, quarters: [q2], year })
    expect(composite.units.find((u) => u.unit === "county-a")!.vetoes).toEqual([])
    expect(composite.tiers[0]!.units).toContain("county-a")
    const carried = composite.units.find((u) => u.unit === "zone-jy")!.vetoes
    expect(carried.map((v) => [v.veto, v.bars, v.reason])).toEqual([
      [
        "missed-targets",
        ["commended"],
        "year: target major-projects: completion 0.916666… < 1 at its due date 2026-12-31"
      ]
    ])
    for (const v of carried) expect(v.message.zh).not.toMatch(/[A-Za-z]/)
  })
})
