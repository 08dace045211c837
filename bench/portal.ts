// pnpm --filter @gongjian/bench run bench:portal: 50 unit reporters submit
// records to @gongjian/server for 60 s on 127.0.0.1, each over its own
// session, then the store is read back: every acknowledged record must be
// there exactly once, and nothing else. Once on the in-memory store, once on
// the ledger (embedded PGlite, in memory). Writes bench/portal.md (kept in
// bench/results.md by `pnpm bench`) and updates that section of results.md.
// The load is bounded: 60 s and at most 5,000 submissions per reporter.
import { type ChildProcess, spawn } from "node:child_process"
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { arch, cpus, loadavg, totalmem } from "node:os"

const REPORTERS = 50
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60)
const MAX_PER_REPORTER = 5_000
const CAMPAIGN = "investment-drive-2026"
const UNITS = ["town-a", "street-b", "park-c", "town-d", "dept-e", "dept-f"] as const
const password = (i: number) => `reporter-${i}-bench-password`

// ── the server, in a process of its own ──────────────────────────────────────
if (process.argv.includes("--serve")) {
  const { all, Samples } = await import("@gongjian/policies")
  const policy002 = all.find((e) => e.sample === "002-investment-drive")!
  const { LedgerStore, Server, Store } = await import("@gongjian/server")
  const { Ledger } = await import("@gongjian/ledger")
  const Effect = await import("effect/Effect")
  const Layer = await import("effect/Layer")
  const { HttpServer } = await import("effect/http")
  const { Logger } = await import("effect")
  const accounts = [
    Server.account({ name: "admin", displayName: "admin", role: "admin", password: password(0) }),
    ...Array.from({ length: REPORTERS }, (_, i) =>
      Server.account({
        name: `reporter-${i + 1}`,
        displayName: `reporter ${i + 1}`,
        role: "reporter",
        unit: UNITS[i % UNITS.length]!,
        password: password(i + 1)
      })
    )
  ]
  const store = Layer.effectDiscard(
    Server.seed(CAMPAIGN, Samples.load("002-investment-drive"), {
      who: "seed",
      at: "2026-08-01T00:00:00.000Z",
      why: "sample county"
    }).pipe(Effect.orDie)
  ).pipe(
    Layer.provideMerge(
      process.argv.includes("ledger")
        ? LedgerStore.layer().pipe(Layer.provide(Ledger.layer("memory:")), Layer.orDie)
        : Store.layerMemory
    )
  )
  const layer = Server.serve(
    {
      campaigns: [{ id: CAMPAIGN, plugin: policy002.plugin, options: policy002.options }],
      accounts,
      secureCookie: false,
      host: "127.0.0.1",
      port: 0
    },
    store
  )
  await Effect.runPromise(
    Effect.gen(function* () {
      const server = yield* HttpServer.HttpServer
      console.log(`listening on ${HttpServer.formatAddress(server.address)}`)
      return yield* Effect.never
    }).pipe(
      Effect.provide(layer),
      // One log line per request would measure the terminal, not the server.
      Effect.provide(Logger.layer([]))
    )
  )
}

// ── the load ─────────────────────────────────────────────────────────────────
type StoreName = "memory" | "ledger"

const start = (store: StoreName): Promise<{ child: ChildProcess; origin: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [new URL(import.meta.url).pathname, "--serve", store], {
      stdio: ["ignore", "pipe", "inherit"]
    })
    let out = ""
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString()
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (m) resolve({ child, origin: m[1]! })
    })
    child.on("exit", (code) => reject(new Error(`the server exited with ${code}`)))
  })

interface Session {
  readonly cookie: string
  readonly csrf: string
}

const login = async (origin: string, name: string, pw: string): Promise<Session> => {
  const r = await fetch(`${origin}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, password: pw })
  })
  if (r.status !== 200) throw new Error(`sign-in of ${name}: ${r.status}`)
  const { csrf } = (await r.json()) as { csrf: string }
  return { cookie: r.headers.get("set-cookie")!.split(";")[0]!, csrf }
}

const percentile = (sorted: ReadonlyArray<number>, p: number) =>
  sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!

/** One run against a server on a store: the lines of its results, and whether it is consistent. */
const measure = async (store: StoreName) => {
  const { child, origin } = await start(store)
  try {
    const sessions = await Promise.all(
      Array.from({ length: REPORTERS }, (_, i) =>
        login(origin, `reporter-${i + 1}`, password(i + 1))
      )
    )
    const loadBefore = loadavg()[0]!
    const latencies: Array<number> = []
    const acknowledged = new Set<string>()
    const failures = new Map<number, number>()
    const deadline = performance.now() + SECONDS * 1000
    const began = performance.now()
    await Promise.all(
      sessions.map(async (s, i) => {
        const unit = UNITS[i % UNITS.length]!
        for (let n = 1; n <= MAX_PER_REPORTER && performance.now() < deadline; n++) {
          const id = `BENCH-${i + 1}-${n}`
          const t0 = performance.now()
          const r = await fetch(`${origin}/api/campaigns/${CAMPAIGN}/activities/${id}`, {
            method: "PUT",
            headers: {
              "content-type": "application/json",
              cookie: s.cookie,
              "x-csrf-token": s.csrf
            },
            body: JSON.stringify({
              value: { id, kind: "outbound-trip", unit, role: "principal", date: "2026-09-01" },
              reason: "外出招商上报"
            })
          })
          await r.arrayBuffer()
          latencies.push(performance.now() - t0)
          if (r.status === 200) acknowledged.add(id)
          else failures.set(r.status, (failures.get(r.status) ?? 0) + 1)
        }
      })
    )
    const elapsed = (performance.now() - began) / 1000
    const loadAfter = loadavg()[0]!
    // Read everything back as the administrator.
    const admin = await login(origin, "admin", password(0))
    const stored = (await (
      await fetch(`${origin}/api/campaigns/${CAMPAIGN}/activities`, {
        headers: { cookie: admin.cookie }
      })
    ).json()) as Array<{ id: string }>
    const benchIds = stored.map((a) => a.id).filter((id) => id.startsWith("BENCH-"))
    const unique = new Set(benchIds)
    const lost = [...acknowledged].filter((id) => !unique.has(id))
    const extra = [...unique].filter((id) => !acknowledged.has(id))
    const duplicated = benchIds.length - unique.size
    const sorted = [...latencies].sort((a, b) => a - b)
    const ms = (x: number) => x.toFixed(1)
    const ok = lost.length === 0 && extra.length === 0 && duplicated === 0 && acknowledged.size > 0
    const title =
      store === "memory"
        ? "In-memory store"
        : "Ledger (`LedgerStore` on embedded PGlite, in memory)"
    const lines = `**${title}** (load average ${loadBefore.toFixed(1)} before the run, ${loadAfter.toFixed(1)} after)

- Submissions: ${latencies.length.toLocaleString("en")} in ${elapsed.toFixed(1)} s (${(latencies.length / elapsed).toFixed(0)}/s); acknowledged ${acknowledged.size.toLocaleString("en")}; refused ${[...failures].map(([s, n]) => `${n} × ${s}`).join(", ") || "none"}
- Latency per submission: p50 ${ms(percentile(sorted, 0.5))} ms, p90 ${ms(percentile(sorted, 0.9))} ms, p99 ${ms(percentile(sorted, 0.99))} ms, max ${ms(sorted[sorted.length - 1] ?? Number.NaN)} ms
- Read back: ${unique.size.toLocaleString("en")} records; lost ${lost.length}, duplicated ${duplicated}, unacknowledged but stored ${extra.length} — ${ok ? "every acknowledged record exactly once" : "**NOT CONSISTENT**"}
`
    console.log(lines)
    return { lines, ok }
  } finally {
    if (child.pid !== undefined) process.kill(child.pid)
  }
}

if (!process.argv.includes("--serve")) {
  const runs = [await measure("memory"), await measure("ledger")]
  const md = `## The portal server under load

\`pnpm --filter @gongjian/bench run bench:portal\` (not part of the check): ${REPORTERS} unit
reporters, each signed in over its own session, submit outbound-trip activities of their
own unit to \`@gongjian/server\` on 127.0.0.1 for ${SECONDS} s, one request at a time each,
once on the in-memory store and once on the ledger. Every write is checked against the
role rules, validated with the records it touches (the campaign document, the units, the
projects it names) and stored with who, when and why. Afterwards the administrator reads
the activities back.

Machine: ${cpus()[0]?.model ?? "unknown"} × ${cpus().length}, ${arch()}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, shared with other work; Node ${process.version}.

${runs.map((r) => r.lines).join("\n")}
Writes to one campaign are serial (one lock per campaign, so that no two writes validate
against the same state), and the lock is held for the few records a write reads and
checks, whatever the size of the campaign. With 50 reporters on one server process, a
submission's latency is mostly its wait behind the others' requests (50 ÷ throughput), and
it depends on what else the machine runs. For comparison, when every write read and decoded
the whole campaign again (its cost growing with the campaign), the same load on the same
machine gave, on the in-memory store, 2,503 submissions in 61.6 s, p50 1065.8 ms, p90
2039.4 ms, p99 4431.7 ms, max 12266.9 ms (a second run: 1,924, p50 1314.9 ms, p99
7711.9 ms); on the ledger, 862 submissions in 63.9 s, p50 2166.0 ms, p90 3282.9 ms, p99
50362.7 ms, max 63226.8 ms. On the ledger a write's cost is mostly the ledger's own
submission and the reads of the written records' history, on one embedded PGlite database
in the server's process: with the narrower check its throughput went from 13 to 15 per
second and its median from 2166 to 2961 ms (opposite directions, within what the shared
machine's load moves), and its slowest submissions came down from about a minute to 31 s.
`
  const file = new URL("./portal.md", import.meta.url)
  writeFileSync(file, md)
  const results = new URL("./results.md", import.meta.url)
  if (existsSync(results)) {
    const text = readFileSync(results, "utf8")
    // Only this section is replaced: the sections after it stay.
    const at = text.indexOf("## The portal server under load")
    const next = at >= 0 ? text.indexOf("\n## ", at + 1) : -1
    writeFileSync(
      results,
      at < 0
        ? `${text.trimEnd()}\n\n${md}`
        : `${text.slice(0, at)}${md}${next >= 0 ? `\n${text.slice(next + 1)}` : ""}`
    )
  }
  if (!runs.every((r) => r.ok)) process.exitCode = 1
}
