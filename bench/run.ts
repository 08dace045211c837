// pnpm bench: the engines at 10k and 100k projects (1M with --full), side by
// side in one run with two hand-written loops (a lean one over flat arrays and
// day numbers, the floor; one over Maps and Dates, as a second reference),
// json-rules-engine and GoRules zen on the same rules. Each size is run
// several times (--runs N, default 3), in a process of its own: ratios are
// taken within a run and reported as the median and the range. Writes
// bench/results.md. Run with --expose-gc for the memory figures.
import { spawnSync } from "node:child_process"
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { arch, cpus, totalmem } from "node:os"
import { fileURLToPath } from "node:url"
import { Snapshot, View } from "@gongjian/core"
import { ExitEngine } from "@gongjian/exit-rules"
import { Assessment, Session } from "@gongjian/scoring"
import { ZenEngine } from "@gorules/zen-engine"
import * as Result from "effect/Result"
import { Engine } from "json-rules-engine"
import { ASOF, DAY, generate, POINTS, policy, rules, toDays, UNITS } from "./workload.ts"

const full = process.argv.includes("--full")
const sizeArg = process.argv.indexOf("--size")
const sizes =
  sizeArg > 0
    ? [Number(process.argv[sizeArg + 1])]
    : full
      ? [10_000, 100_000, 1_000_000]
      : [10_000, 100_000]
const runsArg = process.argv.indexOf("--runs")
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3
const ENGINE_PASSES = 20 // warm passes of the engines per run, the best one kept
const LEAN_PASSES = 20 // passes of each hand loop per run, the best one kept
const RULE_ENGINE_LIMIT = 100_000 // json-rules-engine and zen are run up to this size
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})
const heap = () => {
  gc()
  return process.memoryUsage().heapUsed
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
  const a = Assessment.run(policy, { view, exit: report })
  if (Result.isFailure(a)) throw a.failure
  t.scoring = performance.now() - t0
  mem.push(heap())
  // The engines again, warm, on the same decoded snapshot: the best of
  // ENGINE_PASSES passes (each its own view), so that a pass slowed by the
  // shared machine does not stand for the engines.
  const passes: Array<number> = []
  for (let k = 0; k < ENGINE_PASSES; k++) {
    let t1 = performance.now()
    const v = View.make(s)
    const fold = performance.now() - t1
    t1 = performance.now()
    const r = ExitEngine.evaluate({ rules, view: v })
    const exit = performance.now() - t1
    t1 = performance.now()
    const b = Assessment.run(policy, { view: v, exit: r })
    const scoring = performance.now() - t1
    if (Result.isFailure(b)) throw b.failure
    passes.push(fold + exit + scoring)
    if (fold + exit + scoring < t.fold! + t.exit! + t.scoring!) {
      t.fold = fold
      t.exit = exit
      t.scoring = scoring
    }
  }
  t.median = median(passes)
  // What the first pass found, read after the timed passes (the findings and
  // lines are made when first read).
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

// ── re-assessing after one unit's submission ─────────────────────────────────
// A session over the decoded snapshot; unit u0000 submits its projects with
// its first project's last event taken back, then as they were, each timed.
// The result is checked against the whole run on the session's snapshot.
const runSession = (s: Parameters<typeof View.make>[0]) => {
  const findingsOf = (view: View.View) => ExitEngine.evaluate({ rules, view }).findings
  const started = Result.getOrThrow(Session.make(policy, { snapshot: s, findings: findingsOf }))
  if (!started.incremental) throw new Error("the bench policy should be worked out unit by unit")
  const unit = "u0000"
  const own = s.projects.filter((p) => p.unit === unit)
  const changed = own.map((p, i) =>
    i === 0 && p.events.length > 0 ? { ...p, events: p.events.slice(0, -1) } : p
  )
  const times: Array<number> = []
  for (const list of [changed, own, changed, own, changed]) {
    const t0 = performance.now()
    const r = started.submit(unit, list)
    times.push(performance.now() - t0)
    if (Result.isFailure(r)) throw r.failure
  }
  const view = View.make(started.snapshot)
  const whole = Result.getOrThrow(Assessment.run(policy, { view, findings: findingsOf(view) }))
  const brief = (a: Assessment.Assessment) =>
    a.units.map((u) => [u.unit, u.total, u.earned, u.rank, u.lines.length])
  same(
    "the session's and the whole run's assessments",
    s.projects.length,
    brief(started.assessment),
    brief(whole)
  )
  return { submit: median(times), projects: own.length }
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

// ── the lean loop: what a performance engineer writes, the floor ─────────────
// Flat typed arrays, one slot per project; dates as day numbers (days since
// 1970-01-01), parsed from the ISO text by arithmetic; money as integers; units
// as indices. No Map, Date or object per project in the loop.
const LEAN_FIRST_YEAR = 1970
const LEAN_YEARS = 120
const monthStart = new Int32Array(LEAN_YEARS * 12 + 1) // day number of each month's 1st
for (let m = 0; m <= LEAN_YEARS * 12; m++)
  monthStart[m] = Date.UTC(LEAN_FIRST_YEAR + Math.floor(m / 12), m % 12, 1) / DAY
const monthOfDay = new Int32Array(monthStart[LEAN_YEARS * 12]!) // month index of each day
for (let m = 0; m < LEAN_YEARS * 12; m++) monthOfDay.fill(m, monthStart[m]!, monthStart[m + 1]!)
/** The day `months` calendar months after `day`, clamped to the month's last day. */
const leanAddMonths = (day: number, months: number) => {
  const m = monthOfDay[day]!
  const dom = day - monthStart[m]!
  const t = m + months
  const len = monthStart[t + 1]! - monthStart[t]!
  return monthStart[t]! + (dom < len ? dom : len - 1)
}
const cc = (s: string, i: number) => s.charCodeAt(i) - 48
/** "YYYY-MM-DD" → day number, by arithmetic. */
const leanDay = (s: string) =>
  monthStart[
    (cc(s, 0) * 1000 + cc(s, 1) * 100 + cc(s, 2) * 10 + cc(s, 3) - LEAN_FIRST_YEAR) * 12 +
      cc(s, 5) * 10 +
      cc(s, 6) -
      1
  ]! +
  cc(s, 8) * 10 +
  cc(s, 9) -
  1
const NONE = -1
interface Lean {
  readonly n: number
  readonly unitIds: ReadonlyArray<string> // sorted: index order is id order
  readonly unit: Int32Array
  readonly signed: Int32Array
  readonly land: Int32Array
  readonly started: Int32Array
  readonly completed: Int32Array
  readonly producing: Int32Array
  readonly total: Float64Array // 元, integers
  readonly promised: Float64Array // tax per mu in the contract, 元; 0 when none
  readonly actual: Float64Array // tax per mu measured, 元; −1 when none
}
const leanDecode = (input: RawInput): Lean => {
  const ps = input.projects
  const n = ps.length
  const unitIds = input.units.map((u) => u.id).sort()
  const unitIndex = new Map(unitIds.map((u, i) => [u, i]))
  const l = {
    n,
    unitIds,
    unit: new Int32Array(n),
    signed: new Int32Array(n).fill(NONE),
    land: new Int32Array(n).fill(NONE),
    started: new Int32Array(n).fill(NONE),
    completed: new Int32Array(n).fill(NONE),
    producing: new Int32Array(n).fill(NONE),
    total: new Float64Array(n),
    promised: new Float64Array(n),
    actual: new Float64Array(n).fill(-1)
  }
  for (let i = 0; i < n; i++) {
    const p = ps[i]!
    l.unit[i] = unitIndex.get(p.unit)!
    for (const e of p.events) {
      const d = leanDay(e.date)
      switch (e.type) {
        case "signed":
          l.signed[i] = d
          break
        case "land-supplied":
          l.land[i] = d
          break
        case "started":
          l.started[i] = d
          break
        case "completed":
          l.completed[i] = d
          break
        case "in-production":
          l.producing[i] = d
      }
    }
    l.total[i] = Number(p.investment.total.amount)
    if (p.contract?.taxPerMu) l.promised[i] = Number(p.contract.taxPerMu.amount)
    const m = p.performance?.[0]?.taxPerMu
    if (m) l.actual[i] = Number(m.amount)
  }
  return l
}
const leanRun = (l: Lean): Outcome => {
  const asOf = leanDay(ASOF)
  const units = l.unitIds.length
  const total = new Int32Array(units)
  const earned = new Int32Array(units)
  let warning = 0
  let breach = 0
  const P_IDLE = POINTS["land-idle"]!
  const P_BUILT = POINTS["built-not-producing"]!
  const P_RESULTS = POINTS["no-results"]!
  for (let i = 0; i < l.n; i++) {
    const u = l.unit[i]!
    const prod = l.producing[i]!
    const st = l.started[i]!
    const started = st !== NONE ? st : l.completed[i] !== NONE ? l.completed[i]! : prod
    const land = l.land[i]!
    if (land !== NONE && started === NONE) {
      const dl = leanAddMonths(land, 3)
      if (asOf > dl) {
        breach++
        total[u]! += P_IDLE
      } else if (asOf >= dl - 30) warning++
    }
    if (started !== NONE && prod === NONE) {
      const dl = leanAddMonths(started, 24)
      if (asOf > dl) {
        breach++
        total[u]! += P_BUILT
      } else if (asOf >= dl - 30) warning++
    }
    if (prod !== NONE) {
      const dl = leanAddMonths(prod, 36)
      const promised = l.promised[i]!
      if (asOf >= dl - 30 && promised > 0 && l.actual[i]! >= 0 && l.actual[i]! * 2 < promised) {
        if (asOf > dl) {
          breach++
          total[u]! += P_RESULTS
        } else warning++
      }
    }
    if (l.signed[i] !== NONE || started !== NONE || land !== NONE) {
      const t = l.total[i]!
      const pts = t >= 1_000_000_000 ? 5 : t >= 100_000_000 ? 2 : 0
      total[u]! += pts
      earned[u]! += pts
    }
  }
  const order = Array.from({ length: units }, (_, i) => i)
  order.sort((a, b) => total[b]! - total[a]! || earned[b]! - earned[a]! || a - b)
  return {
    findings: { warning, breach, escalated: 0 },
    ranking: order.map((i) => l.unitIds[i]!)
  }
}

// ── GoRules zen: the same exit rules as a decision table ─────────────────────
// One table, hit policy "collect": a row per class and severity over the
// deadlines (0 when the class does not apply), the tax ratio and the as-of day.
const zenDecision = () => {
  const row = (id: string, column: string, severity: string, extra: Record<string, string>) => ({
    _id: id,
    idle: "",
    produce: "",
    results: "",
    taxRatio: "",
    [column]: "> 0",
    asOf: severity === "breach" ? `> ${column}` : `<= ${column} and $ >= ${column} - 30`,
    severity: `"${severity}"`,
    ...extra
  })
  const columns = ["idle", "produce", "results", "taxRatio", "asOf"]
  return new ZenEngine().createDecision({
    nodes: [
      { id: "in", type: "inputNode", name: "request", position: { x: 0, y: 0 } },
      {
        id: "table",
        type: "decisionTableNode",
        name: "exit rules",
        position: { x: 1, y: 0 },
        content: {
          hitPolicy: "collect",
          inputs: columns.map((c) => ({ id: c, name: c, field: c })),
          outputs: [{ id: "severity", name: "severity", field: "severity" }],
          rules: [
            row("idle-breach", "idle", "breach", {}),
            row("idle-warning", "idle", "warning", {}),
            row("produce-breach", "produce", "breach", {}),
            row("produce-warning", "produce", "warning", {}),
            row("results-breach", "results", "breach", { taxRatio: "< 0.5" }),
            row("results-warning", "results", "warning", { taxRatio: "< 0.5" })
          ]
        }
      },
      { id: "out", type: "outputNode", name: "response", position: { x: 2, y: 0 } }
    ],
    edges: [
      { id: "e1", sourceId: "in", targetId: "table", type: "edge" },
      { id: "e2", sourceId: "table", targetId: "out", type: "edge" }
    ]
  })
}
const zenRun = async (raws: ReadonlyArray<Raw>) => {
  const decision = zenDecision()
  const asOf = toDays(ASOF)
  const findings = { warning: 0, breach: 0, escalated: 0 }
  const BATCH = 256 // evaluations in flight: zen evaluates on its own threads
  for (let from = 0; from < raws.length; from += BATCH) {
    const batch = raws.slice(from, from + BATCH).map((p) => {
      const { m } = p
      const started = m.started ?? m.completed ?? m["in-production"]
      return decision.evaluate({
        asOf,
        idle:
          m["land-supplied"] !== undefined && started === undefined
            ? addMonths(m["land-supplied"], 3)
            : 0,
        produce:
          started !== undefined && m["in-production"] === undefined ? addMonths(started, 24) : 0,
        results: m["in-production"] !== undefined ? addMonths(m["in-production"], 36) : 0,
        taxRatio: p.taxRatio ?? 1
      })
    })
    for (const r of await Promise.all(batch))
      for (const hit of r.result as Array<{ severity: "warning" | "breach" }>)
        findings[hit.severity]++
  }
  return findings
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
const fmt = (ms: number) =>
  Number.isNaN(ms) ? "—" : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`
const median = (xs: ReadonlyArray<number>) => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b)
  return s.length === 0 ? Number.NaN : s[Math.floor((s.length - 1) / 2)]!
}
const ratio = (xs: ReadonlyArray<number>, digits = 1) => {
  const s = xs.filter((x) => !Number.isNaN(x))
  if (s.length === 0) return "—"
  const f = (x: number) => x.toFixed(digits)
  return s.length === 1
    ? `${f(s[0]!)}×`
    : `${f(median(s))}× (${f(Math.min(...s))}–${f(Math.max(...s))})`
}
const same = (what: string, n: number, a: unknown, b: unknown) => {
  if (JSON.stringify(a) !== JSON.stringify(b))
    throw new Error(`${what} disagree at ${n}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`)
}

interface Sample {
  readonly decode: number
  readonly parse: number
  readonly fold: number
  readonly exit: number
  readonly scoring: number
  readonly leanDecode: number
  readonly lean: number
  readonly handDecode: number
  readonly hand: number
  readonly jre: number
  readonly zen: number
  readonly decoded: number
  readonly peak: number
  readonly submit: number
  readonly unitProjects: number
  /** The median of the warm passes, of the engines and of the lean loop. */
  readonly enginesMedian: number
  readonly leanMedian: number
}
const engines = (s: Sample) => s.fold + s.exit + s.scoring
interface Row {
  readonly n: number
  readonly samples: Array<Sample>
  readonly rss: number
  readonly inputBytes: number
}
// Each size is run in a process of its own (this script with --child N), so
// that a size's figures do not carry the heap the smaller sizes left: the
// child prints its row, the parent writes the results.
const child = process.argv.indexOf("--child")
const ROW = "bench-row "
const rows: Array<Row> = []
if (child < 0) {
  for (const n of sizes) {
    const out = spawnSync(
      process.execPath,
      [
        ...process.execArgv,
        fileURLToPath(import.meta.url),
        "--child",
        String(n),
        "--runs",
        String(RUNS)
      ],
      { stdio: ["ignore", "pipe", "inherit"], encoding: "utf8", maxBuffer: 1 << 26 }
    )
    if (out.status !== 0) throw new Error(`the run of ${n} projects failed (${out.status})`)
    for (const line of out.stdout.split("\n")) {
      if (line.startsWith(ROW))
        rows.push(
          // A figure not taken (NaN) is written as null.
          JSON.parse(line.slice(ROW.length), (_, v) => (v === null ? Number.NaN : v)) as Row
        )
      else if (line !== "") console.log(line)
    }
  }
}
for (const n of child < 0 ? [] : [Number(process.argv[child + 1])]) {
  const base = heap()
  const input = generate(n)
  const inputBytes = heap() - base
  const text = JSON.stringify(input)
  const samples: Array<Sample> = []
  for (let run = 0; run < RUNS; run++) {
    const before = heap()
    const g = runGongjian(input)
    const tp = performance.now()
    JSON.parse(text)
    const parse = performance.now() - tp
    let t0 = performance.now()
    const raws = handDecode(input)
    const handDecodeMs = performance.now() - t0
    // Each hand loop: the best of LEAN_PASSES passes over its decoded input.
    const best = <A>(f: () => A): [A, number, number] => {
      let out: A | undefined
      const times: Array<number> = []
      for (let k = 0; k < LEAN_PASSES; k++) {
        const t1 = performance.now()
        out = f()
        times.push(performance.now() - t1)
      }
      return [out!, Math.min(...times), median(times)]
    }
    const unitIds = input.units.map((u) => u.id)
    const [hand, handMs] = best(() => handRun(raws, unitIds))
    t0 = performance.now()
    const l = leanDecode(input)
    const leanDecodeMs = performance.now() - t0
    const [lean, leanMs, leanMedian] = best(() => leanRun(l))
    let jreMs = Number.NaN
    let zenMs = Number.NaN
    let session = { submit: Number.NaN, projects: 0 }
    if (run === 0) {
      const decoded = Snapshot.decode(input)
      if (Result.isFailure(decoded)) throw decoded.failure
      session = runSession(decoded.success)
    }
    if (run === 0 && n <= RULE_ENGINE_LIMIT) {
      t0 = performance.now()
      const jre = await jreRun(raws)
      jreMs = performance.now() - t0
      same("json-rules-engine and the hand loop", n, jre, hand.findings)
      t0 = performance.now()
      const zen = await zenRun(raws)
      zenMs = performance.now() - t0
      same("zen and the hand loop", n, zen, hand.findings)
    }
    same("the lean and the Map hand loops", n, lean, hand)
    same("gongjian's and the hand loop's findings", n, g.outcome.findings, hand.findings)
    same("gongjian's and the hand loop's rankings", n, g.outcome.ranking, hand.ranking)
    samples.push({
      decode: g.t.decode!,
      parse,
      fold: g.t.fold!,
      exit: g.t.exit!,
      scoring: g.t.scoring!,
      leanDecode: leanDecodeMs,
      lean: leanMs,
      handDecode: handDecodeMs,
      hand: handMs,
      jre: jreMs,
      zen: zenMs,
      decoded: g.mem[0]! - before,
      peak: Math.max(...g.mem) - before,
      submit: session.submit,
      unitProjects: session.projects,
      enginesMedian: g.t.median!,
      leanMedian
    })
    const s = samples.at(-1)!
    console.log(
      `${n.toLocaleString("en")} projects, run ${run + 1}/${RUNS}: JSON.parse ${fmt(parse)}, decode ${fmt(s.decode)}, fold ${fmt(s.fold)}, exit rules ${fmt(s.exit)}, scoring+ranking ${fmt(s.scoring)} | lean loop ${fmt(leanMs)}, hand loop ${fmt(handMs)} | json-rules-engine ${fmt(jreMs)}, zen ${fmt(zenMs)} | one unit ${fmt(session.submit)} | findings ${JSON.stringify(hand.findings)}: all agree, rankings identical`
    )
  }
  console.log(
    `${ROW}${JSON.stringify({ n, samples, rss: process.memoryUsage().rss, inputBytes } satisfies Row)}`
  )
}
if (child >= 0) process.exit(0)

const med = (r: (typeof rows)[number], f: (s: Sample) => number) => median(r.samples.map(f))
const table = rows
  .map((r) => {
    const { n } = r
    const us = (ms: number) => `${((ms * 1000) / n).toFixed(2)} µs`
    const e = med(r, engines)
    return `| ${n.toLocaleString("en")} | ${fmt(med(r, (s) => s.parse))} | ${fmt(med(r, (s) => s.decode))} (${us(med(r, (s) => s.decode))}) | ${fmt(med(r, (s) => s.fold))} | ${fmt(med(r, (s) => s.exit))} | ${fmt(med(r, (s) => s.scoring))} | ${fmt(e)} (${us(e)}) | ${fmt(med(r, (s) => s.lean))} (${us(med(r, (s) => s.lean))}) | ${fmt(med(r, (s) => s.hand))} | ${fmt(med(r, (s) => s.jre))} | ${fmt(med(r, (s) => s.zen))} | ${fmt(med(r, (s) => s.submit))} (${r.samples[0]!.unitProjects} projects) |`
  })
  .join("\n")
const ratios = rows
  .map((r) => {
    const { n, samples } = r
    return `| ${n.toLocaleString("en")} | ${ratio(samples.map((s) => engines(s) / s.lean))} | ${ratio(samples.map((s) => s.enginesMedian / s.leanMedian))} (${fmt(med(r, (s) => s.enginesMedian))}) | ${ratio(samples.map((s) => engines(s) / s.hand))} | ${ratio(samples.map((s) => s.decode / s.parse))} | ${ratio(
      samples.map((s) => s.jre / s.exit),
      0
    )} | ${ratio(
      samples.map((s) => s.zen / s.exit),
      1
    )} | ${ratio(
      samples.map((s) => s.submit / engines(s)),
      4
    )} | ${mb(med(r, (s) => s.decoded))} / ${mb(med(r, (s) => s.peak))} (${ratio(
      samples.map((s) => s.peak / s.decoded),
      2
    )}) | ${mb(r.rss)} |`
  })
  .join("\n")

const cost = (r: (typeof rows)[number]) => med(r, (s) => s.decode + s.fold + s.exit + s.scoring)
const linear =
  rows.length >= 2
    ? rows
        .slice(1)
        .map((r, i) => {
          const prev = rows[i]!
          return `${prev.n.toLocaleString("en")} → ${r.n.toLocaleString("en")} projects (×${r.n / prev.n}): ${(cost(r) / cost(prev)).toFixed(2)}× the cost`
        })
        .join("; ")
    : ""

const md = `# Benchmarks

Generated by ${full ? "`pnpm --filter @gongjian/bench run bench:full`" : "`pnpm bench`"} (\`bench/run.ts\`) in one run, each size in a process of its own; do not edit by hand.

- Machine: ${cpus()[0]?.model ?? "unknown"} × ${cpus().length}, ${arch()}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB; Node ${process.version}. The machine is shared: absolute times are noisy, so every size is run ${RUNS} times in this one run, ratios are taken within each run (same process, same moment) and given as the median with the range in brackets; times are medians.
- Versions: gongjian 0.1.0, effect 4.1.0, json-rules-engine 7.3.1, @gorules/zen-engine 0.54.0
- Workload: N projects over ${UNITS.toLocaleString("en")} units in 5 industries, stages from negotiating to in production with seeded dates and amounts (seed 20261122), as of ${ASOF}.
- Rules: land supplied 3 months ago and not started → rectify, warning 30 days before; started 2 years ago and not producing → exit; producing 3 years with tax per mu below half the contract → clear. Scoring: +2 per signed project from 1亿元, +5 from 10亿元; −1, −2, −4 per breach of the three classes; units ranked.
- The floor is the **lean loop**: flat typed arrays, day numbers parsed from the text by arithmetic, integer amounts, unit indices, no Map, Date or object per project. The **hand loop** (a \`Map\` of events and \`Date\` arithmetic per project) is a second reference. json-rules-engine and zen (one decision table, hit policy "collect") run the exit rules on facts with the deadlines computed, up to ${RULE_ENGINE_LIMIT.toLocaleString("en")} projects, in the first run of each size.
- Within each run the engines are timed cold once (with the memory figures) and then warm, ${ENGINE_PASSES} passes on the same decoded snapshot, each its own view; the hand loops are run ${LEAN_PASSES} times each. The **best** pass of each is the run's figure, so a pass slowed by the shared machine does not count against either side; the ratio of the **median** passes is given beside it, since a pass that a full collection falls in is slower (see below).
- Every run asserts that gongjian, both hand loops, json-rules-engine and zen find the same warnings and breaches, and that gongjian and both hand loops rank the units identically.
- **engines** = fold + exit rules + scoring and ranking (with explanations available; the view of a decoded snapshot at its own date reuses the histories decode folded to check them, so the fold column is near zero and the folding is in decode); **decode** = \`Snapshot.decode\` of the parsed JSON (the fast path for well-formed projects, the references and histories checked), against \`JSON.parse\` of the same text; **re-assess one unit** = \`Session.submit\` of one unit's projects (a stage taken back, then restored; median of 5) in the first run of each size, checked against the whole run; **peak / decoded** = the heap the engines peak at over the heap the decoded snapshot takes.

| projects | JSON.parse | decode | fold | exit rules | scoring + ranking | engines | lean loop | hand loop | json-rules-engine | zen | re-assess one unit |
|---|---|---|---|---|---|---|---|---|---|---|---|
${table}

| projects | engines ÷ lean loop | median pass ÷ median pass (engines' median pass) | engines ÷ hand loop | decode ÷ JSON.parse | json-rules-engine ÷ exit rules | zen ÷ exit rules | one unit ÷ engines | decoded / peak heap (peak ÷ decoded) | RSS |
|---|---|---|---|---|---|---|---|---|---|
${ratios}

Linearity (decode + engines, medians): ${linear || "one size only"}.

${readFileSync(new URL("./analysis.md", import.meta.url), "utf8")}${
  existsSync(new URL("./portal.md", import.meta.url))
    ? `\n${readFileSync(new URL("./portal.md", import.meta.url), "utf8")}`
    : ""
}`
// The sections other benchmarks write (spreadsheet import, the ledger) are kept.
const resultsUrl = new URL("./results.md", import.meta.url)
const previous = existsSync(resultsUrl) ? readFileSync(resultsUrl, "utf8") : ""
const others = previous.indexOf("\n## Spreadsheet import")
writeFileSync(resultsUrl, others < 0 ? md : `${md.trimEnd()}\n${previous.slice(others)}`)
console.log(`\nwrote bench/results.md`)
