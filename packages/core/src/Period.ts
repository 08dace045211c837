/**
 * Reporting periods (周期) for a campaign's cadence: ISO week, half-month
 * (1–15, 16–end), month, quarter, half-year and year. "一周一调度、半月一通报"
 * (002 四.3) is a weekly dispatch and a half-monthly bulletin.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { daysInMonth } from "./internal/days.js"
import * as LocalDate from "./LocalDate.js"

/**
 * The length of a reporting period.
 *
 * @example
 * {@includeCode ../examples/Period.ts#of}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Cadence = Schema.Literals([
  "week",
  "half-month",
  "month",
  "quarter",
  "half-year",
  "year"
]).annotate({
  description:
    "week (周), half-month (半月), month (月), quarter (季), half-year (半年) or year (年)"
})

/**
 * The type of {@link Cadence}.
 *
 * @example
 * {@includeCode ../examples/Period.ts#of}
 *
 * @since 0.1.0
 * @category models
 */
export type Cadence = typeof Cadence.Type

/**
 * One period: its cadence, first and last day (inclusive) and a label such
 * as `2026-W47`, `2026-11-H2`, `2026-11`, `2026-Q4`, `2026-H2` or `2026`.
 *
 * @example
 * {@includeCode ../examples/Period.ts#of}
 *
 * @since 0.1.0
 * @category models
 */
export interface Period {
  readonly cadence: Cadence
  readonly start: LocalDate.LocalDate
  readonly end: LocalDate.LocalDate
  readonly label: string
}

const pad2 = (n: number) => String(n).padStart(2, "0")
const ymd = (y: number, m: number, d: number) => `${y}-${pad2(m)}-${pad2(d)}`

/**
 * The period of a cadence that contains `date`.
 *
 * @example
 * {@includeCode ../examples/Period.ts#of}
 *
 * @since 0.1.0
 * @category constructors
 */
export const of = (cadence: Cadence, date: LocalDate.LocalDate): Period => {
  const { year, month, day } = LocalDate.parts(date)
  switch (cadence) {
    case "week": {
      const days = LocalDate.toDays(date)
      const monday = days - (LocalDate.weekdayOfDays(days) - 1)
      const thursday = monday + 3
      const isoYear = Number(LocalDate.fromDays(thursday).slice(0, 4))
      const jan4 = LocalDate.toDays(ymd(isoYear, 1, 4))
      const week1Monday = jan4 - (LocalDate.weekdayOfDays(jan4) - 1)
      const week = Math.floor((monday - week1Monday) / 7) + 1
      return {
        cadence,
        start: LocalDate.fromDays(monday),
        end: LocalDate.fromDays(monday + 6),
        label: `${isoYear}-W${pad2(week)}`
      }
    }
    case "half-month": {
      const first = day <= 15
      return {
        cadence,
        start: ymd(year, month, first ? 1 : 16),
        end: ymd(year, month, first ? 15 : daysInMonth(year, month)),
        label: `${year}-${pad2(month)}-H${first ? 1 : 2}`
      }
    }
    case "month":
      return {
        cadence,
        start: ymd(year, month, 1),
        end: ymd(year, month, daysInMonth(year, month)),
        label: `${year}-${pad2(month)}`
      }
    case "quarter": {
      const q = Math.floor((month - 1) / 3) + 1
      const last = q * 3
      return {
        cadence,
        start: ymd(year, last - 2, 1),
        end: ymd(year, last, daysInMonth(year, last)),
        label: `${year}-Q${q}`
      }
    }
    case "half-year": {
      const h = month <= 6 ? 1 : 2
      return {
        cadence,
        start: ymd(year, h === 1 ? 1 : 7, 1),
        end: ymd(year, h === 1 ? 6 : 12, h === 1 ? 30 : 31),
        label: `${year}-H${h}`
      }
    }
    case "year":
      return { cadence, start: ymd(year, 1, 1), end: ymd(year, 12, 31), label: `${year}` }
  }
}

/**
 * The period after `period`.
 *
 * @example
 * {@includeCode ../examples/Period.ts#of}
 *
 * @since 0.1.0
 * @category constructors
 */
export const next = (period: Period): Period => of(period.cadence, LocalDate.addDays(period.end, 1))

/**
 * Every period of a cadence that overlaps the window `[start, end]`, in order:
 * the reporting calendar of a campaign.
 *
 * @example
 * {@includeCode ../examples/Period.ts#between}
 *
 * @since 0.1.0
 * @category constructors
 */
export const between = (
  cadence: Cadence,
  start: LocalDate.LocalDate,
  end: LocalDate.LocalDate
): ReadonlyArray<Period> => {
  const out: Array<Period> = []
  if (end < start) return out
  for (let p = of(cadence, start); p.start <= end; p = next(p)) out.push(p)
  return out
}

/**
 * Whether `date` falls inside `period`.
 *
 * @example
 * {@includeCode ../examples/Period.ts#of}
 *
 * @since 0.1.0
 * @category predicates
 */
export const contains = (period: Period, date: LocalDate.LocalDate): boolean =>
  date >= period.start && date <= period.end
