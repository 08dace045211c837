/**
 * Loading a province (入库): each county's snapshot file as records, written
 * through the coordinator's partitioned table (each row routed to its
 * county's partition, on whichever server that is) in batches, each batch its
 * own transaction. Every record carries an idempotency key unique in its
 * county's partition (`kind/id`), so a load stopped by a server restarting is
 * simply run again: what was written stays, what was not is written, nothing
 * twice. Each county is then checked against its file.
 *
 * @since 0.1.0
 */

import { PostgresClient } from "@gongjian/ledger"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import * as SqlClient from "effect/sql/SqlClient"
import type { SqlError } from "effect/sql/SqlError"
import { checkOf, type Row, rowsOf } from "./internal/records.js"
import { detailOf } from "./internal/sql.js"
import { type Layout, serverOf } from "./Layout.js"
import { type InvalidCounty, RecordMismatch, ServerFailure } from "./ProvinceError.js"

/**
 * A county to load: its id and its snapshot file (JSON, as read from a file).
 *
 * @example
 * {@includeCode ../examples/Province.ts#restart}
 *
 * @since 0.1.0
 * @category models
 */
export interface CountyFile {
  readonly id: string
  readonly snapshot: unknown
}

/**
 * What a load did for one county: its records, how many it wrote, how many
 * its partition already held (an earlier, interrupted load's), and the
 * server the partition lives on.
 *
 * @example
 * {@includeCode ../examples/Province.ts#load}
 *
 * @since 0.1.0
 * @category models
 */
export interface CountyReceipt {
  readonly county: string
  readonly server: string
  readonly records: number
  readonly written: number
  readonly present: number
}

/**
 * What a load did: a receipt per county, in county order, and the totals.
 *
 * @example
 * {@includeCode ../examples/Province.ts#load}
 *
 * @since 0.1.0
 * @category models
 */
export interface Receipt {
  readonly counties: ReadonlyArray<CountyReceipt>
  readonly records: number
  readonly written: number
  readonly present: number
}

/**
 * A batch written, for `onBatch`: the county, the batch's number (from 1)
 * and the records it held (those whose key the partition already had were
 * skipped).
 *
 * @example
 * {@includeCode ../examples/Province.ts#restart}
 *
 * @since 0.1.0
 * @category models
 */
export interface Progress {
  readonly county: string
  readonly batch: number
  readonly records: number
}

interface Check {
  readonly county: string
  readonly count: number
  readonly sum: string
}

/** The count and digest sum of each county's partition, one aggregate grouped by county. */
const checks = (
  counties: ReadonlyArray<string>
): Effect.Effect<Map<string, Check>, SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const rows = yield* sql<{ county: string; n: number; s: string | null }>`
      SELECT county, count(*)::int AS n, sum(('x' || left(digest, 15))::bit(60)::bigint)::text AS s
      FROM province_record
      WHERE county IN (SELECT jsonb_array_elements_text(${JSON.stringify(counties)}::jsonb))
      GROUP BY county`
    return new Map(
      rows.map((r) => [r.county, { county: r.county, count: Number(r.n), sum: r.s ?? "0" }])
    )
  })

/** The first record of a county whose partition differs from its file. */
const mismatch = (
  county: string,
  rows: ReadonlyArray<Row>
): Effect.Effect<RecordMismatch | undefined, SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const stored = yield* sql<{ key: string; digest: string }>`
      SELECT key, digest FROM province_record WHERE county = ${county}::text`
    const held = new Map(stored.map((r) => [r.key, r.digest]))
    const keys = new Set<string>()
    for (const r of rows) {
      keys.add(r.key)
      const d = held.get(r.key)
      if (d === undefined) return new RecordMismatch({ code: "missing-record", county, key: r.key })
      if (d !== r.digest)
        return new RecordMismatch({ code: "idempotency-conflict", county, key: r.key })
    }
    const extra = stored.map((r) => r.key).find((k) => !keys.has(k))
    return extra === undefined
      ? undefined
      : new RecordMismatch({ code: "unexpected-record", county, key: extra })
  })

/** The rows a county's partition holds. */
const countOf = (county: string): Effect.Effect<number, SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const rows = yield* sql<{ n: number }>`
      SELECT count(*)::int AS n FROM province_record WHERE county = ${county}::text`
    return Number(rows[0]!.n)
  })

/**
 * Writes a batch, skipping the keys its partition already holds. Without
 * RETURNING, postgres_fdw sends a foreign partition's rows in batches
 * (`batch_size`) rather than one by one.
 */
const writeBatch = (
  batch: ReadonlyArray<Row>
): Effect.Effect<void, SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    yield* sql`
      INSERT INTO province_record (county, key, kind, record_id, ordinal, digest, body)
      SELECT r.county, r.key, r.kind, r.record_id, r.ordinal, r.digest, r.body
      FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) AS r(
        county text, key text, kind text, record_id text, ordinal int, digest text, body text)
      ON CONFLICT DO NOTHING`
  })

/**
 * Loads counties through the coordinator: each county's file checked as a
 * snapshot and split into records (the campaign, calendar, units, projects
 * with their events, activities, reports), written `batchSize` records to a
 * transaction (1,000 by default), `concurrency` counties at a time (4 by
 * default), then every county's partition checked against its file (count
 * and digests, one aggregate grouped by county that each server answers for
 * its own partitions).
 *
 * Fails with `InvalidCounty` before writing anything when a file does not
 * decode or a county has no partition; with `ServerFailure` (`load`) when a
 * server is unreachable or fails mid-load — run the same load again once it
 * is back: nothing is lost and nothing written twice; with `RecordMismatch`
 * when a partition holds a record under the same key with other content, or
 * a record the file does not have. `onBatch` is told of each batch written.
 *
 * @example
 * {@includeCode ../examples/Province.ts#load}
 *
 * @since 0.1.0
 * @category loading
 */
export const load = (options: {
  readonly layout: Layout
  readonly counties: ReadonlyArray<CountyFile>
  readonly batchSize?: number | undefined
  readonly concurrency?: number | undefined
  readonly onBatch?: ((progress: Progress) => Effect.Effect<void>) | undefined
}): Effect.Effect<Receipt, InvalidCounty | ServerFailure | RecordMismatch> =>
  Effect.gen(function* () {
    const { layout } = options
    const size = Math.max(1, options.batchSize ?? 1000)
    const concurrency = Math.max(1, options.concurrency ?? 4)
    const plans: Array<{ county: string; server: string; rows: ReadonlyArray<Row> }> = []
    for (const c of [...options.counties].sort((a, b) =>
      a.id < b.id ? -1 : a.id > b.id ? 1 : 0
    )) {
      const server = serverOf(layout, c.id)
      if (Result.isFailure(server)) return yield* Effect.fail(server.failure)
      const rows = rowsOf(c.id, c.snapshot)
      if (Result.isFailure(rows)) return yield* Effect.fail(rows.failure)
      plans.push({ county: c.id, server: server.success.name, rows: rows.success })
    }
    const failed = (county: string | undefined, server: string) => (e: SqlError) =>
      Effect.fail(new ServerFailure({ code: "load", server, county, detail: detailOf(e) }))
    const program = Effect.gen(function* () {
      const before = yield* Effect.forEach(
        plans,
        (p) =>
          Effect.gen(function* () {
            const n = yield* countOf(p.county).pipe(
              Effect.catchTag("SqlError", failed(p.county, p.server))
            )
            for (let i = 0, batch = 1; i < p.rows.length; i += size, batch++) {
              const rows = p.rows.slice(i, i + size)
              yield* writeBatch(rows).pipe(Effect.catchTag("SqlError", failed(p.county, p.server)))
              if (options.onBatch !== undefined)
                yield* options.onBatch({ county: p.county, batch, records: rows.length })
            }
            return n
          }),
        { concurrency }
      )
      const held = yield* checks(plans.map((p) => p.county)).pipe(
        Effect.catchTag("SqlError", failed(undefined, layout.coordinator.name))
      )
      const counties: Array<CountyReceipt> = []
      for (const [i, p] of plans.entries()) {
        const want = checkOf(p.rows)
        const got = held.get(p.county)
        if (got === undefined || got.count !== want.count || got.sum !== want.sum) {
          const m = yield* mismatch(p.county, p.rows).pipe(
            Effect.catchTag("SqlError", failed(p.county, p.server))
          )
          if (m !== undefined) return yield* Effect.fail(m)
        }
        // The partition now holds exactly the file's records: what it held before was kept.
        counties.push({
          county: p.county,
          server: p.server,
          records: p.rows.length,
          written: p.rows.length - before[i]!,
          present: before[i]!
        })
      }
      const total = (f: (c: CountyReceipt) => number) => counties.reduce((a, c) => a + f(c), 0)
      return {
        counties,
        records: total((c) => c.records),
        written: total((c) => c.written),
        present: total((c) => c.present)
      }
    })
    return yield* program.pipe(
      Effect.provide(PostgresClient.layer(layout.coordinator.url, { maxConnections: concurrency })),
      Effect.catchTag("SqlError", failed(undefined, layout.coordinator.name))
    )
  })
