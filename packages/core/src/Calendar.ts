/**
 * The mainland China working-day calendar (工作日历): weekends, the State
 * Council's public holidays (法定节假日) and its make-up working days (调休).
 *
 * The State Council's data comes from the maintained `chinese-days` package
 * (2004 onward, published within days of each year's notice) and is verified
 * against the notices for 2024, 2025 and 2026 by this package's tests. A county
 * adds its own days with overrides. A date outside the covered years is a
 * {@link CalendarCoverageError}, unless the calendar was made with the explicit
 * `outsideCoverage: "weekends"` fallback, which {@link isCovered} and
 * {@link coverage} make visible.
 *
 * @since 0.1.0
 */
import stateCouncilData from "chinese-days/dist/chinese-days.json" with { type: "json" }
import * as Data from "effect/Data"
import * as Schema from "effect/Schema"
import { parseIso, toDayNumber } from "./internal/days.js"
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
  /** Where the rule came from: the State Council, a local override, or the weekends-only fallback. */
  readonly source: "state-council" | "local" | "weekday-rule" | "fallback"
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
  readonly outsideCoverage: "error" | "weekends"
  /** @internal day number → rule */
  readonly rules: ReadonlyMap<number, Rule>
}

interface Rule {
  readonly working: boolean
  readonly zh: string
  readonly en: string
  readonly source: "state-council" | "local"
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
    return `The working-day calendar covers ${this.firstYear}–${this.lastYear}, not ${this.date}: add that year's State Council notice as overrides (with coverYears), or make the calendar with outsideCoverage: "weekends" to count weekends only`
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
 *   published after the data package), extending the covered range;
 * - `outsideCoverage`: `"error"` (default) fails on a date outside the covered
 *   years; `"weekends"` counts only weekends there, visibly.
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
  readonly outsideCoverage?: "error" | "weekends"
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
    outsideCoverage: options?.outsideCoverage ?? "error",
    rules: base.rules
  }
}

/**
 * The national calendar of the State Council, with no local changes.
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
  readonly outside: "error" | "weekends"
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

const yearOfDays = (days: number): number => new Date(days * 86_400_000).getUTCFullYear()

const workingByDays = (calendar: Calendar, days: number): boolean => {
  const rule = calendar.rules.get(days)
  if (rule !== undefined) return rule.working
  const year = yearOfDays(days)
  if (
    (year < calendar.firstYear || year > calendar.lastYear) &&
    calendar.outsideCoverage === "error"
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
 * What kind of day `date` is, and why.
 *
 * Throws {@link CalendarCoverageError} outside the covered years (unless the
 * calendar counts weekends there).
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
  const rule = calendar.rules.get(days)
  const weekend = LocalDate.weekdayOfDays(days) >= 6
  if (rule !== undefined) {
    return {
      date,
      kind: rule.working ? (weekend ? "makeup-workday" : "workday") : "holiday",
      working,
      name: { zh: rule.zh, en: rule.en },
      source: rule.source
    }
  }
  return {
    date,
    kind: weekend ? "weekend" : "workday",
    working,
    source: isCovered(calendar, date) ? "weekday-rule" : "fallback"
  }
}

/**
 * Whether `date` is a working day (工作日).
 *
 * Throws {@link CalendarCoverageError} outside the covered years (unless the
 * calendar counts weekends there).
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
 * Throws {@link CalendarCoverageError} when the count crosses an uncovered year.
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
