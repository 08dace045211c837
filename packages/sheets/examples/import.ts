import { deepStrictEqual, strictEqual } from "node:assert/strict"
import { readFileSync } from "node:fs"
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import { Snapshot } from "@gongjian/core"
import { Forms, Import, RowReport } from "@gongjian/sheets"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"

const samples = new URL("../samples/", import.meta.url)
const county = Result.getOrThrow(
  Snapshot.decodeJson(readFileSync(new URL("county.json", samples), "utf8"))
)

// #region import
// A county's project ledger: title rows, a merged two-row header, a 合计 row,
// read from disk through effect's FileSystem (Node's here).
const options: Import.Options = { template: Forms.projectLedger, snapshot: county }
const imported: Import.Imported = await Effect.runPromise(
  Import.fromFile(new URL("project-ledger.xlsx", samples).pathname, options).pipe(
    Effect.provide(NodeFileSystem.layer)
  )
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
// Bytes from anywhere (an upload): the same ledger saved as CSV by Chinese
// Excel, in GBK, reads to the same projects.
const fromCsv = await Effect.runPromise(
  Import.fromBytes(readFileSync(new URL("project-ledger-gbk.csv", samples)), {
    ...options,
    file: "项目台账.csv"
  })
)
strictEqual(fromCsv.report.encoding, "gbk")
deepStrictEqual(fromCsv.projects, imported.projects)
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
const row9: RowReport.Row = report.rows.find((r) => r.row === 9)!
const status: RowReport.Status = row9.status
strictEqual(status, "rejected")
const problem: RowReport.Problem = row9.problems[0]!
strictEqual(problem.cell, "F9")
// Every reason and fix is said in Chinese and in English.
const reason: RowReport.Text = problem.reason
strictEqual(reason.zh, "金额不能为负数（-800）")
strictEqual(
  RowReport.describe(row9),
  "未导入：F9（总投资（万元））金额不能为负数（-800） → 填写非负金额；冲减请在备注中说明"
)
strictEqual(reason.en, "an amount cannot be negative (-800)")
// The 合计 row checked against the sum of the rows above it.
const check: RowReport.TotalCheck = report.rows.find((r) => r.status === "total")!.checks![0]!
strictEqual(check.agrees, true)
strictEqual(check.stated, check.computed)
strictEqual(RowReport.isClean(report), false)
strictEqual(JSON.parse(RowReport.toJson(report)).template, "project-ledger")
// #endregion report
