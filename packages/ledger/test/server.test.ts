import { spawn } from "node:child_process"
import { readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as Effect from "effect/Effect"
import * as SqlClient from "effect/sql/SqlClient"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { Ledger, PostgresClient } from "../src/index.js"
import { postgres } from "./backends.js"

// Under load and faults, against a real PostgreSQL server.
const backend = postgres()
const samples = join(import.meta.dirname, "..", "..", "policies", "samples")
const sample = (name: string) => JSON.parse(readFileSync(join(samples, `${name}.json`), "utf8"))
const office = { user: "wang.fang", unit: "county-office" }

const count = (sql: SqlClient.SqlClient, where: string) =>
  Effect.map(
    sql<{ n: number }>`SELECT count(*)::int AS n FROM ledger_record WHERE ${sql.literal(where)}`,
    (rows) => Number(rows[0]!.n)
  )

describe("the ledger on a PostgreSQL server", () => {
  beforeAll(() => backend.start(), 120_000)
  afterAll(() => backend.stop(), 60_000)

  it("keeps every record of 20 concurrent writers × 500 records exactly once", async () => {
    const db = await backend.fresh()
    const value = sample("003-construction-year")
    const units = (value.units as Array<{ id: string }>).map((u) => u.id)
    const projects = (value.projects as Array<{ id: string }>).slice(0, 4).map((p) => p.id)
    const writers = 20
    const submissions = 50
    const perSubmission = 10
    const program = Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      const { campaign } = yield* Ledger.importSnapshot({ snapshot: value, by: office })
      const eventsBefore = yield* count(sql, "kind = 'event'")
      const writer = (w: number) =>
        Effect.forEach(
          Array.from({ length: submissions }, (_, s) => s),
          (s) => {
            const submission = {
              campaign,
              key: `writer-${w}/${s}`,
              by: { user: `reporter-${w}`, unit: units[w % units.length]! },
              entries: [
                // Nine reports of the writer's own, and an event on a project
                // every writer reports on: the project streams are contested.
                ...Array.from({ length: perSubmission - 1 }, (_, r) => ({
                  kind: "report" as const,
                  value: {
                    id: `W${w}-S${s}-R${r}`,
                    measure: "fixed-asset-investment",
                    unit: units[w % units.length],
                    on: "2026-09-30",
                    value: `${w + s + r + 1}万元`
                  }
                })),
                {
                  kind: "event" as const,
                  project: projects[(w + s) % projects.length]!,
                  value: {
                    type: "funds-arrived",
                    date: "2026-09-30",
                    amount: `${w * 100 + s + 1}万元`
                  }
                }
              ]
            }
            // Every upload is sent twice, as a client retrying after a lost answer does.
            return Effect.zip(Ledger.submit(submission), Ledger.submit(submission), {
              concurrent: true
            })
          },
          { concurrency: 1 }
        )
      const receipts = yield* Effect.all(
        Array.from({ length: writers }, (_, w) => writer(w)),
        { concurrency: "unbounded" }
      )
      const reports = yield* count(sql, "kind = 'report' AND record_id LIKE 'W%'")
      const distinct = yield* Effect.map(
        sql<{
          n: number
        }>`SELECT count(DISTINCT record_id)::int AS n FROM ledger_record WHERE kind = 'report' AND record_id LIKE 'W%'`,
        (rows) => Number(rows[0]!.n)
      )
      const events = (yield* count(sql, "kind = 'event'")) - eventsBefore
      // Each project stream's versions run 1, 2, 3 … without a gap or a repeat.
      const gaps = yield* sql<{ stream: string }>`SELECT stream FROM ledger_record
        WHERE stream LIKE 'project/%' GROUP BY stream HAVING max(version) <> count(*)`
      const snapshot = yield* Ledger.snapshot({ campaign })
      return { receipts, reports, distinct, events, gaps, snapshot }
    })
    const out = await Effect.runPromise(
      program.pipe(Effect.provide(PostgresClient.layer(db.url!, { maxConnections: 20 })))
    )
    const total = writers * submissions * (perSubmission - 1)
    expect(out.reports).toBe(total)
    expect(out.distinct).toBe(total)
    expect(out.events).toBe(writers * submissions)
    expect(out.gaps).toEqual([])
    // Of each pair, one wrote and the other got the same receipt back.
    for (const pairs of out.receipts)
      for (const [a, b] of pairs) {
        expect(a.submission).toBe(b.submission)
        expect([a.replayed, b.replayed].sort()).toEqual([false, true])
      }
    expect(out.snapshot.reports?.filter((r) => r.id.startsWith("W"))).toHaveLength(total)
  }, 300_000)

  it("leaves the ledger as it was when an import is killed midway", async () => {
    const db = await backend.fresh()
    const value = sample("003-construction-year")
    // A big second file: the same campaign with many more projects.
    const big = {
      ...value,
      projects: Array.from({ length: 20_000 }, (_, i) => ({
        id: `BIG-${i}`,
        name: `项目 ${i}`,
        unit: value.units[1].id,
        sector: "secondary",
        events: [{ type: "signed", date: "2026-03-01" }]
      }))
    }
    const file = join(tmpdir(), `gongjian-big-${process.pid}.json`)
    writeFileSync(file, JSON.stringify(big))
    const state = Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      const records = yield* count(sql, "TRUE")
      const submissions = yield* Effect.map(
        sql<{ n: number }>`SELECT count(*)::int AS n FROM ledger_submission`,
        (rows) => Number(rows[0]!.n)
      )
      const text = yield* Ledger.exportJson({ campaign: value.campaign.id, knownAt: "2100-01-01" })
      return { records, submissions, text }
    })
    const layer = PostgresClient.layer(db.url!, { maxConnections: 2 })
    const before = await Effect.runPromise(
      Effect.gen(function* () {
        yield* Ledger.importSnapshot({ snapshot: value, by: office })
        return yield* state
      }).pipe(Effect.provide(layer))
    )
    // The importer, in a process of its own, killed once its records are being inserted.
    const child = spawn(
      process.execPath,
      [join(import.meta.dirname, "fixtures", "import.mjs"), db.url!, file],
      { stdio: ["ignore", "pipe", "pipe"] }
    )
    let output = ""
    child.stdout.on("data", (d) => {
      output += String(d)
    })
    const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)))
    const inserting = await Effect.runPromise(
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        for (let i = 0; i < 6000; i++) {
          const rows = yield* sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE application_name = 'gongjian-ledger' AND state <> 'idle'
              AND query LIKE ${"INSERT INTO ledger_record%"}::text`
          if (Number(rows[0]!.n) > 0) return true
          yield* Effect.sleep("10 millis")
        }
        return false
      }).pipe(Effect.provide(layer))
    )
    child.kill("SIGKILL")
    await exited
    expect(inserting).toBe(true)
    expect(output).not.toContain("imported")
    const after = await Effect.runPromise(state.pipe(Effect.provide(layer)))
    expect(after.records).toBe(before.records)
    expect(after.submissions).toBe(before.submissions)
    expect(after.text).toBe(before.text)
  }, 300_000)
})
