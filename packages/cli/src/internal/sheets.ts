import { basename, extname, resolve } from "node:path"
import { Fingerprint, Progress, Snapshot, Unit } from "@gongjian/core"
import { Ledger } from "@gongjian/ledger"
import type { Host } from "@gongjian/plugin-sdk"
import { Export, Forms, Import, RowReport, SheetError, Template } from "@gongjian/sheets"
import * as Console from "effect/Console"
import { Argument, Command, Flag } from "effect/cli"
import * as Effect from "effect/Effect"
import type * as FileSystem from "effect/FileSystem"
import * as Option from "effect/Option"
import * as Result from "effect/Result"
import { CliFailure } from "../CliFailure.js"
import { readBytes, readText, sizeOf, writeBytes, writeText } from "./files.js"
import { asOf, optionalCampaign, optionalLedger, options, policy } from "./flags.js"
import { withImported } from "./intoLedger.js"
import { at, key, reason, receiptLines, unit, user, withLedger } from "./ledger.js"
import { readSnapshot } from "./load.js"
import { json } from "./render.js"

/** @internal A shipped template by id, or a template JSON file. */
const readTemplate = (
  name: string
): Effect.Effect<Template.Template, CliFailure, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const shipped = Forms.byId(name)
    if (shipped !== undefined) return shipped
    if (!name.endsWith(".json")) {
      return yield* new CliFailure({
        code: 2,
        message: `unknown template ${name}: use one of ${Forms.all.map((t) => t.id).join(", ")} or a template .json file`
      })
    }
    const text = yield* readText(name, `the template ${name}`)
    const t = Template.decodeJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
    if (Result.isFailure(t)) {
      return yield* new CliFailure({
        code: 1,
        message: `the template ${name} is malformed`,
        details: t.failure.problems
      })
    }
    return t.success
  })

const sheetFailure = (e: SheetError.SheetError) => new CliFailure({ code: 1, message: e.message })

const applyFailure = (e: Snapshot.SnapshotError) =>
  new CliFailure({
    code: 1,
    message: "the snapshot with the imported rows has problems",
    details: e.problems.map((p) => `${p.record ?? p.path}: ${p.message}`)
  })

/** The file's bytes, its size checked against the import's limit before it is read. */
const readForm = (file: string) =>
  Effect.gen(function* () {
    const size = yield* sizeOf(file)
    if (size > Import.limits.maxBytes)
      return yield* sheetFailure(
        new SheetError.LimitExceededError({
          file: basename(file),
          limit: "bytes",
          allowed: Import.limits.maxBytes,
          found: size
        })
      )
    return yield* readBytes(file)
  })

const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

/**
 * Imports a form into a campaign kept in the ledger: the rows are matched
 * against the ledger's snapshot as known now and merge into it; the records
 * they add or change are written as one import, under an idempotency key
 * made of what it writes and why, so the same file imported again writes
 * nothing twice and leaves out nothing the ledger holds.
 */
const intoLedger = (input: {
  readonly location: string
  readonly campaign: string
  readonly bytes: Uint8Array
  readonly template: Template.Template
  readonly file: string
  readonly by: Ledger.Author
  readonly reason: string
  readonly at: string | undefined
  readonly key: string | undefined
}) =>
  withLedger(
    input.location,
    Effect.gen(function* () {
      const raw: unknown = JSON.parse(yield* Ledger.exportJson({ campaign: input.campaign }))
      const base = yield* Snapshot.decodeEffect(raw)
      const imported = yield* Import.fromBytes(input.bytes, {
        template: input.template,
        file: input.file,
        snapshot: base
      }).pipe(Effect.mapError(sheetFailure))
      const c = imported.report.counts
      const merged = Import.apply(base, imported)
      if (Result.isFailure(merged)) return yield* applyFailure(merged.failure)
      if (c.accepted + c.merged === 0 || !isRecord(raw))
        return { imported, merged: merged.success, receipt: undefined }
      const next = withImported(raw, base, merged.success, imported)
      const receipt = yield* Ledger.importSnapshot({
        snapshot: next,
        by: input.by,
        key:
          input.key ??
          `sheets:${Fingerprint.fingerprint({ snapshot: next, reason: input.reason })}`,
        reason: input.reason,
        at: input.at,
        omitted: "keep"
      })
      return { imported, merged: merged.success, receipt }
    })
  )

/** @internal `gongjian import <file> --template <name|path>`. */
export const importCommand = Command.make(
  "import",
  {
    file: Argument.String("file").pipe(
      Argument.withDescription("An .xlsx or .csv file of a county form")
    ),
    template: Flag.String("template").pipe(
      Flag.withDescription(
        `A shipped template (${Forms.all.map((t) => t.id).join(", ")}) or a template .json file`
      )
    ),
    snapshot: Flag.String("snapshot").pipe(
      Flag.optional,
      Flag.withDescription(
        "The snapshot whose units are matched and whose records the rows merge into"
      )
    ),
    campaign: optionalCampaign(
      "Import into this campaign of the ledger: its units are matched, the rows merge into its records, and the records they add or change are written"
    ),
    ledger: optionalLedger(
      "With --campaign: the ledger, a folder of the embedded database or a postgres:// URL (default ./gongjian-data)"
    ),
    user: user.pipe(Flag.withDefault("gongjian")),
    unit: unit.pipe(Flag.withDefault("county")),
    at,
    reason,
    key,
    out: Flag.String("out").pipe(
      Flag.optional,
      Flag.withDescription(
        "Write the snapshot with the imported rows in it to this JSON file (needs --snapshot or --campaign)"
      )
    ),
    report: Flag.String("report").pipe(
      Flag.optional,
      Flag.withDescription(
        "Write the row report: a .json file, or an .xlsx copy of the file with a status column"
      )
    ),
    format: Flag.Literals("format", ["table", "json"]).pipe(
      Flag.withDefault("table" as const),
      Flag.withDescription(
        "Output format: table (default) or json (the row report; with --campaign, the ledger's receipt as `ledger`)"
      )
    )
  },
  (a) =>
    Effect.gen(function* () {
      if (Option.isSome(a.snapshot) && Option.isSome(a.campaign))
        return yield* new CliFailure({
          code: 2,
          message: "give --snapshot, or --campaign to import into the ledger, not both"
        })
      if (Option.isSome(a.ledger) && Option.isNone(a.campaign))
        return yield* new CliFailure({ code: 2, message: "--ledger needs --campaign" })
      const template = yield* readTemplate(a.template)
      const base = Option.isSome(a.snapshot) ? yield* readSnapshot(a.snapshot.value) : undefined
      const bytes = yield* readForm(a.file)
      const file = basename(a.file)
      const { imported, merged, receipt } = Option.isSome(a.campaign)
        ? yield* intoLedger({
            location: Option.getOrElse(a.ledger, () => "gongjian-data"),
            campaign: a.campaign.value,
            bytes,
            template,
            file,
            by: { user: a.user, unit: a.unit },
            reason: Option.getOrElse(a.reason, () => `导入 ${file}（${template.title}）`),
            at: Option.getOrUndefined(a.at),
            key: Option.getOrUndefined(a.key)
          })
        : yield* Effect.gen(function* () {
            const imported = yield* Import.fromBytes(bytes, {
              template,
              file,
              ...(base === undefined ? {} : { snapshot: base })
            }).pipe(Effect.mapError(sheetFailure))
            return { imported, merged: undefined, receipt: undefined }
          })
      const report = imported.report
      if (a.format === "json")
        yield* Console.log(
          receipt === undefined
            ? RowReport.toJson(report).trimEnd()
            : json({ ...report, ledger: receipt })
        )
      else {
        const c = report.counts
        yield* Console.log(
          `${a.file}（${template.title}）：已导入 ${c.accepted}，已合并 ${c.merged}，未导入 ${c.rejected}，合计行 ${c.total}，说明行 ${c.note}，空行 ${c.blank}`
        )
        for (const row of report.rows)
          if (row.status !== "accepted" && row.status !== "merged")
            yield* Console.log(`  第 ${row.row} 行  ${RowReport.describe(row)}`)
        if (receipt !== undefined) yield* Console.log(receiptLines(receipt).join("\n"))
      }
      if (Option.isSome(a.report)) {
        const out = a.report.value
        if (extname(out).toLowerCase() === ".xlsx")
          yield* writeBytes(
            out,
            // A workbook the status column cannot be written into (a damaged
            // part) is said so, with the way out, and the run fails.
            yield* Effect.tryPromise({
              try: () => Export.annotate(bytes, report, { sheet: template.sheet ?? 1 }),
              catch: (e) =>
                new CliFailure({
                  code: 1,
                  message: `--report ${out}: ${e instanceof Error ? e.message : String(e)}`
                })
            })
          )
        else yield* writeText(resolve(out), RowReport.toJson(report))
      }
      if (Option.isSome(a.out)) {
        let next = merged
        if (next === undefined) {
          if (base === undefined)
            return yield* new CliFailure({
              code: 2,
              message: "--out needs --snapshot or --campaign"
            })
          const applied = Import.apply(base, imported)
          if (Result.isFailure(applied)) return yield* applyFailure(applied.failure)
          next = applied.success
        }
        yield* writeText(resolve(a.out.value), json(Snapshot.encode(next)))
      }
      if (report.counts.rejected > 0) return yield* new CliFailure({ code: 1, message: "" })
    })
).pipe(
  Command.withDescription(
    "导入报表（.xlsx 或 .csv），逐行接收、合并或退回。Import a county form (.xlsx or .csv) with a template: every row accepted, merged or rejected with its cell; with --campaign the accepted rows are written into the ledger; exit code 1 when a row is rejected"
  )
)

/** @internal The tables of a run: 台账, progress, rankings, findings and the cleanup 台账. */
export const tablesOf = (
  snapshot: Snapshot.Snapshot,
  out: Host.Run
): Record<
  "ledger" | "progress" | "ranking" | "findings" | "cleanup",
  ReadonlyArray<Export.Table>
> => {
  const unitNames = Object.fromEntries(snapshot.units.map((u) => [u.id, u.name]))
  const projectNames = Object.fromEntries(snapshot.projects.map((p) => [p.id, p.name]))
  const facts = Progress.facts(out.view)
  const progressRows = snapshot.campaign.targets.flatMap((t) =>
    Progress.ofTarget(facts, t, { asOf: out.asOf })
  )
  const half = Number(out.asOf.slice(5, 7)) <= 6 ? "上半年" : "下半年"
  return {
    ledger: [Export.projectLedger({ ...snapshot, asOf: out.asOf })],
    progress: [
      Export.progress(progressRows, {
        asOf: out.asOf,
        area: Unit.areaLabel(snapshot.units).zh,
        unitNames,
        targetTitles: Object.fromEntries(snapshot.campaign.targets.map((t) => [t.id, t.title]))
      })
    ],
    ranking: out.assessments.flatMap(({ assessment }) => {
      const tiers = new Map(assessment.tiers.map((t) => [t.id, t.title.zh]))
      return Export.ranking(
        {
          asOf: assessment.asOf,
          groups: assessment.groups,
          items: assessment.items,
          units: assessment.units.map((u) => ({
            ...u,
            tiers: u.tiers.map((t) => tiers.get(t) ?? t)
          }))
        },
        `${snapshot.campaign.title}考核排名`
      )
    }),
    findings: [Export.findings(out.findings, { asOf: out.asOf, unitNames, projectNames })],
    cleanup: [
      Export.cleanup(out.findings, {
        asOf: out.asOf,
        period: `${out.asOf.slice(0, 4)}年${half}`,
        unitNames,
        projectNames
      })
    ]
  }
}

/** @internal Writes a run's tables as one workbook. */
export const writeWorkbook = (file: string, snapshot: Snapshot.Snapshot, out: Host.Run) =>
  Effect.gen(function* () {
    const t = tablesOf(snapshot, out)
    const bytes = yield* Effect.promise(() =>
      Export.xlsx([...t.ranking, ...t.progress, ...t.findings, ...t.cleanup, ...t.ledger])
    )
    yield* writeBytes(file, bytes)
  })

/** @internal `gongjian export <what> --format xlsx|csv`. */
export const exportCommand = <E, R>(
  run: (input: {
    readonly file: string
    readonly policy: string
    readonly options: Option.Option<string>
    readonly asOf: Option.Option<string>
  }) => Effect.Effect<{ readonly snapshot: Snapshot.Snapshot; readonly out: Host.Run }, E, R>
) =>
  Command.make(
    "export",
    {
      what: Argument.Literals("what", [
        "ledger",
        "progress",
        "ranking",
        "findings",
        "cleanup"
      ]).pipe(
        Argument.withDescription(
          "ledger (项目台账), progress (目标进度), ranking (排名与得分说明), findings (退出机制), cleanup (半年清理台账)"
        )
      ),
      snapshot: Flag.String("snapshot").pipe(Flag.withDescription("A snapshot JSON file")),
      policy,
      options,
      asOf,
      format: Flag.Literals("format", ["xlsx", "csv"]).pipe(
        Flag.withDefault("xlsx" as const),
        Flag.withDescription(
          "xlsx (default; one sheet per table) or csv (UTF-8 with BOM; the first table)"
        )
      ),
      out: Flag.String("out").pipe(Flag.withDescription("The file to write"))
    },
    (a) =>
      Effect.gen(function* () {
        const named = extname(a.out).toLowerCase()
        const other = a.format === "csv" ? ".xlsx" : ".csv"
        if (named === other)
          return yield* new CliFailure({
            code: 2,
            message: `--out ${a.out} names a ${other} file but --format is ${a.format}: name it .${a.format}, or write --format ${other.slice(1)}`
          })
        const { snapshot, out } = yield* run({
          file: a.snapshot,
          policy: a.policy,
          options: a.options,
          asOf: a.asOf
        })
        const tables = tablesOf(snapshot, out)[a.what]
        if (tables.length === 0)
          return yield* new CliFailure({
            code: 1,
            message: `the policy gives no ${a.what} to export`
          })
        if (a.format === "csv") yield* writeText(resolve(a.out), Export.csv(tables[0]!))
        else yield* writeBytes(a.out, yield* Effect.promise(() => Export.xlsx(tables)))
        yield* Console.log(`→ ${a.out}`)
      })
  ).pipe(
    Command.withDescription(
      "导出台账、进度、排名、问题项目或清理台账。Export a run's ledger, progress, ranking, findings or cleanup 台账 as .xlsx or .csv"
    )
  )
