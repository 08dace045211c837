/**
 * Generated counties (模拟县) for a simulated province: a seeded, reproducible
 * county campaign of towns and projects in the snapshot format, so that a
 * province of any size can be loaded, assessed and ranked where no real data
 * is at hand.
 *
 * @since 0.1.0
 */
import { fnv1a, rng } from "./internal/random.js"

/**
 * The as-of date of the generated counties' records, and of the standard
 * province policy.
 *
 * @example
 * {@includeCode ../examples/County.ts#generate}
 *
 * @since 0.1.0
 * @category constants
 */
export const AS_OF = "2026-11-22"

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

const STEPS: ReadonlyArray<readonly [string, number, number]> = [
  ["negotiating", 0, 0],
  ["signed", 10, 120],
  ["land-supplied", 10, 150],
  ["started", 10, 200],
  ["completed", 200, 700],
  ["in-production", 20, 300]
]

/**
 * A generated county campaign in the snapshot format (JSON, as a file holds
 * it): a county unit with `towns` towns under it, and `projects` projects
 * spread over them, each with 1 to 6 stages between 2019 and the as-of date,
 * money in 元, and, once producing, a contracted and a measured tax per mu.
 * The same id, size and seed give the same county, byte for byte; two
 * counties of different ids differ.
 *
 * @example
 * {@includeCode ../examples/County.ts#generate}
 *
 * @since 0.1.0
 * @category constructors
 */
export const generate = (options: {
  readonly id: string
  readonly name?: string | undefined
  readonly projects: number
  readonly towns?: number | undefined
  readonly seed?: number | undefined
}): { readonly [key: string]: unknown } => {
  const { id } = options
  const towns = options.towns ?? 12
  const r = rng(fnv1a(id) ^ (options.seed ?? 20261122))
  const asOf = toDays(AS_OF)
  const start = toDays("2019-01-01")
  const pad = (n: number, width: number) => String(n).padStart(width, "0")
  const projects = Array.from({ length: options.projects }, (_, i) => {
    const [industry, sector] = INDUSTRIES[Math.floor(r() * INDUSTRIES.length)]!
    const depth = 1 + Math.floor(r() * STEPS.length)
    const events: Array<{ type: string; date: string }> = []
    let d = start + Math.floor(r() * 2800)
    for (let s = 0; s < depth; s++) {
      const [type, lo, hi] = STEPS[s]!
      d += lo + Math.floor(r() * (hi - lo + 1))
      if (d > asOf) break
      events.push({ type, date: iso(d) })
    }
    const total = (1 + Math.floor(r() * 2000)) * 1_000_000
    const producing = events.at(-1)?.type === "in-production"
    const contracted = (20 + Math.floor(r() * 30)) * 10_000
    const measured = (5 + Math.floor(r() * 55)) * 10_000
    return {
      id: `${id}-P${pad(i + 1, 6)}`,
      name: `项目${i + 1}`,
      unit: `${id}-t${pad(Math.floor(r() * towns) + 1, 3)}`,
      sector,
      industry,
      investment: { total: { amount: String(total), currency: "CNY" } },
      ...(producing
        ? {
            contract: { taxPerMu: { amount: String(contracted), currency: "CNY" } },
            performance: [
              { on: "2026-06-30", taxPerMu: { amount: String(measured), currency: "CNY" } }
            ]
          }
        : {}),
      events
    }
  })
  return {
    asOf: AS_OF,
    campaign: {
      id: `${id}-project-year-2026`,
      title: "项目攻坚年",
      kind: "project-year",
      window: { start: "2026-01-01", end: "2026-12-31" },
      phases: [],
      cadence: [],
      assessedUnitKinds: ["town"],
      targets: []
    },
    units: [
      { id, name: options.name ?? `${id}县`, kind: "county" },
      ...Array.from({ length: towns }, (_, t) => ({
        id: `${id}-t${pad(t + 1, 3)}`,
        name: `${options.name ?? `${id}县`}${t + 1}镇`,
        kind: "town",
        parent: id
      }))
    ],
    projects,
    activities: [],
    reports: []
  }
}

/**
 * The ids of a generated province's counties: `c001`, `c002`, …
 *
 * @example
 * {@includeCode ../examples/County.ts#generate}
 *
 * @since 0.1.0
 * @category constructors
 */
export const ids = (count: number): ReadonlyArray<string> =>
  Array.from({ length: count }, (_, i) => `c${String(i + 1).padStart(3, "0")}`)
