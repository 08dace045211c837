import { mkdirSync, writeFileSync } from "node:fs"
import { Session as Insp } from "node:inspector/promises"
import { Snapshot, View } from "@gongjian/core"
import { ExitEngine } from "@gongjian/exit-rules"
import { Assessment } from "@gongjian/scoring"
import * as Result from "effect/Result"
import { generate, policy, rules } from "./workload.ts"

const n = Number(process.argv[2] ?? 100000)
const out = process.argv[3] ?? "/tmp/prof"
const input = generate(n)
const s = Result.getOrThrow(Snapshot.decode(input))
let t1 = 0,
  t2 = 0
const e1: number[] = [],
  e2: number[] = []
const pass = () => {
  const a0 = performance.now()
  const view = View.make(s)
  const report = ExitEngine.evaluate({ rules, view })
  const a1 = performance.now()
  const a = Result.getOrThrow(Assessment.run(policy, { view, exit: report }))
  const a2 = performance.now()
  t1 += a1 - a0
  t2 += a2 - a1
  e1.push(a1 - a0)
  e2.push(a2 - a1)
  return a
}
for (let i = 0; i < 20; i++) pass()
t1 = 0
t2 = 0
const insp = new Insp()
insp.connect()
await insp.post("Profiler.enable")
await insp.post("Profiler.start")
const k = Number(process.argv[4] ?? 20)
for (let i = 0; i < k; i++) pass()
const { profile } = await insp.post("Profiler.stop")
console.log(`exit ${(t1 / k).toFixed(2)} ms, scoring ${(t2 / k).toFixed(2)} ms (profiled)`)
t1 = 0
t2 = 0
const ts: number[] = []
for (let i = 0; i < k; i++) {
  const b = performance.now()
  pass()
  ts.push(performance.now() - b)
}
ts.sort((a, b) => a - b)
const srt = (x: number[]) => x.slice(-k).sort((a, b) => a - b)
console.log(
  `exit best ${srt(e1)[0].toFixed(2)} med ${srt(e1)[k >> 1].toFixed(2)}; scoring best ${srt(e2)[0].toFixed(2)} med ${srt(e2)[k >> 1].toFixed(2)}`
)
console.log(
  `exit ${(t1 / k).toFixed(2)} ms, scoring ${(t2 / k).toFixed(2)} ms; best ${ts[0].toFixed(2)} median ${ts[k >> 1].toFixed(2)}`
)
mkdirSync(out, { recursive: true })
writeFileSync(`${out}/x.cpuprofile`, JSON.stringify(profile))
