/**
 * Exact ratios (比率): a completion is `actual / goal` held as a fraction of
 * whole numbers, never rounded before it is used. Comparisons (a veto that
 * turns on missing a target, a tier, a step) and products (points ×
 * completion) are exact; a ratio is rounded only when it is displayed, by
 * {@link round} (half-even at a stated number of places) or {@link show};
 * people read it as a percentage by {@link percent}, the one rule every
 * package writes percentages by.
 *
 * @since 0.2.0
 */
import * as BigDecimal from "effect/BigDecimal"

/**
 * A ratio `numerator / denominator` of whole numbers, the denominator
 * positive. The ratios this module makes write themselves to JSON as the
 * text `"numerator/denominator"`.
 *
 * @example
 * {@includeCode ../examples/Ratio.ts#ratio}
 *
 * @since 0.2.0
 * @category models
 */
export interface Ratio {
  readonly numerator: bigint
  readonly denominator: bigint
}

/** A ratio that writes itself to JSON as `"numerator/denominator"`. */
class Fraction implements Ratio {
  constructor(
    readonly numerator: bigint,
    readonly denominator: bigint
  ) {}
  toJSON(): string {
    return `${this.numerator}/${this.denominator}`
  }
}

const reduced = (num: bigint, den: bigint): Ratio => {
  const g = gcd(num, den)
  return g > 1n ? new Fraction(num / g, den / g) : new Fraction(num, den)
}

const abs = (n: bigint): bigint => (n < 0n ? -n : n)
const gcd = (a: bigint, b: bigint): bigint => {
  let x = abs(a)
  let y = abs(b)
  while (y !== 0n) [x, y] = [y, x % y]
  return x
}

const decimal = (x: number | string | BigDecimal.BigDecimal): BigDecimal.BigDecimal =>
  typeof x === "object"
    ? x
    : // Shortest round-trip text of a number; exponent form is expanded.
      BigDecimal.fromStringUnsafe(typeof x === "number" ? String(x) : x)

const fraction = (d: BigDecimal.BigDecimal): Ratio =>
  d.scale >= 0
    ? { numerator: d.value, denominator: 10n ** BigInt(d.scale) }
    : { numerator: d.value * 10n ** BigInt(-d.scale), denominator: 1n }

/**
 * The ratio `numerator / denominator` of two decimals (numbers are read by
 * their shortest decimal text: `0.1` is exactly one tenth). `undefined` when
 * the denominator is zero.
 *
 * @example
 * {@includeCode ../examples/Ratio.ts#ratio}
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = (
  numerator: number | string | BigDecimal.BigDecimal,
  denominator: number | string | BigDecimal.BigDecimal = 1
): Ratio | undefined => {
  const n = fraction(decimal(numerator))
  const d = fraction(decimal(denominator))
  let num = n.numerator * d.denominator
  let den = n.denominator * d.numerator
  if (den === 0n) return undefined
  if (den < 0n) {
    num = -num
    den = -den
  }
  return reduced(num, den)
}

/**
 * {@link make} for a denominator known not to be zero; throws a `RangeError`
 * otherwise.
 *
 * @example
 * {@includeCode ../examples/Ratio.ts#ratio}
 *
 * @since 0.2.0
 * @category constructors
 */
export const makeUnsafe = (
  numerator: number | string | BigDecimal.BigDecimal,
  denominator: number | string | BigDecimal.BigDecimal = 1
): Ratio => {
  const r = make(numerator, denominator)
  if (r === undefined) throw new RangeError("a ratio's denominator cannot be zero")
  return r
}

/**
 * Compares two ratios, or a ratio and a decimal: `-1`, `0` or `1`.
 *
 * @example
 * {@includeCode ../examples/Ratio.ts#compare}
 *
 * @since 0.2.0
 * @category comparisons
 */
export const compare = (a: Ratio, b: Ratio | number | string): -1 | 0 | 1 => {
  const r = typeof b === "object" ? b : makeUnsafe(b)
  const left = a.numerator * r.denominator
  const right = r.numerator * a.denominator
  return left < right ? -1 : left > right ? 1 : 0
}

/**
 * Whether `a ≥ b`, exactly: 4,999.98 / 5,000 is not at least 1.
 *
 * @example
 * {@includeCode ../examples/Ratio.ts#compare}
 *
 * @since 0.2.0
 * @category comparisons
 */
export const isAtLeast = (a: Ratio, b: Ratio | number | string): boolean => compare(a, b) >= 0

/**
 * The smaller of two ratios (the first when equal).
 *
 * @example
 * {@includeCode ../examples/Ratio.ts#compare}
 *
 * @since 0.2.0
 * @category comparisons
 */
export const min = (a: Ratio, b: Ratio | number | string): Ratio => {
  const r = typeof b === "object" ? b : makeUnsafe(b)
  return compare(a, r) <= 0 ? a : r
}

/**
 * The larger of two ratios (the first when equal).
 *
 * @example
 * {@includeCode ../examples/Ratio.ts#compare}
 *
 * @since 0.2.0
 * @category comparisons
 */
export const max = (a: Ratio, b: Ratio | number | string): Ratio => {
  const r = typeof b === "object" ? b : makeUnsafe(b)
  return compare(a, r) >= 0 ? a : r
}

/**
 * `a − b`, exactly.
 *
 * @example
 * {@includeCode ../examples/Ratio.ts#compare}
 *
 * @since 0.2.0
 * @category arithmetic
 */
export const subtract = (a: Ratio, b: Ratio): Ratio => {
  const num = a.numerator * b.denominator - b.numerator * a.denominator
  const den = a.denominator * b.denominator
  return reduced(num, den)
}

/**
 * `a × b`, exactly.
 *
 * @example
 * {@includeCode ../examples/Ratio.ts#compare}
 *
 * @since 0.2.0
 * @category arithmetic
 */
export const multiply = (a: Ratio, b: Ratio | number | string): Ratio => {
  const r = typeof b === "object" ? b : makeUnsafe(b)
  const num = a.numerator * r.numerator
  const den = a.denominator * r.denominator
  return reduced(num, den)
}

/**
 * The ratio rounded half-even to `places` decimal places, as a decimal: the
 * one rounding, done where a number is displayed or stored.
 *
 * @example
 * {@includeCode ../examples/Ratio.ts#display}
 *
 * @since 0.2.0
 * @category formatting
 */
export const round = (r: Ratio, places: number): BigDecimal.BigDecimal => {
  const scaled = r.numerator * 10n ** BigInt(places)
  let q = scaled / r.denominator
  const rem = scaled - q * r.denominator
  const twice = abs(rem) * 2n
  if (twice > r.denominator || (twice === r.denominator && abs(q) % 2n === 1n))
    q += scaled < 0n ? -1n : 1n
  return BigDecimal.normalize(BigDecimal.make(q, places))
}

/**
 * {@link round} as a number.
 *
 * @example
 * {@includeCode ../examples/Ratio.ts#display}
 *
 * @since 0.2.0
 * @category formatting
 */
export const toNumber = (r: Ratio, places: number): number =>
  BigDecimal.toNumberUnsafe(round(r, places))

/**
 * The ratio in decimals for a message: exact when it ends within `places`
 * places (`0.5`, `0.999996`), otherwise cut (not rounded) at `places` and
 * followed by `…` (`0.666666…`), so that a ratio below 1 never reads as 1.
 *
 * @example
 * {@includeCode ../examples/Ratio.ts#display}
 *
 * @since 0.2.0
 * @category formatting
 */
export const show = (r: Ratio, places = 6): string => {
  const scaled = r.numerator * 10n ** BigInt(places)
  const q = scaled / r.denominator
  const exact = q * r.denominator === scaled
  const text = BigDecimal.format(BigDecimal.normalize(BigDecimal.make(q, places)))
  return exact ? text : `${q === 0n && r.numerator < 0n ? "-" : ""}${text}…`
}

/**
 * The ratio as a percentage for a message: {@link show} of `r × 100` with a
 * `%` sign (`57%`, `99.9996%`, `66.6666…%`).
 *
 * @example
 * {@includeCode ../examples/Ratio.ts#display}
 *
 * @since 0.2.0
 * @category formatting
 */
export const showPercent = (r: Ratio, places = 4): string => `${show(multiply(r, 100), places)}%`

/**
 * The ratio rounded half up (a half goes away from zero) to `digits` decimal
 * places, written with exactly that many: `⅔` at 1 place is `0.7`, `-0.05`
 * is `-0.1`. Rounded once, from the exact value.
 *
 * @example
 * {@includeCode ../examples/Ratio.ts#percent}
 *
 * @since 0.4.0
 * @category formatting
 */
export const roundHalfUp = (r: Ratio, digits: number): string => {
  const scale = 10n ** BigInt(digits)
  const negative = r.numerator < 0n
  const n = (negative ? -r.numerator : r.numerator) * scale
  let q = n / r.denominator
  if ((n - q * r.denominator) * 2n >= r.denominator) q += 1n
  const whole = q / scale
  const frac = (q % scale).toString().padStart(digits, "0")
  const sign = negative && q !== 0n ? "-" : ""
  return digits === 0 ? `${sign}${whole}` : `${sign}${whole}.${frac}`
}

/**
 * The decimal places of a {@link percent}: 1.
 *
 * @example
 * {@includeCode ../examples/Ratio.ts#percent}
 *
 * @since 0.4.0
 * @category formatting
 */
export const percentPlaces = 1

/**
 * A ratio (0.27 is 27%) as people read it (百分比): one decimal place, always
 * written (`27.0%`, `100.0%`), rounded half up from the exact value — ⅓ is
 * `33.3%`, ⅔ is `66.7%`, 0.1235 is `12.4%`. A ratio below 1 never reads
 * `100.0%` (0.9996 is `99.9%`): 100% says a target is met. Completions,
 * rates and shares in messages, explanations, bulletins and charts are all
 * written by this function, so that a figure reads the same everywhere.
 *
 * @example
 * {@includeCode ../examples/Ratio.ts#percent}
 *
 * @since 0.4.0
 * @category formatting
 */
export const percent = (r: Ratio | number): string => {
  const exact = typeof r === "number" ? makeUnsafe(r) : r
  const text = roundHalfUp(multiply(exact, 100), percentPlaces)
  const full = `100.${"0".repeat(percentPlaces)}`
  return text === full && compare(exact, 1) < 0 ? `99.${"9".repeat(percentPlaces)}%` : `${text}%`
}

/**
 * The decimal places of {@link score}: at most 2.
 *
 * @example
 * {@includeCode ../examples/Ratio.ts#score}
 *
 * @since 0.4.0
 * @category formatting
 */
export const scorePlaces = 2

/**
 * A score (得分, a unit's total or a line's points) as people read it: at
 * most two decimals, rounded half up from the exact value, trailing zeros
 * dropped — `27.214286` is `27.21`, `14.666667` is `14.67`, `27.5` stays
 * `27.5`, `41` stays `41`. Rankings in bulletins, wall charts, the command
 * line and spreadsheets are written by this function, so that a total reads
 * the same everywhere; JSON keeps the exact value.
 *
 * @example
 * {@includeCode ../examples/Ratio.ts#score}
 *
 * @since 0.4.0
 * @category formatting
 */
export const score = (total: Ratio | number | string): string => {
  const exact = typeof total === "object" ? total : makeUnsafe(total)
  const text = roundHalfUp(exact, scorePlaces)
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text
}
