/**
 * The server back end (数据库服务器): a PostgreSQL server through
 * `@effect/sql-pg`, behind effect's `SqlClient`, for a county whose reporters
 * write at the same time from many offices.
 *
 * @since 0.1.0
 */
import * as PgClient from "@effect/sql-pg/PgClient"
import type * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import type * as SqlClient from "effect/sql/SqlClient"
import type { SqlError } from "effect/sql/SqlError"

/**
 * A `SqlClient` layer on a PostgreSQL server, from its URL
 * (`postgres://user:password@host:port/database`), with a pool of
 * `maxConnections` connections (10 by default).
 *
 * @example
 * {@includeCode ../examples/Ledger.ts#server}
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  url: string,
  options: { readonly maxConnections?: number | undefined } = {}
): Layer.Layer<SqlClient.SqlClient, SqlError> =>
  PgClient.layer({
    url: Redacted.make(url),
    maxConnections: options.maxConnections ?? 10,
    applicationName: "gongjian-ledger"
  })

/**
 * Whether a `--ledger` argument names a PostgreSQL server (a `postgres://` or
 * `postgresql://` URL) rather than a folder of the embedded back end.
 *
 * @example
 * {@includeCode ../examples/Ledger.ts#server}
 *
 * @since 0.1.0
 * @category predicates
 */
export const isUrl = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location)
