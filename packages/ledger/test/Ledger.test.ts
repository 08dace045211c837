import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Snapshot } from "@gongjian/core"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import * as SqlClient from "effect/sql/SqlClient"
import type { SqlError } from "effect/sql/SqlError"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { Ledger } from "../src/index.js"
import { type Backend, pglite, postgres } from "./backends.js"

const samples = join(import.meta.dirname, "..", "..", "policies", "samples")
const sample = (name: string) => readFileSync(join(samples, `${name}.json`), "utf8")
const office = { user: "wang.fang", unit: "county-office" }
const town = { user: "zhao.lei", unit: "county-a" }

describe.each([pglite(), postgres()])("the ledger on $name", (backend: Backend) => {
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

  it("exports what it imported: the same JSON, and the same bytes after a second round", async () => {
    for (const name of ["000-hundred-days", "002-investment-drive", "003-construction-year"]) {
      const text = sample(name)
      const [first, second] = await run(
        Effect.gen(function* () {
          const r = yield* Ledger.importSnapshot({ snapshot: JSON.parse(text), by: office })
          const out = yield* Ledger.exportJson({ campaign: r.campaign })
          const again = yield* Ledger.importSnapshot({
            snapshot: JSON.parse(out),
            by: office,
            key: "second"
          })
          // Nothing changed: the second import wrote nothing.
          expect(again.written).toEqual([])
          return [out, yield* Ledger.exportJson({ campaign: r.campaign })]
        })
      )
      // Same values, same key order as the file (its formatting aside).
      expect(first).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`)
      expect(second).toBe(first)
    }
  }, 60_000)

  it("hands the engines the snapshot the file decodes to", async () => {
    const text = sample("004-project-year")
    const fromFile = Result.getOrThrow(Snapshot.decodeJson(text))
    const fromLedger = await run(
      Effect.gen(function* () {
        yield* Ledger.importSnapshot({ snapshot: JSON.parse(text), by: office })
        return yield* Ledger.snapshot({ campaign: fromFile.campaign.id })
      })
    )
    expect(fromLedger).toEqual(fromFile)
  })

  it("treats a retried import as the same import, and reports what a re-import leaves out", async () => {
    const value = JSON.parse(sample("003-construction-year"))
    const withoutOne = { ...value, projects: value.projects.slice(1) }
    const dropped = value.projects[0].id as string
    const out = await run(
      Effect.gen(function* () {
        const first = yield* Ledger.importSnapshot({ snapshot: value, by: office })
        const retry = yield* Ledger.importSnapshot({ snapshot: value, by: office })
        const kept = yield* Ledger.importSnapshot({ snapshot: withoutOne, by: office })
        const keptSnapshot = yield* Ledger.snapshot({ campaign: first.campaign })
        const withdrawn = yield* Ledger.importSnapshot({
          snapshot: withoutOne,
          by: office,
          key: "withdraw",
          omitted: "withdraw",
          reason: "project moved to another campaign"
        })
        const after = yield* Ledger.snapshot({ campaign: first.campaign })
        return { first, retry, kept, keptSnapshot, withdrawn, after }
      })
    )
    expect(out.retry.replayed).toBe(true)
    expect(out.retry.submission).toBe(out.first.submission)
    expect(out.retry.written).toEqual(out.first.written)
    // The file left the project out: said, and the project kept.
    expect(out.kept.omitted).toEqual([{ kind: "project", id: dropped }])
    expect(out.kept.written).toEqual([])
    expect(out.keptSnapshot.projects.map((p) => p.id)).toContain(dropped)
    // Asked to withdraw it: withdrawn with the reason, and gone from the snapshot.
    expect(out.withdrawn.omitted).toEqual([{ kind: "project", id: dropped }])
    // The project and its events, each withdrawn.
    expect(out.withdrawn.written.map((w) => [w.kind, w.id, w.withdrawn])).toEqual([
      ...value.projects[0].events.map((_: unknown, i: number) => [
        "event",
        `${dropped}#${i}`,
        true
      ]),
      ["project", dropped, true]
    ])
    expect(out.after.projects.map((p) => p.id)).not.toContain(dropped)
  })

  it("keeps what was known then: a correction changes the snapshot known after it, not before", async () => {
    const value = JSON.parse(sample("003-construction-year"))
    const report = value.reports[0]
    const out = await run(
      Effect.gen(function* () {
        const imported = yield* Ledger.importSnapshot({
          snapshot: value,
          by: office,
          at: "2026-09-15T10:00:00+08:00"
        })
        const correction = yield* Ledger.submit({
          campaign: imported.campaign,
          key: "correct-fai-h1",
          by: town,
          at: "2026-09-20T09:30:00+08:00",
          entries: [
            {
              kind: "report",
              value: { ...report, value: "30亿元" },
              reason: "统计局反馈：上半年数据更正"
            }
          ]
        })
        const before = yield* Ledger.snapshot({
          campaign: imported.campaign,
          knownAt: "2026-09-15"
        })
        const dayOf = yield* Ledger.snapshot({
          campaign: imported.campaign,
          knownAt: "2026-09-20T09:29:59+08:00"
        })
        const after = yield* Ledger.snapshot({ campaign: imported.campaign, knownAt: "2026-09-20" })
        const history = yield* Ledger.history({
          campaign: imported.campaign,
          kind: "report",
          id: report.id
        })
        const changes = yield* Ledger.changes({
          campaign: imported.campaign,
          from: "2026-09-15",
          to: "2026-09-20"
        })
        return { imported, correction, before, dayOf, after, history, changes }
      })
    )
    const figureOf = (s: Snapshot.Snapshot) => s.reports?.find((r) => r.id === report.id)?.value
    const text = (v: unknown) => JSON.stringify(v)
    expect(text(figureOf(out.before))).toBe(
      text(Result.getOrThrow(Snapshot.decode(value)).reports?.[0]?.value)
    )
    expect(text(figureOf(out.dayOf))).toBe(text(figureOf(out.before)))
    expect(text(figureOf(out.after))).not.toBe(text(figureOf(out.before)))
    expect(out.correction.written).toHaveLength(1)
    expect(out.correction.written[0]).toMatchObject({
      kind: "report",
      id: report.id,
      version: 2,
      supersedes: out.imported.written.find((w) => w.kind === "report" && w.id === report.id)?.seq
    })
    expect(out.history.map((v) => [v.version, v.reason, v.by.unit, v.recordedAt])).toEqual([
      [1, null, "county-office", "2026-09-15T02:00:00.000000Z"],
      [2, "统计局反馈：上半年数据更正", "county-a", "2026-09-20T01:30:00.000000Z"]
    ])
    expect(out.history[1]?.previous).toEqual(report)
    expect(out.changes.map((c) => [c.kind, c.id, c.reason])).toEqual([
      ["report", report.id, "统计局反馈：上半年数据更正"]
    ])
  })

  it("adds events to a project's stream and rejects a stale write with the current version", async () => {
    const value = JSON.parse(sample("002-investment-drive"))
    const project = value.projects[0]
    const n = project.events.length
    const out = await run(
      Effect.gen(function* () {
        const imported = yield* Ledger.importSnapshot({ snapshot: value, by: office })
        const campaign = imported.campaign
        const h = (yield* Ledger.history({ campaign, kind: "project", id: project.id })).length
        const added = yield* Ledger.submit({
          campaign,
          key: "weekly-1",
          by: town,
          entries: [
            {
              kind: "event",
              project: project.id,
              value: { type: "funds-arrived", date: "2026-10-10", amount: "500万元" },
              expectedVersion: h
            }
          ]
        })
        const stale = yield* Effect.flip(
          Ledger.submit({
            campaign,
            key: "weekly-2",
            by: town,
            entries: [
              {
                kind: "event",
                project: project.id,
                value: { type: "funds-arrived", date: "2026-10-11", amount: "300万元" },
                expectedVersion: h
              }
            ]
          })
        )
        const snapshot = yield* Ledger.snapshot({ campaign })
        return { h, added, stale, snapshot }
      })
    )
    expect(out.added.written).toMatchObject([
      { kind: "event", id: `${project.id}#${n}`, version: out.h + 1, supersedes: null }
    ])
    expect(out.stale._tag).toBe("StaleWrite")
    expect(out.stale).toMatchObject({ expected: out.h, current: out.h + 1 })
    expect(out.stale.message).toContain(`project/${project.id}`)
    const events = out.snapshot.projects.find((p) => p.id === project.id)!.events
    expect(events).toHaveLength(n + 1)
    expect(events[n]).toMatchObject({ type: "funds-arrived", date: "2026-10-10" })
  })

  it("replays a retried submission, and refuses its key for other content", async () => {
    const value = JSON.parse(sample("003-construction-year"))
    const report = {
      id: "FAI-county-a-Q3",
      measure: "fixed-asset-investment",
      unit: "county-a",
      on: "2026-09-30",
      value: "12亿元"
    }
    const out = await run(
      Effect.gen(function* () {
        const { campaign } = yield* Ledger.importSnapshot({ snapshot: value, by: office })
        const submission = {
          campaign,
          key: "upload-7f3a",
          by: town,
          entries: [{ kind: "report" as const, value: report }]
        }
        const first = yield* Ledger.submit(submission)
        const retry = yield* Ledger.submit(submission)
        const conflict = yield* Effect.flip(
          Ledger.submit({
            ...submission,
            entries: [{ kind: "report", value: { ...report, value: "13亿元" } }]
          })
        )
        const history = yield* Ledger.history({ campaign, kind: "report", id: report.id })
        return { first, retry, conflict, history }
      })
    )
    expect(out.retry.replayed).toBe(true)
    expect(out.retry.written).toEqual(out.first.written)
    expect(out.conflict._tag).toBe("IdempotencyConflict")
    expect(out.history).toHaveLength(1)
  })

  it("names the record and the field of an entry it refuses, and writes nothing of the submission", async () => {
    const value = JSON.parse(sample("003-construction-year"))
    const out = await run(
      Effect.gen(function* () {
        const { campaign } = yield* Ledger.importSnapshot({ snapshot: value, by: office })
        const bad = yield* Effect.flip(
          Ledger.submit({
            campaign,
            key: "bad",
            by: town,
            entries: [
              {
                kind: "report",
                value: {
                  id: "R-ok",
                  measure: "fixed-asset-investment",
                  unit: "county-a",
                  on: "2026-09-30",
                  value: "1亿元"
                }
              },
              {
                kind: "report",
                value: {
                  id: "R-9",
                  measure: "fixed-asset-investment",
                  unit: "county-a",
                  on: "2026-13-01",
                  value: "1亿元"
                }
              }
            ]
          })
        )
        const noReason = yield* Effect.flip(
          Ledger.submit({
            campaign,
            key: "no-reason",
            by: town,
            entries: [{ kind: "report", value: { ...value.reports[0], value: "1亿元" } }]
          })
        )
        const unknown = yield* Effect.flip(
          Ledger.submit({
            campaign,
            key: "withdraw-x",
            by: town,
            reason: "duplicate",
            entries: [{ kind: "report", id: "R-none" }]
          })
        )
        const history = yield* Ledger.history({ campaign, kind: "report", id: "R-ok" })
        return { bad, noReason, unknown, history }
      })
    )
    expect(out.bad._tag).toBe("InvalidEntry")
    expect(out.bad.message).toContain("report R-9")
    expect(out.bad.message).toContain("on")
    expect(out.noReason.message).toContain(
      `report ${value.reports[0].id}, reason: a correction needs a reason`
    )
    expect(out.unknown.message).toContain("report R-none")
    expect(out.history).toEqual([])
  })

  it("refuses to rewrite the past: updates, deletes and back-dated writes", async () => {
    const value = JSON.parse(sample("003-construction-year"))
    const out = await run(
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const { campaign } = yield* Ledger.importSnapshot({
          snapshot: value,
          by: office,
          at: "2026-09-15T10:00:00+08:00"
        })
        const update = yield* Effect.flip(sql`UPDATE ledger_record SET body = ${"{}"}::text`)
        const del = yield* Effect.flip(sql`DELETE FROM ledger_submission`)
        const truncate = yield* Effect.flip(sql`TRUNCATE ledger_assessment`)
        const backdated = yield* Effect.flip(
          Ledger.submit({
            campaign,
            key: "late",
            by: town,
            reason: "fix",
            at: "2026-09-01",
            entries: [{ kind: "report", value: { ...value.reports[0], value: "1亿元" } }]
          })
        )
        const [{ n }] = (yield* sql<{
          n: number
        }>`SELECT count(*)::int AS n FROM ledger_record`) as [{ n: number }]
        return { update, del, truncate, backdated, n }
      })
    )
    for (const e of [out.update, out.del, out.truncate]) {
      expect(e.reason._tag).toBe("ConstraintError")
      expect(String((e.reason.cause as { message?: unknown }).message)).toContain("append-only")
    }
    expect(out.backdated._tag).toBe("BackdatedWrite")
    expect(out.n).toBeGreaterThan(0)
  })
})
