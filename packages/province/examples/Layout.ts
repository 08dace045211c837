import { deepEqual, equal, ok } from "node:assert/strict"
import { Layout, ProvinceError, Storage } from "@gongjian/province"
import * as Result from "effect/Result"

// #region make
// Three servers; the coordinator holds the partitioned table and some partitions itself.
const coordinator: Layout.Server = {
  name: "s1",
  url: "postgres://province@10.0.0.1:5432/province"
}
const layout = Result.getOrThrow(
  Layout.make({
    coordinator,
    servers: [
      { name: "s2", url: "postgres://province@10.0.0.2:5432/province" },
      { name: "s3", url: "postgres://province@10.0.0.3:5432/province" }
    ],
    // County ids are division codes (行政区划代码); placed round robin, in order.
    counties: ["320583", "320581", "320582", "320585"]
  })
)
const placement: ReadonlyArray<Layout.Placement> = layout.placement
deepEqual(placement, [
  { county: "320581", server: "s1" },
  { county: "320582", server: "s2" },
  { county: "320583", server: "s3" },
  { county: "320585", server: "s1" }
])
equal(Layout.partitionOf("320583"), "province_record_320583")
equal(Result.getOrThrow(Layout.serverOf(layout, "320583")).name, "s3")
ok(Layout.isId("320583"))
// #endregion make

// #region errors
// A county id must be able to name its partition; a county has one place.
const bad = Layout.make({
  coordinator: { name: "s1", url: "postgres://province@10.0.0.1/province" },
  counties: ["昆山市"]
})
equal(Result.isFailure(bad) && bad.failure instanceof ProvinceError.InvalidCounty, true)
equal(Result.isFailure(bad) && bad.failure.code, "bad-id")
const missing = Layout.serverOf(layout, "320584")
equal(Result.isFailure(missing) && missing.failure.code, "not-placed")
// #endregion errors

// #region statements
// What setting the province up runs: each server's tables, then the coordinator's.
const plan = Storage.statements(layout)
deepEqual(
  plan.servers.map((s) => [s.server, s.sql.length]),
  [
    ["s2", 1],
    ["s3", 1]
  ]
)
ok(plan.coordinator.some((s) => s.includes("PARTITION BY LIST (county)")))
ok(
  plan.coordinator.some((s) =>
    s.startsWith("CREATE FOREIGN TABLE IF NOT EXISTS province_record_320583 PARTITION OF")
  )
)
// #endregion statements
