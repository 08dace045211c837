/**
 * The `gongjian` command (命令行): `demo` runs the sample county campaigns
 * shipped with the reference policies end to end; `validate`, `assess`,
 * `check` and `explain` work on a snapshot file; `import` and `export` move
 * county forms in and out of Excel and CSV.
 *
 * Exit codes: 0 when all is well; 1 for invalid input (a missing file, bad
 * JSON, a snapshot with problems, options that do not fit the policy), for
 * `check` when a breach or escalation is found, and when a plugin fails while
 * running; 2 for a usage error (an unknown command, flag or policy, a bad
 * date).
 *
 * @since 0.1.0
 */
import { join, relative, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { Snapshot } from "@gongjian/core"
import { Host } from "@gongjian/plugin-sdk"
import { all, Samples } from "@gongjian/policies"
import { Assessment } from "@gongjian/scoring"
import * as Console from "effect/Console"
import { Argument, Command, Flag } from "effect/cli"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Result from "effect/Result"
import packageJson from "../package.json" with { type: "json" }
import { CliFailure } from "./CliFailure.js"
import {
  calendarLine,
  calendarSummary,
  provisionalFootnote,
  provisionalYearsOf
} from "./internal/calendar.js"
import { makeFolder, writeText } from "./internal/files.js"
import { asOf, lang, ledgerInput, options, policy } from "./internal/flags.js"
import { ledgerCommand, readInput, throughLedger } from "./internal/ledger.js"
import { readOptions, readSnapshot, resolvePolicy } from "./internal/load.js"
import { json, markdown, markdownCell, table } from "./internal/render.js"
import { bulletin, chart, demoReports } from "./internal/reports.js"
import { exportCommand, importCommand, writeWorkbook } from "./internal/sheets.js"
import {
  findingRows,
  gateLines,
  headers,
  inactiveLines,
  type Lang,
  noticeLine,
  progressRows,
  rankingSections,
  unitNamed,
  vetoTitles
} from "./internal/views.js"

const format = Flag.Literals("format", ["table", "json", "md"]).pipe(
  Flag.withDefault("table" as const),
  Flag.withDescription("Output format: table (default), json or md")
)
const snapshotFile = Argument.String("snapshot").pipe(
  Argument.withDescription("A snapshot JSON file")
)

const progress = (message: string) => Console.error(`gongjian: ${message}`)

/** Loads, runs and reports a plugin over a snapshot. */
const snapshotInput = Argument.String("snapshot").pipe(
  Argument.withDescription("A snapshot JSON file (or --campaign to read it from the ledger)"),
  Argument.optional
)

const runPolicy = (input: {
  readonly file: Option.Option<string>
  readonly ledger: Option.Option<string>
  readonly campaign: Option.Option<string>
  readonly knownAt: Option.Option<string>
  readonly policy: string
  readonly options: Option.Option<string>
  readonly asOf: Option.Option<string>
}) =>
  Effect.gen(function* () {
    const date = Option.getOrUndefined(input.asOf)
    const plugin = yield* resolvePolicy(input.policy)
    const opts = Option.isSome(input.options) ? yield* readOptions(input.options.value) : undefined
    const snapshot = yield* readInput(input)
    const big = snapshot.projects.length > 10_000
    if (big)
      yield* progress(
        `${snapshot.projects.length.toLocaleString("en")} projects decoded; running ${plugin.meta.id}…`
      )
    const loaded = Host.load([{ plugin, ...(opts ? { options: opts } : {}) }])
    if (Result.isFailure(loaded)) {
      return yield* new CliFailure({
        code: 1,
        message: `the policy ${plugin.meta.id} does not load`,
        details: loaded.failure.map((e) => e.message)
      })
    }
    const out = Host.run(loaded.success, snapshot, date ? { asOf: date } : undefined)
    if (big)
      yield* progress(
        `done: ${out.findings.length} findings, ${out.assessments.length} assessment(s)`
      )
    if (out.errors.length > 0) {
      return yield* new CliFailure({
        code: 1,
        message: `the policy ${plugin.meta.id} failed`,
        details: out.errors.map((e) => e.message)
      })
    }
    return { snapshot, out, vetoes: vetoTitles(loaded.success) }
  })

const validate = Command.make(
  "validate",
  { file: snapshotFile, format, lang },
  ({ file, format, lang }) =>
    Effect.gen(function* () {
      const r = yield* Effect.result(readSnapshot(file))
      if (Result.isSuccess(r)) {
        const s = r.success
        const calendar = calendarSummary(s)
        // Valid, but not counted anywhere: said, never dropped silently. Named by
        // record and field, not by position, so that the list is the same
        // whatever the order of the file.
        const notices = Snapshot.notices(s).map((n) =>
          noticeLine(n, format === "json" ? "en" : lang)
        )
        yield* Console.log(
          format === "json"
            ? json({
                valid: true,
                problems: [],
                notices,
                units: s.units.length,
                projects: s.projects.length,
                calendar
              })
            : [
                lang === "zh"
                  ? `${file}：有效——单位${s.units.length}个，项目${s.projects.length}个，目标${s.campaign.targets.length}个`
                  : `${file}: valid — ${s.units.length} units, ${s.projects.length} projects, ${s.campaign.targets.length} targets`,
                calendarLine(calendar, lang),
                ...(notices.length > 0
                  ? [
                      lang === "zh"
                        ? `提示${notices.length}条：以下记录不计入任何结果`
                        : `${notices.length} notice(s): not counted in any result`,
                      ...notices.map((n) => `  ${n}`)
                    ]
                  : [])
              ].join("\n")
        )
        return
      }
      const f = r.failure
      if (format === "json" && f.details !== undefined) {
        yield* Console.log(json({ valid: false, problems: f.details }))
        return yield* new CliFailure({ code: 1, message: "", details: [] })
      }
      return yield* f
    })
).pipe(
  Command.withDescription(
    "数据校验。Check a snapshot: every problem with its path and record; exit code 1 when there is any"
  )
)

const assess = Command.make(
  "assess",
  { file: snapshotInput, ...ledgerInput, policy, options, asOf, format, lang },
  (a) =>
    Effect.gen(function* () {
      const { snapshot, out, vetoes } = yield* runPolicy(a)
      if (a.format === "json") {
        yield* Console.log(json(out))
        return
      }
      for (const { assessment } of out.assessments) {
        const sections = rankingSections(assessment, a.lang, vetoes)
        if (a.format === "md")
          yield* Console.log(
            `## ${markdownCell(snapshot.campaign.title)} — ${assessment.policy.id} (${assessment.asOf})\n\n${sections
              .map(
                (g) =>
                  `${g.title === undefined ? "" : `### ${markdownCell(g.title)}\n\n`}${markdown(g.header, g.rows)}\n`
              )
              .join("\n")}`
          )
        else
          yield* Console.log(
            `${snapshot.campaign.title} — ${assessment.policy.id}，${assessment.asOf}\n${sections
              .map(
                (g) =>
                  `${g.title === undefined ? "" : `  【${g.title}】\n`}${table(g.header, g.rows)}\n`
              )
              .join("\n")}`
          )
      }
      if (out.assessments.length === 0)
        yield* Console.log(
          a.lang === "zh" ? "该政策没有评分规则。" : "The policy has no scoring rules."
        )
      for (const line of inactiveLines(out, a.lang))
        yield* Console.log(a.format === "md" ? `- ${line.trim()}` : line)
      const note = provisionalFootnote(provisionalYearsOf(out, "lines"), a.lang)
      if (note !== undefined) yield* Console.log(note)
    })
).pipe(Command.withDescription("考核排名。Assess and rank the units of a snapshot under a policy"))

const check = Command.make(
  "check",
  { file: snapshotInput, ...ledgerInput, policy, options, asOf, format, lang },
  (a) =>
    Effect.gen(function* () {
      const { snapshot, out } = yield* runPolicy(a)
      if (a.format === "json")
        yield* Console.log(
          json({
            asOf: out.asOf,
            plugins: out.plugins,
            findings: out.findings,
            resolved: out.resolved,
            unevaluated: out.unevaluated
          })
        )
      else {
        const rows = findingRows(snapshot, out.findings, a.lang)
        const h = headers.findings[a.lang]
        if (rows.length === 0)
          yield* Console.log(
            a.lang === "zh" ? "无预警，无逾期项目。" : "No warnings and no breaches."
          )
        else yield* Console.log(a.format === "md" ? markdown(h, rows) : table(h, rows))
        for (const f of out.findings) yield* Console.log(`  · ${f.message[a.lang]}`)
        for (const u of out.unevaluated)
          yield* Console.log(`  ? ${u.project}${u.rule ? ` ${u.rule}` : ""}: ${u.message[a.lang]}`)
        const note = provisionalFootnote(provisionalYearsOf(out, "findings"), a.lang)
        if (note !== undefined) yield* Console.log(note)
      }
      const serious = out.findings.filter((f) => f.severity !== "warning").length
      if (serious > 0) return yield* new CliFailure({ code: 1, message: "" })
    })
).pipe(
  Command.withDescription(
    "退出机制检查（预警、逾期、整改逾期）。The exit findings of a snapshot, warnings included; exit code 1 when any breach or escalation is found"
  )
)

const explain = Command.make(
  "explain",
  {
    file: snapshotInput,
    ...ledgerInput,
    policy,
    options,
    asOf,
    lang,
    unit: Flag.String("unit").pipe(Flag.withDescription("The unit: its id or its name")),
    format: Flag.Literals("format", ["text", "json"]).pipe(Flag.withDefault("text" as const))
  },
  (a) =>
    Effect.gen(function* () {
      const { out } = yield* runPolicy(a)
      const assessment = out.assessments[0]?.assessment
      const found = unitNamed(assessment?.units ?? [], a.unit)
      if (found !== undefined && "shared" in found)
        return yield* new CliFailure({
          code: 1,
          message: `${found.shared.length} assessed units are named ${JSON.stringify(a.unit)}: give the id (${found.shared.join(", ")})`
        })
      const e =
        assessment === undefined || found === undefined
          ? undefined
          : Assessment.explain(assessment, found.unit)
      if (e === undefined) {
        return yield* new CliFailure({
          code: 1,
          message: `no assessed unit ${JSON.stringify(a.unit)} (by id or name) in this assessment`
        })
      }
      yield* Console.log(a.format === "json" ? json(e) : Assessment.formatExplanation(e, a.lang))
    })
).pipe(
  Command.withDescription(
    "得分说明，逐项列明依据条款。The explanation tree of a unit's score, every line with its clause"
  )
)

const demoOne = (
  entry: (typeof all)[number],
  l: Lang,
  outDir: string,
  ledger: Option.Option<string>
) =>
  Effect.gen(function* () {
    const snapshot: Snapshot.Snapshot = Option.isSome(ledger)
      ? yield* throughLedger(ledger.value, Samples.json(entry.sample))
      : Samples.load(entry.sample)
    const host = Host.load([{ plugin: entry.plugin, options: entry.options }])
    if (Result.isFailure(host))
      return yield* new CliFailure({
        code: 1,
        message: host.failure.map((e) => e.message).join("; ")
      })
    const out = Host.run(host.success, snapshot)
    const zh = l === "zh"
    yield* Console.log(`\n■ ${entry.plugin.meta.title[l]} (${entry.plugin.meta.id})`)
    yield* Console.log(
      zh
        ? `  ${snapshot.campaign.title}，${snapshot.campaign.window.start} 至 ${snapshot.campaign.window.end}，截至 ${out.asOf}；单位 ${snapshot.units.length} 个，项目 ${snapshot.projects.length} 个`
        : `  ${snapshot.campaign.title}, ${snapshot.campaign.window.start} to ${snapshot.campaign.window.end}, as of ${out.asOf}; ${snapshot.units.length} units, ${snapshot.projects.length} projects`
    )
    // Where the county's figures come from, so that `assess` can repeat the run.
    if (Object.keys(entry.options).length > 0) {
      const file = (ext: string) =>
        relative(
          process.cwd(),
          fileURLToPath(import.meta.resolve(`@gongjian/policies/samples/${entry.sample}${ext}`))
        )
      const options = file(".options.json")
      const command = `gongjian assess ${file(".json")} --policy ${entry.sample.slice(0, 3)} --options ${options}`
      yield* Console.log(
        zh
          ? `  选项：${options}（${command} 得到同样的排名）`
          : `  Options: ${options} (${command} gives the same ranking)`
      )
    }
    for (const { assessment } of out.assessments) {
      yield* Console.log(`\n  ${zh ? "排名" : "Ranking"}`)
      for (const g of rankingSections(assessment, l, vetoTitles(host.success))) {
        if (g.title !== undefined) yield* Console.log(`  【${g.title}】`)
        yield* Console.log(table(g.header, g.rows, "  "))
      }
    }
    for (const line of inactiveLines(out, l)) yield* Console.log(line)
    const prog = progressRows(out.view, l)
    if (prog.length > 0) {
      yield* Console.log(
        `\n  ${zh ? "目标进度（对照序时进度）" : "Targets against time-elapsed progress"}`
      )
      yield* Console.log(table(headers.progress[l], prog, "  "))
    }
    if (out.findings.length > 0) {
      yield* Console.log(`\n  ${zh ? "退出机制" : "Exit findings"}`)
      yield* Console.log(table(headers.findings[l], findingRows(snapshot, out.findings, l), "  "))
    }
    const failed = gateLines(host.success, snapshot, out.verdicts, l)
    if (failed.length > 0) {
      yield* Console.log(`\n  ${zh ? "准入与调度检查" : "Gates and dispatch checks"}`)
      for (const line of failed) yield* Console.log(line)
    }
    const file = join(outDir, `${entry.sample}.json`)
    yield* writeText(file, json({ sample: entry.sample, campaign: snapshot.campaign.id, ...out }))
    const workbook = join(outDir, `${entry.sample}.xlsx`)
    yield* writeWorkbook(workbook, snapshot, out)
    yield* Console.log(`\n  → ${file}`)
    yield* Console.log(`  → ${workbook}${zh ? "（Excel 工作簿）" : " (Excel workbook)"}`)
    const reports = yield* demoReports(snapshot, host.success, join(outDir, entry.sample))
    yield* Console.log(
      `  → ${join(outDir, entry.sample)}/ ${zh ? "通报与挂图" : "bulletin and wall charts"}（${reports.bulletin.period.label}${zh ? "，截至 " : ", as of "}${reports.bulletin.asOf}${zh ? "；排名以该日为准" : "; its ranking is as of that date"}）`
    )
    // Paths in the index are relative to it, so the folder can be moved or published.
    return {
      sample: entry.sample,
      file: `${entry.sample}.json`,
      workbook: `${entry.sample}.xlsx`,
      reports: `${entry.sample}/`,
      findings: out.findings.length,
      units: out.assessments[0]?.assessment.units.length ?? 0
    }
  })

const demo = Command.make(
  "demo",
  {
    lang,
    out: Flag.String("out").pipe(
      Flag.withDefault("gongjian-out"),
      Flag.withDescription("Where to write the full results as JSON (default ./gongjian-out)")
    ),
    ledger: Flag.String("ledger").pipe(
      Flag.optional,
      Flag.withDescription(
        "Keep the sample campaigns in a ledger (a folder, or a postgres:// URL) and run on the snapshots read back from it"
      )
    )
  },
  ({ lang: l, out, ledger }) =>
    Effect.gen(function* () {
      const dir = resolve(out)
      yield* makeFolder(dir)
      yield* Console.log(
        l === "zh"
          ? "gongjian 演示：五份方案的示例县，端到端运行（解码 → 生命周期 → 退出规则 → 评分 → 排名）"
          : "gongjian demo: the sample counties of the five plans, end to end (decode → lifecycle → exit rules → scoring → ranking)"
      )
      const results: Array<{
        sample: string
        file: string
        workbook: string
        reports: string
        findings: number
        units: number
      }> = []
      for (const entry of all) results.push(yield* demoOne(entry, l, dir, ledger))
      yield* writeText(join(dir, "index.json"), json({ results }))
    })
).pipe(
  Command.withDescription(
    "示例县全流程演示。Run the sample county campaigns of the reference policies end to end"
  )
)

/**
 * The `gongjian` command with its subcommands, to run with effect's
 * `Command.runWith` or to carry as a subcommand of a tool of your own.
 *
 * @example
 * {@includeCode ../examples/Cli.ts#command}
 *
 * @since 0.1.0
 * @category commands
 */
export const command = Command.make("gongjian").pipe(
  Command.withDescription(
    "项目攻坚：考核排名、退出机制、通报与挂图。Project campaigns: assessments, rankings and exit findings"
  ),
  Command.withSubcommands([
    demo,
    validate,
    assess,
    check,
    explain,
    importCommand,
    exportCommand((input) =>
      runPolicy({
        ...input,
        file: Option.some(input.file),
        ledger: Option.none(),
        campaign: Option.none(),
        knownAt: Option.none()
      })
    ),
    ledgerCommand,
    bulletin,
    chart
  ])
)

/**
 * Runs the command with `args` (without the program name) and resolves to
 * the exit code. Output goes to the console.
 *
 * @example
 * {@includeCode ../examples/Cli.ts#run}
 *
 * @since 0.1.0
 * @category running
 */
export const run = (
  args: ReadonlyArray<string>
): Effect.Effect<0 | 1 | 2, never, Command.Environment> =>
  Command.runWith(command, { version: packageJson.version })(args).pipe(
    Effect.as(0 as const),
    Effect.catchTag("CliFailure", (e) =>
      Effect.gen(function* () {
        if (e.message) yield* Console.error(`gongjian: ${e.message}`)
        for (const d of e.details ?? []) yield* Console.error(`  ${d}`)
        return e.code
      })
    ),
    // Usage errors (an unknown command, flag or value) were shown with the help.
    Effect.catch(() => Effect.succeed(2 as const))
  )
