/**
 * Points are exact decimals with six places, held as whole numbers of
 * micro-points so that sums are exact and cheap. Multiplying by a decimal
 * factor rounds half to even at the sixth place, once, on the line.
 *
 * @internal
 */
import type { Ratio } from "@gongjian/core"
import * as BigDecimal from "effect/BigDecimal"

const SCALE = 6
const ONE = 1_000_000

/** @internal */
export type Micro = number

/** @internal A decimal (number or string) as micro-points; throws on more than six places. */
export const fromDecimal = (d: number | string): Micro => {
  const bd = BigDecimal.normalize(
    BigDecimal.fromStringUnsafe(typeof d === "number" ? numberText(d) : d)
  )
  const scaled = BigDecimal.scale(bd, SCALE)
  if (!BigDecimal.equals(scaled, bd))
    throw new RangeError(`${d} has more than ${SCALE} decimal places`)
  const n = Number(scaled.value)
  if (!Number.isSafeInteger(n)) throw new RangeError(`${d} is too large for points`)
  return n
}

const numberText = (n: number): string => {
  if (!Number.isFinite(n)) throw new RangeError(`${n} is not a finite number of points`)
  // Shortest round-trip text; exponent form is expanded by BigDecimal.
  return String(n)
}

/** @internal Whole points as micro-points. */
export const of = (n: number): Micro => n * ONE

/** @internal `a × b` where both are micro-points, rounded half to even. */
export const times = (a: Micro, b: Micro): Micro => {
  const p = BigInt(a) * BigInt(b)
  const q = p / 1_000_000n
  const r = p - q * 1_000_000n
  const twice = (r < 0n ? -r : r) * 2n
  let out = q
  if (twice > 1_000_000n || (twice === 1_000_000n && q % 2n !== 0n)) out += p < 0n ? -1n : 1n
  return Number(out)
}

// The same few point values recur on most lines: their text is kept.
const formatted = new Map<Micro, string>()

/** @internal */
export const format = (m: Micro): string => {
  let text = formatted.get(m)
  if (text === undefined) {
    text = formatUncached(m)
    if (formatted.size < 4096) formatted.set(m, text)
  }
  return text
}

const formatUncached = (m: Micro): string => {
  const negative = m < 0
  const abs = Math.abs(m)
  const int = Math.floor(abs / ONE)
  const frac = abs - int * ONE
  const fracText = frac === 0 ? "" : `.${String(frac).padStart(SCALE, "0").replace(/0+$/, "")}`
  return `${negative && m !== 0 ? "-" : ""}${int}${fracText}`
}

/** @internal */
export const toNumber = (m: Micro): number => m / ONE

/** @internal `a × r` for an exact ratio, rounded half to even once, at the sixth place. */
export const timesRatio = (a: Micro, r: Ratio.Ratio): Micro => {
  const p = BigInt(a) * r.numerator
  const d = r.denominator
  const q = p / d
  const rem = p - q * d
  const twice = (rem < 0n ? -rem : rem) * 2n
  let out = q
  if (twice > d || (twice === d && q % 2n !== 0n)) out += p < 0n ? -1n : 1n
  return Number(out)
}
