import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import { County, Layout, Load, Storage } from "../src/index.js"

// No server is reached in these tests: the layout and the files are checked first.
const coordinator = { name: "s1", url: "postgres://postgres@127.0.0.1:1/province" }
const servers = [
  { name: "s2", url: "postgres://postgres@127.0.0.1:2/province" },
  { name: "s3", url: "postgres://postgres:secret@127.0.0.1:3/province" }
]

describe("a layout", () => {
  it("places counties round robin in county order, or where `place` says", () => {
    const layout = Result.getOrThrow(
      Layout.make({ coordinator, servers, counties: ["c3", "c1", "c2", "c4"] })
    )
    expect(layout.placement).toEqual([
      { county: "c1", server: "s1" },
      { county: "c2", server: "s2" },
      { county: "c3", server: "s3" },
      { county: "c4", server: "s1" }
    ])
    const none = Result.getOrThrow(
      Layout.make({ coordinator, servers, counties: ["c1", "c2"], place: () => "s3" })
    )
    expect(none.placement.map((p) => p.server)).toEqual(["s3", "s3"])
  })

  it("refuses ids that cannot name a partition, a county twice, and unknown servers", () => {
    const code = (r: ReturnType<typeof Layout.make>) => Result.isFailure(r) && r.failure.code
    expect(code(Layout.make({ coordinator, counties: ["C1"] }))).toBe("bad-id")
    expect(code(Layout.make({ coordinator, counties: ["c1; drop"] }))).toBe("bad-id")
    expect(code(Layout.make({ coordinator, counties: ["c1", "c1"] }))).toBe("duplicate")
    expect(code(Layout.make({ coordinator, counties: ["c1"], place: () => "s9" }))).toBe(
      "unknown-server"
    )
    expect(
      code(Layout.make({ coordinator, servers: [{ ...coordinator }], counties: ["c1"] }))
    ).toBe("unknown-server")
  })

  it("gives each server its counties' tables and the coordinator a partition per county", () => {
    const layout = Result.getOrThrow(Layout.make({ coordinator, servers, counties: County.ids(4) }))
    const plan = Storage.statements(layout)
    expect(plan.servers.map((s) => [s.server, s.sql.map((q) => q.split(" (")[0])])).toEqual([
      ["s2", ["CREATE TABLE IF NOT EXISTS province_record_c002"]],
      ["s3", ["CREATE TABLE IF NOT EXISTS province_record_c003"]]
    ])
    const partitions = plan.coordinator.filter((q) => q.includes("PARTITION OF province_record"))
    expect(partitions.map((q) => q.split(" PARTITION OF")[0])).toEqual([
      "CREATE TABLE IF NOT EXISTS province_record_c001",
      "CREATE FOREIGN TABLE IF NOT EXISTS province_record_c002",
      "CREATE FOREIGN TABLE IF NOT EXISTS province_record_c003",
      "CREATE TABLE IF NOT EXISTS province_record_c004"
    ])
    // The password of a server's URL goes into its user mapping, and only there.
    const mappings = plan.coordinator.filter((q) => q.startsWith("CREATE USER MAPPING"))
    expect(mappings.map((q) => q.includes("password 'secret'"))).toEqual([false, true])
    expect(plan.coordinator.some((q) => q.includes("enable_partitionwise_aggregate = on"))).toBe(
      true
    )
  })
})

describe("a load", () => {
  const layout = Result.getOrThrow(Layout.make({ coordinator, servers, counties: County.ids(2) }))

  it("refuses a county the layout has no partition for, before writing anything", async () => {
    const error = await Effect.runPromise(
      Effect.flip(
        Load.load({
          layout,
          counties: [{ id: "c003", snapshot: County.generate({ id: "c003", projects: 2 }) }]
        })
      )
    )
    expect([error._tag, error._tag === "InvalidCounty" && error.code]).toEqual([
      "InvalidCounty",
      "not-placed"
    ])
  })

  it("refuses a file that is not a snapshot, naming the field, before writing anything", async () => {
    const file = County.generate({ id: "c001", projects: 2 }) as { projects: Array<object> }
    const broken = { ...file, projects: [{ ...file.projects[0], investment: { total: "很多" } }] }
    const error = await Effect.runPromise(
      Effect.flip(Load.load({ layout, counties: [{ id: "c001", snapshot: broken }] }))
    )
    expect(
      error._tag === "InvalidCounty" && [error.code, error.field.startsWith("projects[0]")]
    ).toEqual(["snapshot", true])
  })
})
