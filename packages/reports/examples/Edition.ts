import { deepEqual, equal, ok } from "node:assert/strict"
import { Correction, Ledger } from "@gongjian/ledger"
import { Host } from "@gongjian/plugin-sdk"
import { all, Samples } from "@gongjian/policies"
import { Bulletin, Cadence, Edition } from "@gongjian/reports"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"

// #region engines
const sample = all.find((e) => e.sample === "002-investment-drive")!
const host = Result.getOrThrow(Host.load([{ plugin: sample.plugin, options: sample.options }]))
// What the engines say of a snapshot as of a date.
const engines = (
  snapshot: Parameters<typeof Host.run>[1],
  asOf: string
): Effect.Effect<Edition.Results> =>
  Effect.sync(() => {
    const run = Host.run(host, snapshot, { asOf })
    return { assessment: run.assessments[0]?.assessment, findings: run.findings }
  })
// #endregion engines

const program = Effect.gen(function* () {
  // #region ledger
  // The 002 drive kept in the ledger; its bulletin of 2026-09-H1 issued on
  // 09-16, a project corrected on 09-20.
  const campaign = "investment-drive-2026"
  const by = { user: "wang.fang", unit: "district" }
  yield* Ledger.importSnapshot({
    snapshot: Samples.json("002-investment-drive"),
    by,
    at: "2026-09-16T09:00:00+08:00"
  })
  const source = Edition.fromLedger(campaign)
  const first = yield* Edition.read(source, { period: Cadence.parsePeriod("2026-09-H1") })
  const h1 = yield* Edition.bulletin(first, engines)
  yield* Ledger.submit({
    campaign,
    key: "bulletin:2026-09-H1",
    by,
    at: "2026-09-16T10:00:00+08:00",
    entries: [{ kind: "activity", value: Bulletin.record(h1, { unit: "district" }) }]
  })
  const [d3] = yield* Ledger.history({ campaign, kind: "project", id: "D3" })
  yield* Ledger.submit({
    campaign,
    key: "town-d/2026-09-20",
    by: { user: "zhao.lei", unit: "town-d" },
    at: "2026-09-20T09:00:00+08:00",
    reason: "项目名称更正",
    entries: [{ kind: "project", value: { ...(d3!.value as object), name: "乡村旅游（一期）" } }]
  })
  // The next bulletin counts its moves from the one issued, as the ledger
  // knew the campaign then, and lists the correction filed since.
  const edition = yield* Edition.read(source, { period: Cadence.parsePeriod("2026-09-H2") })
  ok(edition.previousSnapshot !== undefined)
  deepEqual(
    edition.corrections.map((c) => [c.record, c.field, c.after, c.by, c.on]),
    [["project D3", "name", "乡村旅游（一期）", "zhao.lei（town-d）", "2026-09-20"]]
  )
  // The ledger's corrections as the bulletin lists them.
  const [filed] = yield* Correction.between({ campaign, from: "2026-09-16T10:00:00+08:00" })
  deepEqual(Edition.correction(filed!), edition.corrections[0])
  const h2 = yield* Edition.bulletin(edition, engines)
  deepEqual(h2.previous, { asOf: "2026-09-15", record: "bulletin-2026-09-H1" })
  equal(h2.number, 4)
  // #endregion ledger
})

await Effect.runPromise(program.pipe(Effect.provide(Ledger.layer("memory:"))))

// #region snapshot
// From a snapshot file alone: the previous bulletin's figures from the same
// snapshot, as of the previous period's end, and no corrections.
const snapshot = Samples.load("002-investment-drive")
const edition = Edition.ofSnapshot(snapshot)
equal(edition.period.label, "2026-09-H2")
const bulletin = await Effect.runPromise(Edition.bulletin(edition, engines))
deepEqual(bulletin.previous, { asOf: "2026-09-15", record: undefined })
deepEqual(bulletin.corrections, [])
// Any store that keeps versions with their times is a Source; this one
// knows only the snapshot, and reads the same edition.
const fixed: Edition.Source = {
  snapshot: () => Effect.succeed(snapshot),
  recordedAt: () => Effect.succeed(undefined),
  corrections: () => Effect.succeed([])
}
deepEqual(await Effect.runPromise(Edition.read(fixed)), edition)
// #endregion snapshot
