import { LocalDate, Period } from "@gongjian/core"
import { Host } from "@gongjian/plugin-sdk"
import * as Bulletin from "@gongjian/reports/Bulletin"
import * as Cadence from "@gongjian/reports/Cadence"
import * as WallChart from "@gongjian/reports/WallChart"
import type { Computed } from "./engine.js"

/** @internal A bulletin period as the API lists it. */
export interface BulletinInfo {
  readonly period: string
  readonly cadence: string
  readonly start: string
  readonly end: string
  readonly number: number
  readonly name: { readonly zh: string; readonly en: string }
}

/**
 * @internal The bulletin periods of a campaign, newest first: every period of
 * its bulletin cadence from the start of the window to the one current on
 * the campaign's as-of date.
 */
export const periods = (c: Computed): ReadonlyArray<Period.Period> => {
  const { campaign, asOf } = c.snapshot
  const last = Bulletin.currentPeriod(campaign, asOf)
  return [...Period.between(last.cadence, campaign.window.start, last.end)].reverse()
}

/** @internal What the list shows of a period; numbered as `Bulletin.make` numbers it. */
export const info = (c: Computed, period: Period.Period): BulletinInfo => ({
  period: period.label,
  cadence: period.cadence,
  start: period.start,
  end: period.end,
  number: Math.max(
    1,
    Period.between(period.cadence, c.snapshot.campaign.window.start, period.end).length
  ),
  name: { zh: Cadence.periodName(period, "zh"), en: Cadence.periodName(period, "en") }
})

/** @internal The period of a label, when it is one of the campaign's bulletin periods. */
export const periodOf = (c: Computed, label: string): Period.Period | undefined =>
  periods(c).find((p) => p.label === label)

const engines = (c: Computed, asOf: LocalDate.LocalDate) => {
  const run = Host.run(c.host, structuredClone(c.snapshot), { asOf })
  return { assessment: run.assessments[0]?.assessment, findings: run.findings }
}

/**
 * @internal The bulletin of a period: the policy run as of the period's end
 * and as of the previous bulletin's, as `gongjian bulletin` makes it.
 */
export const make = (c: Computed, period: Period.Period): Bulletin.Bulletin => {
  const snapshot = c.snapshot
  const asOf = LocalDate.min(period.end, snapshot.asOf)
  const now = engines(c, asOf)
  const prev = Bulletin.previousPeriod(snapshot.campaign, period)
  return Bulletin.make({
    snapshot,
    period,
    asOf,
    assessment: now.assessment,
    findings: now.findings,
    previous: prev === undefined ? undefined : engines(c, LocalDate.min(prev.end, snapshot.asOf))
  })
}

/** @internal The kinds of wall chart. */
export const chartKinds = ["gantt", "progress", "ranking", "heatmap"] as const

/**
 * @internal A wall chart as of the campaign's date: the Gantt with the exit
 * findings, progress and heat map from the snapshot, the ranking of the
 * current bulletin (with its moves).
 */
export const chart = (
  c: Computed,
  kind: (typeof chartKinds)[number],
  current: () => Bulletin.Bulletin
): string => {
  switch (kind) {
    case "gantt":
      return WallChart.gantt(c.snapshot, { findings: c.run.findings })
    case "progress":
      return WallChart.progress(c.snapshot)
    case "heatmap":
      return WallChart.heatmap(c.snapshot)
    case "ranking":
      return WallChart.ranking(current().ranking)
  }
}

/** @internal The bulletin as HTML or Markdown. */
export const render = (b: Bulletin.Bulletin, format: "html" | "md", lang: Bulletin.Lang) =>
  format === "html" ? Bulletin.html(b, lang) : Bulletin.markdown(b, lang)
