/**
 * The embedded back end (内嵌数据库): PostgreSQL running in-process through
 * PGlite, behind effect's `SqlClient`. A ledger in a folder on disk, nothing
 * to install — for the command line, the demo, tests and small counties.
 *
 * PGlite is one connection: statements and transactions take turns on it,
 * and a transaction holds it until it commits or rolls back.
 *
 * @since 0.1.0
 */

import { makeCompiler } from "@effect/sql-pg/PgClient"
import { PGlite, type PGliteInterface } from "@electric-sql/pglite"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Reactivity from "effect/reactivity/Reactivity"
import type * as Scope from "effect/Scope"
import * as Semaphore from "effect/Semaphore"
import * as Stream from "effect/Stream"
import * as SqlClient from "effect/sql/SqlClient"
import type { Connection } from "effect/sql/SqlConnection"
import {
  ConnectionError,
  ConstraintError,
  DeadlockError,
  SerializationError,
  SqlError,
  SqlSyntaxError,
  UniqueViolation,
  UnknownError
} from "effect/sql/SqlError"

/**
 * Where the embedded database lives: a folder on disk (`dataDir`), memory
 * (neither option), or an open PGlite instance the caller owns (`pglite`,
 * for example a clone of a migrated template in tests).
 *
 * @example
 * {@includeCode ../examples/Ledger.ts#layer}
 *
 * @since 0.1.0
 * @category models
 */
export interface PgliteOptions {
  readonly dataDir?: string | undefined
  readonly pglite?: PGliteInterface | undefined
}

const reasonOf = (cause: unknown, operation: string) => {
  const e = cause as { code?: unknown; message?: unknown; constraint?: unknown }
  const code = typeof e?.code === "string" ? e.code : ""
  const message = typeof e?.message === "string" ? e.message : String(cause)
  const props = { cause, message, operation }
  if (code === "23505")
    return new UniqueViolation({
      ...props,
      constraint: typeof e.constraint === "string" ? e.constraint : "unknown"
    })
  if (code.startsWith("23")) return new ConstraintError(props)
  if (code === "40001") return new SerializationError(props)
  if (code === "40P01") return new DeadlockError(props)
  if (code.startsWith("42")) return new SqlSyntaxError(props)
  if (code.startsWith("08")) return new ConnectionError(props)
  return new UnknownError(props)
}

const attempt = <A>(operation: string, f: () => Promise<A>): Effect.Effect<A, SqlError> =>
  Effect.tryPromise({
    try: f,
    catch: (cause) => new SqlError({ reason: reasonOf(cause, operation) })
  })

const connectionOf = (db: PGliteInterface): Connection => {
  const rows = (sql: string, params: ReadonlyArray<unknown>) =>
    attempt("execute", () => db.query<Record<string, unknown>>(sql, params as Array<unknown>)).pipe(
      Effect.map((r) => r.rows)
    )
  const values = (sql: string, params: ReadonlyArray<unknown>) =>
    attempt("execute", () =>
      db.query<Array<unknown>>(sql, params as Array<unknown>, { rowMode: "array" })
    ).pipe(Effect.map((r) => r.rows))
  const transformed = (
    sql: string,
    params: ReadonlyArray<unknown>,
    transform: (<A extends object>(row: ReadonlyArray<A>) => ReadonlyArray<A>) | undefined
  ) => (transform === undefined ? rows(sql, params) : Effect.map(rows(sql, params), transform))
  return {
    execute: transformed,
    executeUnprepared: transformed,
    executeRaw: (sql, params) => attempt("execute", () => db.query(sql, params as Array<unknown>)),
    executeValues: values,
    executeValuesUnprepared: values,
    executeStream: (sql, params, transform) =>
      Stream.fromIterableEffect(transformed(sql, params, transform))
  }
}

/**
 * A `SqlClient` on PGlite, open for the life of the scope (closed with it
 * unless the caller passed its own instance). SQL is PostgreSQL's: the same
 * statements and migrations run on a PostgreSQL server.
 *
 * @example
 * {@includeCode ../examples/Ledger.ts#layer}
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  options: PgliteOptions = {}
): Effect.Effect<SqlClient.SqlClient, SqlError, Scope.Scope | Reactivity.Reactivity> =>
  Effect.gen(function* () {
    const db =
      options.pglite ??
      (yield* Effect.acquireRelease(
        attempt("open", async () => {
          const db = new PGlite(options.dataDir)
          await db.waitReady
          return db as PGliteInterface
        }),
        (db) => Effect.promise(() => db.close())
      ))
    const semaphore = yield* Semaphore.make(1)
    const connection = connectionOf(db)
    const lease = Effect.uninterruptibleMask((restore) =>
      Effect.as(restore(semaphore.takeScoped(1)), connection)
    )
    return yield* SqlClient.make({
      acquirer: lease,
      transactionAcquirer: lease,
      borrower: (f) => semaphore.withPermit(f(connection)),
      isTransaction: () => db.isInTransaction(),
      releaseSavepoint: (name) => `RELEASE SAVEPOINT ${name}`,
      compiler: makeCompiler(),
      driver: "pglite",
      spanAttributes: [["db.system.name", "postgresql"]]
    })
  })

/**
 * {@link make} as a layer of `SqlClient`.
 *
 * @example
 * {@includeCode ../examples/Ledger.ts#layer}
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: PgliteOptions = {}): Layer.Layer<SqlClient.SqlClient, SqlError> =>
  Layer.effect(SqlClient.SqlClient, make(options)).pipe(Layer.provide(Reactivity.layer))
