import { strictEqual } from "node:assert/strict"
import { Money } from "@gongjian/core"
import { Forms, Import, Template } from "@gongjian/sheets"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"

// #region custom
// A county's own wording: its ledger says 投资额（亿元） and 镇街.
// The template is JSON: copy a shipped one, change it, no code needed.
const json = JSON.stringify({
  ...Forms.projectLedger,
  id: "my-county-ledger",
  headerRows: 1,
  columns: Forms.projectLedger.columns.map((c) =>
    c.field === "investment.total"
      ? { ...c, headers: ["投资额"], unit: "亿元" }
      : c.field === "unit"
        ? { ...c, headers: ["镇街"] }
        : c
  )
})
const mine: Template.Template = Result.getOrThrow(Template.decodeJson(json))
const csv = "项目编号,项目名称,镇街,产业类别,投资额（亿元）\nP-1,冷链物流,town-a,三产,2.5\n"
const imported = await Effect.runPromise(
  Import.fromBytes(new TextEncoder().encode(csv), { template: mine, file: "mine.csv" })
)
// 2.5 亿元 exactly; without a snapshot, unit ids are taken as written.
strictEqual(
  Money.format(imported.projects[0]!.investment!.total!, { magnitude: "元" }),
  "250000000元"
)
const money: Template.MoneyUnit = "万美元"
const type: Template.FieldType = "money"
const kind: Template.RecordKind = "project"
const column: Template.Column = {
  field: "investment.contractForeign",
  headers: ["合同外资"],
  type,
  unit: money
}
strictEqual(
  Result.isSuccess(Template.decode({ ...mine, record: kind, columns: [...mine.columns, column] })),
  true
)
// #endregion custom
