import type { Snapshot } from "@gongjian/core"
import { Samples } from "@gongjian/policies"
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

  it("criticises every unit with a red target, naming the target and the points behind", () => {
    const red = new Set(
      b.targets.flatMap((t) => t.units.filter((u) => u.status === "red").map((u) => u.unit))
    )
    expect(new Set(b.criticised.map((c) => c.unit))).toEqual(red)
    const d = b.criticised.find((c) => c.unit === "town-d")!
    // 主要负责人外出招商: town-d made no trip of the 3 asked, 0% against 100% elapsed.
    expect(d.reasons.map((r) => r.zh)).toContain(
      "「主要负责人外出招商」完成 0%，低于序时进度 100 个百分点"
    )
    // Commended units are never also criticised.
    for (const c of b.commended) expect(red.has(c.unit)).toBe(false)
    expect(b.commended.map((c) => c.unit)).toContain("town-a")
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
      findings: [finding("r1/p", "breach"), finding("r2/p", "breach"), finding("r3/p", "warning")],
      previous: {
        ...previous,
        findings: [finding("r1/p", "warning"), finding("r2/p", "breach")]
      }
    })
    const move = new Map(made.ranking.map((r) => [r.unit, Bulletin.showMove(r)]))
    expect(move.get("town-a")).toBe("↑1")
    expect(move.get("street-b")).toBe("↓1")
    expect(move.get("town-d")).toBe("—")
    // r1 grew from a warning into a breach; r3 is new; r2 is unchanged and not repeated.
    expect(made.exit.map((e) => [e.id, e.change])).toEqual([
      ["r1/p", "worse"],
      ["r3/p", "new"]
    ])
    const html = Bulletin.html(made)
    expect(html).toContain('<td class="num up">↑1</td>')
    expect(html).toContain('<td class="num down">↓1</td>')
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
