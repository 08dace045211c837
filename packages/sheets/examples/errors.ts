import { ok, strictEqual } from "node:assert/strict"
import { Forms, Import, SheetError } from "@gongjian/sheets"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"

const attempt = (bytes: Uint8Array, options: Import.Options) =>
  Effect.runPromise(Effect.result(Import.fromBytes(bytes, options)))

// #region xls
// An old binary .xls (it begins with the OLE signature) is refused with the way out.
const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
const refused = await attempt(xls, { template: Forms.projectLedger, file: "台账.xls" })
ok(Result.isFailure(refused) && refused.failure instanceof SheetError.UnsupportedFormatError)
ok(refused.failure.message.includes("另存为"))
// #endregion xls

// #region limit
const csv = new TextEncoder().encode("项目编号,项目名称\nP-1,一\nP-2,二\nP-3,三\n")
// Any limit can be raised or lowered; the others keep their defaults.
const limits: Import.Limits = { ...Import.limits, maxRows: 2 }
const tooMany = await attempt(csv, { template: Forms.projectLedger, file: "big.csv", limits })
ok(Result.isFailure(tooMany) && tooMany.failure._tag === "LimitExceededError")
strictEqual(tooMany.failure.limit, "rows")
strictEqual(Import.limits.maxRows, 200_000)
// #endregion limit

// #region malformed
const notAZip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])
const damaged = await attempt(notAZip, { template: Forms.projectLedger, file: "x.xlsx" })
ok(Result.isFailure(damaged) && damaged.failure instanceof SheetError.MalformedFileError)
// What is damaged, for a program to branch on; `detail` is the reader's own words.
const what: SheetError.Damage = damaged.failure.damage
strictEqual(what, "zip")
// #endregion malformed

// #region header
const other = new TextEncoder().encode("登记编号,单位,出发日期\nT-1,甲镇,2026-08-04\n")
const wrong = await attempt(other, { template: Forms.projectLedger, file: "trips.csv" })
ok(Result.isFailure(wrong) && wrong.failure instanceof SheetError.HeaderNotFoundError)
ok(wrong.failure.missing.includes("项目名称"))

// #endregion header

// #region template
import { Template } from "@gongjian/sheets"

const bad = Template.decode({
  ...Forms.monthlyFunds,
  columns: [{ field: "value", headers: ["金额"], type: "money" }]
})
ok(Result.isFailure(bad) && bad.failure instanceof SheetError.TemplateError)
ok(bad.failure.problems.some((p) => p.includes('needs a "unit"')))

// #endregion template

// #region annotate
import { readFileSync } from "node:fs"
import { Snapshot } from "@gongjian/core"
import { Export } from "@gongjian/sheets"

const samples = new URL("../samples/", import.meta.url)
const county = Result.getOrThrow(
  Snapshot.decodeJson(readFileSync(new URL("county.json", samples), "utf8"))
)
const funds = new Uint8Array(readFileSync(new URL("monthly-funds.xlsx", samples)))
const read = await Effect.runPromise(
  Import.fromBytes(funds, { template: Forms.monthlyFunds, snapshot: county, file: "funds.xlsx" })
)
// The workbook has one sheet: writing the status back into a second one is refused.
const refusedBack = await Export.annotate(funds, read.report, { sheet: 2 }).then(
  () => undefined,
  (e: unknown) => e
)
ok(refusedBack instanceof SheetError.AnnotateError)
const code: SheetError.AnnotateCode = refusedBack.code
strictEqual(code, "missing-sheet")
strictEqual(refusedBack.sheets, 1)
// #endregion annotate
