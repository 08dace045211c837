// pnpm --filter @gongjian/bench run prof [projects] [out-dir] [passes]: a CPU
// profile of the engines' warm passes (exit rules, then scoring and ranking,
// each pass its own view of one decoded snapshot), written to
// <out-dir>/engines.cpuprofile for Chrome's DevTools or `node --prof`-style
// reading; prints the best and median pass of each engine, with and without
// the profiler.
import { mkdirSync, writeFileSync } from "node:fs"
import { Session } from "node:inspector/promises"
import { Snapshot, View } from "@gongjian/core"
import { ExitEngine } from "@gongjian/exit-rules"
import { Assessment } from "@gongjian/scoring"
import * as Result from "effect/Result"
import { generate, policy, rules } from "./workload.ts"

const n = Number(process.argv[2] ?? 100_000)
const out = process.argv[3] ?? "prof"
const passes = Number(process.argv[4] ?? 20)
const snapshot = Result.getOrThrow(Snapshot.decode(generate(n)))

const pass = () => {
  const t0 = performance.now()
  const view = View.make(snapshot)
  const report = ExitEngine.evaluate({ rules, view })
  const t1 = performance.now()
  Result.getOrThrow(Assessment.run(policy, { view, exit: report }))
  return { exit: t1 - t0, scoring: performance.now() - t1 }
}
const timed = (label: string) => {
  const exit: Array<number> = []
  const scoring: Array<number> = []
  for (let k = 0; k < passes; k++) {
    const t = pass()
    exit.push(t.exit)
    scoring.push(t.scoring)
  }
  const show = (xs: Array<number>) => {
    const s = [...xs].sort((a, b) => a - b)
    return `best ${s[0]!.toFixed(2)} ms, median ${s[s.length >> 1]!.toFixed(2)} ms`
  }
  console.log(`${label}: exit rules ${show(exit)}; scoring ${show(scoring)}`)
}

for (let k = 0; k < 20; k++) pass() // warming up
const session = new Session()
session.connect()
await session.post("Profiler.enable")
await session.post("Profiler.start")
timed(`${n} projects, profiled`)
const { profile } = await session.post("Profiler.stop")
timed(`${n} projects`)
mkdirSync(out, { recursive: true })
writeFileSync(`${out}/engines.cpuprofile`, JSON.stringify(profile))
console.log(`wrote ${out}/engines.cpuprofile`)
