import { readdirSync, readFileSync } from "node:fs"
import { Project, Snapshot } from "@gongjian/core"
import * as BigDecimal from "effect/BigDecimal"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Fast from "../src/internal/fastDecode.js"

// Snapshot.decode reads well-formed projects by plain checks and gives up on
// anything else, so that the schema reports the problems. Both halves are
// checked against the schema itself: the same value (keys in the same order,
// the same exact amounts) when the schema accepts, a fallback when it rejects.

const samplesDir = new URL("../../policies/samples/", import.meta.url)
const samples = readdirSync(samplesDir)
  .filter((f) => f.endsWith(".json") && !f.endsWith(".options.json"))
  .map((f) => JSON.parse(readFileSync(new URL(f, samplesDir), "utf8")) as Record<string, unknown>)
const sampleProjects = samples.flatMap((s) => s.projects as Array<Record<string, unknown>>)

const bySchema = Schema.decodeUnknownResult(Schema.Array(Project.Project))

/** A value as text with its keys in their order and amounts as exact decimals. */
const shape = (u: unknown): string =>
  JSON.stringify(u, (_k, v) =>
    BigDecimal.isBigDecimal(v) ? `${v.value}e-${v.scale}` : (v as unknown)
  )

const agree = (projects: ReadonlyArray<unknown>) => {
  const schema = bySchema(projects, { errors: "all", onExcessProperty: "error" })
  const fast = Fast.projects(projects)
  if (Result.isSuccess(schema)) {
    expect(fast).toStrictEqual(schema.success)
    expect(shape(fast)).toBe(shape(schema.success))
  } else expect(fast).toBeUndefined()
}

// Values that are wrong somewhere, right elsewhere.
const values = [
  "2026-02-30",
  "2026-03-01",
  "",
  " P-1",
  "P-1",
  -1,
  0,
  1.5,
  Number.NaN,
  "1亿元",
  "-1亿元",
  "三亿",
  { amount: "120000000", currency: "CNY" },
  { amount: "-1", currency: "CNY" },
  { amount: "1", currency: "EUR" },
  { amount: "1.50", currency: "USD", extra: 1 },
  null,
  [],
  ["major"],
  {},
  { type: "signed", date: "2026-03-01" },
  { type: "funds-arrived", date: "2026-03-01" },
  { type: "funds-arrived", date: "2026-03-01", amount: "3000万元", note: "首笔" },
  { type: "delay-exempted", date: "2026-03-01", reason: "疫情", until: "2026-04-01" },
  { type: "rectification-ordered", date: "2026-03-01", deadline: "2026-04-01", extra: true },
  "secondary"
]

/** Every place in a value: the path to each key of each object and array, and a new key in each object. */
const places = (u: unknown, path: Array<string> = []): Array<Array<string>> => {
  if (typeof u !== "object" || u === null) return []
  const here = Object.keys(u).flatMap((k) => [
    [...path, k],
    ...places((u as Record<string, unknown>)[k], [...path, k])
  ])
  return Array.isArray(u) ? here : [...here, [...path, "extra"]]
}

// Projects with every field the plain checks read, and every kind of event.
const rich: Array<Record<string, unknown>> = [
  {
    id: "R-1",
    name: "全字段项目",
    unit: "town-a",
    sector: "secondary",
    industry: "new-energy",
    investment: {
      total: { amount: "250000000", currency: "CNY" },
      contractForeign: "2000万美元",
      paidInForeign: { amount: "1000000.5", currency: "USD" },
      outsideDomestic: "8.6亿元",
      fundsInPlace: "0元"
    },
    flags: ["major", "key"],
    contract: {
      startBy: "2026-03-01",
      completeBy: "2027-03-01",
      produceBy: "2027-06-30",
      investmentIntensityPerMu: "300万元",
      taxPerMu: { amount: "300000", currency: "CNY" },
      outputPerMu: "1000万元",
      jobs: 120,
      energyTceePerYear: 5000.5
    },
    performance: [
      { on: "2026-06-30", taxPerMu: "20万元", outputPerMu: "800万元", jobs: 80 },
      { on: "2026-09-30", investmentIntensityPerMu: { amount: "2500000", currency: "CNY" } }
    ],
    events: [
      { type: "signed", date: "2026-01-10", note: "签约" },
      { type: "registered", date: "2026-01-20" },
      { type: "land-supplied", date: "2026-02-01" },
      { type: "funds-arrived", date: "2026-02-03", amount: "3000万元", note: "首笔" },
      { type: "delay-exempted", date: "2026-02-05", reason: "规划调整", until: "2026-03-05" },
      { type: "rectification-ordered", date: "2026-04-01", deadline: "2026-05-01" },
      { type: "rectified", date: "2026-04-20" },
      { type: "started", date: "2026-04-21" }
    ]
  },
  {
    id: "R-2",
    name: "投产项目",
    unit: "town-b",
    sector: "tertiary",
    contract: { taxPerMu: "30万元" },
    performance: [{ on: "2026-06-30", taxPerMu: "10万元" }],
    events: [
      { type: "planned", date: "2022-01-01" },
      { type: "negotiating", date: "2022-02-01" },
      { type: "signed", date: "2022-03-01" },
      { type: "started", date: "2022-05-01" },
      { type: "completed", date: "2023-05-01" },
      { type: "in-production", date: "2023-06-01" },
      { type: "full-production", date: "2024-06-01" },
      { type: "exited", date: "2025-06-01" },
      { type: "land-reclaimed", date: "2025-07-01" }
    ]
  }
]

/** A project with one field anywhere in it replaced, added or removed. */
const mutated = fc
  .oneof(fc.constantFrom(...rich), fc.constantFrom(...sampleProjects))
  .chain((p) =>
    fc.tuple(
      fc.constant(p),
      fc.constantFrom(...places(p), ["land"], ["flags"], ["performance"]),
      fc.option(fc.constantFrom(...values), { nil: undefined })
    )
  )
  .map(([p, path, value]) => {
    const copy = structuredClone(p)
    let node = copy
    for (const k of path.slice(0, -1)) node = node[k] as Record<string, unknown>
    const last = path.at(-1)!
    if (value === undefined) delete node[last]
    else node[last] = structuredClone(value)
    return copy
  })

describe("the decode fast path", () => {
  it("gives the schema's value for every sample project", () => {
    expect(sampleProjects.length).toBeGreaterThan(20)
    agree(sampleProjects)
    for (const p of [...rich, ...sampleProjects]) agree([p])
    expect(Fast.projects(rich)).toBeDefined()
  })

  it("gives the schema's value, or gives up where the schema rejects, for every change of a full project", () => {
    // Every place of the projects that hold every field, every value: removed or replaced.
    for (const p of rich)
      for (const path of places(p))
        for (const value of [undefined, ...values]) {
          const copy = structuredClone(p)
          let node = copy
          for (const k of path.slice(0, -1)) node = node[k] as Record<string, unknown>
          const last = path.at(-1)!
          if (value === undefined) delete node[last]
          else node[last] = structuredClone(value)
          agree([copy])
        }
  })

  it("gives the schema's value, or gives up where the schema rejects, after any one change", () => {
    fc.assert(
      fc.property(fc.array(mutated, { minLength: 1, maxLength: 3 }), (ps) => agree(ps)),
      { numRuns: 2000 }
    )
  })

  it("leaves the problem report to the schema: a malformed project gives the same problems", () => {
    // One project's date is not a date: the report names it, as the schema says.
    const input = structuredClone(samples[0]!)
    const projects = input.projects as Array<{ events: Array<{ date: string }> }>
    projects[1]!.events[0]!.date = "2026-02-30"
    expect(Fast.projects(input.projects)).toBeUndefined()
    const r = Snapshot.decode(input)
    expect(Result.isFailure(r) && r.failure.problems.map((p) => [p.path, p.code])).toEqual([
      ["projects[1].events[0].date", "filter"]
    ])
  })

  it("decodes a well-formed snapshot to the value the schema gives", () => {
    for (const input of samples) {
      const fast = Snapshot.decode(input)
      const schema = Schema.decodeUnknownSync(Snapshot.Snapshot)(input, {
        onExcessProperty: "error"
      })
      expect(Result.isSuccess(fast) && fast.success).toStrictEqual(schema)
      expect(shape(Result.isSuccess(fast) && fast.success)).toBe(shape(schema))
    }
  })
})
