import { deepStrictEqual, ok, strictEqual } from "node:assert/strict"
import { readFileSync } from "node:fs"
import { Money, Progress, Snapshot, View } from "@gongjian/core"
import { Export, Forms, Import } from "@gongjian/sheets"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"

const samples = new URL("../samples/", import.meta.url)
const county = Result.getOrThrow(
  Snapshot.decodeJson(readFileSync(new URL("county.json", samples), "utf8"))
)

// #region table
// A header with a slash is two header rows: 上级 (merged across) over 下级.
const monthly: Export.TableColumn = { header: "到位资金/本月", width: 12, format: "wan" }
const table: Export.Table = {
  name: "到位资金",
  title: "到位资金（万元）",
  columns: [
    { header: "单位", width: 12, format: "text" },
    monthly,
    { header: "到位资金/累计", width: 12, format: "wan" }
  ],
  rows: [["甲镇", Money.parseUnsafe("3200.5万元"), Money.parseUnsafe("1.5亿元")]],
  fills: [undefined]
}
const fill: Export.Fill = "amber"
const cell: Export.Cell = 3
const format: Export.Format = "percent"
ok([fill, cell, format].length === 3)
// CSV: UTF-8 with a BOM, two header lines for 上级/下级 names, amounts in 万元.
strictEqual(
  Export.csv(table),
  "\ufeff到位资金（万元）\r\n单位,到位资金,\r\n,本月,累计\r\n甲镇,3200.5,15000\r\n"
)
const workbook: Uint8Array = await Export.xlsx([table])
ok(workbook.length > 0)
// #endregion table

// #region neutralise
strictEqual(Export.neutralise("=SUM(A1:A9)"), "'=SUM(A1:A9)")
strictEqual(Export.neutralise("甲镇"), "甲镇")
strictEqual(Export.restore("'=SUM(A1:A9)"), "=SUM(A1:A9)")
strictEqual(Export.restore("'普通撇号"), "'普通撇号")
// #endregion neutralise

// #region ledger
// The project 台账 of a snapshot imports again into the same projects.
const ledger = Export.projectLedger(county)
const bytes = await Export.xlsx([ledger])
const back = await Effect.runPromise(
  Import.fromBytes(bytes, { template: Forms.projectLedger, snapshot: county, file: "台账.xlsx" })
)
strictEqual(back.report.counts.merged, county.projects.length)
strictEqual(back.report.counts.rejected, 0)
const custom = Export.asTemplate(Forms.monthlyFunds, [
  { unit: "甲镇", on: "2026-09-30", value: Money.parseUnsafe("32005000元") }
])
deepStrictEqual(custom.rows, [["甲镇", "2026-09-30", Money.parseUnsafe("3200.5万元"), undefined]])
// #endregion ledger

// #region progress
const facts = Progress.facts(View.make(county))
const rows = county.campaign.targets.flatMap((t) =>
  Progress.ofTarget(facts, t, { asOf: county.asOf })
)
const progress = Export.progress(rows, { asOf: county.asOf })
// Red rows are filled red, amber rows amber.
deepStrictEqual(
  progress.fills,
  rows.map((r) => (r.status === "red" ? "red" : r.status === "amber" ? "amber" : undefined))
)
// #endregion progress

// #region ranking
const unit: Export.RankedUnit = {
  unit: "town-a",
  name: "甲镇",
  group: "乡镇",
  rank: 1,
  total: "95",
  tiers: [],
  vetoes: [],
  lines: [{ item: "fair", clause: "002 四.4", points: "95", message: { zh: "投洽会签约" } }]
}
const [ranks, lines] = Export.ranking({ asOf: "2026-10-15", units: [unit] })
deepStrictEqual(ranks!.rows, [["乡镇", 1, "甲镇", 95, undefined, undefined]])
strictEqual(lines!.rows.length, 1)
// #endregion ranking

// #region findings
const finding: Export.FindingRow = {
  project: "A5",
  unit: "town-a",
  class: "not-started",
  clause: "001 四",
  severity: "breach",
  action: "rectify",
  deadline: "2026-11-02",
  daysOverdue: 13,
  daysLeft: undefined,
  message: { zh: "签约三个月未开工" }
}
const warn: Export.FindingRow = {
  ...finding,
  project: "A6",
  severity: "warning",
  daysOverdue: undefined,
  daysLeft: 5
}
strictEqual(Export.findings([finding, warn], { asOf: "2026-11-15" }).rows.length, 2)
const cleanup = Export.cleanup([finding, warn], { asOf: "2026-12-31", period: "2026年下半年" })
strictEqual(cleanup.rows.length, 1) // warnings are not in the cleanup 台账
deepStrictEqual(cleanup.fills, ["red"])
// #endregion findings

// #region annotate
const original = new Uint8Array(readFileSync(new URL("monthly-funds.xlsx", samples)))
const imported = await Effect.runPromise(
  Import.fromBytes(original, {
    template: Forms.monthlyFunds,
    snapshot: county,
    file: "monthly-funds.xlsx"
  })
)
const annotated: Uint8Array = await Export.annotate(original, imported.report)
ok(annotated.length > original.length / 2)
// #endregion annotate
