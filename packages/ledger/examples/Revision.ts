import { deepEqual, equal } from "node:assert/strict"
import { Ledger, Revision } from "@gongjian/ledger"
import * as Effect from "effect/Effect"

const file = {
  asOf: "2026-09-15",
  campaign: {
    id: "drive-2026",
    title: "招商引资集中攻坚",
    kind: "investment-drive",
    window: { start: "2026-08-01", end: "2026-09-30" },
    phases: [],
    cadence: [],
    assessedUnitKinds: ["town"],
    targets: []
  },
  units: [
    { id: "town-a", name: "甲镇", kind: "town" },
    { id: "town-b", name: "乙镇", kind: "town" }
  ],
  projects: [],
  reports: [
    {
      id: "R-a",
      measure: "fixed-asset-investment",
      unit: "town-a",
      on: "2026-08-31",
      value: "1亿元"
    },
    {
      id: "R-b",
      measure: "fixed-asset-investment",
      unit: "town-b",
      on: "2026-08-31",
      value: "2亿元"
    }
  ]
}
const policy = { id: "fai-ranking", version: "1.0.0", optionsHash: "fnv1a64:0000000000000000" }

// A stand-in for an engine: 10 points per 亿元 of reported investment.
const assess = (reports: ReadonlyArray<{ readonly unit?: string; readonly value: unknown }>) => {
  const points = (unit: string) => {
    const r = reports.find((x) => x.unit === unit)
    return String(Number(String(r?.value).replace("亿元", "")) * 10)
  }
  const units = ["town-a", "town-b"]
    .map((u) => ({ unit: u, name: u === "town-a" ? "甲镇" : "乙镇", total: points(u) }))
    .sort((x, y) => Number(y.total) - Number(x.total))
    .map((u, i) => ({ ...u, rank: i + 1, tiers: [], items: [{ item: "fai", points: u.total }] }))
  return { policy, asOf: "2026-09-15", units }
}

const program = Effect.gen(function* () {
  // #region compare
  yield* Ledger.importSnapshot({
    snapshot: file,
    by: { user: "wang.fang", unit: "county" },
    at: "2026-09-15T17:00:00+08:00"
  })
  // 更正 on 09-20: 甲镇's figure was 3亿元, not 1亿元.
  yield* Ledger.submit({
    campaign: "drive-2026",
    key: "town-a/fai/1",
    by: { user: "zhao.lei", unit: "town-a" },
    at: "2026-09-20T09:00:00+08:00",
    entries: [
      { kind: "report", value: { ...file.reports[0], value: "3亿元" }, reason: "统计局核定" }
    ]
  })
  const read = (knownAt: string) =>
    Effect.map(
      Ledger.exportJson({ campaign: "drive-2026", knownAt }),
      (text) => JSON.parse(text) as typeof file
    )
  // Any assessment of the shape Revision.Ranked compares: the scoring engine's, a plugin host's.
  const published: Revision.Ranked = assess((yield* read("2026-09-15")).reports)
  const revised: Revision.Ranked = assess((yield* read("2026-09-20")).reports)
  const now = yield* Ledger.snapshot({ campaign: "drive-2026", knownAt: "2026-09-20" })
  const changes = yield* Ledger.changes({
    campaign: "drive-2026",
    from: "2026-09-15",
    to: "2026-09-20"
  })
  const revision = Revision.compare(published, revised, changes)
  deepEqual(
    revision.units.map((u) => [u.unit, u.before?.rank, u.after?.rank, u.moved, u.total]),
    [
      ["town-a", 2, 1, 1, "+20"],
      ["town-b", 1, 2, -1, "0"]
    ]
  )
  const first: Revision.UnitChange = revision.units[0]!
  equal(first.because[0]?.reason, "统计局核定")
  const before: Revision.Standing | undefined = first.before
  deepEqual(before, { rank: 2, total: "10", tiers: [] })
  // Both runs kept, with the fingerprint of what they ran on.
  const run: Ledger.Run = yield* Ledger.recordAssessment({
    campaign: "drive-2026",
    snapshot: now,
    knownAt: "2026-09-20",
    assessment: revised,
    by: { user: "wang.fang", unit: "county" },
    label: "revised"
  })
  equal(run.policy.id, "fai-ranking")
  deepEqual(
    (yield* Ledger.assessments({ campaign: "drive-2026" })).map((r) => r.label),
    ["revised"]
  )
  deepEqual(yield* Ledger.assessmentResult({ campaign: "drive-2026", id: run.id }), revised)
  // #endregion compare
})

await Effect.runPromise(program.pipe(Effect.provide(Ledger.layer("memory:"))))
