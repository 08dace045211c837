import { PostgresClient } from "@gongjian/ledger"
import * as Effect from "effect/Effect"
import * as SqlClient from "effect/sql/SqlClient"
import { type Postgres, startPostgres } from "../../../scripts/postgres.mjs"

/** Throwaway PostgreSQL servers on 127.0.0.1, each stopped by its own pid. */
export const startServers = async (n: number): Promise<ReadonlyArray<Postgres>> => {
  const out: Array<Postgres> = []
  try {
    for (let i = 0; i < n; i++) out.push(await startPostgres())
  } catch (e) {
    await stopServers(out)
    throw e
  }
  return out
}

export const stopServers = async (servers: ReadonlyArray<Postgres>): Promise<void> => {
  for (const s of servers) await s.stop()
}

/** A new database on a server; its URL. */
export const database = async (server: Postgres, name: string): Promise<string> => {
  await Effect.runPromise(
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      yield* sql`CREATE DATABASE ${sql(name)}`
    }).pipe(Effect.provide(PostgresClient.layer(server.url, { maxConnections: 1 })))
  )
  return server.url.replace(/\/postgres$/, `/${name}`)
}

/** Runs a query on a database; its rows. */
export const query = <A extends object>(url: string, text: string): Promise<ReadonlyArray<A>> =>
  Effect.runPromise(
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      return yield* sql.unsafe<A>(text)
    }).pipe(Effect.provide(PostgresClient.layer(url, { maxConnections: 1 })))
  )
