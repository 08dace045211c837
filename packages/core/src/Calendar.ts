/**
 * The mainland China working-day calendar (工作日历): weekends, the State
 * Council's public holidays (法定节假日) and its make-up working days (调休).
 *
 * The State Council's data comes from the maintained `chinese-days` package
 * (2004 onward, published within days of each year's notice) and is verified
 * against the notices for 2024, 2025 and 2026 by this package's tests. A county
 * adds its own days with overrides, and a newly published notice with
 * overrides and `coverYears`.
 *
 * A year after the covered ones is **provisional** by default: its statutory
 * holidays are placed by the rules of 《全国年节及纪念日放假办法》 (2024
 * revision) with days in lieu (补假), and no 调休 is guessed; see
 * {@link statutoryHolidays}. {@link isProvisional}, {@link provisionalYears}
 * and {@link Day.provisional} say which dates are so computed, and
 * {@link provisionalNote} is the marking results carry
 * (按法定节假日推算，待国务院通知). A strict calendar
 * (`outsideCoverage: "error"`) fails with {@link CalendarCoverageError}
 * instead; `"weekends"` counts only weekends there.
 *
 * @since 0.1.0
 */
import stateCouncilData from "chinese-days/dist/chinese-days.json" with { type: "json" }
import * as Data from "effect/Data"
import * as Schema from "effect/Schema"
import { civilFromDays, parseIso, toDayNumber } from "./internal/days.js"
import * as Statutory from "./internal/statutoryHolidays.js"
import * as LocalDate from "./LocalDate.js"

/**
 * What kind of day a date is (日期类型).
 *
 * - `workday`: an ordinary Monday to Friday;
 * - `weekend`: an ordinary Saturday or Sunday;
 * - `holiday`: a public or local holiday (节假日), including weekend days inside it;
 * - `makeup-workday`: a weekend day worked in exchange for a holiday (调休上班).
 *
 * @example
 * {@includeCode ../examples/Calendar.ts#overrides}
 *
 * @since 0.1.0
 * @category models
 */
export type DayKind = "workday" | "weekend" | "holiday" | "makeup-workday"

/**
 * What the calendar says of one date.
 *
 * @example
 * {@includeCode ../examples/Calendar.ts#overrides}
 *
 * @since 0.1.0
 * @category models
 */
export interface Day {
  readonly date: LocalDate.LocalDate
  readonly kind: DayKind
  readonly working: boolean
  /** The holiday's name in Chinese and English, for holidays and make-up days. */
  readonly name?: { readonly zh: string; readonly en: string }
  /**
   * Where the rule came from: the State Council's notice, a local override,
   * the weekday rule of a covered year, the statutory-holiday rules of a
   * provisional year (`provisional`, since 0.2.0), or the weekends-only
   * fallback.
   */
  readonly source: "state-council" | "local" | "weekday-rule" | "provisional" | "fallback"
  /**
   * Whether the date's year has no State Council notice in this calendar and
   * its holidays are computed by the statutory rules (按法定节假日推算，待国务院通知):
   * the day may still change when the notice is published.
   *
   * @since 0.2.0
   */
  readonly provisional: boolean
}

/**
 * A local change to the calendar (地方调整): a county holiday, or a day the
 * county works. Overrides win over the State Council's data.
 *
 * @example
 * {@includeCode ../examples/Calendar.ts#overrides}
 *
 * @since 0.1.0
 * @category schemas
 */
export const CalendarOverride = Schema.Struct({
  date: LocalDate.LocalDate,
  working: Schema.Boolean,
  name: Schema.String
}).annotate({ identifier: "CalendarOverride" })

/**
 * The type of {@link CalendarOverride}.
 *
 * @example
 * {@includeCode ../examples/Calendar.ts#overrides}
 *
 * @since 0.1.0
 * @category models
 */
export type CalendarOverride = typeof CalendarOverride.Type

/**
 * What a calendar does with a date after (or before) its covered years:
 *
 * - `provisional` (the default): after the covered years, the statutory
 *   holidays of the 2024 办法 with days in lieu, weekends as rest days, no
 *   调休 — marked as provisional; before them, a {@link CalendarCoverageError};
 * - `error`: a {@link CalendarCoverageError} (strict mode);
 * - `weekends`: weekends only, visibly (`source: "fallback"`).
 *
 * @example
 * {@includeCode ../examples/Calendar.ts#provisional}
 *
 * @since 0.2.0
 * @category models
 */
export type OutsideCoverage = "provisional" | "error" | "weekends"

/**
 * The marking of a result computed on a provisional year, in Chinese and
 * English. Findings, deadlines and outputs append it.
 *
 * @example
 * {@includeCode ../examples/Calendar.ts#provisional}
 *
 * @since 0.2.0
 * @category constants
 */
export const provisionalNote: { readonly zh: string; readonly en: string } = {
  zh: "按法定节假日推算，待国务院通知",
  en: "counted on the statutory holidays, pending the State Council's notice"
}

/**
 * Appends {@link provisionalNote} to a message when `provisionalYears` names
 * any year (a result counted on provisional years), in the message's own
 * language: `…（按法定节假日推算，待国务院通知）` / `… (counted on the statutory
 * holidays, pending the State Council's notice)`. The message is returned
 * unchanged otherwise.
 *
 * @example
 * {@includeCode ../examples/Calendar.ts#provisional}
 *
 * @since 0.2.0
 * @category formatting
 */
export const markProvisional = (
  message: { readonly zh: string; readonly en: string },
  provisionalYears: ReadonlyArray<number> | undefined
): { readonly zh: string; readonly en: string } =>
  provisionalYears === undefined || provisionalYears.length === 0
    ? message
    : {
        zh: `${message.zh}（${provisionalNote.zh}）`,
        en: `${message.en} (${provisionalNote.en})`
      }

/**
 * A working-day calendar. Make one with {@link make}; {@link stateCouncil} is
 * the national calendar with no local changes.
 *
 * @example
 * {@includeCode ../examples/Calendar.ts#overrides}
 *
 * @since 0.1.0
 * @category models
 */
export interface Calendar {
  readonly firstYear: number
  readonly lastYear: number
  readonly outsideCoverage: OutsideCoverage
  /** @internal day number → rule */
  readonly rules: ReadonlyMap<number, Rule>
}

interface Rule {
  readonly working: boolean
  readonly zh: string
  readonly en: string
  readonly source: "state-council" | "local" | "provisional"
}

/**
 * The error of a calendar question about a date in a year the calendar does
 * not cover. It names the date and the covered years.
 *
 * @example
 * {@includeCode ../examples/Calendar.ts#coverage}
 *
 * @since 0.1.0
 * @category errors
 */
export class CalendarCoverageError extends Data.TaggedError("CalendarCoverageError")<{
  readonly date: string
  readonly firstYear: number
  readonly lastYear: number
}> {
  override get message(): string {
    return `The working-day calendar covers ${this.firstYear}–${this.lastYear}, not ${this.date}: add that year's State Council notice as overrides (with coverYears), or make the calendar with outsideCoverage: "provisional" (statutory holidays, for years after the covered ones) or "weekends" (weekends only)`
  }
}

const stateCouncilRules = (): { rules: Map<number, Rule>; first: number; last: number } => {
  const rules = new Map<number, Rule>()
  let first = 9999
  let last = 0
  const add = (table: Record<string, string>, working: boolean) => {
    for (const [date, label] of Object.entries(table)) {
      const [en = "", zh = ""] = label.split(",")
      rules.set(toDayNumber(date), { working, zh, en, source: "state-council" })
      const year = Number(date.slice(0, 4))
      if (year < first) first = year
      if (year > last) last = year
    }
  }
  add(stateCouncilData.holidays as Record<string, string>, false)
  add(stateCouncilData.workdays as Record<string, string>, true)
  return { rules, first, last }
}

let national: Calendar | undefined

const coverGap = (first: number, last: number, year: number): RangeError =>
  new RangeError(
    `coverYears must extend the covered range ${first}–${last} without a gap; ${year} does not`
  )

/**
 * Makes a calendar: the State Council's days, then the county's overrides.
 *
 * - `overrides`: local holidays and working days; they win over the national data;
 * - `coverYears`: years the overrides cover completely (a new year's notice
 *   published after the data package), extending the covered range without a
 *   gap (in any order, before or after it); a covered year is no longer
 *   provisional;
 * - `outsideCoverage`: `"provisional"` (default) computes the years after the
 *   covered ones from the statutory holidays and marks them provisional;
 *   `"error"` (strict) fails with {@link CalendarCoverageError};
 *   `"weekends"` counts only weekends there. See {@link OutsideCoverage}.
 *
 * @example
 * {@includeCode ../examples/Calendar.ts#overrides}
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options?: {
  readonly overrides?: ReadonlyArray<CalendarOverride>
  readonly coverYears?: ReadonlyArray<number>
  readonly outsideCoverage?: OutsideCoverage
}): Calendar => {
  const base = stateCouncilRules()
  for (const o of options?.overrides ?? []) {
    if (parseIso(o.date) === undefined) {
      throw new TypeError(`Calendar override date ${JSON.stringify(o.date)} is not YYYY-MM-DD`)
    }
    base.rules.set(toDayNumber(o.date), {
      working: o.working,
      zh: o.name,
      en: o.name,
      source: "local"
    })
  }
  let first = base.first
  let last = base.last
  // Years after the range extend it upwards in ascending order, years before
  // it downwards in descending order: 2002 and 2003 both extend 2004–2026.
  const years = [...new Set(options?.coverYears ?? [])]
  const later = years.filter((y) => y > last).sort((a, b) => a - b)
  const earlier = years.filter((y) => y < first).sort((a, b) => b - a)
  for (const y of later) {
    if (y !== last + 1) throw coverGap(first, last, y)
    last = y
  }
  for (const y of earlier) {
    if (y !== first - 1) throw coverGap(first, last, y)
    first = y
  }
  return {
    firstYear: first,
    lastYear: last,
    outsideCoverage: options?.outsideCoverage ?? "provisional",
    rules: base.rules
  }
}

/**
 * The national calendar of the State Council, with no local changes; years
 * after the published notices are provisional.
 *
 * @example
 * {@includeCode ../examples/Calendar.ts#day}
 *
 * @since 0.1.0
 * @category constructors
 */
export const stateCouncil = (): Calendar => {
  national ??= make()
  return national
}

/**
 * The covered years of a calendar and what happens outside them.
 *
 * @example
 * {@includeCode ../examples/Calendar.ts#coverage}
 *
 * @since 0.1.0
 * @category getters
 */
export const coverage = (
  calendar: Calendar
): {
  readonly firstYear: number
  readonly lastYear: number
  readonly outside: OutsideCoverage
} => ({
  firstYear: calendar.firstYear,
  lastYear: calendar.lastYear,
  outside: calendar.outsideCoverage
})

/**
 * Whether the calendar has the State Council's (or the county's) data for the
 * year of `date`.
 *
 * @example
 * {@includeCode ../examples/Calendar.ts#coverage}
 *
 * @since 0.1.0
 * @category getters
 */
export const isCovered = (calendar: Calendar, date: LocalDate.LocalDate): boolean => {
  const year = Number(date.slice(0, 4))
  return year >= calendar.firstYear && year <= calendar.lastYear
}

const yearOfDays = (days: number): number => Math.floor(civilFromDays(days) / 10000)

/** Is `year` computed from the statutory rules in this calendar? */
const provisionalYear = (calendar: Calendar, year: number): boolean =>
  calendar.outsideCoverage === "provisional" &&
  year > calendar.lastYear &&
  year >= Statutory.FIRST_YEAR &&
  year <= Statutory.LAST_YEAR

const provisionalRules = new Map<number, ReadonlyMap<number, Rule>>()

/** The statutory days of a provisional year as rules, computed once per year. */
const provisionalRulesOf = (year: number): ReadonlyMap<number, Rule> => {
  let rules = provisionalRules.get(year)
  if (rules === undefined) {
    const m = new Map<number, Rule>()
    for (const d of Statutory.statutoryDays(year)) {
      m.set(d.days, { working: false, zh: d.zh, en: d.en, source: "provisional" })
    }
    rules = m
    provisionalRules.set(year, rules)
  }
  return rules
}

/** The rule of a day number: local or State Council, then a provisional year's statutory days. */
const ruleOf = (calendar: Calendar, days: number, year: number): Rule | undefined => {
  const rule = calendar.rules.get(days)
  if (rule !== undefined) return rule
  if (year > calendar.lastYear && provisionalYear(calendar, year)) {
    return provisionalRulesOf(year).get(days)
  }
  return undefined
}

const workingByDays = (calendar: Calendar, days: number): boolean => {
  const year = yearOfDays(days)
  const rule = ruleOf(calendar, days, year)
  if (rule !== undefined) return rule.working
  if (
    (year < calendar.firstYear || year > calendar.lastYear) &&
    calendar.outsideCoverage !== "weekends" &&
    !provisionalYear(calendar, year)
  ) {
    throw new CalendarCoverageError({
      date: LocalDate.fromDays(days),
      firstYear: calendar.firstYear,
      lastYear: calendar.lastYear
    })
  }
  const weekday = LocalDate.weekdayOfDays(days)
  return weekday < 6
}

/**
 * Whether the calendar computes the year of `date` from the statutory
 * holidays, with no State Council notice (按法定节假日推算，待国务院通知): a year
 * after the covered ones, in a calendar with `outsideCoverage: "provisional"`.
 * Results counted over such a date may change when the notice is published.
 *
 * @example
 * {@includeCode ../examples/Calendar.ts#provisional}
 *
 * @since 0.2.0
 * @category getters
 */
export const isProvisional = (calendar: Calendar, date: LocalDate.LocalDate): boolean =>
  provisionalYear(calendar, Number(date.slice(0, 4)))

/**
 * The provisional years (see {@link isProvisional}) from the year of `start`
 * to the year of `end`, in ascending order, whichever date comes first: the
 * years a working-day count between the two dates reads without a State
 * Council notice. Empty when the count rests on notices only.
 *
 * @example
 * {@includeCode ../examples/Calendar.ts#provisional}
 *
 * @since 0.2.0
 * @category getters
 */
export const provisionalYears = (
  calendar: Calendar,
  start: LocalDate.LocalDate,
  end: LocalDate.LocalDate
): ReadonlyArray<number> => {
  const a = Number(start.slice(0, 4))
  const b = Number(end.slice(0, 4))
  const out: Array<number> = []
  for (let y = Math.max(Math.min(a, b), calendar.lastYear + 1); y <= Math.max(a, b); y++) {
    if (provisionalYear(calendar, y)) out.push(y)
  }
  return out
}

/**
 * One day of the statutory holidays of a year (法定节假日), from
 * {@link statutoryHolidays}.
 *
 * @example
 * {@includeCode ../examples/Calendar.ts#statutory}
 *
 * @since 0.2.0
 * @category models
 */
export interface StatutoryHoliday {
  readonly date: LocalDate.LocalDate
  readonly name: { readonly zh: string; readonly en: string }
  /** A day in lieu (补假) of a holiday that fell on a weekend or on another holiday. */
  readonly inLieu: boolean
}

/**
 * The statutory holidays of `year` under 《全国年节及纪念日放假办法》 as revised in
 * 2024 (from 2025 on), placed by the lunar and solar-term calendar, with the
 * days in lieu of article 6 — what a provisional year rests from:
 *
 * - 元旦 1月1日; 春节 除夕 and 正月初一 to 初三; 清明 the day of the 清明
 *   solar term; 劳动节 5月1日–2日; 端午 五月初五; 中秋 八月十五; 国庆节
 *   10月1日–3日 (13 days);
 * - 补假: in date order, each of those days that falls on a Saturday or
 *   Sunday, or on a date another of them already takes (中秋 on 10月1日),
 *   gives one day in lieu: the first Monday to Friday after it that is neither
 *   a statutory holiday nor already a day in lieu;
 * - the State Council's swapped working weekends (调休) are not guessed.
 *
 * Lunar dates and solar terms are Beijing-time dates computed by `tyme4ts`.
 * Throws RangeError before 2025 (earlier years followed earlier versions of
 * the 办法).
 *
 * @example
 * {@includeCode ../examples/Calendar.ts#statutory}
 *
 * @since 0.2.0
 * @category queries
 */
export const statutoryHolidays = (year: number): ReadonlyArray<StatutoryHoliday> =>
  Statutory.statutoryDays(year).map((d) => ({
    date: d.date,
    name: { zh: d.zh, en: d.en },
    inLieu: d.inLieu
  }))

/**
 * What kind of day `date` is, and why.
 *
 * Throws {@link CalendarCoverageError} outside the covered years (unless the
 * calendar is provisional there, or counts weekends there).
 *
 * @example
 * {@includeCode ../examples/Calendar.ts#day}
 *
 * @since 0.1.0
 * @category queries
 */
export const day = (calendar: Calendar, date: LocalDate.LocalDate): Day => {
  const days = toDayNumber(date)
  const working = workingByDays(calendar, days)
  const year = yearOfDays(days)
  const rule = ruleOf(calendar, days, year)
  const weekend = LocalDate.weekdayOfDays(days) >= 6
  const provisional = provisionalYear(calendar, year)
  if (rule !== undefined) {
    return {
      date,
      kind: rule.working ? (weekend ? "makeup-workday" : "workday") : "holiday",
      working,
      name: { zh: rule.zh, en: rule.en },
      source: rule.source,
      provisional
    }
  }
  return {
    date,
    kind: weekend ? "weekend" : "workday",
    working,
    source: isCovered(calendar, date) ? "weekday-rule" : provisional ? "provisional" : "fallback",
    provisional
  }
}

/**
 * Whether `date` is a working day (工作日).
 *
 * Throws {@link CalendarCoverageError} outside the covered years (unless the
 * calendar is provisional there, or counts weekends there).
 *
 * @example
 * {@includeCode ../examples/Calendar.ts#day}
 *
 * @since 0.1.0
 * @category queries
 */
export const isWorkingDay = (calendar: Calendar, date: LocalDate.LocalDate): boolean =>
  workingByDays(calendar, toDayNumber(date))

/**
 * The first working day strictly after `date`.
 *
 * @example
 * {@includeCode ../examples/Calendar.ts#addWorkingDays}
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const nextWorkingDay = (
  calendar: Calendar,
  date: LocalDate.LocalDate
): LocalDate.LocalDate => addWorkingDays(calendar, date, 1)

/**
 * The date `n` working days after `date`, counted from the next working day,
 * as 限时办结 is counted (001 三.(三).2): materials complete on Friday
 * 2025-09-26, 3 working days → due 2025-09-30, because Sunday 9-28 was worked.
 * `n = 0` gives `date` itself; a negative `n` counts backwards.
 *
 * Throws {@link CalendarCoverageError} when the count crosses a year the
 * calendar neither covers nor computes provisionally. A count that crosses a
 * provisional year gives a provisional date: see {@link provisionalYears}.
 *
 * @example
 * {@includeCode ../examples/Calendar.ts#addWorkingDays}
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const addWorkingDays = (
  calendar: Calendar,
  date: LocalDate.LocalDate,
  n: number
): LocalDate.LocalDate => {
  if (!Number.isInteger(n)) throw new RangeError(`addWorkingDays needs a whole number, not ${n}`)
  let days = toDayNumber(date)
  const step = n < 0 ? -1 : 1
  let left = Math.abs(n)
  while (left > 0) {
    days += step
    if (workingByDays(calendar, days)) left--
  }
  return LocalDate.fromDays(days)
}

/**
 * The number of working days after `start` up to and including `end`: the
 * count {@link addWorkingDays} would need to reach `end`'s working day. It is
 * negative when `end` is before `start`.
 *
 * @example
 * {@includeCode ../examples/Calendar.ts#workingDaysBetween}
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const workingDaysBetween = (
  calendar: Calendar,
  start: LocalDate.LocalDate,
  end: LocalDate.LocalDate
): number => {
  const a = toDayNumber(start)
  const b = toDayNumber(end)
  if (b < a) return -workingDaysBetween(calendar, end, start)
  let count = 0
  for (let d = a + 1; d <= b; d++) if (workingByDays(calendar, d)) count++
  return count
}
