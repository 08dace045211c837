/**
 * Corrections (更正) field by field: what a version that supersedes another
 * changed — which record, which field, the value before and after, why, who
 * filed it and when — as a bulletin lists the corrections filed since the
 * previous one ("上期以来数据更正").
 *
 * @since 0.1.0
 */
import type { LocalDate } from "@gongjian/core"
import * as Effect from "effect/Effect"
import type * as SqlClient from "effect/sql/SqlClient"
import type { SqlError } from "effect/sql/SqlError"
import { named } from "./internal/records.js"
import * as Ledger from "./Ledger.js"
import type { LedgerError } from "./LedgerError.js"

/**
 * One changed field of a corrected record, or a withdrawn record (撤回,
 * `withdrawn`, no field): the record as a reader names it (`report R-1`,
 * `event P-001#0`, `campaign`), the field's path (`value`,
 * `investment.total`, `allocations[1].goal`), the values before and after
 * as written in the snapshot file (a string as it is, anything else as
 * JSON; absent when the field was added or removed), the reason, who filed
 * it, when (the ledger's time, and its day in Beijing time).
 *
 * @example
 * {@includeCode ../examples/Correction.ts#between}
 *
 * @since 0.1.0
 * @category models
 */
export interface Correction {
  readonly kind: Ledger.RecordKind
  readonly id: string
  readonly record: string
  readonly field: string | undefined
  readonly before: string | undefined
  readonly after: string | undefined
  readonly withdrawn: boolean
  readonly reason: string | undefined
  readonly by: Ledger.Author
  readonly recordedAt: string
  /** The day it was filed, in Beijing time (UTC+8). */
  readonly on: LocalDate.LocalDate
  /** The version's sequence number in the ledger. */
  readonly seq: number
}

const isObject = (x: unknown): x is { readonly [k: string]: unknown } =>
  typeof x === "object" && x !== null && !Array.isArray(x)

const text = (x: unknown): string | undefined =>
  x === undefined ? undefined : typeof x === "string" ? x : JSON.stringify(x)

/** The changed leaves of two JSON values, with their paths. */
const diff = (
  a: unknown,
  b: unknown,
  path: string,
  out: Array<{ field: string | undefined; before: unknown; after: unknown }>
): void => {
  if (JSON.stringify(a) === JSON.stringify(b)) return
  if (isObject(a) && isObject(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))]
    for (const k of keys) diff(a[k], b[k], path === "" ? k : `${path}.${k}`, out)
    return
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((x, i) => {
      diff(x, b[i], `${path}[${i}]`, out)
    })
    return
  }
  out.push({ field: path === "" ? undefined : path, before: a, after: b })
}

/** The day of an instant in Beijing time. */
const beijingDay = (instant: string): LocalDate.LocalDate =>
  new Date(new Date(instant).getTime() + 8 * 3_600_000).toISOString().slice(0, 10)

/**
 * The corrections one version makes: a field each for a version that
 * supersedes another, one for a withdrawal, none for a new record.
 *
 * @example
 * {@includeCode ../examples/Correction.ts#between}
 *
 * @since 0.1.0
 * @category constructors
 */
export const ofVersion = (v: Ledger.Version): ReadonlyArray<Correction> => {
  if (v.supersedes === null) return []
  const base = {
    kind: v.kind,
    id: v.id,
    record: named(v.kind, v.id),
    reason: v.reason ?? undefined,
    by: v.by,
    recordedAt: v.recordedAt,
    on: beijingDay(v.recordedAt),
    seq: v.seq
  }
  if (v.value === null)
    return [{ ...base, field: undefined, before: undefined, after: undefined, withdrawn: true }]
  const changed: Array<{ field: string | undefined; before: unknown; after: unknown }> = []
  diff(v.previous, v.value, "", changed)
  return changed.map((c) => ({
    ...base,
    field: c.field,
    before: c.field === undefined && v.previous === null ? undefined : text(c.before),
    after: c.field === undefined && v.previous === null ? undefined : text(c.after),
    withdrawn: false
  }))
}

/**
 * The corrections filed after `from` and up to `to` (`knownAt` times: a
 * date is the end of that day in Beijing time; `to` defaults to now), in the
 * order they were filed, field by field: what a bulletin lists as the
 * corrections since the previous bulletin. New records are not corrections
 * and are left out.
 *
 * @example
 * {@includeCode ../examples/Correction.ts#between}
 *
 * @since 0.1.0
 * @category reading
 */
export const between = (options: {
  readonly campaign: string
  readonly from: string
  readonly to?: string | undefined
}): Effect.Effect<ReadonlyArray<Correction>, LedgerError | SqlError, SqlClient.SqlClient> =>
  Effect.map(Ledger.changes(options), (versions) => versions.flatMap(ofVersion))
