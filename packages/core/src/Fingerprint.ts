/**
 * Canonical JSON and fingerprints (指纹): an assessment records the hash of
 * the options it ran with, so that it can be reproduced and compared later.
 *
 * @since 0.1.0
 */

/**
 * JSON with object keys sorted at every level, so that two equal values give
 * the same text whatever the order their keys were written in. `undefined`
 * properties are left out, as `JSON.stringify` does.
 *
 * @example
 * {@includeCode ../examples/Fingerprint.ts#canonical}
 *
 * @since 0.1.0
 * @category encoding
 */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== "object") {
    if (typeof value === "bigint") return JSON.stringify(value.toString())
    return JSON.stringify(value) ?? "null"
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`
  const keys = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(",")}}`
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
