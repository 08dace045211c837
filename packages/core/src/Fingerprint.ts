/**
 * Canonical JSON and fingerprints (指纹): an assessment records the hash of
 * the options it ran with, so that it can be reproduced and compared later.
 *
 * @since 0.1.0
 */
import * as BigDecimal from "effect/BigDecimal"

/**
 * JSON with object keys sorted at every level, so that two equal values give
 * the same text whatever the order their keys were written in. `undefined`
 * and function properties are left out, as `JSON.stringify` does; exact
 * decimals (`BigDecimal`, as in money) are written as their decimal text. A
 * cyclic value is a `TypeError`.
 *
 * @example
 * {@includeCode ../examples/Fingerprint.ts#canonical}
 *
 * @since 0.1.0
 * @category encoding
 */
export const canonicalJson = (value: unknown): string => write(value, new Set())

const write = (value: unknown, path: Set<object>): string => {
  if (value === null || typeof value !== "object") {
    if (typeof value === "bigint") return JSON.stringify(value.toString())
    return JSON.stringify(value) ?? "null"
  }
  // Exact decimals (money amounts) are written as their decimal text.
  if (BigDecimal.isBigDecimal(value))
    return JSON.stringify(BigDecimal.format(BigDecimal.normalize(value)))
  if (path.has(value)) throw new TypeError("canonicalJson: the value contains a cycle")
  path.add(value)
  try {
    if (Array.isArray(value)) return `[${value.map((v) => write(v, path)).join(",")}]`
    const record = value as Record<string, unknown>
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined && typeof record[k] !== "function")
      .sort()
    return `{${keys.map((k) => `${JSON.stringify(k)}:${write(record[k], path)}`).join(",")}}`
  } finally {
    path.delete(value)
  }
}

const OFFSET = 0xcbf29ce484222325n
const PRIME = 0x100000001b3n
const MASK = 0xffffffffffffffffn

/**
 * A 64-bit FNV-1a fingerprint of a value's canonical JSON, written
 * `fnv1a64:` and 16 hex digits. It tells runs apart; it is not a
 * cryptographic signature.
 *
 * @example
 * {@includeCode ../examples/Fingerprint.ts#canonical}
 *
 * @since 0.1.0
 * @category encoding
 */
export const fingerprint = (value: unknown): string => {
  const bytes = new TextEncoder().encode(canonicalJson(value))
  let h = OFFSET
  for (const b of bytes) h = ((h ^ BigInt(b)) * PRIME) & MASK
  return `fnv1a64:${h.toString(16).padStart(16, "0")}`
}
