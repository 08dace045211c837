import { Money, Progress, View } from "@gongjian/core"
import { Host } from "@gongjian/plugin-sdk"
import { all, HundredDays, Samples } from "@gongjian/policies"
import { Assessment } from "@gongjian/scoring"
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"

// The sample county of 000, as of 2026-05-31, the last day of the 100-day window
// 2026-02-20 … 2026-05-31. Every expected number is worked from the clauses
// and the sample's records, not copied from the program.
const snapshot = Samples.load("000-hundred-days")
// The sample county gives its annual FDI tasks (二.(一).1 names them, with no figure).
const county = all.find((e) => e.sample === "000-hundred-days")!.options
const run = (options?: Record<string, unknown>) =>
  Host.run(
    Result.getOrThrow(
      Host.load([{ plugin: HundredDays.policy, options: { ...county, ...options } }])
    ),
    snapshot
  )
const out = run()
const assessment = out.assessments[0]!.assessment
const unit = (id: string) => assessment.units.find((u) => u.unit === id)!
const items = (id: string) => Object.fromEntries(unit(id).items.map((i) => [i.item, i.points]))

describe("000 一 and 二: the scores", () => {
  it("新塍镇: all three money targets, start rate capped, 2 stock projects", () => {
    // 合同外资 (signed in the window): X1 2000万$ + X2 1000万$ = 3000万$ of 3000万$ → 10 × 1 = 10
    // 实到外资: X1 1000万$ + X2 500万$ = 1500万$ of 1500万$ → 10
    // 区外内资 (signed in the window): X3 1.2亿 + X4 0.6亿 = 1.8亿 of 2亿 → 0.9 → 9
    // 开工率: signed pool X1–X6 = 6, started X1 X2 X3 X5 X6 = 5 → 0.8333; 0.8333 / 0.7 → capped at 1 → 10
    // 存量项目: X5, X6 = 2 of 10 → 0.2 → 5 × 0.2 = 1
    // 每月新开工: March X1 (3-20) and X5, April X2, May X3 → no month missed
    expect(items("xincheng")).toEqual({
      "contract-fdi": "10",
      "paid-in-fdi": "10",
      "outside-capital": "9",
      "start-rate": "10",
      "stock-per-unit": "1"
    })
    expect(unit("xincheng").total).toBe("40")
  })

  it("王店镇: half its paid-in FDI, a low start rate, two months without a start", () => {
    // 实到外资: W1 400万$ of 800万$ → 0.5 → 5
    // 开工率: pool W1 W2 W3 W5 W6 = 5 (W8 exited), started W1 W5 = 2 → 0.4; 0.4 / 0.7 = 4/7 exactly
    // → 10 × 4/7 = 5.7142857… → 5.714286 (rounded once, at six places)
    // 存量: W3 → 0.1 → 0.5
    // 每月新开工 (二.(二).2): March none, April W1 (4-10), May none → 2 × −2 = −4
    // 10 + 5 + 10 + 5.714286 + 0.5 − 4 = 27.214286
    expect(items("wangdian")).toEqual({
      "contract-fdi": "10",
      "paid-in-fdi": "5",
      "outside-capital": "10",
      "start-rate": "5.714286",
      "stock-per-unit": "0.5",
      "monthly-starts": "-4"
    })
    expect(
      unit("wangdian")
        .lines.filter((l) => l.item === "monthly-starts")
        .map((l) => l.data)
    ).toEqual([
      { month: "2026-03", points: "-2", unit: "wangdian" },
      { month: "2026-05", points: "-2", unit: "wangdian" }
    ])
  })

  it("城东街道 is a street: 二.(二).2 and 二.(二).3 name towns, new districts and parks only", () => {
    // "各镇、**新区、**工业园区每月都要有新开工项目，至5月底，项目库开工率达到70%以上" and
    // "每个镇、**新区、**工业园区不少于10项": streets (街道) are not named, so 城东街道 has no
    // monthly-start, start-rate or stock-project item.
    // 城东街道: 合同外资 C1 2000万$ of 2000万$ → 10; 实到外资 1000万$ of 1000万$ → 10;
    // 区外内资 C2 0.8亿 + C3 0.4亿 = 1.2亿 of 1.6亿 → 0.75 → 7.5: 10 + 10 + 7.5 = 27.5
    expect(items("chengdong")).toEqual({
      "contract-fdi": "10",
      "paid-in-fdi": "10",
      "outside-capital": "7.5"
    })
    expect(unit("chengdong").total).toBe("27.5")
    const rows = (id: string) =>
      Progress.ofTarget(
        Progress.facts(View.make(snapshot)),
        snapshot.campaign.targets.find((t) => t.id === id)!,
        {
          asOf: snapshot.asOf
        }
      ).map((r) => r.unit)
    expect(rows("start-rate")).toEqual(["beibu", "park", "wangdian", "xincheng"])
    expect(rows("stock-per-unit")).toEqual(["beibu", "park", "wangdian", "xincheng"])
    // 北部新区 开工率: B1 B2 B4 of B1–B5 → 0.6; 0.6 / 0.7 = 6/7 exactly → 10 × 6/7 = 8.571429;
    // 存量 B4 B5 → 1: 10 + 10 + 10 + 8.571429 + 1 = 39.571429
    expect(unit("beibu").total).toBe("39.571429")
    // 工业园区 开工率 K1 K3 K4 K5 K6 of K1–K7 → 0.7143 → capped; 存量 K4 K5 → 1
    expect(unit("park").total).toBe("41")
  })

  it("ranks the units; 二.(一).1 vetoes the annual first prize on the annual FDI tasks", () => {
    // 27.5 (城东街道) > 27.214286 (王店镇)
    expect(assessment.units.map((u) => [u.unit, u.rank])).toEqual([
      ["park", 1],
      ["xincheng", 2],
      ["beibu", 3],
      ["chengdong", 4],
      ["wangdian", 5]
    ])
    // "对完不成合同外资或实到外资年度目标任务的，否决开放型经济工作一等奖": the annual tasks
    // (the sample county's options) count from 1 January to 31 December. The other four met
    // both tasks already (新塍 3000/3000, 1500/1500; 城东 2000/2000, 1000/1000; 北部
    // 2500/2500, 1200/1200; 园区 1000/1000, 500/500) and are eligible. The drive's own score
    // awards no prize: the annual open-economy assessment does.
    expect(assessment.tiers.map((t) => [t.id, t.units])).toEqual([
      ["first-prize-eligible", ["park", "xincheng", "beibu", "chengdong"]]
    ])
    // 王店镇's annual paid-in task is 800万$; W1 has paid in 400万$ → 0.5. The task is due
    // 12-31: as of 5-31 it is not missed, it is unfinished. 序时进度 of 1-01 … 12-31 as of
    // 5-31: 151 / 365 = 0.4137; 0.5 is ahead of it. No veto: the verdict is pending, and
    // 王店镇 is not at risk. (Its contract-FDI task, 1500/1500, is met.)
    expect(unit("wangdian").vetoes).toEqual([])
    expect(assessment.units.filter((u) => u.vetoes.length > 0)).toEqual([])
    const pending = {
      due: "2026-12-31",
      atRisk: false,
      reason:
        "target annual-paid-in-fdi due 2026-12-31, not judged yet: completion 0.5, 序时进度 0.4137, ahead"
    }
    expect(unit("wangdian").pending).toEqual([
      { rule: "fdi-veto", kind: "veto", title: expect.anything(), ...pending },
      { rule: "first-prize-eligible", kind: "tier", title: expect.anything(), ...pending }
    ])
    // Each named by its title, for the Chinese explanation: no ids in it.
    const zh = Assessment.formatExplanation(Assessment.explain(assessment, "wangdian")!)
    expect([zh.includes("fdi-veto"), zh.includes("first-prize-eligible")]).toEqual([false, false])
    expect(assessment.units.filter((u) => u.pending !== undefined).map((u) => u.unit)).toEqual([
      "wangdian"
    ])
  })

  it("二.(一).1: from 12-31 on, an annual task still missed vetoes the first prize", () => {
    // The same county as of 2027-01-04: nothing more paid in, 王店镇 still 400万$ of 800万$
    // → 0.5 < 1 at the due date 12-31: vetoed, and not eligible. The other four met theirs.
    const after = Host.run(
      Result.getOrThrow(Host.load([{ plugin: HundredDays.policy, options: county }])),
      { ...snapshot, asOf: "2027-01-04" }
    ).assessments[0]!.assessment
    const wangdian = after.units.find((u) => u.unit === "wangdian")!
    expect(wangdian.vetoes.map((v) => [v.veto, v.bars, v.reason])).toEqual([
      [
        "fdi-veto",
        ["first-prize-eligible"],
        "target annual-paid-in-fdi: completion 0.5 < 1 at its due date 2026-12-31"
      ]
    ])
    // People read it with the target's title, at 50.0%, and no ids in the Chinese.
    const zh = wangdian.vetoes[0]!.message.zh
    expect(zh.includes("50.0%")).toBe(true)
    expect(/[A-Za-z]/.test(zh)).toBe(false)
    expect(wangdian.pending).toBeUndefined()
    expect(after.tiers.map((t) => [t.id, t.units])).toEqual([
      ["first-prize-eligible", ["park", "xincheng", "beibu", "chengdong"]]
    ])
  })

  it("without the county's annual tasks there is no veto and no award tier", () => {
    const plain = Host.run(Result.getOrThrow(Host.load([{ plugin: HundredDays.policy }])), {
      ...snapshot,
      campaign: {
        ...snapshot.campaign,
        targets: snapshot.campaign.targets.filter((t) => !t.id.startsWith("annual-"))
      }
    })
    expect(plain.errors).toEqual([])
    expect(plain.assessments[0]!.assessment.tiers).toEqual([])
    expect(HundredDays.targets().some((t) => t.id.startsWith("annual-"))).toBe(false)
  })
})

describe("000 二.(二).1: stuck projects", () => {
  it("classifies them, each at its threshold", () => {
    // B3 land 2-01 + 3 months = 5-01, extended by the 30-day exemption (3-01…3-30) to 5-31: a warning, 0 days left.
    // K7 land 2025-12-10 + 3 months = 2026-03-10; rectification ordered 4-01, due 5-15, unresolved:
    //    escalated, 16 days past 5-15 (the rule names no next step, so exit).
    // W5 completed 2025-10-20 + 6 months = 2026-04-20, not producing: 41 days.
    // W6 signed 2025-12-15 + 6 months = 2026-06-15 without land: a warning, 15 days left.
    expect(
      out.findings.map((f) => [
        f.project,
        f.rule,
        f.severity,
        f.action,
        f.deadline,
        f.daysOverdue ?? f.daysLeft
      ])
    ).toEqual([
      ["B3", "land-idle", "warning", "warn", "2026-05-31", 0],
      ["K7", "land-idle", "escalated", "exit", "2026-03-10", 16],
      ["W5", "built-not-producing", "breach", "rectify", "2026-04-20", 41],
      ["W6", "land-not-acquired", "warning", "warn", "2026-06-15", 15]
    ])
    expect(out.findings[0]!.extensions).toEqual([
      { from: "2026-03-01", until: "2026-03-30", reason: "征迁安置未完成，非企业原因", days: 30 }
    ])
  })

  it("says what each count runs from: the deadline, or for K7 its rectification deadline", () => {
    // K7's 16 days run from the rectification deadline 5-15 (5-15 → 5-31), not from the 3-10
    // deadline nor the 2025-12-10 land supply; W5's 41 run from its deadline 4-20.
    expect(
      out.findings.map((f) => [
        f.project,
        f.messageId,
        f.data.name,
        f.data.overdueSince ?? null,
        f.data.daysOverdue ?? null
      ])
    ).toEqual([
      ["B3", "stuck-soon", "新区基础设施融资项目", null, null],
      ["K7", "stuck-escalated", "塑料制品（圈而不建）", "2026-05-15", 16],
      ["W5", "stuck", "家具制造", "2026-04-20", 41],
      ["W6", "stuck-soon", out.findings[3]!.data.name, null, null]
    ])
  })

  it("does not call a stock project 'land not acquired'", () => {
    // W3 and B5 are stock projects signed in 2025 without land: they build on land they hold.
    expect(out.findings.some((f) => f.project === "W3" || f.project === "B5")).toBe(false)
  })
})

describe("000 一: the area targets", () => {
  const facts = Progress.facts(View.make(snapshot))
  const area = (id: string) =>
    Progress.ofTarget(facts, snapshot.campaign.targets.find((t) => t.id === id)!, {
      asOf: snapshot.asOf
    })[0]!
  const show = (g: Money.Money | number) => (typeof g === "number" ? g : Money.format(g))

  it("adds up the units", () => {
    // 合同外资: 2000 + 1000 + 1500 + 2000 + 2500 + 1000 = 1亿$
    // 实到外资 is money paid in during the drive (dated funds-arrived events in USD):
    // X1 1000 + X2 500 + W1 400 + C1 1000 + B1 1200 + K1 500 = 4600万$; K4's 200万$ arrived on
    // 1-15, before the window: it counts for the park's annual task, not for the 100 days.
    expect([show(area("contract-fdi").actual), area("contract-fdi").completion]).toEqual([
      "1亿美元",
      1
    ])
    expect([show(area("paid-in-fdi").actual), area("paid-in-fdi").completion]).toEqual([
      "4600万美元",
      0.92
    ])
    // 固定资产投资: 16.2 + 12.1 + 10.2 = 38.5亿 of 38亿 → 1.0132; 工业生产性投入 22 of 25 → 0.88
    expect([show(area("fai").actual), area("fai").completion]).toEqual(["38.5亿元", 1.0132])
    expect(area("ipi").completion).toBe(0.88)
    // 招商人员: 10 by 3-28, inside the 3-31 deadline
    expect(area("staff").completion).toBe(1)
    // 二.(二).4 "两个10亿元的融资项目" are two credit lines: 新增企业授信 CREDIT-1 10亿 of 10亿,
    // 政府性融资项目新增授信 CREDIT-2 10亿 of 10亿
    expect([area("enterprise-credit").counted, area("enterprise-credit").completion]).toEqual([
      ["CREDIT-1"],
      1
    ])
    expect([area("government-credit").counted, area("government-credit").completion]).toEqual([
      ["CREDIT-2"],
      1
    ])
    // 引进或在谈重大先进制造业 (major, advanced manufacturing / new energy / new material, negotiating
    // or signed during the drive): X1 X4 X9 B1 B2 B6 K2 = 7; K8 has negotiated since 2026-01-10,
    // before the drive, and has not signed: not this drive's result.
    expect(area("major-manufacturing").counted).toEqual(["B1", "B2", "B6", "K2", "X1", "X4", "X9"])
    // 引进或在谈重大现代农业: X7 (3-15), W7 (3-08): negotiating during the drive, primary, major
    expect(area("major-agriculture").counted).toEqual(["W7", "X7"])
    // 锁定世界500强: B1 (signed), B6 (negotiating)
    expect(area("locked-fortune-500").counted).toEqual(["B1", "B6"])
  })
})
