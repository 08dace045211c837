import { deepEqual, equal, ok } from "node:assert/strict"
import { Host } from "@gongjian/plugin-sdk"
import { all, Samples } from "@gongjian/policies"
import { Bulletin, Cadence } from "@gongjian/reports"
import * as Result from "effect/Result"

// #region make
// The 002 drive's bulletin for the second half of September: the assessment
// and the exit findings as of its end, and as of the previous bulletin's. The
// sample's options give each unit's annual task, so the assessment has the
// tiers of 002 四.4: 通报表扬 for a task met, 通报批评 for one missed.
const snapshot = Samples.load("002-investment-drive")
const sample = all.find((e) => e.sample === "002-investment-drive")!
const host = Result.getOrThrow(Host.load([{ plugin: sample.plugin, options: sample.options }]))
const period = Bulletin.currentPeriod(snapshot.campaign, snapshot.asOf)
equal(period.label, "2026-09-H2")
const now = Host.run(host, snapshot, { asOf: period.end })
const previous = Bulletin.previousPeriod(snapshot.campaign, period)!
const before = Host.run(host, snapshot, { asOf: previous.end })
const bulletin = Bulletin.make({
  snapshot,
  period,
  assessment: now.assessments[0]?.assessment,
  findings: now.findings,
  previous: { assessment: before.assessments[0]?.assessment, findings: before.findings }
})
equal(bulletin.heading.zh, "招商引资集中攻坚工作通报（第4期）")
equal(Bulletin.numberOf(snapshot.campaign, period), 4)
// A campaign without a reporting cadence issues unnumbered bulletins.
equal(Bulletin.numberOf({ ...snapshot.campaign, cadence: [] }, period), undefined)
// The area-wide figures are named after the root unit, 示范区.
equal(bulletin.area.zh, "全区")
equal(bulletin.ranking[0]?.name, "甲镇")
equal(Bulletin.showMove(bulletin.ranking[0]!), "—")
equal(Bulletin.statusNames.red.zh, "红灯")
equal(Bulletin.severityNames.breach.en, "breach")
// The lists follow the tiers; a commended unit red on some target says so,
// and the red targets have their own list (进度滞后). The annual tasks are due
// 12-31: on 9-30 no unit is criticised on them yet, and 丁镇 (2.7亿 of 10亿) is
// listed as behind 序时进度.
equal(bulletin.criticised.length, 0)
ok(bulletin.lagging.some((c) => c.name === "丁镇"))
ok(bulletin.commended.some((c) => c.name === "丙园区"))
ok(bulletin.lagging.some((c) => c.name === "丙园区"))
equal(Bulletin.tierRole({ title: { zh: "通报表扬", en: "commended" } }), "commend")
// Percentages: one decimal, half up from the exact value (Percent).
equal(bulletin.targets.find((t) => t.target === "annual-task")?.area?.completion, "82.3%")
// The week-38 dispatch was missed (002 四.3).
equal(Cadence.overdue(bulletin.cadence)[0]?.period.label, "2026-W38")
// #endregion make

// #region html
const html = Bulletin.html(bulletin) // A4 print CSS; Bulletin.html(bulletin, "en") in English
ok(html.startsWith("<!DOCTYPE html>"))
ok(html.includes('class="status-red"'))
const md = Bulletin.markdown(bulletin)
ok(md.startsWith("# 招商引资集中攻坚工作通报（第4期）\n"))
// #endregion html

// #region issue
// Issuing it: its record, an activity of kind "bulletin" of the district
// office dated the day it speaks as of, shows the duty held and makes it the
// previous bulletin of the next one. (`gongjian bulletin --issue` keeps it in
// the ledger; a snapshot file can list it among its activities.)
const issued = Bulletin.record(bulletin, { unit: "district" })
deepEqual(issued, {
  id: "bulletin-2026-09-H2",
  kind: "bulletin",
  unit: "district",
  date: "2026-09-30",
  note: "第4期（2026-09-H2）"
})
const later = { ...snapshot, activities: [...(snapshot.activities ?? []), issued] }
equal(Bulletin.issued(later).length, 1)
const next = Cadence.parsePeriod("2026-10-H1")!
deepEqual(Bulletin.previous({ ...later, asOf: "2026-10-15" }, next, "2026-10-15"), {
  asOf: "2026-09-30",
  record: issued
})
// Without a record, the previous bulletin is the previous period's.
equal(Bulletin.previous(snapshot, period)?.asOf, "2026-09-15")
// #endregion issue

// #region input
// Bulletin.Input spelled out: the engines' outputs in the shapes a bulletin
// reads (the scoring engine's or a plugin's assessment is an AssessmentInput,
// exit findings are FindingInputs), a correction filed since the previous
// bulletin (Correction), and a tier whose role its title does not say.
const assessment: Bulletin.AssessmentInput | undefined = now.assessments[0]?.assessment
const findings: ReadonlyArray<Bulletin.FindingInput> = now.findings
const corrected: Bulletin.Correction = {
  record: "report R-7",
  field: "value",
  on: "2026-09-28",
  before: "1.2亿元",
  after: "1.5亿元",
  reason: "统计口径更正",
  by: "zhao.lei（甲镇）"
}
const firstTier = assessment?.tiers[0]
const role: Bulletin.TierRole = "criticise"
const input: Bulletin.Input = {
  snapshot,
  period,
  assessment,
  findings,
  previous: { assessment: before.assessments[0]?.assessment, findings: before.findings },
  corrections: [corrected],
  tierRoles: firstTier === undefined ? {} : { [firstTier.id]: role }
}
const corrected4 = Bulletin.make(input)
deepEqual(corrected4.corrections, [corrected])
const lang: Bulletin.Lang = "en"
const heading: Bulletin.Text = corrected4.heading
ok(Bulletin.markdown(corrected4, lang).startsWith(`# ${heading.en}\n`))
ok(Bulletin.markdown(corrected4).includes("统计口径更正"))
// #endregion input

// #region read
// What a bulletin holds, part by part.
const annual: Bulletin.TargetLine = bulletin.targets.find((t) => t.target === "annual-task")!
const area: Bulletin.Row | undefined = annual.area
deepEqual([area?.completion, area?.status], ["82.3%", "ahead"])
const top: Bulletin.RankLine = bulletin.ranking[0]!
deepEqual([top.name, top.rank, top.vetoed], ["甲镇", 1, false])
// A unit listed under 进度滞后 says which targets and how far behind.
const behind: Bulletin.Mention = bulletin.lagging.find((c) => c.name === "丁镇")!
ok(behind.reasons.some((r) => r.zh.includes("低于序时进度")))
const exits: ReadonlyArray<Bulletin.ExitLine> = bulletin.exit
ok(exits.every((e) => e.change === "new" || e.change === "worse"))
// #endregion read
