import { deepStrictEqual, equal } from "node:assert/strict"
import { Calendar, View } from "@gongjian/core"
import { CleanupReport } from "@gongjian/exit-rules"
import { Host } from "@gongjian/plugin-sdk"
import { Samples, ServiceAndExit } from "@gongjian/policies"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"

// #region policy
const host = Result.getOrThrow(Host.load([{ plugin: ServiceAndExit.policy }]))
const snapshot = Samples.load("001-service-and-exit")
const out = Host.run(host, snapshot)
// E1 E2 E3 (3个月不开工, E2 by its contract's date), E5 (3年不见效), E7 E8 (签而不建), E10 (低效)
equal(out.findings.length, 7)
// 每半年 (三.(四)): the cleanup report of the half-year, by unit and class.
const rules = host.installed[0]!.contents.exitRules!
const cleanup = CleanupReport.halfYear({ rules, view: View.make(snapshot) }, snapshot.asOf)
equal(cleanup.period.label, "2026-H2")
// Breaches only: land idle E1, E2, E3; E4 is not due under its contract.
deepStrictEqual(cleanup.byClass, {
  "land-idle": 3,
  "low-efficiency": 1,
  "no-results": 1,
  "signed-not-built": 1
})
// #endregion policy

// #region sla
// 限时办结 (三.(三).2): planning materials complete Monday 2026-09-28; three working
// days are 9-29, 9-30 and 10-08 (the National Day holiday lies between).
const planning = {
  approvals: [{ kind: "planning", materialsCompleteOn: "2026-09-28", closedOn: "2026-10-16" }]
}
const late: ReadonlyArray<ServiceAndExit.ApprovalDelay> = ServiceAndExit.lateApprovals(
  planning,
  "2026-11-22",
  Calendar.stateCouncil()
)
deepStrictEqual(
  late.map((d) => [d.due, d.workingDaysLate]),
  [["2026-10-08", 7]]
)
// A county that allows five working days (the default is three): due on the working
// Saturday 10-10, closed 10-16 — 10-12 to 10-16 are five working days late.
equal(ServiceAndExit.defaults.approvalDays, 3)
const five = Schema.decodeUnknownSync(ServiceAndExit.Options)({
  ...ServiceAndExit.defaults,
  approvalDays: 5
})
deepStrictEqual(
  ServiceAndExit.lateApprovals(planning, "2026-11-22", Calendar.stateCouncil(), {
    normal: five.approvalDays,
    special: five.specialApprovalDays
  }).map((d) => [d.due, d.workingDaysLate]),
  [["2026-10-10", 5]]
)
// #endregion sla
