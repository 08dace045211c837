import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Postgres } from "../../../scripts/postgres.mjs"
import { County, Layout, Load, Storage } from "../src/index.js"
import { database, query, startServers, stopServers } from "./servers.js"

// A province of 6 counties × 50 projects on 3 PostgreSQL servers: the
// coordinator holds two counties' partitions itself and the other four as
// foreign tables, two on each of the other servers.
const COUNTIES = County.ids(6)
const files = COUNTIES.map((id) => ({ id, snapshot: County.generate({ id, projects: 50 }) }))
// Each county's records: the campaign, 13 units (the county and 12 towns), 50 projects.
const PER_COUNTY = 1 + 13 + 50

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
              ? Effect.promise(async () => {
                  halted = true
                  await s3.halt()
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
})
