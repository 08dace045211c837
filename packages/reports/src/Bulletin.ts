/**
 * Bulletins (通报): what a campaign's office circulates every half month,
 * month or quarter — heading and number, a summary, the targets against
 * 序时进度 with red and amber, the ranking with its moves since the previous
 * bulletin, the units commended and criticised with their reasons, the new
 * warnings, breaches and escalations of the exit rules, the reporting duties
 * missed, and the corrections filed since the last bulletin. Built once as
 * data ({@link make}), written as HTML with A4 print CSS ({@link html}) or
 * Markdown ({@link markdown}); `Pdf.fromHtml` prints the HTML.
 *
 * @since 0.1.0
 */
import {
  type Activity,
  type Calendar,
  Clause,
  FindingClass,
  LocalDate,
  Period,
  Progress,
  Ratio,
  Snapshot,
  Unit,
  View
} from "@gongjian/core"
import { Finding } from "@gongjian/exit-rules"
import type { Assessment } from "@gongjian/scoring"
import * as Cadence from "./Cadence.js"
import { html as h, markdownCell as mc, markdownText as mt } from "./internal/escape.js"
import * as Percent from "./Percent.js"

/**
 * A language of the output: `zh` (Chinese, the default) or `en`.
 *
 * @example
 * {@includeCode ../examples/Bulletin.ts#input}
 *
 * @since 0.1.0
 * @category models
 */
export type Lang = "zh" | "en"

/**
 * Text in both languages.
 *
 * @example
 * {@includeCode ../examples/Bulletin.ts#input}
 *
 * @since 0.1.0
 * @category models
 */
export interface Text {
  readonly zh: string
  readonly en: string
}

/**
 * What a bulletin reads of an assessment (`Assessment.Assessment` of
 * `@gongjian/scoring`, or a plugin's assessment).
 *
 * @example
 * {@includeCode ../examples/Bulletin.ts#input}
 *
 * @since 0.1.0
 * @category models
 */
export interface AssessmentInput {
  readonly policy: Pick<Assessment.Assessment["policy"], "id">
  readonly units: ReadonlyArray<
    Pick<Assessment.UnitScore, "unit" | "name" | "group" | "total" | "rank" | "tiers" | "vetoes"> &
      Partial<Pick<Assessment.UnitScore, "tierReasons">> & {
        /**
         * The unit's score lines, for the points deducted (扣分: a line below
         * zero); without them a total below zero says it (since 0.4.0).
         */
        readonly lines?: ReadonlyArray<Pick<Assessment.ScoreLine, "points">> | undefined
      }
  >
  readonly groups: Assessment.Assessment["groups"]
  readonly tiers: ReadonlyArray<
    Pick<Assessment.Assessment["tiers"][number], "id" | "title" | "clause">
  >
}

/**
 * What an outcome tier (档次) of the assessment means for a bulletin: the
 * units in a `commend` tier are listed under 通报表扬, those in a `criticise`
 * tier under 通报批评.
 *
 * @example
 * {@includeCode ../examples/Bulletin.ts#input}
 *
 * @since 0.1.0
 * @category models
 */
export type TierRole = "commend" | "criticise"

/**
 * The role a tier plays by its Chinese title, the words plans use: a title
 * with 表扬, 表彰 or 先进 (通报表扬, 完成目标任务，通报表扬, 重点项目建设先进单位)
 * commends; one with 批评, 问责, 诫勉 or 约谈 (通报批评, 问责, 主要负责人诫勉谈话)
 * criticises; any other (可参评一等奖) is shown in the ranking's tier column
 * only. `Input.tierRoles` overrides it tier by tier.
 *
 * @example
 * {@includeCode ../examples/Bulletin.ts#make}
 *
 * @since 0.1.0
 * @category constructors
 */
export const tierRole = (tier: { readonly title: Text }): TierRole | undefined =>
  /表扬|表彰|先进/.test(tier.title.zh)
    ? "commend"
    : /批评|问责|诫勉|约谈/.test(tier.title.zh)
      ? "criticise"
      : undefined

/**
 * What a bulletin reads of an exit finding (`Finding.Finding` of
 * `@gongjian/exit-rules`).
 *
 * @example
 * {@includeCode ../examples/Bulletin.ts#input}
 *
 * @since 0.1.0
 * @category models
 */
export type FindingInput = Pick<
  Finding.Finding,
  | "id"
  | "project"
  | "unit"
  | "class"
  | "clause"
  | "severity"
  | "action"
  | "deadline"
  | "daysOverdue"
  | "message"
> &
  Partial<Pick<Finding.Finding, "rectification">>

/**
 * A correction filed since the previous bulletin (更正): which record and
 * field, when it was filed, the value before and after, why, and who filed
 * it; or a record withdrawn (撤回). `Correction.between` of
 * `@gongjian/ledger` lists them from the ledger.
 *
 * @example
 * {@includeCode ../examples/Bulletin.ts#input}
 *
 * @since 0.1.0
 * @category models
 */
export interface Correction {
  readonly record: string
  readonly field?: string | undefined
  readonly on: LocalDate.LocalDate
  readonly before?: string | undefined
  readonly after?: string | undefined
  readonly reason?: string | undefined
  /** Who filed it: the user and the unit, as the bulletin writes them. */
  readonly by?: string | undefined
  /** The record was withdrawn (撤回) rather than corrected. */
  readonly withdrawn?: boolean | undefined
}

/**
 * The inputs of {@link make}: the snapshot, the period, and what the engines
 * said as of the period's end (the assessment and the exit findings) and as
 * of the previous bulletin's.
 *
 * @example
 * {@includeCode ../examples/Bulletin.ts#input}
 *
 * @since 0.1.0
 * @category models
 */
export interface Input {
  readonly snapshot: Snapshot.Snapshot
  readonly period: Period.Period
  /** The date the bulletin speaks as of; default: the period's end, or the snapshot's as-of date when earlier. */
  readonly asOf?: LocalDate.LocalDate | undefined
  /** Default: the snapshot's calendar (`Snapshot.calendarOf`). */
  readonly calendar?: Calendar.Calendar | undefined
  readonly assessment?: AssessmentInput | undefined
  readonly findings?: ReadonlyArray<FindingInput> | undefined
  readonly previous?:
    | {
        readonly assessment?: AssessmentInput | undefined
        readonly findings?: ReadonlyArray<FindingInput> | undefined
        /** The date the previous bulletin spoke as of ({@link previous}). */
        readonly asOf?: LocalDate.LocalDate | undefined
        /** The id of its record, when it was recorded as issued ({@link record}). */
        readonly record?: string | undefined
      }
    | undefined
  readonly issued?: ReadonlyArray<Cadence.Issued> | undefined
  readonly corrections?: ReadonlyArray<Correction> | undefined
  /** Tier ids whose role differs from {@link tierRole}'s reading of their titles; `none`: neither. */
  readonly tierRoles?: { readonly [tier: string]: TierRole | "none" } | undefined
  /** The bulletin's number (第N期); default: {@link numberOf} — none when the campaign has no reporting cadence. */
  readonly number?: number | undefined
  readonly thresholds?: Progress.Thresholds | undefined
}

/**
 * A target's line: the area-wide figures when the target has them, and the
 * units behind 序时进度 (amber or red).
 *
 * @example
 * {@includeCode ../examples/Bulletin.ts#read}
 *
 * @since 0.1.0
 * @category models
 */
export interface TargetLine {
  readonly target: string
  readonly title: string
  readonly area: Row | undefined
  readonly units: ReadonlyArray<Row>
}

/**
 * One progress row: actual and goal as displayed; completion, 序时进度 and
 * the points behind written by `Percent` (one decimal, rounded half up from
 * the exact values); the points behind as a number (two places) for sorting;
 * the status.
 *
 * @example
 * {@includeCode ../examples/Bulletin.ts#read}
 *
 * @since 0.1.0
 * @category models
 */
export interface Row {
  readonly unit: string | undefined
  readonly name: string
  readonly actual: string
  readonly goal: string
  readonly completion: string
  readonly expected: string
  /** Points behind 序时进度 as written (`74.8`); negative when ahead. */
  readonly behind: string
  readonly behindPoints: number
  readonly status: Progress.Status
}

/**
 * A unit's place in the ranking and its move since the previous bulletin
 * (positive: up).
 *
 * @example
 * {@includeCode ../examples/Bulletin.ts#read}
 *
 * @since 0.1.0
 * @category models
 */
export interface RankLine {
  readonly unit: string
  readonly name: string
  readonly group: string
  readonly rank: number
  /** The exact total, as the assessment gives it; written by `Ratio.score` (at most two decimals). */
  readonly total: string
  readonly previousRank: number | undefined
  readonly move: number | undefined
  readonly tiers: ReadonlyArray<Text>
  readonly vetoed: boolean
}

/**
 * A unit commended or criticised, with its reasons.
 *
 * @example
 * {@includeCode ../examples/Bulletin.ts#read}
 *
 * @since 0.1.0
 * @category models
 */
export interface Mention {
  readonly unit: string
  readonly name: string
  readonly reasons: ReadonlyArray<Text>
}

/**
 * An exit finding new since the previous bulletin (`new`), grown more serious
 * (`worse`: `escalated` from a warning or a breach), or a breach or
 * escalation the previous bulletin already reported that is still open
 * (`open`, 仍未整改; since 0.4.0): a 通报 does not drop a project that is still
 * overdue because it was overdue before.
 *
 * @example
 * {@includeCode ../examples/Bulletin.ts#read}
 *
 * @since 0.1.0
 * @category models
 */
export interface ExitLine {
  readonly id: string
  readonly project: string
  readonly projectName: string
  readonly unit: string
  readonly unitName: string
  readonly severity: Finding.Severity
  readonly change: "new" | "worse" | "open"
  readonly class: Text
  readonly action: Text
  readonly clause: string
  readonly deadline: LocalDate.LocalDate
  /**
   * For an escalated finding (整改逾期), the rectification deadline its
   * `daysOverdue` counts from; the 期限 column shows it first and names the
   * original `deadline` beside it.
   *
   * @since 0.4.0
   */
  readonly rectificationDeadline?: LocalDate.LocalDate | undefined
  readonly daysOverdue: number | undefined
  readonly message: Text
}

/**
 * A bulletin as data: everything {@link html} and {@link markdown} write.
 *
 * @example
 * {@includeCode ../examples/Bulletin.ts#make}
 *
 * @since 0.1.0
 * @category models
 */
export interface Bulletin {
  readonly campaign: { readonly id: string; readonly title: string }
  /**
   * The number (第N期), `undefined` for a bulletin outside a numbered series:
   * a campaign without a reporting cadence (`cadence: []`) issues its
   * bulletins as they come, and they carry no number and no period.
   */
  readonly number: number | undefined
  readonly period: Period.Period
  /** The name of the whole area (全县, 全市, 全区, 全镇; `Unit.areaLabel`), for its area-wide figures (since 0.4.0). */
  readonly area: Text
  readonly asOf: LocalDate.LocalDate
  /** The previous bulletin the moves count from: its date, and its record when it was issued. */
  readonly previous:
    | { readonly asOf: LocalDate.LocalDate; readonly record: string | undefined }
    | undefined
  readonly heading: Text
  readonly summary: ReadonlyArray<Text>
  readonly targets: ReadonlyArray<TargetLine>
  readonly ranking: ReadonlyArray<RankLine>
  readonly groups: ReadonlyArray<{ readonly id: string; readonly title: Text }>
  readonly commended: ReadonlyArray<Mention>
  readonly criticised: ReadonlyArray<Mention>
  /** Units with a target red against 序时进度, each with those targets (进度滞后). */
  readonly lagging: ReadonlyArray<Mention>
  readonly exit: ReadonlyArray<ExitLine>
  readonly cadence: ReadonlyArray<Cadence.Occurrence>
  readonly corrections: ReadonlyArray<Correction>
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const COLON: { readonly [L in Lang]: string } = { zh: "：", en: ": " }
const GAP: { readonly [L in Lang]: string } = { zh: "　", en: " · " }
const pointsText = (total: string) => `${total} point${total === "1" ? "" : "s"}`
const SEVERITY_ORDER: { readonly [S in Finding.Severity]: number } = {
  warning: 0,
  breach: 1,
  escalated: 2
}

/**
 * Status names: `Progress.statusNames`, the one wording of every output.
 *
 * @example
 * {@includeCode ../examples/Bulletin.ts#make}
 *
 * @since 0.1.0
 * @category constants
 */
export const statusNames: { readonly [S in Progress.Status]: Text } = Progress.statusNames

/**
 * Severity names of exit findings (core's `FindingClass.severityNames`).
 *
 * @example
 * {@includeCode ../examples/Bulletin.ts#make}
 *
 * @since 0.1.0
 * @category constants
 */
export const severityNames: { readonly [S in Finding.Severity]: Text } = FindingClass.severityNames

/**
 * The 期限 cell of an exit line: the day its overdue count runs from. For an
 * escalated finding that is the rectification deadline (整改期限), with the
 * original deadline named beside it.
 */
const deadlineCell = (
  e: Pick<ExitLine, "deadline" | "rectificationDeadline">,
  lang: "zh" | "en"
): string =>
  e.rectificationDeadline === undefined
    ? e.deadline
    : lang === "zh"
      ? `${e.rectificationDeadline}（整改期限；原期限${e.deadline}）`
      : `${e.rectificationDeadline} (rectification deadline; originally ${e.deadline})`

/**
 * The previous period of the same cadence, or undefined when it would start
 * before the campaign window: the period of the previous bulletin.
 *
 * @example
 * {@includeCode ../examples/Bulletin.ts#make}
 *
 * @since 0.1.0
 * @category constructors
 */
export const previousPeriod = (
  campaign: Pick<Snapshot.Snapshot["campaign"], "window">,
  period: Period.Period
): Period.Period | undefined => {
  const p = Period.of(period.cadence, LocalDate.addDays(period.start, -1))
  return p.end < campaign.window.start ? undefined : p
}

/**
 * The number (第N期) of a campaign's bulletin for a period: the period's
 * place among the campaign's periods of its cadence, from the start of the
 * window (at least 1). `undefined` when the campaign has no reporting
 * cadence (`cadence: []`): its bulletins are not a numbered series.
 *
 * @example
 * {@includeCode ../examples/Bulletin.ts#make}
 *
 * @since 0.4.0
 * @category constructors
 */
export const numberOf = (
  campaign: Pick<Snapshot.Snapshot["campaign"], "window" | "cadence">,
  period: Period.Period
): number | undefined =>
  campaign.cadence.length === 0
    ? undefined
    : Math.max(
        1,
        Period.between(period.cadence, campaign.window.start, period.end).filter(
          (p) => p.end >= campaign.window.start
        ).length
      )

/**
 * The bulletin period that is current on a date for a campaign: the period
 * of its `bulletin` duty (of its first one; half-month when it has none)
 * containing the date, or the campaign's last one when the date is past the
 * window.
 *
 * @example
 * {@includeCode ../examples/Bulletin.ts#make}
 *
 * @since 0.1.0
 * @category constructors
 */
export const currentPeriod = (
  campaign: Pick<Snapshot.Snapshot["campaign"], "window" | "cadence">,
  date: LocalDate.LocalDate
): Period.Period => {
  const every = campaign.cadence.find((d) => d.kind === "bulletin")?.every ?? "half-month"
  return Period.of(every, LocalDate.min(date, campaign.window.end))
}

/**
 * The bulletins a snapshot records as issued: its activities of kind
 * `bulletin` ({@link record}), in date then id order.
 *
 * @example
 * {@includeCode ../examples/Bulletin.ts#issue}
 *
 * @since 0.1.0
 * @category issuing
 */
export const issued = (
  snapshot: Pick<Snapshot.Snapshot, "activities">
): ReadonlyArray<Activity.Activity> =>
  (snapshot.activities ?? [])
    .filter((a) => a.kind === "bulletin")
    .sort((a, b) => cmp(a.date, b.date) || cmp(a.id, b.id))

/**
 * The record of an issued bulletin (通报印发): an activity of kind
 * `bulletin` of the issuing unit, dated the day the bulletin speaks as of
 * (so the cadence counts it in its period), with its number (when it has
 * one) and period in the note. Kept in the snapshot's activities (or in the ledger), it shows
 * the bulletin duty held and makes this bulletin the previous one of the
 * next ({@link previous}).
 *
 * @example
 * {@includeCode ../examples/Bulletin.ts#issue}
 *
 * @since 0.1.0
 * @category issuing
 */
export const record = (
  bulletin: Pick<Bulletin, "number" | "period" | "asOf">,
  options: { readonly unit: string; readonly who?: string | undefined }
): Activity.Activity => ({
  id: `bulletin-${bulletin.period.label}`,
  kind: "bulletin",
  unit: options.unit,
  date: bulletin.asOf,
  ...(options.who === undefined ? {} : { who: options.who }),
  note:
    bulletin.number === undefined
      ? `（${bulletin.period.label}）`
      : `第${bulletin.number}期（${bulletin.period.label}）`
})

/**
 * The previous bulletin of one for a period: the last one recorded as
 * issued ({@link record}) dated before this one's date — never this one's
 * own record — or, when none is recorded, the bulletin of the previous
 * period of the cadence ({@link previousPeriod}), as of its end.
 * `undefined` for a first bulletin, and for a campaign without a reporting
 * cadence (`cadence: []`) when none is recorded: it has no periods, so no
 * previous period is made up. The moves (↑↓) and the new exit findings
 * count from its date, the corrections from its issue.
 *
 * @example
 * {@includeCode ../examples/Bulletin.ts#issue}
 *
 * @since 0.1.0
 * @category issuing
 */
export const previous = (
  snapshot: Pick<Snapshot.Snapshot, "activities" | "campaign" | "asOf">,
  period: Period.Period,
  asOf: LocalDate.LocalDate = LocalDate.min(period.end, snapshot.asOf)
):
  | { readonly asOf: LocalDate.LocalDate; readonly record: Activity.Activity | undefined }
  | undefined => {
  const own = `bulletin-${period.label}`
  const last = issued(snapshot)
    .filter((a) => a.date < asOf && a.id !== own)
    .at(-1)
  if (last !== undefined) return { asOf: last.date, record: last }
  if (snapshot.campaign.cadence.length === 0) return undefined
  const p = previousPeriod(snapshot.campaign, period)
  return p === undefined
    ? undefined
    : { asOf: LocalDate.min(p.end, snapshot.asOf), record: undefined }
}

/**
 * Builds a bulletin: a pure computation, the same whatever the order of the
 * snapshot's arrays and of the findings.
 *
 * - targets: every target's area-wide row (when it has one) and the units
 *   amber or red against 序时进度 as of the bulletin's date;
 * - ranking: the assessment's units in group and rank order, each with the
 *   rank it held in the previous assessment and the move (↑ positive);
 * - commended and criticised are the plan's verdicts, read from the
 *   assessment: criticised, the units in a tier of criticism
 *   ({@link tierRole}) and the vetoed units; commended, the units in a tier
 *   of commendation — or, when the assessment has none, the first three of
 *   each ranking group with nothing against them: no veto, no points
 *   deducted (a score line below zero), every target on 序时进度 (none amber
 *   or red) and no open breach or escalation (new, worse or still open since
 *   the previous bulletin). A unit criticised is never commended (its tier
 *   stays in the ranking's tier column). An exit breach or a red target is
 *   no verdict of a plan: each has its own list, and a mention points there.
 *   Both in ranking order, each with its reasons, which say only what the
 *   data shows;
 * - lagging: every unit with a target red against 序时进度, with the targets
 *   and the points behind — its own list, not a verdict on the unit;
 * - exit: findings absent from the previous bulletin, or more serious now,
 *   and the breaches and escalations it reported that are still open;
 * - cadence: the reporting duties due in the period (`Cadence.occurrences`);
 * - corrections: as given, in date then record order.
 *
 * @example
 * {@includeCode ../examples/Bulletin.ts#make}
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (input: Input): Bulletin => {
  const { snapshot, period } = input
  const campaign = snapshot.campaign
  const asOf = input.asOf ?? LocalDate.min(period.end, snapshot.asOf)
  const unitName = new Map(snapshot.units.map((u) => [u.id, u.name]))
  const projectName = new Map(snapshot.projects.map((p) => [p.id, p.name]))
  const nameOf = (id: string) => unitName.get(id) ?? id
  const number = input.number ?? numberOf(campaign, period)
  const area = Unit.areaLabel(snapshot.units)

  // Targets against 序时进度.
  const facts = Progress.facts(
    View.make(snapshot, input.calendar ? { asOf, calendar: input.calendar } : { asOf })
  )
  const progressOptions = input.thresholds ? { asOf, thresholds: input.thresholds } : { asOf }
  const targets: Array<TargetLine> = []
  const redOf = new Map<string, Array<Text>>()
  const unitRows = new Map<string, Array<Progress.Status>>()
  for (const t of [...campaign.targets].sort((a, b) => cmp(a.id, b.id))) {
    const rows = Progress.ofTarget(facts, t, progressOptions)
    const magnitude = Progress.magnitude(rows)
    const expected = Percent.elapsed(
      t.from ?? campaign.window.start,
      t.due ?? campaign.window.end,
      asOf
    )
    const toRow = (r: Progress.TargetProgress): Row => ({
      unit: r.unit,
      name: r.unit === undefined ? "" : nameOf(r.unit),
      ...Progress.shown(r, { precision: 2, magnitude }),
      completion: Percent.format(r.ratio),
      expected: Percent.format(expected),
      behind: Percent.points(Percent.behind(expected, r.ratio)),
      behindPoints: r.behindPoints,
      status: r.status
    })
    const area = rows.find((r) => r.unit === undefined)
    const units = rows.filter((r) => r.unit !== undefined)
    for (const r of units) {
      const u = r.unit as string
      unitRows.set(u, [...(unitRows.get(u) ?? []), r.status])
      if (r.status === "red") {
        const row = toRow(r)
        redOf.set(u, [
          ...(redOf.get(u) ?? []),
          {
            zh: `「${t.title}」完成 ${row.completion}，低于序时进度 ${row.behind} 个百分点`,
            en: `"${t.title}" at ${row.completion}, ${row.behind} points behind time elapsed`
          }
        ])
      }
    }
    targets.push({
      target: t.id,
      title: t.title,
      area: area === undefined ? undefined : toRow(area),
      units: units
        .filter((r) => r.status === "red" || r.status === "amber")
        .map(toRow)
        .sort((a, b) => b.behindPoints - a.behindPoints || cmp(a.unit ?? "", b.unit ?? ""))
    })
  }

  // Ranking and moves.
  const tierTitle = new Map((input.assessment?.tiers ?? []).map((t) => [t.id, t.title]))
  const before = new Map((input.previous?.assessment?.units ?? []).map((u) => [u.unit, u.rank]))
  const hasPrevious = input.previous?.assessment !== undefined
  const ranking: Array<RankLine> = (input.assessment?.units ?? []).map((u) => {
    const previousRank = before.get(u.unit)
    return {
      unit: u.unit,
      name: u.name,
      group: u.group,
      rank: u.rank,
      total: u.total,
      previousRank,
      move: hasPrevious && previousRank !== undefined ? previousRank - u.rank : undefined,
      tiers: u.tiers.map((t) => tierTitle.get(t) ?? { zh: t, en: t }),
      vetoed: u.vetoes.length > 0
    }
  })

  // Exit findings new or worse since the previous bulletin, and the breaches
  // it reported that are still open (a warning repeated is not listed again).
  const was = new Map((input.previous?.findings ?? []).map((f) => [f.id, f.severity]))
  const exit: Array<ExitLine> = []
  for (const f of input.findings ?? []) {
    const prior = was.get(f.id)
    const change =
      prior === undefined
        ? ("new" as const)
        : SEVERITY_ORDER[f.severity] > SEVERITY_ORDER[prior]
          ? ("worse" as const)
          : f.severity !== "warning"
            ? ("open" as const)
            : undefined
    if (change === undefined) continue
    exit.push({
      id: f.id,
      project: f.project,
      projectName: projectName.get(f.project) ?? f.project,
      unit: f.unit,
      unitName: nameOf(f.unit),
      severity: f.severity,
      change,
      class: Finding.classNames[f.class],
      action: Finding.actionNames[f.action],
      clause: f.clause,
      deadline: f.deadline,
      rectificationDeadline: f.severity === "escalated" ? f.rectification?.deadline : undefined,
      daysOverdue: f.daysOverdue,
      message: f.message
    })
  }
  exit.sort(
    (a, b) =>
      SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] ||
      cmp(a.project, b.project) ||
      cmp(a.id, b.id)
  )

  // Commended and criticised: the assessment's tiers when it has tiers of
  // commendation or criticism; red against 序时进度 is its own list.
  // In ranking order; units the ranking does not list after them, by id.
  const place = new Map(ranking.map((r, i) => [r.unit, i]))
  const byPlace = (a: string, b: string) =>
    (place.get(a) ?? ranking.length) - (place.get(b) ?? ranking.length) || cmp(a, b)
  const lagging: Array<Mention> = [...redOf.keys()].sort(byPlace).map((u) => ({
    unit: u,
    name: nameOf(u),
    reasons: redOf.get(u) ?? []
  }))
  const roleOf = new Map<string, TierRole>()
  for (const t of input.assessment?.tiers ?? []) {
    const given = input.tierRoles?.[t.id]
    const role = given === undefined ? tierRole(t) : given === "none" ? undefined : given
    if (role !== undefined) roleOf.set(t.id, role)
  }
  const tierTexts = new Map(
    (input.assessment?.tiers ?? []).map((t) => [
      t.id,
      {
        zh: `${t.title.zh}${t.clause ? `（${Clause.zh(t.clause)}）` : ""}`,
        en: `${t.title.en}${t.clause ? ` (${t.clause})` : ""}`
      }
    ])
  )
  // A tier with the condition that put the unit there, when the assessment says it.
  const byTier = (line: RankLine, role: TierRole): ReadonlyArray<Text> => {
    const u = input.assessment?.units.find((x) => x.unit === line.unit)
    return (u?.tiers ?? [])
      .filter((t) => roleOf.get(t) === role)
      .map((t) => {
        const text = tierTexts.get(t) ?? { zh: t, en: t }
        const why = u?.tierReasons?.[t]
        return why === undefined
          ? text
          : { zh: `${text.zh}，${why.zh}`, en: `${text.en}, ${why.en}` }
      })
  }
  const commendTiers = [...roleOf.values()].includes("commend")
  const breachesOf = (u: string) => exit.filter((x) => x.unit === u && x.severity !== "warning")
  // Facts with lists of their own (进度滞后, 退出机制): a mention points there, it is no reason.
  const notes = (u: string): Array<Text> => {
    const n = redOf.get(u)?.length ?? 0
    const b = breachesOf(u).length
    return [
      ...(n === 0
        ? []
        : [
            {
              zh: `另有 ${n} 项目标低于序时进度（红灯），见「${LABELS.zh.lagging}」`,
              en: `${n} target${n === 1 ? "" : "s"} behind time-elapsed pace (red): see "${LABELS.en.lagging}"`
            }
          ]),
      ...(b === 0
        ? []
        : [
            {
              zh: `另有 ${b} 起项目逾期或整改逾期，见「${LABELS.zh.exit}」`,
              en: `${b} project breach${b === 1 ? "" : "es"} or escalation${b === 1 ? "" : "s"}: see "${LABELS.en.exit}"`
            }
          ])
    ]
  }
  // Points deducted (扣分): a score line below zero; without the lines, a total below zero.
  const scoreOf = new Map((input.assessment?.units ?? []).map((u) => [u.unit, u]))
  const deducted = (u: string): boolean | undefined => {
    const s = scoreOf.get(u)
    if (s === undefined) return undefined
    // Exact decimal text: its sign is all that is read.
    return s.lines === undefined ? Number(s.total) < 0 : s.lines.some((l) => Number(l.points) < 0)
  }
  // A veto as people read it: its message (the target by its title), else its title.
  const vetoesOf = new Map(
    (input.assessment?.units ?? []).map((u) => [
      u.unit,
      u.vetoes.map((v): Text => v.message ?? v.title ?? { zh: v.veto, en: v.veto })
    ])
  )
  // Criticised: the plan's verdicts against a unit — a tier of criticism, a veto.
  const criticisedUnits = new Set<string>(
    ranking.filter((r) => r.vetoed || byTier(r, "criticise").length > 0).map((r) => r.unit)
  )
  const criticised: Array<Mention> = []
  for (const u of [...criticisedUnits].sort(byPlace)) {
    const line = ranking.find((r) => r.unit === u)
    const reasons: Array<Text> =
      line === undefined
        ? []
        : [
            ...byTier(line, "criticise"),
            {
              zh: `排名第${line.rank}，得分 ${Ratio.score(line.total)}`,
              en: `ranked ${line.rank} with ${pointsText(Ratio.score(line.total))}`
            }
          ]
    for (const v of vetoesOf.get(u) ?? [])
      reasons.push({ zh: `一票否决：${v.zh}`, en: `veto: ${v.en}` })
    reasons.push(...notes(u))
    criticised.push({ unit: u, name: nameOf(u), reasons })
  }
  // Commended: the plan's verdict for a unit (a tier of commendation), or, when the
  // assessment has none, the first three of a ranking group with nothing against them;
  // never a unit criticised.
  const commended: Array<Mention> = []
  for (const r of ranking) {
    if (criticisedUnits.has(r.unit)) continue
    const tiers = byTier(r, "commend")
    const statuses = unitRows.get(r.unit) ?? []
    const onPace = statuses.every((s) => s === "ahead" || s === "on-track")
    const eligible = commendTiers
      ? tiers.length > 0
      : r.rank <= 3 && onPace && deducted(r.unit) === false && breachesOf(r.unit).length === 0
    if (!eligible) continue
    const reasons: Array<Text> = [
      ...tiers,
      {
        zh: `排名第${r.rank}，得分 ${Ratio.score(r.total)}`,
        en: `ranked ${r.rank} with ${pointsText(Ratio.score(r.total))}`
      }
    ]
    if (r.move !== undefined && r.move > 0)
      reasons.push({ zh: `较上期上升${r.move}位`, en: `up ${r.move} since the last bulletin` })
    if (!commendTiers && scoreOf.get(r.unit)?.lines !== undefined)
      reasons.push({ zh: "无扣分", en: "no points deducted" })
    if (statuses.length > 0 && onPace)
      reasons.push({ zh: "各项目标均达到序时进度", en: "every target on time-elapsed pace" })
    reasons.push(...notes(r.unit))
    commended.push({ unit: r.unit, name: r.name, reasons })
  }

  const cadence = Cadence.occurrences(snapshot, {
    from: period.start,
    to: period.end,
    asOf,
    calendar: input.calendar ?? Snapshot.calendarOf(snapshot),
    ...(input.issued ? { issued: input.issued } : {})
  })
  const corrections = [...(input.corrections ?? [])].sort(
    (a, b) => cmp(a.on, b.on) || cmp(a.record, b.record) || cmp(a.field ?? "", b.field ?? "")
  )

  // The summary.
  const allRows = targets.flatMap((t) => (t.area ? [t.area] : t.units))
  const red = targets.filter((t) => (t.area ? t.area.status === "red" : false)).length
  const amber = targets.filter((t) => (t.area ? t.area.status === "amber" : false)).length
  const areaTargets = targets.filter((t) => t.area !== undefined).length
  const missed = cadence.filter((o) => o.status === "overdue")
  const count = (s: Finding.Severity) =>
    exit.filter((e) => e.severity === s && e.change !== "open").length
  const open = exit.filter((e) => e.change === "open").length
  const summary: Array<Text> = []
  // A unit red on two targets is two red rows and one unit: both are said.
  const perUnit = { red: unitRowsCount(targets, "red"), amber: unitRowsCount(targets, "amber") }
  if (campaign.targets.length > 0) {
    summary.push({
      zh: `截至 ${asOf}，${area.zh} ${areaTargets} 项目标中红灯 ${red} 项、黄灯 ${amber} 项；分解到单位的目标中红灯 ${inUnits(perUnit.red, "zh")}、黄灯 ${inUnits(perUnit.amber, "zh")}。`,
      en: `As of ${asOf}, of ${areaTargets} targets for the ${area.en} ${red} are red and ${amber} amber; of the targets allocated to units, ${inUnits(perUnit.red, "en")} are red and ${inUnits(perUnit.amber, "en")} amber.`
    })
  } else if (allRows.length === 0) {
    summary.push({ zh: `截至 ${asOf}。`, en: `As of ${asOf}.` })
  }
  if (ranking.length > 0) {
    const first = ranking.filter((r) => r.rank === 1).map((r) => r.name)
    summary.push({
      zh: `${ranking.length} 个单位参加排名，${first.join("、")}位列第一。`,
      en: `${ranking.length} units ranked; first: ${first.join(", ")}.`
    })
  }
  summary.push({
    zh: `退出机制新增预警 ${count("warning")} 起、逾期 ${count("breach")} 起、整改逾期 ${count("escalated")} 起${open > 0 ? `；上期已通报仍未整改 ${open} 起` : ""}。`,
    en: `Exit rules: ${count("warning")} new warnings, ${count("breach")} breaches, ${count("escalated")} escalations${open > 0 ? `; ${open} reported before and still open` : ""}.`
  })
  if (cadence.length > 0) {
    summary.push({
      zh: `本期应开展调度、例会等 ${cadence.length} 次，已开展 ${cadence.filter((o) => o.status === "held").length} 次，未按期开展 ${missed.length} 次。`,
      en: `${cadence.length} reporting duties fell due in the period: ${cadence.filter((o) => o.status === "held").length} held, ${missed.length} missed.`
    })
  }

  const title = campaign.title
  return {
    campaign: { id: campaign.id, title },
    number,
    period,
    area,
    asOf,
    previous:
      input.previous?.asOf === undefined
        ? undefined
        : { asOf: input.previous.asOf, record: input.previous.record },
    heading:
      number === undefined
        ? { zh: `${title}工作通报`, en: `${title}: bulletin` }
        : { zh: `${title}工作通报（第${number}期）`, en: `${title}: bulletin no. ${number}` },
    summary,
    targets,
    ranking,
    groups: (input.assessment?.groups ?? []).map((g) => ({ id: g.id, title: g.title })),
    commended,
    criticised,
    lagging,
    exit,
    cadence,
    corrections
  }
}

/** "29 项（涉及 4 个单位）": rows of a status and their units; "0 项" when none. */
const inUnits = (n: { readonly rows: number; readonly units: number }, lang: Lang): string =>
  lang === "zh"
    ? `${n.rows} 项${n.rows === 0 ? "" : `（涉及 ${n.units} 个单位）`}`
    : `${n.rows}${n.rows === 0 ? "" : ` (in ${n.units} unit${n.units === 1 ? "" : "s"})`}`

/** The unit rows of a status, and the units they belong to. */
const unitRowsCount = (targets: ReadonlyArray<TargetLine>, status: Progress.Status) => {
  const rows = targets.flatMap((t) => t.units.filter((u) => u.status === status))
  return { rows: rows.length, units: new Set(rows.map((r) => r.unit ?? r.name)).size }
}

const LABELS = {
  zh: {
    period: "通报期",
    asOf: "数据截至",
    summary: "总体情况",
    targets: "目标任务完成情况（对照序时进度）",
    target: "目标",
    actual: "完成",
    goal: "目标值",
    completion: "完成率",
    expected: "序时进度",
    status: "状态",
    behind: "落后单位",
    none: "无",
    ranking: "综合排名",
    rank: "名次",
    unit: "单位",
    total: "得分",
    move: "较上期",
    tiers: "档次",
    commended: "通报表扬",
    criticised: "通报批评",
    lagging: "进度滞后单位（低于序时进度，红灯）",
    exit: "退出机制预警与逾期（新增、升级及仍未整改）",
    project: "项目",
    severity: "程度",
    klass: "类别",
    action: "处置",
    deadline: "期限",
    cadence: "调度通报制度落实情况",
    duty: "事项",
    span: "期间",
    held: "开展情况",
    corrections: "上期以来数据更正",
    record: "记录",
    field: "字段",
    filed: "更正日期",
    change: "更正内容",
    reason: "原因",
    by: "填报人",
    withdrawn: "撤回",
    previous: "上期通报",
    newLabel: "新增",
    worse: "升级",
    open: "上期已通报，仍未整改",
    first: "首期"
  },
  en: {
    period: "Period",
    asOf: "Data as of",
    summary: "Summary",
    targets: "Targets against time-elapsed progress (序时进度)",
    target: "Target",
    actual: "Actual",
    goal: "Goal",
    completion: "Completion",
    expected: "Expected",
    status: "Status",
    behind: "Units behind",
    none: "none",
    ranking: "Ranking",
    rank: "Rank",
    unit: "Unit",
    total: "Points",
    move: "Move",
    tiers: "Tiers",
    commended: "Commended",
    criticised: "Criticised",
    lagging: "Behind time-elapsed pace (red)",
    exit: "Exit warnings and breaches: new, worse and still open",
    project: "Project",
    severity: "Severity",
    klass: "Class",
    action: "Action",
    deadline: "Deadline",
    cadence: "Reporting duties",
    duty: "Duty",
    span: "Period",
    held: "Held",
    corrections: "Corrections since the last bulletin",
    record: "Record",
    field: "Field",
    filed: "Filed",
    change: "Change",
    reason: "Reason",
    by: "Filed by",
    withdrawn: "withdrawn",
    previous: "Previous bulletin",
    newLabel: "new",
    worse: "worse",
    open: "reported before, still open",
    first: "first"
  }
} as const

const CADENCE_STATUS: { readonly [S in Cadence.Status]: Text } = {
  held: { zh: "已开展", en: "held" },
  overdue: { zh: "未按期开展", en: "missed" },
  pending: { zh: "未到期", en: "not yet due" },
  unrecorded: { zh: "无记录", en: "no records" }
}

/**
 * A rank move as shown: `↑2`, `↓1`, `—` (unchanged), empty when there is no
 * previous rank (a first bulletin, or a unit not ranked before).
 *
 * @example
 * {@includeCode ../examples/Bulletin.ts#make}
 *
 * @since 0.1.0
 * @category formatting
 */
export const showMove = (line: Pick<RankLine, "move">): string =>
  line.move === undefined
    ? ""
    : line.move > 0
      ? `↑${line.move}`
      : line.move < 0
        ? `↓${-line.move}`
        : "—"

const correctionText = (c: Correction, lang: Lang) =>
  c.withdrawn === true
    ? LABELS[lang].withdrawn
    : c.before !== undefined || c.after !== undefined
      ? `${c.before ?? "—"} → ${c.after ?? "—"}`
      : lang === "zh"
        ? "（见记录）"
        : "(see the record)"

const CSS = `@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 10.5pt; line-height: 1.55; color: #1b1b1b; margin: 0 auto; max-width: 182mm; }
header { text-align: center; border-bottom: 2px solid #c00; padding-bottom: 6pt; margin-bottom: 10pt; }
h1 { font-family: "Noto Serif CJK SC", "Noto Serif SC", "Source Han Serif SC", serif; color: #c00; font-size: 20pt; margin: 0 0 4pt; letter-spacing: 1pt; }
.meta { color: #444; font-size: 9.5pt; }
h2 { font-size: 12.5pt; margin: 12pt 0 4pt; border-left: 4pt solid #c00; padding-left: 6pt; break-after: avoid; }
p { margin: 3pt 0; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 6pt; font-size: 9.5pt; }
th, td { border: 0.6pt solid #999; padding: 2pt 4pt; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #f0f0f0; font-weight: bold; white-space: nowrap; }
tr { break-inside: avoid; }
td.num { text-align: right; white-space: nowrap; }
td.key { white-space: nowrap; }
td[class^="status-"], td[class^="cadence-"] { white-space: nowrap; }
td > span[class^="status-"] { white-space: nowrap; padding: 0 2pt; }
.status-red { background: #d93025; color: #fff; font-weight: bold; }
.status-amber { background: #f6b400; color: #1b1b1b; font-weight: bold; }
.status-on-track { background: #e6f4ea; }
.status-ahead { background: #1e8e3e; color: #fff; }
.up { color: #1e8e3e; font-weight: bold; }
.down { color: #d93025; font-weight: bold; }
.cadence-overdue { background: #d93025; color: #fff; font-weight: bold; }
.cadence-held { background: #e6f4ea; }
ul { margin: 2pt 0 4pt; padding-left: 16pt; }
.none { color: #666; }
@media screen { body { padding: 12mm 0; } }`

/**
 * The bulletin as a standalone HTML document, in Chinese (default) or
 * English, with print CSS for A4: every name escaped, red and amber cells
 * coloured (`status-red`, `status-amber`), ready for `Pdf.fromHtml`.
 *
 * @example
 * {@includeCode ../examples/Bulletin.ts#html}
 *
 * @since 0.1.0
 * @category formatting
 */
export const html = (b: Bulletin, lang: Lang = "zh"): string => {
  const L = LABELS[lang]
  const out: Array<string> = []
  const table = (head: ReadonlyArray<string>, rows: ReadonlyArray<string>) =>
    `<table><thead><tr>${head.map((x) => `<th>${h(x)}</th>`).join("")}</tr></thead><tbody>${rows.join("")}</tbody></table>`
  const statusCell = (s: Progress.Status) =>
    `<td class="status-${s}">${h(statusNames[s][lang])}</td>`
  out.push(
    `<!DOCTYPE html>\n<html lang="${lang === "zh" ? "zh-CN" : "en"}"><head><meta charset="utf-8"><title>${h(b.heading[lang])}</title><style>${CSS}</style></head><body>`
  )
  out.push(
    `<header><h1>${h(b.heading[lang])}</h1><div class="meta">${b.number === undefined ? "" : `${h(L.period)}${COLON[lang]}${h(Cadence.periodName(b.period, lang))}${GAP[lang]}`}${h(L.asOf)}${COLON[lang]}${h(b.asOf)}${b.previous ? `${GAP[lang]}${h(L.previous)}${COLON[lang]}${h(b.previous.asOf)}` : ""}</div></header>`
  )
  out.push(`<section id="summary"><h2>${h(L.summary)}</h2>`)
  for (const s of b.summary) out.push(`<p>${h(s[lang])}</p>`)
  out.push("</section>")
  if (b.targets.length > 0) {
    out.push(`<section id="targets"><h2>${h(L.targets)}</h2>`)
    out.push(
      table(
        [L.target, L.actual, L.goal, L.completion, L.expected, L.status, L.behind],
        b.targets.map((t) => {
          const behind =
            t.units.length === 0
              ? `<span class="none">${h(L.none)}</span>`
              : t.units
                  .map(
                    (u) => `<span class="status-${u.status}">${h(u.name)} ${h(u.completion)}</span>`
                  )
                  .join(lang === "zh" ? "、" : ", ")
          return t.area
            ? `<tr><td>${h(t.title)}</td><td class="num">${h(t.area.actual)}</td><td class="num">${h(t.area.goal)}</td><td class="num">${h(t.area.completion)}</td><td class="num">${h(t.area.expected)}</td>${statusCell(t.area.status)}<td>${behind}</td></tr>`
            : `<tr><td>${h(t.title)}</td><td class="num">—</td><td class="num">—</td><td class="num">—</td><td class="num">—</td><td>—</td><td>${behind}</td></tr>`
        })
      )
    )
    out.push("</section>")
  }
  if (b.ranking.length > 0) {
    out.push(`<section id="ranking"><h2>${h(L.ranking)}</h2>`)
    const groups = b.groups.length > 1 ? b.groups : [undefined]
    for (const g of groups) {
      if (g !== undefined) out.push(`<p><strong>${h(g.title[lang])}</strong></p>`)
      out.push(
        table(
          [L.rank, L.unit, L.total, L.move, L.tiers],
          b.ranking
            .filter((r) => g === undefined || r.group === g.id)
            .map((r) => {
              const m = showMove(r)
              const cls = m.startsWith("↑") ? "up" : m.startsWith("↓") ? "down" : ""
              return `<tr><td class="num">${r.rank}</td><td>${h(r.name)}</td><td class="num">${h(Ratio.score(r.total))}</td><td class="num ${cls}">${h(m)}</td><td>${h(r.tiers.map((t) => t[lang]).join(lang === "zh" ? "、" : ", "))}</td></tr>`
            })
        )
      )
    }
    out.push("</section>")
  }
  const mentions = (id: string, title: string, list: ReadonlyArray<Mention>) => {
    out.push(`<section id="${id}"><h2>${h(title)}</h2>`)
    if (list.length === 0) out.push(`<p class="none">${h(L.none)}</p>`)
    else {
      out.push("<ul>")
      for (const m of list)
        out.push(
          `<li><strong>${h(m.name)}</strong>${COLON[lang]}${h(m.reasons.map((r) => r[lang]).join(lang === "zh" ? "；" : "; "))}</li>`
        )
      out.push("</ul>")
    }
    out.push("</section>")
  }
  mentions("commended", L.commended, b.commended)
  mentions("criticised", L.criticised, b.criticised)
  mentions("lagging", L.lagging, b.lagging)
  out.push(`<section id="exit"><h2>${h(L.exit)}</h2>`)
  if (b.exit.length === 0) out.push(`<p class="none">${h(L.none)}</p>`)
  else
    out.push(
      table(
        [L.project, L.unit, L.klass, L.severity, L.action, L.deadline],
        b.exit.map(
          (e) =>
            `<tr><td>${h(e.projectName)}</td><td>${h(e.unitName)}</td><td>${h(e.class[lang])}</td><td class="${e.severity === "warning" ? "status-amber" : "status-red"}">${h(severityNames[e.severity][lang])}${e.change === "new" ? "" : `（${h(L[e.change])}）`}</td><td>${h(e.action[lang])}</td><td class="num">${h(deadlineCell(e, lang))}</td></tr>`
        )
      )
    )
  out.push("</section>")
  if (b.cadence.length > 0) {
    out.push(`<section id="cadence"><h2>${h(L.cadence)}</h2>`)
    out.push(
      table(
        [L.duty, L.span, L.deadline, L.held],
        b.cadence.map(
          (o) =>
            `<tr><td>${h(o.name)}（${h(lang === "zh" ? Clause.zh(o.clause) : o.clause)}）</td><td>${h(o.period.start)}—${h(o.period.end)}</td><td class="num">${h(o.deadline)}</td><td class="cadence-${o.status}">${h(CADENCE_STATUS[o.status][lang])}${o.held.length > 0 ? `：${h(o.held.join(lang === "zh" ? "、" : ", "))}` : ""}</td></tr>`
        )
      )
    )
    out.push("</section>")
  }
  out.push(`<section id="corrections"><h2>${h(L.corrections)}</h2>`)
  if (b.corrections.length === 0) out.push(`<p class="none">${h(L.none)}</p>`)
  else
    out.push(
      table(
        [L.record, L.field, L.change, L.reason, L.by, L.filed],
        b.corrections.map(
          (c) =>
            `<tr><td class="key">${h(c.record)}</td><td class="key">${h(c.field ?? "")}</td><td>${h(correctionText(c, lang))}</td><td>${h(c.reason ?? "")}</td><td class="key">${h(c.by ?? "")}</td><td class="num">${h(c.on)}</td></tr>`
        )
      )
    )
  out.push("</section>")
  out.push("</body></html>\n")
  return out.join("\n")
}

/**
 * The bulletin as Markdown (GFM tables), in Chinese (default) or English:
 * every name escaped, red and amber marked 🔴 and 🟡.
 *
 * @example
 * {@includeCode ../examples/Bulletin.ts#html}
 *
 * @since 0.1.0
 * @category formatting
 */
export const markdown = (b: Bulletin, lang: Lang = "zh"): string => {
  const L = LABELS[lang]
  const lines: Array<string> = []
  const table = (head: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>) => {
    lines.push(`| ${head.map(mc).join(" | ")} |`)
    lines.push(`|${head.map(() => "---").join("|")}|`)
    for (const r of rows) lines.push(`| ${r.join(" | ")} |`)
    lines.push("")
  }
  const mark = (s: Progress.Status) =>
    `${s === "red" ? "🔴 " : s === "amber" ? "🟡 " : ""}${statusNames[s][lang]}`
  lines.push(`# ${mt(b.heading[lang])}`, "")
  lines.push(
    `${b.number === undefined ? "" : `${L.period}${COLON[lang]}${mt(Cadence.periodName(b.period, lang))}${GAP[lang]}`}${L.asOf}${COLON[lang]}${b.asOf}${b.previous ? `${GAP[lang]}${L.previous}${COLON[lang]}${b.previous.asOf}` : ""}`,
    ""
  )
  lines.push(`## ${L.summary}`, "")
  for (const s of b.summary) lines.push(mt(s[lang]), "")
  if (b.targets.length > 0) {
    lines.push(`## ${mt(L.targets)}`, "")
    table(
      [L.target, L.actual, L.goal, L.completion, L.expected, L.status, L.behind],
      b.targets.map((t) => {
        const behind =
          t.units.length === 0
            ? L.none
            : t.units
                .map((u) => `${mark(u.status)} ${mc(u.name)} ${mc(u.completion)}`)
                .join(lang === "zh" ? "、" : ", ")
        return t.area
          ? [
              mc(t.title),
              mc(t.area.actual),
              mc(t.area.goal),
              mc(t.area.completion),
              t.area.expected,
              mark(t.area.status),
              behind
            ]
          : [mc(t.title), "—", "—", "—", "—", "—", behind]
      })
    )
  }
  if (b.ranking.length > 0) {
    lines.push(`## ${L.ranking}`, "")
    const groups = b.groups.length > 1 ? b.groups : [undefined]
    for (const g of groups) {
      if (g !== undefined) lines.push(`**${mt(g.title[lang])}**`, "")
      table(
        [L.rank, L.unit, L.total, L.move, L.tiers],
        b.ranking
          .filter((r) => g === undefined || r.group === g.id)
          .map((r) => [
            String(r.rank),
            mc(r.name),
            mc(Ratio.score(r.total)),
            showMove(r),
            mc(r.tiers.map((t) => t[lang]).join(lang === "zh" ? "、" : ", "))
          ])
      )
    }
  }
  const mentions = (title: string, list: ReadonlyArray<Mention>) => {
    lines.push(`## ${title}`, "")
    if (list.length === 0) lines.push(L.none)
    for (const m of list)
      lines.push(
        `- **${mt(m.name)}**${COLON[lang]}${mt(m.reasons.map((r) => r[lang]).join(lang === "zh" ? "；" : "; "))}`
      )
    lines.push("")
  }
  mentions(L.commended, b.commended)
  mentions(L.criticised, b.criticised)
  mentions(L.lagging, b.lagging)
  lines.push(`## ${L.exit}`, "")
  if (b.exit.length === 0) lines.push(L.none, "")
  else
    table(
      [L.project, L.unit, L.klass, L.severity, L.action, L.deadline],
      b.exit.map((e) => [
        mc(e.projectName),
        mc(e.unitName),
        mc(e.class[lang]),
        `${e.severity === "warning" ? "🟡" : "🔴"} ${severityNames[e.severity][lang]}${e.change === "new" ? "" : `（${L[e.change]}）`}`,
        mc(e.action[lang]),
        deadlineCell(e, lang)
      ])
    )
  if (b.cadence.length > 0) {
    lines.push(`## ${L.cadence}`, "")
    table(
      [L.duty, L.span, L.deadline, L.held],
      b.cadence.map((o) => [
        `${mc(o.name)}（${mc(lang === "zh" ? Clause.zh(o.clause) : o.clause)}）`,
        `${o.period.start}—${o.period.end}`,
        o.deadline,
        `${o.status === "overdue" ? "🔴 " : ""}${CADENCE_STATUS[o.status][lang]}${o.held.length > 0 ? `：${mc(o.held.join(lang === "zh" ? "、" : ", "))}` : ""}`
      ])
    )
  }
  lines.push(`## ${L.corrections}`, "")
  if (b.corrections.length === 0) lines.push(L.none, "")
  else
    table(
      [L.record, L.field, L.change, L.reason, L.by, L.filed],
      b.corrections.map((c) => [
        mc(c.record),
        mc(c.field ?? ""),
        mc(correctionText(c, lang)),
        mc(c.reason ?? ""),
        mc(c.by ?? ""),
        c.on
      ])
    )
  return `${lines.join("\n").trimEnd()}\n`
}
