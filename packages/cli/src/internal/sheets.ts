import { readFile, writeFile } from "node:fs/promises"
import { basename, extname, resolve } from "node:path"
import { Progress, Snapshot } from "@gongjian/core"
import type { Host } from "@gongjian/plugin-sdk"
import { Export, Forms, Import, RowReport, type SheetError, Template } from "@gongjian/sheets"
import * as Console from "effect/Console"
import { Argument, Command, Flag } from "effect/cli"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Result from "effect/Result"
import { CliFailure } from "../CliFailure.js"
import { readSnapshot } from "./load.js"
import { json } from "./render.js"

/** @internal A shipped template by id, or a template JSON file. */
const readTemplate = (name: string): Effect.Effect<Template.Template, CliFailure> =>
  Effect.gen(function* () {
    const shipped = Forms.byId(name)
    if (shipped !== undefined) return shipped
    if (!name.endsWith(".json")) {
      return yield* new CliFailure({
        code: 2,
        message: `unknown template ${name}: use one of ${Forms.all.map((t) => t.id).join(", ")} or a template .json file`
      })
    }
    const text = yield* Effect.tryPromise({
      try: () => readFile(resolve(name), "utf8"),
      catch: (e) =>
        new CliFailure({
          code: 1,
          message: `cannot read the template ${name}: ${(e as Error).message}`
        })
    })
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

const write = (file: string, data: string | Uint8Array) =>
  Effect.tryPromise({
    try: () => writeFile(resolve(file), data),
    catch: (e) =>
      new CliFailure({ code: 1, message: `cannot write ${file}: ${(e as Error).message}` })
  })

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
    out: Flag.String("out").pipe(
      Flag.optional,
      Flag.withDescription(
        "Write the snapshot with the imported rows in it to this JSON file (needs --snapshot)"
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
      Flag.withDescription("Output format: table (default) or json (the row report)")
    )
  },
  (a) =>
    Effect.gen(function* () {
      const template = yield* readTemplate(a.template)
      const base = Option.isSome(a.snapshot) ? yield* readSnapshot(a.snapshot.value) : undefined
      const bytes = yield* Effect.tryPromise({
        try: async () => new Uint8Array(await readFile(resolve(a.file))),
        catch: (e) =>
          new CliFailure({ code: 1, message: `cannot read ${a.file}: ${(e as Error).message}` })
      })
      const imported = yield* Import.fromBytes(bytes, {
        template,
        file: basename(a.file),
        ...(base === undefined ? {} : { snapshot: base })
      }).pipe(Effect.mapError(sheetFailure))
      const report = imported.report
      if (a.format === "json") yield* Console.log(RowReport.toJson(report).trimEnd())
      else {
        const c = report.counts
        yield* Console.log(
          `${a.file}（${template.title}）：已导入 ${c.accepted}，已合并 ${c.merged}，未导入 ${c.rejected}，合计行 ${c.total}，说明行 ${c.note}，空行 ${c.blank}`
        )
        for (const row of report.rows)
          if (row.status !== "accepted" && row.status !== "merged")
            yield* Console.log(`  第 ${row.row} 行  ${RowReport.describe(row)}`)
      }
      if (Option.isSome(a.report)) {
        const file = a.report.value
        yield* write(
          file,
          extname(file).toLowerCase() === ".xlsx"
            ? yield* Effect.promise(() =>
                Export.annotate(bytes, report, { sheet: template.sheet ?? 1 })
              )
            : RowReport.toJson(report)
        )
      }
      if (Option.isSome(a.out)) {
        if (base === undefined)
          return yield* new CliFailure({ code: 2, message: "--out needs --snapshot" })
        const next = Import.apply(base, imported)
        if (Result.isFailure(next)) {
          return yield* new CliFailure({
            code: 1,
            message: "the snapshot with the imported rows has problems",
            details: next.failure.problems.map((p) => `${p.record ?? p.path}: ${p.message}`)
          })
        }
        yield* write(a.out.value, json(Snapshot.encode(next.success)))
      }
      if (report.counts.rejected > 0) return yield* new CliFailure({ code: 1, message: "" })
    })
).pipe(
  Command.withDescription(
    "Import a county form (.xlsx or .csv) with a template: every row accepted, merged or rejected with its cell; exit code 1 when a row is rejected"
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
    yield* write(file, bytes)
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
      policy: Flag.String("policy").pipe(
        Flag.withDescription("A reference policy id (000–004) or a plugin module")
      ),
      options: Flag.String("options").pipe(
        Flag.optional,
        Flag.withDescription("A JSON file of the policy's options")
      ),
      asOf: Flag.String("as-of").pipe(
        Flag.optional,
        Flag.withDescription("The as-of date, YYYY-MM-DD")
      ),
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
        if (a.format === "csv") yield* write(a.out, Export.csv(tables[0]!))
        else yield* write(a.out, yield* Effect.promise(() => Export.xlsx(tables)))
        yield* Console.log(`→ ${a.out}`)
      })
  ).pipe(
    Command.withDescription(
      "Export a run's ledger, progress, ranking, findings or cleanup 台账 as .xlsx or .csv"
    )
  )
