/**
 * Percentages as bulletins and wall charts print them (百分比): one decimal
 * place, always written (`27.0%`, `100.0%`), rounded half up — a half goes
 * away from zero — from the exact value, never from a value already rounded.
 * ⅓ is `33.3%`, ⅔ is `66.7%`, 0.1235 is `12.4%`, 0.1234999 is `12.3%`.
 * One exception keeps a target's completion honest: a share below 100%
 * never reads `100.0%` (0.9996 is `99.9%`), since 100% says the target is
 * met; the status and the tiers come from the exact values anyway.
 * Points behind 序时进度 are written the same way without the sign
 * (`74.8` 个百分点). HTML, Markdown, PDF and the charts all use this module,
 * and it writes by core's `Ratio.percent` and `Ratio.roundHalfUp`, as the
 * assessments' messages do, so a figure reads the same everywhere.
 *
 * @since 0.1.0
 */
import { LocalDate, Ratio } from "@gongjian/core"

/**
 * The number of decimal places of every percentage and every count of
 * points: 1.
 *
 * @example
 * {@includeCode ../examples/Percent.ts#format}
 *
 * @since 0.1.0
 * @category constants
 */
export const places = Ratio.percentPlaces

/**
 * A ratio rounded half up (away from zero) to `digits` decimal places,
 * written with exactly that many: `round(⅔ × 100, 1)` is `66.7`.
 *
 * @example
 * {@includeCode ../examples/Percent.ts#format}
 *
 * @since 0.1.0
 * @category formatting
 */
export const round = (r: Ratio.Ratio, digits: number = places): string =>
  Ratio.roundHalfUp(r, digits)

/**
 * A ratio (0.27 is 27%) as a percentage with {@link places} decimals,
 * rounded half up from the exact value: `27.0%`, `33.3%`, `66.7%`; a ratio
 * below 1 is at most `99.9%`.
 *
 * @example
 * {@includeCode ../examples/Percent.ts#format}
 *
 * @since 0.1.0
 * @category formatting
 */
export const format = (r: Ratio.Ratio | number): string => Ratio.percent(r)

/**
 * Points (百分点) as written: {@link round} to {@link places} decimals,
 * `74.8`.
 *
 * @example
 * {@includeCode ../examples/Percent.ts#format}
 *
 * @since 0.1.0
 * @category formatting
 */
export const points = (r: Ratio.Ratio): string => round(r)

/**
 * 序时进度 exactly: the share of the days from `start` to `end` (both
 * included) elapsed by the end of `asOf`, between 0 and 1, as a fraction of
 * days (the share `Progress` compares with, before its display rounding).
 *
 * @example
 * {@includeCode ../examples/Percent.ts#format}
 *
 * @since 0.1.0
 * @category constructors
 */
export const elapsed = (
  start: LocalDate.LocalDate,
  end: LocalDate.LocalDate,
  asOf: LocalDate.LocalDate
): Ratio.Ratio => {
  const total = LocalDate.daysBetween(start, end) + 1
  if (total <= 0) return Ratio.makeUnsafe(1)
  const days = LocalDate.daysBetween(start, asOf) + 1
  return Ratio.min(Ratio.max(Ratio.makeUnsafe(days, total), 0), 1)
}

/**
 * Points behind 序时进度, exactly: `(expected − completion) × 100`; negative
 * when ahead.
 *
 * @example
 * {@includeCode ../examples/Percent.ts#format}
 *
 * @since 0.1.0
 * @category constructors
 */
export const behind = (expected: Ratio.Ratio, completion: Ratio.Ratio): Ratio.Ratio =>
  Ratio.multiply(Ratio.subtract(expected, completion), 100)
