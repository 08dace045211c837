import { PGlite, type PGliteInterface } from "@electric-sql/pglite"
import * as Effect from "effect/Effect"
import type * as Layer from "effect/Layer"
import * as SqlClient from "effect/sql/SqlClient"
import type { SqlError } from "effect/sql/SqlError"
import { type Postgres, startPostgres } from "../../../scripts/postgres.mjs"
import { Ledger, PgliteClient, PostgresClient } from "../src/index.js"

/** A back end the same suite runs on: a fresh, migrated ledger per test. */
export interface Backend {
  readonly name: string
  readonly start: () => Promise<void>
  readonly stop: () => Promise<void>
  /** A fresh ledger with the tables created, and how to close it. */
  readonly fresh: () => Promise<{
    readonly layer: Layer.Layer<SqlClient.SqlClient, SqlError>
    readonly url: string | undefined
    readonly close: () => Promise<void>
  }>
  /** The server, for tests that need a real PostgreSQL. */
  readonly server: () => Postgres | undefined
}

/** PGlite: one migrated template instance, cloned for each test. */
export const pglite = (): Backend => {
  let template: PGliteInterface | undefined
  return {
    name: "PGlite",
    start: async () => {
      const db = new PGlite()
      await db.waitReady
      await Effect.runPromise(
        Ledger.migrate.pipe(Effect.provide(PgliteClient.layer({ pglite: db })))
      )
      template = db
    },
    stop: async () => {
      await template?.close()
    },
    fresh: async () => {
      const clone = await template!.clone()
      return {
        layer: PgliteClient.layer({ pglite: clone }),
        url: undefined,
        close: () => clone.close()
      }
    },
    server: () => undefined
  }
}

/** A PostgreSQL server of Debian's package: a migrated template database, copied for each test. */
export const postgres = (): Backend => {
  let server: Postgres | undefined
  let n = 0
  const admin = () => PostgresClient.layer(server!.url, { maxConnections: 1 })
  const urlOf = (db: string) => server!.url.replace(/\/postgres$/, `/${db}`)
  const exec = (statement: (sql: SqlClient.SqlClient) => Effect.Effect<unknown, SqlError>) =>
    Effect.runPromise(
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        yield* statement(sql)
      }).pipe(Effect.provide(admin()))
    )
  return {
    name: "PostgreSQL",
    start: async () => {
      server = await startPostgres()
      await exec((sql) => sql`CREATE DATABASE ${sql("ledger_template")}`)
      await Effect.runPromise(
        Ledger.migrate.pipe(
          Effect.provide(PostgresClient.layer(urlOf("ledger_template"), { maxConnections: 1 }))
        )
      )
    },
    stop: async () => {
      await server?.stop()
    },
    fresh: async () => {
      const db = `ledger_${++n}`
      await exec((sql) => sql`CREATE DATABASE ${sql(db)} TEMPLATE ${sql("ledger_template")}`)
      return { layer: PostgresClient.layer(urlOf(db)), url: urlOf(db), close: async () => {} }
    },
    server: () => server
  }
}
