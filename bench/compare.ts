// pnpm --filter @gongjian/bench run bench:compare <checkout> [--size N] [--passes P]:
// the engines of this checkout and of another one (built: `pnpm build` there),
// loaded into one process and run alternately on the same generated input, each
// on a snapshot decoded by its own core, every pass its own view. Prints the best
// and the median pass of each side, their ratios (this ÷ other), and checks that
// both give the same findings and the same assessment.
import { createHash } from "node:crypto"
import { resolve } from "node:path"
import { pathToFileURL } from "node:url"
import * as Core from "@gongjian/core"
import * as Exit from "@gongjian/exit-rules"
import * as Scoring from "@gongjian/scoring"
import * as Result from "effect/Result"
import { generate, policy, rules } from "./workload.ts"

const other = process.argv[2]
if (other === undefined || other.startsWith("--")) {
  console.error("usage: compare.ts <checkout built with pnpm build> [--size N] [--passes P]")
  process.exit(2)
}
const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name)
  return at > 0 ? Number(process.argv[at + 1]) : fallback
}
const size = arg("--size", 100_000)
const passes = arg("--passes", 25)
const load = (pkg: string) =>
  import(pathToFileURL(resolve(other, "packages", pkg, "dist/index.js")).href)

interface Side {
  readonly name: string
  readonly core: typeof Core
  readonly exit: typeof Exit
  readonly scoring: typeof Scoring
}
const sides: ReadonlyArray<Side> = [
  {
    name: "other",
    core: await load("core"),
    exit: await load("exit-rules"),
    scoring: await load("scoring")
  },
  { name: "this", core: Core, exit: Exit, scoring: Scoring }
]
const input = generate(size)
const snapshots = sides.map((side) => Result.getOrThrow(side.core.Snapshot.decode(input)))

const pass = (k: number) => {
  const { core, exit, scoring } = sides[k]!
  const t0 = performance.now()
  const view = core.View.make(snapshots[k]!)
  const report = exit.ExitEngine.evaluate({ rules, view })
  const t1 = performance.now()
  const assessment = Result.getOrThrow(
    scoring.Assessment.run(policy as never, { view, exit: report })
  )
  const t2 = performance.now()
  return { report, assessment, exit: t1 - t0, scoring: t2 - t1 }
}

// A digest of the findings, resolutions and assessment, written piece by
// piece (a million projects' outputs are longer than a string can be).
const digest = (
  report: { readonly findings: ReadonlyArray<unknown>; readonly resolved: ReadonlyArray<unknown> },
  assessment: { readonly units: ReadonlyArray<unknown> }
) => {
  const hash = createHash("sha256")
  for (const f of report.findings) hash.update(JSON.stringify(f))
  for (const r of report.resolved) hash.update(JSON.stringify(r))
  for (const u of assessment.units) hash.update(JSON.stringify(u))
  hash.update(JSON.stringify({ ...assessment, units: [] }))
  return hash.digest("hex")
}

const times = sides.map(() => ({
  exit: [] as number[],
  scoring: [] as number[],
  engines: [] as number[]
}))
let outputs: Array<string> = []
for (let p = 0; p < passes + 5; p++) {
  for (let k = 0; k < sides.length; k++) {
    const r = pass(k)
    if (p === 0) outputs[k] = digest(r.report, r.assessment)
    if (p < 5) continue // warming up
    times[k]!.exit.push(r.exit)
    times[k]!.scoring.push(r.scoring)
    times[k]!.engines.push(r.exit + r.scoring)
  }
}
if (outputs[0] !== outputs[1]) throw new Error("the two checkouts' outputs differ")
outputs = []
const best = (xs: number[]) => Math.min(...xs)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!
console.log(`${size} projects, ${passes} passes each, outputs identical`)
console.log("| what | other (best / median) | this (best / median) | this ÷ other |")
console.log("|---|---|---|---|")
for (const what of ["exit", "scoring", "engines"] as const) {
  const [a, b] = [times[0]![what], times[1]![what]]
  console.log(
    `| ${what} | ${best(a).toFixed(1)} / ${median(a).toFixed(1)} ms | ${best(b).toFixed(1)} / ${median(b).toFixed(1)} ms | ${(best(b) / best(a)).toFixed(2)}× / ${(median(b) / median(a)).toFixed(2)}× |`
  )
}
