import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { Snapshot } from "@gongjian/core"
import { Samples } from "@gongjian/policies"
import { Export, Forms, Import } from "@gongjian/sheets"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import { sheetXml, workbookParts, zip } from "../../sheets/test/helpers.js"

// End to end: `gongjian import` and `gongjian export` run by the built binary.
const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url))
const samples = fileURLToPath(new URL("../../sheets/samples/", import.meta.url))
const tmp = mkdtempSync(join(tmpdir(), "gongjian-sheets-"))
const gongjian = (...args: ReadonlyArray<string>) => {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: tmp,
    encoding: "utf8",
    timeout: 120_000
  })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

describe("gongjian import", () => {
  it("imports a county ledger into a snapshot, lists every row not imported with its cell, writes the report and exits 1", () => {
    const r = gongjian(
      "import",
      join(samples, "project-ledger.xlsx"),
      "--template",
      "project-ledger",
      "--snapshot",
      join(samples, "county.json"),
      "--out",
      "next.json",
      "--report",
      "report.json"
    )
    expect(r.code).toBe(1)
    expect(r.out).toContain("已导入 3，已合并 1，未导入 10，合计行 1，说明行 1，空行 0")
    expect(r.out).toContain("第 12 行  未导入：D12（责任单位）单位“戊镇”不在本次考核的单位名单中")
    const next = Result.getOrThrow(
      Snapshot.decodeJson(readFileSync(join(tmp, "next.json"), "utf8"))
    )
    expect(next.projects.map((p) => p.id).slice(-3)).toEqual(["P-101", "P-102", "P-103"])
    const report = JSON.parse(readFileSync(join(tmp, "report.json"), "utf8"))
    expect(report.counts.rejected).toBe(10)
  })

  it("takes a template from a JSON file, writes the status-column workbook, exits 0 when every row is imported", async () => {
    const trips = { ...Forms.outboundTrips, id: "my-trips" }
    writeFileSync(join(tmp, "trips.json"), JSON.stringify(trips))
    const csv =
      "\ufeff登记编号,单位,出发日期,带队领导,领导类别\r\nT-9,甲镇,2026.8.4,张书记,主要负责人\r\n"
    writeFileSync(join(tmp, "trips.csv"), csv)
    const r = gongjian(
      "import",
      "trips.csv",
      "--template",
      "trips.json",
      "--snapshot",
      join(samples, "county.json"),
      "--report",
      "trips-status.xlsx",
      "--format",
      "json"
    )
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out).rows).toEqual([
      { row: 2, status: "accepted", record: "activity T-9", problems: [] }
    ])
    // The status workbook is itself a workbook the import reads.
    const back = await Effect.runPromise(
      Import.fromBytes(new Uint8Array(readFileSync(join(tmp, "trips-status.xlsx"))), {
        template: trips,
        file: "s.xlsx"
      })
    )
    expect(back.activities.map((a) => a.id)).toEqual(["T-9"])
  })

  it("says why the status workbook cannot be written (a damaged part the import does not read) and exits 1, with no stack trace", () => {
    // The import reads only the sheet; writing the status column back reads
    // every part, and this styles part is cut short.
    const parts = workbookParts(
      sheetXml([
        ["登记编号", "单位", "出发日期", "带队领导", "领导类别"],
        ["T-9", "甲镇", "2026.8.4", "张书记", "主要负责人"]
      ])
    )
    const cut = zip([
      ...parts,
      {
        name: "xl/styles.xml",
        data: '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1">'
      }
    ])
    writeFileSync(join(tmp, "cut.xlsx"), cut)
    const r = gongjian(
      "import",
      "cut.xlsx",
      "--template",
      "outbound-trips",
      "--snapshot",
      join(samples, "county.json"),
      "--report",
      "cut-status.xlsx"
    )
    expect(r.code).toBe(1)
    expect(r.err).toContain("cut-status.xlsx")
    expect(r.err).not.toContain("unexpected error")
    expect(r.err).not.toContain("    at ")
    expect(existsSync(join(tmp, "cut-status.xlsx"))).toBe(false)
  })

  it("refuses an unknown template with exit code 2 and an .xls with the way to convert it", () => {
    expect(
      gongjian("import", join(samples, "project-ledger.xlsx"), "--template", "nope").code
    ).toBe(2)
    writeFileSync(
      join(tmp, "old.xls"),
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    )
    const r = gongjian("import", "old.xls", "--template", "project-ledger")
    expect(r.code).toBe(1)
    expect(r.err).toContain("另存为")
  })
})

describe("gongjian import --campaign (into the ledger)", () => {
  const ledger = ["--ledger", join(tmp, "ledger")]
  const campaign = ["--campaign", "investment-drive-2026"]
  const projectIds = () => {
    const r = gongjian("ledger", "snapshot", ...ledger, ...campaign)
    expect(r.code).toBe(0)
    return Result.getOrThrow(Snapshot.decodeJson(r.out)).projects.map((p) => p.id)
  }

  it("writes the accepted rows into the ledger, reports the rejected ones, and writes nothing twice when the same file comes again", () => {
    expect(
      gongjian(
        "ledger",
        "load",
        join(samples, "county.json"),
        ...ledger,
        "--user",
        "wang",
        "--unit",
        "office"
      ).code
    ).toBe(0)
    const before = projectIds()
    const first = gongjian(
      "import",
      join(samples, "project-ledger.xlsx"),
      "--template",
      "project-ledger",
      ...ledger,
      ...campaign,
      "--format",
      "json"
    )
    // Rows were rejected: exit code 1, but the accepted ones are written.
    expect(first.code).toBe(1)
    const report = JSON.parse(first.out)
    expect(report.counts).toMatchObject({ accepted: 3, merged: 1, rejected: 10 })
    expect(report.ledger.replayed).toBe(false)
    // Three new projects (P-101 with 3 stage events, P-102 with 3, P-103 with 1)
    // and A4 merged (its project record and its new 签约 event): 3 + 7 + 2 = 12.
    expect(report.ledger.written).toHaveLength(12)
    expect(
      report.ledger.written
        .filter((w: { kind: string }) => w.kind === "project")
        .map((w: { id: string }) => w.id)
    ).toEqual(["A4", "P-101", "P-102", "P-103"])
    expect(projectIds()).toEqual([...before, "P-101", "P-102", "P-103"])

    // The same file again: the ledger's answer is the first receipt, nothing is written.
    const again = gongjian(
      "import",
      join(samples, "project-ledger.xlsx"),
      "--template",
      "project-ledger",
      ...ledger,
      ...campaign,
      "--format",
      "json"
    )
    expect(again.code).toBe(1)
    const second = JSON.parse(again.out)
    // The rows that were new are now the ledger's: merged, not accepted again.
    expect(second.counts).toMatchObject({ accepted: 0, merged: 4, rejected: 10 })
    expect(second.ledger).toMatchObject({ replayed: true, submission: report.ledger.submission })
    expect(projectIds()).toEqual([...before, "P-101", "P-102", "P-103"])
  }, 300_000)

  it("writes only what a changed file changes, and keeps what the file leaves out", () => {
    // The same 台账 as a CSV, P-102's funds in place raised from 8000 to 9000 万元,
    // P-101 and P-103 left out.
    const csv = [
      "序号,项目编号,项目名称,责任单位,产业类别,总投资（万元）,当前阶段,各阶段时间,,,,,到位资金（万元）,包抓领导",
      ",,,,,,,签约,供地,开工,竣工,投产,,",
      "1,P-102,冷链物流园,乙街道,三产,35000,开工,2026.3.5,2026/4/2,2026年5月8日,,,9000,李明"
    ].join("\r\n")
    writeFileSync(join(tmp, "p102.csv"), `\ufeff${csv}\r\n`)
    const r = gongjian(
      "import",
      "p102.csv",
      "--template",
      "project-ledger",
      ...ledger,
      ...campaign,
      "--user",
      "zhao.lei",
      "--unit",
      "street-b",
      "--reason",
      "到位资金按9月报表更正"
    )
    expect(r.err).toBe("")
    expect(r.code).toBe(0)
    expect(r.out).toContain("已导入 0，已合并 1，未导入 0")
    expect(r.out).toContain("1 record(s) written")
    const history = gongjian(
      "ledger",
      "history",
      ...ledger,
      ...campaign,
      "--kind",
      "project",
      "--id",
      "P-102",
      "--format",
      "json"
    )
    const versions = JSON.parse(history.out) as Array<{
      version: number
      by: { user: string }
      reason: string | null
      value: { investment: { fundsInPlace: { amount: string } } }
    }>
    const last = versions[versions.length - 1]!
    expect(last.by.user).toBe("zhao.lei")
    expect(last.reason).toBe("到位资金按9月报表更正")
    expect(last.value.investment.fundsInPlace.amount).toBe("90000000")
    expect(projectIds()).toContain("P-101")
  }, 120_000)

  it("asks for --campaign with --ledger, and refuses --snapshot with --campaign", () => {
    const file = join(samples, "project-ledger.xlsx")
    expect(gongjian("import", file, "--template", "project-ledger", ...ledger).code).toBe(2)
    expect(
      gongjian(
        "import",
        file,
        "--template",
        "project-ledger",
        ...campaign,
        "--snapshot",
        join(samples, "county.json")
      ).code
    ).toBe(2)
  }, 120_000)
})

describe("gongjian export", () => {
  const snapshot = join(tmp, "002.json")
  writeFileSync(snapshot, JSON.stringify(Samples.json("002-investment-drive")))

  it("exports the project 台账 as .xlsx that imports back into the same projects", async () => {
    const r = gongjian(
      "export",
      "ledger",
      "--snapshot",
      snapshot,
      "--policy",
      "002",
      "--out",
      "ledger.xlsx"
    )
    expect(r.code).toBe(0)
    const s = Samples.load("002-investment-drive")
    const back = await Effect.runPromise(
      Import.fromBytes(new Uint8Array(readFileSync(join(tmp, "ledger.xlsx"))), {
        template: Forms.projectLedger,
        snapshot: s,
        file: "l.xlsx"
      })
    )
    expect(back.report.counts).toMatchObject({ merged: s.projects.length, rejected: 0 })
  })

  it("exports progress and findings as CSV with Chinese column names", () => {
    expect(
      gongjian(
        "export",
        "progress",
        "--snapshot",
        snapshot,
        "--policy",
        "002",
        "--format",
        "csv",
        "--out",
        "p.csv"
      ).code
    ).toBe(0)
    const progress = readFileSync(join(tmp, "p.csv"), "utf8")
    expect(progress.split("\r\n")[1]).toBe(
      "目标,单位,目标值,完成值,计量单位,完成率,序时进度,落后百分点,状态"
    )
    expect(
      gongjian(
        "export",
        "findings",
        "--snapshot",
        snapshot,
        "--policy",
        "002",
        "--format",
        "csv",
        "--out",
        "f.csv"
      ).code
    ).toBe(0)
    expect(readFileSync(join(tmp, "f.csv"), "utf8").split("\r\n")[1]).toBe(
      "责任单位,项目编号,项目名称,类别,依据条款,状态,期限,逾期天数,剩余天数,处置,说明"
    )
    expect(Export.neutralise("=1")).toBe("'=1")
  })

  it("names the area-wide rows after the campaign's root unit and writes totals as a county reads them", () => {
    // 003's root unit is 示范市: its area-wide progress rows are 全市.
    const city = join(tmp, "003.json")
    writeFileSync(city, JSON.stringify(Samples.json("003-construction-year")))
    const p = gongjian(
      "export",
      "progress",
      "--snapshot",
      city,
      "--policy",
      "003",
      "--format",
      "csv",
      "--out",
      "c.csv"
    )
    expect(p.code).toBe(0)
    const units = readFileSync(join(tmp, "c.csv"), "utf8")
      .split("\r\n")
      .slice(2)
      .map((l) => l.split(",")[1])
    expect(units).toContain("全市")
    expect(units).not.toContain("全区")
    // 000's 王店镇 scores 27.214286: the ranking sheet's 总分 is 27.21.
    const hundred = join(tmp, "000.json")
    writeFileSync(hundred, JSON.stringify(Samples.json("000-hundred-days")))
    const r = gongjian(
      "export",
      "ranking",
      "--snapshot",
      hundred,
      "--policy",
      "000",
      "--options",
      fileURLToPath(
        new URL("../../policies/samples/000-hundred-days.options.json", import.meta.url)
      ),
      "--format",
      "csv",
      "--out",
      "r.csv"
    )
    expect(r.code).toBe(0)
    const line = readFileSync(join(tmp, "r.csv"), "utf8")
      .split("\r\n")
      .find((l) => l.includes("王店镇"))
    expect(line?.split(",")[3]).toBe("27.21")
  })

  it("refuses an --out file named for the other format as a usage error (exit 2), writing nothing", () => {
    const cases = [
      ["--format", "csv", "--out", "wrong.xlsx"],
      ["--format", "xlsx", "--out", "wrong.csv"],
      ["--out", "default.CSV"] // xlsx by default
    ]
    for (const flags of cases) {
      const r = gongjian("export", "ledger", "--snapshot", snapshot, "--policy", "002", ...flags)
      expect(r.code, flags.join(" ")).toBe(2)
      expect(existsSync(join(tmp, flags.at(-1)!)), flags.join(" ")).toBe(false)
    }
  })
})
