/**
 * The Snapshot (快照): one JSON document with everything an assessment reads —
 * the campaign, its units, the projects with their events, the activities,
 * reported figures, local calendar changes, and the as-of date.
 *
 * {@link decode} checks it in one call and reports every problem with its
 * path, the record it belongs to (`project P-007`) and the field — not only
 * the first problem.
 *
 * @since 0.1.0
 */
import * as BigDecimal from "effect/BigDecimal"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { Activity } from "./Activity.js"
import * as Calendar from "./Calendar.js"
import { Campaign } from "./Campaign.js"
import * as Fast from "./internal/fastDecode.js"
import { fenOf, NOT_FEN } from "./internal/fen.js"
import { byDecode, bySnapshot, flagsOf, NOT_REACHED } from "./internal/folded.js"
import { projectMoneyField } from "./internal/measure.js"
import * as Lifecycle from "./Lifecycle.js"
import * as LocalDate from "./LocalDate.js"
import * as P from "./Problem.js"
import { Project } from "./Project.js"
import { type Goal, measures, Report } from "./Target.js"
import { Unit } from "./Unit.js"

/**
 * The schema of a snapshot. Its JSON Schema ships with the package as
 * `@gongjian/core/snapshot.schema.json`, for portal forms and other languages.
 *
 * @example
 * {@includeCode ../examples/Snapshot.ts#decode}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Snapshot = Schema.Struct({
  asOf: LocalDate.LocalDate,
  campaign: Campaign,
  units: Schema.Array(Unit),
  projects: Schema.Array(Project),
  activities: Schema.optionalKey(Schema.Array(Activity)),
  reports: Schema.optionalKey(Schema.Array(Report)),
  calendar: Schema.optionalKey(
    Schema.Struct({
      overrides: Schema.optionalKey(Schema.Array(Calendar.CalendarOverride)),
      coverYears: Schema.optionalKey(Schema.Array(Schema.Int)),
      outsideCoverage: Schema.optionalKey(Schema.Literals(["provisional", "error", "weekends"]))
    })
  )
}).annotate({
  identifier: "Snapshot",
  title: "gongjian snapshot",
  description:
    "A campaign, its units, projects with their events, activities and reported figures, as of a date"
})

/**
 * The type of {@link Snapshot}.
 *
 * @example
 * {@includeCode ../examples/Snapshot.ts#decode}
 *
 * @since 0.1.0
 * @category models
 */
export interface Snapshot extends Schema.Schema.Type<typeof Snapshot> {}

/**
 * The stable code of a snapshot problem or notice, for programs to branch on:
 *
 * - a schema problem's code (see `Problem.SchemaCode`);
 * - `not-json`: the text is not JSON;
 * - `duplicate-id`: an id used twice in one list;
 * - `unknown-unit`, `unknown-project`: a reference to a record the snapshot lacks;
 * - `unit-cycle`: a unit that is its own ancestor;
 * - `goal-not-share`: a start-rate target's goal given as money;
 * - `zero-goal`: a goal of 0;
 * - `bad-range`: a window or phase that ends before it starts;
 * - `history`: an impossible project history (see `Lifecycle.LifecycleError`);
 * - notices: `after-as-of` (a record dated after the as-of date),
 *   `currency-mismatch` (money in another currency than its target's goal,
 *   or a number where the goal is money and the reverse).
 *
 * @example
 * {@includeCode ../examples/Snapshot.ts#problems}
 *
 * @since 0.2.0
 * @category models
 */
export type ProblemCode =
  | P.SchemaCode
  | "not-json"
  | "duplicate-id"
  | "unknown-unit"
  | "unknown-project"
  | "unit-cycle"
  | "goal-not-share"
  | "zero-goal"
  | "bad-range"
  | "history"
  | "after-as-of"
  | "currency-mismatch"

/**
 * One problem found in a snapshot: where (`path`, such as
 * `projects[3].events[1].date`), which record (`project P-007`), which field
 * of it (`events[1].date`), its stable `code`, and what is wrong.
 *
 * @example
 * {@includeCode ../examples/Snapshot.ts#problems}
 *
 * @since 0.1.0
 * @category models
 */
export interface Problem {
  readonly path: string
  readonly record: string | undefined
  readonly field: string
  readonly code: ProblemCode
  readonly message: string
}

/**
 * The error of {@link decode}: every problem of the snapshot.
 *
 * @example
 * {@includeCode ../examples/Snapshot.ts#problems}
 *
 * @since 0.1.0
 * @category errors
 */
export class SnapshotError extends Data.TaggedError("SnapshotError")<{
  readonly problems: ReadonlyArray<Problem>
}> {
  override get message(): string {
    const shown = this.problems
      .slice(0, 10)
      .map(
        (p) =>
          `  ${p.record === undefined ? "" : `${p.record}, `}${p.field || p.path || "(document)"}: ${p.message}`
      )
    const more = this.problems.length > 10 ? [`  … and ${this.problems.length - 10} more`] : []
    return [`The snapshot has ${this.problems.length} problem(s):`, ...shown, ...more].join("\n")
  }
}

const COLLECTIONS: Record<string, string> = {
  units: "unit",
  projects: "project",
  activities: "activity",
  reports: "report",
  targets: "target",
  phases: "phase"
}

const formatPath = P.formatPath

/** Finds the innermost record (an element with an id) on a path in the input. */
const locate = (
  input: unknown,
  path: ReadonlyArray<PropertyKey>
): { record: string | undefined; field: string } => {
  let record: string | undefined
  let fieldStart = 0
  let node: unknown = input
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!
    node =
      node !== null && typeof node === "object"
        ? (node as Record<PropertyKey, unknown>)[key]
        : undefined
    // Records live in the top-level lists and in campaign.targets / phases.
    const collection =
      typeof key === "number" && (i === 1 || (i === 2 && path[0] === "campaign"))
        ? path[i - 1]
        : undefined
    if (typeof collection === "string" && COLLECTIONS[collection] !== undefined) {
      const id =
        node !== null && typeof node === "object" ? (node as { id?: unknown }).id : undefined
      record = `${COLLECTIONS[collection]} ${typeof id === "string" && id !== "" ? id : `#${String(key)}`}`
      fieldStart = i + 1
    }
  }
  return { record, field: formatPath(path.slice(fieldStart)) }
}

const problem = (
  input: unknown,
  path: ReadonlyArray<PropertyKey>,
  code: ProblemCode,
  message: string
): Problem => ({
  path: formatPath(path),
  ...locate(input, path),
  code,
  message
})

/** The input value at a path, quoted when it is a short primitive, for messages. */
const shown = (input: unknown, path: ReadonlyArray<PropertyKey>): string => {
  let node: unknown = input
  for (const k of path) {
    if (node === null || typeof node !== "object") return ""
    node = (node as Record<PropertyKey, unknown>)[k]
  }
  if (typeof node === "string") return node.length <= 60 ? `, got ${JSON.stringify(node)}` : ""
  if (typeof node === "number" || typeof node === "boolean" || node === null)
    return `, got ${String(node)}`
  return ""
}

/**
 * What the checks of ids and references read of a snapshot: each record's id
 * and the ids it refers to, at the record's index in the input. A record left
 * `undefined` (or a reference) is not checked: on malformed input, the
 * records whose ids cannot be read.
 */
interface Links {
  readonly units: ReadonlyArray<
    { readonly id: string; readonly parent?: string | undefined } | undefined
  >
  readonly projects: ReadonlyArray<
    { readonly id: string; readonly unit?: string | undefined } | undefined
  >
  readonly activities?:
    | ReadonlyArray<
        | {
            readonly id: string
            readonly unit?: string | undefined
            readonly projects?: ReadonlyArray<string | undefined> | undefined
          }
        | undefined
      >
    | undefined
  readonly reports?:
    | ReadonlyArray<{ readonly id: string; readonly unit?: string | undefined } | undefined>
    | undefined
  readonly campaign: {
    readonly targets: ReadonlyArray<
      | {
          readonly id: string
          readonly allocations?:
            | ReadonlyArray<{ readonly unit?: string | undefined } | undefined>
            | undefined
        }
      | undefined
    >
    readonly phases: ReadonlyArray<{ readonly id: string } | undefined>
  }
}

/**
 * The links of input the schema refused: the records whose id is text, with
 * the references that are text, each at its index, so that a file's unknown
 * units and duplicate ids are reported with its malformed fields at once.
 */
const linksOf = (input: unknown): Links => {
  const obj = (x: unknown): Record<string, unknown> | undefined =>
    x !== null && typeof x === "object" && !Array.isArray(x)
      ? (x as Record<string, unknown>)
      : undefined
  const text = (x: unknown): string | undefined => (typeof x === "string" ? x : undefined)
  const list = <A>(x: unknown, f: (o: Record<string, unknown>) => A): Array<A | undefined> =>
    Array.isArray(x) ? x.map((e) => ((o) => (o === undefined ? undefined : f(o)))(obj(e))) : []
  const record = <A extends object>(o: Record<string, unknown>, rest: A) => {
    const id = text(o.id)
    return id === undefined ? undefined : { id, ...rest }
  }
  const root = obj(input) ?? {}
  const campaign = obj(root.campaign) ?? {}
  return {
    units: list(root.units, (o) => record(o, { parent: text(o.parent) })),
    projects: list(root.projects, (o) => record(o, { unit: text(o.unit) })),
    activities: list(root.activities, (o) =>
      record(o, {
        unit: text(o.unit),
        projects: Array.isArray(o.projects) ? o.projects.map(text) : undefined
      })
    ),
    reports: list(root.reports, (o) => record(o, { unit: text(o.unit) })),
    campaign: {
      targets: list(campaign.targets, (o) =>
        record(o, { allocations: list(o.allocations, (a) => ({ unit: text(a.unit) })) })
      ),
      phases: list(campaign.phases, (o) => record(o, {}))
    }
  }
}

/** Unique ids, and references to units and projects that the snapshot holds. */
const checkLinks = (input: unknown, s: Links, out: Array<Problem>): ReadonlyMap<string, number> => {
  const unique = (
    collection: string,
    items: ReadonlyArray<{ readonly id: string } | undefined>,
    base: ReadonlyArray<PropertyKey>
  ) => {
    const seen = new Map<string, number>()
    items.forEach((item, i) => {
      if (item === undefined) return
      const first = seen.get(item.id)
      if (first !== undefined) {
        out.push(
          problem(
            input,
            [...base, collection, i, "id"],
            "duplicate-id",
            `the id ${item.id} is already used by ${collection}[${first}]`
          )
        )
      } else seen.set(item.id, i)
    })
    return seen
  }
  const units = unique("units", s.units, [])
  const projects = unique("projects", s.projects, [])
  unique("activities", s.activities ?? [], [])
  unique("reports", s.reports ?? [], [])
  unique("targets", s.campaign.targets, ["campaign"])
  unique("phases", s.campaign.phases, ["campaign"])
  const unit = (path: ReadonlyArray<PropertyKey>, id: string | undefined, what: string) => {
    if (id !== undefined && !units.has(id))
      out.push(problem(input, path, "unknown-unit", `${what} ${id} is not a unit of the snapshot`))
  }
  s.units.forEach((u, i) => {
    if (u === undefined) return
    unit(["units", i, "parent"], u.parent, "the parent")
    // A cycle: walking up the parents comes back to the unit.
    const seen = new Set([u.id])
    for (let p = u.parent; p !== undefined; p = s.units[units.get(p) ?? -1]?.parent) {
      if (p === u.id) {
        out.push(
          problem(input, ["units", i, "parent"], "unit-cycle", "the unit is its own ancestor")
        )
        break
      }
      if (seen.has(p)) break
      seen.add(p)
    }
  })
  s.projects.forEach((p, i) => {
    unit(["projects", i, "unit"], p?.unit, "the unit")
  })
  ;(s.activities ?? []).forEach((a, i) => {
    unit(["activities", i, "unit"], a?.unit, "the unit")
    a?.projects?.forEach((pid, j) => {
      if (pid !== undefined && !projects.has(pid))
        out.push(
          problem(
            input,
            ["activities", i, "projects", j],
            "unknown-project",
            `project ${pid} is not in the snapshot`
          )
        )
    })
  })
  ;(s.reports ?? []).forEach((r, i) => {
    unit(["reports", i, "unit"], r?.unit, "the unit")
  })
  s.campaign.targets.forEach((t, i) => {
    t?.allocations?.forEach((a, j) => {
      unit(["campaign", "targets", i, "allocations", j, "unit"], a?.unit, "the unit")
    })
  })
  return units
}

const checkReferences = (input: unknown, s: Snapshot): Array<Problem> => {
  const out: Array<Problem> = []
  const unitIndex = checkLinks(input, s, out)
  s.campaign.targets.forEach((t, i) => {
    const goals: Array<[ReadonlyArray<PropertyKey>, Goal]> = [
      [["campaign", "targets", i, "goal"], t.goal]
    ]
    t.allocations?.forEach((a, j) => {
      goals.push([["campaign", "targets", i, "allocations", j, "goal"], a.goal])
    })
    for (const [path, goal] of goals) {
      if (t.measure === "start-rate" && typeof goal !== "number")
        out.push(
          problem(
            input,
            path,
            "goal-not-share",
            "a start-rate target's goal is a share between 0 and 1, not money"
          )
        )
      else if (typeof goal === "number" ? goal === 0 : BigDecimal.sign(goal.amount) === 0)
        out.push(problem(input, path, "zero-goal", "a goal of 0 cannot be completed or missed"))
    }
  })
  const w = s.campaign.window
  if (w.end < w.start)
    out.push(
      problem(
        input,
        ["campaign", "window", "end"],
        "bad-range",
        `the window ends (${w.end}) before it starts (${w.start})`
      )
    )
  s.campaign.phases.forEach((p, i) => {
    if (p.end < p.start)
      out.push(
        problem(
          input,
          ["campaign", "phases", i, "end"],
          "bad-range",
          `the phase ends (${p.end}) before it starts (${p.start})`
        )
      )
  })
  const timelines: Array<Lifecycle.Timeline> = []
  // The day number of each milestone, a column per stage: the events that
  // set a timeline's milestones are its stage events dated on or before as-of.
  const n = s.projects.length
  const days = new Map<Lifecycle.Stage, Int32Array>()
  const columns = new Map<string, Int32Array>()
  // Each project's unit by index, and its total investment in whole fen (in
  // yuan; NaN where there is none, another currency or no whole fen).
  const units = new Int32Array(n)
  const fen = new Float64Array(n)
  const flags = new Uint8Array(n)
  s.projects.forEach((p, i) => {
    units[i] = unitIndex.get(p.unit) ?? -1
    const total = p.investment?.total
    fen[i] = total !== undefined && total.currency === "CNY" ? fenOf(total.amount) : NOT_FEN
    const r = Lifecycle.fold(p, { asOf: s.asOf })
    if (Result.isFailure(r)) {
      out.push(
        problem(input, ["projects", i, "events", r.failure.event], "history", r.failure.detail)
      )
      return
    }
    timelines.push(r.success)
    flags[i] = flagsOf(r.success)
    for (const e of p.events) {
      let column = columns.get(e.type)
      if (column === undefined) {
        if (!Lifecycle.isStageEvent(e.type)) continue
        column = new Int32Array(n).fill(NOT_REACHED)
        columns.set(e.type, column)
        days.set(e.type, column)
      }
      if (e.date <= s.asOf) column[i] = LocalDate.toDays(e.date)
    }
  })
  // A snapshot without problems keeps its folded histories for its view (View.make).
  if (out.length === 0) {
    let inIdOrder = true
    for (let i = 1; i < n && inIdOrder; i++) inIdOrder = s.projects[i]!.id > s.projects[i - 1]!.id
    byDecode.set(s, { asOf: s.asOf, timelines, days, inIdOrder, flags })
    bySnapshot.set(s, { units, fen: new Map([["CNY", fen]]) })
  }
  return out
}

/**
 * Decodes and checks a snapshot: its shape (every field, with `errors: "all"`),
 * unknown fields (rejected, so that a misspelt field is not silently lost),
 * unique ids, references between records (units, parents, allocations,
 * activities' projects), date ranges, and every project's history (see
 * {@link Lifecycle.fold}). All problems come back together.
 *
 * @example
 * {@includeCode ../examples/Snapshot.ts#decode}
 *
 * @since 0.1.0
 * @category decoding
 */
export const decode = (input: unknown): Result.Result<Snapshot, SnapshotError> => {
  // Well-formed projects are decoded by plain checks; on anything else the
  // schema decodes the whole snapshot and reports every problem.
  const fast = decodeFast(input)
  if (fast !== undefined) {
    const problems = checkReferences(input, fast)
    return problems.length > 0 ? Result.fail(new SnapshotError({ problems })) : Result.succeed(fast)
  }
  const r = Schema.decodeUnknownResult(Snapshot)(input, {
    errors: "all",
    onExcessProperty: "error"
  })
  if (Result.isFailure(r)) {
    const problems = P.fromIssue(r.failure.issue).map((i) =>
      // Say what was given, unless the message already quotes it.
      problem(input, i.path, i.code, `${i.message}${i.quotesInput ? "" : shown(input, i.path)}`)
    )
    // The ids and references that can be read are checked too, so that one
    // run reports an unknown unit beside a malformed amount; a field the
    // schema already refused is not reported twice.
    const refused = new Set(problems.map((p) => p.path))
    const links: Array<Problem> = []
    checkLinks(input, linksOf(input), links)
    for (const p of links) if (!refused.has(p.path)) problems.push(p)
    return Result.fail(new SnapshotError({ problems }))
  }
  const problems = checkReferences(input, r.success)
  return problems.length > 0
    ? Result.fail(new SnapshotError({ problems }))
    : Result.succeed(r.success)
}

const decodeRest = Schema.decodeUnknownResult(Snapshot)

/**
 * The snapshot decoded with its projects by the plain checks of
 * `internal/fastDecode` and the rest (campaign, units, activities, reports,
 * calendar: small) by the schema; `undefined` when anything is malformed.
 */
const decodeFast = (input: unknown): Snapshot | undefined => {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return undefined
  const o = input as Record<string, unknown>
  if (!Object.hasOwn(o, "projects")) return undefined
  const projects = Fast.projects(o.projects)
  if (projects === undefined) return undefined
  const rest = decodeRest({ ...o, projects: [] }, { errors: "all", onExcessProperty: "error" })
  if (Result.isFailure(rest)) return undefined
  // The key stays where the schema put it.
  return { ...rest.success, projects }
}

/**
 * {@link decode} for JSON text: a syntax error is a problem too. A leading
 * UTF-8 byte-order mark is accepted and ignored.
 *
 * @example
 * {@includeCode ../examples/Snapshot.ts#problems}
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeJson = (text: string): Result.Result<Snapshot, SnapshotError> => {
  let input: unknown
  try {
    // A byte-order mark (what Windows tools write before UTF-8) is not content.
    input = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch (e) {
    return Result.fail(
      new SnapshotError({
        problems: [
          {
            path: "",
            record: undefined,
            field: "",
            code: "not-json",
            message: `not JSON: ${(e as Error).message}`
          }
        ]
      })
    )
  }
  return decode(input)
}

/**
 * {@link decode} as an Effect, for programs that read snapshots from files or
 * databases.
 *
 * @example
 * {@includeCode ../examples/Snapshot.ts#effect}
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeEffect = (input: unknown): Effect.Effect<Snapshot, SnapshotError> =>
  Effect.suspend(() => Effect.fromResult(decode(input)))

/**
 * Encodes a snapshot back to JSON-ready data (money as `{ amount, currency }`).
 *
 * @example
 * {@includeCode ../examples/Snapshot.ts#decode}
 *
 * @since 0.1.0
 * @category encoding
 */
export const encode = (snapshot: Snapshot): unknown => Schema.encodeSync(Snapshot)(snapshot)

/**
 * The JSON Schema (draft 2020-12) of the snapshot's JSON form.
 *
 * @example
 * {@includeCode ../examples/Snapshot.ts#jsonSchema}
 *
 * @since 0.1.0
 * @category encoding
 */
export const jsonSchema = (): object => {
  const doc = Schema.toJsonSchemaDocument(Snapshot, { onExcessProperty: "error" })
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "gongjian snapshot",
    ...doc.schema,
    $defs: doc.definitions
  }
}

/**
 * The working-day calendar of a snapshot: the State Council's, with the
 * county's overrides, covered years and outside-coverage mode (provisional by
 * default, see `Calendar.OutsideCoverage`) from the snapshot's
 * `calendar` field when it has one.
 *
 * @example
 * {@includeCode ../examples/Snapshot.ts#calendar}
 *
 * @since 0.1.0
 * @category calendar
 */
export const calendarOf = (snapshot: Pick<Snapshot, "calendar">): Calendar.Calendar => {
  const c = snapshot.calendar
  if (c === undefined) return Calendar.stateCouncil()
  return Calendar.make({
    ...(c.overrides ? { overrides: c.overrides } : {}),
    ...(c.coverYears ? { coverYears: c.coverYears } : {}),
    ...(c.outsideCoverage ? { outsideCoverage: c.outsideCoverage } : {})
  })
}

const RANK: Record<string, number> = { projects: 1, activities: 2, reports: 3 }

/**
 * What a valid snapshot holds that no result will count, so that nothing is
 * dropped silently (the CLI's `validate` lists them; the assessment reports
 * the same records as rejected):
 *
 * - events, activities and reports dated after the as-of date;
 * - money in another currency than the goal of a target that measures it (a
 *   USD paid-in FDI target fed "2400万元"), and a reported figure that is a
 *   number where the goal is money, or the reverse.
 *
 * Notices come in record order (projects, activities, reports, each in id
 * order, then by field), whatever the input order.
 *
 * @example
 * {@includeCode ../examples/Snapshot.ts#notices}
 *
 * @since 0.2.0
 * @category decoding
 */
export const notices = (s: Snapshot): ReadonlyArray<Problem> => {
  const out: Array<Problem & { readonly key: string }> = []
  const note = (
    collection: string,
    index: number,
    id: string,
    field: ReadonlyArray<PropertyKey>,
    code: ProblemCode,
    message: string
  ) => {
    const fieldText = formatPath(field)
    const path = formatPath([collection, index, ...field])
    // Ordered by record, field (positions left out) and message: not by where
    // the record stood in the input.
    const where = fieldText.replace(/\[\d+\]/g, "[]")
    out.push({
      key: `${RANK[collection]}\u0000${id}\u0000${where}\u0000${message}\u0000${path}`,
      path,
      record: `${COLLECTIONS[collection]} ${id}`,
      field: fieldText,
      code,
      message
    })
  }
  const late = (d: string) => `dated ${d}, after the as-of date ${s.asOf}: not counted`
  const moneyTargets = s.campaign.targets.flatMap((t) => {
    const currencies = new Set<string>()
    for (const g of [t.goal, ...(t.allocations ?? []).map((a) => a.goal)])
      currencies.add(typeof g === "number" ? "number" : g.currency)
    return [...currencies].map((c) => ({ target: t, currency: c }))
  })
  const goalText = (c: string) => (c === "number" ? "a number" : `in ${c}`)
  s.projects.forEach((p, i) => {
    p.events.forEach((e, j) => {
      if (e.date > s.asOf)
        note("projects", i, p.id, ["events", j, "date"], "after-as-of", late(e.date))
    })
    for (const { target, currency } of moneyTargets) {
      const field = projectMoneyField(target.measure)
      const v = field === undefined ? undefined : p.investment?.[field]
      if (field !== undefined && v !== undefined && v.currency !== currency)
        note(
          "projects",
          i,
          p.id,
          ["investment", field],
          "currency-mismatch",
          `${measures[target.measure].en} is in ${v.currency}, target ${target.id}'s goal is ${goalText(currency)}: not counted`
        )
      if (target.measure === "funds-in-place")
        p.events.forEach((e, j) => {
          if (
            e.type === "funds-arrived" &&
            e.amount !== undefined &&
            e.amount.currency !== currency
          )
            note(
              "projects",
              i,
              p.id,
              ["events", j, "amount"],
              "currency-mismatch",
              `funds arrived in ${e.amount.currency}, target ${target.id}'s goal is ${goalText(currency)}: not counted`
            )
        })
    }
  })
  ;(s.activities ?? []).forEach((a, i) => {
    if (a.date > s.asOf) note("activities", i, a.id, ["date"], "after-as-of", late(a.date))
  })
  ;(s.reports ?? []).forEach((r, i) => {
    if (r.on > s.asOf) note("reports", i, r.id, ["on"], "after-as-of", late(r.on))
    for (const { target, currency } of moneyTargets) {
      if (target.measure !== r.measure) continue
      if (target.reportKey !== undefined && r.key !== target.reportKey) continue
      const given = typeof r.value === "number" ? "number" : r.value.currency
      if (given !== currency)
        note(
          "reports",
          i,
          r.id,
          ["value"],
          "currency-mismatch",
          `the report is ${goalText(given)}, target ${target.id}'s goal is ${goalText(currency)}: not counted`
        )
    }
  })
  out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  // Two targets in the same currency say the same of a record once each;
  // the same notice twice is kept once.
  const result: Array<Problem> = []
  let last: string | undefined
  for (const { key, ...n } of out) {
    if (key !== last) result.push(n)
    last = key
  }
  return result
}
