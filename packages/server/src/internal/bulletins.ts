import { Period } from "@gongjian/core"
import { Host } from "@gongjian/plugin-sdk"
import * as Bulletin from "@gongjian/reports/Bulletin"
import * as Cadence from "@gongjian/reports/Cadence"
import * as Edition from "@gongjian/reports/Edition"
import * as WallChart from "@gongjian/reports/WallChart"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import { type Store, StoreError } from "../Store.js"
import { type Computed, compose, decode } from "./engine.js"

/** @internal A bulletin period as the API lists it. */
export interface BulletinInfo {
  readonly period: string
  readonly cadence: string
  readonly start: string
  readonly end: string
  readonly number?: number
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

/**
 * @internal What the list shows of a period; numbered as `Bulletin.make`
 * numbers it (`Bulletin.numberOf`): no number for a campaign without a
 * reporting cadence.
 */
export const info = (c: Pick<Computed, "snapshot">, period: Period.Period): BulletinInfo => {
  const number = Bulletin.numberOf(c.snapshot.campaign, period)
  return {
    period: period.label,
    cadence: period.cadence,
    start: period.start,
    end: period.end,
    ...(number === undefined ? {} : { number }),
    name: { zh: Cadence.periodName(period, "zh"), en: Cadence.periodName(period, "en") }
  }
}

/** @internal The period of a label, when it is one of the campaign's bulletin periods. */
export const periodOf = (c: Computed, label: string): Period.Period | undefined =>
  periods(c).find((p) => p.label === label)

/**
 * @internal What a bulletin reads of a campaign's records in the store: its
 * current snapshot (the one computed), the snapshot as known at a time, when
 * a bulletin was recorded as issued, and the corrections written since.
 */
export const source = (
  store: Store["Service"],
  campaign: string,
  c: Computed
): Edition.Source<StoreError> => ({
  snapshot: (knownAt) =>
    knownAt === undefined
      ? Effect.succeed(c.snapshot)
      : Effect.flatMap(store.knownAt(campaign, knownAt), (current) => {
          const decoded = decode(compose(current.records))
          return Result.isSuccess(decoded)
            ? Effect.succeed(decoded.success)
            : Effect.fail(
                new StoreError({
                  campaign,
                  message: `campaign ${campaign}: the records as known at ${knownAt} do not make a valid snapshot: ${decoded.failure
                    .map((p) => `${p.record ?? ""} ${p.field}: ${p.message}`)
                    .join("; ")}`
                })
              )
        }),
  recordedAt: (id) =>
    Effect.map(
      store.history(campaign, "activity", id),
      (revisions) => revisions.find((r) => r.value !== null)?.at
    ),
  corrections: (from, to) => store.corrections(campaign, from, to)
})

/**
 * @internal The bulletin of a period, as `gongjian bulletin --campaign` makes
 * it: the policy run as of the period's end and as of the previous
 * bulletin's (on the campaign as known when that one was issued, when it was
 * recorded), with the corrections written since.
 */
export const make = (
  store: Store["Service"],
  campaign: string,
  c: Computed,
  period: Period.Period
): Effect.Effect<Bulletin.Bulletin, StoreError> =>
  Effect.flatMap(Edition.read(source(store, campaign, c), { period }), (edition) =>
    Edition.bulletin(edition, (snapshot, asOf) =>
      Effect.sync(() => {
        const run = Host.run(c.host, structuredClone(snapshot), { asOf })
        return { assessment: run.assessments[0]?.assessment, findings: run.findings }
      })
    )
  )

/** @internal The kinds of wall chart. */
export const chartKinds = ["gantt", "progress", "ranking", "heatmap"] as const

/**
 * @internal A wall chart as of the campaign's date: the Gantt with the exit
 * findings, progress and heat map from the snapshot, the ranking of the
 * current bulletin (with its moves).
 */
export const chart = <E>(
  c: Computed,
  kind: (typeof chartKinds)[number],
  current: Effect.Effect<Bulletin.Bulletin, E>
): Effect.Effect<string, E> => {
  switch (kind) {
    case "gantt":
      return Effect.succeed(WallChart.gantt(c.snapshot, { findings: c.run.findings }))
    case "progress":
      return Effect.succeed(WallChart.progress(c.snapshot))
    case "heatmap":
      return Effect.succeed(WallChart.heatmap(c.snapshot))
    case "ranking":
      return Effect.map(current, (b) => WallChart.ranking(b.ranking))
  }
}

/** @internal The bulletin as HTML or Markdown. */
export const render = (b: Bulletin.Bulletin, format: "html" | "md", lang: Bulletin.Lang) =>
  format === "html" ? Bulletin.html(b, lang) : Bulletin.markdown(b, lang)
