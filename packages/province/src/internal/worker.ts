// A worker thread of Assess.run: reads a county's snapshot from its
// partition, on the server it lives on, and computes its standing.
import { getHeapStatistics } from "node:v8"
import { parentPort, workerData } from "node:worker_threads"
import { PostgresClient } from "@gongjian/ledger"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Result from "effect/Result"
import type * as SqlClient from "effect/sql/SqlClient"
import type { SqlError } from "effect/sql/SqlError"
import { partitionOf } from "../Layout.js"
import * as ProvincePolicy from "../ProvincePolicy.js"
import * as Standing from "../Standing.js"
import type { Answer, Task } from "./protocol.js"
import { readCounty } from "./read.js"
import { detailOf } from "./sql.js"

const policy = ProvincePolicy.decodeUnsafe((workerData as { policy: unknown }).policy)
const runtimes = new Map<string, ManagedRuntime.ManagedRuntime<SqlClient.SqlClient, SqlError>>()
const runtimeOf = (url: string) => {
  let r = runtimes.get(url)
  if (r === undefined) {
    r = ManagedRuntime.make(PostgresClient.layer(url, { maxConnections: 1 }))
    runtimes.set(url, r)
  }
  return r
}
let peak = 0

const handle = async (task: Task): Promise<Answer> => {
  const t0 = performance.now()
  const read = await runtimeOf(task.url)
    .runPromise(readCounty(partitionOf(task.county), task.county, policy.asOf))
    .then(
      (file) => ({ ok: true as const, file }),
      (e: SqlError) => ({ ok: false as const, detail: detailOf(e) })
    )
  if (!read.ok)
    return {
      county: task.county,
      ok: false,
      error: { _tag: "ServerFailure", code: "read", server: task.server, detail: read.detail }
    }
  const t1 = performance.now()
  const standing = Standing.of(task.county, read.file, policy)
  const t2 = performance.now()
  peak = Math.max(peak, getHeapStatistics().used_heap_size)
  if (Result.isFailure(standing)) {
    const f = standing.failure
    return {
      county: task.county,
      ok: false,
      error: { _tag: "InvalidCounty", code: f.code, field: f.field, detail: f.detail }
    }
  }
  return {
    county: task.county,
    ok: true,
    standing: standing.success,
    readMs: t1 - t0,
    assessMs: t2 - t1,
    peakHeap: peak
  }
}

parentPort!.on("message", (task: Task | "stop") => {
  if (task === "stop") {
    void Promise.all([...runtimes.values()].map((r) => r.dispose())).then(() => parentPort!.close())
    return
  }
  handle(task).then(
    (answer) => parentPort!.postMessage(answer),
    (e: unknown) =>
      parentPort!.postMessage({
        county: task.county,
        ok: false,
        error: { _tag: "WorkerFailure", code: "worker-error", detail: String(e) }
      } satisfies Answer)
  )
})

// Loaded: ready for counties.
parentPort!.postMessage("ready")
