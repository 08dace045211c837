import { type Money, type Project, Snapshot } from "@gongjian/core"
import * as Arr from "effect/Array"
import * as BigDecimal from "effect/BigDecimal"
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import { Forms, Import, RowReport, type Template } from "../src/index.js"
import { county, importBytes, outline, sample, sheetXml, workbookParts, zip } from "./helpers.js"

const ok = async (file: string, template: Parameters<typeof importBytes>[1]["template"]) => {
  const r = await importBytes(sample(file), { template, snapshot: county, file })
  if (Result.isFailure(r)) throw new Error(r.failure.message)
  return r.success
}
const yuan = (m: Money.Money | undefined) =>
  m === undefined ? undefined : `${BigDecimal.format(m.amount)} ${m.currency}`

describe("the project ledger (项目台账)", () => {
  it("accounts for every row: title and header rows, accepted, merged, each broken row with its cell, 合计 and note", async () => {
    const { report } = await ok("project-ledger.xlsx", Forms.projectLedger)
    expect(report.titleRows).toEqual([1, 2])
    expect(report.headerRows).toEqual([3, 4])
    expect(outline(report)).toEqual([
      "5 accepted",
      "6 accepted",
      "7 accepted",
      "8 merged",
      "9 rejected F9", // −800 万元
      "10 rejected H10", // 2026.2.30
      "11 rejected G11", // 筹备 is no stage
      "12 rejected D12", // 戊镇 is no unit of the campaign
      "13 rejected C13", // name blank
      "14 rejected J14", // started 2026-03-01 before signed 2026-08-01
      "15 rejected G15", // stage 开工 without a 开工 date
      "16 rejected B16", // P-101 again
      "17 rejected F17", // #REF!
      "18 rejected F18", // a formula never calculated
      "19 total",
      "20 note"
    ])
    expect(report.counts).toEqual({
      accepted: 3,
      merged: 1,
      rejected: 10,
      total: 1,
      note: 1,
      blank: 0
    })
    const reasons = report.rows.find((r) => r.row === 14)!.problems[0]!
    expect(reasons.header).toBe("各阶段时间/开工")
    expect(reasons.reason.zh).toContain("阶段时间有误")
    expect(reasons.fix.en).toContain("signed → land supplied → started")
  })

  it("reads the merged two-row header as 上级/下级 and the unit from the header", async () => {
    const { report } = await ok("project-ledger.xlsx", Forms.projectLedger)
    expect(report.columns.map((c) => `${c.column} ${c.field}`)).toContain("J events.started")
    expect(report.columns.find((c) => c.field === "investment.total")).toEqual({
      column: "F",
      header: "总投资（万元）",
      field: "investment.total",
      unit: "万元"
    })
    expect(report.ignoredColumns).toEqual([
      { column: "A", header: "序号" },
      { column: "O", header: "备注" }
    ])
  })

  it("reads amounts exactly in their unit and dates in every written form", async () => {
    const { projects } = await ok("project-ledger.xlsx", Forms.projectLedger)
    const p = (id: string) => projects.find((x) => x.id === id)!
    // 120000 万元 = 1,200,000,000 元; "1.2亿元" in a 万元 column keeps its own unit.
    expect(yuan(p("P-101").investment?.total)).toBe("1200000000 CNY")
    expect(yuan(p("P-103").investment?.total)).toBe("120000000 CNY")
    expect(p("P-101").unit).toBe("town-a")
    expect(p("P-103").sector).toBe("secondary") // 第二产业
    // Excel serial dates, then 2026.3.5, 2026/4/2 and 2026年5月8日 written as text.
    expect(p("P-101").events).toEqual([
      { type: "signed", date: "2026-03-05" },
      { type: "land-supplied", date: "2026-04-20" },
      { type: "started", date: "2026-06-01" }
    ])
    expect(p("P-102").events.map((e) => e.date)).toEqual(["2026-03-05", "2026-04-02", "2026-05-08"])
  })

  it("merges a row into the project that exists: the new stage date is added, the old kept", async () => {
    const { projects } = await ok("project-ledger.xlsx", Forms.projectLedger)
    const a4 = projects.find((x) => x.id === "A4")!
    expect(a4.events).toEqual([
      { type: "negotiating", date: "2026-07-20" },
      { type: "signed", date: "2026-09-28" }
    ])
    expect(yuan(a4.investment?.fundsInPlace)).toBe("50000000 CNY")
  })

  it("leaves the snapshot's own projects as they were when rows merge into them", async () => {
    const snapshot = Result.getOrThrow(Snapshot.decode(Snapshot.encode(county)))
    const deepFreeze = (x: unknown): void => {
      if (typeof x !== "object" || x === null || Object.isFrozen(x)) return
      Object.freeze(x)
      for (const v of Object.values(x)) deepFreeze(v)
    }
    deepFreeze(snapshot.projects)
    const before = JSON.stringify(Snapshot.encode(snapshot))
    const r = await importBytes(sample("project-ledger.xlsx"), {
      template: Forms.projectLedger,
      snapshot,
      file: "project-ledger.xlsx"
    })
    // Row 8 merges 到位资金 into A4's investment, which A4 already has (its total).
    const a4 = Result.getOrThrow(r).projects.find((x) => x.id === "A4")!
    expect(yuan(a4.investment?.fundsInPlace)).toBe("50000000 CNY")
    expect(yuan(a4.investment?.total)).toBe("500000000 CNY")
    expect(snapshot.projects.find((x) => x.id === "A4")!.investment?.fundsInPlace).toBeUndefined()
    expect(JSON.stringify(Snapshot.encode(snapshot))).toBe(before)
  })

  it("checks the 合计 row against the rows above, negative and unreadable cells said", async () => {
    const { report } = await ok("project-ledger.xlsx", Forms.projectLedger)
    // F: 120000 + 35000 + 12000 (1.2亿元) + 50000 − 800 + 60000 + 80000 + 12000
    //    + 9000 + 45000 + 70000 + 20000 = 512200; F17 (#REF!) and F18 unread.
    // M: 30000 + 8000 + 0 + 5000 + 0 × 10 = 43000.
    expect(report.rows.find((r) => r.row === 19)!.checks).toEqual([
      {
        cell: "F19",
        field: "investment.total",
        stated: "512200",
        computed: "512200",
        rows: 12,
        unreadable: 2,
        agrees: true
      },
      {
        cell: "M19",
        field: "investment.fundsInPlace",
        stated: "43000",
        computed: "43000",
        rows: 14,
        unreadable: 0,
        agrees: true
      }
    ])
  })

  it("the GBK CSV Excel saves gives the same records as the workbook", async () => {
    const csv = await ok("project-ledger-gbk.csv", Forms.projectLedger)
    const xlsx = await ok("project-ledger.xlsx", Forms.projectLedger)
    expect(csv.report.encoding).toBe("gbk")
    expect(outline(csv.report)).toEqual(outline(xlsx.report).slice(0, 12))
    const enc = (ps: ReadonlyArray<Project.Project>) =>
      JSON.stringify(
        (Snapshot.encode({ ...county, projects: ps }) as { projects: unknown }).projects
      )
    expect(enc(csv.projects)).toBe(enc(xlsx.projects))
  })

  it("applies the imported projects to the snapshot, which decodes", async () => {
    const imported = await ok("project-ledger.xlsx", Forms.projectLedger)
    const next = Result.getOrThrow(Import.apply(county, imported))
    expect(next.projects.map((p) => p.id)).toEqual([
      ...county.projects.map((p) => p.id),
      "P-101",
      "P-102",
      "P-103"
    ])
    expect(next.projects.find((p) => p.id === "A4")!.events.at(-1)).toEqual({
      type: "signed",
      date: "2026-09-28"
    })
  })
})

describe("monthly reports (月报)", () => {
  it("funds in place: exact 万元, id from unit and date, a text amount rejected, a 合计 that disagrees", async () => {
    const { reports, report } = await ok("monthly-funds.xlsx", Forms.monthlyFunds)
    expect(outline(report)).toEqual([
      "5 accepted",
      "6 accepted",
      "7 accepted",
      "8 rejected D8",
      "9 accepted",
      "10 total"
    ])
    expect(
      reports.map((r) => `${r.id} ${r.measure} ${r.unit} ${r.on} ${yuan(r.value as Money.Money)}`)
    ).toEqual([
      "funds-town-a-2026-09-30 funds-in-place town-a 2026-09-30 32005000 CNY", // 3200.5 万元
      "funds-street-b-2026-09-30 funds-in-place street-b 2026-09-30 18000000 CNY",
      "funds-park-c-2026-09-30 funds-in-place park-c 2026-09-30 50000000 CNY",
      "funds-dept-e-2026-09-30 funds-in-place dept-e 2026-09-30 6000000 CNY"
    ])
    // 3200.5 + 1800 + 5000 + 600 = 10600.5; the form says 10601.5; 八百 unread.
    expect(report.rows.at(-1)!.checks).toEqual([
      {
        cell: "D10",
        field: "value",
        stated: "10601.5",
        computed: "10600.5",
        rows: 4,
        unreadable: 1,
        agrees: false
      }
    ])
    expect(RowReport.isClean(report)).toBe(false)
  })

  it("the UTF-8 CSV with a byte-order mark reads like the workbook", async () => {
    const csv = await ok("monthly-funds-bom.csv", Forms.monthlyFunds)
    const xlsx = await ok("monthly-funds.xlsx", Forms.monthlyFunds)
    expect(csv.report.encoding).toBe("utf-8")
    expect(outline(csv.report)).toEqual(outline(xlsx.report))
    expect(csv.reports).toEqual(xlsx.reports)
  })

  it("fixed-asset investment in 亿元 (from the header), 9月31日 rejected, 合计 agrees", async () => {
    const { reports, report } = await ok("monthly-fixed-asset.xlsx", Forms.monthlyFixedAsset)
    expect(report.columns.find((c) => c.field === "value")!.unit).toBe("亿元")
    expect(outline(report)).toEqual(["5 accepted", "6 accepted", "7 rejected C7", "8 total"])
    expect(reports.map((r) => yuan(r.value as Money.Money))).toEqual([
      "125000000 CNY",
      "80000000 CNY"
    ])
    // 1.25 + 0.8 + 2.4 = 4.45 亿元.
    expect(report.rows.at(-1)!.checks![0]!.agrees).toBe(true)
  })
})

describe("activity, approval and exit logs", () => {
  it("outbound trips (002 三.1): roles in Chinese, projects as a list, a bad role and a missing date rejected", async () => {
    const { activities, report } = await ok("outbound-trips.xlsx", Forms.outboundTrips)
    expect(outline(report)).toEqual([
      "4 accepted",
      "5 accepted",
      "6 rejected E6",
      "7 rejected C7",
      "8 note"
    ])
    expect(activities[0]).toEqual({
      id: "T-01",
      kind: "outbound-trip",
      unit: "town-a",
      date: "2026-08-04",
      who: "张书记",
      role: "principal",
      where: "上海",
      projects: ["A1", "A2"],
      note: "新能源配套对接"
    })
  })

  it("approval log (001): merged into projects with receipt dates; closed before receipt, unknown project, bad 是/否 rejected", async () => {
    const { projects, report } = await ok("approval-log.xlsx", Forms.approvalLog)
    expect(outline(report)).toEqual([
      "5 merged",
      "6 merged",
      "7 rejected G7",
      "8 rejected B8",
      "9 rejected H9"
    ])
    expect(projects.find((p) => p.id === "A2")!.approvals).toEqual([
      {
        kind: "construction-permit",
        department: "区住建局",
        materialsCompleteOn: "2026-09-02",
        closedOn: "2026-09-18",
        special: true
      }
    ])
  })

  it("exit ledger (001 half-yearly cleanup): decisions merged as events; an order without deadline and an unknown project rejected", async () => {
    const { projects, report } = await ok("exit-ledger.xlsx", Forms.exitLedger)
    expect(outline(report)).toEqual([
      "4 merged",
      "5 merged",
      "6 rejected F6",
      "7 merged",
      "8 rejected A8"
    ])
    expect(projects.find((p) => p.id === "A5")!.events.at(-1)).toEqual({
      type: "rectification-ordered",
      date: "2026-10-08",
      deadline: "2026-12-31",
      reason: "签约后未按期开工"
    })
    const next = Import.apply(county, { projects, activities: [], reports: [] })
    expect(Result.isSuccess(next)).toBe(true)
  })
})

describe("templates meet real layouts", () => {
  it("a header with line breaks and a county's extra columns is still found; units in the header win", async () => {
    const bytes = zip(
      workbookParts(
        sheetXml([
          ["某县月报"],
          ["单位", "报告期", "到位资金\n（亿元）", "说明"],
          ["甲镇", "2026-09-30", 0.35, null]
        ])
      )
    )
    const r = await importBytes(bytes, {
      template: {
        ...Forms.monthlyFunds,
        headerRows: 1,
        columns: Forms.monthlyFunds.columns.map((c) =>
          c.field === "value" ? { ...c, headers: ["到位资金"] } : c
        ) as unknown as Template.Template["columns"]
      },
      snapshot: county,
      file: "x.xlsx"
    })
    const ok = Result.getOrThrow(r)
    expect(yuan(ok.reports[0]!.value as Money.Money)).toBe("35000000 CNY")
    expect(ok.report.ignoredColumns).toEqual([{ column: "D", header: "说明" }])
  })
})

describe("reasons in Chinese are Chinese", () => {
  // What is left of a reason once the county's own text is taken out: quoted
  // cell text (“…”), formulas, error values, cell references, ids, and the
  // names of programs and formats (Excel, WPS, CSV).
  const latin = (zh: string) =>
    zh
      .replace(/“[^”]*”/g, "")
      .replace(/=\S+/g, "")
      .replace(/#[A-Z0-9/!?]+/g, "")
      .replace(/\b[A-Z]{1,3}\d+\b/g, "")
      .replace(/\b[A-Z]+-\d+\b/g, "")
      .replace(/\b(Excel|WPS|CSV|xlsx)\b/g, "")
      .match(/[A-Za-z]{2,}/g) ?? []

  it("every reason and fix of every sample form, and of every impossible project history", async () => {
    // Each row an impossible history of a project of county.json:
    // A9 (signed 03-01, started 05-01) exits on 09-01, then is ordered to rectify;
    // A2 is rectified with no order open; A3's deadline and A4's exemption end before they begin.
    const exits = [
      "项目编号,处置类型,处置日期,整改期限,顺延至,原因",
      "A9,退出,2026-09-01,,,",
      "A9,限期整改,2026-10-05,2026-11-01,,",
      "A2,整改到位,2026-10-01,,,",
      "A3,限期整改,2026-10-01,2026-09-01,,",
      "A4,暂缓,2026-10-01,,2026-09-01,企业原因"
    ].join("\r\n")
    const exitReport = Result.getOrThrow(
      await importBytes(new TextEncoder().encode(exits), {
        template: Forms.exitLedger,
        snapshot: county,
        file: "exits.csv"
      })
    ).report
    expect(outline(exitReport)).toEqual([
      "2 merged",
      "3 rejected B3",
      "4 rejected B4",
      "5 rejected B5",
      "6 rejected B6"
    ])
    const reports = [exitReport]
    for (const [file, template] of [
      ["project-ledger.xlsx", Forms.projectLedger],
      ["project-ledger-gbk.csv", Forms.projectLedger],
      ["monthly-funds.xlsx", Forms.monthlyFunds],
      ["monthly-funds-bom.csv", Forms.monthlyFunds],
      ["monthly-fixed-asset.xlsx", Forms.monthlyFixedAsset],
      ["outbound-trips.xlsx", Forms.outboundTrips],
      ["approval-log.xlsx", Forms.approvalLog],
      ["exit-ledger.xlsx", Forms.exitLedger]
    ] as const)
      reports.push((await ok(file, template)).report)
    const problems = reports.flatMap((r) => r.rows.flatMap((row) => row.problems))
    expect(problems.length).toBeGreaterThan(20)
    for (const p of problems) {
      expect(latin(p.reason.zh), p.reason.zh).toEqual([])
      expect(latin(p.fix.zh), p.fix.zh).toEqual([])
    }
    for (const row of reports.flatMap((r) => r.rows))
      expect(latin(RowReport.describe(row)), RowReport.describe(row)).toEqual([])
  })
})

describe("a county's template that sends a value where it does not fit", () => {
  it("rejects the row at the column, instead of failing the whole snapshot later", async () => {
    // 产业类别 read as plain text: "二产" is not one of the sectors a project takes.
    const template: Template.Template = {
      ...Forms.projectLedger,
      id: "county-ledger",
      columns: Arr.map(
        Forms.projectLedger.columns,
        (c): Template.Column =>
          c.field === "sector" ? { field: c.field, headers: c.headers, type: "text" } : c
      )
    }
    const { report } = await ok("project-ledger.xlsx", template)
    const p101 = report.rows.find((r) => r.row === 5)!
    expect(p101.status).toBe("rejected")
    expect(p101.problems.map((p) => [p.cell, p.field])).toEqual([["E5", "sector"]])
    // A4 (row 8) is rejected too: its 二产 would replace the sector of the snapshot's project.
    expect(report.rows.find((r) => r.row === 8)!.status).toBe("rejected")
  })
})
