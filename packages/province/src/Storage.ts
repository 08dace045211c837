/**
 * The province's storage (分区存储): one table, `province_record`, partitioned
 * by county (`PARTITION BY LIST (county)`) on the coordinator; a county's
 * partition is a table there, or a foreign table (`postgres_fdw`) whose rows
 * live in a table of the same name on another server. Each partition keeps
 * its county's records unique by idempotency key. The coordinator's database
 * turns on `enable_partitionwise_aggregate` (and `…_join`), so a
 * province-wide aggregate grouped by county runs on each server.
 *
 * The distribution column is `county`, as in Citus's
 * `create_distributed_table('province_record', 'county')`: the same table and
 * the same queries move to Citus where it is available.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as SqlClient from "effect/sql/SqlClient"
import { literal, onServer } from "./internal/sql.js"
import { type Layout, partitionOf } from "./Layout.js"
import type { ServerFailure } from "./ProvinceError.js"

/**
 * The columns of a county's records: the county, the record's idempotency
 * key (`kind/id`), its kind and id, its place in the county's file, the
 * sha256 of key and body, and the record's JSON.
 */
const COLUMNS = `county text NOT NULL,
    key text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('campaign', 'calendar', 'unit', 'project', 'activity', 'report')),
    record_id text NOT NULL,
    ordinal integer NOT NULL,
    digest text NOT NULL,
    body text NOT NULL`

/**
 * The statements that set a province up, server by server: on each server
 * other than the coordinator, the tables of the counties placed there; on the
 * coordinator, `postgres_fdw` with a foreign server and user mapping per
 * server, the partitioned table, a partition per county (a table, or a
 * foreign table on the county's server) and the partitionwise settings.
 * Every statement can run again (`IF NOT EXISTS`). A password in a server's
 * URL goes into its user mapping.
 *
 * @example
 * {@includeCode ../examples/Layout.ts#statements}
 *
 * @since 0.1.0
 * @category schema
 */
export const statements = (
  layout: Layout
): {
  readonly servers: ReadonlyArray<{ readonly server: string; readonly sql: ReadonlyArray<string> }>
  readonly coordinator: ReadonlyArray<string>
} => {
  const local = layout.coordinator.name
  const table = (county: string) =>
    `CREATE TABLE IF NOT EXISTS ${partitionOf(county)} (
    ${COLUMNS},
    CHECK (county = ${literal(county)}),
    UNIQUE (county, key)
  )`
  const servers = layout.servers.map((s) => ({
    server: s.name,
    sql: layout.placement.filter((p) => p.server === s.name).map((p) => table(p.county))
  }))
  const foreign = layout.servers.flatMap((s) => {
    const u = new URL(s.url)
    const options = [
      `host ${literal(decodeURIComponent(u.hostname))}`,
      `port ${literal(u.port === "" ? "5432" : u.port)}`,
      `dbname ${literal(decodeURIComponent(u.pathname.slice(1)) || "postgres")}`,
      "fetch_size '10000'",
      "batch_size '1000'",
      "async_capable 'true'"
    ]
    const user = [
      `user ${literal(decodeURIComponent(u.username) || "postgres")}`,
      ...(u.password === "" ? [] : [`password ${literal(decodeURIComponent(u.password))}`])
    ]
    return [
      `CREATE SERVER IF NOT EXISTS province_${s.name} FOREIGN DATA WRAPPER postgres_fdw OPTIONS (${options.join(", ")})`,
      `CREATE USER MAPPING IF NOT EXISTS FOR CURRENT_USER SERVER province_${s.name} OPTIONS (${user.join(", ")})`
    ]
  })
  const partitions = layout.placement.map((p) =>
    p.server === local
      ? `CREATE TABLE IF NOT EXISTS ${partitionOf(p.county)} PARTITION OF province_record (
    CHECK (county = ${literal(p.county)}),
    UNIQUE (county, key)
  ) FOR VALUES IN (${literal(p.county)})`
      : `CREATE FOREIGN TABLE IF NOT EXISTS ${partitionOf(p.county)} PARTITION OF province_record FOR VALUES IN (${literal(p.county)}) SERVER province_${p.server} OPTIONS (table_name ${literal(partitionOf(p.county))})`
  )
  return {
    servers,
    coordinator: [
      ...(layout.servers.length > 0 ? ["CREATE EXTENSION IF NOT EXISTS postgres_fdw"] : []),
      ...foreign,
      `CREATE TABLE IF NOT EXISTS province_record (
    ${COLUMNS}
  ) PARTITION BY LIST (county)`,
      ...partitions,
      `DO $$ BEGIN
    EXECUTE format('ALTER DATABASE %I SET enable_partitionwise_aggregate = on', current_database());
    EXECUTE format('ALTER DATABASE %I SET enable_partitionwise_join = on', current_database());
  END $$`
    ]
  }
}

/**
 * Sets a province up on its servers: {@link statements}, each server's own
 * first, then the coordinator's. Running it again changes nothing; a county
 * added to the layout gets its partition. A server that cannot be reached,
 * or refuses a statement, fails with `ServerFailure` (`setup`).
 *
 * @example
 * {@includeCode ../examples/Province.ts#setup}
 *
 * @since 0.1.0
 * @category schema
 */
export const setup = (layout: Layout): Effect.Effect<void, ServerFailure> =>
  Effect.gen(function* () {
    const plan = statements(layout)
    const run = (list: ReadonlyArray<string>) =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        for (const s of list) yield* sql.unsafe(s)
      })
    for (const { server, sql } of plan.servers) {
      const s = layout.servers.find((x) => x.name === server)!
      yield* onServer(s, "setup", undefined, run(sql))
    }
    yield* onServer(layout.coordinator, "setup", undefined, run(plan.coordinator))
  })
