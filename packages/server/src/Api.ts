/**
 * The HTTP API (接口) of a county portal, defined once with effect's
 * `HttpApi`: the server implements it, `HttpApiClient` derives a typed client
 * from it, and {@link openApi} derives the OpenAPI document. Request and
 * response bodies use the schemas of `@gongjian/core`.
 *
 * Every endpoint but sign-in needs the session cookie; every request that
 * changes something also needs the CSRF token of the session in the
 * `x-csrf-token` header.
 *
 * @since 0.1.0
 */
import { Activity, Campaign, Project, Target, Unit } from "@gongjian/core"
import * as Context from "effect/Context"
import {
  HttpApi,
  HttpApiEndpoint,
  HttpApiGroup,
  HttpApiMiddleware,
  HttpApiSchema,
  HttpApiSecurity,
  OpenApi
} from "effect/http-api"
import * as Schema from "effect/Schema"
import {
  BadRequest,
  Forbidden,
  Invalid,
  NotFound,
  PayloadTooLarge,
  TooManyAttempts,
  Unauthenticated
} from "./Errors.js"
import { Role, User } from "./Role.js"
import { Instant, RecordKind, Revision, Sequence } from "./Store.js"

/**
 * The name of the session cookie (HttpOnly, SameSite=Strict, Path=/).
 *
 * @example
 * {@includeCode ../examples/Api.ts#openapi}
 *
 * @since 0.1.0
 * @category security
 */
export const sessionCookie = "gongjian_session"

/**
 * The header that carries the CSRF token on every request that changes
 * something.
 *
 * @example
 * {@includeCode ../examples/Api.ts#openapi}
 *
 * @since 0.1.0
 * @category security
 */
export const csrfHeader = "x-csrf-token"

/**
 * The session cookie as an OpenAPI security scheme.
 *
 * @example
 * {@includeCode ../examples/Api.ts#openapi}
 *
 * @since 0.1.0
 * @category security
 */
export const sessionSecurity = HttpApiSecurity.apiKey({ key: sessionCookie, in: "cookie" })

/**
 * The signed-in user of a request, provided by {@link Authentication}.
 *
 * @example
 * {@includeCode ../examples/Api.ts#openapi}
 *
 * @since 0.1.0
 * @category security
 */
export class CurrentUser extends Context.Service<CurrentUser, User>()(
  "@gongjian/server/CurrentUser"
) {}

/**
 * The session middleware: finds the session of the cookie, checks the CSRF
 * token of a request that changes something, and provides {@link CurrentUser}.
 *
 * @example
 * {@includeCode ../examples/Api.ts#openapi}
 *
 * @since 0.1.0
 * @category security
 */
export class Authentication extends HttpApiMiddleware.Service<
  Authentication,
  { provides: CurrentUser; requires: never }
>()("@gongjian/server/Authentication", {
  security: { session: sessionSecurity },
  error: [Unauthenticated, Forbidden]
}) {}

/**
 * The request check: a request whose path parameters, query, headers or body
 * do not fit its endpoint's schema is answered 400 with {@link BadRequest},
 * every problem named (where in the request, the record written, the field,
 * the schema's code), instead of an empty 400; a body found larger than the
 * server takes while it is read is answered 413 with {@link PayloadTooLarge}
 * (since 0.4.0), as one whose declared length is over the limit is before it
 * is read. On every endpoint.
 *
 * @example
 * {@includeCode ../examples/Api.ts#openapi}
 *
 * @since 0.1.0
 * @category middleware
 */
export class RequestCheck extends HttpApiMiddleware.Service<RequestCheck>()(
  "@gongjian/server/RequestCheck",
  { error: [BadRequest, PayloadTooLarge] }
) {}

/**
 * What a session shows its user: who they are and the CSRF token to send
 * back in {@link csrfHeader}.
 *
 * @example
 * {@includeCode ../examples/Api.ts#openapi}
 *
 * @since 0.1.0
 * @category schemas
 */
export const SessionInfo = Schema.Struct({ user: User, csrf: Schema.String }).annotate({
  identifier: "SessionInfo"
})

const Message = Schema.Struct({ zh: Schema.String, en: Schema.String })

/**
 * A campaign in the list: id, title, kind, window, as-of date and the policy
 * that assesses it.
 *
 * @example
 * {@includeCode ../examples/Api.ts#openapi}
 *
 * @since 0.1.0
 * @category schemas
 */
export const CampaignInfo = Schema.Struct({
  id: Schema.String,
  title: Schema.String,
  kind: Schema.String,
  window: Campaign.DateRange,
  asOf: Schema.String,
  policy: Schema.String
}).annotate({ identifier: "CampaignInfo" })

/**
 * A project with its lifecycle (生命周期): the stage reached as of the
 * campaign's date, the date of each milestone, and its exit findings.
 *
 * @example
 * {@includeCode ../examples/Api.ts#openapi}
 *
 * @since 0.1.0
 * @category schemas
 */
export const ProjectView = Schema.Struct({
  project: Project.Project,
  stage: Schema.NullOr(Schema.String),
  milestones: Schema.Record(Schema.String, Schema.String),
  findings: Schema.Array(Schema.suspend(() => FindingView))
}).annotate({ identifier: "ProjectView" })

/**
 * An exit finding (退出机制预警/处置): the project, its unit, the rule and clause,
 * the severity, the proposed action, the deadline and the message.
 *
 * @example
 * {@includeCode ../examples/Api.ts#openapi}
 *
 * @since 0.1.0
 * @category schemas
 */
export const FindingView = Schema.Struct({
  project: Schema.String,
  unit: Schema.String,
  rule: Schema.String,
  clause: Schema.String,
  class: Schema.String,
  severity: Schema.String,
  action: Schema.String,
  deadline: Schema.String,
  message: Message
}).annotate({ identifier: "FindingView" })

/**
 * A verdict not given yet (待定): a veto (一票否决) or a tier (档次) the policy
 * judges at its targets' due date, which has not come by the assessment's
 * date. `rule` is the veto's or the tier's id and `title` its title; `due`
 * the first date the verdict can be given; `atRisk` says a target it judges
 * is amber or red against 序时进度 (落后序时进度，有风险); `reason` gives each
 * target's completion, 序时进度 and status in the engine's terms. A unit whose
 * verdict is pending is neither vetoed nor in the tier yet.
 *
 * @example
 * {@includeCode ../examples/Api.ts#pending}
 *
 * @since 0.4.0
 * @category schemas
 */
export const PendingVerdict = Schema.Struct({
  rule: Schema.String,
  kind: Schema.Literals(["veto", "tier"]),
  title: Message,
  due: Schema.String,
  atRisk: Schema.Boolean,
  reason: Schema.String
}).annotate({ identifier: "PendingVerdict" })

/**
 * One row of the ranking (排名); ranks count within the unit's group (towns
 * and streets apart from departments, when the policy groups them). `pending`
 * lists the unit's verdicts not given yet ({@link PendingVerdict}, since
 * 0.4.0; empty when every verdict is given).
 *
 * @example
 * {@includeCode ../examples/Api.ts#openapi}
 *
 * @since 0.1.0
 * @category schemas
 */
export const RankingRow = Schema.Struct({
  group: Schema.String,
  rank: Schema.Int,
  unit: Schema.String,
  name: Schema.String,
  total: Schema.String,
  tiers: Schema.Array(Schema.String),
  vetoes: Schema.Array(Schema.String),
  pending: Schema.Array(PendingVerdict)
}).annotate({ identifier: "RankingRow" })

/**
 * One row of target progress against 序时进度: actual and goal as written (a
 * rate as a percentage), the completion as a percentage (one decimal, half
 * up from the exact value, never 100.0% below 100%), the expected share and the status
 * (ahead, on-track, amber, red). `unit` is null for the whole area.
 *
 * @example
 * {@includeCode ../examples/Api.ts#openapi}
 *
 * @since 0.1.0
 * @category schemas
 */
export const ProgressRow = Schema.Struct({
  target: Schema.String,
  title: Schema.String,
  unit: Schema.NullOr(Schema.String),
  actual: Schema.String,
  goal: Schema.String,
  completion: Schema.String,
  expected: Schema.Number,
  /** 序时进度 as a percentage, written as the completion is (since 0.4.0). */
  expectedPercent: Schema.String,
  status: Schema.Literals(["ahead", "on-track", "amber", "red"])
}).annotate({ identifier: "ProgressRow" })

/**
 * The assessment of a campaign as its records stand: the ranking with tier
 * titles, target progress, exit findings, and the errors of plugins that
 * failed. `sequence` is the store's {@link Sequence} number it was computed
 * at (the last write it reflects). `area` (since 0.4.0) names the whole area
 * in Chinese and English as its root unit does (全县, 全市, 全区, 全镇, … by
 * `Unit.areaLabel` of `@gongjian/core`, 全域 when the units do not say): the
 * name of the progress rows whose `unit` is null. It is optional, so a client
 * reads a server without it; such a client names those rows itself.
 *
 * @example
 * {@includeCode ../examples/Api.ts#openapi}
 *
 * @since 0.1.0
 * @category schemas
 */
export const AssessmentView = Schema.Struct({
  campaign: Schema.String,
  asOf: Schema.String,
  policy: Schema.String,
  sequence: Sequence,
  area: Schema.optionalKey(
    Message.annotate({
      description: "The whole area's name (全县, 全区, …) for the progress rows without a unit"
    })
  ),
  ranking: Schema.Array(RankingRow),
  tiers: Schema.Array(Schema.Struct({ id: Schema.String, title: Message })),
  progress: Schema.Array(ProgressRow),
  findings: Schema.Array(FindingView),
  errors: Schema.Array(Schema.String)
}).annotate({ identifier: "AssessmentView" })

/**
 * A unit's score explained to the clause (逐条说明): every line with its item
 * (id and title), clause, points, arithmetic and message; the unit's tiers,
 * each with the condition that put it there; its vetoes, each with its title
 * and a message in Chinese and English (`reason` is the engine's text); its
 * verdicts not given yet ({@link PendingVerdict}, since 0.4.0; empty when
 * every verdict is given).
 *
 * @example
 * {@includeCode ../examples/Api.ts#openapi}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Explanation = Schema.Struct({
  unit: Schema.String,
  name: Schema.String,
  rank: Schema.Int,
  total: Schema.String,
  tiers: Schema.Array(Schema.Struct({ id: Schema.String, title: Message, reason: Message })),
  vetoes: Schema.Array(
    Schema.Struct({
      veto: Schema.String,
      title: Message,
      reason: Schema.String,
      message: Message
    })
  ),
  pending: Schema.Array(PendingVerdict),
  lines: Schema.Array(
    Schema.Struct({
      item: Schema.String,
      title: Message,
      clause: Schema.String,
      points: Schema.String,
      arithmetic: Schema.String,
      message: Message
    })
  )
}).annotate({ identifier: "Explanation" })

/**
 * A recorded assessment run (考核结果): its number, who ran it and when (an
 * {@link Instant}), the store's {@link Sequence} number it read, and its
 * ranking.
 *
 * @example
 * {@includeCode ../examples/Api.ts#openapi}
 *
 * @since 0.1.0
 * @category schemas
 */
export const AssessmentRun = Schema.Struct({
  id: Schema.Int,
  sequence: Sequence,
  who: Schema.String,
  at: Instant,
  ranking: Schema.Array(RankingRow)
}).annotate({ identifier: "AssessmentRun" })

const Reason = Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(500)).annotate({
  description: "Why the record is written (上报/更正理由); kept with the revision"
})

const writeBody = <S extends Schema.Top>(value: S) => Schema.Struct({ value, reason: Reason })

const campaignParam = { campaign: Schema.String }
const recordParams = { campaign: Schema.String, id: Schema.String }

/** A read of a whole campaign's resource: `GET /campaigns/:campaign{path}`, 404 for an unknown campaign. */
const campaignRead = <const Name extends string, S extends Schema.Top>(
  name: Name,
  path: string,
  success: S
) =>
  HttpApiEndpoint.get(name, `/campaigns/:campaign${path}`, {
    params: campaignParam,
    success,
    error: NotFound
  })

/** A campaign's resource as CSV, formula text neutralised. */
const campaignCsv = <const Name extends string>(name: Name, path: string) =>
  campaignRead(name, path, Schema.String.pipe(HttpApiSchema.asText({ contentType: "text/csv" })))

const recordEndpoints = <const Name extends string, S extends Schema.Top>(
  name: Name,
  path: string,
  value: S
) =>
  [
    HttpApiEndpoint.put(`put${name}`, `/campaigns/:campaign/${path}/:id`, {
      params: recordParams,
      payload: writeBody(value),
      success: Revision,
      error: [Forbidden, NotFound, Invalid]
    }),
    HttpApiEndpoint.delete(`withdraw${name}`, `/campaigns/:campaign/${path}/:id`, {
      params: recordParams,
      payload: Schema.Struct({ reason: Reason }),
      success: Revision,
      error: [Forbidden, NotFound, Invalid]
    })
  ] as const

const Bilingual = Schema.Struct({ zh: Schema.String, en: Schema.String })

/**
 * The row report (逐行报告) of an uploaded spreadsheet, as `@gongjian/sheets`
 * makes it: the template, where the header was found, every row after it
 * (accepted, merged, rejected, total or note) with each problem cell, the
 * reason and the fix in Chinese and English, and the counts.
 *
 * @example
 * {@includeCode ../examples/Api.ts#openapi}
 *
 * @since 0.1.0
 * @category schemas
 */
export const RowReport = Schema.Struct({
  file: Schema.String,
  format: Schema.String,
  template: Schema.String,
  headerRows: Schema.Array(Schema.Int),
  ignoredColumns: Schema.Array(Schema.Struct({ column: Schema.String, header: Schema.String })),
  rows: Schema.Array(
    Schema.Struct({
      row: Schema.Int,
      status: Schema.Literals(["accepted", "merged", "rejected", "total", "note"]),
      record: Schema.optionalKey(Schema.String),
      problems: Schema.Array(
        Schema.Struct({
          cell: Schema.String,
          header: Schema.String,
          field: Schema.String,
          reason: Bilingual,
          fix: Bilingual
        })
      )
    })
  ),
  counts: Schema.Struct({
    accepted: Schema.Int,
    merged: Schema.Int,
    rejected: Schema.Int,
    total: Schema.Int,
    note: Schema.Int,
    blank: Schema.Int
  })
}).annotate({ identifier: "RowReport" })

/**
 * What an upload did: the row report, and the revisions written for the
 * accepted and merged rows (all in one submission; none when a row's record
 * may not be written by the user or would leave the campaign invalid).
 *
 * @example
 * {@includeCode ../examples/Api.ts#openapi}
 *
 * @since 0.1.0
 * @category schemas
 */
export const UploadResult = Schema.Struct({
  report: RowReport,
  written: Schema.Array(Revision)
}).annotate({ identifier: "UploadResult" })

/**
 * Signing in: checks the password, sets the session cookie, and returns the
 * CSRF token.
 *
 * @example
 * {@includeCode ../examples/Api.ts#openapi}
 *
 * @since 0.1.0
 * @category groups
 */
export class LoginApi extends HttpApiGroup.make("login").add(
  HttpApiEndpoint.post("login", "/session", {
    payload: Schema.Struct({
      name: Schema.String.check(Schema.isMaxLength(100)),
      password: Schema.String.check(Schema.isMaxLength(200))
    }),
    success: SessionInfo,
    error: [Unauthenticated, TooManyAttempts]
  })
) {}

/**
 * The current session: who is signed in, and signing out.
 *
 * @example
 * {@includeCode ../examples/Api.ts#openapi}
 *
 * @since 0.1.0
 * @category groups
 */
export class SessionApi extends HttpApiGroup.make("session")
  .add(HttpApiEndpoint.get("me", "/session", { success: SessionInfo }))
  .add(HttpApiEndpoint.delete("logout", "/session", { success: HttpApiSchema.NoContent }))
  .middleware(Authentication) {}

/**
 * Campaigns and their records: units, projects with their lifecycle,
 * activities, reported figures; writes with a reason, corrections,
 * spreadsheet uploads (台账上传) with their row report, the activities as CSV,
 * and the history of any record.
 *
 * @example
 * {@includeCode ../examples/Api.ts#openapi}
 *
 * @since 0.1.0
 * @category groups
 */
export class RecordsApi extends HttpApiGroup.make("records")
  .add(HttpApiEndpoint.get("campaigns", "/campaigns", { success: Schema.Array(CampaignInfo) }))
  .add(campaignRead("campaign", "", Campaign.Campaign))
  .add(campaignRead("units", "/units", Schema.Array(Unit.Unit)))
  .add(campaignRead("projects", "/projects", Schema.Array(ProjectView)))
  .add(
    HttpApiEndpoint.get("project", "/campaigns/:campaign/projects/:id", {
      params: recordParams,
      success: ProjectView,
      error: [NotFound, Forbidden]
    })
  )
  .add(campaignRead("activities", "/activities", Schema.Array(Activity.Activity)))
  .add(campaignRead("reports", "/reports", Schema.Array(Target.Report)))
  .add(...recordEndpoints("Project", "projects", Project.Project))
  .add(...recordEndpoints("Activity", "activities", Activity.Activity))
  .add(...recordEndpoints("Report", "reports", Target.Report))
  .add(...recordEndpoints("Unit", "units", Unit.Unit))
  .add(
    HttpApiEndpoint.post("upload", "/campaigns/:campaign/uploads", {
      params: campaignParam,
      query: {
        template: Schema.String,
        file: Schema.optional(Schema.String),
        reason: Schema.optional(Schema.String)
      },
      payload: Schema.Uint8Array.pipe(
        HttpApiSchema.asUint8Array({ contentType: "application/octet-stream" })
      ),
      success: UploadResult,
      error: [Forbidden, NotFound, Invalid]
    })
  )
  .add(campaignCsv("activitiesCsv", "/activities.csv"))
  .add(
    HttpApiEndpoint.get("history", "/campaigns/:campaign/history/:kind/:id", {
      params: {
        campaign: Schema.String,
        kind: RecordKind,
        id: Schema.String
      },
      success: Schema.Array(Revision),
      error: [NotFound, Forbidden]
    })
  )
  .middleware(Authentication) {}

/**
 * Assessments: the current ranking, progress and findings; a unit's score
 * explained to the clause; recorded runs; the ranking as CSV.
 *
 * @example
 * {@includeCode ../examples/Api.ts#openapi}
 *
 * @since 0.1.0
 * @category groups
 */
export class AssessmentsApi extends HttpApiGroup.make("assessments")
  .add(campaignRead("current", "/assessment", AssessmentView))
  .add(
    HttpApiEndpoint.get("explain", "/campaigns/:campaign/assessment/units/:unit", {
      params: { campaign: Schema.String, unit: Schema.String },
      success: Explanation,
      error: [NotFound, Forbidden]
    })
  )
  .add(campaignCsv("rankingCsv", "/assessment/ranking.csv"))
  .add(campaignRead("runs", "/assessments", Schema.Array(AssessmentRun)))
  .add(
    HttpApiEndpoint.post("run", "/campaigns/:campaign/assessments", {
      params: campaignParam,
      success: AssessmentRun,
      error: [NotFound, Forbidden]
    })
  )
  .middleware(Authentication) {}

/**
 * A bulletin (通报) of a campaign: its period's label (`2026-09-H2`), cadence,
 * first and last day, its number (第N期; since 0.4.0 absent for a campaign
 * without a reporting cadence, whose bulletins are not numbered) and the
 * period's name in Chinese and English.
 *
 * @example
 * {@includeCode ../examples/Api.ts#openapi}
 *
 * @since 0.1.0
 * @category schemas
 */
export const BulletinInfo = Schema.Struct({
  period: Schema.String,
  cadence: Schema.String,
  start: Schema.String,
  end: Schema.String,
  number: Schema.optionalKey(Schema.Int),
  name: Message
}).annotate({ identifier: "BulletinInfo" })

/**
 * The wall charts (挂图作战): `gantt` (key projects against their plan
 * milestones, 倒排工期), `progress` (units against 序时进度), `ranking`, and
 * `heatmap` (units × targets).
 *
 * @example
 * {@includeCode ../examples/Api.ts#openapi}
 *
 * @since 0.1.0
 * @category schemas
 */
export const ChartKind = Schema.Literals(["gantt", "progress", "ranking", "heatmap"])

const Lang = Schema.Literals(["zh", "en"]).annotate({
  description: "The language of the bulletin: zh (the default) or en"
})

const bulletinParams = { campaign: Schema.String, period: Schema.String }

const bulletinText = <const Name extends string>(
  name: Name,
  extension: string,
  contentType: string
) =>
  HttpApiEndpoint.get(name, `/campaigns/:campaign/bulletins/:period.${extension}`, {
    params: bulletinParams,
    query: { lang: Schema.optional(Lang) },
    success: Schema.String.pipe(HttpApiSchema.asText({ contentType })),
    error: NotFound
  })

/**
 * Bulletins and wall charts (通报与挂图作战), as `@gongjian/reports` makes
 * them from the campaign's records as they stand: the bulletin periods, a
 * period's bulletin as HTML (A4 print CSS) or Markdown, and the four wall
 * charts as SVG. What a county circulates and pins up: every signed-in role
 * reads them whole, and nothing here writes.
 *
 * @example
 * {@includeCode ../examples/Api.ts#openapi}
 *
 * @since 0.1.0
 * @category groups
 */
export class BulletinsApi extends HttpApiGroup.make("bulletins")
  .add(campaignRead("bulletins", "/bulletins", Schema.Array(BulletinInfo)))
  .add(bulletinText("bulletinHtml", "html", "text/html"))
  .add(bulletinText("bulletinMarkdown", "md", "text/markdown"))
  .add(
    HttpApiEndpoint.get("chart", "/campaigns/:campaign/charts/:kind.svg", {
      params: { campaign: Schema.String, kind: ChartKind },
      success: Schema.String.pipe(HttpApiSchema.asText({ contentType: "image/svg+xml" })),
      error: NotFound
    })
  )
  .middleware(Authentication) {}

/**
 * Accounts (账号), for the administrator: list them and create one.
 *
 * @example
 * {@includeCode ../examples/Api.ts#openapi}
 *
 * @since 0.1.0
 * @category groups
 */
export class AccountsApi extends HttpApiGroup.make("accounts")
  .add(
    HttpApiEndpoint.get("list", "/accounts", {
      success: Schema.Array(User),
      error: Forbidden
    })
  )
  .add(
    HttpApiEndpoint.post("create", "/accounts", {
      payload: Schema.Struct({
        name: Schema.String.check(Schema.isPattern(/^[A-Za-z0-9._-]{1,64}$/)),
        displayName: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(100)),
        role: Role,
        unit: Schema.optionalKey(Schema.String),
        password: Schema.String.check(Schema.isMinLength(10), Schema.isMaxLength(200))
      }),
      success: User,
      error: [Forbidden, Invalid]
    })
  )
  .middleware(Authentication) {}

/**
 * The whole API, under `/api`.
 *
 * @example
 * {@includeCode ../examples/Api.ts#openapi}
 *
 * @since 0.1.0
 * @category api
 */
export class Api extends HttpApi.make("gongjian")
  .add(LoginApi)
  .add(SessionApi)
  .add(RecordsApi)
  .add(AssessmentsApi)
  .add(BulletinsApi)
  .add(AccountsApi)
  .middleware(RequestCheck)
  .prefix("/api")
  // Every problem of a body, not only the first: RequestCheck lists them.
  .annotate(HttpApi.PayloadParseOptions, { errors: "all" })
  .annotateMerge(
    OpenApi.annotations({
      title: "gongjian county portal API",
      description:
        "Campaigns, units, projects, submissions and corrections with reasons, assessments explained to the clause, exit findings, bulletins and wall charts, and the history of every record."
    })
  ) {}

/**
 * The OpenAPI 3.1 document of {@link Api}, also served at
 * `/api/openapi.json`.
 *
 * @example
 * {@includeCode ../examples/Api.ts#openapi}
 *
 * @since 0.1.0
 * @category api
 */
export const openApi = (): OpenApi.OpenAPISpec => OpenApi.fromApi(Api)
