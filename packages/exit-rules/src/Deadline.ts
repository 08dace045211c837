/**
 * Deadlines (期限): an anchor date plus a duration in calendar months, years,
 * days or working days, extended by delay exemptions (pauses not caused by the
 * enterprise).
 *
 * @since 0.1.0
 */
import { Calendar, Lifecycle, LocalDate } from "@gongjian/core"
import * as Schema from "effect/Schema"

/**
 * A duration: `{ months }` and `{ years }` are calendar months with
 * end-of-month clamping (`2025-11-30` + 3 months = `2026-02-28`); `{ days }`
 * are calendar days; `{ workingDays }` count working days from the next one,
 * with the State Council's holidays and 调休.
 *
 * @example
 * {@includeCode ../examples/Deadline.ts#add}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Duration = Schema.Union([
  Schema.Struct({ months: Schema.Int }),
  Schema.Struct({ years: Schema.Int }),
  Schema.Struct({ days: Schema.Int }),
  Schema.Struct({ workingDays: Schema.Int })
]).annotate({ identifier: "Duration" })

/**
 * The type of {@link Duration}.
 *
 * @example
 * {@includeCode ../examples/Deadline.ts#add}
 *
 * @since 0.1.0
 * @category models
 */
export type Duration = typeof Duration.Type

/**
 * The date `duration` after `date`.
 *
 * Throws `CalendarCoverageError` when a working-day count reaches a year the
 * calendar does not cover.
 *
 * @example
 * {@includeCode ../examples/Deadline.ts#add}
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const add = (
  date: LocalDate.LocalDate,
  duration: Duration,
  calendar: Calendar.Calendar
): LocalDate.LocalDate => {
  if ("months" in duration) return LocalDate.addMonths(date, duration.months)
  if ("years" in duration) return LocalDate.addYears(date, duration.years)
  if ("days" in duration) return LocalDate.addDays(date, duration.days)
  return Calendar.addWorkingDays(calendar, date, duration.workingDays)
}

/**
 * {@link add} on day numbers (days since 1970-01-01), for engines that loop
 * over many projects: no strings are built for calendar durations.
 *
 * @example
 * {@includeCode ../examples/Deadline.ts#add}
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const addDays = (days: number, duration: Duration, calendar: Calendar.Calendar): number => {
  if ("months" in duration) return LocalDate.addMonthsToDays(days, duration.months)
  if ("years" in duration) return LocalDate.addMonthsToDays(days, duration.years * 12)
  if ("days" in duration) return days + duration.days
  return LocalDate.toDays(
    Calendar.addWorkingDays(calendar, LocalDate.fromDays(days), duration.workingDays)
  )
}

/**
 * {@link subtract} on day numbers.
 *
 * @example
 * {@includeCode ../examples/Deadline.ts#add}
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const subtractDays = (
  days: number,
  duration: Duration,
  calendar: Calendar.Calendar
): number => {
  if ("months" in duration) return LocalDate.addMonthsToDays(days, -duration.months)
  if ("years" in duration) return LocalDate.addMonthsToDays(days, -duration.years * 12)
  if ("days" in duration) return days - duration.days
  return LocalDate.toDays(
    Calendar.addWorkingDays(calendar, LocalDate.fromDays(days), -duration.workingDays)
  )
}

/**
 * The date `duration` before `date` (for warning windows).
 *
 * @example
 * {@includeCode ../examples/Deadline.ts#add}
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const subtract = (
  date: LocalDate.LocalDate,
  duration: Duration,
  calendar: Calendar.Calendar
): LocalDate.LocalDate => {
  if ("months" in duration) return LocalDate.addMonths(date, -duration.months)
  if ("years" in duration) return LocalDate.addYears(date, -duration.years)
  if ("days" in duration) return LocalDate.addDays(date, -duration.days)
  return Calendar.addWorkingDays(calendar, date, -duration.workingDays)
}

/**
 * Writes a duration in Chinese and English: `3个月` / `3 months`.
 *
 * @example
 * {@includeCode ../examples/Deadline.ts#add}
 *
 * @since 0.1.0
 * @category formatting
 */
export const describe = (duration: Duration): { readonly zh: string; readonly en: string } => {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`
  if ("months" in duration)
    return { zh: `${duration.months}个月`, en: plural(duration.months, "month") }
  if ("years" in duration) return { zh: `${duration.years}年`, en: plural(duration.years, "year") }
  if ("days" in duration) return { zh: `${duration.days}天`, en: plural(duration.days, "day") }
  return { zh: `${duration.workingDays}个工作日`, en: plural(duration.workingDays, "working day") }
}

/**
 * A pause that extends a deadline, with the days it adds.
 *
 * @example
 * {@includeCode ../examples/Deadline.ts#extend}
 *
 * @since 0.1.0
 * @category models
 */
export interface Extension {
  readonly from: LocalDate.LocalDate
  readonly until: LocalDate.LocalDate
  readonly reason: string
  readonly days: number
}

/**
 * Extends a deadline by the pauses not caused by the enterprise (延期豁免):
 * each pause adds the days it overlaps the period from the anchor to the
 * deadline as extended so far (both ends included). Pauses are taken in date
 * order, so a pause that starts after the original deadline but inside an
 * extension still counts. Overlapping or repeated pauses are merged: a day
 * covered by several pauses extends the deadline once (06-01..06-30 and
 * 06-15..07-15 add 45 days), and each extension lists only the days it adds.
 *
 * @example
 * {@includeCode ../examples/Deadline.ts#extend}
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const extend = (
  anchor: LocalDate.LocalDate,
  deadline: LocalDate.LocalDate,
  pauses: ReadonlyArray<{
    readonly from: LocalDate.LocalDate
    readonly until: LocalDate.LocalDate
    readonly reason: string
  }>
): { readonly deadline: LocalDate.LocalDate; readonly extensions: ReadonlyArray<Extension> } => {
  let end = LocalDate.toDays(deadline)
  const start = LocalDate.toDays(anchor)
  const extensions: Array<Extension> = []
  const sorted = [...pauses].sort(Lifecycle.exemptionOrder)
  // The last day already counted: a day two pauses share is counted once.
  let counted = start - 1
  for (const p of sorted) {
    const from = Math.max(LocalDate.toDays(p.from), start, counted + 1)
    const until = LocalDate.toDays(p.until)
    if (from > end || until < from) continue
    const days = Math.min(until, end) - from + 1
    if (days <= 0) continue
    end += days
    counted = from + days - 1
    extensions.push({ from: p.from, until: p.until, reason: p.reason, days })
  }
  return { deadline: LocalDate.fromDays(end), extensions }
}
