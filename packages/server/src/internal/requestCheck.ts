import { Problem } from "@gongjian/core"
import * as Effect from "effect/Effect"
import { HttpRouter, HttpServerError, HttpServerRequest } from "effect/http"
import { HttpApiError } from "effect/http-api"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import { RequestCheck } from "../Api.js"
import { BadRequest, PayloadTooLarge } from "../Errors.js"

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

/** @internal Whether a defect is effect's failure to read a body over `MaxBodySize`. */
const bodyTooLarge = (defect: unknown): boolean => {
  if (!HttpServerError.isHttpServerError(defect) || defect._tag !== "HttpServerError") return false
  const parse = defect.reason
  if (parse._tag !== "RequestParseError") return false
  switch (parse.reason) {
    case "BodyTooLarge":
      return true
    default:
      return false
  }
}

/**
 * @internal The 413 of a request whose body is over `limit` bytes: `size` its
 * declared length, null when it had none and was cut off while read.
 */
export const payloadTooLarge = (
  where: string,
  limit: number,
  size: number | null
): PayloadTooLarge =>
  new PayloadTooLarge({
    message: `${where}: the request body ${size === null ? "is over" : `has ${size} bytes, over`} the limit of ${limit} bytes; nothing was changed`,
    limit,
    size
  })

/** @internal {@link PayloadTooLarge} as its JSON body, as the API encodes it. */
export const payloadTooLargeJson = Schema.encodeSync(PayloadTooLarge)

/** @internal The schema failures of a request's parts as {@link BadRequest}, every problem named. */
const checked = <A, E, R>(
  httpEffect: Effect.Effect<A, E, R>,
  endpoint: { readonly path: string; readonly method: string }
) =>
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

/**
 * @internal The request check: the schema failures of a request's parts as
 * {@link BadRequest}, every problem named; a body found over the limit while
 * read as {@link PayloadTooLarge}.
 */
export const RequestCheckLive = Layer.succeed(RequestCheck, (httpEffect, { endpoint }) =>
  Effect.catchDefect(
    checked(httpEffect, endpoint),
    (defect): Effect.Effect<never, PayloadTooLarge, HttpRouter.RouteContext> => {
      if (!bodyTooLarge(defect)) return Effect.die(defect)
      return Effect.gen(function* () {
        const route = yield* HttpRouter.RouteContext
        const limit = yield* HttpServerRequest.MaxBodySize
        const where = recordOf(endpoint, route.params) ?? `${endpoint.method} ${endpoint.path}`
        return yield* payloadTooLarge(where, Number(limit ?? 0), null)
      })
    }
  )
)
