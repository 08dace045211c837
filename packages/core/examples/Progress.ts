import { deepStrictEqual, equal } from "node:assert/strict"
import { Money, Progress, Ratio, View } from "@gongjian/core"
import { sampleSnapshot as snapshot } from "./Snapshot.js"

// #region ofTarget
const facts: Progress.Facts = Progress.facts(View.make(snapshot))
const rows: ReadonlyArray<Progress.TargetProgress> = Progress.ofTarget(
  facts,
  snapshot.campaign.targets[0]!,
  { asOf: snapshot.asOf }
)
// As of 2026-04-10, 50 of the window's 101 days have passed: 序时进度 0.4950.
// Signed in the window: P-1 2.5亿 + P-2 1.2亿 = 3.7亿 of 8.6亿 → 0.4302, 6.48 points behind.
// P-4 reports its capital in USD: it is listed as rejected, not dropped.
deepStrictEqual(
  rows.map((r) => [
    r.unit ?? "area",
    Money.format(r.actual as Money.Money),
    r.completion,
    r.status
  ]),
  [
    ["area", "3.7亿元", 0.4302, "on-track"],
    ["park", "0元", 0, "red"],
    ["xincheng", "3.7亿元", 0.74, "ahead"]
  ]
)
deepStrictEqual(
  rows[1]!.rejected.map((r) => r.record),
  ["P-4"]
)
// Why, in Chinese for Chinese views (`reason` is the English).
equal(rows[1]!.rejected[0]!.message.zh, "区外内资为USD，目标币种为CNY，未计入")
// #endregion ofTarget

// #region expected
equal(Progress.expectedShare("2026-02-20", "2026-05-31", "2026-04-10"), 0.495)
// #endregion expected

// #region status
equal(Progress.status(0.3, 0.5), "amber") // 20 points behind
equal(Progress.status(0.1, 0.5), "red") // 40 points behind
const strict: Progress.Thresholds = { amber: 5, red: 20 }
equal(Progress.status(0.45, 0.5, strict), "amber")
const ahead: Progress.Status = Progress.status(0.6, 0.5)
equal(ahead, "ahead")
// Exactly: 9.999 points behind is not yet 10.
equal(Progress.status(0.40001, 0.5), "on-track")
equal(Progress.defaultThresholds.red, 30)
// #endregion status

// #region filter
const p1 = snapshot.projects[0]!
equal(
  Progress.matches({ stage: "started" }, p1, facts.timelines.get("P-1")!, snapshot.campaign.window),
  true
)
equal(
  Progress.matches(
    { sectors: ["tertiary"] },
    p1,
    facts.timelines.get("P-1")!,
    snapshot.campaign.window
  ),
  false
)
// Compiled once, tested on every project: the same answers.
const startedInWindow = Progress.matcher(
  { stage: "started", reachedWithin: "window" },
  snapshot.campaign.window
)
deepStrictEqual(
  snapshot.projects.map((p) => startedInWindow(p, facts.timelines.get(p.id)!)),
  snapshot.projects.map((p) =>
    Progress.matches(
      { stage: "started", reachedWithin: "window" },
      p,
      facts.timelines.get(p.id)!,
      snapshot.campaign.window
    )
  )
)
// #endregion filter

// #region matcherAt
// The same filter over a view's projects by index, read from its columns:
// the answers of `matcher`, project by project.
const atView = View.make(snapshot)
const startedAt = Progress.matcherAt(
  atView,
  { stage: "started", reachedWithin: "window" },
  snapshot.campaign.window
)
deepStrictEqual(
  snapshot.projects.map((_, i) => startedAt(i)),
  snapshot.projects.map((p) => startedInWindow(p, atView.timelines.get(p.id)!))
)
// #endregion matcherAt

// #region statusNames
// One wording everywhere: 20 points behind is 黄灯 in the console, the bulletin and the workbook.
equal(Progress.statusNames[Progress.status(0.3, 0.5)].zh, "黄灯")
equal(Progress.statusNames["on-track"].zh, "正常")
// #endregion statusNames
// #region shown
// Money and counts as written; a rate as a percentage, from the exact rate.
deepStrictEqual(Progress.shown(rows[0]!), { actual: "3.7亿元", goal: "8.6亿元" })
deepStrictEqual(Progress.shown(rows[0]!, { precision: 2 }), {
  actual: "3.70亿元",
  goal: "8.60亿元"
})
// 5 of 7 projects of the pool started, against a goal of 0.7: the completion is 5/7 ÷ 0.7.
const rate = {
  measure: "start-rate" as const,
  goal: 0.7,
  actual: 0.7143,
  ratio: Ratio.makeUnsafe(50, 49)
}
deepStrictEqual(Progress.shown(rate), { actual: "71.4%", goal: "70.0%" })
// #endregion shown
// #region magnitude
// The target's figures in one unit, from its largest goal (8.6亿元): the park's nothing
// reads 0.00亿元 beside the others, never 0.00元.
const written = Progress.magnitude(rows)
equal(written, "亿")
deepStrictEqual(
  rows.map((r) => Progress.shown(r, { precision: 2, magnitude: written }).actual),
  ["3.70亿元", "0.00亿元", "3.70亿元"]
)
// #endregion magnitude
