import { Snapshot } from "@gongjian/core"
import { Host } from "@gongjian/plugin-sdk"
import { all, Samples } from "@gongjian/policies"
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import { Bulletin, Cadence } from "../src/index.js"
import { sampleBulletin } from "./samples.js"

const HOSTILE = '<script>alert("x")</script> | *粗* _斜_ [链](http://e) `码` # 标\n第二行 &amp;'

describe("Bulletin.make", () => {
  const { bulletin: b, run, snapshot } = sampleBulletin("002-investment-drive")
  const assessment = run.assessments[0]!.assessment

  it("numbers the 002 bulletin of the second half of September as the fourth of the drive", () => {
    // 半月一通报 from 1 August: 08-H1, 08-H2, 09-H1, 09-H2.
    expect(b.period.label).toBe("2026-09-H2")
    expect(b.number).toBe(4)
    expect(b.heading.zh).toBe("招商引资集中攻坚工作通报（第4期）")
    expect(b.asOf).toBe("2026-09-30")
  })

  it("ranks exactly as the assessment does", () => {
    expect(b.ranking.map((r) => [r.unit, r.rank, r.total])).toEqual(
      assessment.units.map((u) => [u.unit, u.rank, u.total])
    )
  })

  it("commends and criticises exactly the units the assessment's tiers name (002 四.4)", () => {
    // 四.4 judges each unit on its annual task (the sample's options), as of 09-30:
    //   甲镇 town-a 15.2亿/15亿, 丙园区 park-c 22.9亿/20亿, 区发改局 dept-e 4亿/3亿 — met: 通报表扬;
    //   乙街道 street-b 16.9亿/20亿, 丁镇 town-d 2.7亿/10亿, 区商务局 dept-f 0/2亿 — not met, but
    //   the task is due 12-31: not criticised on 9-30, their verdict pending.
    expect(b.commended.map((c) => c.unit)).toEqual(["town-a", "park-c", "dept-e"])
    expect(b.criticised.map((c) => c.unit)).toEqual([])
    expect(assessment.units.filter((u) => u.pending !== undefined).map((u) => u.unit)).toEqual([
      "street-b",
      "town-d",
      "dept-f"
    ])
    // Judged on 12-31 (nothing signed since): criticised, in ranking order, group by group.
    const entry = all.find((e) => e.sample === "002-investment-drive")!
    const host = Result.getOrThrow(Host.load([{ plugin: entry.plugin, options: entry.options }]))
    const atYearEnd = Host.run(host, snapshot, { asOf: "2026-12-31" })
    const year = Bulletin.make({
      snapshot,
      period: b.period,
      assessment: atYearEnd.assessments[0]!.assessment,
      findings: atYearEnd.findings
    })
    expect(year.criticised.map((c) => c.unit)).toEqual(["street-b", "town-d", "dept-f"])
    // What the ranking's tier column says is what the lists say.
    for (const r of b.ranking) {
      const tiers = r.tiers.map((t) => t.zh)
      expect(b.commended.some((c) => c.unit === r.unit)).toBe(tiers.includes("通报表扬"))
      expect(b.criticised.some((c) => c.unit === r.unit)).toBe(tiers.includes("通报批评"))
    }
    const park = b.commended.find((c) => c.unit === "park-c")!.reasons
    expect(park.map((r) => r.zh)).toEqual([
      // The tier with the condition that put 丙园区 there: its annual task, 22.9亿 of 20亿.
      park[0]!.zh,
      "排名第3，得分 11",
      // Red on 8 targets: said here, and listed under 进度滞后.
      "另有 8 项目标低于序时进度（红灯），见「进度滞后单位（低于序时进度，红灯）」"
    ])
    // Every unit commended or criticised by a tier is told which condition put it there:
    // the annual task by its title, its completion as a percentage with one decimal.
    const task = snapshot.campaign.targets.find((t) => t.id === "annual-task")!
    for (const m of [...b.commended, ...b.criticised])
      for (const text of [m.reasons[0]!.zh, m.reasons[0]!.en]) {
        expect(text.includes(task.title)).toBe(true)
        expect(text).toMatch(/\d+\.\d%/)
      }
    expect(park[0]!.zh.includes("114.5%")).toBe(true)
  })

  it("reads a tier's role from the words of its title, and takes an override", () => {
    const role = (zh: string) => Bulletin.tierRole({ title: { zh, en: "" } })
    // 002 四.4, 003 四 and 三.(三), 004 plan 2, 000 二.(一).1.
    expect(["通报表扬", "完成目标任务，通报表扬", "重点项目建设先进单位"].map(role)).toEqual([
      "commend",
      "commend",
      "commend"
    ])
    expect(["通报批评", "成效不明显，通报批评", "问责", "主要负责人诫勉谈话"].map(role)).toEqual([
      "criticise",
      "criticise",
      "criticise",
      "criticise"
    ])
    expect(role("可参评开放型经济工作一等奖")).toBeUndefined()
    // Overridden: 通报表扬 read as nothing, so no tier commends and the first three of each
    // group with nothing against them (no veto, no point deducted, every target on pace, no
    // open breach) are commended — 甲镇 and 区发改局.
    const made = Bulletin.make({
      snapshot,
      period: b.period,
      assessment,
      findings: run.findings,
      tierRoles: { commended: "none" }
    })
    expect(made.commended.map((c) => c.unit)).toEqual(["town-a", "dept-e"])
    expect(made.criticised.map((c) => c.unit)).toEqual([])
  })

  it("lists every unit with a red target under 进度滞后, with the target and the points behind", () => {
    const red = new Set(
      b.targets.flatMap((t) => t.units.filter((u) => u.status === "red").map((u) => u.unit))
    )
    expect(new Set(b.lagging.map((c) => c.unit))).toEqual(red)
    const d = b.lagging.find((c) => c.unit === "town-d")!.reasons.map((r) => r.zh)
    // 主要负责人外出招商: town-d made no trip of the 3 asked, 0% against 100% elapsed.
    expect(d).toContain("「主要负责人外出招商」完成 0.0%，低于序时进度 100.0 个百分点")
    // 招商引资年度目标任务 runs 01-01…12-31: 273 of 365 days by 09-30, 74.794…% → 74.8%;
    // town-d 2.7亿 of 10亿 = 27.0%, 47.794… → 47.8 points behind.
    expect(d).toContain("「招商引资年度目标任务」完成 27.0%，低于序时进度 47.8 个百分点")
    // 新开工项目: park-c 1 of 3 = 33.33…% → 33.3%, 66.66… → 66.7 points behind.
    expect(b.lagging.find((c) => c.unit === "park-c")!.reasons.map((r) => r.zh)).toContain(
      "「新开工项目」完成 33.3%，低于序时进度 66.7 个百分点"
    )
  })

  it("prints every percentage with one decimal, rounded half up from the exact value", () => {
    const annual = b.targets.find((t) => t.target === "annual-task")!
    // 61.70亿 of 75亿 = 82.266…% → 82.3% (cut, it would read 82.2); 序时进度 74.8%.
    expect(annual.area).toMatchObject({ completion: "82.3%", expected: "74.8%", behind: "-7.5" })
    // 区商务局 dept-f: 0 of 2亿 → 0.0%, 74.8 points behind.
    expect(annual.units.find((u) => u.unit === "dept-f")).toMatchObject({
      completion: "0.0%",
      behind: "74.8"
    })
    const html = Bulletin.html(b)
    const md = Bulletin.markdown(b)
    for (const text of [html, md]) {
      expect(text).toContain("82.3%")
      expect(text).not.toMatch(/…%|\d\.\d{2,}%/)
    }
  })

  it("counts red unit targets and the units they belong to apart in the summary", () => {
    // A unit red on two targets is two red rows and one unit.
    const rows = (status: string) =>
      b.targets.flatMap((t) => t.units.filter((u) => u.status === status))
    const red = rows("red")
    const redUnits = new Set(red.map((r) => r.unit)).size
    expect(red.length).toBeGreaterThan(redUnits) // park-c alone is red on 8 targets
    expect(b.summary[0]!.zh).toContain(`红灯 ${red.length} 项（涉及 ${redUnits} 个单位）`)
    expect(b.summary[0]!.en).toContain(`${red.length} (in ${redUnits} units) are red`)
    // None amber: no units to name.
    expect(rows("amber")).toHaveLength(0)
    expect(b.summary[0]!.zh).toMatch(/黄灯 0 项。$/)
  })

  it("reports the dispatch the sample missed in the period", () => {
    expect(Cadence.overdue(b.cadence).map((o) => o.id)).toEqual(["cadence[0]/2026-W38"])
    expect(b.summary.at(-1)!.zh).toBe("本期应开展调度、例会等 7 次，已开展 5 次，未按期开展 1 次。")
  })

  it("gives rank moves and new or worse exit findings since the previous bulletin", () => {
    const previous = {
      assessment: {
        ...assessment,
        units: assessment.units.map((u) =>
          u.unit === "town-a" ? { ...u, rank: 2 } : u.unit === "street-b" ? { ...u, rank: 1 } : u
        )
      },
      findings: [] as Array<Bulletin.FindingInput>
    }
    const finding = (id: string, severity: "warning" | "breach" | "escalated") => ({
      id,
      project: snapshot.projects[0]!.id,
      unit: snapshot.projects[0]!.unit,
      class: "signed-not-built" as const,
      clause: "002 四.4",
      severity,
      action: "rectify" as const,
      deadline: "2026-09-01",
      daysOverdue: severity === "warning" ? undefined : 29,
      message: { zh: "签而不建", en: "signed, not built" }
    })
    const made = Bulletin.make({
      snapshot,
      period: b.period,
      assessment,
      findings: [
        finding("r1/p", "breach"),
        finding("r2/p", "breach"),
        finding("r3/p", "warning"),
        finding("r4/p", "warning")
      ],
      previous: {
        ...previous,
        findings: [
          finding("r1/p", "warning"),
          finding("r2/p", "breach"),
          finding("r4/p", "warning")
        ]
      }
    })
    const move = new Map(made.ranking.map((r) => [r.unit, Bulletin.showMove(r)]))
    expect(move.get("town-a")).toBe("↑1")
    expect(move.get("street-b")).toBe("↓1")
    expect(move.get("town-d")).toBe("—")
    // r1 grew from a warning into a breach; r3 is new; r2, a breach reported last time, is
    // still open and listed as such (a 通报 does not drop it); r4, a warning repeated, is not.
    expect(made.exit.map((e) => [e.id, e.change])).toEqual([
      ["r1/p", "worse"],
      ["r2/p", "open"],
      ["r3/p", "new"]
    ])
    // The summary counts what is new or worse (r3's warning, r1's breach) apart from
    // what is still open (r2).
    expect(made.summary.map((t) => t.zh)).toContain(
      "退出机制新增预警 1 起、逾期 1 起、整改逾期 0 起；上期已通报仍未整改 1 起。"
    )
    expect(Bulletin.markdown(made)).toContain("（上期已通报，仍未整改）")
    const html = Bulletin.html(made)
    expect(html).toContain('<td class="num up">↑1</td>')
    expect(html).toContain('<td class="num down">↓1</td>')
  })

  it("shows an escalated finding's 期限 as the rectification deadline its days count from", () => {
    // Deadline 2026-09-01, rectification ordered with deadline 2026-09-20; the overdue days
    // run from 2026-09-20, so that is the 期限 shown, the original named beside it.
    const made = Bulletin.make({
      snapshot,
      period: b.period,
      assessment,
      findings: [
        {
          id: "r/p",
          project: snapshot.projects[0]!.id,
          unit: snapshot.projects[0]!.unit,
          class: "land-idle",
          clause: "002 四.4",
          severity: "escalated",
          action: "reclaim-land",
          deadline: "2026-09-01",
          rectification: { ordered: "2026-09-05", deadline: "2026-09-20", resolvedOn: undefined },
          daysOverdue: 10,
          message: { zh: "整改逾期", en: "escalated" }
        }
      ]
    })
    expect(made.exit.map((e) => [e.id, e.rectificationDeadline])).toEqual([["r/p", "2026-09-20"]])
    expect(Bulletin.markdown(made)).toContain("| 2026-09-20（整改期限；原期限2026-09-01） |")
    expect(Bulletin.html(made)).toContain(
      '<td class="num">2026-09-20（整改期限；原期限2026-09-01）</td>'
    )
  })

  it("is the same whatever the order of the snapshot's arrays and of the findings", () => {
    const shuffled: Snapshot.Snapshot = {
      ...snapshot,
      units: [...snapshot.units].reverse(),
      projects: [...snapshot.projects].reverse(),
      activities: [...(snapshot.activities ?? [])].reverse(),
      campaign: { ...snapshot.campaign, targets: [...snapshot.campaign.targets].reverse() }
    }
    const again = Bulletin.make({
      snapshot: shuffled,
      period: b.period,
      assessment,
      findings: [...run.findings].reverse()
    })
    const once = Bulletin.make({ snapshot, period: b.period, assessment, findings: run.findings })
    expect(Bulletin.html(again)).toBe(Bulletin.html(once))
    expect(Bulletin.markdown(again, "en")).toBe(Bulletin.markdown(once, "en"))
  })
})

describe("Bulletin.html and Bulletin.markdown", () => {
  const hostile = () => {
    const s = Samples.load("002-investment-drive")
    return {
      ...s,
      campaign: { ...s.campaign, title: HOSTILE },
      units: s.units.map((u) => (u.id === "town-d" ? { ...u, name: HOSTILE } : u))
    }
  }

  it("escapes every name in HTML: nothing in a name becomes markup", () => {
    const snapshot = hostile()
    const b = Bulletin.make({
      snapshot,
      period: Cadence.parsePeriod("2026-09-H2")!,
      corrections: [
        {
          record: HOSTILE,
          field: HOSTILE,
          on: "2026-09-20",
          before: "<b>",
          after: "</td>",
          reason: HOSTILE
        }
      ]
    })
    const html = Bulletin.html(b)
    expect(html).not.toContain("<script>")
    expect(html).not.toContain("<b>")
    expect(html).not.toContain('</td>"')
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;")
    // "&amp;" in a name is shown as typed, not as "&".
    expect(html).toContain("&amp;amp;")
  })

  it("escapes every name in Markdown: no name breaks a table row or renders as markup", () => {
    const b = Bulletin.make({ snapshot: hostile(), period: Cadence.parsePeriod("2026-09-H2")! })
    const md = Bulletin.markdown(b)
    expect(md).not.toContain("<script>")
    expect(md).toContain("&lt;script&gt;")
    expect(md).toContain("\\| \\*粗\\* \\_斜\\_ \\[链\\](http://e) \\`码\\` \\# 标<br>第二行")
    // Every table row still has the columns of its header.
    const tables = md.split("\n\n").filter((block) => block.startsWith("| "))
    for (const t of tables) {
      const cells = t.split("\n").map((line) => line.replace(/\\\|/g, "").split("|").length)
      expect(new Set(cells).size).toBe(1)
    }
  })

  it("writes English on request", () => {
    const { bulletin } = sampleBulletin("002-investment-drive")
    const md = Bulletin.markdown(bulletin, "en")
    expect(md).toContain("## Targets against time-elapsed progress (序时进度)")
    expect(md).toContain("bulletin no. 4")
    expect(Bulletin.html(bulletin, "en")).toContain('<html lang="en">')
  })
})

describe("bulletins issued (Bulletin.record, Bulletin.previous)", () => {
  const { bulletin: b, snapshot } = sampleBulletin("002-investment-drive")
  const record = (label: string, date: string, number: number) =>
    Bulletin.record(
      { number, period: Cadence.parsePeriod(label)!, asOf: date },
      { unit: "district" }
    )

  it("counts from the last bulletin recorded before this one, never from its own record", () => {
    // 002's bulletins: 08-H2 issued as of 08-31, 09-H1 as of 09-15, 09-H2 (this one) as of 09-30.
    const issued = [
      record("2026-08-H2", "2026-08-31", 2),
      record("2026-09-H2", "2026-09-30", 4),
      record("2026-09-H1", "2026-09-15", 3)
    ]
    const s = { ...snapshot, activities: [...(snapshot.activities ?? []), ...issued] }
    expect(Bulletin.issued(s).map((a) => a.id)).toEqual([
      "bulletin-2026-08-H2",
      "bulletin-2026-09-H1",
      "bulletin-2026-09-H2"
    ])
    expect(Bulletin.previous(s, b.period)).toEqual({ asOf: "2026-09-15", record: issued[2] })
    // 09-H1 was never issued: the 09-H2 bulletin counts from 08-H2's, as of 08-31.
    const gap = { ...s, activities: s.activities.filter((a) => a.id !== "bulletin-2026-09-H1") }
    expect(Bulletin.previous(gap, b.period)?.asOf).toBe("2026-08-31")
    // None recorded: the previous period's bulletin, as of its end; none for the first period.
    expect(Bulletin.previous(snapshot, b.period)).toEqual({ asOf: "2026-09-15", record: undefined })
    expect(Bulletin.previous(snapshot, Cadence.parsePeriod("2026-08-H1")!)).toBeUndefined()
  })

  it("shows the previous bulletin's date, and each correction with who filed it", () => {
    const made = Bulletin.make({
      snapshot,
      period: b.period,
      previous: { asOf: "2026-09-15", record: "bulletin-2026-09-H1" },
      corrections: [
        {
          record: "report R-2",
          on: "2026-09-21",
          withdrawn: true,
          reason: "重复填报",
          by: "li.na（town-d）"
        },
        {
          record: "project A1",
          field: "investment.total",
          on: "2026-09-20",
          before: "12亿元",
          after: "15亿元",
          reason: "按合同更正总投资",
          by: "zhao.lei（town-a）"
        }
      ]
    })
    const md = Bulletin.markdown(made)
    expect(md).toContain("数据截至：2026-09-30　上期通报：2026-09-15")
    // In the order filed.
    expect(md).toContain(
      [
        "| 记录 | 字段 | 更正内容 | 原因 | 填报人 | 更正日期 |",
        "|---|---|---|---|---|---|",
        "| project A1 | investment.total | 12亿元 → 15亿元 | 按合同更正总投资 | zhao.lei（town-a） | 2026-09-20 |",
        "| report R-2 |  | 撤回 | 重复填报 | li.na（town-d） | 2026-09-21 |"
      ].join("\n")
    )
    expect(Bulletin.html(made, "en")).toContain("<td>withdrawn</td>")
  })
})

describe("a campaign's area and its reporting cadence", () => {
  it("names the area-wide figures after the root unit: 全区, 全市, 全镇", () => {
    // 002's root is 示范区, 003's 示范市, 004's 桐木镇.
    expect(sampleBulletin("002-investment-drive").bulletin.area.zh).toBe("全区")
    expect(sampleBulletin("003-construction-year").bulletin.area).toEqual({
      zh: "全市",
      en: "whole city"
    })
    const town = sampleBulletin("004-project-year").bulletin
    expect(town.area.zh).toBe("全镇")
    expect(town.summary[0]!.zh).toContain("，全镇 ")
    expect(town.summary[0]!.zh).not.toContain("全区")
    expect(town.summary[0]!.en).toContain("for the whole town")
  })

  it("gives a county's bulletin 全县", () => {
    const { snapshot } = sampleBulletin("002-investment-drive")
    const county: Snapshot.Snapshot = {
      ...snapshot,
      units: snapshot.units.map((u) =>
        u.parent === undefined ? { ...u, name: "示范县", kind: "county" as const } : u
      )
    }
    const b = Bulletin.make({ snapshot: county, period: Cadence.parsePeriod("2026-09-H2")! })
    expect(b.area.zh).toBe("全县")
    expect(Bulletin.markdown(b)).toContain("截至 2026-09-30，全县 ")
  })

  it("gives a campaign without a reporting cadence no number and no made-up previous bulletin", () => {
    // 000 has cadence []: its bulletin is not one of a numbered series.
    const { snapshot, period, bulletin } = sampleBulletin("000-hundred-days")
    expect(snapshot.campaign.cadence).toEqual([])
    expect(bulletin.number).toBeUndefined()
    expect(bulletin.previous).toBeUndefined()
    expect(bulletin.heading.zh).toBe("项目提升年百日攻坚工作通报")
    expect(Bulletin.previous(snapshot, period)).toBeUndefined()
    expect(Bulletin.numberOf(snapshot.campaign, period)).toBeUndefined()
    // No 通报期 and no 上期通报 line: only the date the data speak as of.
    const md = Bulletin.markdown(bulletin)
    expect(md).not.toMatch(/第\d+期|通报期|上期通报/)
    expect(md).toContain("数据截至：2026-05-31")
    expect(Bulletin.html(bulletin, "en")).not.toMatch(/no\. \d|Previous bulletin/)
    // No rank moves without a previous bulletin.
    expect(bulletin.ranking.every((r) => r.move === undefined)).toBe(true)
  })

  it("still counts from a bulletin recorded as issued when the campaign has no cadence", () => {
    const { snapshot, period } = sampleBulletin("000-hundred-days")
    const issued = Bulletin.record(
      { number: undefined, period: Cadence.parsePeriod("2026-05-H1")!, asOf: "2026-05-15" },
      { unit: "district" }
    )
    const s = { ...snapshot, activities: [...(snapshot.activities ?? []), issued] }
    expect(Bulletin.previous(s, period)).toEqual({ asOf: "2026-05-15", record: issued })
    expect(issued.note).not.toMatch(/第.*期/)
  })

  it("writes rank totals with at most two decimals, the exact total kept in the data", () => {
    // 000's 王店镇 scores 27.214286 (exact, six places): read as 27.21.
    const { bulletin } = sampleBulletin("000-hundred-days")
    const line = bulletin.ranking.find((r) => r.name === "王店镇")!
    expect(line.total).toBe("27.214286")
    for (const text of [Bulletin.markdown(bulletin), Bulletin.html(bulletin, "en")]) {
      expect(text).toContain("27.21")
      expect(text).not.toMatch(/\d\.\d{3,}/)
    }
  })
})

describe("通报表扬 and 通报批评: one reading, in campaigns built by hand", () => {
  // Four towns under a district; one per-unit target, 2 projects signed each, from 1 January
  // to 30 June, as of 30 June: 序时进度 100%. 甲 town-a and 乙 town-b sign 2 (100%, on pace),
  // 丙 town-c 2, 丁 town-d none (D1 not signed: 0%, red).
  const project = (id: string, unit: string) => ({
    id,
    name: id,
    unit,
    sector: "secondary",
    events: [{ type: "signed", date: "2026-03-01" }]
  })
  const snapshot: Snapshot.Snapshot = Result.getOrThrow(
    Snapshot.decode({
      asOf: "2026-06-30",
      campaign: {
        id: "c",
        title: "攻坚",
        kind: "other",
        window: { start: "2026-01-01", end: "2026-06-30" },
        phases: [],
        cadence: [],
        assessedUnitKinds: ["town"],
        targets: [
          {
            id: "signings",
            title: "签约项目",
            measure: "projects",
            scope: "per-unit",
            goal: 2,
            filter: { stage: "signed" }
          }
        ]
      },
      units: [
        { id: "district", name: "示范区", kind: "district" },
        { id: "town-a", name: "甲镇", kind: "town", parent: "district" },
        { id: "town-b", name: "乙镇", kind: "town", parent: "district" },
        { id: "town-c", name: "丙镇", kind: "town", parent: "district" },
        { id: "town-d", name: "丁镇", kind: "town", parent: "district" }
      ],
      projects: [
        project("A1", "town-a"),
        project("A2", "town-a"),
        project("B1", "town-b"),
        project("B2", "town-b"),
        project("C1", "town-c"),
        project("C2", "town-c"),
        { id: "D1", name: "D1", unit: "town-d", sector: "secondary", events: [] }
      ]
    })
  )
  const period = Cadence.parsePeriod("2026-06-H2")!
  type Unit = Bulletin.AssessmentInput["units"][number]
  const unit = (id: string, rank: number, total: string, more: Partial<Unit> = {}): Unit => ({
    unit: id,
    name: id,
    group: "all",
    total,
    rank,
    tiers: [],
    vetoes: [],
    ...more
  })
  const assessment = (
    units: ReadonlyArray<Unit>,
    tiers: Bulletin.AssessmentInput["tiers"] = []
  ): Bulletin.AssessmentInput => ({
    policy: { id: "p" },
    units,
    groups: [
      { id: "all", title: { zh: "全部单位", en: "all units" }, units: units.map((u) => u.unit) }
    ],
    tiers
  })
  const escalated = (unit: string, project: string): Bulletin.FindingInput => ({
    id: `stuck/${project}`,
    project,
    unit,
    class: "land-idle",
    clause: "000 二.(二).1",
    severity: "escalated",
    action: "reclaim-land",
    deadline: "2026-05-01",
    daysOverdue: 16,
    message: { zh: "整改逾期", en: "escalated" }
  })
  const ids = (list: ReadonlyArray<Bulletin.Mention>) => list.map((m) => m.unit)

  it("commends from the ranking only the units with nothing against them: a deduction is something (001)", () => {
    // No tier of commendation (001 has no 通报表扬 clause): the first three, 0, 0 and −1
    // points. 甲 and 乙 lost no point and are on pace on every target: commended; 丙 lost a
    // point (a line of −1, 三.(五) 扣减分值): ranked third, yet not commended. 丁 is fourth.
    const a = assessment([
      unit("town-a", 1, "0", { lines: [] }),
      unit("town-b", 1, "0", { lines: [{ points: "0" }] }),
      unit("town-c", 3, "-1", { lines: [{ points: "0.5" }, { points: "-1.5" }] }),
      unit("town-d", 4, "-3", { lines: [{ points: "-3" }] })
    ])
    const b = Bulletin.make({ snapshot, period, assessment: a })
    expect(ids(b.commended)).toEqual(["town-a", "town-b"])
    expect(ids(b.criticised)).toEqual([])
    // Without the score lines, a total below zero says a point was deducted.
    const bare = Bulletin.make({
      snapshot,
      period,
      assessment: assessment(a.units.map(({ lines: _, ...u }) => u))
    })
    expect(ids(bare.commended)).toEqual(["town-a", "town-b"])
    // 丁 is red on its target: not commended even ranked first with no deduction.
    const first = Bulletin.make({
      snapshot,
      period,
      assessment: assessment([
        unit("town-d", 1, "5", { lines: [{ points: "5" }] }),
        unit("town-a", 2, "4", { lines: [{ points: "4" }] })
      ])
    })
    expect(ids(first.commended)).toEqual(["town-a"])
    expect(ids(first.lagging)).toEqual(["town-d"])
  })

  it("criticises no unit for an exit finding: the finding is listed, the unit ranked first is not criticised (000)", () => {
    // 甲 ranks first and is in a tier of no role (可参评开放型经济工作一等奖, 000 二.(一).1); a
    // project of it is past its rectification deadline (000 二.(二).1 asks for the stuck
    // projects' problems to be solved; no clause criticises the unit). It is listed under
    // 退出机制, neither commended (something stands against it) nor criticised.
    const a = assessment(
      [
        unit("town-a", 1, "41", { lines: [{ points: "41" }], tiers: ["first-prize"] }),
        unit("town-b", 2, "40", { lines: [{ points: "40" }], tiers: ["first-prize"] })
      ],
      [
        {
          id: "first-prize",
          title: { zh: "可参评开放型经济工作一等奖", en: "eligible for the first prize" },
          clause: "000 二.(一).1"
        }
      ]
    )
    const b = Bulletin.make({
      snapshot,
      period,
      assessment: a,
      findings: [escalated("town-a", "A1")]
    })
    expect(ids(b.criticised)).toEqual([])
    expect(ids(b.commended)).toEqual(["town-b"])
    expect(b.exit.map((e) => [e.unit, e.severity])).toEqual([["town-a", "escalated"]])
    expect(b.ranking.find((r) => r.unit === "town-a")!.tiers).toHaveLength(1)
  })

  it("never lists a unit under both: one the plan criticises is not commended", () => {
    // 甲 is in the tier of commendation and vetoed (a veto barring another tier); 乙 is in
    // both tiers; 丙 only commended. 甲 and 乙 are criticised, 丙 alone commended.
    const a = assessment(
      [
        unit("town-a", 1, "9", {
          tiers: ["commended"],
          vetoes: [
            {
              veto: "v",
              title: { zh: "否决", en: "veto" },
              bars: ["other"],
              reason: "r",
              message: { zh: "否决", en: "veto" }
            }
          ]
        }),
        unit("town-b", 2, "8", { tiers: ["commended", "criticised"] }),
        unit("town-c", 3, "7", { tiers: ["commended"] })
      ],
      [
        { id: "commended", title: { zh: "通报表扬", en: "commended" }, clause: "002 四.4" },
        { id: "criticised", title: { zh: "通报批评", en: "criticised" }, clause: "002 四.4" }
      ]
    )
    const b = Bulletin.make({ snapshot, period, assessment: a })
    expect(ids(b.criticised)).toEqual(["town-a", "town-b"])
    expect(ids(b.commended)).toEqual(["town-c"])
    for (const m of b.commended) expect(ids(b.criticised)).not.toContain(m.unit)
  })

  it("says a commended unit is on pace only when it is (002: commended for its task, red elsewhere)", () => {
    // The tier commends 甲 and 丁 (each met the task the tier judges); 丁 is red on 签约项目
    // and has an escalated project; 甲 is on pace. 甲's mention ends with the on-pace
    // reason; 丁's carries no such reason and points to both lists instead.
    const a = assessment(
      [
        unit("town-a", 1, "9", { tiers: ["commended"] }),
        unit("town-d", 2, "8", { tiers: ["commended"] })
      ],
      [{ id: "commended", title: { zh: "通报表扬", en: "commended" }, clause: "002 四.4" }]
    )
    const b = Bulletin.make({
      snapshot,
      period,
      assessment: a,
      findings: [escalated("town-d", "D1")]
    })
    expect(ids(b.commended)).toEqual(["town-a", "town-d"])
    const [onPace, red] = b.commended
    // 甲: the tier, the rank, on pace.
    expect(onPace!.reasons).toHaveLength(3)
    const paceReason = onPace!.reasons[2]!
    // 丁: the tier, the rank, its red target's pointer, its exit finding's pointer.
    expect(red!.reasons).toHaveLength(4)
    expect(red!.reasons).not.toContainEqual(paceReason)
    expect(ids(b.lagging)).toEqual(["town-d"])
    expect(b.exit.map((e) => e.unit)).toEqual(["town-d"])
  })
})
