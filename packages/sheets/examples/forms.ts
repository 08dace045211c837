import { deepStrictEqual, strictEqual } from "node:assert/strict"
import { readFileSync } from "node:fs"
import { Snapshot } from "@gongjian/core"
import { Forms, Import, type Template } from "@gongjian/sheets"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"

const samples = new URL("../samples/", import.meta.url)
const county = Result.getOrThrow(
  Snapshot.decodeJson(readFileSync(new URL("county.json", samples), "utf8"))
)
const read = (template: Template.Template, file: string) =>
  Effect.runPromise(
    Import.fromBytes(readFileSync(new URL(file, samples)), { template, snapshot: county, file })
  )

// #region forms
// The shipped forms, each read from the county's sample of it.
deepStrictEqual(
  Forms.all.map((t) => t.id),
  [
    "project-ledger",
    "monthly-funds",
    "monthly-fixed-asset",
    "outbound-trips",
    "approval-log",
    "exit-ledger"
  ]
)
// A template chosen by its id (a CLI flag, a portal's upload form).
strictEqual(Forms.byId("monthly-funds"), Forms.monthlyFunds)
strictEqual(Forms.byId("no-such-form"), undefined)

// 招商引资到位资金月报表: a reported figure per unit and month.
const funds = await read(Forms.monthlyFunds, "monthly-funds.xlsx")
strictEqual(funds.reports[0]!.id, "funds-town-a-2026-09-30")
strictEqual(funds.reports[0]!.measure, "funds-in-place")

// 固定资产投资完成情况月报表: the same, for fixed-asset investment.
const fai = await read(Forms.monthlyFixedAsset, "monthly-fixed-asset.xlsx")
strictEqual(fai.reports[0]!.measure, "fixed-asset-investment")

// 外出招商活动登记表: an outbound trip, with the projects it was about.
const trips = await read(Forms.outboundTrips, "outbound-trips.xlsx")
const trip = trips.activities[0]!
deepStrictEqual([trip.id, trip.kind, trip.unit], ["T-01", "outbound-trip", "town-a"])

// 审批事项办理台账: approvals merged into their projects.
const approvals = await read(Forms.approvalLog, "approval-log.xlsx")
strictEqual(approvals.report.counts.merged, 2)
strictEqual(approvals.projects.find((p) => p.id === "A1")!.approvals!.length, 1)

// 退出机制清理台账: exit-mechanism events merged into their projects.
const exits = await read(Forms.exitLedger, "exit-ledger.xlsx")
deepStrictEqual(
  exits.projects.map((p) => p.id),
  ["A5", "A6", "A8"]
)
// #endregion forms
