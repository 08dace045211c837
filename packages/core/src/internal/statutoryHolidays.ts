/**
 * The statutory holidays of 《全国年节及纪念日放假办法》 as revised by the State
 * Council in 2024 (in force from 2025-01-01), placed on the calendar of one
 * year from the rules alone: the provisional calendar of a year whose State
 * Council notice (国务院办公厅关于某年部分节假日安排的通知) is not yet known.
 *
 * Article 2 (全体公民放假的节日), 13 days:
 * - 元旦: 1月1日, 1 day;
 * - 春节: 农历除夕、正月初一至初三, 4 days;
 * - 清明节: 农历清明当日 (the day of the 清明 solar term), 1 day;
 * - 劳动节: 5月1日、2日, 2 days;
 * - 端午节: 农历端午当日 (五月初五), 1 day;
 * - 中秋节: 农历中秋当日 (八月十五), 1 day;
 * - 国庆节: 10月1日至3日, 3 days.
 *
 * Article 6 (补假): a holiday of all citizens that falls on a Saturday or a
 * Sunday is given back on a working day. The placement used here, in date
 * order: each statutory day that falls on a Saturday or Sunday, or on a date
 * another statutory holiday already takes (中秋 on 10月1日), gets one day in
 * lieu: the first Monday to Friday after it that is neither a statutory
 * holiday nor already a day in lieu. The State Council's 调休 (weekend days
 * worked to join holidays into a week) is not guessed.
 *
 * The lunar dates and the 清明 solar term are Beijing-time dates from the
 * astronomical computation of `tyme4ts` (no time-zone dependence).
 *
 * @internal
 */
import { LunarDay, SolarTerm } from "tyme4ts"
import { daysFromCivil, fromDayNumber } from "./days.js"

/** @internal The first year the 2024 revision of the 办法 applies to. */
export const FIRST_YEAR = 2025

/** @internal The last year the lunar computation reaches (tyme4ts' lunar years end at 9999). */
export const LAST_YEAR = 9998

/** @internal One statutory holiday or day in lieu. */
export interface StatutoryDay {
  /** Days since 1970-01-01. */
  readonly days: number
  readonly date: string
  readonly zh: string
  readonly en: string
  /** A day in lieu (补假) of a statutory day on a weekend or on another holiday. */
  readonly inLieu: boolean
}

/** The names as the State Council data (chinese-days) writes them. */
const NAMES = {
  newYear: { zh: "元旦", en: "New Year's Day" },
  springFestival: { zh: "春节", en: "Spring Festival" },
  qingming: { zh: "清明", en: "Tomb-sweeping Day" },
  labourDay: { zh: "劳动节", en: "Labour Day" },
  dragonBoat: { zh: "端午", en: "Dragon Boat Festival" },
  midAutumn: { zh: "中秋", en: "Mid-autumn Festival" },
  nationalDay: { zh: "国庆节", en: "National Day" }
} as const

const solarDays = (d: { getYear(): number; getMonth(): number; getDay(): number }): number =>
  daysFromCivil(d.getYear(), d.getMonth(), d.getDay())

/** Monday = 1 … Sunday = 7 of a day number (1970-01-01 was a Thursday). */
const weekday = (days: number): number => ((((days + 3) % 7) + 7) % 7) + 1

const cache = new Map<number, ReadonlyArray<StatutoryDay>>()

/**
 * @internal The statutory days and days in lieu of `year`, in date order.
 * Throws RangeError for a year outside {@link FIRST_YEAR}–{@link LAST_YEAR}.
 */
export const statutoryDays = (year: number): ReadonlyArray<StatutoryDay> => {
  const cached = cache.get(year)
  if (cached !== undefined) return cached
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new RangeError(
      `The statutory holidays of the 2024 办法 are computed for ${FIRST_YEAR}–${LAST_YEAR}, not ${year}`
    )
  }
  const springFestival = solarDays(LunarDay.fromYmd(year, 1, 1).getSolarDay())
  const statutory: Array<readonly [number, { readonly zh: string; readonly en: string }]> = [
    [daysFromCivil(year, 1, 1), NAMES.newYear],
    // 除夕 is the last day of the twelfth lunar month: the day before 正月初一.
    [springFestival - 1, NAMES.springFestival],
    [springFestival, NAMES.springFestival],
    [springFestival + 1, NAMES.springFestival],
    [springFestival + 2, NAMES.springFestival],
    [solarDays(SolarTerm.fromName(year, "清明").getSolarDay()), NAMES.qingming],
    [daysFromCivil(year, 5, 1), NAMES.labourDay],
    [daysFromCivil(year, 5, 2), NAMES.labourDay],
    [solarDays(LunarDay.fromYmd(year, 5, 5).getSolarDay()), NAMES.dragonBoat],
    [solarDays(LunarDay.fromYmd(year, 8, 15).getSolarDay()), NAMES.midAutumn],
    [daysFromCivil(year, 10, 1), NAMES.nationalDay],
    [daysFromCivil(year, 10, 2), NAMES.nationalDay],
    [daysFromCivil(year, 10, 3), NAMES.nationalDay]
  ]
  // Date order; on one date, the holiday named first in article 2 keeps the date.
  const ordered = statutory
    .map((s, i) => [s, i] as const)
    .sort((a, b) => a[0][0] - b[0][0] || a[1] - b[1])
  const holidays = new Set(statutory.map(([d]) => d))
  const taken = new Set<number>()
  const inLieu = new Set<number>()
  const out: Array<StatutoryDay> = []
  for (const [[days, name]] of ordered) {
    const clash = taken.has(days)
    if (!clash)
      out.push({ days, date: fromDayNumber(days), zh: name.zh, en: name.en, inLieu: false })
    taken.add(days)
    if (weekday(days) < 6 && !clash) continue
    let d = days + 1
    while (weekday(d) >= 6 || holidays.has(d) || inLieu.has(d)) d++
    inLieu.add(d)
    out.push({
      days: d,
      date: fromDayNumber(d),
      zh: `${name.zh}补假`,
      en: `${name.en} (day in lieu)`,
      inLieu: true
    })
  }
  out.sort((a, b) => a.days - b.days)
  cache.set(year, out)
  return out
}
