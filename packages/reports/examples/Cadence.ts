import { deepStrictEqual, equal } from "node:assert/strict"
import { Cadence } from "@gongjian/reports"

// #region occurrences
// 002 四.3 一周一调度、半月一通报, over the first half of August 2026.
// What Cadence.occurrences reads (Cadence.Input): the campaign, its projects and activities.
const snapshot: Cadence.Input = {
  asOf: "2026-08-20",
  campaign: {
    id: "drive",
    title: "招商引资集中攻坚",
    kind: "investment-drive",
    window: { start: "2026-08-01", end: "2026-08-15" },
    phases: [],
    cadence: [
      { kind: "dispatch", every: "week", name: "一周一调度", clause: "002 四.3" },
      { kind: "bulletin", every: "half-month", name: "半月一通报", clause: "002 四.3" }
    ],
    assessedUnitKinds: ["town"],
    targets: []
  },
  projects: [],
  activities: [{ id: "D-32", kind: "dispatch", unit: "county", date: "2026-08-03" }]
}
// A duty recorded apart from the activities: the bulletin issued on the 14th.
const kind: Cadence.DutyKind = "bulletin"
const issued: Cadence.Issued = { id: "通报-1", kind, date: "2026-08-14" }
const due: ReadonlyArray<Cadence.Occurrence> = Cadence.occurrences(snapshot, { issued: [issued] })
// Week 31 (1–2 August, a weekend) has no working day: not due. Week 32 held,
// week 33 (10–15 August, due Friday the 14th) missed; the bulletin issued.
deepStrictEqual(
  due.map((o) => [o.period.label, o.deadline, o.status]),
  [
    ["2026-W32", "2026-08-07", "held"],
    ["2026-W33", "2026-08-14", "overdue"],
    ["2026-08-H1", "2026-08-14", "held"]
  ]
)
const missed: Cadence.Status = "overdue"
equal(due[1]?.status, missed)
equal(Cadence.activityKinds["spot-check"][0], "inspection")
equal(Cadence.kindNames.dispatch.zh, "调度")
equal(
  Cadence.overdue(due)[0]?.message.zh,
  "一周一调度（2026-08-10—2026-08-15）未开展，应于 2026-08-14 前完成（002 四.3）"
)
// #endregion occurrences

// #region parse
const period = Cadence.parsePeriod("2026-09-H2")
deepStrictEqual(period, {
  cadence: "half-month",
  start: "2026-09-16",
  end: "2026-09-30",
  label: "2026-09-H2"
})
equal(Cadence.periodName(period!), "2026年9月下半月")
equal(Cadence.periodName(period!, "en"), "second half of September 2026")
equal(Cadence.parsePeriod("2026-13"), undefined)
// #endregion parse
