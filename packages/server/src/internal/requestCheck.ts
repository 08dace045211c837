import { Problem } from "@gongjian/core"
import * as Effect from "effect/Effect"
import { HttpRouter } from "effect/http"
import { HttpApiError } from "effect/http-api"
import * as Layer from "effect/Layer"
import { RequestCheck } from "../Api.js"
import { BadRequest } from "../Errors.js"

// Where a request part is named in a problem's path.
const parts = { Payload: "body", Params: "params", Query: "query", Headers: "headers" } as const

// The kind of record an endpoint writes, by its path's collection.
const kinds: { readonly [collection: string]: string } = {
  projects: "project",
  activities: "activity",
  reports: "report",
  units: "unit"
}

/**
 * @internal The record a write endpoint names (`project P-007`), from its path
 * and the request's `:id`; undefined for other endpoints.
 */
const recordOf = (
  endpoint: { readonly path: string; readonly method: string },
  params: { readonly [key: string]: string | undefined }
): string | undefined => {
  if (endpoint.method === "GET") return undefined
  const m = /\/([a-z]+)\/:id$/.exec(endpoint.path)
  const kind = m === null ? undefined : kinds[m[1]!]
  return kind === undefined || params.id === undefined ? undefined : `${kind} ${params.id}`
}

/**
 * @internal The request check: the schema failures of a request's parts as
 * {@link BadRequest}, every problem named.
 */
export const RequestCheckLive = Layer.succeed(RequestCheck, (httpEffect, { endpoint }) =>
  Effect.catch(httpEffect, (error: unknown) => {
    if (!HttpApiError.HttpApiSchemaError.is(error) || !(error.kind in parts))
      return Effect.fail(error) as never
    const part = parts[error.kind as keyof typeof parts]
    return Effect.gen(function* () {
      const route = yield* HttpRouter.RouteContext
      const record = recordOf(endpoint, route.params)
      const problems = Problem.fromIssue(error.cause.issue).map((p) => {
        const inValue = record !== undefined && part === "body" && p.path[0] === "value"
        const field = Problem.formatPath(inValue ? p.path.slice(1) : p.path)
        return {
          path: Problem.formatPath([part, ...p.path]),
          record: record ?? null,
          field: field === "" ? part : field,
          code: p.code,
          message: p.message
        }
      })
      const first = problems[0]
      const where = record ?? `${endpoint.method} ${endpoint.path}`
      return yield* new BadRequest({
        message: `${where}: the request's ${part} does not fit the schema (${problems.length} problem(s))${first === undefined ? "" : `; ${first.path}: ${first.message}`}; nothing was changed`,
        problems
      })
    })
  })
)
