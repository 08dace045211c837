import * as Effect from "effect/Effect"
import * as SqlClient from "effect/sql/SqlClient"
import type { SqlError } from "effect/sql/SqlError"
import { assemble, type Kind } from "./records.js"

/**
 * A county's snapshot file, read from `table` (its partition on the server
 * it lives on, or the coordinator's partitioned table, pruned to it), as of a date.
 */
export const readCounty = (
  table: string,
  county: string,
  asOf: string
): Effect.Effect<{ readonly [key: string]: unknown }, SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const rows = yield* sql<{ kind: Kind; ordinal: number; body: string }>`
      SELECT kind, ordinal, body FROM ${sql(table)} WHERE county = ${county}::text`
    return assemble(asOf, rows)
  })
