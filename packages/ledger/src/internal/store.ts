import * as Effect from "effect/Effect"
import * as SqlClient from "effect/sql/SqlClient"
import type { SqlError } from "effect/sql/SqlError"
import type { Kind, Row, Stored } from "./records.js"
import { instantText } from "./time.js"

/** The newest version of a record. */
export interface Head {
  readonly kind: Kind
  readonly id: string
  readonly key: string
  readonly stream: string
  readonly seq: number
  readonly ordinal: number
  readonly body: string | null
}

/** Where a stream stands: its version, its latest record's time, its last event's place. */
export interface StreamHead {
  readonly version: number
  readonly latest: string
  readonly lastEvent: number
}

/** A submission already in the ledger. */
export interface SubmissionRow {
  readonly id: number
  readonly digest: string
  readonly recordedAt: string
  readonly summary: string
}

const keysFilter = (
  sql: SqlClient.SqlClient,
  column: string,
  keys: ReadonlyArray<string> | undefined
) =>
  keys === undefined
    ? sql.literal("TRUE")
    : sql`${sql.literal(column)} IN (SELECT jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb))`

export const findSubmission = (
  campaign: string,
  key: string
): Effect.Effect<SubmissionRow | undefined, SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const rows = yield* sql<{
      id: string
      digest: string
      recorded_at: string
      summary: string
    }>`SELECT id::text AS id, digest, ${sql.literal(instantText("recorded_at"))} AS recorded_at, summary
       FROM ledger_submission WHERE campaign = ${campaign}::text AND idempotency_key = ${key}::text`
    const r = rows[0]
    return r === undefined
      ? undefined
      : { id: Number(r.id), digest: r.digest, recordedAt: r.recorded_at, summary: r.summary }
  })

export const heads = (
  campaign: string,
  keys?: ReadonlyArray<string>
): Effect.Effect<Map<string, Head>, SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const rows = yield* sql<{
      kind: Kind
      record_id: string
      key: string
      stream: string
      seq: string
      ordinal: number
      body: string | null
    }>`SELECT DISTINCT ON (key) kind, record_id, key, stream, seq::text AS seq, ordinal, body
       FROM ledger_record WHERE campaign = ${campaign}::text AND ${keysFilter(sql, "key", keys)}
       ORDER BY ledger_record.key, ledger_record.seq DESC`
    return new Map(
      rows.map((r) => [
        r.key,
        {
          kind: r.kind,
          id: r.record_id,
          key: r.key,
          stream: r.stream,
          seq: Number(r.seq),
          ordinal: Number(r.ordinal),
          body: r.body
        }
      ])
    )
  })

export const streamHeads = (
  campaign: string,
  streams?: ReadonlyArray<string>
): Effect.Effect<Map<string, StreamHead>, SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const rows = yield* sql<{
      stream: string
      version: number
      latest: string
      last_event: number | null
    }>`SELECT stream, max(version)::int AS version, ${sql.literal(instantText("max(recorded_at)"))} AS latest,
              max(ordinal) FILTER (WHERE kind = 'event')::int AS last_event
       FROM ledger_record WHERE campaign = ${campaign}::text AND ${keysFilter(sql, "stream", streams)}
       GROUP BY stream`
    return new Map(
      rows.map((r) => [
        r.stream,
        {
          version: Number(r.version),
          latest: r.latest,
          lastEvent: r.last_event === null ? -1 : Number(r.last_event)
        }
      ])
    )
  })

export const clock: Effect.Effect<string, SqlError, SqlClient.SqlClient> = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const rows = yield* sql<{
    t: string
  }>`SELECT ${sql.literal(instantText("clock_timestamp()"))} AS t`
  return rows[0]!.t
})

/** `at` as the ledger writes it: UTC, microseconds. */
export const normalise = (at: string): Effect.Effect<string, SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const rows = yield* sql<{
      t: string
    }>`SELECT to_char(${at}::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS t`
    return rows[0]!.t
  })

export const insertSubmission = (s: {
  readonly campaign: string
  readonly key: string
  readonly kind: "import" | "submit"
  readonly digest: string
  readonly recordedAt: string
  readonly user: string
  readonly unit: string
  readonly reason: string | null
  readonly asOf: string | null
  readonly layout: string | null
  readonly records: number
  readonly summary: string
}): Effect.Effect<number, SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const rows = yield* sql<{ id: string }>`INSERT INTO ledger_submission
      (campaign, idempotency_key, kind, digest, recorded_at, recorded_by, recorded_unit, reason, as_of, layout, records, summary)
      VALUES (${s.campaign}::text, ${s.key}::text, ${s.kind}::text, ${s.digest}::text, ${s.recordedAt}::timestamptz,
              ${s.user}::text, ${s.unit}::text, ${s.reason}::text, ${s.asOf}::date, ${s.layout}::text, ${s.records}::int, ${s.summary}::text)
      RETURNING id::text AS id`
    return Number(rows[0]!.id)
  })

/** A record to insert: the row, its version in its stream, what it supersedes and why. */
export interface Insert extends Row {
  readonly version: number
  readonly supersedes: number | null
  readonly reason: string | null
}

const BATCH = 2000

/** Inserts records in batches (one JSON parameter each); the sequence number of each key. */
export const insertRecords = (
  campaign: string,
  submission: number,
  recordedAt: string,
  rows: ReadonlyArray<Insert>
): Effect.Effect<Map<string, number>, SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const seqs = new Map<string, number>()
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH).map((r) => ({
        kind: r.kind,
        record_id: r.id,
        key: r.key,
        stream: r.stream,
        version: r.version,
        ordinal: r.ordinal,
        effective: r.effective,
        body: r.body,
        supersedes: r.supersedes,
        reason: r.reason
      }))
      const out = yield* sql<{ key: string; seq: string }>`INSERT INTO ledger_record
        (submission, campaign, kind, record_id, key, stream, version, ordinal, effective, body, supersedes, reason, recorded_at)
        SELECT ${submission}::bigint, ${campaign}::text, r.kind, r.record_id, r.key, r.stream, r.version, r.ordinal,
               r.effective, r.body, r.supersedes, r.reason, ${recordedAt}::timestamptz
        FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) AS r(
          kind text, record_id text, key text, stream text, version int, ordinal int,
          effective date, body text, supersedes bigint, reason text)
        RETURNING key, seq::text AS seq`
      for (const r of out) seqs.set(r.key, Number(r.seq))
    }
    return seqs
  })

/** The records of a campaign as known at a time: the newest version of each, withdrawn ones left out. */
export const knownAt = (
  campaign: string,
  at: string
): Effect.Effect<ReadonlyArray<Stored>, SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const rows = yield* sql<{
      kind: Kind
      record_id: string
      ordinal: number
      body: string | null
    }>`SELECT DISTINCT ON (key) kind, record_id, ordinal, body
       FROM ledger_record WHERE campaign = ${campaign}::text AND recorded_at <= ${at}::timestamptz
       ORDER BY key, recorded_at DESC, seq DESC`
    const out: Array<Stored> = []
    for (const r of rows)
      if (r.body !== null)
        out.push({ kind: r.kind, id: r.record_id, ordinal: Number(r.ordinal), body: r.body })
    return out
  })
