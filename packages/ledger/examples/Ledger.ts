import { deepEqual, equal, ok } from "node:assert/strict"
import { Ledger, LedgerError, PgliteClient, PostgresClient } from "@gongjian/ledger"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Reactivity from "effect/reactivity/Reactivity"
import * as SqlClient from "effect/sql/SqlClient"

const campaign = {
  id: "drive-2026",
  title: "招商引资集中攻坚",
  kind: "investment-drive",
  window: { start: "2026-08-01", end: "2026-09-30" },
  phases: [],
  cadence: [],
  assessedUnitKinds: ["town"],
  targets: [
    {
      id: "fai",
      title: "固定资产投资",
      measure: "fixed-asset-investment",
      scope: "area",
      goal: "10亿元",
      allocations: [{ unit: "town-a", goal: "10亿元" }]
    }
  ]
}

const file = {
  asOf: "2026-09-15",
  campaign,
  units: [
    { id: "county", name: "示范县", kind: "county" },
    { id: "town-a", name: "甲镇", kind: "town", parent: "county" }
  ],
  projects: [
    {
      id: "P-001",
      name: "新材料产业园",
      unit: "town-a",
      sector: "secondary",
      investment: { total: "6亿元" },
      events: [{ type: "signed", date: "2026-08-20" }]
    }
  ],
  reports: [
    {
      id: "R-1",
      measure: "fixed-asset-investment",
      unit: "town-a",
      on: "2026-08-31",
      value: "1.2亿元"
    }
  ]
}

const program = Effect.gen(function* () {
  // #region open
  // Who records (填报人): a user and the unit they report for.
  const office: Ledger.Author = { user: "wang.fang", unit: "county" }
  const town: Ledger.Author = { user: "zhao.lei", unit: "town-a" }
  // The program runs on `Ledger.layer(location)` (see the end of this file).
  const receipt: Ledger.Receipt = yield* Ledger.importSnapshot({
    snapshot: file,
    by: office,
    at: "2026-09-15T17:00:00+08:00"
  })
  equal(receipt.campaign, "drive-2026")
  equal(receipt.written.length, 7) // campaign, target, 2 units, project, event, report
  // The same file again is the same import: nothing new is written.
  equal((yield* Ledger.importSnapshot({ snapshot: file, by: office })).replayed, true)
  // #endregion open

  // #region correct
  // 更正: the town corrects its report on 09-20, with the reason.
  const kind: Ledger.RecordKind = "report"
  const entry: Ledger.Entry = {
    kind,
    value: { ...file.reports[0], value: "1.5亿元" },
    reason: "统计口径更正"
  }
  // A correction without its reason is refused, naming the record.
  const unexplained = yield* Effect.flip(
    Ledger.submit({
      campaign: "drive-2026",
      key: "town-a/2026-09-20/0",
      by: town,
      at: "2026-09-20T08:00:00+08:00",
      entries: [{ ...entry, reason: undefined }]
    })
  )
  ok(unexplained instanceof LedgerError.InvalidEntry)
  equal(unexplained.record, "report R-1")
  const correction = yield* Ledger.submit({
    campaign: "drive-2026",
    key: "town-a/2026-09-20/1",
    by: town,
    at: "2026-09-20T09:00:00+08:00",
    entries: [entry]
  })
  const written: Ledger.Written = correction.written[0]!
  equal(written.version, 2)
  // The past is not rewritten: a write dated before the report's latest record is refused.
  const backdated = yield* Effect.flip(
    Ledger.submit({
      campaign: "drive-2026",
      key: "town-a/2026-09-19/1",
      by: town,
      at: "2026-09-19T09:00:00+08:00",
      entries: [{ ...entry, value: { ...file.reports[0], value: "1.4亿元" } }]
    })
  )
  ok(backdated instanceof LedgerError.BackdatedWrite)
  const history: ReadonlyArray<Ledger.Version> = yield* Ledger.history({
    campaign: "drive-2026",
    kind: "report",
    id: "R-1"
  })
  deepEqual(
    history.map((v) => [v.version, v.by.unit, v.reason]),
    [
      [1, "county", null],
      [2, "town-a", "统计口径更正"]
    ]
  )
  // #endregion correct

  // #region snapshot
  // What the bulletin of 09-15 was computed on, and what is known now.
  const reading: Ledger.Reading = { campaign: "drive-2026", knownAt: "2026-09-15" }
  const then = yield* Ledger.snapshot(reading)
  const now = yield* Ledger.snapshot({ campaign: "drive-2026" })
  equal(then.asOf, "2026-09-15")
  ok(JSON.stringify(then.reports) !== JSON.stringify(now.reports))
  // The 09-15 reading as snapshot-file JSON, byte for byte what it was.
  const text = yield* Ledger.exportJson({ campaign: "drive-2026", knownAt: "2026-09-15" })
  equal(text, `${JSON.stringify(file, null, 2)}\n`)
  // The engines' as-of view of the same reading: one date, one calendar, histories folded once.
  const view = yield* Ledger.asOfView({ campaign: "drive-2026", knownAt: "2026-09-15" })
  equal(view.asOf, "2026-09-15")
  equal(view.timelines.get("P-001")?.stage, "signed")
  deepEqual(yield* Ledger.campaigns, ["drive-2026"])
  // A campaign the ledger does not hold is a query error naming the field.
  const unknown = yield* Effect.flip(Ledger.snapshot({ campaign: "drive-2027" }))
  ok(unknown instanceof LedgerError.LedgerQueryError)
  // #endregion snapshot

  // #region revise
  // What changed between the two readings, who changed it and why.
  const changed = yield* Ledger.changes({ campaign: "drive-2026", from: "2026-09-15" })
  deepEqual(
    changed.map((c) => [c.kind, c.id, c.reason]),
    [["report", "R-1", "统计口径更正"]]
  )
  // #endregion revise

  // #region concurrency
  // Two reporters read the project's stream at version 2 (the project and
  // its event); the second write is stale and says where the stream is.
  const event = (date: string) => ({
    kind: "event" as const,
    project: "P-001",
    value: { type: "land-supplied", date },
    expectedVersion: 2
  })
  yield* Ledger.submit({
    campaign: "drive-2026",
    key: "a",
    by: town,
    entries: [event("2026-09-21")]
  })
  const stale = yield* Effect.flip(
    Ledger.submit({ campaign: "drive-2026", key: "b", by: town, entries: [event("2026-09-22")] })
  )
  equal(stale._tag, "StaleWrite")
  if (stale instanceof LedgerError.StaleWrite) equal(stale.current, 3)
  // A key used again for other content is a conflict, never a second write.
  const reused = yield* Effect.flip(
    Ledger.submit({ campaign: "drive-2026", key: "a", by: town, entries: [event("2026-09-23")] })
  )
  ok(reused instanceof LedgerError.IdempotencyConflict)
  // Each refusal is one of LedgerError's (a failing database is the SqlClient's SqlError).
  const refusals: ReadonlyArray<LedgerError.LedgerError> = [stale, reused]
  equal(refusals.length, 2)
  // #endregion concurrency
})

// #region server
// The same program runs on a PostgreSQL server: Ledger.layer("postgres://…").
equal(PostgresClient.isUrl("postgres://ledger@db.county.gov.cn/gongjian"), true)
equal(PostgresClient.isUrl("./gongjian-data"), false)
// Or with a pool of your own size (connections are made when the layer is built).
const server = PostgresClient.layer("postgres://ledger@db.county.gov.cn/gongjian", {
  maxConnections: 4
})
ok(server !== undefined)
// #endregion server

// #region layer
// A ledger in memory here; a folder ("./gongjian-data") or a postgres:// URL otherwise.
await Effect.runPromise(program.pipe(Effect.provide(Ledger.layer("memory:"))))
// The embedded back end made by hand: a PGlite client (PgliteClient.make, as a
// layer), its tables created by Ledger.migrate, then any ledger program.
const embedded: PgliteClient.PgliteOptions = {} // { dataDir: "./gongjian-data" } on disk
await Effect.runPromise(
  Ledger.migrate.pipe(
    Effect.andThen(Ledger.campaigns),
    Effect.map((held) => deepEqual(held, [])),
    Effect.provide(PgliteClient.layer(embedded))
  )
)
// PgliteClient.make is the scoped constructor that layer is made of; build
// your own layer from it to add services around the client.
const own = Layer.effect(SqlClient.SqlClient, PgliteClient.make(embedded)).pipe(
  Layer.provide(Reactivity.layer)
)
await Effect.runPromise(Ledger.migrate.pipe(Effect.provide(own)))
// #endregion layer
