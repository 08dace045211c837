import { deepStrictEqual, equal } from "node:assert/strict"
import { Calendar, LocalDate, Money, type Snapshot, View } from "@gongjian/core"

// #region view
// A county snapshot with its own holiday (县庆, Monday 2026-11-23) and a
// project whose history cannot be folded (started before it signed).
const snapshot: Snapshot.Snapshot = {
  asOf: "2026-11-30",
  campaign: {
    id: "project-year-2026",
    title: "项目建设年",
    kind: "project-year",
    window: { start: "2026-01-01", end: "2026-12-31" },
    phases: [],
    cadence: [],
    assessedUnitKinds: ["town", "park"],
    targets: []
  },
  units: [
    { id: "district", name: "示范区", kind: "district" },
    { id: "park", name: "经济开发区", kind: "park", parent: "district" },
    { id: "park-a", name: "开发区A片区", kind: "park", parent: "park" }
  ],
  projects: [
    {
      id: "P-1",
      name: "智能装备",
      unit: "park-a",
      sector: "secondary",
      investment: { total: Money.parseUnsafe("5亿元") },
      events: [
        { type: "signed", date: "2026-03-01" },
        { type: "started", date: "2026-06-01" },
        { type: "completed", date: "2026-12-20" }
      ]
    },
    {
      id: "P-2",
      name: "冷链物流",
      unit: "park",
      sector: "tertiary",
      events: [
        { type: "started", date: "2026-02-01" },
        { type: "signed", date: "2026-03-01" }
      ]
    }
  ],
  calendar: { overrides: [{ date: "2026-11-23", working: false, name: "县庆" }] }
}
const view = View.make(snapshot)
// The date, and the calendar with the county's holiday.
equal(view.asOf, "2026-11-30")
equal(Calendar.isWorkingDay(view.calendar, "2026-11-23"), false)
// Histories folded once, as of the date: completion on 12-20 has not happened yet.
equal(view.timelines.get("P-1")?.stage, "started")
// The history that cannot be folded is listed, not dropped.
deepStrictEqual(
  view.unfolded.map((e) => e.project),
  ["P-2"]
)
// The timelines in project order, undefined where a history cannot be folded.
deepStrictEqual(
  View.timelinesInOrder(view).map((t) => t?.stage),
  ["started", undefined]
)
// A unit and its ancestors, nearest first.
deepStrictEqual(view.lineage("park-a"), ["park-a", "park", "district"])
// The same snapshot seen at another date, or on another calendar.
const earlier = View.make(snapshot, { asOf: "2026-05-31" })
equal(earlier.timelines.get("P-1")?.stage, "signed")
equal(
  Calendar.isWorkingDay(
    View.make(snapshot, { calendar: Calendar.stateCouncil() }).calendar,
    "2026-11-23"
  ),
  true
)
// #endregion view

// #region milestoneDays
// Each project's start as a day number, in project order: P-1 started on
// 2026-06-01; P-2's history cannot be folded, so it has no milestone.
const started = View.milestoneDays(view, "started")
deepStrictEqual([...started], [LocalDate.toDays("2026-06-01"), View.notReached])
// Compared with a deadline as numbers: started by 2026-06-30?
equal(started[0]! <= LocalDate.toDays("2026-06-30"), true)
// A project that has not reached a stage is never on time for it.
equal(View.milestoneDays(view, "in-production")[0]! <= LocalDate.toDays("9999-12-31"), false)
// P-1 before P-2: results made project by project are in id order.
equal(View.projectsInIdOrder(view), true)
// #endregion milestoneDays

// #region projectUnits
// Each project's unit by its index in the snapshot's units, and each
// project's total investment in fen, for totals and tiers compared as
// integers.
const units = View.projectUnits(view)
deepStrictEqual(
  [...units].map((k) => snapshot.units[k]!.id),
  ["park-a", "park"]
)
const fen = View.investmentFen(view, "CNY")
equal(fen[0], 500_000_000_00) // P-1: 5亿元 in fen
equal(Number.isNaN(fen[1]!), true) // P-2 states no investment
equal(Number.isNaN(View.investmentFen(view, "USD")[0]!), true) // not stated in dollars
// #endregion projectUnits

// #region findingRows
// An engine that makes findings over the view's projects registers their
// columns with the list; one that counts them reads each finding's project
// by index, without matching ids.
const findings = [
  { id: "land-idle/P-1", project: "P-1", unit: "park-a", class: "land-idle", severity: "breach" }
] as const
const rows: View.FindingRows = {
  snapshot,
  length: 1,
  project: [0],
  rank: [0],
  kind: [0],
  kinds: [{ class: "land-idle", severity: "breach" }]
}
View.setFindingRows(findings, rows)
equal(View.findingRows(findings)?.project[0], 0)
// A list that carries no columns (or a copy of one) has none.
equal(View.findingRows([...findings]), undefined)
// #endregion findingRows

// #region timelineFlags
// P-1's history folds, with no exemption or rectification, and its
// completion on 2026-12-20 is after the view's date; P-2's does not fold.
const flags = View.timelineFlags(view)
equal((flags[0]! & View.TimelineFlag.folded) !== 0, true)
equal((flags[0]! & View.TimelineFlag.exemptions) !== 0, false)
equal((flags[0]! & View.TimelineFlag.later) !== 0, true)
equal(flags[1], 0)
// #endregion timelineFlags
