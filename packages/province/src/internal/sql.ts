import { PostgresClient } from "@gongjian/ledger"
import * as Effect from "effect/Effect"
import type * as SqlClient from "effect/sql/SqlClient"
import type { SqlError } from "effect/sql/SqlError"
import { ServerFailure } from "../ProvinceError.js"

/** What a SqlError says, for a ServerFailure's detail. */
export const detailOf = (e: SqlError): string => {
  const cause = e.reason.cause as { message?: unknown } | undefined
  return typeof cause?.message === "string" ? cause.message : e.message
}

/** Runs an effect on one server (a pool of `connections`), a SqlError becoming a ServerFailure. */
export const onServer = <A>(
  server: { readonly name: string; readonly url: string },
  code: ServerFailure["code"],
  county: string | undefined,
  effect: Effect.Effect<A, SqlError, SqlClient.SqlClient>,
  connections = 1
): Effect.Effect<A, ServerFailure> =>
  effect.pipe(
    Effect.provide(PostgresClient.layer(server.url, { maxConnections: connections })),
    Effect.catchTag("SqlError", (e) =>
      Effect.fail(new ServerFailure({ code, server: server.name, county, detail: detailOf(e) }))
    )
  )

/** A text as an SQL string literal. */
export const literal = (text: string): string => `'${text.replaceAll("'", "''")}'`
