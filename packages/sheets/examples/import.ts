import { deepStrictEqual, strictEqual } from "node:assert/strict"
import { readFileSync } from "node:fs"
import { Snapshot } from "@gongjian/core"
import { Forms, Import, RowReport } from "@gongjian/sheets"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"

const samples = new URL("../samples/", import.meta.url)
const county = Result.getOrThrow(
  Snapshot.decodeJson(readFileSync(new URL("county.json", samples), "utf8"))
)

// #region import
// A county's project ledger: title rows, a merged two-row header, a 合计 row.
const imported = await Effect.runPromise(
  Import.fromFile(new URL("project-ledger.xlsx", samples).pathname, {
    template: Forms.projectLedger,
    snapshot: county
  })
)
// Amounts in 万元 are read exactly: 120000 万元 is 1,200,000,000 元.
const p101 = imported.projects.find((p) => p.id === "P-101")!
strictEqual(p101.unit, "town-a") // 甲镇, matched to its id
deepStrictEqual(
  p101.events.map((e) => `${e.type} ${e.date}`),
  ["signed 2026-03-05", "land-supplied 2026-04-20", "started 2026-06-01"]
)
// The snapshot with the new and merged projects, decoded as a whole.
const next = Result.getOrThrow(Import.apply(county, imported))
strictEqual(next.projects.length, county.projects.length + 3)
// #endregion import

// #region report
const report = imported.report
deepStrictEqual(report.counts, {
  accepted: 3,
  merged: 1,
  rejected: 10,
  total: 1,
  note: 1,
  blank: 0
})
const row9 = report.rows.find((r) => r.row === 9)!
strictEqual(row9.status, "rejected")
strictEqual(row9.problems[0]!.cell, "F9")
strictEqual(
  RowReport.describe(row9),
  "未导入：F9（总投资（万元））金额不能为负数（-800） → 填写非负金额；冲减请在备注中说明"
)
strictEqual(row9.problems[0]!.reason.en, "an amount cannot be negative (-800)")
strictEqual(report.rows.find((r) => r.status === "total")!.checks![0]!.agrees, true)
strictEqual(RowReport.isClean(report), false)
strictEqual(JSON.parse(RowReport.toJson(report)).template, "project-ledger")
// #endregion report
