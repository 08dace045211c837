import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Postgres } from "../../../scripts/postgres.mjs"
import {
  Assess,
  County,
  Layout,
  League,
  Load,
  ProvincePolicy,
  Standing,
  Storage
} from "../src/index.js"
import { database, query, startServers, stopServers } from "./servers.js"

// A province of 6 counties × 50 projects on 3 PostgreSQL servers: the
// coordinator holds two counties' partitions itself and the other four as
// foreign tables, two on each of the other servers.
const COUNTIES = County.ids(6)
const files = COUNTIES.map((id) => ({ id, snapshot: County.generate({ id, projects: 50 }) }))
// Each county's records: the campaign, 13 units (the county and 12 towns), 50 projects.
const PER_COUNTY = 1 + 13 + 50

const policy = ProvincePolicy.standard()

/** The league table computed from the generated files themselves, no database involved. */
const fromFiles = () =>
  League.render(
    Result.getOrThrow(
      League.merge(
        policy,
        files.map((f) => Result.getOrThrow(Standing.of(f.id, f.snapshot, policy)))
      )
    )
  )

let servers: ReadonlyArray<Postgres> = []
const layoutOn = async (db: string) => {
  const urls = await Promise.all(servers.map((s) => database(s, db)))
  return Result.getOrThrow(
    Layout.make({
      coordinator: { name: "s1", url: urls[0]! },
      servers: [
        { name: "s2", url: urls[1]! },
        { name: "s3", url: urls[2]! }
      ],
      counties: COUNTIES
    })
  )
}

describe("a province on three PostgreSQL servers", () => {
  beforeAll(async () => {
    servers = await startServers(3)
  }, 120_000)
  afterAll(() => stopServers(servers), 60_000)

  it("routes each county's records to its partition, on the server it is placed on", async () => {
    const layout = await layoutOn("routing")
    expect(layout.placement).toEqual([
      { county: "c001", server: "s1" },
      { county: "c002", server: "s2" },
      { county: "c003", server: "s3" },
      { county: "c004", server: "s1" },
      { county: "c005", server: "s2" },
      { county: "c006", server: "s3" }
    ])
    await Effect.runPromise(Storage.setup(layout))
    // Setting up again changes nothing.
    await Effect.runPromise(Storage.setup(layout))
    const receipt = await Effect.runPromise(Load.load({ layout, counties: files, batchSize: 20 }))
    expect(receipt.records).toBe(6 * PER_COUNTY)
    expect(receipt.written).toBe(6 * PER_COUNTY)
    expect(receipt.counties.map((c) => [c.county, c.server, c.written])).toEqual(
      layout.placement.map((p) => [p.county, p.server, PER_COUNTY])
    )
    // Each server holds exactly its own counties' rows, in their own tables.
    const s2 = await query<{ county: string; n: number }>(
      layout.servers[0]!.url,
      "SELECT county, count(*)::int AS n FROM province_record_c002 GROUP BY county UNION ALL SELECT county, count(*)::int FROM province_record_c005 GROUP BY county ORDER BY 1"
    )
    expect(s2).toEqual([
      { county: "c002", n: PER_COUNTY },
      { county: "c005", n: PER_COUNTY }
    ])
    const foreign = await query<{ relname: string }>(
      layout.coordinator.url,
      "SELECT c.relname FROM pg_class c JOIN pg_foreign_table f ON f.ftrelid = c.oid ORDER BY 1"
    )
    expect(foreign.map((r) => r.relname)).toEqual([
      "province_record_c002",
      "province_record_c003",
      "province_record_c005",
      "province_record_c006"
    ])
    // A one-county query touches only its partition.
    const plan = await query<{ "QUERY PLAN": string }>(
      layout.coordinator.url,
      "EXPLAIN SELECT count(*) FROM province_record WHERE county = 'c003'"
    )
    const text = plan.map((r) => r["QUERY PLAN"]).join("\n")
    expect(text).toContain("province_record_c003")
    expect(text).not.toContain("province_record_c002")
    // A second load of the same files writes nothing.
    const again = await Effect.runPromise(Load.load({ layout, counties: files }))
    expect([again.written, again.present]).toEqual([0, 6 * PER_COUNTY])
  }, 120_000)

  it("survives a server restarting mid-load: the retry loses nothing and writes nothing twice", async () => {
    const layout = await layoutOn("restart")
    await Effect.runPromise(Storage.setup(layout))
    const s3 = servers[2]!
    let halted = false
    // The load fails as soon as s3's connections drop, which may interrupt the batch hook
    // before s3 has finished shutting down: the test waits for the shutdown itself.
    let halting: Promise<void> | undefined
    // After c003's (on s3) second batch of 10 records, s3 stops: fast shutdown, by its pid.
    const first = await Effect.runPromise(
      Effect.flip(
        Load.load({
          layout,
          counties: files,
          batchSize: 10,
          concurrency: 2,
          onBatch: (p) =>
            p.county === "c003" && p.batch === 2 && !halted
              ? Effect.promise(() => {
                  halted = true
                  halting = s3.halt()
                  return halting
                })
              : Effect.void
        })
      )
    )
    expect(halted).toBe(true)
    expect([first._tag, first._tag === "ServerFailure" && first.code]).toEqual([
      "ServerFailure",
      "load"
    ])
    await halting
    s3.resume()
    const retry = await Effect.runPromise(
      Load.load({ layout, counties: files, batchSize: 10, concurrency: 2 })
    )
    // c003's first two batches were kept, and not written again.
    const c003 = retry.counties.find((c) => c.county === "c003")!
    expect(c003.present).toBeGreaterThanOrEqual(20)
    expect(c003.written + c003.present).toBe(PER_COUNTY)
    expect(retry.written + retry.present).toBe(6 * PER_COUNTY)
    expect(retry.present).toBeGreaterThan(0)
    const counts = await query<{ county: string; n: number; keys: number }>(
      layout.coordinator.url,
      "SELECT county, count(*)::int AS n, count(DISTINCT key)::int AS keys FROM province_record GROUP BY county ORDER BY county"
    )
    expect(counts).toEqual(COUNTIES.map((county) => ({ county, n: PER_COUNTY, keys: PER_COUNTY })))
  }, 120_000)

  it("ranks the counties the same, byte for byte, distributed over three servers in worker threads as on one server in one thread", async () => {
    const distributed = await layoutOn("distributed")
    const url = await database(servers[0]!, "single")
    const single = Result.getOrThrow(
      Layout.make({ coordinator: { name: "only", url }, counties: COUNTIES })
    )
    for (const layout of [distributed, single]) {
      await Effect.runPromise(Storage.setup(layout))
      await Effect.runPromise(Load.load({ layout, counties: files }))
    }
    const run = await Effect.runPromise(Assess.run({ layout: distributed, policy, workers: 2 }))
    const one = await Effect.runPromise(Assess.inProcess({ layout: single, policy }))
    const text = League.render(run.table)
    expect(text).toBe(League.render(one))
    expect(text).toBe(fromFiles())
    // Every county was assessed once, by one of the two workers, from the server it lives on.
    expect(run.workers.map((w) => w.worker)).toEqual([1, 2])
    expect(run.workers.reduce((n, w) => n + w.counties, 0)).toBe(6)
    expect(run.counties.map((c) => [c.county, c.server])).toEqual(
      distributed.placement.map((p) => [p.county, p.server])
    )
    expect(run.table.counties.map((c) => c.county).sort()).toEqual([...COUNTIES])
    expect(run.table.counties.map((c) => c.rank)).toEqual([1, 2, 3, 4, 5, 6])
    // Reading a county back gives the file that was loaded.
    const back = await Effect.runPromise(
      Assess.read({ layout: distributed, county: "c005", asOf: County.AS_OF })
    )
    expect(back).toEqual(files[4]!.snapshot)
  }, 180_000)

  it("names the server when a county's server is down while assessing", async () => {
    const layout = await layoutOn("down")
    await Effect.runPromise(Storage.setup(layout))
    await Effect.runPromise(Load.load({ layout, counties: files }))
    await servers[1]!.halt()
    try {
      const error = await Effect.runPromise(Effect.flip(Assess.run({ layout, policy, workers: 2 })))
      expect([error._tag, error._tag === "ServerFailure" && error.server]).toEqual([
        "ServerFailure",
        "s2"
      ])
    } finally {
      servers[1]!.resume()
    }
  }, 180_000)
})
