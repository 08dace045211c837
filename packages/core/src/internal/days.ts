/** @internal */
export interface DateParts {
  readonly year: number
  readonly month: number
  readonly day: number
}

/** @internal */
export const isLeapYear = (year: number): boolean =>
  (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const

/** @internal */
export const daysInMonth = (year: number, month: number): number =>
  month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!

/** @internal Parses `YYYY-MM-DD`; undefined when malformed or not a real date. */
export const parseIso = (s: string): DateParts | undefined => {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined
  const year = digits(s, 0, 4)
  const month = digits(s, 5, 7)
  const day = digits(s, 8, 10)
  if (year < 1000 || month < 1 || month > 12 || day < 1) return undefined
  if (day > daysInMonth(year, month)) return undefined
  return { year, month, day }
}

const digits = (s: string, from: number, to: number): number => {
  let n = 0
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48
    if (c < 0 || c > 9) return -1
    n = n * 10 + c
  }
  return n
}

/** @internal Days since 1970-01-01 of a civil date (Hinnant's days_from_civil; no allocation). */
export const daysFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const mp = (month + 9) % 12
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/** @internal The civil date of a day number, as [year, month, day] packed in a number: y * 10000 + m * 100 + d. */
export const civilFromDays = (days: number): number => {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0)
  return y * 10000 + m * 100 + d
}

/** @internal */
export const fromDayNumber = (days: number): string => {
  const c = civilFromDays(days)
  const y = Math.floor(c / 10000)
  const m = Math.floor(c / 100) % 100
  const d = c % 100
  return `${y}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`
}

// The day number of the 1st of each month from 1900-01 to 2200-01 (3601
// months), for month arithmetic on day numbers by lookup: the month of a day
// is guessed from its distance to 1900-01-01 and corrected by at most one.
const TABLE_FIRST_YEAR = 1900
const TABLE_MONTHS = 300 * 12
const monthStart = new Int32Array(TABLE_MONTHS + 1)
for (let m = 0; m <= TABLE_MONTHS; m++)
  monthStart[m] = daysFromCivil(TABLE_FIRST_YEAR + Math.floor(m / 12), (m % 12) + 1, 1)
const TABLE_START = monthStart[0]!
const TABLE_END = monthStart[TABLE_MONTHS]!

/** @internal Days since 1970-01-01 of a valid ISO date (by the month table from 1900 to 2199). */
export const toDayNumber = (s: string): number => {
  const year = digits(s, 0, 4)
  const month = digits(s, 5, 7)
  const day = digits(s, 8, 10)
  const m = (year - TABLE_FIRST_YEAR) * 12 + month - 1
  return m >= 0 && m < TABLE_MONTHS ? monthStart[m]! + day - 1 : daysFromCivil(year, month, day)
}

// The month (index into `monthStart`) of each day of the table, made on
// first use: month arithmetic over many projects is then two lookups.
let monthOfDay: Uint16Array | undefined
const monthsOfDays = (): Uint16Array => {
  const table = new Uint16Array(TABLE_END - TABLE_START)
  for (let m = 0; m < TABLE_MONTHS; m++)
    table.fill(m, monthStart[m]! - TABLE_START, monthStart[m + 1]! - TABLE_START)
  monthOfDay = table
  return table
}

/** @internal Adds calendar months to a day number, clamping to the month's end. */
export const addMonthsToDays = (days: number, months: number): number => {
  if (days >= TABLE_START && days < TABLE_END) {
    const m = (monthOfDay ?? monthsOfDays())[days - TABLE_START]!
    const target = m + months
    if (target >= 0 && target < TABLE_MONTHS) {
      const first = monthStart[target]!
      const day = days - monthStart[m]!
      const length = monthStart[target + 1]! - first
      return first + (day < length ? day : length - 1)
    }
  }
  const c = civilFromDays(days)
  const index = Math.floor(c / 10000) * 12 + (Math.floor(c / 100) % 100) - 1 + months
  const year = Math.floor(index / 12)
  const month = index - year * 12 + 1
  return daysFromCivil(year, month, Math.min(c % 100, daysInMonth(year, month)))
}
