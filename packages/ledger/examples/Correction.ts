import { deepEqual, equal } from "node:assert/strict"
import { Correction, Ledger } from "@gongjian/ledger"
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
  ]
}

const program = Effect.gen(function* () {
  // #region between
  // The bulletin of 09-15 was issued from what the ledger knew then.
  yield* Ledger.importSnapshot({
    snapshot: file,
    by: { user: "wang.fang", unit: "county" },
    at: "2026-09-15T17:00:00+08:00"
  })
  // 更正 on 09-20: the town corrects the project's total investment (the
  // project without its events, which are records of their own).
  const { events: _, ...project } = file.projects[0]!
  yield* Ledger.submit({
    campaign: "drive-2026",
    key: "town-a/2026-09-20/1",
    by: { user: "zhao.lei", unit: "town-a" },
    at: "2026-09-20T09:00:00+08:00",
    reason: "按合同更正总投资",
    entries: [{ kind: "project", value: { ...project, investment: { total: "8亿元" } } }]
  })
  // What the next bulletin lists: filed after the 09-15 bulletin, up to the end of 09-30.
  const filed = yield* Correction.between({
    campaign: "drive-2026",
    from: "2026-09-15T17:00:00+08:00",
    to: "2026-09-30"
  })
  deepEqual(
    filed.map((c) => [c.record, c.field, c.before, c.after, c.reason, c.by.user, c.on]),
    [
      [
        "project P-001",
        "investment.total",
        "6亿元",
        "8亿元",
        "按合同更正总投资",
        "zhao.lei",
        "2026-09-20"
      ]
    ]
  )
  // Nothing was corrected before the 09-15 bulletin.
  equal(
    (yield* Correction.between({ campaign: "drive-2026", from: "2026-08-01", to: "2026-09-15" }))
      .length,
    0
  )
  // The corrections of one version, read from the record's history.
  const history = yield* Ledger.history({ campaign: "drive-2026", kind: "project", id: "P-001" })
  const corrected = history.find((v) => v.supersedes !== null)!
  deepEqual(
    Correction.ofVersion(corrected).map((c) => [c.field, c.before, c.after]),
    [["investment.total", "6亿元", "8亿元"]]
  )
  // #endregion between
})

await Effect.runPromise(program.pipe(Effect.provide(Ledger.layer("memory:"))))
