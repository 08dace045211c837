/**
 * Plain local calendar dates (`2026-11-22`), as a county office writes them.
 *
 * A `LocalDate` is an ISO 8601 calendar date string with no time and no time
 * zone, so it is never shifted by the machine's clock settings. Arithmetic is
 * done on day numbers (days since 1970-01-01) and the result is formatted back.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import {
  addMonthsToDays as addMonthsToDaysInternal,
  daysInMonth,
  fromDayNumber,
  parseIso,
  toDayNumber
} from "./internal/days.js"

/**
 * A calendar date written `YYYY-MM-DD` (日期). Decoding checks that the date exists
 * (no `2026-02-30`).
 *
 * @example
 * {@includeCode ../examples/LocalDate.ts#schema}
 *
 * @since 0.1.0
 * @category schemas
 */
export const LocalDate = Schema.String.check(
  Schema.makeFilter((s: string) => parseIso(s) !== undefined, {
    expected: "a calendar date written YYYY-MM-DD",
    toJsonSchema: () => ({ format: "date", pattern: "^\\d{4}-\\d{2}-\\d{2}$" })
  })
).annotate({
  identifier: "LocalDate",
  description: "A local calendar date, YYYY-MM-DD"
})

/**
 * The type of {@link LocalDate}: an ISO calendar date string.
 *
 * @example
 * {@includeCode ../examples/LocalDate.ts#schema}
 *
 * @since 0.1.0
 * @category models
 */
export type LocalDate = typeof LocalDate.Type

/**
 * Whether a string is a valid `YYYY-MM-DD` date.
 *
 * @example
 * {@includeCode ../examples/LocalDate.ts#isLocalDate}
 *
 * @since 0.1.0
 * @category guards
 */
export const isLocalDate = (s: unknown): s is LocalDate =>
  typeof s === "string" && parseIso(s) !== undefined

/**
 * The number of days since 1970-01-01 (a day number). Day numbers make date
 * arithmetic and comparison cheap in hot loops.
 *
 * Gotcha: the input is assumed valid; decode untrusted text with
 * {@link LocalDate} first.
 *
 * @example
 * {@includeCode ../examples/LocalDate.ts#days}
 *
 * @since 0.1.0
 * @category conversions
 */
export const toDays = (date: LocalDate): number => toDayNumber(date)

/**
 * The date of a day number (see {@link toDays}).
 *
 * @example
 * {@includeCode ../examples/LocalDate.ts#days}
 *
 * @since 0.1.0
 * @category conversions
 */
export const fromDays = (days: number): LocalDate => fromDayNumber(days)

/**
 * Adds (or, when negative, subtracts) calendar days.
 *
 * @example
 * {@includeCode ../examples/LocalDate.ts#addDays}
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const addDays = (date: LocalDate, days: number): LocalDate =>
  fromDayNumber(toDayNumber(date) + days)

/**
 * Adds calendar months, clamping to the end of the month when the day does not
 * exist there (`2025-11-30` + 3 months = `2026-02-28`), as contract deadlines
 * ("三个月不开工") are read.
 *
 * @example
 * {@includeCode ../examples/LocalDate.ts#addMonths}
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const addMonths = (date: LocalDate, months: number): LocalDate => {
  const p = parseIso(date)!
  const index = p.year * 12 + (p.month - 1) + months
  const year = Math.floor(index / 12)
  const month = index - year * 12 + 1
  const day = Math.min(p.day, daysInMonth(year, month))
  return format(year, month, day)
}

/**
 * Adds calendar years, clamping 29 February to 28 February in common years.
 *
 * @example
 * {@includeCode ../examples/LocalDate.ts#addMonths}
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const addYears = (date: LocalDate, years: number): LocalDate => addMonths(date, years * 12)

/**
 * The number of calendar days from `start` to `end` (negative when `end` is
 * earlier).
 *
 * @example
 * {@includeCode ../examples/LocalDate.ts#addDays}
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const daysBetween = (start: LocalDate, end: LocalDate): number =>
  toDayNumber(end) - toDayNumber(start)

/**
 * Orders two dates: -1, 0 or 1. ISO dates also compare correctly as strings.
 *
 * @example
 * {@includeCode ../examples/LocalDate.ts#compare}
 *
 * @since 0.1.0
 * @category ordering
 */
export const compare = (a: LocalDate, b: LocalDate): -1 | 0 | 1 => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The later of two dates.
 *
 * @example
 * {@includeCode ../examples/LocalDate.ts#compare}
 *
 * @since 0.1.0
 * @category ordering
 */
export const max = (a: LocalDate, b: LocalDate): LocalDate => (a >= b ? a : b)

/**
 * The earlier of two dates.
 *
 * @example
 * {@includeCode ../examples/LocalDate.ts#compare}
 *
 * @since 0.1.0
 * @category ordering
 */
export const min = (a: LocalDate, b: LocalDate): LocalDate => (a <= b ? a : b)

/**
 * The parts of a date: year, month (1–12), day (1–31) and ISO weekday
 * (1 = Monday … 7 = Sunday).
 *
 * @example
 * {@includeCode ../examples/LocalDate.ts#parts}
 *
 * @since 0.1.0
 * @category conversions
 */
export const parts = (
  date: LocalDate
): {
  readonly year: number
  readonly month: number
  readonly day: number
  readonly weekday: number
} => {
  const p = parseIso(date)!
  return { ...p, weekday: weekdayOfDays(toDayNumber(date)) }
}

/**
 * Builds a date from its parts, or `undefined` when it does not exist.
 *
 * @example
 * {@includeCode ../examples/LocalDate.ts#parts}
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (year: number, month: number, day: number): LocalDate | undefined => {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day))
    return undefined
  if (year < 1000 || year > 9999 || month < 1 || month > 12) return undefined
  if (day < 1 || day > daysInMonth(year, month)) return undefined
  return format(year, month, day)
}

/**
 * The ISO weekday of a day number: 1 = Monday … 7 = Sunday.
 *
 * @example
 * {@includeCode ../examples/LocalDate.ts#parts}
 *
 * @since 0.1.0
 * @category conversions
 */
export const weekdayOfDays = (days: number): number => {
  // 1970-01-01 was a Thursday (ISO weekday 4).
  const w = (((days + 3) % 7) + 7) % 7
  return w + 1
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`)
const format = (year: number, month: number, day: number): LocalDate =>
  `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`

/**
 * Adds calendar months to a day number (see {@link toDays}), clamping to the
 * end of the month like {@link addMonths}, without building a string: for
 * engines that work in day numbers.
 *
 * @example
 * {@includeCode ../examples/LocalDate.ts#days}
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const addMonthsToDays = (days: number, months: number): number =>
  addMonthsToDaysInternal(days, months)
