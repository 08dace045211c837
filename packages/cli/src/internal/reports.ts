import { join, resolve } from "node:path"
import type { Period, Snapshot } from "@gongjian/core"
import { Ledger } from "@gongjian/ledger"
import { Host, type Plugin } from "@gongjian/plugin-sdk"
import type { Bulletin as BulletinTypes, Edition as EditionTypes } from "@gongjian/reports"
import * as Console from "effect/Console"
import { Argument, Command, Flag } from "effect/cli"
import * as Effect from "effect/Effect"
import * as FileSystem from "effect/FileSystem"
import * as Option from "effect/Option"
import * as Result from "effect/Result"
import { CliFailure } from "../CliFailure.js"
import { makeFolder, writeText } from "./files.js"
import { asOf, lang, ledgerInput, optionalPolicy, options } from "./flags.js"
import { readInput, withLedger } from "./ledger.js"
import { readOptions, resolvePolicy } from "./load.js"

// Loaded when a report is asked for, so that the other commands start without
// echarts and playwright.
const reports = Effect.promise(() => import("@gongjian/reports"))

const snapshotFile = Argument.String("snapshot").pipe(
  Argument.withDescription("A snapshot JSON file (or --campaign to read it from the ledger)"),
  Argument.optional
)

/** The snapshot from a file, or from the ledger with --campaign (and --known-at). */
const readSource = (a: {
  readonly file: Option.Option<string>
  readonly ledger: Option.Option<string>
  readonly campaign: Option.Option<string>
  readonly knownAt: Option.Option<string>
}) => readInput({ ...a, asOf: Option.none() })
const policy = optionalPolicy("for the ranking and the exit findings")
const out = Flag.String("out").pipe(
  Flag.optional,
  Flag.withDescription("Write to this file instead of the standard output")
)

/** @internal The engines' results for a snapshot as of a date: the assessment and the exit findings. */
const engines = (host: Host.Host | undefined, snapshot: Snapshot.Snapshot, asOf: string) =>
  Effect.gen(function* () {
    if (host === undefined) return { assessment: undefined, findings: undefined }
    const run = Host.run(host, snapshot, { asOf })
    if (run.errors.length > 0)
      return yield* new CliFailure({
        code: 1,
        message: "the policy failed",
        details: run.errors.map((e) => e.message)
      })
    return { assessment: run.assessments[0]?.assessment, findings: run.findings }
  })

/**
 * @internal A bulletin of an edition: the engines run as of its date and as
 * of the previous bulletin's ({@link Edition.bulletin}).
 */
export const buildBulletin = (
  edition: EditionTypes.Edition,
  host: Host.Host | undefined
): Effect.Effect<BulletinTypes.Bulletin, CliFailure> =>
  Effect.gen(function* () {
    const { Edition } = yield* reports
    return yield* Edition.bulletin(
      edition,
      host === undefined ? undefined : (snapshot, asOf) => engines(host, snapshot, asOf)
    )
  })

/**
 * @internal The edition of a bulletin read from the ledger
 * ({@link Edition.read} on {@link Edition.fromLedger}).
 */
const fromLedger = (input: {
  readonly location: string
  readonly campaign: string
  readonly knownAt: string | undefined
  readonly period: Period.Period | undefined
}) =>
  withLedger(
    input.location,
    Effect.gen(function* () {
      const { Edition } = yield* reports
      return yield* Edition.read(Edition.fromLedger(input.campaign), input)
    })
  )

const loadHost = (name: Option.Option<string>, optionsFile: Option.Option<string>) =>
  Effect.gen(function* () {
    if (Option.isNone(name)) return undefined
    const plugin: Plugin.AnyPlugin = yield* resolvePolicy(name.value)
    const opts = Option.isSome(optionsFile) ? yield* readOptions(optionsFile.value) : undefined
    const loaded = Host.load([{ plugin, ...(opts ? { options: opts } : {}) }])
    if (Result.isFailure(loaded))
      return yield* new CliFailure({
        code: 1,
        message: `the policy ${plugin.meta.id} does not load`,
        details: loaded.failure.map((e) => e.message)
      })
    return loaded.success
  })

const emit = (content: string | Uint8Array, file: Option.Option<string>) =>
  Option.isNone(file)
    ? Console.log(typeof content === "string" ? content.trimEnd() : "")
    : typeof content === "string"
      ? writeText(resolve(file.value), content)
      : Effect.gen(function* () {
          const fs = yield* FileSystem.FileSystem
          yield* fs.writeFile(resolve(file.value), content)
        }).pipe(
          Effect.catchTag("PlatformError", (e) =>
            Effect.fail(
              new CliFailure({ code: 1, message: `cannot write ${file.value}: ${e.message}` })
            )
          )
        )

/** @internal `gongjian bulletin`. */
export const bulletin = Command.make(
  "bulletin",
  {
    file: snapshotFile,
    ...ledgerInput,
    policy,
    options,
    lang,
    out,
    period: Flag.String("period").pipe(
      Flag.optional,
      Flag.withDescription(
        "The period: 2026-09-H2, 2026-W38, 2026-09, 2026-Q3, 2026-H2 or 2026 (default: the bulletin period of the snapshot's as-of date)"
      )
    ),
    format: Flag.Literals("format", ["html", "md", "pdf"]).pipe(
      Flag.withDefault("html" as const),
      Flag.withDescription("html (A4 print CSS, default), md, or pdf (needs Chromium and --out)")
    ),
    chromium: Flag.String("chromium").pipe(
      Flag.withDefault("/usr/bin/chromium"),
      Flag.withDescription("The Chromium binary that prints PDF (default /usr/bin/chromium)")
    ),
    issue: Flag.Boolean("issue").pipe(
      Flag.withDefault(false),
      Flag.withDescription(
        "With --campaign: record the bulletin as issued in the ledger (an activity of kind bulletin), so the cadence shows it held and the next bulletin counts from it"
      )
    ),
    issuer: Flag.String("issuer").pipe(
      Flag.optional,
      Flag.withDescription(
        "With --issue: the unit that issues it (default: the campaign's top unit)"
      )
    ),
    user: Flag.String("user").pipe(
      Flag.optional,
      Flag.withDescription("With --issue: who records it (填报人)")
    ),
    unit: Flag.String("unit").pipe(
      Flag.optional,
      Flag.withDescription("With --issue: the unit the user reports for (default: the issuer)")
    ),
    at: Flag.String("at").pipe(
      Flag.optional,
      Flag.withDescription("With --issue: when it was issued, if not now")
    )
  },
  (a) =>
    Effect.gen(function* () {
      const { Bulletin, Cadence, Edition, Pdf } = yield* reports
      let period: Period.Period | undefined
      if (Option.isSome(a.period)) {
        period = Cadence.parsePeriod(a.period.value)
        if (period === undefined)
          return yield* new CliFailure({
            code: 2,
            message: `--period ${JSON.stringify(a.period.value)} is not a period: write 2026-09-H2, 2026-W38, 2026-09, 2026-Q3, 2026-H2 or 2026`
          })
      }
      if (a.format === "pdf" && Option.isNone(a.out))
        return yield* new CliFailure({
          code: 2,
          message: "--format pdf writes a file: name it with --out"
        })
      if (a.issue && (Option.isNone(a.campaign) || Option.isSome(a.file)))
        return yield* new CliFailure({
          code: 2,
          message:
            "--issue records the bulletin in the ledger: read the campaign from it with --campaign"
        })
      if (a.issue && Option.isNone(a.user))
        return yield* new CliFailure({ code: 2, message: "--issue needs --user: who records it" })
      const host = yield* loadHost(a.policy, a.options)
      const location = Option.getOrElse(a.ledger, () => "gongjian-data")
      let b: BulletinTypes.Bulletin
      let snapshot: Snapshot.Snapshot
      if (Option.isSome(a.campaign) && Option.isNone(a.file)) {
        const edition = yield* fromLedger({
          location,
          campaign: a.campaign.value,
          knownAt: Option.getOrUndefined(a.knownAt),
          period
        })
        snapshot = edition.snapshot
        b = yield* buildBulletin(edition, host)
      } else {
        snapshot = yield* readSource(a)
        b = yield* buildBulletin(Edition.ofSnapshot(snapshot, period), host)
      }
      if (a.issue) {
        const tops = snapshot.units.filter((u) => u.parent === undefined).map((u) => u.id)
        const issuer = Option.getOrUndefined(a.issuer) ?? (tops.length === 1 ? tops[0] : undefined)
        if (issuer === undefined || !snapshot.units.some((u) => u.id === issuer))
          return yield* new CliFailure({
            code: 2,
            message:
              issuer === undefined
                ? `the campaign has ${tops.length} top units (${tops.join(", ")}): name the issuing unit with --issuer`
                : `--issuer ${issuer} is not a unit of the campaign`
          })
        const user = Option.getOrThrow(a.user)
        const receipt = yield* withLedger(
          location,
          Ledger.submit({
            campaign: snapshot.campaign.id,
            key: `bulletin:${b.period.label}`,
            by: { user, unit: Option.getOrElse(a.unit, () => issuer) },
            at: Option.getOrUndefined(a.at),
            entries: [{ kind: "activity", value: Bulletin.record(b, { unit: issuer }) }]
          })
        )
        yield* Console.error(
          receipt.replayed
            ? `bulletin ${b.period.label}${b.number === undefined ? "" : ` (no. ${b.number})`} was already recorded as issued (${receipt.recordedAt})`
            : `bulletin ${b.period.label}${b.number === undefined ? "" : ` (no. ${b.number})`} recorded as issued (${receipt.recordedAt})`
        )
      }
      if (a.format === "md") return yield* emit(Bulletin.markdown(b, a.lang), a.out)
      const html = Bulletin.html(b, a.lang)
      if (a.format === "html") return yield* emit(html, a.out)
      const pdf = yield* Pdf.fromHtml(html, { chromiumPath: a.chromium }).pipe(
        Effect.mapError((e) => new CliFailure({ code: 1, message: e.message }))
      )
      return yield* emit(pdf, a.out)
    })
).pipe(
  Command.withDescription(
    "通报。A bulletin (通报) for a period: targets against 序时进度, ranking and moves, commended and criticised units, new exit findings, missed duties; HTML, Markdown or PDF"
  )
)

/** @internal `gongjian chart`. */
export const chart = Command.make(
  "chart",
  {
    kind: Argument.Literals("kind", ["gantt", "progress", "ranking", "heatmap"]).pipe(
      Argument.withDescription("gantt, progress, ranking or heatmap")
    ),
    file: snapshotFile,
    ...ledgerInput,
    policy,
    options,
    out,
    asOf
  },
  (a) =>
    Effect.gen(function* () {
      const { Bulletin, Edition, WallChart } = yield* reports
      const date = Option.getOrUndefined(a.asOf)
      const host = yield* loadHost(a.policy, a.options)
      if (a.kind === "ranking" && host === undefined)
        return yield* new CliFailure({
          code: 2,
          message: "the ranking comes from an assessment: name the policy with --policy"
        })
      const snapshot = yield* readSource(a)
      const asOf = date ?? snapshot.asOf
      const svg =
        a.kind === "gantt"
          ? WallChart.gantt(snapshot, {
              asOf,
              ...(host ? { findings: (yield* engines(host, snapshot, asOf)).findings ?? [] } : {})
            })
          : a.kind === "progress"
            ? WallChart.progress(snapshot, { asOf })
            : a.kind === "heatmap"
              ? WallChart.heatmap(snapshot, { asOf })
              : WallChart.ranking(
                  (yield* buildBulletin(
                    Edition.ofSnapshot(snapshot, Bulletin.currentPeriod(snapshot.campaign, asOf)),
                    host
                  )).ranking
                )
      return yield* emit(svg, a.out)
    })
).pipe(
  Command.withDescription(
    "挂图作战。A wall chart (挂图作战) as SVG: gantt (key projects, 倒排工期), progress (units against 序时进度), ranking, heatmap (units × targets)"
  )
)

/**
 * @internal The demo's reports for one sample: its current bulletin (HTML and
 * Markdown) and the four charts, in `dir`.
 */
export const demoReports = (snapshot: Snapshot.Snapshot, host: Host.Host, dir: string) =>
  Effect.gen(function* () {
    const { Bulletin, Edition, WallChart } = yield* reports
    yield* makeFolder(dir)
    const b = yield* buildBulletin(Edition.ofSnapshot(snapshot), host)
    const { findings } = yield* engines(host, snapshot, snapshot.asOf)
    const files: ReadonlyArray<readonly [string, string]> = [
      ["bulletin.html", Bulletin.html(b)],
      ["bulletin.md", Bulletin.markdown(b)],
      ["gantt.svg", WallChart.gantt(snapshot, { findings: findings ?? [] })],
      ["progress.svg", WallChart.progress(snapshot)],
      ["ranking.svg", WallChart.ranking(b.ranking)],
      ["heatmap.svg", WallChart.heatmap(snapshot)]
    ]
    for (const [name, content] of files) yield* writeText(join(dir, name), content)
    return { bulletin: b, files: files.map(([name]) => join(dir, name)) }
  })
