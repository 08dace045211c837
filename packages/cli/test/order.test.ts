import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as NodeServices from "@effect/platform-node/NodeServices"
import { Cli } from "@gongjian/cli"
import { Samples } from "@gongjian/policies"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"

// Every output of every command, in every format, is byte-identical whatever
// the order of the input: every array of every sample is shuffled, anywhere in
// the document (units, projects, events, activities, reports, targets,
// allocations, flags, phases…), and each output compared with the original's.
const tmp = mkdtempSync(join(tmpdir(), "gongjian-order-"))

/** Runs the CLI in this process; stdout and stderr as text, with the exit code. */
const gongjian = async (...args: ReadonlyArray<string>): Promise<string> => {
  const out: Array<string> = []
  const write = (...xs: ReadonlyArray<unknown>) => {
    out.push(xs.map(String).join(" "))
  }
  const console = { ...globalThis.console, log: write, error: write } as Console.Console
  const code = await Effect.runPromise(
    Cli.run(args).pipe(
      Effect.provideService(Console.Console, console),
      Effect.provide(NodeServices.layer)
    )
  )
  return `${out.join("\n")}\nexit ${code}\n`
}

/** Every command and format a user can ask for. */
const outputs = async (
  file: string,
  policy: string,
  unit: string
): Promise<Record<string, string>> => {
  const runs: Record<string, ReadonlyArray<string>> = {
    "validate table": ["validate", file],
    "validate json": ["validate", file, "--format", "json"],
    "assess table": ["assess", file, "--policy", policy],
    "assess json": ["assess", file, "--policy", policy, "--format", "json"],
    "assess md": ["assess", file, "--policy", policy, "--format", "md", "--lang", "en"],
    "check table": ["check", file, "--policy", policy],
    "check json": ["check", file, "--policy", policy, "--format", "json"],
    "check md": ["check", file, "--policy", policy, "--format", "md"],
    "explain text": ["explain", file, "--policy", policy, "--unit", unit],
    "explain json": ["explain", file, "--policy", policy, "--unit", unit, "--format", "json"]
  }
  const result: Record<string, string> = {}
  for (const [name, args] of Object.entries(runs)) result[name] = await gongjian(...args)
  return result
}

/** Shuffles every array in a JSON value, at every depth, with a source of random naturals. */
const shuffleAll = (value: unknown, random: () => number): unknown => {
  if (Array.isArray(value)) {
    const out = value.map((v) => shuffleAll(v, random))
    for (let k = out.length - 1; k > 0; k--) {
      const j = random() % (k + 1)
      ;[out[k], out[j]] = [out[j], out[k]]
    }
    return out
  }
  if (value !== null && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, shuffleAll(v, random)] as const)
    )
  return value
}

// 002 with what no result counts: records after the as-of date and money in
// another currency than its target, so that notices and rejections are listed.
const withNotices = (): unknown => {
  const s = Samples.json("002-investment-drive") as {
    asOf: string
    campaign: { targets: Array<unknown> }
    units: Array<{ id: string }>
    projects: Array<{ id: string; events: Array<unknown>; investment?: unknown }>
    activities: Array<unknown>
  }
  const unit = s.units[0]!.id
  s.activities.push(
    { id: "LATE-2", kind: "other", unit, date: "2099-01-02" },
    { id: "LATE-1", kind: "outbound-trip", unit, role: "principal", date: "2099-01-01" }
  )
  s.projects[0]!.events.push({ type: "registered", date: "2099-03-01" })
  s.projects[1]!.investment = { paidInForeign: "2400万元" }
  s.projects[2]!.investment = { paidInForeign: "100万元" }
  s.campaign.targets.push({
    id: "fdi",
    title: "实到外资",
    measure: "paid-in-fdi",
    scope: "area",
    goal: "5000万美元",
    allocations: [{ unit, goal: "1000万美元" }]
  })
  return s
}

describe("outputs do not depend on the order of the input", () => {
  const cases: ReadonlyArray<[string, Samples.SampleId, () => unknown]> = [
    ...Samples.ids.map(
      (id) => [id, id, () => Samples.json(id)] as [string, Samples.SampleId, () => unknown]
    ),
    ["002 with notices and rejections", "002-investment-drive", withNotices]
  ]
  for (const [name, id, sample] of cases) {
    it(`${name}: every array shuffled, every output byte-identical`, async () => {
      const original = join(tmp, `${name}.json`)
      writeFileSync(original, JSON.stringify(sample()))
      const units = (sample() as { units: Array<{ id: string; kind: string }> }).units
      const unit = units.find((u) => u.kind !== "district")?.id ?? units[0]!.id
      const reference = await outputs(original, id, unit)
      // The outputs are real: a ranking and findings, not empty text.
      expect(reference["assess json"]).toContain('"units"')
      if (sample === withNotices) {
        const validated = reference["validate json"]!.replace(/\nexit \d+\n$/, "")
        expect(JSON.parse(validated).notices).toHaveLength(5)
        expect(reference["assess json"]).toContain("after the snapshot's as-of date")
      }
      let n = 0
      await fc.assert(
        fc.asyncProperty(fc.noShrink(fc.infiniteStream(fc.nat())), async (stream) => {
          const it = stream[Symbol.iterator]()
          const shuffled = shuffleAll(sample(), () => it.next().value as number)
          const file = join(tmp, `${name}-shuffled-${n++}.json`)
          writeFileSync(file, JSON.stringify(shuffled))
          const got = await outputs(file, id, unit)
          for (const name of Object.keys(reference))
            expect(got[name]!.replaceAll(file, original), name).toBe(reference[name])
        }),
        { numRuns: 10, seed: 12 }
      )
    })
  }
})
