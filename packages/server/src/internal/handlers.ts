import { Activity, type Period, Project, Target, Unit } from "@gongjian/core"
import type { Plugin } from "@gongjian/plugin-sdk"
import type { Bulletin } from "@gongjian/reports/Bulletin"
import { Forms, Import } from "@gongjian/sheets"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import { HttpServerRequest } from "effect/http"
import { HttpApiBuilder } from "effect/http-api"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as Semaphore from "effect/Semaphore"
import {
  Api,
  Authentication,
  CurrentUser,
  csrfHeader,
  SessionInfo,
  sessionSecurity
} from "../Api.js"
import { Forbidden, Invalid, NotFound, TooManyAttempts, Unauthenticated } from "../Errors.js"
import { csvLine } from "../Neutralise.js"
import * as Password from "../Password.js"
import * as Role from "../Role.js"
import { type RecordKind, type Revision, Store, type StoreError, type Write } from "../Store.js"
import * as Bulletins from "./bulletins.js"
import * as Engine from "./engine.js"
import { fromMillis } from "./instant.js"
import { RequestCheckLive } from "./requestCheck.js"
import { makeLimiter, makeSessions, SessionsService, sameToken } from "./sessions.js"

/** @internal An account as the server keeps it. */
export interface Account {
  readonly name: string
  readonly displayName: string
  readonly role: Role.Role
  readonly unit?: string
  readonly passwordHash: string
}

/** @internal The resolved options of the handlers. */
export interface HandlerOptions {
  readonly campaigns: ReadonlyArray<{
    readonly id: string
    readonly plugin: Plugin.AnyPlugin
    readonly options?: object
  }>
  readonly accounts: ReadonlyArray<Account>
  readonly loginAttempts: number
  readonly loginWindowSeconds: number
  readonly sessionIdleSeconds: number
  readonly secureCookie: boolean
}

const userOf = (a: Account): Role.User => ({
  name: a.name,
  displayName: a.displayName,
  role: a.role,
  ...(a.unit !== undefined ? { unit: a.unit } : {})
})

// A password that never matches, so an unknown account costs as much as a known one.
const decoy = Password.hash("decoy password that is never used")

/** @internal The state the handler groups share. */
interface Portal {
  readonly options: HandlerOptions
  readonly accounts: Map<string, Account>
  readonly state: (campaign: string) => Effect.Effect<Engine.Computed, NotFound>
  readonly write: (
    campaign: string,
    kind: RecordKind,
    id: string,
    value: unknown,
    reason: string
  ) => Effect.Effect<Revision, Forbidden | NotFound | Invalid, CurrentUser>
  readonly writeMany: (
    campaign: string,
    writes: ReadonlyArray<Write>,
    reason: string
  ) => Effect.Effect<ReadonlyArray<Revision>, Forbidden | NotFound | Invalid, CurrentUser>
  readonly runs: Map<
    string,
    Array<{
      id: number
      sequence: number
      who: string
      at: string
      ranking: ReturnType<typeof Engine.rankingRows>
    }>
  >
  readonly limiter: ReturnType<typeof makeLimiter>
  readonly addressLimiter: ReturnType<typeof makeLimiter>
}

class PortalService extends Context.Service<PortalService, Portal>()(
  "@gongjian/server/internal/Portal"
) {}

// Now as the stores write times: UTC to the microsecond.
const nowIso = Effect.map(Clock.currentTimeMillis, fromMillis)

const storeDied = <A, R>(self: Effect.Effect<A, StoreError, R>): Effect.Effect<A, never, R> =>
  Effect.orDie(self)

const makePortal = (options: HandlerOptions) =>
  Effect.gen(function* () {
    const store = yield* Store
    const hosts = new Map(
      options.campaigns.map((c) => [
        c.id,
        { host: Engine.loadHost(c.plugin, c.options), policy: c.plugin.meta.id }
      ])
    )
    const cache = new Map<string, Engine.Computed>()
    const locks = new Map(options.campaigns.map((c) => [c.id, Semaphore.makeUnsafe(1)]))
    const accounts = new Map(options.accounts.map((a) => [a.name, a]))

    const notFound = (campaign: string) =>
      new NotFound({ message: `campaign ${campaign}: there is no such campaign` })

    const computeAt = (
      campaign: string,
      current: { sequence: number; records: ReadonlyArray<Revision> }
    ) => {
      const h = hosts.get(campaign)!
      const cached = cache.get(campaign)
      if (cached !== undefined && cached.sequence === current.sequence) return cached
      const decoded = Engine.decode(Engine.compose(current.records))
      if (Result.isFailure(decoded))
        throw new Error(
          `campaign ${campaign}: the stored records do not make a valid snapshot: ${decoded.failure
            .map((p) => `${p.record ?? ""} ${p.field}: ${p.message}`)
            .join("; ")}`
        )
      const computed = Engine.compute(h.host, h.policy, current.sequence, decoded.success)
      cache.set(campaign, computed)
      return computed
    }

    const state = (campaign: string) =>
      Effect.gen(function* () {
        if (!hosts.has(campaign)) return yield* notFound(campaign)
        const current = yield* storeDied(store.current(campaign))
        if (!current.records.some((r) => r.kind === "campaign")) return yield* notFound(campaign)
        return computeAt(campaign, current)
      })

    const writeMany: Portal["writeMany"] = (campaign, writes, reason) =>
      Effect.gen(function* () {
        const user = yield* CurrentUser
        const lock = locks.get(campaign)
        if (lock === undefined) return yield* notFound(campaign)
        return yield* lock.withPermit(
          Effect.gen(function* () {
            // A write reads only the records it can make invalid (see
            // Engine.selection), or the whole campaign when it can touch anything.
            const selection = Engine.selection(writes)
            const current = yield* storeDied(
              selection === undefined ? store.current(campaign) : store.read(campaign, selection)
            )
            if (!current.records.some((r) => r.kind === "campaign"))
              return yield* notFound(campaign)
            for (const { kind, id, value } of writes) {
              const before = current.records.find((r) => r.kind === kind && r.id === id)
              if (value === null && before === undefined)
                return yield* new NotFound({
                  message: `campaign ${campaign}: there is no ${kind} ${id} to withdraw`
                })
              const denied = Role.writeDenied(user, kind, before?.value, value)
              if (denied !== undefined)
                return yield* new Forbidden({
                  message: `${kind} ${id}: ${user.name} may not write it: ${denied}; nothing was written`
                })
            }
            if (writes.length === 0) return []
            const decoded = Engine.decode(
              Engine.compose(Engine.apply(current.records, campaign, writes))
            )
            if (Result.isFailure(decoded)) {
              const named = writes.length === 1 ? `${writes[0]!.kind} ${writes[0]!.id}: ` : ""
              return yield* new Invalid({
                message: `${named}the campaign would have ${decoded.failure.length} problem(s); nothing was written`,
                problems: decoded.failure
              })
            }
            const at = yield* nowIso
            return yield* storeDied(
              store.submit(campaign, writes, { who: user.name, at, why: reason })
            )
          })
        )
      })

    const write: Portal["write"] = (campaign, kind, id, value, reason) =>
      Effect.map(writeMany(campaign, [{ kind, id, value }], reason), (revisions) => revisions[0]!)

    return PortalService.of({
      options,
      accounts,
      state,
      write,
      writeMany,
      runs: new Map(),
      limiter: makeLimiter(options.loginAttempts, options.loginWindowSeconds),
      // An address may try several accounts (a shared office) before it is blocked.
      addressLimiter: makeLimiter(options.loginAttempts * 4, options.loginWindowSeconds)
    })
  })

const clientAddress = Effect.map(HttpServerRequest.HttpServerRequest, (req) =>
  req.remoteAddress._tag === "Some" ? req.remoteAddress.value : "unknown"
)

const LoginLive = HttpApiBuilder.group(Api, "login", (handlers) =>
  Effect.gen(function* () {
    const portal = yield* PortalService
    const sessions = yield* SessionsService
    return handlers.handle("login", ({ payload }) =>
      Effect.gen(function* () {
        const now = yield* Clock.currentTimeMillis
        const address = yield* clientAddress
        const keys = [`account:${payload.name}`]
        const addressKeys = [`address:${address}`]
        const wait = Math.max(
          portal.limiter.blocked(keys, now),
          portal.addressLimiter.blocked(addressKeys, now)
        )
        if (wait > 0)
          return yield* new TooManyAttempts({
            message: `too many failed sign-ins for ${payload.name}; try again in ${wait} s`,
            retryAfterSeconds: wait
          })
        const account = portal.accounts.get(payload.name)
        const ok = Password.verify(payload.password, account?.passwordHash ?? decoy)
        if (account === undefined || !ok) {
          portal.limiter.fail(keys, now)
          portal.addressLimiter.fail(addressKeys, now)
          return yield* new Unauthenticated({ message: "wrong account name or password" })
        }
        portal.limiter.clear(`account:${payload.name}`)
        const user = userOf(account)
        const { token, csrf } = sessions.create(user, now)
        yield* HttpApiBuilder.securitySetCookie(sessionSecurity, Redacted.make(token), {
          secure: portal.options.secureCookie,
          httpOnly: true,
          sameSite: "strict",
          path: "/"
        })
        yield* Effect.logInfo(`sign-in: ${user.name} (${user.role})`)
        return SessionInfo.make({ user, csrf })
      })
    )
  })
)

const SessionLive = HttpApiBuilder.group(Api, "session", (handlers) =>
  Effect.gen(function* () {
    const portal = yield* PortalService
    const sessions = yield* SessionsService
    return handlers
      .handle("me", () =>
        Effect.gen(function* () {
          const user = yield* CurrentUser
          const token = yield* sessionToken
          const now = yield* Clock.currentTimeMillis
          const s = sessions.find(token, now)
          return SessionInfo.make({ user, csrf: s?.csrf ?? "" })
        })
      )
      .handle("logout", () =>
        Effect.gen(function* () {
          const token = yield* sessionToken
          sessions.remove(token)
          yield* HttpApiBuilder.securitySetCookie(sessionSecurity, "", {
            secure: portal.options.secureCookie,
            httpOnly: true,
            sameSite: "strict",
            path: "/",
            maxAge: 0
          })
        })
      )
  })
)

const sessionToken = Effect.map(HttpApiBuilder.securityDecode(sessionSecurity), (credential) =>
  Redacted.value(credential)
)

const recordWrite =
  <S extends Schema.Top>(kind: RecordKind, schema: S) =>
  (portal: Portal) =>
  ({
    params,
    payload
  }: {
    readonly params: { readonly campaign: string; readonly id: string }
    readonly payload: { readonly value: S["Type"]; readonly reason: string }
  }) =>
    Effect.gen(function* () {
      const encoded = Schema.encodeUnknownSync(schema as unknown as Schema.Codec<unknown, unknown>)(
        payload.value
      )
      const id = (encoded as { id?: unknown }).id
      if (id !== params.id)
        return yield* new Invalid({
          message: `${kind} ${params.id}: the record's id is ${String(id)}, not the id in the path`,
          problems: [
            {
              path: "value.id",
              record: `${kind} ${params.id}`,
              field: "id",
              code: "id-mismatch",
              message: `expected ${params.id}`
            }
          ]
        })
      return yield* portal.write(params.campaign, kind, params.id, encoded, payload.reason)
    })

const encodeProject = Schema.encodeSync(Project.Project)
const encodeActivity = Schema.encodeSync(Activity.Activity)
const encodeReport = Schema.encodeSync(Target.Report)

const recordWithdraw =
  (kind: RecordKind) =>
  (portal: Portal) =>
  ({
    params,
    payload
  }: {
    readonly params: { readonly campaign: string; readonly id: string }
    readonly payload: { readonly reason: string }
  }) =>
    portal.write(params.campaign, kind, params.id, null, payload.reason)

const RecordsLive = HttpApiBuilder.group(Api, "records", (handlers) =>
  Effect.gen(function* () {
    const portal = yield* PortalService
    const store = yield* Store
    const readable = <A extends { readonly unit?: string }>(
      kind: RecordKind,
      items: ReadonlyArray<A>
    ) =>
      Effect.map(CurrentUser, (user) =>
        items.filter((x) => Role.canRead(user, kind, Role.unitOf(kind, x)))
      )
    return handlers
      .handle("campaigns", () =>
        Effect.gen(function* () {
          const out = []
          for (const c of portal.options.campaigns) {
            const s = yield* Effect.option(portal.state(c.id))
            if (s._tag === "None") continue
            const campaign = s.value.snapshot.campaign
            out.push({
              id: c.id,
              title: campaign.title,
              kind: campaign.kind,
              window: campaign.window,
              asOf: s.value.snapshot.asOf,
              policy: c.plugin.meta.id
            })
          }
          return out
        })
      )
      .handle("campaign", ({ params }) =>
        Effect.map(portal.state(params.campaign), (s) => s.snapshot.campaign)
      )
      .handle("units", ({ params }) =>
        Effect.map(portal.state(params.campaign), (s) => s.snapshot.units)
      )
      .handle("projects", ({ params }) =>
        Effect.gen(function* () {
          const s = yield* portal.state(params.campaign)
          const projects = yield* readable("project", s.snapshot.projects)
          return projects.map((p) => Engine.projectView(s, p))
        })
      )
      .handle("project", ({ params }) =>
        Effect.gen(function* () {
          const s = yield* portal.state(params.campaign)
          const p = s.snapshot.projects.find((x) => x.id === params.id)
          if (p === undefined)
            return yield* new NotFound({
              message: `campaign ${params.campaign}: there is no project ${params.id}`
            })
          const user = yield* CurrentUser
          if (!Role.canRead(user, "project", p.unit))
            return yield* new Forbidden({
              message: `project ${p.id} belongs to unit ${p.unit}; ${user.name} reads only unit ${user.unit ?? "(none)"}`
            })
          return Engine.projectView(s, p)
        })
      )
      .handle("activities", ({ params }) =>
        Effect.gen(function* () {
          const s = yield* portal.state(params.campaign)
          return yield* readable("activity", s.snapshot.activities ?? [])
        })
      )
      .handle("reports", ({ params }) =>
        Effect.gen(function* () {
          const s = yield* portal.state(params.campaign)
          return yield* readable("report", s.snapshot.reports ?? [])
        })
      )
      .handle("putProject", recordWrite("project", Project.Project)(portal))
      .handle("withdrawProject", recordWithdraw("project")(portal))
      .handle("putActivity", recordWrite("activity", Activity.Activity)(portal))
      .handle("withdrawActivity", recordWithdraw("activity")(portal))
      .handle("putReport", recordWrite("report", Target.Report)(portal))
      .handle("withdrawReport", recordWithdraw("report")(portal))
      .handle("putUnit", recordWrite("unit", Unit.Unit)(portal))
      .handle("withdrawUnit", recordWithdraw("unit")(portal))
      .handle("upload", ({ params, query, payload }) =>
        Effect.gen(function* () {
          const s = yield* portal.state(params.campaign)
          const user = yield* CurrentUser
          if (user.role !== "admin" && user.role !== "reporter")
            return yield* new Forbidden({
              message: `campaign ${params.campaign}: ${user.name} (${user.role}) does not upload records`
            })
          const file = query.file ?? "upload"
          const template = Forms.byId(query.template)
          const invalid = (code: string, message: string) =>
            new Invalid({
              message: `file ${file}: ${message}; nothing was written`,
              problems: [{ path: "", record: `file ${file}`, field: "", code, message }]
            })
          if (template === undefined)
            return yield* invalid(
              "unknown-template",
              `there is no template ${query.template} (${Forms.all.map((t) => t.id).join(", ")})`
            )
          const imported = yield* Import.fromBytes(payload, {
            template,
            snapshot: s.snapshot,
            file
          }).pipe(Effect.mapError((e) => invalid(e._tag, e.message)))
          const writes: Array<Write> = [
            ...imported.projects.map((p) => ({
              kind: "project" as const,
              id: p.id,
              value: encodeProject(p)
            })),
            ...imported.activities.map((a) => ({
              kind: "activity" as const,
              id: a.id,
              value: encodeActivity(a)
            })),
            ...imported.reports.map((r) => ({
              kind: "report" as const,
              id: r.id,
              value: encodeReport(r)
            }))
          ]
          const written = yield* portal.writeMany(
            params.campaign,
            writes,
            query.reason ?? `上传台账 ${file}（${template.title}）`
          )
          return { report: imported.report, written }
        })
      )
      .handle("activitiesCsv", ({ params }) =>
        Effect.gen(function* () {
          const s = yield* portal.state(params.campaign)
          const rows = yield* readable("activity", s.snapshot.activities ?? [])
          return [
            csvLine(["id", "kind", "unit", "date", "role", "who", "where", "projects", "note"]),
            ...rows.map((a) =>
              csvLine([
                a.id,
                a.kind,
                a.unit,
                a.date,
                a.role ?? "",
                a.who ?? "",
                a.where ?? "",
                (a.projects ?? []).join(" "),
                a.note ?? ""
              ])
            ),
            ""
          ].join("\r\n")
        })
      )
      .handle("history", ({ params }) =>
        Effect.gen(function* () {
          yield* portal.state(params.campaign)
          const revisions = yield* storeDied(store.history(params.campaign, params.kind, params.id))
          if (revisions.length === 0)
            return yield* new NotFound({
              message: `campaign ${params.campaign}: there is no ${params.kind} ${params.id}`
            })
          const user = yield* CurrentUser
          const last = [...revisions].reverse().find((r) => r.value !== null)
          const unit = Role.unitOf(params.kind, last?.value)
          if (!Role.canReadHistory(user, params.kind, unit))
            return yield* new Forbidden({
              message: `${params.kind} ${params.id}: ${user.name} (${user.role}) may not read its history`
            })
          return revisions
        })
      )
  })
)

const AssessmentsLive = HttpApiBuilder.group(Api, "assessments", (handlers) =>
  Effect.gen(function* () {
    const portal = yield* PortalService
    return handlers
      .handle("current", ({ params }) =>
        Effect.gen(function* () {
          const s = yield* portal.state(params.campaign)
          const user = yield* CurrentUser
          const view = Engine.assessmentView(s)
          return {
            ...view,
            findings: view.findings.filter((f) => Role.canRead(user, "project", f.unit))
          }
        })
      )
      .handle("explain", ({ params }) =>
        Effect.gen(function* () {
          const s = yield* portal.state(params.campaign)
          const user = yield* CurrentUser
          if (user.role === "reporter" && user.unit !== params.unit)
            return yield* new Forbidden({
              message: `unit ${params.unit}: ${user.name} reads only the explanation of unit ${user.unit ?? "(none)"}`
            })
          const e = Engine.explanation(s, params.unit)
          if (e === undefined)
            return yield* new NotFound({
              message: `campaign ${params.campaign}: unit ${params.unit} is not assessed`
            })
          return e
        })
      )
      .handle("rankingCsv", ({ params }) =>
        Effect.gen(function* () {
          const s = yield* portal.state(params.campaign)
          const rows = Engine.rankingRows(s)
          return [
            csvLine(["rank", "unit", "name", "total", "tiers", "vetoes", "pending", "at-risk"]),
            ...rows.map((r) =>
              csvLine([
                String(r.rank),
                r.unit,
                r.name,
                r.total,
                r.tiers.join(" "),
                r.vetoes.join(" "),
                r.pending.map((p) => p.rule).join(" "),
                r.pending
                  .filter((p) => p.atRisk)
                  .map((p) => p.rule)
                  .join(" ")
              ])
            ),
            ""
          ].join("\r\n")
        })
      )
      .handle("runs", ({ params }) =>
        Effect.gen(function* () {
          yield* portal.state(params.campaign)
          return portal.runs.get(params.campaign) ?? []
        })
      )
      .handle("run", ({ params }) =>
        Effect.gen(function* () {
          const user = yield* CurrentUser
          if (user.role !== "admin")
            return yield* new Forbidden({
              message: `campaign ${params.campaign}: only the county administrator records an assessment run`
            })
          const s = yield* portal.state(params.campaign)
          const runs = portal.runs.get(params.campaign) ?? []
          const run = {
            id: runs.length + 1,
            sequence: s.sequence,
            who: user.name,
            at: yield* nowIso,
            ranking: Engine.rankingRows(s)
          }
          runs.push(run)
          portal.runs.set(params.campaign, runs)
          return run
        })
      )
  })
)

const BulletinsLive = HttpApiBuilder.group(Api, "bulletins", (handlers) =>
  Effect.gen(function* () {
    const portal = yield* PortalService
    const store = yield* Store
    // The bulletins made at each campaign's latest sequence number, by period.
    const made = new Map<string, { sequence: number; bulletins: Map<string, Bulletin> }>()
    const bulletinOf = (campaign: string, s: Engine.Computed, period: Period.Period) =>
      Effect.gen(function* () {
        let entry = made.get(campaign)
        if (entry === undefined || entry.sequence !== s.sequence) {
          entry = { sequence: s.sequence, bulletins: new Map() }
          made.set(campaign, entry)
        }
        let b = entry.bulletins.get(period.label)
        if (b === undefined) {
          b = yield* storeDied(Bulletins.make(store, campaign, s, period))
          entry.bulletins.set(period.label, b)
        }
        return b
      })
    const bulletin = (campaign: string, label: string) =>
      Effect.gen(function* () {
        const s = yield* portal.state(campaign)
        const period = Bulletins.periodOf(s, label)
        if (period === undefined)
          return yield* new NotFound({
            message: `campaign ${campaign}: there is no bulletin for the period ${label}`
          })
        return yield* bulletinOf(campaign, s, period)
      })
    return handlers
      .handle("bulletins", ({ params }) =>
        Effect.map(portal.state(params.campaign), (s) =>
          Bulletins.periods(s).map((p) => Bulletins.info(s, p))
        )
      )
      .handle("bulletinHtml", ({ params, query }) =>
        Effect.map(bulletin(params.campaign, params.period), (b) =>
          Bulletins.render(b, "html", query.lang ?? "zh")
        )
      )
      .handle("bulletinMarkdown", ({ params, query }) =>
        Effect.map(bulletin(params.campaign, params.period), (b) =>
          Bulletins.render(b, "md", query.lang ?? "zh")
        )
      )
      .handle("chart", ({ params }) =>
        Effect.flatMap(portal.state(params.campaign), (s) =>
          Bulletins.chart(
            s,
            params.kind,
            Effect.suspend(() => bulletinOf(params.campaign, s, Bulletins.periods(s)[0]!))
          )
        )
      )
  })
)

const AccountsLive = HttpApiBuilder.group(Api, "accounts", (handlers) =>
  Effect.gen(function* () {
    const portal = yield* PortalService
    const adminOnly = Effect.gen(function* () {
      const user = yield* CurrentUser
      if (!Role.canManageAccounts(user))
        return yield* new Forbidden({
          message: `accounts: ${user.name} (${user.role}) may not manage accounts`
        })
      return user
    })
    return handlers
      .handle("list", () =>
        Effect.map(adminOnly, () =>
          [...portal.accounts.values()]
            .map(userOf)
            .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        )
      )
      .handle("create", ({ payload }) =>
        Effect.gen(function* () {
          const admin = yield* adminOnly
          const problem = (field: string, code: string, message: string) =>
            new Invalid({
              message: `account ${payload.name}, ${field}: ${message}`,
              problems: [{ path: field, record: `account ${payload.name}`, field, code, message }]
            })
          if (portal.accounts.has(payload.name))
            return yield* problem("name", "account-exists", "an account with this name exists")
          if (payload.role === "reporter" && payload.unit === undefined)
            return yield* problem("unit", "unit-required", "a unit reporter needs a unit")
          if (payload.role !== "reporter" && payload.unit !== undefined)
            return yield* problem("unit", "unit-not-allowed", "only a unit reporter has a unit")
          const account: Account = {
            name: payload.name,
            displayName: payload.displayName,
            role: payload.role,
            ...(payload.unit !== undefined ? { unit: payload.unit } : {}),
            passwordHash: Password.hash(payload.password)
          }
          portal.accounts.set(account.name, account)
          yield* Effect.logInfo(
            `account created: ${account.name} (${account.role}) by ${admin.name}`
          )
          return userOf(account)
        })
      )
  })
)

const AuthenticationLive = Layer.effect(
  Authentication,
  Effect.gen(function* () {
    const sessions = yield* SessionsService
    return Authentication.of({
      session: (httpEffect, { credential }) =>
        Effect.gen(function* () {
          const now = yield* Clock.currentTimeMillis
          const s = sessions.find(Redacted.value(credential), now)
          if (s === undefined)
            return yield* new Unauthenticated({
              message: "sign in first: there is no session, or it has expired"
            })
          const request = yield* HttpServerRequest.HttpServerRequest
          if (request.method !== "GET" && request.method !== "HEAD") {
            const token = request.headers[csrfHeader]
            if (token === undefined || !sameToken(token, s.csrf))
              return yield* new Forbidden({
                message: `the ${csrfHeader} header is missing or does not match the session; nothing was changed`
              })
          }
          return yield* Effect.provideService(httpEffect, CurrentUser, s.user)
        })
    })
  })
)

/** @internal Every handler group and the authentication middleware, sharing one state. */
export const handlersLayer = (options: HandlerOptions) => {
  const shared = Layer.mergeAll(
    Layer.effect(PortalService, makePortal(options)),
    Layer.sync(SessionsService, () => makeSessions(options.sessionIdleSeconds))
  )
  return Layer.mergeAll(
    LoginLive,
    SessionLive,
    RecordsLive,
    AssessmentsLive,
    BulletinsLive,
    AccountsLive
  ).pipe(
    Layer.provideMerge(AuthenticationLive),
    Layer.provideMerge(RequestCheckLive),
    Layer.provide(shared)
  )
}
