import { deepEqual, equal } from "node:assert/strict"
import {
  Assess,
  County,
  Layout,
  League,
  Load,
  ProvinceError,
  ProvincePolicy,
  Storage
} from "@gongjian/province"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
// Two throwaway PostgreSQL servers on 127.0.0.1 (a province's own URLs otherwise).
import { startPostgres } from "../../../scripts/postgres.mjs"

const one = await startPostgres()
const two = await startPostgres()
try {
  // #region setup
  // The coordinator (one) holds the partitioned table; c002 and c004 live on two.
  const counties = County.ids(4)
  const layout = Result.getOrThrow(
    Layout.make({
      coordinator: { name: "one", url: one.url },
      servers: [{ name: "two", url: two.url }],
      counties
    })
  )
  await Effect.runPromise(Storage.setup(layout))
  // #endregion setup

  // #region restart
  // Each county's file is split into records and routed to its partition. Here
  // server two stops (by its pid) after c002's first batch: the load fails, naming it…
  const files: ReadonlyArray<Load.CountyFile> = counties.map((id) => ({
    id,
    snapshot: County.generate({ id, projects: 20 })
  }))
  let halting: Promise<void> | undefined // the shutdown, which the failed load may outrun
  const stopped = await Effect.runPromise(
    Effect.flip(
      Load.load({
        layout,
        counties: files,
        batchSize: 10,
        onBatch: (p: Load.Progress) =>
          p.county === "c002" ? Effect.promise(() => (halting ??= two.halt())) : Effect.void
      })
    )
  )
  equal(stopped._tag === "ServerFailure" && stopped.server, "two")
  // …and once it is back, the same load is simply run again.
  await halting
  two.resume()
  // #endregion restart

  // #region load
  const receipt: Load.Receipt = await Effect.runPromise(Load.load({ layout, counties: files }))
  const c002: Load.CountyReceipt = receipt.counties[1]!
  equal(c002.written + c002.present, c002.records)
  equal(receipt.records, 4 * (1 + 13 + 20)) // the campaign, 13 units, 20 projects each
  // What the first attempt wrote was kept and not written again.
  equal(receipt.written + receipt.present, receipt.records)
  deepEqual(
    receipt.counties.map((c) => [c.county, c.server]),
    [
      ["c001", "one"],
      ["c002", "two"],
      ["c003", "one"],
      ["c004", "two"]
    ]
  )
  // A file changed under a key already loaded is refused, naming the record.
  const changed = County.generate({ id: "c002", projects: 20, seed: 7 })
  const refused = await Effect.runPromise(
    Effect.flip(Load.load({ layout, counties: [{ id: "c002", snapshot: changed }] }))
  )
  equal(refused._tag === "RecordMismatch" && refused.code, "idempotency-conflict")
  // #endregion load

  // #region assess
  // Two worker threads, each reading a county from the server it lives on.
  const policy = ProvincePolicy.standard()
  const run: Assess.Run = await Effect.runPromise(Assess.run({ layout, policy, workers: 2 }))
  const timing: Assess.CountyTiming = run.counties[0]!
  equal(timing.county, "c001")
  // Which worker takes which county depends on timing; every county is assessed by one.
  const uses: ReadonlyArray<Assess.WorkerUse> = run.workers
  equal(
    uses.reduce((n, w) => n + w.counties, 0),
    run.counties.length
  )
  equal(
    uses.filter((w) => w.counties > 0).every((w) => w.peakHeap > 0),
    true
  )
  // A county's file, read back from its partition on its server.
  const back = await Effect.runPromise(Assess.read({ layout, county: "c002", asOf: policy.asOf }))
  deepEqual(back, files[1]!.snapshot)
  deepEqual(run.table.counties.map((c) => c.county).sort(), counties)
  equal(run.workers.length, 2)
  // One thread reading through the coordinator gives the same bytes.
  const single = await Effect.runPromise(Assess.inProcess({ layout, policy }))
  equal(League.render(run.table), League.render(single))
  // A server down while assessing: the county and its server are named.
  await two.halt()
  const down: ProvinceError.ProvinceError = await Effect.runPromise(
    Effect.flip(Assess.run({ layout, policy }))
  )
  // A worker that fails or exits would be a WorkerFailure; here it is the server.
  equal(down instanceof ProvinceError.WorkerFailure, false)
  equal(down._tag === "ServerFailure" && down.server, "two")
  two.resume()
  // #endregion assess
} finally {
  await two.stop()
  await one.stop()
}
