import { Ratio, type Snapshot, View } from "@gongjian/core"
import type { Host } from "@gongjian/plugin-sdk"
import { Samples } from "@gongjian/policies"
import { describe, expect, it } from "vitest"
import { markdown, percent, table } from "../src/internal/render.js"
import { findingRows, headers, progressRows } from "../src/internal/views.js"

// Names come from the snapshot: a county may type anything into them.
const header = ["rank", "unit", "total"]
const hostile = ["1", "甲镇\n| 2 | forged | 99 |", "5"]

describe("Markdown output", () => {
  it("keeps a name with a newline, a pipe or a backslash inside its cell", () => {
    const md = markdown(header, [hostile, ["2", "a\\|b", "3"]])
    const lines = md.split("\n")
    // Header, rule and exactly two rows: the newline did not start a forged row.
    expect(lines).toHaveLength(4)
    expect(lines[2]).toBe("| 1 | 甲镇<br>\\| 2 \\| forged \\| 99 \\| | 5 |")
    // A backslash before a pipe is escaped too, so the pipe stays escaped.
    expect(lines[3]).toBe("| 2 | a\\\\\\|b | 3 |")
  })
  it("never lets HTML through raw", () => {
    const md = markdown(header, [["1", "<script>alert(1)</script> & <b>", "5"]])
    expect(md).not.toContain("<script>")
    expect(md.split("\n")[2]).toBe(
      "| 1 | &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt; | 5 |"
    )
  })
})

describe("plain-text tables", () => {
  it("keep a row on one line whatever the name holds", () => {
    const text = table(header, [hostile, ["2", "tab\there\r", "3"]])
    const lines = text.split("\n")
    expect(lines).toHaveLength(4)
    expect(lines[2]).toContain("甲镇\\n| 2 | forged | 99 |")
    expect(lines[3]).toContain("tab\\there\\r")
  })
})

describe("completion in the progress table", () => {
  it("writes one decimal, half up from the exact value, and never shows a target missed by a hair as 100%", () => {
    // 4,999.98万 of 5,000万: 99.9996%, which rounds to 100.0% — shown as 99.9%, since 100% says met.
    expect(percent(Ratio.makeUnsafe("49999800", "50000000"))).toBe("99.9%")
    expect(percent(Ratio.makeUnsafe(1, 2))).toBe("50.0%")
    // ⅔ = 66.666…% → 66.7% (half up), as the bulletins print it.
    expect(percent(Ratio.makeUnsafe(2, 3))).toBe("66.7%")
    expect(percent(1)).toBe("100.0%")
  })
})

describe("the findings table", () => {
  it("shows an escalated finding's 期限 as the rectification deadline its 天数 count from", () => {
    // 000/K7: deadline 2026-03-10, rectification deadline 2026-05-15; as of 2026-05-31 it is
    // 31 − 15 = 16 days overdue, counted from 2026-05-15.
    const finding = (severity: "breach" | "escalated") =>
      ({
        project: "K7",
        unit: "park",
        class: "land-idle",
        severity,
        action: "reclaim-land",
        deadline: "2026-03-10",
        rectification: { ordered: "2026-04-15", deadline: "2026-05-15", resolvedOn: undefined },
        daysOverdue: 16,
        daysLeft: undefined
      }) as unknown as Host.PluginFinding
    const snapshot = {
      units: [{ id: "park", name: "工业园区" }],
      projects: [{ id: "K7", name: "塑料制品" }]
    } as unknown as Snapshot.Snapshot
    const rows = findingRows(snapshot, [finding("escalated"), finding("breach")], "zh")
    // The project by its name and id, as the bulletin names it.
    expect(rows.map((r) => r[headers.findings.zh.indexOf("项目")])).toEqual([
      "塑料制品（K7）",
      "塑料制品（K7）"
    ])
    expect(findingRows(snapshot, [finding("breach")], "en")[0]![0]).toBe("塑料制品 (K7)")
    const at = headers.findings.zh.indexOf("期限")
    expect(rows.map((r) => [r[at], r[at + 1]])).toEqual([
      ["2026-05-15（整改期限；原期限2026-03-10）", "逾期16天"],
      ["2026-03-10", "逾期16天"]
    ])
  })
  it("writes the days as overdue or left, never as a negative count", () => {
    // 000/W6 as of 2026-05-31: a warning due 2026-06-15, 15 days left; W5 due 2026-04-20,
    // 41 days overdue.
    const finding = (severity: "warning" | "breach", days: number) =>
      ({
        project: "W",
        unit: "town",
        class: "built-not-producing",
        severity,
        action: "rectify",
        deadline: "2026-06-15",
        rectification: undefined,
        daysOverdue: severity === "warning" ? undefined : days,
        daysLeft: severity === "warning" ? days : undefined
      }) as unknown as Host.PluginFinding
    const snapshot = {
      units: [{ id: "town", name: "王店镇" }],
      projects: []
    } as unknown as Snapshot.Snapshot
    // B3 is due on the day itself.
    const found = [
      finding("warning", 15),
      finding("breach", 41),
      finding("warning", 1),
      finding("warning", 0)
    ]
    const at = headers.findings.zh.indexOf("天数")
    expect(findingRows(snapshot, found, "zh").map((r) => r[at])).toEqual([
      "还有15天",
      "逾期41天",
      "还有1天",
      "今日到期"
    ])
    expect(findingRows(snapshot, found, "en").map((r) => r[at])).toEqual([
      "15 days left",
      "41 days overdue",
      "1 day left",
      "due today"
    ])
  })
})

describe("money in the progress table", () => {
  it("writes a target's figures in one unit, a unit's nothing as 0.00 in it", () => {
    // 002 四.4: 招商引资年度目标任务 75亿元 for the area, 2亿元–20亿元 for the units; 区商务局
    // has signed nothing against its 2亿元.
    const rows = progressRows(View.make(Samples.load("002-investment-drive")), "zh").filter(
      (r) => r[0] === "招商引资年度目标任务"
    )
    expect(rows.length).toBeGreaterThan(2)
    for (const r of rows) expect([r[2]!.slice(-2), r[3]!.slice(-2)]).toEqual(["亿元", "亿元"])
    expect(rows.find((r) => r[1] === "区商务局")?.slice(2, 4)).toEqual(["0.00亿元", "2.00亿元"])
  })
})
