// An ISO 8601 date and time with its offset: seconds and their fraction optional.
const ISO = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/
const DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * @internal An instant as every store gives it: UTC to the microsecond, `Z`
 * (`2026-10-15T08:00:00.000000Z`, the ledger's own form), so that a portal
 * reads times of one precision whatever the back end. Digits past the
 * microsecond are cut; text that is not an ISO 8601 instant is returned as is.
 */
export const micros = (at: string): string => {
  const m = ISO.exec(at)
  if (m === null) return at
  const whole = new Date(`${m[1]}${m[3]}`)
  if (Number.isNaN(whole.getTime())) return at
  return `${whole.toISOString().slice(0, 19)}.${(m[2] ?? "").padEnd(6, "0").slice(0, 6)}Z`
}

/**
 * @internal A bound of `knownAt` or `corrections` in the form of {@link micros},
 * so that bounds and stamps compare as text: a date alone is the end of that
 * day in Beijing time.
 */
export const bound = (at: string): string =>
  micros(DATE.test(at) ? `${at}T23:59:59.999999+08:00` : at)

/** @internal Now, in the form of {@link micros}. */
export const fromMillis = (ms: number): string => micros(new Date(ms).toISOString())
