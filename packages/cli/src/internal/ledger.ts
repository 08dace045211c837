import { resolve } from "node:path"
import type { Snapshot } from "@gongjian/core"
import { Ledger, PostgresClient, Revision } from "@gongjian/ledger"
import { Host } from "@gongjian/plugin-sdk"
import * as Console from "effect/Console"
import { Argument, Command, Flag } from "effect/cli"
import * as Effect from "effect/Effect"
import type * as FileSystem from "effect/FileSystem"
import * as Option from "effect/Option"
import * as Result from "effect/Result"
import type * as SqlClient from "effect/sql/SqlClient"
import { isSqlError } from "effect/sql/SqlError"
import { CliFailure } from "../CliFailure.js"
import { makeFolder, readText, writeText } from "./files.js"
import * as flags from "./flags.js"
import { campaign, knownAt, lang, ledger, options, policy } from "./flags.js"
import { readOptions, readSnapshot, resolvePolicy } from "./load.js"
import { json, table } from "./render.js"

const causeText = (e: unknown): string => {
  if (isSqlError(e)) {
    const c = e.reason.cause as { message?: unknown } | undefined
    return typeof c?.message === "string" ? c.message : e.message
  }
  return e instanceof Error ? e.message : String(e)
}

/** Runs a program on the ledger at a location; its failures as CliFailure. */
export const withLedger = <A, E>(
  location: string,
  program: Effect.Effect<A, E, SqlClient.SqlClient>
): Effect.Effect<A, CliFailure, FileSystem.FileSystem> => {
  const where = PostgresClient.isUrl(location) ? location : resolve(location)
  return Effect.gen(function* () {
    if (!PostgresClient.isUrl(location)) yield* makeFolder(where)
    return yield* program.pipe(Effect.provide(Ledger.layer(where)))
  }).pipe(
    Effect.mapError((e: unknown): CliFailure => {
      if (e instanceof CliFailure) return e
      if (
        typeof e === "object" &&
        e !== null &&
        "_tag" in e &&
        e._tag === "SnapshotError" &&
        "problems" in e
      ) {
        const problems = e.problems as ReadonlyArray<Snapshot.Problem>
        return new CliFailure({
          code: 1,
          message: `the ledger's snapshot has ${problems.length} problem(s)`,
          details: problems.map(
            (p) => `${p.path || "(document)"}${p.record ? ` [${p.record}]` : ""}: ${p.message}`
          )
        })
      }
      return new CliFailure({ code: 1, message: `ledger ${where}: ${causeText(e)}` })
    })
  )
}

/** The snapshot of `--campaign` from the ledger, as known at `--known-at`. */
export const snapshotFromLedger = (input: {
  readonly ledger: Option.Option<string>
  readonly campaign: string
  readonly knownAt: Option.Option<string>
  readonly asOf: Option.Option<string>
}): Effect.Effect<Snapshot.Snapshot, CliFailure, FileSystem.FileSystem> =>
  withLedger(
    Option.getOrElse(input.ledger, () => "gongjian-data"),
    Ledger.snapshot({
      campaign: input.campaign,
      asOf: Option.getOrUndefined(input.asOf),
      knownAt: Option.getOrUndefined(input.knownAt)
    })
  )

/** The snapshot of a command: from its file, or from the ledger with `--campaign`. */
export const readInput = (input: {
  readonly file: Option.Option<string>
  readonly ledger: Option.Option<string>
  readonly campaign: Option.Option<string>
  readonly knownAt: Option.Option<string>
  readonly asOf: Option.Option<string>
}): Effect.Effect<Snapshot.Snapshot, CliFailure, FileSystem.FileSystem> => {
  if (Option.isSome(input.file)) {
    if (Option.isSome(input.campaign) || Option.isSome(input.knownAt))
      return Effect.fail(
        new CliFailure({
          code: 2,
          message: "give a snapshot file, or --campaign to read it from the ledger, not both"
        })
      )
    return readSnapshot(input.file.value)
  }
  if (Option.isNone(input.campaign))
    return Effect.fail(
      new CliFailure({
        code: 2,
        message: "give a snapshot file, or --campaign to read the snapshot from the ledger"
      })
    )
  return snapshotFromLedger({ ...input, campaign: input.campaign.value })
}

/** `--user`. */
export const user = Flag.String("user").pipe(Flag.withDescription("Who records: the user (填报人)"))
/** `--unit`. */
export const unit = Flag.String("unit").pipe(
  Flag.withDescription("Who records: the unit the user reports for")
)
/** `--at`. */
export const at = Flag.String("at").pipe(
  Flag.optional,
  Flag.withDescription("When it was recorded, if not now (for records kept on paper first)")
)
/** `--reason`. */
export const reason = Flag.String("reason").pipe(Flag.optional, Flag.withDescription("Why"))
/** `--key`. */
export const key = Flag.String("key").pipe(
  Flag.optional,
  Flag.withDescription(
    "The idempotency key: a retried submission with the same key is not a duplicate"
  )
)
/** The kinds of record the ledger keeps, for `--kind`. */
const recordKinds = [
  "campaign",
  "calendar",
  "target",
  "unit",
  "project",
  "event",
  "activity",
  "report"
] as const
const asOf = flags.asOf.pipe(
  Flag.withDescription("The as-of date, YYYY-MM-DD (default: that of the latest import)")
)
const format = Flag.Literals("format", ["table", "json"]).pipe(
  Flag.withDefault("table" as const),
  Flag.withDescription("Output format: table (default) or json")
)
const opt = <A>(o: Option.Option<A>) => Option.getOrUndefined(o)

const parseJson = (text: string, what: string) =>
  Effect.try({
    try: () => JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown,
    catch: (e) =>
      new CliFailure({ code: 1, message: `${what} is not JSON: ${(e as Error).message}` })
  })

const readJson = (file: string) => Effect.flatMap(readText(file), (text) => parseJson(text, file))

const init = Command.make("init", { ledger }, ({ ledger }) =>
  Effect.gen(function* () {
    const names = yield* withLedger(ledger, Ledger.campaigns)
    yield* Console.log(
      `ledger ${PostgresClient.isUrl(ledger) ? ledger : resolve(ledger)}: ready, ${names.length} campaign(s)${names.length > 0 ? `: ${names.join(", ")}` : ""}`
    )
  })
).pipe(Command.withDescription("Create the ledger's tables (a folder, or a PostgreSQL database)"))

/** What a submission or an import did, in lines. */
export const receiptLines = (r: Ledger.Receipt): Array<string> => {
  const lines = [
    r.replayed
      ? `${r.campaign}: already recorded (submission ${r.submission}, ${r.recordedAt}); nothing new written`
      : `${r.campaign}: ${r.written.length} record(s) written, ${r.unchanged} unchanged (submission ${r.submission}, ${r.recordedAt})`
  ]
  if (r.omitted.length > 0) {
    lines.push(
      `${r.omitted.length} record(s) in the ledger are not in the file — ${r.withdrawnOmitted ? "withdrawn" : "kept (use --withdraw-omitted to withdraw them)"}:`
    )
    for (const o of r.omitted) lines.push(`  ${o.kind} ${o.id}`)
  }
  return lines
}

const load = Command.make(
  "load",
  {
    file: Argument.String("snapshot").pipe(Argument.withDescription("A snapshot JSON file")),
    ledger,
    user,
    unit,
    at,
    reason,
    key,
    withdrawOmitted: Flag.Boolean("withdraw-omitted").pipe(
      Flag.withDefault(false),
      Flag.withDescription("Withdraw the records the file leaves out (they are kept otherwise)")
    ),
    format
  },
  (a) =>
    Effect.gen(function* () {
      const snapshot = yield* readJson(a.file)
      const r = yield* withLedger(
        a.ledger,
        Ledger.importSnapshot({
          snapshot,
          by: { user: a.user, unit: a.unit },
          key: opt(a.key),
          reason: opt(a.reason),
          at: opt(a.at),
          omitted: a.withdrawOmitted ? "withdraw" : "keep"
        })
      )
      yield* Console.log(a.format === "json" ? json(r) : receiptLines(r).join("\n"))
    })
).pipe(
  Command.withDescription(
    "Import a snapshot file into the ledger: what is new or changed is recorded, what the file leaves out is listed"
  )
)

const snapshot = Command.make(
  "snapshot",
  {
    ledger,
    campaign,
    asOf,
    knownAt,
    out: Flag.String("out").pipe(Flag.optional, Flag.withDescription("Write to this file"))
  },
  (a) =>
    Effect.gen(function* () {
      const text = yield* withLedger(
        a.ledger,
        Ledger.exportJson({ campaign: a.campaign, asOf: opt(a.asOf), knownAt: opt(a.knownAt) })
      )
      if (Option.isSome(a.out)) yield* writeText(resolve(a.out.value), text)
      else yield* Console.log(text.trimEnd())
    })
).pipe(
  Command.withDescription("The campaign's snapshot as known at a time, in the snapshot JSON format")
)

/** The kinds of record in Chinese, for the Chinese history. */
const kindNames: { readonly [K in (typeof recordKinds)[number]]: string } = {
  campaign: "攻坚活动",
  calendar: "工作日历",
  target: "目标",
  unit: "单位",
  project: "项目",
  event: "项目事件",
  activity: "活动",
  report: "报表"
}

/** One version of a record: who recorded it, when and why, in the language asked for. */
const versionLine = (v: Ledger.Version, lang: "zh" | "en"): string => {
  const what = v.value === null ? "withdrawn" : v.supersedes === null ? "recorded" : "corrected"
  const fields = changedFields(v)
  const changed = fields.length > 0 ? `\n    ${fields.join("; ")}` : ""
  if (lang === "en")
    return `${v.recordedAt}  ${v.kind} ${v.id} v${v.version} ${what} by ${v.by.user} (${v.by.unit})${v.reason ? ` — ${v.reason}` : ""}${changed}`
  const done = { withdrawn: "撤回", recorded: "录入", corrected: "更正" }[what]
  const kind = kindNames[v.kind as (typeof recordKinds)[number]] ?? v.kind
  return `${v.recordedAt}  ${kind} ${v.id} 第${v.version}版 由${v.by.user}（${v.by.unit}）${done}${v.reason ? `，理由：${v.reason}` : ""}${changed}`
}

/** The top-level fields a version changed: `value: "27.5亿元" → "30亿元"`. */
const changedFields = (v: Ledger.Version): Array<string> => {
  if (v.previous === null || v.value === null) return []
  const a = v.previous as Record<string, unknown>
  const b = v.value as Record<string, unknown>
  const out: Array<string> = []
  for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
    const x = JSON.stringify(a[k])
    const y = JSON.stringify(b[k])
    if (x !== y) out.push(`${k}: ${x ?? "—"} → ${y ?? "—"}`)
  }
  return out
}

const history = Command.make(
  "history",
  {
    ledger,
    campaign,
    kind: Flag.Literals("kind", recordKinds).pipe(
      Flag.optional,
      Flag.withDescription("The kind of record (with --id)")
    ),
    id: Flag.String("id").pipe(
      Flag.optional,
      Flag.withDescription(
        "The record's id (an event: P-007#2); a project's history includes its events"
      )
    ),
    since: Flag.String("since").pipe(
      Flag.optional,
      Flag.withDescription("Without --kind: every record changed after this time")
    ),
    format,
    lang
  },
  (a) =>
    Effect.gen(function* () {
      const read: Effect.Effect<
        ReadonlyArray<Ledger.Version>,
        unknown,
        SqlClient.SqlClient
      > = Option.isSome(a.kind)
        ? Option.isSome(a.id)
          ? Ledger.history({ campaign: a.campaign, kind: a.kind.value, id: a.id.value })
          : Effect.fail(new CliFailure({ code: 2, message: "--kind needs --id" }))
        : Ledger.changes({
            campaign: a.campaign,
            from: Option.getOrElse(a.since, () => "1970-01-01")
          })
      const versions = yield* withLedger(a.ledger, read)
      yield* Console.log(
        a.format === "json"
          ? json(versions)
          : versions.length === 0
            ? "no records"
            : versions.map((v) => versionLine(v, a.lang)).join("\n")
      )
    })
).pipe(
  Command.withDescription(
    "Every version of a record with who recorded it, when and why; or every change since a time"
  )
)

const correct = Command.make(
  "correct",
  {
    ledger,
    campaign,
    kind: Flag.Literals("kind", recordKinds).pipe(Flag.withDescription("The kind of record")),
    id: Flag.String("id").pipe(
      Flag.optional,
      Flag.withDescription("The record's id, when the value does not carry it (an event: P-007#2)")
    ),
    project: Flag.String("project").pipe(
      Flag.optional,
      Flag.withDescription("A new event: its project")
    ),
    value: Flag.String("value").pipe(
      Flag.optional,
      Flag.withDescription("The record's JSON, or @file.json")
    ),
    withdraw: Flag.Boolean("withdraw").pipe(
      Flag.withDefault(false),
      Flag.withDescription("Withdraw the record (撤回) instead of correcting it")
    ),
    expectedVersion: Flag.Int("expected-version").pipe(
      Flag.optional,
      Flag.withDescription("The version of the record's stream this correction was made against")
    ),
    reason: Flag.String("reason").pipe(Flag.withDescription("Why (更正原因)")),
    user,
    unit,
    at,
    key,
    format
  },
  (a) =>
    Effect.gen(function* () {
      if (a.withdraw === Option.isSome(a.value))
        return yield* new CliFailure({ code: 2, message: "give either --value or --withdraw" })
      const given = Option.getOrUndefined(a.value)
      const value =
        given === undefined
          ? undefined
          : given.startsWith("@")
            ? yield* readJson(given.slice(1))
            : yield* parseJson(given, "--value")
      const entry: Ledger.Entry = {
        kind: a.kind,
        ...(value === undefined ? {} : { value }),
        ...(Option.isSome(a.id) ? { id: a.id.value } : {}),
        ...(Option.isSome(a.project) ? { project: a.project.value } : {}),
        ...(Option.isSome(a.expectedVersion) ? { expectedVersion: a.expectedVersion.value } : {})
      }
      const by = { user: a.user, unit: a.unit }
      const r = yield* withLedger(
        a.ledger,
        Ledger.submit({
          campaign: a.campaign,
          key: Option.getOrElse(
            a.key,
            () => `cli:${a.user}:${JSON.stringify([entry, a.reason, opt(a.at) ?? null])}`
          ),
          by,
          reason: a.reason,
          at: opt(a.at),
          entries: [entry]
        })
      )
      yield* Console.log(
        a.format === "json"
          ? json(r)
          : [
              ...receiptLines(r),
              ...r.written.map(
                (w) =>
                  `  ${w.kind} ${w.id} v${w.version}${w.withdrawn ? " withdrawn" : ""}${w.supersedes === null ? "" : ` (supersedes #${w.supersedes})`}`
              )
            ].join("\n")
      )
    })
).pipe(
  Command.withDescription(
    "Record a correction (更正/补报) or a withdrawal, with its reason and who made it; nothing is overwritten"
  )
)

const assessOn = (
  plugin: Parameters<typeof Host.load>[0][number]["plugin"],
  options: Record<string, unknown> | undefined,
  snapshot: Snapshot.Snapshot
) =>
  Effect.gen(function* () {
    const loaded = Host.load([{ plugin, ...(options ? { options } : {}) }])
    if (Result.isFailure(loaded))
      return yield* new CliFailure({
        code: 1,
        message: `the policy ${plugin.meta.id} does not load`,
        details: loaded.failure.map((e) => e.message)
      })
    const out = Host.run(loaded.success, snapshot)
    if (out.errors.length > 0)
      return yield* new CliFailure({
        code: 1,
        message: `the policy ${plugin.meta.id} failed`,
        details: out.errors.map((e) => e.message)
      })
    const assessment = out.assessments[0]?.assessment
    if (assessment === undefined)
      return yield* new CliFailure({
        code: 1,
        message: `the policy ${plugin.meta.id} has no scoring rules to compare`
      })
    return assessment
  })

const revise = Command.make(
  "revise",
  {
    ledger,
    campaign,
    policy,
    options,
    asOf,
    before: Flag.String("before").pipe(
      Flag.withDescription(
        "As known when the ranking was published (YYYY-MM-DD or a time with its offset)"
      )
    ),
    after: Flag.String("after").pipe(
      Flag.optional,
      Flag.withDescription("As known after the corrections (default now)")
    ),
    user: user.pipe(Flag.withDefault("gongjian")),
    unit: unit.pipe(Flag.withDefault("county")),
    format,
    lang
  },
  (a) =>
    Effect.gen(function* () {
      const plugin = yield* resolvePolicy(a.policy)
      const options = Option.isSome(a.options) ? yield* readOptions(a.options.value) : undefined
      const by = { user: a.user, unit: a.unit }
      const view = { campaign: a.campaign, asOf: opt(a.asOf) }
      const result = yield* withLedger(
        a.ledger,
        Effect.gen(function* () {
          const after = opt(a.after) ?? new Date().toISOString()
          const then = yield* Ledger.snapshot({ ...view, knownAt: a.before })
          const now = yield* Ledger.snapshot({ ...view, knownAt: after })
          const before = yield* assessOn(plugin, options, then)
          const later = yield* assessOn(plugin, options, now)
          const runs = [
            yield* Ledger.recordAssessment({
              campaign: a.campaign,
              snapshot: then,
              knownAt: a.before,
              assessment: before,
              by,
              label: "as published"
            }),
            yield* Ledger.recordAssessment({
              campaign: a.campaign,
              snapshot: now,
              knownAt: after,
              assessment: later,
              by,
              label: "revised"
            })
          ]
          const changes = yield* Ledger.changes({ campaign: a.campaign, from: a.before, to: after })
          // Items by their titles: in Chinese an explanation names no ids.
          const titles = new Map(
            [...(before.items ?? []), ...(later.items ?? [])].map((i) => [i.id, i.title])
          )
          return {
            runs,
            revision: Revision.compare(before, later, changes, now.projects),
            titles
          }
        })
      )
      if (a.format === "json") {
        yield* Console.log(json(result))
        return
      }
      const zh = a.lang === "zh"
      const { revision, runs, titles } = result
      yield* Console.log(
        zh
          ? `${a.campaign} — ${revision.policy.id}，截至 ${revision.asOf}：${a.before} 时所知 → ${runs[1]!.knownAt} 时所知`
          : `${a.campaign} — ${revision.policy.id}, as of ${revision.asOf}: as known at ${a.before} → as known at ${runs[1]!.knownAt}`
      )
      if (revision.units.length === 0) {
        yield* Console.log(zh ? "排名与得分没有变化。" : "No ranking or score changed.")
      } else {
        const h = zh
          ? ["单位", "原名次", "新名次", "变动", "原总分", "新总分", "分差"]
          : ["unit", "rank before", "rank after", "moved", "total before", "total after", "change"]
        yield* Console.log(
          table(
            h,
            revision.units.map((u) => [
              u.name,
              u.before === undefined ? "—" : String(u.before.rank),
              u.after === undefined ? "—" : String(u.after.rank),
              u.moved > 0 ? `↑${u.moved}` : u.moved < 0 ? `↓${-u.moved}` : "0",
              u.before?.total ?? "—",
              u.after?.total ?? "—",
              u.total
            ])
          )
        )
        for (const u of revision.units) {
          yield* Console.log(zh ? `\n${u.name}` : `\n${u.name} (${u.unit})`)
          for (const i of u.items) {
            const title = titles.get(i.item)
            yield* Console.log(
              zh
                ? `  ${title?.zh ?? i.item}：${i.before} → ${i.after}（${i.change}）`
                : `  ${i.item}: ${i.before} → ${i.after} (${i.change})`
            )
          }
          for (const v of u.because)
            yield* Console.log(
              `  ${zh ? "原因" : "because"}: ${versionLine(v, a.lang).replace(/\n\s*/g, "\n      ")}`
            )
        }
      }
      const others = revision.changes.filter(
        (c) => !revision.units.some((u) => u.because.includes(c))
      )
      if (others.length > 0) {
        yield* Console.log(`\n${zh ? "其他更正记录" : "Other changes in the ledger"}`)
        for (const v of others) yield* Console.log(`  ${versionLine(v, a.lang)}`)
      }
      yield* Console.log(
        `\n${zh ? "已存评分记录" : "Runs stored"}: ${runs.map((r) => `#${r.id} ${r.policy.id}@${r.policy.version} ${r.inputFingerprint}`).join(", ")}`
      )
    })
).pipe(
  Command.withDescription(
    "Re-score a period after late corrections: the ranking as published and as known now, which units moved, which points changed and why; both runs are stored"
  )
)

/** `gongjian ledger …`: the campaign's record over time. */
export const ledgerCommand = Command.make("ledger").pipe(
  Command.withDescription(
    "台账记录：导入、按时点查看、历史、更正、重新评定。The campaign's record over time (台账): import, snapshots as known at a time, history, corrections, revisions"
  ),
  Command.withSubcommands([init, load, snapshot, history, correct, revise])
)

/** Imports a sample into the ledger and reads its snapshot back, for `demo --ledger`. */
export const throughLedger = (
  location: string,
  sample: unknown
): Effect.Effect<Snapshot.Snapshot, CliFailure, FileSystem.FileSystem> =>
  withLedger(
    location,
    Effect.gen(function* () {
      const r = yield* Ledger.importSnapshot({
        snapshot: sample,
        by: { user: "gongjian-demo", unit: "demo" }
      })
      return yield* Ledger.snapshot({ campaign: r.campaign })
    })
  )
