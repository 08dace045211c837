// pnpm bench (after the ledger and the spreadsheets): a province of counties on
// three PostgreSQL servers on this machine — load through the coordinator's
// partitioned table (postgres_fdw to the other two), the province-wide check
// grouped by county, the assessment in worker threads against one thread —
// written as its own section of bench/results.md.
//
//   node province.ts [--counties 100] [--projects 10000] [--workers 2] [--single]
//
// --single also loads the same counties into one server (all partitions local)
// for the load rate without postgres_fdw.
import { readFileSync, writeFileSync } from "node:fs"
import { availableParallelism, cpus, totalmem } from "node:os"
import { PostgresClient } from "@gongjian/ledger"
import { Assess, County, Layout, League, Load, ProvincePolicy, Storage } from "@gongjian/province"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import * as SqlClient from "effect/sql/SqlClient"
import { type Postgres, startPostgres } from "../scripts/postgres.mjs"

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const COUNTIES = arg("counties", 100)
const PROJECTS = arg("projects", 10_000)
const WORKERS = arg("workers", Math.min(availableParallelism(), 2))
const SINGLE = process.argv.includes("--single")
const GROUP = 8 // counties generated and loaded at a time, so memory stays bounded

const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(0)} ms`)
const mib = (b: number) => `${(b / 1024 ** 2).toFixed(0)} MiB`
const median = (xs: ReadonlyArray<number>) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? 0
}
const log = (line: string) => process.stdout.write(`${line}\n`)

const exec = <A extends object>(url: string, text: string) =>
  Effect.runPromise(
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      return yield* sql.unsafe<A>(text)
    }).pipe(Effect.provide(PostgresClient.layer(url, { maxConnections: 1 })))
  )

const database = async (server: Postgres, name: string) => {
  await exec(server.url, `CREATE DATABASE ${name}`)
  return server.url.replace(/\/postgres$/, `/${name}`)
}

/** Loads every county, GROUP at a time; the time, records and receipts per server. */
const loadAll = async (layout: Layout.Layout, ids: ReadonlyArray<string>) => {
  let records = 0
  let elapsed = 0
  const perServer = new Map<string, number>()
  for (let i = 0; i < ids.length; i += GROUP) {
    const files = ids
      .slice(i, i + GROUP)
      .map((id) => ({ id, snapshot: County.generate({ id, projects: PROJECTS }) }))
    const t = performance.now()
    const receipt = await Effect.runPromise(Load.load({ layout, counties: files }))
    elapsed += performance.now() - t
    records += receipt.written
    for (const c of receipt.counties)
      perServer.set(c.server, (perServer.get(c.server) ?? 0) + c.written)
  }
  return { records, elapsed, perServer }
}

const servers: Array<Postgres> = []
const lines: Array<string> = []
try {
  for (let i = 0; i < 3; i++) servers.push(await startPostgres())
  const urls = await Promise.all(servers.map((s) => database(s, "province")))
  const ids = County.ids(COUNTIES)
  const layout = Result.getOrThrow(
    Layout.make({
      coordinator: { name: "s1", url: urls[0]! },
      servers: [
        { name: "s2", url: urls[1]! },
        { name: "s3", url: urls[2]! }
      ],
      counties: ids
    })
  )
  await Effect.runPromise(Storage.setup(layout))
  log(`loading ${COUNTIES} counties × ${PROJECTS} projects on 3 servers`)
  const load = await loadAll(layout, ids)
  log(`load: ${load.records} records in ${ms(load.elapsed)}`)

  // The province-wide check: one aggregate grouped by county, answered by each server.
  const check = `SELECT county, count(*) AS n FROM province_record GROUP BY county`
  const plan = await exec<{ "QUERY PLAN": string }>(urls[0]!, `EXPLAIN (VERBOSE) ${check}`)
  const pushed = plan.filter((r) =>
    /Remote SQL: SELECT county, count\(\*\)/.test(r["QUERY PLAN"])
  ).length
  const foreign = layout.placement.filter((p) => p.server !== "s1").length
  let t = performance.now()
  const counted = await exec<{ county: string; n: string }>(urls[0]!, check)
  const aggregate = performance.now() - t
  if (counted.length !== COUNTIES) throw new Error("the check lost counties")

  const policy = ProvincePolicy.standard()
  const run = await Effect.runPromise(Assess.run({ layout, policy, workers: WORKERS }))
  log(`assess (${WORKERS} workers): ${ms(run.ms)}`)
  t = performance.now()
  const one = await Effect.runPromise(Assess.inProcess({ layout, policy }))
  const inProcess = performance.now() - t
  log(`assess (one thread): ${ms(inProcess)}`)
  if (League.render(one) !== League.render(run.table))
    throw new Error("the league tables differ between the workers and one thread")

  let single: Awaited<ReturnType<typeof loadAll>> | undefined
  if (SINGLE) {
    const url = await database(servers[0]!, "single")
    const alone = Result.getOrThrow(
      Layout.make({ coordinator: { name: "s1", url }, counties: ids })
    )
    await Effect.runPromise(Storage.setup(alone))
    single = await loadAll(alone, ids)
    log(`single-server load: ${single.records} records in ${ms(single.elapsed)}`)
  }

  const reads = run.counties.map((c) => c.readMs)
  const assess = run.counties.map((c) => c.assessMs)
  const rate = (r: number, e: number) =>
    `${Math.round(r / (e / 1000)).toLocaleString("en")} records/s`
  lines.push(
    "## A province on partitioned PostgreSQL",
    "",
    "Generated by `pnpm bench` (`bench/province.ts`) after the spreadsheets, on the same machine; `pnpm --filter @gongjian/bench run bench:province` runs it alone.",
    "",
    `- Machine: ${cpus()[0]?.model ?? "unknown"} × ${cpus().length}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, shared with other work while measured (absolute times are noisy); three PostgreSQL ${servers[0]!.version} servers on 127.0.0.1, \`fsync=off\`.`,
    `- Workload: ${COUNTIES} generated counties × ${PROJECTS.toLocaleString("en")} projects (\`County.generate\`, seeded), ${(COUNTIES * PROJECTS).toLocaleString("en")} projects in all; each county's records are its campaign, 13 units and its projects (events inside). Counties placed round robin: s1 (the coordinator, local partitions), s2 and s3 (foreign partitions through postgres_fdw).`,
    `- Load: \`Load.load\` through the coordinator's partitioned table, ${GROUP} counties per call, 4 counties at a time, 1,000 records per INSERT (one transaction), each county then checked against its file (count and digest sum, one aggregate grouped by county).`,
    `- Assessment: \`Assess.run\` with ${WORKERS} worker threads, each reading a county from the server it lives on and computing its standing under \`ProvincePolicy.standard()\` (start rate, projects started in the year, the three exit rules); then \`Assess.inProcess\` (one thread, reading through the coordinator). The run asserts the two league tables are the same bytes.`,
    "",
    "| what | measured |",
    "|---|---|",
    `| records loaded | ${load.records.toLocaleString("en")} (${[...load.perServer].map(([s, n]) => `${s} ${n.toLocaleString("en")}`).join(", ")}) |`,
    `| load, 3 servers through the coordinator | ${ms(load.elapsed)} — ${rate(load.records, load.elapsed)} |`,
    ...(single === undefined
      ? []
      : [
          `| load, one server, all partitions local | ${ms(single.elapsed)} — ${rate(single.records, single.elapsed)} |`
        ]),
    `| province-wide count grouped by county | ${ms(aggregate)}; the aggregate runs on the remote server for ${pushed} of the ${foreign} foreign partitions (EXPLAIN VERBOSE: remote SQL \`SELECT county, count(*) … GROUP BY\`) |`,
    `| assessment, ${WORKERS} workers, province-wide | ${ms(run.ms)}, of which ${ms(run.startMs)} starting the workers |`,
    `| per county: read from its partition | median ${ms(median(reads))}, max ${ms(Math.max(...reads))} |`,
    `| per county: standing computed | median ${ms(median(assess))}, max ${ms(Math.max(...assess))} |`,
    `| assessment, one thread (through the coordinator) | ${ms(inProcess)} |`,
    `| workers' speed-up over one thread | ${(inProcess / run.ms).toFixed(2)}× with ${WORKERS} workers on ${cpus().length} cores, which the three servers share |`,
    `| memory per worker (peak heap in use after a county) | ${run.workers.map((w) => `worker ${w.worker}: ${mib(w.peakHeap)} over ${w.counties} counties`).join("; ")} |`,
    `| same league table, workers and one thread | yes (asserted byte for byte) |`,
    ""
  )
} finally {
  for (const s of servers) await s.stop()
}

const section = lines.join("\n")
const file = new URL("./results.md", import.meta.url)
const current = readFileSync(file, "utf8")
// Only this section is replaced: the others are other benchmarks'.
const start = current.indexOf("## A province on partitioned PostgreSQL")
const end = start < 0 ? -1 : current.indexOf("\n## ", start + 1)
const before = start < 0 ? current.trimEnd() : current.slice(0, start).trimEnd()
const after = end < 0 ? "" : `\n${current.slice(end + 1)}`
writeFileSync(file, `${before}\n\n${section}${after}`)
process.stdout.write(`${section}\n`)
