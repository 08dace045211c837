import { deepStrictEqual, equal, ok } from "node:assert/strict"
import { Samples } from "@gongjian/policies"
import { Bulletin, WallChart } from "@gongjian/reports"

// #region gantt
// The key projects of the 002 sample against their contract milestones.
const snapshot = Samples.load("002-investment-drive")
const svg = WallChart.gantt(snapshot)
ok(svg.startsWith("<svg"))
ok(svg.includes("今日 2026-10-15"))
// Same input, same bytes.
equal(WallChart.gantt(snapshot), svg)
const rows: ReadonlyArray<WallChart.GanttRow> = WallChart.ganttRows(snapshot)
const late: WallChart.Light = "red"
deepStrictEqual(
  rows.filter((r) => r.light === late).map((r) => r.name),
  ["老城改造", "塑料制品"]
)
// #endregion gantt

// #region charts
const progress = WallChart.progress(snapshot)
const heatmap = WallChart.heatmap(snapshot)
const bulletin = Bulletin.make({
  snapshot,
  period: Bulletin.currentPeriod(snapshot.campaign, snapshot.asOf)
})
const ranking = WallChart.ranking(bulletin.ranking) // empty without an assessment
for (const chart of [progress, heatmap, ranking]) ok(chart.startsWith("<svg"))
ok(heatmap.includes('fill="#d93025"')) // red cells
// A campaign without targets: the charts say 无目标 rather than stay blank.
const untargeted = { ...snapshot, campaign: { ...snapshot.campaign, targets: [] } }
ok(WallChart.progress(untargeted).includes("无目标"))
ok(WallChart.heatmap(untargeted).includes("无目标"))
// #endregion charts
