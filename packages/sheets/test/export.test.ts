import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { Progress, type Project, Snapshot, View } from "@gongjian/core"
import * as Arr from "effect/Array"
import * as Result from "effect/Result"
import ExcelJS from "exceljs"
import { describe, expect, it, vi } from "vitest"
import { Export, Forms, Import, SheetError } from "../src/index.js"
import { county, importBytes, outline, sample, sheetXml, workbookParts, zip } from "./helpers.js"

const load = async (bytes: Uint8Array) => {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(bytes) as never)
  return wb
}
const encoded = (projects: ReadonlyArray<Project.Project>) =>
  (Snapshot.encode({ ...county, projects }) as { projects: unknown }).projects

const ledgerSnapshot = async () => {
  const r = Result.getOrThrow(
    await importBytes(sample("project-ledger.xlsx"), {
      template: Forms.projectLedger,
      snapshot: county,
      file: "l.xlsx"
    })
  )
  return Result.getOrThrow(Import.apply(county, r))
}

describe("export → import round trips", () => {
  it("the project 台账 as .xlsx imports into the same snapshot as the same projects, every row merged", async () => {
    const s = await ledgerSnapshot()
    const bytes = await Export.xlsx([Export.projectLedger(s)])
    const back = Result.getOrThrow(
      await importBytes(bytes, { template: Forms.projectLedger, snapshot: s, file: "out.xlsx" })
    )
    expect(back.report.counts).toEqual({
      accepted: 0,
      merged: s.projects.length,
      rejected: 0,
      total: 0,
      note: 0,
      blank: 0
    })
    const byId = new Map(back.projects.map((p) => [p.id, p]))
    expect(encoded(s.projects.map((p) => byId.get(p.id)!))).toEqual(encoded(s.projects))
  })

  it("text that looks like a formula is neutralised in the file and restored by the import, in .xlsx and .csv", async () => {
    const names = [
      '=HYPERLINK("http://127.0.0.1","点击")',
      "+86 客商",
      "-负数开头",
      "@SUM(1)",
      "\t制表符",
      "'=已带标记",
      "'普通撇号"
    ]
    const projects: Array<Project.Project> = names.map((name, i) => ({
      id: `X-${i + 1}`,
      name,
      unit: "town-a",
      sector: "secondary",
      investment: {
        total: { amount: county.projects[0]!.investment!.total!.amount, currency: "CNY" }
      },
      events: [{ type: "signed", date: "2026-09-01" }]
    }))
    const s = { ...county, projects }
    const table = Export.projectLedger(s)
    const wb = await load(await Export.xlsx([table]))
    const cells = wb.worksheets[0]!.getColumn(2).values.slice(4) as Array<string>
    expect(cells).toEqual([
      '\'=HYPERLINK("http://127.0.0.1","点击")',
      "'+86 客商",
      "'-负数开头",
      "'@SUM(1)",
      "'\t制表符",
      "''=已带标记",
      "''普通撇号"
    ])
    const fresh = { ...county, projects: [] }
    for (const [bytes, file] of [
      [await Export.xlsx([table]), "n.xlsx"],
      [new TextEncoder().encode(Export.csv(table)), "n.csv"]
    ] as const) {
      const back = Result.getOrThrow(
        await importBytes(bytes, { template: Forms.projectLedger, snapshot: fresh, file })
      )
      expect(back.projects.map((p) => p.name)).toEqual(names)
    }
  })

  it("industries and flags are written by their Chinese names and read back as the same codes, a county's own code as it is, in .xlsx and .csv", async () => {
    // Only what the 台账 holds: number, name, unit, sector, investment, stage dates.
    const base: Project.Project = {
      id: "",
      name: "新能源整车配套",
      unit: "town-a",
      sector: "secondary",
      investment: {
        total: { amount: county.projects[0]!.investment!.total!.amount, currency: "CNY" }
      },
      events: [{ type: "signed", date: "2026-08-20" }]
    }
    const projects: Array<Project.Project> = [
      { ...base, id: "N-1", industry: "new-energy", flags: ["major", "fortune-500"] },
      { ...base, id: "N-2", industry: "logistics", flags: ["key", "preliminary"] },
      // A county's own codes, in neither table.
      { ...base, id: "N-3", industry: "bamboo-crafts", flags: ["county-star", "stock"] },
      { ...base, id: "N-4", industry: undefined, flags: [] }
    ].map(({ industry, flags, ...p }) => ({
      ...p,
      ...(industry === undefined ? {} : { industry }),
      ...(flags.length === 0 ? {} : { flags })
    }))
    const s = { ...county, projects }
    const table = Export.projectLedger(s)
    const at = (header: string) => table.columns.findIndex((c) => c.header === header)
    expect(table.rows.map((r) => [r[at("行业")], r[at("标签")]])).toEqual([
      ["新能源", "重大项目、世界500强"],
      ["现代物流", "重点项目、前期项目"],
      ["bamboo-crafts", "county-star、存量项目"],
      [undefined, undefined]
    ])
    // Imported into a snapshot that does not hold them: the same projects.
    const fresh = { ...county, projects: [] }
    for (const [bytes, file] of [
      [await Export.xlsx([table]), "n.xlsx"],
      [new TextEncoder().encode(Export.csv(table)), "n.csv"]
    ] as const) {
      const back = Result.getOrThrow(
        await importBytes(bytes, { template: Forms.projectLedger, snapshot: fresh, file })
      )
      expect(back.report.counts.rejected).toBe(0)
      expect(encoded(back.projects)).toEqual(encoded(projects))
    }
  })

  it("a county's own code in Chinese reads back into a snapshot whose projects carry it; elsewhere it is an unknown name, reported", async () => {
    const own: Project.Project = {
      id: "C-1",
      name: "竹木加工园",
      unit: "town-a",
      sector: "secondary",
      industry: "竹木加工",
      flags: ["省重点", "major"],
      events: [{ type: "signed", date: "2026-08-20" }]
    }
    const s = { ...county, projects: [own] }
    const bytes = new TextEncoder().encode(Export.csv(Export.projectLedger(s)))
    const back = Result.getOrThrow(
      await importBytes(bytes, { template: Forms.projectLedger, snapshot: s, file: "c.csv" })
    )
    expect(back.report.counts.merged).toBe(1)
    expect(encoded(back.projects)).toEqual(encoded([own]))
    const fresh = Result.getOrThrow(
      await importBytes(bytes, {
        template: Forms.projectLedger,
        snapshot: { ...county, projects: [] },
        file: "c.csv"
      })
    )
    expect(fresh.projects).toEqual([])
    expect(fresh.report.rows.map((r) => [r.status, ...r.problems.map((p) => p.field)])).toEqual([
      ["rejected", "industry", "flags"]
    ])
  })

  it("an unknown industry or flag name rejects the row, naming its cell and column; codes and names both read", async () => {
    const csv = [
      "项目编号,项目名称,责任单位,产业类别,行业,标签",
      "U-1,甲项目,town-a,二产,新能源,重大项目、key",
      "U-2,乙项目,town-a,二产,新能源汽车,重大项目",
      "U-3,丙项目,town-a,三产,logistics,重大项目、省级示范"
    ].join("\n")
    const r = Result.getOrThrow(
      await importBytes(new TextEncoder().encode(csv), {
        template: { ...Forms.projectLedger, headerRows: 1 },
        snapshot: { ...county, projects: [] },
        file: "u.csv"
      })
    )
    expect(outline(r.report)).toEqual(["2 accepted", "3 rejected E3", "4 rejected F4"])
    expect(r.report.rows.slice(1).map((row) => row.problems.map((p) => p.field))).toEqual([
      ["industry"],
      ["flags"]
    ])
    expect(r.projects.map((p) => [p.id, p.industry, p.flags])).toEqual([
      ["U-1", "new-energy", ["major", "key"]]
    ])
    // A county's own Chinese names, given in the column's values, read as its codes.
    const own = {
      ...Forms.projectLedger,
      headerRows: 1,
      columns: Arr.map(Forms.projectLedger.columns, (c) =>
        c.field === "flags" ? { ...c, values: { 省级示范: "provincial-model" } } : c
      )
    }
    const r2 = Result.getOrThrow(
      await importBytes(new TextEncoder().encode(csv), {
        template: own,
        snapshot: { ...county, projects: [] },
        file: "u.csv"
      })
    )
    expect(r2.projects.find((p) => p.id === "U-3")?.flags).toEqual(["major", "provincial-model"])
  })

  it("neutralise and restore are inverse on any text", async () => {
    const fc = await import("fast-check")
    fc.assert(fc.property(fc.string(), (t) => Export.restore(Export.neutralise(t)) === t))
  })
})

describe("the exported workbook", () => {
  it("has a title row, frozen two-row merged headers, Chinese names, widths and 万元 formats", async () => {
    const s = await ledgerSnapshot()
    const ws = (await load(await Export.xlsx([Export.projectLedger(s)]))).worksheets[0]!
    expect(ws.getCell("A1").value).toBe("重点项目建设台账（截至2026-10-15）")
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 })
    expect(ws.getCell("A2").value).toBe("项目编号")
    expect(ws.getCell("H2").value).toBe("各阶段时间")
    expect(ws.getCell("I3").value).toBe("供地")
    expect(ws.getCell("I2").isMerged).toBe(true)
    expect(ws.getColumn(2).width).toBe(24)
    const p101 = ws.getColumn(1).values.indexOf("P-101")
    expect(ws.getCell(p101, 6).value).toBe(120000)
    expect(ws.getCell(p101, 6).numFmt).toBe("#,##0.00##")
    expect(ws.getCell(2, 6).value).toBe("总投资（万元）")
  })

  it("target progress: behind 序时进度 filled amber, far behind red", async () => {
    const asOf = county.asOf
    const facts = Progress.facts(View.make(county, { asOf }))
    const rows = county.campaign.targets.flatMap((t) => Progress.ofTarget(facts, t, { asOf }))
    const table = Export.progress(rows, { asOf })
    const ws = (await load(await Export.xlsx([table]))).worksheets[0]!
    rows.forEach((r, i) => {
      const fill = ws.getCell(i + 3, 1).fill as { fgColor?: { argb?: string } } | undefined
      const argb = fill?.fgColor?.argb
      expect([r.status, argb]).toEqual([
        r.status,
        r.status === "red" ? "FFFFC7CE" : r.status === "amber" ? "FFFFEB9C" : undefined
      ])
    })
    expect(rows.some((r) => r.status === "red" || r.status === "amber")).toBe(true)
  })

  it("target progress: each row names what its values count (万美元, 比率, …) and its status as every output does", () => {
    // 000's sample: FDI targets in 美元 (1亿美元 = 10000 万美元), a start rate of 0.7, counts.
    const s = Result.getOrThrow(
      Snapshot.decodeJson(
        readFileSync(
          fileURLToPath(new URL("../../policies/samples/000-hundred-days.json", import.meta.url)),
          "utf8"
        )
      )
    )
    const asOf = s.asOf
    const facts = Progress.facts(View.make(s, { asOf }))
    const rows = s.campaign.targets.flatMap((t) => Progress.ofTarget(facts, t, { asOf }))
    const table = Export.progress(rows, { asOf })
    // as the file reads: the CSV's header line, then a line per row
    const lines = Export.csv(table).split("\r\n")
    const header = lines[1]!.split(",")
    const at = (h: string) => header.indexOf(h)
    // the target's first row (area-wide, or its first unit's)
    const row = (target: string) =>
      lines[2 + rows.findIndex((r) => r.target === target)]!.split(",")
    const shown = (target: string) => [row(target)[at("目标值")], row(target)[at("计量单位")]]
    expect(shown("contract-fdi")).toEqual(["10000", "万美元"])
    expect(shown("start-rate")).toEqual(["0.7", "比率（1 = 100%）"])
    expect(shown("outside-capital")).toEqual(["86000", "万元"])
    expect(shown("major-manufacturing")).toEqual(["5", "个数"])
    // the status column reads as the console and the bulletin do
    expect(lines.slice(2, 2 + rows.length).map((l) => l.split(",")[at("状态")])).toEqual(
      rows.map((r) => Progress.statusNames[r.status].zh)
    )
    expect(new Set(rows.map((r) => r.status)).size).toBeGreaterThan(1)
  })

  it("rankings name tiers and items by their titles and vetoes by their messages", () => {
    const tables = Export.ranking({
      asOf: "2026-10-15",
      tiers: [{ id: "criticised", title: { zh: "通报批评" } }],
      items: [{ id: "fair-bonus", title: { zh: "投洽会签约加分" } }],
      units: [
        {
          unit: "b",
          name: "乙街道",
          group: "乡镇",
          rank: 2,
          total: "2",
          tiers: ["criticised"],
          vetoes: [
            {
              veto: "v",
              reason: "target annual: completion 0.5 < 1",
              message: { zh: "「年度任务」完成率50.0%，未完成目标任务" }
            }
          ],
          lines: [{ item: "fair-bonus", clause: "002 四.4", points: "2", message: { zh: "加2分" } }]
        }
      ]
    })
    expect(tables.map((t) => t.rows)).toEqual([
      [["乡镇", 2, "乙街道", 2, "通报批评", "「年度任务」完成率50.0%，未完成目标任务"]],
      [["乙街道", "投洽会签约加分", "002 四.4", 2, "加2分"]]
    ])
  })

  it("rankings with explanations: a ranking sheet and every score line", () => {
    const tables = Export.ranking({
      asOf: "2026-10-15",
      units: [
        {
          unit: "a",
          name: "甲镇",
          group: "乡镇",
          rank: 1,
          total: "92.5",
          tiers: ["先进"],
          vetoes: [],
          lines: [
            {
              item: "签约",
              clause: "002 四.4",
              points: "92.5",
              message: { zh: "签约项目 3 个，每个 30 分" }
            }
          ]
        },
        {
          unit: "b",
          name: "乙街道",
          group: "乡镇",
          rank: 2,
          total: "-3",
          tiers: [],
          vetoes: [{ veto: "v", reason: "未完成外资任务" }],
          lines: []
        }
      ]
    })
    expect(tables.map((t) => t.rows)).toEqual([
      [
        ["乡镇", 1, "甲镇", 92.5, "先进", undefined],
        ["乡镇", 2, "乙街道", -3, undefined, "未完成外资任务"]
      ],
      [["甲镇", "签约", "002 四.4", 92.5, "签约项目 3 个，每个 30 分"]]
    ])
  })
})

describe("what a county reads in the exported tables", () => {
  it("ranking totals with at most two decimals, as the bulletins show them", () => {
    // 000's 王店镇 scores 27.214286 exactly; the 总分 cell holds 27.21, in the workbook and the CSV.
    const [ranks] = Export.ranking({
      asOf: "2026-05-31",
      units: [
        {
          unit: "wangdian",
          name: "王店镇",
          group: "all",
          rank: 5,
          total: "27.214286",
          tiers: [],
          vetoes: [],
          lines: []
        }
      ]
    })
    expect(ranks!.rows[0]![3]).toBe(27.21)
    expect(Export.csv(ranks!).split("\r\n")[2]).toBe("all,5,王店镇,27.21,,")
  })

  it("an escalated finding's 期限 is the rectification deadline its 逾期天数 counts from, the original named beside it", () => {
    // 000/K7: deadline 2026-03-10, rectification ordered with deadline 2026-05-15; as of
    // 2026-05-31 it is 31 − 15 = 16 days past the rectification deadline.
    const row = (severity: "breach" | "escalated") => ({
      project: "K7",
      unit: "park",
      class: "land-idle",
      clause: "000 一.3",
      severity,
      action: "reclaim-land",
      deadline: "2026-03-10",
      rectification: { deadline: "2026-05-15" },
      daysOverdue: 16,
      daysLeft: undefined,
      message: { zh: "" }
    })
    const table = Export.findings([row("escalated"), row("breach")], { asOf: "2026-05-31" })
    const at = table.columns.findIndex((c) => c.header === "期限")
    expect(table.rows[0]![at]).toBe("2026-05-15（整改期限；原期限2026-03-10）")
    expect(table.rows[1]![at]).toBe("2026-03-10")
  })

  it("names the area-wide progress rows as given (全市), 全域 when not given", () => {
    const asOf = county.asOf
    const facts = Progress.facts(View.make(county, { asOf }))
    const rows = county.campaign.targets.flatMap((t) => Progress.ofTarget(facts, t, { asOf }))
    const areaRows = rows.filter((r) => r.unit === undefined).length
    expect(areaRows).toBeGreaterThan(0)
    const names = (area?: string) =>
      Export.progress(rows, { asOf, ...(area === undefined ? {} : { area }) }).rows.map((r) => r[1])
    expect(names("全市").filter((n) => n === "全市")).toHaveLength(areaRows)
    expect(names().filter((n) => n === "全域")).toHaveLength(areaRows)
    expect(names("全市")).not.toContain("全区")
  })
})

describe("the county's own file with a status column", () => {
  it("says what became of every row next to it, kept in the county's layout", async () => {
    const bytes = sample("project-ledger.xlsx")
    const r = Result.getOrThrow(
      await importBytes(bytes, {
        template: Forms.projectLedger,
        snapshot: county,
        file: "project-ledger.xlsx"
      })
    )
    const ws = (await load(await Export.annotate(bytes, r.report))).worksheets[0]!
    expect(ws.getCell("P3").value).toBe("导入结果 / Import status")
    expect(ws.getCell("P5").value).toBe("已导入")
    expect(ws.getCell("P8").value).toBe("已合并")
    expect(String(ws.getCell("P9").value)).toMatch(/^未导入：F9（总投资（万元））金额不能为负数/)
    expect(ws.getCell("C5").value).toBe("新能源电池材料")
    expect(ws.getCell("A1").isMerged).toBe(true)
    expect(outline(r.report)).toHaveLength(16)
  })

  it("a CSV comes back as a workbook with its cells and the status column", async () => {
    const bytes = sample("monthly-funds-bom.csv")
    const r = Result.getOrThrow(
      await importBytes(bytes, { template: Forms.monthlyFunds, snapshot: county, file: "f.csv" })
    )
    const ws = (await load(await Export.annotate(bytes, r.report))).worksheets[0]!
    expect(ws.getCell("B5").value).toBe("甲镇")
    expect(String(ws.getCell("G8").value)).toMatch(/^未导入：D8/)
    expect(String(ws.getCell("G10").value)).toMatch(
      /^合计行：D10 填报 10601.5，明细合计 10600.5，不一致/
    )
  })

  it("refuses a county's file with a part cut short instead of writing it back without it", async () => {
    // The import reads only the sheet, so a cut-short styles part passes it;
    // writing the file back reads every part (exceljs, patched to close its
    // XML parser, see the README).
    const parts = workbookParts(
      sheetXml([
        ["项目编号", "项目名称", "责任单位", "产业类别", "总投资（万元）"],
        [null, null, null, null, null, "备注"],
        ["Z1", "甲项目", "甲镇", "二产", 100]
      ])
    )
    const styles =
      '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.00"/>'
    const whole = zip(parts)
    const cut = zip([...parts, { name: "xl/styles.xml", data: styles }])
    const options = { template: Forms.projectLedger, snapshot: county, file: "z.xlsx" }
    const read = Result.getOrThrow(await importBytes(cut, options))
    expect(read.report.counts.accepted).toBe(1)
    const back = await load(await Export.annotate(whole, read.report))
    expect(back.worksheets[0]!.getCell("G3").value).toBe("已导入")
    await expect(Export.annotate(cut, read.report)).rejects.toMatchObject({
      _tag: "AnnotateError",
      code: "unreadable-workbook",
      file: "z.xlsx",
      sheet: 1
    })
  })

  it("refuses a sheet the workbook does not have with AnnotateError missing-sheet, naming the file and the sheet", async () => {
    const bytes = sample("monthly-funds.xlsx")
    const r = Result.getOrThrow(
      await importBytes(bytes, { template: Forms.monthlyFunds, snapshot: county, file: "f.xlsx" })
    )
    for (const sheet of [2, 0, 1.5])
      await expect(Export.annotate(bytes, r.report, { sheet })).rejects.toSatisfy(
        (e: unknown) =>
          e instanceof SheetError.AnnotateError &&
          e.code === "missing-sheet" &&
          e.file === "f.xlsx" &&
          e.sheet === sheet &&
          e.sheets === 1
      )
    // The sheet that exists is written back.
    const ws = (await load(await Export.annotate(bytes, r.report, { sheet: 1 }))).worksheets[0]!
    expect(ws.columnCount).toBeGreaterThan(0)
  })
})

describe("an exported workbook is the same bytes whenever it is written", () => {
  // Without fixed dates, the workbook's properties and every zip entry carry
  // the time of writing: two runs a year apart would differ.
  const at = async <A>(time: string, write: () => Promise<A>): Promise<A> => {
    vi.useFakeTimers({ toFake: ["Date"] })
    vi.setSystemTime(new Date(time))
    try {
      return await write()
    } finally {
      vi.useRealTimers()
    }
  }

  it("tables: the same input written at two times gives identical bytes", async () => {
    const s = await ledgerSnapshot()
    const tables = [Export.projectLedger(s)]
    const first = await at("2026-03-05T08:00:00Z", () => Export.xlsx(tables))
    const second = await at("2027-11-20T17:31:07Z", () => Export.xlsx(tables))
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true)
  })

  it("the county's file with its status column, from an .xlsx and from a CSV", async () => {
    for (const [name, template] of [
      ["project-ledger.xlsx", Forms.projectLedger],
      ["monthly-funds-bom.csv", Forms.monthlyFunds]
    ] as const) {
      const bytes = sample(name)
      const r = Result.getOrThrow(
        await importBytes(bytes, { template, snapshot: county, file: name })
      )
      const first = await at("2026-03-05T08:00:00Z", () => Export.annotate(bytes, r.report))
      const second = await at("2027-11-20T17:31:07Z", () => Export.annotate(bytes, r.report))
      expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true)
    }
  })
})
