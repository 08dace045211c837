/**
 * The ledger (台账) of a county's campaigns: every record — the campaign and
 * its targets and allocations, units, projects with their events and
 * approvals, activities and reports — with the date it takes effect, the
 * time it was recorded, who recorded it (user and unit) and why. Nothing is
 * updated in place or deleted (the tables refuse it): a correction (补报 /
 * 更正) is a new version of a record that supersedes the old one, with its
 * reason.
 *
 * {@link snapshot} hands the engines the Snapshot they already take — the
 * campaign as of a date, as known at a time — so a bulletin published on
 * 09-15 is reproduced byte for byte later, and a correction filed on 09-20
 * re-scores the period.
 *
 * The same statements run on the embedded back end (PGlite, a folder on
 * disk) and on a PostgreSQL server; see {@link layer}.
 *
 * @since 0.1.0
 */
import { Fingerprint, Snapshot, View } from "@gongjian/core"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schedule from "effect/Schedule"
import type { MigrationError } from "effect/sql/Migrator"
import * as SqlClient from "effect/sql/SqlClient"
import { isSqlError, type SqlError } from "effect/sql/SqlError"
import { migrate as runMigrations } from "./internal/migrations.js"
import {
  assemble,
  check,
  type Json,
  type Kind,
  keyOf,
  layoutOf,
  named,
  type Row,
  row,
  split,
  streamOf
} from "./internal/records.js"
import * as Store from "./internal/store.js"
import { instant } from "./internal/time.js"
import {
  BackdatedWrite,
  IdempotencyConflict,
  InvalidEntry,
  type LedgerError,
  LedgerQueryError,
  StaleWrite
} from "./LedgerError.js"
import * as PgliteClient from "./PgliteClient.js"
import * as PostgresClient from "./PostgresClient.js"

/**
 * The kinds of record the ledger keeps: `campaign` (its window, phases,
 * cadence), `target` (a target with its allocations, 指标分解), `calendar`,
 * `unit`, `project` (with its approvals 手续 and receipts), `event` (a dated
 * event of a project, named `P-007#2`: the project and its place), `activity`
 * and `report`.
 *
 * @example
 * {@includeCode ../examples/Ledger.ts#correct}
 *
 * @since 0.1.0
 * @category models
 */
export type RecordKind =
  | "campaign"
  | "calendar"
  | "target"
  | "unit"
  | "project"
  | "event"
  | "activity"
  | "report"

/**
 * Who records (填报人): the user and the unit they report for.
 *
 * @example
 * {@includeCode ../examples/Ledger.ts#open}
 *
 * @since 0.1.0
 * @category models
 */
export interface Author {
  readonly user: string
  readonly unit: string
}

/**
 * One record of a submission.
 *
 * - A new record: its `kind` and `value` (its JSON, as in a snapshot file).
 *   A new event names its `project`.
 * - A correction (更正 / 补报): the same, for a record already in the ledger
 *   (an event is named by `id`, `P-007#2`), with a `reason`.
 * - A withdrawal (撤回): `kind` and `id`, no `value`, with a `reason`.
 *
 * `expectedVersion`, when given, is the version of the record's stream (a
 * project and its events, or the record alone) the writer read: a different
 * current version fails the whole submission with {@link StaleWrite}.
 *
 * @example
 * {@includeCode ../examples/Ledger.ts#correct}
 *
 * @since 0.1.0
 * @category models
 */
export interface Entry {
  readonly kind: RecordKind
  readonly value?: unknown
  readonly id?: string | undefined
  readonly project?: string | undefined
  readonly expectedVersion?: number | undefined
  readonly reason?: string | undefined
}

/**
 * A record a submission wrote: its kind, id, stream version and sequence
 * number, the sequence number it supersedes, and whether it withdraws the
 * record.
 *
 * @example
 * {@includeCode ../examples/Ledger.ts#correct}
 *
 * @since 0.1.0
 * @category models
 */
export interface Written {
  readonly kind: RecordKind
  readonly id: string
  readonly version: number
  readonly seq: number
  readonly supersedes: number | null
  readonly withdrawn: boolean
}

/**
 * What a submission or an import did: the records written, how many were
 * already as given (`unchanged`), and — for an import — the records the
 * ledger holds that the file left out (`omitted`), which are reported, kept
 * or withdrawn as asked, never dropped silently. `replayed` says the
 * idempotency key had been used for the same content before: nothing new was
 * written and this is the first receipt.
 *
 * @example
 * {@includeCode ../examples/Ledger.ts#open}
 *
 * @since 0.1.0
 * @category models
 */
export interface Receipt {
  readonly campaign: string
  readonly submission: number
  readonly key: string
  readonly recordedAt: string
  readonly replayed: boolean
  readonly written: ReadonlyArray<Written>
  readonly unchanged: number
  readonly omitted: ReadonlyArray<{ readonly kind: RecordKind; readonly id: string }>
  readonly withdrawnOmitted: boolean
}

/**
 * Creates the ledger's tables (or brings them up to date). {@link layer} runs
 * it for you.
 *
 * @example
 * {@includeCode ../examples/Ledger.ts#layer}
 *
 * @since 0.1.0
 * @category setup
 */
export const migrate: Effect.Effect<void, MigrationError | SqlError, SqlClient.SqlClient> =
  Effect.asVoid(runMigrations)

/**
 * A ledger at a location, its tables created: a `postgres://` URL is a
 * PostgreSQL server, anything else a folder of the embedded back end
 * (created when missing); `memory:` keeps it in memory.
 *
 * @example
 * {@includeCode ../examples/Ledger.ts#layer}
 *
 * @since 0.1.0
 * @category setup
 */
export const layer = (
  location: string
): Layer.Layer<SqlClient.SqlClient, SqlError | MigrationError> => {
  const client = PostgresClient.isUrl(location)
    ? PostgresClient.layer(location)
    : PgliteClient.layer(location === "memory:" ? {} : { dataDir: location })
  return Layer.effectDiscard(migrate).pipe(Layer.provideMerge(client))
}

const isUnique = (e: unknown): boolean => isSqlError(e) && e.reason._tag === "UniqueViolation"

const retrying = <A, E, R>(self: Effect.Effect<A, E, R>) =>
  Effect.retry(self, {
    while: isUnique,
    times: 50,
    schedule: Schedule.exponential("2 millis", 1.2).pipe(Schedule.jittered)
  })

interface Plan {
  readonly rows: ReadonlyArray<Row & { readonly reason: string | null }>
  readonly expected: ReadonlyMap<string, number>
  readonly unchanged: number
  readonly omitted: ReadonlyArray<{ readonly kind: RecordKind; readonly id: string }>
}

interface Summary {
  readonly unchanged: number
  readonly omitted: ReadonlyArray<{ readonly kind: RecordKind; readonly id: string }>
  readonly withdrawnOmitted: boolean
}

const writtenOf = (campaign: string, submission: number) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const rows = yield* sql<{
      kind: Kind
      record_id: string
      version: number
      seq: string
      supersedes: string | null
      withdrawn: boolean
    }>`SELECT kind, record_id, version, seq::text AS seq, supersedes::text AS supersedes, body IS NULL AS withdrawn
       FROM ledger_record WHERE campaign = ${campaign}::text AND submission = ${submission}::bigint ORDER BY ledger_record.seq`
    return rows.map(
      (r): Written => ({
        kind: r.kind,
        id: r.record_id,
        version: Number(r.version),
        seq: Number(r.seq),
        supersedes: r.supersedes === null ? null : Number(r.supersedes),
        withdrawn: r.withdrawn === true
      })
    )
  })

/** One submission in one transaction: idempotency, versions, times, inserts. */
const write = (input: {
  readonly campaign: string
  readonly kind: "import" | "submit"
  readonly key: string
  readonly digest: string
  readonly by: Author
  readonly reason: string | null
  readonly at: string | undefined
  readonly asOf: string | null
  readonly layout: ReadonlyArray<string> | null
  readonly withdrawOmitted: boolean
  readonly plan: (
    heads: ReadonlyMap<string, Store.Head>,
    streams: ReadonlyMap<string, Store.StreamHead>
  ) => Effect.Effect<Plan, LedgerError | SqlError, SqlClient.SqlClient>
  readonly keys: ReadonlyArray<string> | undefined
  readonly streams: ReadonlyArray<string> | undefined
}): Effect.Effect<Receipt, LedgerError | SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const replay = (found: Store.SubmissionRow) =>
      Effect.gen(function* () {
        if (found.digest !== input.digest)
          return yield* new IdempotencyConflict({ campaign: input.campaign, key: input.key })
        const summary = JSON.parse(found.summary) as Summary
        return {
          campaign: input.campaign,
          submission: found.id,
          key: input.key,
          recordedAt: found.recordedAt,
          replayed: true,
          written: yield* writtenOf(input.campaign, found.id),
          ...summary
        } satisfies Receipt
      })
    const once = sql.withTransaction(
      Effect.gen(function* () {
        const found = yield* Store.findSubmission(input.campaign, input.key)
        if (found !== undefined) return yield* replay(found)
        const heads = yield* Store.heads(input.campaign, input.keys)
        const streams = yield* Store.streamHeads(input.campaign, input.streams)
        const plan = yield* input.plan(heads, streams)
        for (const [stream, expected] of plan.expected) {
          const current = streams.get(stream)?.version ?? 0
          if (current !== expected)
            return yield* new StaleWrite({ campaign: input.campaign, stream, expected, current })
        }
        const recordedAt =
          input.at === undefined ? yield* Store.clock : yield* Store.normalise(input.at)
        const next = new Map<string, number>()
        const inserts: Array<Store.Insert> = []
        for (const r of plan.rows) {
          const s = streams.get(r.stream)
          if (input.at !== undefined && s !== undefined && s.latest > recordedAt)
            return yield* new BackdatedWrite({
              campaign: input.campaign,
              stream: r.stream,
              at: recordedAt,
              latest: s.latest
            })
          const version = (next.get(r.stream) ?? s?.version ?? 0) + 1
          next.set(r.stream, version)
          inserts.push({ ...r, version, supersedes: heads.get(r.key)?.seq ?? null })
        }
        const summary: Summary = {
          unchanged: plan.unchanged,
          omitted: plan.omitted,
          withdrawnOmitted: input.withdrawOmitted
        }
        const submission = yield* Store.insertSubmission({
          campaign: input.campaign,
          key: input.key,
          kind: input.kind,
          digest: input.digest,
          recordedAt,
          user: input.by.user,
          unit: input.by.unit,
          reason: input.reason,
          asOf: input.asOf,
          layout: input.layout === null ? null : JSON.stringify(input.layout),
          records: inserts.length,
          summary: JSON.stringify(summary)
        })
        const seqs = yield* Store.insertRecords(input.campaign, submission, recordedAt, inserts)
        return {
          campaign: input.campaign,
          submission,
          key: input.key,
          recordedAt,
          replayed: false,
          written: inserts
            .map(
              (r): Written => ({
                kind: r.kind,
                id: r.id,
                version: r.version,
                seq: seqs.get(r.key) ?? 0,
                supersedes: r.supersedes,
                withdrawn: r.body === null
              })
            )
            .sort((a, b) => a.seq - b.seq),
          ...summary
        } satisfies Receipt
      })
    )
    return yield* retrying(once)
  })

const checkAt = (campaign: string, field: string, at: string | undefined) =>
  Effect.gen(function* () {
    if (at === undefined) return undefined
    const i = instant(at)
    if (i === undefined)
      return yield* new LedgerQueryError({
        campaign,
        field,
        detail: `${JSON.stringify(at)} is neither a date (YYYY-MM-DD) nor a time with its offset (2026-09-15T18:00:00+08:00)`
      })
    return i
  })

/**
 * The rows of a file grouped as they are ordered (each kind; each project's
 * events), with their places: when the records already in the ledger keep
 * their order and the new ones come after them, they keep their places and
 * the new ones follow, so that a file that only adds or leaves out records
 * rewrites nothing else; otherwise the file's positions.
 */
const placed = (
  rows: ReadonlyArray<Row>,
  heads: ReadonlyMap<string, Store.Head>
): ReadonlyArray<ReadonlyArray<Row>> => {
  const groups = new Map<string, Array<Row>>()
  for (const r of rows) {
    const g = r.kind === "event" ? r.stream : r.kind
    const l = groups.get(g)
    if (l === undefined) groups.set(g, [r])
    else l.push(r)
  }
  return [...groups.values()].map((group) => {
    let last = -1
    let max = -1
    let appending = false
    let kept = true
    for (const r of group) {
      const h = heads.get(r.key)
      if (h !== undefined) max = Math.max(max, h.ordinal)
      if (h === undefined || h.body === null) appending = true
      else if (appending || h.ordinal <= last) kept = false
      else last = h.ordinal
    }
    if (!kept) return group
    for (const h of heads.values())
      if (h.kind === group[0]!.kind && (h.kind !== "event" || h.stream === group[0]!.stream))
        max = Math.max(max, h.ordinal)
    return group.map((r) => {
      const h = heads.get(r.key)
      return h !== undefined && h.body !== null
        ? { ...r, ordinal: h.ordinal }
        : { ...r, ordinal: ++max }
    })
  })
}

/**
 * Imports a snapshot (the JSON snapshot format) into the ledger, in one
 * transaction: records that are new or changed are written (a changed one
 * supersedes its previous version, with the import's reason), unchanged ones
 * are counted. Records the ledger holds that the file leaves out are listed
 * in the receipt's `omitted`; with `omitted: "withdraw"` they are withdrawn,
 * otherwise kept. The snapshot is checked as `Snapshot.decode` checks it
 * first; nothing is written when it has a problem.
 *
 * The idempotency key is by default the fingerprint of the file's content:
 * importing the same file again is a no-op that returns the first receipt.
 *
 * @example
 * {@includeCode ../examples/Ledger.ts#open}
 *
 * @since 0.1.0
 * @category writing
 */
export const importSnapshot = (options: {
  readonly snapshot: unknown
  readonly by: Author
  readonly key?: string | undefined
  readonly reason?: string | undefined
  readonly at?: string | undefined
  readonly omitted?: "keep" | "withdraw" | undefined
}): Effect.Effect<Receipt, LedgerError | Snapshot.SnapshotError | SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const decoded = yield* Snapshot.decodeEffect(options.snapshot)
    const campaign = decoded.campaign.id
    const at = yield* checkAt(campaign, "at", options.at)
    const raw = options.snapshot as Json
    const rows = split(raw)
    const withdraw = options.omitted === "withdraw"
    const reason = options.reason ?? null
    return yield* write({
      campaign,
      kind: "import",
      key: options.key ?? `import:${Fingerprint.fingerprint(raw)}`,
      // The same file, imported again by anyone at any time, is the same import.
      digest: Fingerprint.fingerprint({ snapshot: raw, reason, withdraw }),
      by: options.by,
      reason,
      at,
      asOf: decoded.asOf,
      layout: layoutOf(raw),
      withdrawOmitted: withdraw,
      keys: undefined,
      streams: undefined,
      plan: (heads) => {
        const out: Array<Row & { reason: string | null }> = []
        let unchanged = 0
        const seen = new Set<string>()
        for (const group of placed(rows, heads)) {
          for (const r of group) {
            seen.add(r.key)
            const h = heads.get(r.key)
            if (h !== undefined && h.body === r.body && h.ordinal === r.ordinal) unchanged++
            else out.push({ ...r, reason })
          }
        }
        const omitted: Array<{ kind: Kind; id: string }> = []
        for (const h of [...heads.values()].sort((a, b) => (a.key < b.key ? -1 : 1))) {
          if (h.body === null || seen.has(h.key)) continue
          // The events of a project left out go with it.
          const ofProject =
            h.kind === "event" && !seen.has(keyOf("project", h.id.slice(0, h.id.lastIndexOf("#"))))
          if (!ofProject) omitted.push({ kind: h.kind, id: h.id })
          if (withdraw)
            out.push({
              ...row(h.kind, h.id, h.ordinal, null),
              reason: reason ?? "left out of an import"
            })
        }
        return Effect.succeed({ rows: out, expected: new Map(), unchanged, omitted })
      }
    })
  })

/**
 * Writes a submission (填报) of records — new records, corrections and
 * withdrawals — in one transaction, under an idempotency key: a retried
 * upload with the same key and content returns the first receipt, the same
 * key with other content fails with {@link IdempotencyConflict}. Each value
 * is checked against its schema ({@link InvalidEntry} names the record and
 * the field); a correction or withdrawal needs a reason; `expectedVersion`
 * guards against lost updates ({@link StaleWrite}). Without `at`, the record
 * time is the database's clock; an explicit `at` may not be before the
 * latest record of a stream it touches ({@link BackdatedWrite}).
 *
 * @example
 * {@includeCode ../examples/Ledger.ts#correct}
 *
 * @since 0.1.0
 * @category writing
 */
export const submit = (options: {
  readonly campaign: string
  readonly key: string
  readonly by: Author
  readonly entries: ReadonlyArray<Entry>
  readonly reason?: string | undefined
  readonly at?: string | undefined
}): Effect.Effect<Receipt, LedgerError | SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const campaign = options.campaign
    const at = yield* checkAt(campaign, "at", options.at)
    const invalid = (record: string, field: string, detail: string) =>
      new InvalidEntry({ campaign, record, field, detail })
    // Resolve each entry to the record it writes (events without an id get
    // theirs once the project's last event is known).
    const targets: Array<{
      readonly entry: Entry
      readonly kind: Kind
      readonly id: string | undefined
      readonly stream: string
      readonly value: Json | null
    }> = []
    for (const [i, entry] of options.entries.entries()) {
      const label = `entries[${i}]`
      const value = entry.value
      if (value !== undefined) {
        const problem = check(
          entry.kind,
          entry.kind === "project" ? { events: [], ...(value as Json) } : value
        )
        if (problem !== undefined)
          return yield* invalid(
            entry.kind === "event"
              ? `event ${entry.id ?? `${entry.project} (new)`}`
              : `${entry.kind} ${entry.id ?? String((value as Json)?.id ?? label)}`,
            problem.field,
            problem.detail
          )
      }
      const v = (value ?? null) as Json | null
      let id: string | undefined
      if (entry.kind === "campaign") {
        id = "campaign"
        if (v !== null && v.id !== campaign)
          return yield* invalid(
            "campaign",
            "id",
            `is ${JSON.stringify(v.id)}, the submission is for ${campaign}`
          )
      } else if (entry.kind === "calendar") id = "calendar"
      else if (entry.kind === "event") {
        id = entry.id
        if (id === undefined && entry.project === undefined)
          return yield* invalid(`event ${label}`, "project", "a new event names its project")
        if (id !== undefined && !/#\d+$/.test(id))
          return yield* invalid(
            `event ${id}`,
            "id",
            "an event is named by its project and place, such as P-007#2"
          )
      } else id = entry.id ?? (typeof v?.id === "string" ? v.id : undefined)
      if (id === undefined && entry.kind !== "event")
        return yield* invalid(`${entry.kind} ${label}`, "id", "the record has no id")
      if (v === null && id === undefined)
        return yield* invalid(
          `${entry.kind} ${label}`,
          "value",
          "a withdrawal names the record by id"
        )
      if (
        v !== null &&
        entry.kind !== "event" &&
        entry.kind !== "campaign" &&
        entry.kind !== "calendar" &&
        entry.id !== undefined &&
        v.id !== entry.id
      )
        return yield* invalid(
          named(entry.kind, entry.id),
          "id",
          `the value's id is ${JSON.stringify(v.id)}`
        )
      const stream =
        entry.kind === "event" && id === undefined
          ? `project/${entry.project}`
          : streamOf(entry.kind, id!)
      targets.push({ entry, kind: entry.kind, id, stream, value: v })
    }
    const keys = targets.map((t) =>
      t.id === undefined ? keyOf("project", t.entry.project!) : keyOf(t.kind, t.id)
    )
    const streams = [...new Set(targets.map((t) => t.stream))]
    return yield* write({
      campaign,
      kind: "submit",
      key: options.key,
      digest: Fingerprint.fingerprint({
        entries: options.entries,
        by: options.by,
        reason: options.reason ?? null,
        at: at ?? null
      }),
      by: options.by,
      reason: options.reason ?? null,
      at,
      asOf: null,
      layout: null,
      withdrawOmitted: false,
      keys,
      streams,
      plan: (heads, streamHeads) =>
        Effect.gen(function* () {
          const rows: Array<Row & { reason: string | null }> = []
          const expected = new Map<string, number>()
          const nextEvent = new Map<string, number>()
          const ordinals = new Map<Kind, number>()
          let unchanged = 0
          for (const t of targets) {
            const reason = t.entry.reason ?? options.reason ?? null
            if (t.entry.expectedVersion !== undefined) {
              const before = expected.get(t.stream)
              if (before !== undefined && before !== t.entry.expectedVersion)
                return yield* invalid(
                  t.stream,
                  "expectedVersion",
                  `two entries expect versions ${before} and ${t.entry.expectedVersion}`
                )
              expected.set(t.stream, t.entry.expectedVersion)
            }
            if (t.kind === "event" && t.id === undefined) {
              const project = t.entry.project!
              const p = heads.get(keyOf("project", project))
              const added = rows.some((r) => r.kind === "project" && r.id === project)
              if ((p === undefined || p.body === null) && !added)
                return yield* invalid(
                  `project ${project}`,
                  "",
                  "is not in the ledger; submit the project first"
                )
              const place =
                nextEvent.get(project) ??
                (streamHeads.get(`project/${project}`)?.lastEvent ?? -1) + 1
              nextEvent.set(project, place + 1)
              rows.push({ ...row("event", `${project}#${place}`, place, t.value), reason: null })
              continue
            }
            const id = t.id!
            const head = heads.get(keyOf(t.kind, id))
            const exists = head !== undefined && head.body !== null
            if (t.value === null) {
              if (!exists)
                return yield* invalid(
                  named(t.kind, id),
                  "",
                  "is not in the ledger, so it cannot be withdrawn"
                )
              if (reason === null || reason.trim() === "")
                return yield* invalid(named(t.kind, id), "reason", "a withdrawal needs a reason")
              rows.push({ ...row(t.kind, id, head.ordinal, null), reason })
              continue
            }
            if (t.kind === "event" && head === undefined)
              return yield* invalid(
                named(t.kind, id),
                "",
                "is not in the ledger; a new event names its project, not an id"
              )
            const events =
              t.kind === "project" ? ((t.value.events ?? []) as ReadonlyArray<Json>) : []
            if (events.length > 0 && exists)
              return yield* invalid(
                named(t.kind, id),
                "events",
                "an existing project's events are added as event entries, not with the project"
              )
            let ordinal = head?.ordinal
            if (ordinal === undefined) {
              const n = ordinals.get(t.kind) ?? (yield* nextOrdinal(campaign, t.kind))
              ordinal = n
              ordinals.set(t.kind, n + 1)
            }
            const body = t.kind === "project" ? { ...t.value, events: [] } : t.value
            const next = row(t.kind, id, ordinal, body)
            if (head !== undefined && head.body === next.body) {
              unchanged++
              continue
            }
            if (head !== undefined && (reason === null || reason.trim() === ""))
              return yield* invalid(
                named(t.kind, id),
                "reason",
                "a correction needs a reason (更正原因)"
              )
            rows.push({ ...next, reason: head === undefined ? null : reason })
            events.forEach((e, j) => {
              rows.push({ ...row("event", `${id}#${j}`, j, e), reason: null })
            })
          }
          return { rows, expected, unchanged, omitted: [] }
        })
    })
  })

const nextOrdinal = (campaign: string, kind: Kind) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const rows = yield* sql<{ n: number }>`SELECT (coalesce(max(ordinal), -1) + 1)::int AS n
      FROM ledger_record WHERE campaign = ${campaign}::text AND kind = ${kind}::text`
    return Number(rows[0]!.n)
  })

/** The as-of date and layout of the latest import known at a time. */
const lastImport = (campaign: string, knownAt: string) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const rows = yield* sql<{
      as_of: string
      layout: string
    }>`SELECT to_char(as_of, 'YYYY-MM-DD') AS as_of, layout FROM ledger_submission
      WHERE campaign = ${campaign}::text AND kind = 'import' AND recorded_at <= ${knownAt}::timestamptz
      ORDER BY recorded_at DESC, id DESC LIMIT 1`
    const r = rows[0]
    return r === undefined
      ? undefined
      : { asOf: r.as_of, layout: JSON.parse(r.layout) as ReadonlyArray<string> }
  })

/**
 * What {@link snapshot} and {@link exportJson} read: the campaign, the as-of
 * date (by default the as-of date of the latest import known then) and the
 * time the ledger is read as of (`knownAt`: a date is the end of that day in
 * Beijing time; by default now).
 *
 * @example
 * {@includeCode ../examples/Ledger.ts#snapshot}
 *
 * @since 0.1.0
 * @category models
 */
export interface Reading {
  readonly campaign: string
  readonly asOf?: string | undefined
  readonly knownAt?: string | undefined
}

const json = (view: Reading) =>
  Effect.gen(function* () {
    const knownAt = (yield* checkAt(view.campaign, "knownAt", view.knownAt)) ?? (yield* Store.clock)
    const last = yield* lastImport(view.campaign, knownAt)
    const asOf = view.asOf ?? last?.asOf
    const records = yield* Store.knownAt(view.campaign, knownAt)
    const out = asOf === undefined ? undefined : assemble(asOf, records, last?.layout)
    if (out === undefined)
      return yield* new LedgerQueryError({
        campaign: view.campaign,
        field: "knownAt",
        detail: `the ledger holds nothing of this campaign as known at ${knownAt}`
      })
    return out
  })

/**
 * The campaign as of a date, as known at a time: the newest version of every
 * record recorded by `knownAt`, withdrawn ones left out, decoded and checked
 * as `Snapshot.decode` does — the Snapshot the engines take. Records dated
 * after the as-of date are in it, as in a file, and the engines report them
 * as not counted.
 *
 * @example
 * {@includeCode ../examples/Ledger.ts#snapshot}
 *
 * @since 0.1.0
 * @category reading
 */
export const snapshot = (
  view: Reading
): Effect.Effect<
  Snapshot.Snapshot,
  LedgerError | Snapshot.SnapshotError | SqlError,
  SqlClient.SqlClient
> => Effect.flatMap(json(view), Snapshot.decodeEffect)

/**
 * {@link snapshot} as the engines' as-of view (`View.make` of
 * `@gongjian/core`): the same date, calendar and folded histories for the
 * exit rules, the gates and the assessment.
 *
 * @example
 * {@includeCode ../examples/Ledger.ts#snapshot}
 *
 * @since 0.1.0
 * @category reading
 */
export const asOfView = (
  view: Reading
): Effect.Effect<View.View, LedgerError | Snapshot.SnapshotError | SqlError, SqlClient.SqlClient> =>
  Effect.map(snapshot(view), (s) => View.make(s))

/**
 * {@link snapshot} as snapshot-file JSON text (two-space indented, a final
 * newline). Importing it into another ledger and exporting again gives the
 * same bytes.
 *
 * @example
 * {@includeCode ../examples/Ledger.ts#snapshot}
 *
 * @since 0.1.0
 * @category reading
 */
export const exportJson = (
  view: Reading
): Effect.Effect<string, LedgerError | SqlError, SqlClient.SqlClient> =>
  Effect.map(json(view), (value) => `${JSON.stringify(value, null, 2)}\n`)

/**
 * One version of a record, as {@link history} and {@link changes} list it:
 * what it says (its JSON, or null when it withdraws the record), when it was
 * recorded, by whom, why, and what it superseded.
 *
 * @example
 * {@includeCode ../examples/Ledger.ts#correct}
 *
 * @since 0.1.0
 * @category models
 */
export interface Version {
  readonly kind: RecordKind
  readonly id: string
  readonly seq: number
  readonly version: number
  readonly effective: string | null
  readonly value: unknown
  readonly supersedes: number | null
  readonly previous: unknown
  readonly reason: string | null
  readonly recordedAt: string
  readonly by: Author
  readonly submission: string
}

const versions = (
  campaign: string,
  where: {
    readonly key?: string
    readonly stream?: string
    readonly from?: string
    readonly to?: string
  }
) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const conditions = [
      sql`r.campaign = ${campaign}::text`,
      ...(where.key === undefined ? [] : [sql`r.key = ${where.key}::text`]),
      ...(where.stream === undefined ? [] : [sql`r.stream = ${where.stream}::text`]),
      ...(where.from === undefined ? [] : [sql`r.recorded_at > ${where.from}::timestamptz`]),
      ...(where.to === undefined ? [] : [sql`r.recorded_at <= ${where.to}::timestamptz`])
    ]
    const rows = yield* sql<{
      kind: Kind
      record_id: string
      seq: string
      version: number
      effective: string | null
      body: string | null
      supersedes: string | null
      previous: string | null
      reason: string | null
      recorded_at: string
      recorded_by: string
      recorded_unit: string
      idempotency_key: string
    }>`SELECT r.kind, r.record_id, r.seq::text AS seq, r.version, to_char(r.effective, 'YYYY-MM-DD') AS effective,
              r.body, r.supersedes::text AS supersedes, p.body AS previous, coalesce(r.reason, s.reason) AS reason,
              to_char(r.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS recorded_at,
              s.recorded_by, s.recorded_unit, s.idempotency_key
       FROM ledger_record r
       JOIN ledger_submission s ON s.id = r.submission
       LEFT JOIN ledger_record p ON p.seq = r.supersedes
       WHERE ${sql.and(conditions)}
       ORDER BY r.seq`
    return rows.map(
      (r): Version => ({
        kind: r.kind,
        id: r.record_id,
        seq: Number(r.seq),
        version: Number(r.version),
        effective: r.effective,
        value: r.body === null ? null : JSON.parse(r.body),
        supersedes: r.supersedes === null ? null : Number(r.supersedes),
        previous: r.previous === null ? null : JSON.parse(r.previous),
        reason: r.reason,
        recordedAt: r.recorded_at,
        by: { user: r.recorded_by, unit: r.recorded_unit },
        submission: r.idempotency_key
      })
    )
  })

/**
 * Every version of one record (or of a whole project stream: the project and
 * its events, when `kind` is `project`), oldest first.
 *
 * @example
 * {@includeCode ../examples/Ledger.ts#correct}
 *
 * @since 0.1.0
 * @category reading
 */
export const history = (options: {
  readonly campaign: string
  readonly kind: RecordKind
  readonly id: string
}): Effect.Effect<ReadonlyArray<Version>, SqlError, SqlClient.SqlClient> =>
  options.kind === "project"
    ? versions(options.campaign, { stream: `project/${options.id}` })
    : versions(options.campaign, { key: keyOf(options.kind, options.id) })

/**
 * The versions recorded after `from` and up to `to` (both `knownAt` times):
 * what changed in the ledger between two readings, with who and why.
 *
 * @example
 * {@includeCode ../examples/Ledger.ts#revise}
 *
 * @since 0.1.0
 * @category reading
 */
export const changes = (options: {
  readonly campaign: string
  readonly from: string
  readonly to?: string | undefined
}): Effect.Effect<ReadonlyArray<Version>, LedgerError | SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const from = (yield* checkAt(options.campaign, "from", options.from))!
    const to = yield* checkAt(options.campaign, "to", options.to)
    return yield* versions(options.campaign, { from, ...(to === undefined ? {} : { to }) })
  })

/**
 * The campaigns in the ledger, in id order.
 *
 * @example
 * {@includeCode ../examples/Ledger.ts#snapshot}
 *
 * @since 0.1.0
 * @category reading
 */
export const campaigns: Effect.Effect<
  ReadonlyArray<string>,
  SqlError,
  SqlClient.SqlClient
> = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const rows = yield* sql<{
    campaign: string
  }>`SELECT DISTINCT campaign FROM ledger_submission ORDER BY campaign`
  return rows.map((r) => r.campaign)
})

/**
 * An assessment run as the ledger keeps it (考核记录): the policy's id,
 * version and options hash, the fingerprint of the snapshot it ran on, the
 * as-of date and `knownAt` of that snapshot, a label, and who ran it when.
 *
 * @example
 * {@includeCode ../examples/Revision.ts#compare}
 *
 * @since 0.1.0
 * @category models
 */
export interface Run {
  readonly id: number
  readonly campaign: string
  readonly policy: { readonly id: string; readonly version: string; readonly optionsHash: string }
  readonly inputFingerprint: string
  readonly asOf: string
  readonly knownAt: string
  readonly label: string | null
  readonly recordedAt: string
  readonly by: Author
}

/**
 * Stores an assessment run with what it takes to run it again and compare:
 * the policy id@version and options hash (from the assessment), the
 * fingerprint of the snapshot it ran on, and the snapshot's as-of date and
 * `knownAt`. The result itself is kept as JSON ({@link assessmentResult}).
 *
 * @example
 * {@includeCode ../examples/Revision.ts#compare}
 *
 * @since 0.1.0
 * @category assessments
 */
export const recordAssessment = (options: {
  readonly campaign: string
  readonly snapshot: Snapshot.Snapshot
  readonly knownAt: string
  readonly assessment: {
    readonly policy: { readonly id: string; readonly version: string; readonly optionsHash: string }
  }
  readonly by: Author
  readonly label?: string | undefined
}): Effect.Effect<Run, LedgerError | SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const knownAt = (yield* checkAt(options.campaign, "knownAt", options.knownAt))!
    const p = options.assessment.policy
    const fingerprint = Fingerprint.fingerprint(Snapshot.encode(options.snapshot))
    const rows = yield* sql<{
      id: string
      known_at: string
      recorded_at: string
    }>`INSERT INTO ledger_assessment
      (campaign, policy_id, policy_version, options_hash, input_fingerprint, as_of, known_at, label,
       recorded_at, recorded_by, recorded_unit, result)
      VALUES (${options.campaign}::text, ${p.id}::text, ${p.version}::text, ${p.optionsHash}::text,
              ${fingerprint}::text, ${options.snapshot.asOf}::date, ${knownAt}::timestamptz,
              ${options.label ?? null}::text, clock_timestamp(), ${options.by.user}::text,
              ${options.by.unit}::text, ${JSON.stringify(options.assessment)}::text)
      RETURNING id::text AS id,
        to_char(known_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS known_at,
        to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS recorded_at`
    const r = rows[0]!
    return {
      id: Number(r.id),
      campaign: options.campaign,
      policy: { id: p.id, version: p.version, optionsHash: p.optionsHash },
      inputFingerprint: fingerprint,
      asOf: options.snapshot.asOf,
      knownAt: r.known_at,
      label: options.label ?? null,
      recordedAt: r.recorded_at,
      by: options.by
    }
  })

/** A stored assessment run as its row comes back, without the result. */
type RunRow = {
  readonly id: string
  readonly policy_id: string
  readonly policy_version: string
  readonly options_hash: string
  readonly input_fingerprint: string
  readonly as_of: string
  readonly known_at: string
  readonly label: string | null
  readonly recorded_at: string
  readonly recorded_by: string
  readonly recorded_unit: string
}

const runRows = (campaign: string, id: number | undefined) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    return yield* sql<
      RunRow & { readonly result: string }
    >`SELECT id::text AS id, policy_id, policy_version, options_hash, input_fingerprint,
              to_char(as_of, 'YYYY-MM-DD') AS as_of,
              to_char(known_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS known_at,
              label,
              to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS recorded_at,
              recorded_by, recorded_unit, result
       FROM ledger_assessment
       WHERE campaign = ${campaign}::text AND ${id === undefined ? sql.literal("TRUE") : sql`id = ${id}::bigint`}
       ORDER BY ledger_assessment.id`
  })

const toRun =
  (campaign: string) =>
  (r: RunRow): Run => ({
    id: Number(r.id),
    campaign,
    policy: { id: r.policy_id, version: r.policy_version, optionsHash: r.options_hash },
    inputFingerprint: r.input_fingerprint,
    asOf: r.as_of,
    knownAt: r.known_at,
    label: r.label,
    recordedAt: r.recorded_at,
    by: { user: r.recorded_by, unit: r.recorded_unit }
  })

/**
 * The assessment runs stored for a campaign, oldest first.
 *
 * @example
 * {@includeCode ../examples/Revision.ts#compare}
 *
 * @since 0.1.0
 * @category assessments
 */
export const assessments = (options: {
  readonly campaign: string
}): Effect.Effect<ReadonlyArray<Run>, SqlError, SqlClient.SqlClient> =>
  Effect.map(runRows(options.campaign, undefined), (rows) => rows.map(toRun(options.campaign)))

/**
 * The result an assessment run stored, as JSON, or undefined when there is
 * no such run.
 *
 * @example
 * {@includeCode ../examples/Revision.ts#compare}
 *
 * @since 0.1.0
 * @category assessments
 */
export const assessmentResult = (options: {
  readonly campaign: string
  readonly id: number
}): Effect.Effect<unknown, SqlError, SqlClient.SqlClient> =>
  Effect.map(runRows(options.campaign, options.id), (rows) =>
    rows[0] === undefined ? undefined : JSON.parse(rows[0].result)
  )
