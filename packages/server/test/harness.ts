import { all, Samples } from "@gongjian/policies"
import { LedgerStore, Server, Store } from "@gongjian/server"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest"
import { type Backend as LedgerBackend, pglite, postgres } from "../../ledger/test/backends.js"

// The sample county of 002 with its options (its annual tasks).
const policy002 = all.find((e) => e.sample === "002-investment-drive")!

/** The sample county of the tests: 002's campaign with five accounts. */
export const campaign = "investment-drive-2026"

export const passwords = {
  admin: "admin-password-1",
  "reporter-a": "reporter-a-password",
  "reporter-b": "reporter-b-password",
  "reporter-d": "reporter-d-password",
  leader: "leader-password-1",
  auditor: "auditor-password-1"
} as const

export const accounts = [
  Server.account({
    name: "admin",
    displayName: "县管理员",
    role: "admin",
    password: passwords.admin
  }),
  Server.account({
    name: "reporter-a",
    displayName: "甲镇填报员",
    role: "reporter",
    unit: "town-a",
    password: passwords["reporter-a"]
  }),
  Server.account({
    name: "reporter-b",
    displayName: "乙街道填报员",
    role: "reporter",
    unit: "street-b",
    password: passwords["reporter-b"]
  }),
  Server.account({
    name: "reporter-d",
    displayName: "丁镇填报员",
    role: "reporter",
    unit: "town-d",
    password: passwords["reporter-d"]
  }),
  Server.account({
    name: "leader",
    displayName: "县领导",
    role: "leader",
    password: passwords.leader
  }),
  Server.account({
    name: "auditor",
    displayName: "审计员",
    role: "auditor",
    password: passwords.auditor
  })
]

export const options: Server.Options = {
  campaigns: [{ id: campaign, plugin: policy002.plugin, options: policy002.options }],
  accounts,
  loginAttempts: 3,
  loginWindowSeconds: 60,
  maxBodyBytes: 64 * 1024
}

/** A storage back end the API tests run on: a fresh store for each test. */
export interface BackEnd {
  readonly name: string
  readonly start: () => Promise<void>
  readonly stop: () => Promise<void>
  readonly fresh: () => Promise<{
    readonly store: Layer.Layer<Store.Store>
    readonly close: () => Promise<void>
  }>
}

const inMemory: BackEnd = {
  name: "the in-memory store",
  start: async () => {},
  stop: async () => {},
  fresh: async () => ({ store: Store.layerMemory, close: async () => {} })
}

const onLedger = (ledger: LedgerBackend): BackEnd => ({
  name: `the ledger on ${ledger.name}`,
  start: ledger.start,
  stop: ledger.stop,
  fresh: async () => {
    const db = await ledger.fresh()
    return {
      store: LedgerStore.layer().pipe(Layer.provide(db.layer), Layer.orDie),
      close: db.close
    }
  }
})

/** Every back end: in memory, and the ledger on PGlite and on a PostgreSQL server. */
export const backEnds = (): ReadonlyArray<BackEnd> => [
  inMemory,
  onLedger(pglite()),
  onLedger(postgres())
]

/** A store layer seeded with the 002 sample. */
export const seeded = (store: Layer.Layer<Store.Store>) =>
  Layer.effectDiscard(
    Server.seed(campaign, Samples.load("002-investment-drive"), {
      who: "seed",
      at: "2026-08-01T00:00:00.000Z",
      why: "sample county"
    }).pipe(Effect.orDie)
  ).pipe(Layer.provideMerge(store))

type Handler = (request: Request) => Promise<Response>

/** A JSON response body, read loosely: the tests assert its shape. */
// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions
export type Json = any

/** What a request answered. */
export interface Reply {
  readonly status: number
  readonly headers: Headers
  readonly text: string
  readonly json: Json
}

/** A browser-like client of a handler: keeps its cookie and CSRF token. */
export class Client {
  cookie = ""
  csrf = ""
  constructor(
    readonly handler: Handler,
    readonly address = "203.0.113.7"
  ) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
    raw?: Uint8Array
  ): Promise<Reply> {
    const init: RequestInit = {
      method,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== "GET" ? { "x-csrf-token": this.csrf } : {}),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        "x-forwarded-for": this.address,
        ...headers
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      ...(raw !== undefined ? { body: raw } : {})
    }
    const response = await this.handler(new Request(`http://127.0.0.1${path}`, init))
    const setCookie = response.headers.get("set-cookie")
    if (setCookie) {
      const pair = setCookie.split(";")[0]!
      this.cookie = pair.endsWith("=") ? "" : pair
    }
    const text = await response.text()
    let json: unknown
    try {
      json = text ? JSON.parse(text) : undefined
    } catch {
      json = undefined
    }
    return { status: response.status, headers: response.headers, text, json }
  }

  async login(name: keyof typeof passwords): Promise<Reply> {
    const r = await this.request("POST", "/api/session", { name, password: passwords[name] })
    if (r.status !== 200) throw new Error(`login ${name}: ${r.status} ${r.text}`)
    this.csrf = r.json.csrf
    return r
  }

  get(path: string): Promise<Reply> {
    return this.request("GET", path)
  }
  put(path: string, body: unknown): Promise<Reply> {
    return this.request("PUT", path, body)
  }
  post(path: string, body?: unknown): Promise<Reply> {
    return this.request("POST", path, body ?? {})
  }
  delete(path: string, body?: unknown): Promise<Reply> {
    return this.request("DELETE", path, body)
  }
}

/** A signed-in client of the running server. */
export type SignIn = (name: keyof typeof passwords) => Promise<Client>

/**
 * The server of a describe block on a back end: started with the block, a
 * fresh store seeded with the 002 sample for every test, everything stopped
 * afterwards.
 */
export const serve = (
  backEnd: BackEnd
): {
  readonly client: (address?: string) => Client
  readonly as: SignIn
} => {
  let handler: Handler | undefined
  let dispose = async () => {}
  let close = async () => {}
  beforeAll(() => backEnd.start(), 120_000)
  afterAll(() => backEnd.stop(), 60_000)
  beforeEach(async () => {
    const fresh = await backEnd.fresh()
    close = fresh.close
    ;({ handler, dispose } = Server.webHandler(options, seeded(fresh.store)))
  })
  afterEach(async () => {
    await dispose()
    await close()
    handler = undefined
  })
  const client = (address?: string) => {
    if (handler === undefined) throw new Error("the server runs only inside a test")
    return address === undefined ? new Client(handler) : new Client(handler, address)
  }
  return {
    client,
    as: async (name) => {
      const c = client()
      await c.login(name)
      return c
    }
  }
}
