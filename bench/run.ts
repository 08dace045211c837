// pnpm bench: the engines at 10k and 100k projects (1M with --full), side by
// side with a hand-written loop and json-rules-engine on the same rules, in one
// run. Writes bench/results.md. Run with --expose-gc for the memory figures.
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { arch, cpus, totalmem } from "node:os"
import { Money, Snapshot, View } from "@gongjian/core"
import { ExitEngine, ExitRule } from "@gongjian/exit-rules"
import { Assessment, type ScoringPolicy } from "@gongjian/scoring"
import * as BigDecimal from "effect/BigDecimal"
import * as Result from "effect/Result"
import { Engine } from "json-rules-engine"

const full = process.argv.includes("--full")
const sizes = full ? [10_000, 100_000, 1_000_000] : [10_000, 100_000]
const JRE_LIMIT = 100_000 // json-rules-engine is run up to this size
const ASOF = "2026-11-22"
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})
const heap = () => {
  gc()
  return process.memoryUsage().heapUsed
}

// ── the workload: seeded, reproducible ───────────────────────────────────────
const rng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const DAY = 86_400_000
const iso = (days: number) => new Date(days * DAY).toISOString().slice(0, 10)
const toDays = (s: string) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / DAY
const INDUSTRIES = [
  ["advanced-manufacturing", "secondary"],
  ["new-energy", "secondary"],
  ["modern-services", "tertiary"],
  ["logistics", "tertiary"],
  ["modern-agriculture", "primary"]
] as const
const UNITS = 1000

const generate = (n: number, seed = 20261122) => {
  const r = rng(seed)
  const asOf = toDays(ASOF)
  const projects = new Array(n)
  for (let i = 0; i < n; i++) {
    const [industry, sector] = INDUSTRIES[Math.floor(r() * 5)]!
    const depth = 1 + Math.floor(r() * 6) // 1 negotiating … 6 in production
    const events: Array<{ type: string; date: string }> = []
    let d = toDays("2019-01-01") + Math.floor(r() * 2800)
    const steps: ReadonlyArray<[string, number, number]> = [
      ["negotiating", 0, 0],
      ["signed", 10, 120],
      ["land-supplied", 10, 150],
      ["started", 10, 200],
      ["completed", 200, 700],
      ["in-production", 20, 300]
    ]
    for (let s = 0; s < depth; s++) {
      const [type, lo, hi] = steps[s]!
      d += lo + Math.floor(r() * (hi - lo + 1))
      if (d > asOf) break
      events.push({ type, date: iso(d) })
    }
    const total = (1 + Math.floor(r() * 2000)) * 1_000_000 // 100万 … 20亿
    const producing = events.at(-1)?.type === "in-production"
    projects[i] = {
      id: `P${String(i).padStart(7, "0")}`,
      name: `项目${i}`,
      unit: `u${String(Math.floor(r() * UNITS)).padStart(4, "0")}`,
      sector,
      industry,
      investment: { total: { amount: String(total), currency: "CNY" } },
      ...(producing
        ? {
            contract: {
              taxPerMu: { amount: String((20 + Math.floor(r() * 30)) * 10_000), currency: "CNY" }
            },
            performance: [
              {
                on: "2026-06-30",
                taxPerMu: { amount: String((5 + Math.floor(r() * 55)) * 10_000), currency: "CNY" }
              }
            ]
          }
        : {}),
      events
    }
  }
  return {
    asOf: ASOF,
    campaign: {
      id: "bench",
      title: "benchmark",
      kind: "other",
      window: { start: "2026-01-01", end: "2026-12-31" },
      phases: [],
      cadence: [],
      assessedUnitKinds: ["town"],
      targets: []
    },
    units: Array.from({ length: UNITS }, (_, u) => ({
      id: `u${String(u).padStart(4, "0")}`,
      name: `单位${u}`,
      kind: "town"
    })),
    projects,
    activities: [],
    reports: []
  }
}

// ── the rules ──────────────────────────────────────────────────────────────
const rules = ExitRule.threeTwoThree() // 3 months / 2 years / 3 years (tax per mu ≥ half), 30 days' warning
const POINTS: Record<string, number> = {
  "land-idle": -1,
  "built-not-producing": -2,
  "no-results": -4
}
const policy: ScoringPolicy.ScoringPolicy = {
  id: "bench",
  version: "1",
  title: { zh: "基准", en: "bench" },
  items: [
    {
      kind: "per-project",
      id: "signed",
      title: { zh: "签约项目", en: "signed projects" },
      clause: "bench",
      filter: { stage: "signed" },
      tiers: [
        { from: Money.parseUnsafe("1亿元"), points: 2 },
        { from: Money.parseUnsafe("10亿元"), points: 5 }
      ]
    },
    {
      kind: "exit-findings",
      id: "findings",
      title: { zh: "问题项目", en: "stalled" },
      clause: "bench",
      perClass: POINTS
    }
  ],
  ties: "broken"
}

interface Outcome {
  readonly findings: {
    readonly warning: number
    readonly breach: number
    readonly escalated: number
  }
  readonly ranking: ReadonlyArray<string>
}

// ── gongjian ───────────────────────────────────────────────────────────────
const runGongjian = (input: unknown) => {
  const t: Record<string, number> = {}
  const mem: Array<number> = []
  let t0 = performance.now()
  const decoded = Snapshot.decode(input)
  if (Result.isFailure(decoded)) throw decoded.failure
  const s = decoded.success
  t.decode = performance.now() - t0
  mem.push(heap())
  t0 = performance.now()
  const view = View.make(s)
  if (view.unfolded.length > 0) throw view.unfolded[0]
  t.fold = performance.now() - t0
  mem.push(heap())
  t0 = performance.now()
  const report = ExitEngine.evaluate({ rules, view })
  t.exit = performance.now() - t0
  mem.push(heap())
  t0 = performance.now()
  const a = Assessment.run(policy, { view, findings: report.findings })
  if (Result.isFailure(a)) throw a.failure
  t.scoring = performance.now() - t0
  mem.push(heap())
  const findings = { warning: 0, breach: 0, escalated: 0 }
  for (const f of report.findings) findings[f.severity]++
  const lines = a.success.units.reduce((n, u) => n + u.lines.length, 0)
  return {
    t,
    mem,
    outcome: { findings, ranking: a.success.units.map((u) => u.unit) } as Outcome,
    lines
  }
}

// ── the hand-written loop: the floor ────────────────────────────────────────
const addMonths = (days: number, months: number) => {
  const d = new Date(days * DAY)
  const y = d.getUTCFullYear()
  const m = d.getUTCMonth() + months
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate()
  return Date.UTC(y, m, Math.min(d.getUTCDate(), last)) / DAY
}
interface Raw {
  readonly id: string
  readonly unit: string
  readonly total: number
  readonly m: Record<string, number>
  readonly taxRatio: number | undefined
}
type RawInput = ReturnType<typeof generate>
const handDecode = (input: RawInput): Array<Raw> =>
  input.projects.map((p: RawInput["projects"][number]) => {
    const m: Record<string, number> = {}
    for (const e of p.events) m[e.type] = toDays(e.date)
    const promised = p.contract?.taxPerMu ? Number(p.contract.taxPerMu.amount) : undefined
    const actual = p.performance?.[0]?.taxPerMu
      ? Number(p.performance[0].taxPerMu.amount)
      : undefined
    return {
      id: p.id,
      unit: p.unit,
      total: Number(p.investment.total.amount),
      m,
      taxRatio: promised && actual !== undefined ? actual / promised : undefined
    }
  })
const handRun = (raws: ReadonlyArray<Raw>, units: ReadonlyArray<string>): Outcome => {
  const asOf = toDays(ASOF)
  const findings = { warning: 0, breach: 0, escalated: 0 }
  const total = new Map(units.map((u) => [u, 0]))
  const earned = new Map(units.map((u) => [u, 0]))
  const judge = (deadline: number, unit: string, cls: string) => {
    if (asOf > deadline) {
      findings.breach++
      total.set(unit, total.get(unit)! + POINTS[cls]!)
    } else if (asOf >= deadline - 30) findings.warning++
  }
  for (const p of raws) {
    const { m } = p
    const started = m.started ?? m.completed ?? m["in-production"]
    if (m["land-supplied"] !== undefined && started === undefined)
      judge(addMonths(m["land-supplied"], 3), p.unit, "land-idle")
    if (started !== undefined && m["in-production"] === undefined)
      judge(addMonths(started, 24), p.unit, "built-not-producing")
    if (m["in-production"] !== undefined) {
      const deadline = addMonths(m["in-production"], 36)
      if (asOf >= deadline - 30 && p.taxRatio !== undefined && p.taxRatio < 0.5)
        judge(deadline, p.unit, "no-results")
    }
    if (m.signed !== undefined || started !== undefined || m["land-supplied"] !== undefined) {
      const pts = p.total >= 1_000_000_000 ? 5 : p.total >= 100_000_000 ? 2 : 0
      if (pts > 0) {
        total.set(p.unit, total.get(p.unit)! + pts)
        earned.set(p.unit, earned.get(p.unit)! + pts)
      }
    }
  }
  const ranking = [...units].sort(
    (a, b) => total.get(b)! - total.get(a)! || earned.get(b)! - earned.get(a)! || (a < b ? -1 : 1)
  )
  return { findings, ranking }
}

// ── json-rules-engine: the same exit rules ───────────────────────────────────
const jreEngine = () => {
  const engine = new Engine([], { allowUndefinedFacts: true })
  const rule = (
    name: string,
    kind: "breach" | "warning",
    conditions: Array<{ fact: string; operator: string; value: unknown }>
  ) =>
    engine.addRule({
      name: `${name}-${kind}`,
      conditions: { all: conditions as never },
      event: { type: kind, params: { rule: name } }
    })
  for (const [name, pre] of [
    ["land-idle", [{ fact: "idleDeadline", operator: "greaterThan", value: 0 }]],
    ["built-not-producing", [{ fact: "produceDeadline", operator: "greaterThan", value: 0 }]],
    [
      "no-results",
      [
        { fact: "resultsDeadline", operator: "greaterThan", value: 0 },
        { fact: "taxRatio", operator: "lessThan", value: 0.5 }
      ]
    ]
  ] as const) {
    const deadline =
      name === "land-idle"
        ? "idleDeadline"
        : name === "built-not-producing"
          ? "produceDeadline"
          : "resultsDeadline"
    rule(name, "breach", [
      ...pre,
      { fact: "asOf", operator: "greaterThan", value: { fact: deadline } }
    ])
    rule(name, "warning", [
      ...pre,
      { fact: "asOf", operator: "lessThanInclusive", value: { fact: deadline } },
      { fact: "asOfPlus30", operator: "greaterThanInclusive", value: { fact: deadline } }
    ])
  }
  return engine
}
const jreRun = async (raws: ReadonlyArray<Raw>) => {
  const engine = jreEngine()
  const asOf = toDays(ASOF)
  const findings = { warning: 0, breach: 0, escalated: 0 }
  for (const p of raws) {
    const { m } = p
    const started = m.started ?? m.completed ?? m["in-production"]
    const facts = {
      asOf,
      asOfPlus30: asOf + 30,
      idleDeadline:
        m["land-supplied"] !== undefined && started === undefined
          ? addMonths(m["land-supplied"], 3)
          : 0,
      produceDeadline:
        started !== undefined && m["in-production"] === undefined ? addMonths(started, 24) : 0,
      resultsDeadline: m["in-production"] !== undefined ? addMonths(m["in-production"], 36) : 0,
      taxRatio: p.taxRatio ?? 1
    }
    const { events } = await engine.run(facts)
    for (const e of events) findings[e.type as "warning" | "breach"]++
  }
  return findings
}

// ── run ────────────────────────────────────────────────────────────────────
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`)
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`
const rows: Array<Record<string, string | number>> = []
const lines: Array<string> = []
for (const n of sizes) {
  const base = heap()
  const input = generate(n)
  const inputBytes = heap() - base
  const g = runGongjian(input)
  const peak = Math.max(...g.mem) - base
  const th0 = performance.now()
  const raws = handDecode(input)
  const handDecodeMs = performance.now() - th0
  const th1 = performance.now()
  const hand = handRun(
    raws,
    input.units.map((u) => u.id)
  )
  const handRunMs = performance.now() - th1
  let jreMs: number | undefined
  if (n <= JRE_LIMIT) {
    const tj = performance.now()
    const jre = await jreRun(raws)
    jreMs = performance.now() - tj
    if (JSON.stringify(jre) !== JSON.stringify({ ...hand.findings, escalated: 0 }))
      throw new Error(
        `json-rules-engine disagrees at ${n}: ${JSON.stringify(jre)} vs ${JSON.stringify(hand.findings)}`
      )
  }
  if (JSON.stringify(g.outcome.findings) !== JSON.stringify(hand.findings))
    throw new Error(
      `findings differ at ${n}: ${JSON.stringify(g.outcome.findings)} vs ${JSON.stringify(hand.findings)}`
    )
  if (g.outcome.ranking.join() !== hand.ranking.join()) throw new Error(`rankings differ at ${n}`)
  const engines = g.t.exit! + g.t.scoring!
  rows.push({
    n,
    decode: g.t.decode!,
    fold: g.t.fold!,
    exit: g.t.exit!,
    scoring: g.t.scoring!,
    handDecode: handDecodeMs,
    handRun: handRunMs,
    jre: jreMs ?? Number.NaN,
    inputBytes,
    peak,
    rss: process.memoryUsage().rss,
    lines: g.lines
  })
  const row = rows.at(-1)!
  console.log(
    `${n.toLocaleString("en")} projects: decode ${fmt(g.t.decode!)}, fold ${fmt(g.t.fold!)}, exit rules ${fmt(g.t.exit!)}, scoring+ranking ${fmt(g.t.scoring!)} | hand decode ${fmt(handDecodeMs)}, hand loop ${fmt(handRunMs)}${jreMs !== undefined ? ` | json-rules-engine ${fmt(jreMs)}` : ""} | findings ${JSON.stringify(hand.findings)} identical, rankings identical`
  )
  lines.push(
    `| ${n.toLocaleString("en")} | ${fmt(g.t.decode!)} (${((g.t.decode! * 1000) / n).toFixed(2)} µs) | ${fmt(g.t.fold!)} | ${fmt(g.t.exit!)} (${((g.t.exit! * 1000) / n).toFixed(2)} µs) | ${fmt(g.t.scoring!)} | ${fmt(handDecodeMs)} | ${fmt(handRunMs)} | ${jreMs === undefined ? "—" : fmt(jreMs)} | ${(engines / handRunMs).toFixed(1)}× | ${(g.t.decode! / handDecodeMs).toFixed(1)}× | ${jreMs === undefined ? "—" : `${(jreMs / g.t.exit!).toFixed(0)}×`} | ${mb(inputBytes)} / ${mb(peak)} (${(peak / inputBytes).toFixed(2)}×) | ${mb(Number(row.rss))} |`
  )
  void BigDecimal
}

const linear =
  rows.length >= 2
    ? rows
        .slice(1)
        .map((r, i) => {
          const prev = rows[i]!
          const cost = (x: Record<string, string | number>) =>
            Number(x.decode) + Number(x.fold) + Number(x.exit) + Number(x.scoring)
          return `${Number(prev.n).toLocaleString("en")} → ${Number(r.n).toLocaleString("en")} projects (×${Number(r.n) / Number(prev.n)}): ${(cost(r) / cost(prev)).toFixed(2)}× the cost`
        })
        .join("; ")
    : ""

const md = `# Benchmarks

Generated by \`pnpm bench\`${full ? " --full" : ""} (\`bench/run.ts\`) in one run; do not edit by hand.

- Machine: ${cpus()[0]?.model ?? "unknown"} × ${cpus().length}, ${arch()}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB; Node ${process.version}
- Versions: gongjian 0.1.0, effect 4.1.0, json-rules-engine 7.3.1
- Workload: N projects over ${UNITS.toLocaleString("en")} units in 5 industries, stages from negotiating to in production with seeded dates and amounts (seed 20261122), as of ${ASOF}.
- Rules: land supplied 3 months ago and not started → rectify, warning 30 days before; started 2 years ago and not producing → exit; producing 3 years with tax per mu below half the contract → clear. Scoring: +2 per signed project from 1亿元, +5 from 10亿元; −1, −2, −4 per breach of the three classes; units ranked.
- Every run asserts that gongjian, the hand loop and json-rules-engine find the same warnings and breaches, and that gongjian and the hand loop rank the units identically.

| projects | decode | fold | exit rules | scoring + ranking (with explanations) | hand decode | hand loop | json-rules-engine (exit rules only) | engines ÷ hand loop | decode ÷ hand decode | json-rules-engine ÷ exit rules | input heap / peak heap | RSS |
|---|---|---|---|---|---|---|---|---|---|---|---|---|
${lines.join("\n")}

Linearity: ${linear || "one size only"}.

${readFileSync(new URL("./analysis.md", import.meta.url), "utf8")}${
  existsSync(new URL("./portal.md", import.meta.url))
    ? `\n${readFileSync(new URL("./portal.md", import.meta.url), "utf8")}`
    : ""
}`
writeFileSync(new URL("./results.md", import.meta.url), md)
console.log(`\nwrote bench/results.md`)
