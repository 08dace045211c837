/**
 * Password hashing (口令摘要) with scrypt from `node:crypto`: a random salt per
 * password, the cost parameters stored beside the hash, and a comparison in
 * constant time. The text is `scrypt$N$r$p$salt$hash` (salt and hash in
 * base64url), so stronger parameters can be chosen later without breaking
 * the stored hashes.
 *
 * @since 0.1.0
 */
import { randomBytes, scryptSync, timingSafeEqual } from "node:crypto"

const N = 16384
const R = 8
const P = 1
const KEY_LENGTH = 32

/**
 * Hashes a password with a fresh 16-byte salt.
 *
 * @example
 * {@includeCode ../examples/Password.ts#hash}
 *
 * @since 0.1.0
 * @category hashing
 */
export const hash = (password: string): string => {
  const salt = randomBytes(16)
  const key = scryptSync(password.normalize("NFC"), salt, KEY_LENGTH, { N, r: R, p: P })
  return `scrypt$${N}$${R}$${P}$${salt.toString("base64url")}$${key.toString("base64url")}`
}

/**
 * Whether a password matches a hash made by {@link hash}. A malformed hash
 * matches nothing.
 *
 * @example
 * {@includeCode ../examples/Password.ts#hash}
 *
 * @since 0.1.0
 * @category hashing
 */
export const verify = (password: string, hashed: string): boolean => {
  const parts = hashed.split("$")
  if (parts.length !== 6 || parts[0] !== "scrypt") return false
  const [n, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])]
  if (![n, r, p].every((x) => Number.isSafeInteger(x) && x > 0) || n > 1 << 20) return false
  const salt = Buffer.from(parts[4]!, "base64url")
  const expected = Buffer.from(parts[5]!, "base64url")
  if (salt.length < 16 || expected.length < 16) return false
  const key = scryptSync(password.normalize("NFC"), salt, expected.length, {
    N: n,
    r,
    p,
    maxmem: 256 * n * r + 1024 * 1024
  })
  return timingSafeEqual(key, expected)
}
