import { equal, ok } from "node:assert/strict"
import { Host } from "@gongjian/plugin-sdk"
import { InvestmentDrive, Samples } from "@gongjian/policies"
import { Bulletin, Cadence } from "@gongjian/reports"
import * as Result from "effect/Result"

// #region make
// The 002 drive's bulletin for the second half of September: the assessment
// and the exit findings as of its end, and as of the previous bulletin's.
const snapshot = Samples.load("002-investment-drive")
const host = Result.getOrThrow(Host.load([{ plugin: InvestmentDrive.policy }]))
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
equal(bulletin.ranking[0]?.name, "甲镇")
equal(Bulletin.showMove(bulletin.ranking[0]!), "—")
equal(Bulletin.statusNames.red.zh, "红灯")
equal(Bulletin.severityNames.breach.en, "breach")
ok(bulletin.criticised.some((c) => c.name === "丁镇"))
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
