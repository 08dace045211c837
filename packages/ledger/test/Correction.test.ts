import * as Effect from "effect/Effect"
import type * as SqlClient from "effect/sql/SqlClient"
import type { SqlError } from "effect/sql/SqlError"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { Correction, Ledger } from "../src/index.js"
import { pglite } from "./backends.js"

const file = {
  asOf: "2026-09-15",
  campaign: {
    id: "drive",
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
        allocations: [
          { unit: "town-a", goal: "6亿元" },
          { unit: "town-b", goal: "4亿元" }
        ]
      }
    ]
  },
  units: [
    { id: "county", name: "示范县", kind: "county" },
    { id: "town-a", name: "甲镇", kind: "town", parent: "county" },
    { id: "town-b", name: "乙镇", kind: "town", parent: "county" }
  ],
  projects: [],
  reports: [
    {
      id: "R-1",
      measure: "fixed-asset-investment",
      unit: "town-a",
      on: "2026-08-31",
      value: "1.2亿元"
    },
    {
      id: "R-2",
      measure: "fixed-asset-investment",
      unit: "town-b",
      on: "2026-08-31",
      value: "0.8亿元"
    }
  ]
}

const office = { user: "wang.fang", unit: "county" }

describe("Correction on PGlite", () => {
  const backend = pglite()
  beforeAll(() => backend.start(), 120_000)
  afterAll(() => backend.stop(), 60_000)
  const run = async <A, E>(program: Effect.Effect<A, E, SqlClient.SqlClient>): Promise<A> => {
    const db = await backend.fresh()
    try {
      return await Effect.runPromise(
        program.pipe(Effect.provide(db.layer)) as Effect.Effect<A, E | SqlError>
      )
    } finally {
      await db.close()
    }
  }

  it("lists each changed field with before, after, reason, who and the Beijing day, between two times", async () => {
    const filed = await run(
      Effect.gen(function* () {
        yield* Ledger.importSnapshot({
          snapshot: file,
          by: office,
          at: "2026-09-01T09:00:00+08:00"
        })
        // 09-10: a new report (not a correction).
        yield* Ledger.submit({
          campaign: "drive",
          key: "new",
          by: office,
          at: "2026-09-10T09:00:00+08:00",
          entries: [
            {
              kind: "report",
              value: {
                id: "R-3",
                measure: "fixed-asset-investment",
                unit: "town-a",
                on: "2026-09-10",
                value: "1亿元"
              }
            }
          ]
        })
        // 09-16 01:30 in Beijing (09-15 17:30 UTC): town-b's allocation 4亿 → 5亿 and the total 10亿 → 11亿.
        yield* Ledger.submit({
          campaign: "drive",
          key: "target",
          by: office,
          at: "2026-09-15T17:30:00Z",
          reason: "区里调整分解任务",
          entries: [
            {
              kind: "target",
              value: {
                ...file.campaign.targets[0],
                goal: "11亿元",
                allocations: [
                  { unit: "town-a", goal: "6亿元" },
                  { unit: "town-b", goal: "5亿元" }
                ]
              }
            }
          ]
        })
        // 09-20: town-a corrects R-1 and withdraws R-3.
        yield* Ledger.submit({
          campaign: "drive",
          key: "town-a",
          by: { user: "zhao.lei", unit: "town-a" },
          at: "2026-09-20T10:00:00+08:00",
          reason: "统计口径更正",
          entries: [
            { kind: "report", value: { ...file.reports[0], value: "1.5亿元" } },
            { kind: "report", id: "R-3" }
          ]
        })
        return {
          all: yield* Correction.between({ campaign: "drive", from: "2026-09-01" }),
          untilThe16th: yield* Correction.between({
            campaign: "drive",
            from: "2026-09-01",
            to: "2026-09-16"
          }),
          fromThe16th: yield* Correction.between({ campaign: "drive", from: "2026-09-16" })
        }
      })
    )
    const rows = (list: ReadonlyArray<Correction.Correction>) =>
      list.map((c) => [
        c.record,
        c.field ?? null,
        c.before ?? null,
        c.after ?? null,
        c.withdrawn,
        c.reason ?? null,
        c.by.user,
        c.on
      ])
    // The new report R-3 of 09-10 is not a correction; the target's two fields, R-1's value
    // and R-3's withdrawal are, in the order filed. 17:30 UTC on 09-15 is 01:30 on 09-16 in Beijing.
    expect(rows(filed.all)).toEqual([
      [
        "target fai",
        "goal",
        "10亿元",
        "11亿元",
        false,
        "区里调整分解任务",
        "wang.fang",
        "2026-09-16"
      ],
      [
        "target fai",
        "allocations[1].goal",
        "4亿元",
        "5亿元",
        false,
        "区里调整分解任务",
        "wang.fang",
        "2026-09-16"
      ],
      [
        "report R-1",
        "value",
        "1.2亿元",
        "1.5亿元",
        false,
        "统计口径更正",
        "zhao.lei",
        "2026-09-20"
      ],
      ["report R-3", null, null, null, true, "统计口径更正", "zhao.lei", "2026-09-20"]
    ])
    // `to` includes the end of its day in Beijing (the target's change), `from` excludes it.
    expect(rows(filed.untilThe16th).map((r) => r[0])).toEqual(["target fai", "target fai"])
    expect(rows(filed.fromThe16th).map((r) => r[0])).toEqual(["report R-1", "report R-3"])
  })
})
