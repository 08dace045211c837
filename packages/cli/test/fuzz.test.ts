import { Snapshot } from "@gongjian/core"
import { Host } from "@gongjian/plugin-sdk"
import { all, Samples } from "@gongjian/policies"
import * as Result from "effect/Result"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { json } from "../src/internal/render.js"

// Fuzzing the samples as a county's files would arrive: a few records of a
// sample, then deleted fields, wrong values, duplicated and copied records.
// Whatever comes in:
// - decoding never throws; a rejection is a SnapshotError listing problems;
// - an accepted snapshot survives decode → encode → decode without losing or
//   changing anything;
// - the engines (exit rules, gates, scoring, through the host) never throw on
//   an accepted snapshot: the only plugin error allowed is the typed one
//   saying the policy reads a target the campaign does not have; every
//   output can be written as JSON.
// 2,000 seeded runs per sample, 10,000 in all, on every run of the suite.
const RUNS_PER_SAMPLE = 2_000

type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [k: string]: Json }
type Path = ReadonlyArray<string | number>

const interesting: ReadonlyArray<Json> = [
  null,
  true,
  false,
  "",
  "x",
  "\uFEFF",
  "a".repeat(300),
  0,
  -0,
  -1,
  1.5,
  1e21,
  Number.MAX_SAFE_INTEGER,
  "2026-02-29",
  "2024-02-29",
  "2026-13-01",
  "1999-12-31",
  "2026-12-31",
  "2026-01-01",
  "-1.2亿元",
  "2400万元",
  "5000万美元",
  "0元",
  "1e3元",
  { amount: "-5", currency: "CNY" },
  { amount: "12.5", currency: "USD" },
  [],
  {},
  "town-a",
  "secondary",
  "started",
  "signed",
  "outbound-trip",
  "principal",
  "per-unit",
  "start-rate"
]

/** Every path of a JSON value, the root excluded. */
const paths = (v: Json, at: Path = [], out: Array<Path> = []): Array<Path> => {
  if (Array.isArray(v)) for (const [i, x] of v.entries()) paths(x, [...at, i], out).push([...at, i])
  else if (v !== null && typeof v === "object")
    for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out).push([...at, k])
  return out
}
const get = (v: Json, path: Path): Json | undefined => {
  let node: Json | undefined = v
  for (const k of path) {
    if (node === null || typeof node !== "object") return undefined
    node = (node as Record<string | number, Json>)[k]
  }
  return node
}
const parentOf = (v: Json, path: Path) => get(v, path.slice(0, -1)) as unknown

type Mutation =
  | { readonly op: "delete"; readonly at: number }
  | { readonly op: "set"; readonly at: number; readonly value: Json }
  | { readonly op: "duplicate"; readonly at: number }
  | { readonly op: "copy"; readonly at: number; readonly from: number }

const mutate = (doc: Json, m: Mutation): void => {
  const all = paths(doc)
  if (all.length === 0) return
  const path = all[m.at % all.length]!
  const parent = parentOf(doc, path)
  const key = path[path.length - 1]!
  if (parent === null || typeof parent !== "object") return
  const p = parent as Record<string | number, Json> & Array<Json>
  switch (m.op) {
    case "delete":
      if (Array.isArray(p)) p.splice(key as number, 1)
      else delete p[key]
      return
    case "set":
      p[key] = structuredClone(m.value)
      return
    case "duplicate":
      if (Array.isArray(p)) p.splice(key as number, 0, structuredClone(p[key as number]!))
      return
    case "copy": {
      const from = get(doc, all[m.from % all.length]!)
      if (from !== undefined) p[key] = structuredClone(from)
      return
    }
  }
}

/** A few records of each list, chosen by the seeds, so that a run is cheap. */
const cut = (doc: Record<string, Json>, keep: ReadonlyArray<number>): Record<string, Json> => {
  const out: Record<string, Json> = { ...doc }
  for (const [i, list] of ["projects", "activities", "reports"].entries()) {
    const xs = out[list]
    if (!Array.isArray(xs) || xs.length === 0) continue
    const n = 1 + (keep[i]! % 6)
    const start = keep[i + 3]! % xs.length
    out[list] = [...xs.slice(start), ...xs.slice(0, start)].slice(0, n)
  }
  return structuredClone(out)
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({
    op: fc.constant("set" as const),
    at: fc.nat(),
    value: fc.constantFrom(...interesting)
  }),
  fc.record({ op: fc.constant("duplicate" as const), at: fc.nat() }),
  fc.record({ op: fc.constant("copy" as const), at: fc.nat(), from: fc.nat() })
)

/** Checks that every primitive of the input is in the encoding, at the same path and unchanged. */
const lost = (input: Json, encoded: Json, at: Path = []): string | undefined => {
  if (Array.isArray(input)) {
    if (!Array.isArray(encoded) || encoded.length !== input.length) return `${at.join(".")}: list`
    for (let i = 0; i < input.length; i++) {
      const l = lost(input[i]!, encoded[i]!, [...at, i])
      if (l) return l
    }
    return undefined
  }
  if (input !== null && typeof input === "object") {
    if (encoded === null || typeof encoded !== "object" || Array.isArray(encoded))
      return `${at.join(".")}: record`
    for (const [k, v] of Object.entries(input)) {
      if (!(k in encoded)) return `${[...at, k].join(".")}: dropped`
      const l = lost(v, (encoded as Record<string, Json>)[k]!, [...at, k])
      if (l) return l
    }
    return undefined
  }
  // Money text ("8.6亿元") is encoded in its object form; everything else as given.
  if (typeof input === "string" && encoded !== null && typeof encoded === "object") return undefined
  return Object.is(input, encoded) || (input === 0 && encoded === 0)
    ? undefined
    : `${at.join(".")}: ${JSON.stringify(input)} became ${JSON.stringify(encoded)}`
}

describe("fuzzed snapshots", () => {
  for (const [index, entry] of all.entries()) {
    const host = Result.getOrThrow(Host.load([{ plugin: entry.plugin }]))
    const sample = Samples.json(entry.sample) as Record<string, Json>
    it(`${entry.sample}: no untyped error, no lossy round trip, no engine failure`, {
      timeout: 120_000
    }, () => {
      let accepted = 0
      fc.assert(
        fc.property(
          fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
          fc.array(mutation, { minLength: 0, maxLength: 3 }),
          (keep, mutations) => {
            const doc = cut(sample, keep)
            for (const m of mutations) mutate(doc, m)
            const input = JSON.parse(JSON.stringify(doc)) as Json
            const r = Snapshot.decode(input)
            if (Result.isFailure(r)) {
              expect(r.failure).toBeInstanceOf(Snapshot.SnapshotError)
              expect(r.failure._tag).toBe("SnapshotError")
              expect(r.failure.problems.length).toBeGreaterThan(0)
              for (const p of r.failure.problems) expect(typeof p.message).toBe("string")
              return
            }
            accepted++
            const encoded = JSON.parse(JSON.stringify(Snapshot.encode(r.success))) as Json
            expect(lost(input, encoded)).toBeUndefined()
            const again = Snapshot.decode(encoded)
            expect(Result.isSuccess(again)).toBe(true)
            expect(JSON.stringify(Snapshot.encode(Result.getOrThrow(again)))).toBe(
              JSON.stringify(encoded)
            )
            Snapshot.notices(r.success)
            const out = Host.run(host, r.success)
            // The one error an accepted snapshot may bring: the policy reads a target
            // the campaign no longer has (a fuzzed id) — typed, and reported as such.
            const unexpected = out.errors.filter(
              (e) =>
                !(
                  e._tag === "PluginRuntimeError" &&
                  e.stage === "scoring" &&
                  /^([\w[\].]+: the campaign has no target [^;]+(; |$))+$/.test(e.detail)
                )
            )
            expect(unexpected.map((e) => e.message).join("\n")).toBe("")
            expect(typeof json(out)).toBe("string")
          }
        ),
        { numRuns: RUNS_PER_SAMPLE, seed: 20261201 + index }
      )
      // The fuzzing reaches the engines, not only the decoder.
      expect(accepted).toBeGreaterThan(RUNS_PER_SAMPLE / 10)
      expect(accepted).toBeLessThan(RUNS_PER_SAMPLE)
    })
  }
})
