import { Activity, Calendar, Campaign, Lifecycle, Project, Target, Unit } from "@gongjian/core"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as SchemaIssue from "effect/SchemaIssue"

/** The kinds of record the ledger keeps. */
export type Kind =
  | "campaign"
  | "calendar"
  | "target"
  | "unit"
  | "project"
  | "event"
  | "activity"
  | "report"

/** A JSON object as read from a snapshot file. */
export type Json = { readonly [key: string]: unknown }

/** A record ready to be written: what it is, its stream, its place and its JSON text. */
export interface Row {
  readonly kind: Kind
  readonly id: string
  readonly key: string
  readonly stream: string
  readonly ordinal: number
  readonly effective: string | null
  readonly body: string | null
}

export const keyOf = (kind: Kind, id: string): string => `${kind}/${id}`

/** The stream a record belongs to: a project and its events share one. */
export const streamOf = (kind: Kind, id: string): string =>
  kind === "event"
    ? `project/${id.slice(0, id.lastIndexOf("#"))}`
    : kind === "campaign" || kind === "calendar"
      ? kind
      : `${kind}/${id}`

/** How a record is named in messages: `project P-007`, `event P-007#2`. */
export const named = (kind: Kind, id: string): string =>
  kind === "campaign" || kind === "calendar" ? kind : `${kind} ${id}`

const effectiveOf = (kind: Kind, value: Json): string | null => {
  const d =
    kind === "event" || kind === "activity" ? value.date : kind === "report" ? value.on : undefined
  return typeof d === "string" ? d : null
}

export const row = (kind: Kind, id: string, ordinal: number, value: Json | null): Row => ({
  kind,
  id,
  key: keyOf(kind, id),
  stream: streamOf(kind, id),
  ordinal,
  effective: value === null ? null : effectiveOf(kind, value),
  body: value === null ? null : JSON.stringify(value)
})

const schemas = {
  campaign: Campaign.Campaign,
  calendar: Schema.Struct({
    overrides: Schema.optionalKey(Schema.Array(Calendar.CalendarOverride)),
    coverYears: Schema.optionalKey(Schema.Array(Schema.Int)),
    outsideCoverage: Schema.optionalKey(Schema.Literals(["provisional", "error", "weekends"]))
  }),
  target: Target.Target,
  unit: Unit.Unit,
  project: Project.Project,
  event: Lifecycle.ProjectEvent,
  activity: Activity.Activity,
  report: Target.Report
} satisfies Record<Kind, Schema.Top>

const formatter = SchemaIssue.makeFormatterStandardSchemaV1()

/** Checks one record's JSON against its schema: the first problem's field and message, if any. */
export const check = (
  kind: Kind,
  value: unknown
): { readonly field: string; readonly detail: string } | undefined => {
  const r = Schema.decodeUnknownResult(schemas[kind] as Schema.Decoder<unknown>)(value, {
    errors: "all",
    onExcessProperty: "error"
  })
  if (Result.isSuccess(r)) return undefined
  const issue = formatter(r.failure.issue).issues[0]
  const path = (issue?.path ?? []) as ReadonlyArray<PropertyKey>
  let field = ""
  for (const k of path)
    field += typeof k === "number" ? `[${k}]` : field === "" ? String(k) : `.${String(k)}`
  return { field, detail: issue?.message ?? "invalid" }
}

const isObject = (u: unknown): u is Json => u !== null && typeof u === "object" && !Array.isArray(u)
const list = (u: unknown): ReadonlyArray<Json> => (Array.isArray(u) ? u.filter(isObject) : [])

/**
 * A decoded snapshot file cut into records: the campaign (its targets cut
 * out and kept in place as `[]`), its targets, the calendar, units, projects
 * (events cut out the same way), each project's events (`P-007#0`, `#1` …),
 * activities and reports, each with its position in the file.
 */
export const split = (snapshot: Json): ReadonlyArray<Row> => {
  const out: Array<Row> = []
  const campaign = snapshot.campaign as Json
  out.push(row("campaign", "campaign", 0, { ...campaign, targets: [] }))
  list(campaign.targets).forEach((t, i) => {
    out.push(row("target", String(t.id), i, t))
  })
  if (isObject(snapshot.calendar)) out.push(row("calendar", "calendar", 0, snapshot.calendar))
  list(snapshot.units).forEach((u, i) => {
    out.push(row("unit", String(u.id), i, u))
  })
  list(snapshot.projects).forEach((p, i) => {
    out.push(row("project", String(p.id), i, { ...p, events: [] }))
    list(p.events).forEach((e, j) => {
      out.push(row("event", `${String(p.id)}#${j}`, j, e))
    })
  })
  list(snapshot.activities).forEach((a, i) => {
    out.push(row("activity", String(a.id), i, a))
  })
  list(snapshot.reports).forEach((r, i) => {
    out.push(row("report", String(r.id), i, r))
  })
  return out
}

/** A record as read back: kind, id, place and JSON text. */
export interface Stored {
  readonly kind: Kind
  readonly id: string
  readonly ordinal: number
  readonly body: string
}

const byPlace = (a: Stored, b: Stored) =>
  a.ordinal - b.ordinal || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** The top-level keys of a snapshot file, in their order. */
export const layoutOf = (snapshot: Json): ReadonlyArray<string> => Object.keys(snapshot)

const DEFAULT_LAYOUT = [
  "asOf",
  "campaign",
  "units",
  "projects",
  "activities",
  "reports",
  "calendar"
]

/**
 * The snapshot file's JSON put back together from records: lists in the
 * order of their positions (ties by id), keys in the order they were written,
 * the top-level keys in the order of the file last imported (`layout`; an
 * empty list it had is kept, one it did not have is left out).
 */
export const assemble = (
  asOf: string,
  records: ReadonlyArray<Stored>,
  layout: ReadonlyArray<string> = DEFAULT_LAYOUT
): Json | undefined => {
  const of = (kind: Kind) => records.filter((r) => r.kind === kind).sort(byPlace)
  const parse = (r: Stored) => JSON.parse(r.body) as Json
  const campaignRow = of("campaign")[0]
  if (campaignRow === undefined) return undefined
  const events = new Map<string, Array<Stored>>()
  for (const e of of("event")) {
    const p = e.id.slice(0, e.id.lastIndexOf("#"))
    const l = events.get(p)
    if (l === undefined) events.set(p, [e])
    else l.push(e)
  }
  const calendar = of("calendar")[0]
  const activities = of("activity")
  const reports = of("report")
  const parts: Record<string, unknown> = {
    asOf,
    campaign: { ...parse(campaignRow), targets: of("target").map(parse) },
    units: of("unit").map(parse),
    projects: of("project").map((p) => ({
      ...parse(p),
      events: (events.get(p.id) ?? []).map(parse)
    })),
    activities: activities.map(parse),
    reports: reports.map(parse),
    calendar: calendar === undefined ? undefined : parse(calendar)
  }
  const keep = (k: string) =>
    parts[k] !== undefined &&
    (layout.includes(k) || (Array.isArray(parts[k]) && (parts[k] as Array<unknown>).length > 0))
  const out: Record<string, unknown> = {}
  for (const k of [...layout, ...DEFAULT_LAYOUT]) if (!(k in out) && keep(k)) out[k] = parts[k]
  return out
}
