/** Timestamps as the ledger writes them: UTC, microseconds, `Z`. */
export const instantText = (column: string): string =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`

const DATE = /^\d{4}-\d{2}-\d{2}$/
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/

/**
 * A `knownAt` or `at` as PostgreSQL reads it: a date alone is the end of that
 * day in Beijing time (UTC+8); a date and time needs its offset (`Z` or
 * `+08:00`). Undefined when it is neither.
 */
export const instant = (text: string): string | undefined => {
  if (DATE.test(text)) {
    const d = new Date(`${text}T00:00:00Z`)
    return Number.isNaN(d.getTime()) ? undefined : `${text}T23:59:59.999999+08:00`
  }
  if (INSTANT.test(text) && !Number.isNaN(new Date(text).getTime())) return text
  return undefined
}
