/**
 * Assessing a province (全省考核): each county's snapshot read from its
 * partition and its standing computed — in parallel, one county at a time per
 * worker thread, each worker reading from the server the county lives on — and
 * the standings merged into the league table. `inProcess` computes the same
 * table in one thread, reading through the coordinator: the two give the
 * same bytes.
 *
 * @since 0.1.0
 */
import { availableParallelism } from "node:os"
import { Worker } from "node:worker_threads"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import type { Answer, Task } from "./internal/protocol.js"
import { readCounty } from "./internal/read.js"
import { onServer } from "./internal/sql.js"
import { type Layout, partitionOf, serverOf } from "./Layout.js"
import * as League from "./League.js"
import { InvalidCounty, ServerFailure, WorkerFailure } from "./ProvinceError.js"
import * as ProvincePolicy from "./ProvincePolicy.js"
import * as Standing from "./Standing.js"

/**
 * How long one county took: reading its snapshot from its partition, and
 * computing its standing, in milliseconds; the worker that did it.
 *
 * @example
 * {@includeCode ../examples/Province.ts#assess}
 *
 * @since 0.1.0
 * @category models
 */
export interface CountyTiming {
  readonly county: string
  readonly server: string
  readonly worker: number
  readonly readMs: number
  readonly assessMs: number
}

/**
 * A worker thread's share: the counties it assessed and the largest heap it
 * used after one of them, in bytes.
 *
 * @example
 * {@includeCode ../examples/Province.ts#assess}
 *
 * @since 0.1.0
 * @category models
 */
export interface WorkerUse {
  readonly worker: number
  readonly counties: number
  readonly peakHeap: number
}

/**
 * What `run` gives: the league table, and how it was computed: per county,
 * per worker, the time until the last worker thread had loaded
 * (`startMs`), and the whole run (`ms`, starting the workers included), in
 * milliseconds. Only the table is a result: the timings differ from run to
 * run.
 *
 * @example
 * {@includeCode ../examples/Province.ts#assess}
 *
 * @since 0.1.0
 * @category models
 */
export interface Run {
  readonly table: League.LeagueTable
  readonly counties: ReadonlyArray<CountyTiming>
  readonly workers: ReadonlyArray<WorkerUse>
  readonly startMs: number
  readonly ms: number
}

/**
 * A county's snapshot file as of the policy's date, read from its partition
 * on the server it lives on.
 *
 * @example
 * {@includeCode ../examples/Province.ts#assess}
 *
 * @since 0.1.0
 * @category reading
 */
export const read = (options: {
  readonly layout: Layout
  readonly county: string
  readonly asOf: string
}): Effect.Effect<unknown, InvalidCounty | ServerFailure> =>
  Effect.gen(function* () {
    const server = serverOf(options.layout, options.county)
    if (Result.isFailure(server)) return yield* Effect.fail(server.failure)
    return yield* onServer(
      server.success,
      "read",
      options.county,
      readCounty(partitionOf(options.county), options.county, options.asOf)
    )
  })

// From the sources (the tests, the examples) the worker is the built one:
// a worker thread loads plain JavaScript.
const workerUrl = new URL(
  import.meta.url.endsWith(".ts") ? "../dist/internal/worker.js" : "./internal/worker.js",
  import.meta.url
)

type Outcome =
  | {
      readonly ok: true
      readonly answers: ReadonlyArray<Answer & { ok: true; worker: number }>
      readonly startMs: number
    }
  | { readonly ok: false; readonly error: InvalidCounty | ServerFailure | WorkerFailure }

const errorOf = (a: Answer & { ok: false }) =>
  a.error._tag === "ServerFailure"
    ? new ServerFailure({
        code: "read",
        server: a.error.server,
        county: a.county,
        detail: a.error.detail
      })
    : a.error._tag === "InvalidCounty"
      ? new InvalidCounty({
          code: a.error.code,
          county: a.county,
          field: a.error.field,
          detail: a.error.detail
        })
      : new WorkerFailure({ code: "worker-error", county: a.county, detail: a.error.detail })

/** Runs the tasks on `n` workers, each taking the next county when it is done. */
const pool = (tasks: ReadonlyArray<Task>, n: number, policy: unknown): Promise<Outcome> =>
  new Promise((resolve) => {
    const answers: Array<Answer & { ok: true; worker: number }> = []
    const workers: Array<Worker> = []
    let next = 0
    let settled = false
    let busy = 0
    const t0 = performance.now()
    let ready = 0
    const finish = (outcome: Outcome) => {
      if (settled) return
      settled = true
      for (const w of workers) w.postMessage("stop")
      resolve(outcome)
    }
    const give = (w: Worker, id: number) => {
      const task = tasks[next++]
      if (task === undefined) {
        if (busy === 0) finish({ ok: true, answers, startMs: ready })
        return
      }
      busy++
      w.once("message", (a: Answer) => {
        busy--
        if (!a.ok) return finish({ ok: false, error: errorOf(a) })
        answers.push({ ...a, worker: id })
        give(w, id)
      })
      w.postMessage(task)
    }
    for (let id = 1; id <= n; id++) {
      // Plain Node options: the worker loads the built packages, whatever
      // conditions this thread was started with.
      const w = new Worker(workerUrl, { workerData: { policy }, execArgv: [] })
      workers.push(w)
      const current = () => tasks[Math.min(next, tasks.length) - 1]?.county ?? ""
      w.on("error", (e) =>
        finish({
          ok: false,
          error: new WorkerFailure({ code: "worker-error", county: current(), detail: String(e) })
        })
      )
      w.on("exit", (code) => {
        if (code !== 0)
          finish({
            ok: false,
            error: new WorkerFailure({
              code: "worker-exit",
              county: current(),
              detail: `exited with code ${code}`
            })
          })
      })
      w.once("message", () => {
        ready = Math.max(ready, performance.now() - t0)
        give(w, id)
      })
    }
    if (tasks.length === 0) finish({ ok: true, answers, startMs: 0 })
  })

/**
 * Assesses every county of the layout under the policy: `workers` worker
 * threads (by default as many as the machine runs in parallel, at most one
 * per county), each reading a county's snapshot from its partition on the
 * server it lives on and computing its standing; then the league table.
 * Fails with `ServerFailure` (`read`), `InvalidCounty` (`snapshot`) or
 * `WorkerFailure`, naming the county.
 *
 * @example
 * {@includeCode ../examples/Province.ts#assess}
 *
 * @since 0.1.0
 * @category assessing
 */
export const run = (options: {
  readonly layout: Layout
  readonly policy: ProvincePolicy.ProvincePolicy
  readonly workers?: number | undefined
}): Effect.Effect<Run, InvalidCounty | ServerFailure | WorkerFailure> =>
  Effect.gen(function* () {
    const { layout } = options
    const servers = new Map([layout.coordinator, ...layout.servers].map((s) => [s.name, s]))
    const tasks: Array<Task> = layout.placement.map((p) => ({
      county: p.county,
      server: p.server,
      url: servers.get(p.server)!.url
    }))
    const n = Math.max(1, Math.min(options.workers ?? availableParallelism(), tasks.length))
    const t0 = performance.now()
    const outcome = yield* Effect.promise(() =>
      pool(tasks, n, ProvincePolicy.encode(options.policy))
    )
    if (!outcome.ok) return yield* Effect.fail(outcome.error)
    const table = League.merge(
      options.policy,
      outcome.answers.map((a) => a.standing)
    )
    if (Result.isFailure(table)) return yield* Effect.fail(table.failure)
    const ms = performance.now() - t0
    const byCounty = [...outcome.answers].sort((a, b) => (a.county < b.county ? -1 : 1))
    const workers = Array.from({ length: n }, (_, i) => {
      const mine = outcome.answers.filter((a) => a.worker === i + 1)
      return {
        worker: i + 1,
        counties: mine.length,
        peakHeap: mine.reduce((m, a) => Math.max(m, a.peakHeap), 0)
      }
    })
    return {
      table: table.success,
      counties: byCounty.map((a) => ({
        county: a.county,
        server: tasks.find((t) => t.county === a.county)!.server,
        worker: a.worker,
        readMs: a.readMs,
        assessMs: a.assessMs
      })),
      workers,
      startMs: outcome.startMs,
      ms
    }
  })

/**
 * The same league table as {@link run}, in this thread: each county read
 * through the coordinator's partitioned table (pruned to its partition) and
 * assessed in turn. What a single server computes; `run` must give the same
 * bytes.
 *
 * @example
 * {@includeCode ../examples/Province.ts#assess}
 *
 * @since 0.1.0
 * @category assessing
 */
export const inProcess = (options: {
  readonly layout: Layout
  readonly policy: ProvincePolicy.ProvincePolicy
}): Effect.Effect<League.LeagueTable, InvalidCounty | ServerFailure> =>
  Effect.gen(function* () {
    const { layout, policy } = options
    // One county in memory at a time: read, assessed, kept as its standing.
    const results = yield* onServer(
      layout.coordinator,
      "read",
      undefined,
      Effect.forEach(layout.placement, (p) =>
        Effect.map(readCounty("province_record", p.county, policy.asOf), (file) =>
          Standing.of(p.county, file, policy)
        )
      )
    )
    const standings: Array<Standing.Standing> = []
    for (const s of results) {
      if (Result.isFailure(s)) return yield* Effect.fail(s.failure)
      standings.push(s.success)
    }
    const table = League.merge(policy, standings)
    if (Result.isFailure(table)) return yield* Effect.fail(table.failure)
    return table.success
  })
