import { createHash, randomBytes, timingSafeEqual } from "node:crypto"
import * as Context from "effect/Context"
import type { User } from "../Role.js"

/** @internal One session: its user, CSRF token and when it lapses. */
export interface Session {
  readonly user: User
  readonly csrf: string
  expiresAt: number
}

/** @internal Sessions, kept in memory under the SHA-256 of their token. */
export interface Sessions {
  readonly create: (user: User, now: number) => { readonly token: string; readonly csrf: string }
  readonly find: (token: string, now: number) => Session | undefined
  readonly remove: (token: string) => void
}

/** @internal */
export class SessionsService extends Context.Service<SessionsService, Sessions>()(
  "@gongjian/server/internal/Sessions"
) {}

const digest = (token: string) => createHash("sha256").update(token).digest("base64url")

/** @internal */
export const makeSessions = (idleSeconds: number): Sessions => {
  const byDigest = new Map<string, Session>()
  return {
    create: (user, now) => {
      const token = randomBytes(32).toString("base64url")
      const csrf = randomBytes(32).toString("base64url")
      byDigest.set(digest(token), { user, csrf, expiresAt: now + idleSeconds * 1000 })
      return { token, csrf }
    },
    find: (token, now) => {
      if (token === "") return undefined
      const key = digest(token)
      const s = byDigest.get(key)
      if (s === undefined) return undefined
      if (s.expiresAt <= now) {
        byDigest.delete(key)
        return undefined
      }
      s.expiresAt = now + idleSeconds * 1000
      return s
    },
    remove: (token) => {
      byDigest.delete(digest(token))
    }
  }
}

/** @internal Compares two tokens in constant time. */
export const sameToken = (a: string, b: string): boolean => {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/** @internal Failed sign-ins per key (account, address) in a sliding window. */
export interface Limiter {
  /** Seconds to wait when the key is over the limit, else 0. */
  readonly blocked: (keys: ReadonlyArray<string>, now: number) => number
  readonly fail: (keys: ReadonlyArray<string>, now: number) => void
  readonly clear: (key: string) => void
}

/** @internal */
export const makeLimiter = (attempts: number, windowSeconds: number): Limiter => {
  const failures = new Map<string, Array<number>>()
  const recent = (key: string, now: number) => {
    const kept = (failures.get(key) ?? []).filter((t) => t > now - windowSeconds * 1000)
    if (kept.length === 0) failures.delete(key)
    else failures.set(key, kept)
    return kept
  }
  return {
    blocked: (keys, now) => {
      let wait = 0
      for (const key of keys) {
        const r = recent(key, now)
        if (r.length >= attempts)
          wait = Math.max(wait, Math.ceil((r[0]! + windowSeconds * 1000 - now) / 1000))
      }
      return wait
    },
    fail: (keys, now) => {
      for (const key of keys) failures.set(key, [...recent(key, now), now])
    },
    clear: (key) => {
      failures.delete(key)
    }
  }
}
