/**
 * The reporting cadence (调度通报制度) of a campaign, made concrete: which
 * dispatches (调度), meetings (例会), inspections (督查、抽查), bulletins
 * (通报) and summaries fall due in a period, which were held — from the
 * snapshot's activities, or from records of what was issued — and which are
 * overdue, each with the clause that asks for it ("一周一调度、半月一通报",
 * 002 四.3).
 *
 * @since 0.1.0
 */
import {
  type Activity,
  Calendar,
  type Campaign,
  Clause,
  LocalDate,
  Period,
  type Project,
  type Snapshot
} from "@gongjian/core"

/**
 * What a reporting duty asks for: `dispatch` (调度), `bulletin` (通报),
 * `summary` (汇总), `inspection` (检查), `meeting` (例会), `spot-check`
 * (抽查), `assessment` (考核) — the kinds of `Campaign.Reporting`.
 *
 * @example
 * {@includeCode ../examples/Cadence.ts#occurrences}
 *
 * @since 0.1.0
 * @category models
 */
export type DutyKind = (typeof Campaign.Reporting.Type)["kind"]

/**
 * The activity kinds that show a duty was held: a `dispatch` activity holds a
 * dispatch, a `meeting` a meeting, an `inspection` an inspection or a spot
 * check, a `bulletin` activity (a bulletin issued, `Bulletin.record`) a
 * bulletin. Summaries and assessments are not activities: they are shown
 * held by {@link Issued} records.
 *
 * @example
 * {@includeCode ../examples/Cadence.ts#occurrences}
 *
 * @since 0.1.0
 * @category constants
 */
export const activityKinds: { readonly [K in DutyKind]: ReadonlyArray<Activity.ActivityKind> } = {
  dispatch: ["dispatch"],
  meeting: ["meeting"],
  inspection: ["inspection"],
  "spot-check": ["inspection"],
  bulletin: ["bulletin"],
  summary: [],
  assessment: []
}

/**
 * Chinese and English names of the duty kinds.
 *
 * @example
 * {@includeCode ../examples/Cadence.ts#occurrences}
 *
 * @since 0.1.0
 * @category constants
 */
export const kindNames: {
  readonly [K in DutyKind]: { readonly zh: string; readonly en: string }
} = {
  dispatch: { zh: "调度", en: "dispatch" },
  bulletin: { zh: "通报", en: "bulletin" },
  summary: { zh: "汇总", en: "summary" },
  inspection: { zh: "检查", en: "inspection" },
  meeting: { zh: "例会", en: "meeting" },
  "spot-check": { zh: "抽查", en: "spot check" },
  assessment: { zh: "考核", en: "assessment" }
}

/**
 * A record that a duty was carried out when it is not an activity: a
 * bulletin issued, a summary sent, an assessment published.
 *
 * @example
 * {@includeCode ../examples/Cadence.ts#occurrences}
 *
 * @since 0.1.0
 * @category models
 */
export interface Issued {
  readonly id: string
  readonly kind: DutyKind
  readonly date: LocalDate.LocalDate
}

/**
 * Where an occurrence stands as of the as-of date: `held` (a record dated in
 * its period), `overdue` (none, and its last working day has passed),
 * `pending` (none yet, its last working day not passed), `unrecorded` (a
 * bulletin, summary or assessment when the snapshot keeps no record of that
 * kind at all — no activity of its kind, no {@link Issued} record: nothing
 * says whether it was done, so it is not called overdue).
 *
 * @example
 * {@includeCode ../examples/Cadence.ts#occurrences}
 *
 * @since 0.1.0
 * @category models
 */
export type Status = "held" | "overdue" | "pending" | "unrecorded"

/**
 * One time a duty falls due: the duty (its index in `campaign.cadence`, kind,
 * name, cadence and clause), the period (cut to the campaign window), the
 * deadline (the period's last working day), where it stands, the records
 * that show it held, and a message in Chinese and English.
 *
 * @example
 * {@includeCode ../examples/Cadence.ts#occurrences}
 *
 * @since 0.1.0
 * @category models
 */
export interface Occurrence {
  /** `cadence[i]/label`, unique in a list. */
  readonly id: string
  readonly duty: number
  readonly kind: DutyKind
  readonly name: string
  readonly every: Period.Cadence
  /** The clause that asks for the duty, or `cadence[i]` when the campaign names none. */
  readonly clause: string
  readonly period: Period.Period
  readonly deadline: LocalDate.LocalDate
  readonly status: Status
  /** Ids of the activities or issued records dated in the period, in id order. */
  readonly held: ReadonlyArray<string>
  /** The deadline falls in a year computed without a State Council notice. */
  readonly provisional: boolean
  readonly message: { readonly zh: string; readonly en: string }
}

/**
 * What {@link occurrences} reads: the campaign's cadence and window, the
 * activities, the projects (for duties that apply to `major` or `key`
 * projects), the calendar and the as-of date.
 *
 * @example
 * {@includeCode ../examples/Cadence.ts#occurrences}
 *
 * @since 0.1.0
 * @category models
 */
export type Input = Pick<Snapshot.Snapshot, "campaign" | "projects" | "asOf"> & {
  readonly activities?: ReadonlyArray<Activity.Activity> | undefined
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Duties a county often records nowhere: without any record of them, not judged. */
const RECORDED_APART: ReadonlySet<DutyKind> = new Set(["bulletin", "summary", "assessment"])

/** Whether an activity counts for a duty that applies to some projects only. */
const appliesTo = (
  duty: typeof Campaign.Reporting.Type,
  activity: Activity.Activity,
  flags: ReadonlyMap<string, ReadonlyArray<string>>
): boolean => {
  if (duty.appliesTo !== "major" && duty.appliesTo !== "key") return true
  if (activity.projects === undefined || activity.projects.length === 0) return true
  const flag = duty.appliesTo
  return activity.projects.some((p) => flags.get(p)?.includes(flag) ?? false)
}

/**
 * Every time a duty of the campaign's cadence falls due — its deadline, the
 * last working day of its period — between `from` and `to` (default: the
 * campaign window), in deadline order, then duty order. A period is cut to
 * the campaign window; one with no working day left (a week inside the
 * National Day holiday) is not due.
 *
 * A duty is held in a period when an activity of a matching kind
 * ({@link activityKinds}) or an {@link Issued} record of its kind is dated in
 * the period, on or before the as-of date. An activity that lists projects
 * holds a duty for `major` or `key` projects only when one of them carries
 * that flag; one that lists none holds any duty of its kind.
 *
 * Throws `Calendar.CalendarCoverageError` for a strict calendar that does not
 * cover the dates, as `Calendar.isWorkingDay` does.
 *
 * @example
 * {@includeCode ../examples/Cadence.ts#occurrences}
 *
 * @since 0.1.0
 * @category constructors
 */
export const occurrences = (
  input: Input,
  options?: {
    readonly from?: LocalDate.LocalDate
    readonly to?: LocalDate.LocalDate
    readonly asOf?: LocalDate.LocalDate
    readonly calendar?: Calendar.Calendar
    readonly issued?: ReadonlyArray<Issued>
  }
): ReadonlyArray<Occurrence> => {
  const asOf = options?.asOf ?? input.asOf
  const calendar = options?.calendar ?? Calendar.stateCouncil()
  const window = input.campaign.window
  const from = LocalDate.max(window.start, options?.from ?? window.start)
  const to = LocalDate.min(window.end, options?.to ?? window.end)
  const flags = new Map<string, ReadonlyArray<string>>(
    input.projects.map((p: Project.Project) => [p.id, p.flags ?? []])
  )
  const activities = (input.activities ?? []).filter((a) => a.date <= asOf)
  // A kind with records given is tracked, even when its records are all later than as-of.
  const issuedKinds = new Set((options?.issued ?? []).map((r) => r.kind))
  const recordedKinds = new Set((input.activities ?? []).map((a) => a.kind))
  const issued = (options?.issued ?? []).filter((r) => r.date <= asOf)
  const out: Array<Occurrence> = []
  input.campaign.cadence.forEach((duty, index) => {
    const kinds: ReadonlyArray<Activity.ActivityKind> = activityKinds[duty.kind] ?? []
    const clause = duty.clause ?? `cadence[${index}]`
    for (const whole of Period.between(duty.every, window.start, window.end)) {
      const start = LocalDate.max(whole.start, window.start)
      const end = LocalDate.min(whole.end, window.end)
      let deadline: LocalDate.LocalDate | undefined
      for (let d = end; d >= start; d = LocalDate.addDays(d, -1)) {
        if (Calendar.isWorkingDay(calendar, d)) {
          deadline = d
          break
        }
      }
      if (deadline === undefined || deadline < from || deadline > to) continue
      const inPeriod = (d: LocalDate.LocalDate) => d >= start && d <= end
      const held = [
        ...activities
          .filter((a) => kinds.includes(a.kind) && inPeriod(a.date) && appliesTo(duty, a, flags))
          .map((a) => a.id),
        ...issued.filter((r) => r.kind === duty.kind && inPeriod(r.date)).map((r) => r.id)
      ].sort(cmp)
      const status: Status =
        held.length > 0
          ? "held"
          : RECORDED_APART.has(duty.kind) &&
              !issuedKinds.has(duty.kind) &&
              !kinds.some((k) => recordedKinds.has(k))
            ? "unrecorded"
            : asOf > deadline
              ? "overdue"
              : "pending"
      const period: Period.Period = { ...whole, start, end }
      const names = kindNames[duty.kind] ?? { zh: duty.kind, en: duty.kind }
      const range = start === end ? start : `${start}—${end}`
      const en = range.replace("—", " to ")
      const clauseZh = Clause.zh(clause)
      const message = {
        held: {
          zh: `${duty.name}（${range}）已开展：${held.join("、")}（${clauseZh}）`,
          en: `${duty.name} (${en}) held: ${held.join(", ")} (${clause})`
        },
        overdue: {
          zh: `${duty.name}（${range}）未开展，应于 ${deadline} 前完成（${clauseZh}）`,
          en: `${duty.name} (${en}) not held; it was due by ${deadline} (${clause})`
        },
        pending: {
          zh: `${duty.name}（${range}）尚未开展，期限 ${deadline}（${clauseZh}）`,
          en: `${duty.name} (${en}) not held yet; due by ${deadline} (${clause})`
        },
        unrecorded: {
          zh: `${duty.name}（${range}）无${names.zh}记录，未判定（${clauseZh}）`,
          en: `${duty.name} (${en}): no ${names.en} records given, not judged (${clause})`
        }
      }[status]
      out.push({
        id: `cadence[${index}]/${whole.label}`,
        duty: index,
        kind: duty.kind,
        name: duty.name,
        every: duty.every,
        clause,
        period,
        deadline,
        status,
        held,
        provisional: Calendar.isProvisional(calendar, deadline),
        message
      })
    }
  })
  return out.sort((a, b) => cmp(a.deadline, b.deadline) || a.duty - b.duty)
}

/**
 * The overdue occurrences: the cadence findings a bulletin or a policy
 * reports.
 *
 * @example
 * {@includeCode ../examples/Cadence.ts#occurrences}
 *
 * @since 0.1.0
 * @category queries
 */
export const overdue = (list: ReadonlyArray<Occurrence>): ReadonlyArray<Occurrence> =>
  list.filter((o) => o.status === "overdue")

/**
 * Reads a period label as `Period` writes them — `2026-W38`, `2026-09-H2`,
 * `2026-09`, `2026-Q3`, `2026-H2`, `2026` — or undefined when it is none.
 *
 * @example
 * {@includeCode ../examples/Cadence.ts#parse}
 *
 * @since 0.1.0
 * @category constructors
 */
export const parsePeriod = (label: string): Period.Period | undefined => {
  const pad = (n: number) => String(n).padStart(2, "0")
  let m = /^(\d{4})-W(\d{2})$/.exec(label)
  if (m) {
    const year = Number(m[1])
    const week = Number(m[2])
    // The Monday of ISO week 1 is the Monday on or before 4 January.
    const jan4 = LocalDate.toDays(`${year}-01-04`)
    const monday = jan4 - (LocalDate.weekdayOfDays(jan4) - 1) + (week - 1) * 7
    const p = Period.of("week", LocalDate.fromDays(monday))
    return week >= 1 && p.label === label ? p : undefined
  }
  m = /^(\d{4})-(\d{2})-H([12])$/.exec(label)
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    return Period.of("half-month", `${m[1]}-${m[2]}-${m[3] === "1" ? "01" : "16"}`)
  }
  m = /^(\d{4})-(\d{2})$/.exec(label)
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return Period.of("month", `${label}-01`)
  m = /^(\d{4})-Q([1-4])$/.exec(label)
  if (m) return Period.of("quarter", `${m[1]}-${pad(Number(m[2]) * 3)}-01`)
  m = /^(\d{4})-H([12])$/.exec(label)
  if (m) return Period.of("half-year", `${m[1]}-${m[2] === "1" ? "01" : "07"}-01`)
  m = /^(\d{4})$/.exec(label)
  if (m) return Period.of("year", `${label}-01-01`)
  return undefined
}

/**
 * A period's name as a bulletin heading writes it: 2026年9月下半月, 2026年第38周,
 * 2026年第三季度; in English "second half of September 2026".
 *
 * @example
 * {@includeCode ../examples/Cadence.ts#parse}
 *
 * @since 0.1.0
 * @category formatting
 */
export const periodName = (period: Period.Period, lang: "zh" | "en" = "zh"): string => {
  const { year, month } = LocalDate.parts(period.start)
  const months = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December"
  ]
  const cn = ["一", "二", "三", "四"]
  switch (period.cadence) {
    case "week": {
      const [y, w] = period.label.split("-W")
      return lang === "zh"
        ? `${y}年第${Number(w)}周（${period.start}—${period.end}）`
        : `week ${Number(w)} of ${y} (${period.start} to ${period.end})`
    }
    case "half-month": {
      const first = period.label.endsWith("H1")
      return lang === "zh"
        ? `${year}年${month}月${first ? "上" : "下"}半月`
        : `${first ? "first" : "second"} half of ${months[month - 1]} ${year}`
    }
    case "month":
      return lang === "zh" ? `${year}年${month}月` : `${months[month - 1]} ${year}`
    case "quarter": {
      const q = Math.floor((month - 1) / 3)
      return lang === "zh" ? `${year}年第${cn[q]}季度` : `Q${q + 1} ${year}`
    }
    case "half-year":
      return lang === "zh"
        ? `${year}年${month <= 6 ? "上" : "下"}半年`
        : `${month <= 6 ? "first" : "second"} half of ${year}`
    case "year":
      return lang === "zh" ? `${year}年` : `${year}`
  }
}
