/**
 * The county portal server (县级攻坚平台服务): the {@link Api} implemented over
 * a {@link Store}, with sessions, roles, CSRF protection, request size limits
 * and sign-in rate limiting, the OpenAPI document at `/api/openapi.json`, and
 * optionally a portal's built front end served from a folder.
 *
 * @since 0.1.0
 */
import { createServer } from "node:http"
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import type { Snapshot } from "@gongjian/core"
import type { Plugin } from "@gongjian/plugin-sdk"
import * as Effect from "effect/Effect"
import {
  HttpRouter,
  HttpServer,
  HttpServerRequest,
  HttpServerResponse,
  HttpStaticServer
} from "effect/http"
import { HttpApiBuilder } from "effect/http-api"
import * as Layer from "effect/Layer"
import { Api } from "./Api.js"
import * as Engine from "./internal/engine.js"
import { handlersLayer } from "./internal/handlers.js"
import { payloadTooLarge, payloadTooLargeJson } from "./internal/requestCheck.js"
import * as Password from "./Password.js"
import type { Role } from "./Role.js"
import { type Stamp, Store, type StoreError } from "./Store.js"

/**
 * An account: its name, display name, role, unit (a reporter's only), and
 * its password hash from {@link Password.hash}. {@link account} makes one
 * from a password.
 *
 * @example
 * {@includeCode ../examples/Server.ts#serve}
 *
 * @since 0.1.0
 * @category models
 */
export interface Account {
  readonly name: string
  readonly displayName: string
  readonly role: Role
  readonly unit?: string
  readonly passwordHash: string
}

/**
 * Makes an {@link Account}, hashing its password.
 *
 * @example
 * {@includeCode ../examples/Server.ts#serve}
 *
 * @since 0.1.0
 * @category constructors
 */
export const account = (input: {
  readonly name: string
  readonly displayName: string
  readonly role: Role
  readonly unit?: string
  readonly password: string
}): Account => {
  const { password, ...rest } = input
  return { ...rest, passwordHash: Password.hash(password) }
}

/**
 * What the server serves: its campaigns (each with the policy plugin that
 * assesses it and the plugin's options), its accounts, and the limits.
 *
 * - `maxBodyBytes`: larger request bodies get 413 with
 *   `Errors.PayloadTooLarge` (default 1 MiB); `maxUploadBytes` for
 *   spreadsheet uploads (default 16 MiB).
 * - `loginAttempts` failed sign-ins per account (four times as many per
 *   client address) within `loginWindowSeconds` block further tries with
 *   429 (defaults 5 and 900).
 * - `sessionIdleSeconds`: a session lapses after this long unused (8 hours).
 * - `secureCookie`: mark the session cookie `Secure` (default true; a portal
 *   served over plain HTTP on 127.0.0.1 sets false).
 * - `staticDir`: a built front end to serve at `/` (single-page: unknown
 *   paths get its `index.html`).
 *
 * @example
 * {@includeCode ../examples/Server.ts#serve}
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly campaigns: ReadonlyArray<{
    readonly id: string
    readonly plugin: Plugin.AnyPlugin
    readonly options?: object
  }>
  readonly accounts: ReadonlyArray<Account>
  readonly maxBodyBytes?: number
  readonly maxUploadBytes?: number
  readonly loginAttempts?: number
  readonly loginWindowSeconds?: number
  readonly sessionIdleSeconds?: number
  readonly secureCookie?: boolean
  readonly staticDir?: string
}

const securityHeaders = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "content-security-policy":
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
}

const limits = (maxBodyBytes: number, maxUploadBytes: number) =>
  HttpRouter.middleware(
    (httpEffect) =>
      Effect.gen(function* () {
        const request = yield* HttpServerRequest.HttpServerRequest
        const url = request.url.split("?")[0]!
        const limit = /^\/api\/campaigns\/[^/]+\/uploads$/.test(url) ? maxUploadBytes : maxBodyBytes
        const length = Number(request.headers["content-length"] ?? "0")
        const response =
          Number.isFinite(length) && length > limit
            ? HttpServerResponse.jsonUnsafe(
                payloadTooLargeJson(payloadTooLarge(`${request.method} ${url}`, limit, length)),
                { status: 413 }
              )
            : yield* httpEffect.pipe(
                Effect.provideService(HttpServerRequest.MaxBodySize, limit as never)
              )
        yield* Effect.logInfo(`${request.method} ${url} ${response.status}`)
        return HttpServerResponse.setHeaders(response, securityHeaders)
      }),
    { global: true }
  )

/**
 * The routes of the server: the API under `/api`, the OpenAPI document at
 * `/api/openapi.json`, and the front end when `staticDir` is given. Needs a
 * {@link Store} and the HTTP platform services.
 *
 * @example
 * {@includeCode ../examples/Server.ts#serve}
 *
 * @since 0.1.0
 * @category layers
 */
export const routes = (options: Options) => {
  const api = HttpApiBuilder.layer(Api, { openapiPath: "/api/openapi.json" }).pipe(
    Layer.provide(
      handlersLayer({
        campaigns: options.campaigns,
        accounts: options.accounts,
        loginAttempts: options.loginAttempts ?? 5,
        loginWindowSeconds: options.loginWindowSeconds ?? 900,
        sessionIdleSeconds: options.sessionIdleSeconds ?? 8 * 3600,
        secureCookie: options.secureCookie ?? true
      })
    )
  )
  const front =
    options.staticDir === undefined
      ? Layer.empty
      : HttpStaticServer.layer({ root: options.staticDir, spa: true })
  return Layer.mergeAll(
    api,
    front,
    limits(options.maxBodyBytes ?? 1024 * 1024, options.maxUploadBytes ?? 16 * 1024 * 1024)
  )
}

/**
 * A web-standard handler (`Request` → `Response`) for the server, for tests
 * and serverless hosts, over the given store layer.
 *
 * @example
 * {@includeCode ../examples/Server.ts#handler}
 *
 * @since 0.1.0
 * @category handlers
 */
export const webHandler = (options: Options, store: Layer.Layer<Store>) =>
  HttpRouter.toWebHandler(
    routes(options).pipe(
      Layer.provide(store),
      Layer.provide(NodeHttpServer.layerHttpServices),
      Layer.provide(HttpServer.layerServices)
    ),
    { disableLogger: true }
  )

/**
 * The server listening on a host and port (port 0: a free one), over the
 * given store layer. It provides the `HttpServer` service, whose `address`
 * tells the port. Run it with `Layer.launch`.
 *
 * @example
 * {@includeCode ../examples/Server.ts#serve}
 *
 * @since 0.1.0
 * @category layers
 */
export const serve = <E>(
  options: Options & { readonly host: string; readonly port: number },
  store: Layer.Layer<Store, E>
) =>
  HttpRouter.serve(routes(options), { disableLogger: true }).pipe(
    Layer.provide(store),
    Layer.provideMerge(
      NodeHttpServer.layer(createServer, { host: options.host, port: options.port })
    )
  )

/**
 * Writes a whole snapshot into a store as one campaign's records (the
 * campaign document, units, projects, activities, reports), all with one
 * stamp.
 *
 * @example
 * {@includeCode ../examples/Server.ts#handler}
 *
 * @since 0.1.0
 * @category seeding
 */
export const seed = (
  campaign: string,
  snapshot: Snapshot.Snapshot,
  stamp: Stamp
): Effect.Effect<void, StoreError, Store> =>
  Effect.gen(function* () {
    const store = yield* Store
    yield* store.submit(campaign, Engine.split(campaign, snapshot), stamp)
  })
