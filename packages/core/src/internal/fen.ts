/**
 * Amounts as whole fen (分): compared as integers when exact, as decimals
 * otherwise.
 *
 * @internal
 */
import * as BigDecimal from "effect/BigDecimal"

/** @internal Not a whole, safe number of fen. */
export const NOT_FEN = Number.NaN

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i)

/**
 * @internal The amount in fen (分) as a safe integer, or NaN when it has a
 * part below a fen or is too large to be exact as a number.
 */
export const fenOf = (amount: BigDecimal.BigDecimal): number => {
  const shift = 2 - amount.scale
  if (shift < 0 || shift > 22) return NOT_FEN
  const v = amount.value
  if (v > 9007199254740991n || v < -9007199254740991n) return NOT_FEN
  const fen = Number(v) * POW10[shift]!
  return Number.isSafeInteger(fen) ? fen : NOT_FEN
}

/**
 * @internal `a` against `b` (-1, 0, 1) given `b`'s fen (from {@link fenOf}):
 * integers when both are whole fen, the exact decimals otherwise.
 */
export const compareWithFen = (
  a: BigDecimal.BigDecimal,
  b: BigDecimal.BigDecimal,
  bFen: number
): -1 | 0 | 1 => {
  if (!Number.isNaN(bFen)) {
    const aFen = fenOf(a)
    if (!Number.isNaN(aFen)) return aFen < bFen ? -1 : aFen > bFen ? 1 : 0
  }
  return BigDecimal.Order(a, b)
}
