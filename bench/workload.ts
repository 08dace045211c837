// The bench's workload, shared with the test that fixes the engines' outputs:
// a seeded county of N projects, the three-two-three exit rules and a small
// scoring policy.
import { Money } from "@gongjian/core"
import { ExitRule } from "@gongjian/exit-rules"
import type { ScoringPolicy } from "@gongjian/scoring"

export const ASOF = "2026-11-22"
// ── the workload: seeded, reproducible ───────────────────────────────────────
export const rng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
export const DAY = 86_400_000
export const iso = (days: number) => new Date(days * DAY).toISOString().slice(0, 10)
export const toDays = (s: string) =>
  Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / DAY
export const INDUSTRIES = [
  ["advanced-manufacturing", "secondary"],
  ["new-energy", "secondary"],
  ["modern-services", "tertiary"],
  ["logistics", "tertiary"],
  ["modern-agriculture", "primary"]
] as const
export const UNITS = 1000

export const generate = (n: number, seed = 20261122, units = UNITS) => {
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
      unit: `u${String(Math.floor(r() * units)).padStart(4, "0")}`,
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
    units: Array.from({ length: units }, (_, u) => ({
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
export const rules = ExitRule.threeTwoThree() // 3 months / 2 years / 3 years (tax per mu ≥ half), 30 days' warning
export const POINTS: Record<string, number> = {
  "land-idle": -1,
  "built-not-producing": -2,
  "no-results": -4
}
export const policy: ScoringPolicy.ScoringPolicy = {
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
