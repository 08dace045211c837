import { readFileSync, writeFileSync } from "node:fs"
import { Snapshot, View } from "@gongjian/core"
import { ExitEngine } from "@gongjian/exit-rules"
import { Host } from "@gongjian/plugin-sdk"
import { all, Samples } from "@gongjian/policies"
import { Assessment } from "@gongjian/scoring"
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import { generate, policy, rules } from "../../../bench/workload.js"

// The engines' outputs over the five samples and a generated county, fixed as
// JSON files: a change to how the engines compute (speed, memory) must leave
// every finding, score line, ranking and explanation byte-identical. Run
// `pnpm outputs:update` only for a change that is meant to alter an output,
// and review the diff of test/outputs/.
const update = process.env.GONGJIAN_UPDATE_OUTPUTS === "1"

const explanations = (a: Assessment.Assessment, withObjects = true) =>
  a.units.map((u) => {
    const e = Assessment.explain(a, u.unit)!
    return {
      ...(withObjects ? { explanation: e } : {}),
      zh: Assessment.formatExplanation(e, "zh"),
      en: Assessment.formatExplanation(e, "en")
    }
  })

const fixed = (name: string, output: unknown) => {
  const file = new URL(`./outputs/${name}.json`, import.meta.url)
  const text = `${JSON.stringify(output, null, 1)}\n`
  if (update) writeFileSync(file, text)
  expect(text === readFileSync(file, "utf8")).toBe(true)
}

describe("the engines' outputs are fixed", () => {
  it.each(all.map((p) => [p.sample, p] as const))(
    "%s: findings, verdicts, assessment and explanations as recorded",
    (sample, { plugin, options }) => {
      const out = Host.run(
        Result.getOrThrow(Host.load([{ plugin, options }])),
        Samples.load(sample)
      )
      expect(out.errors).toEqual([])
      fixed(sample, {
        run: out,
        explanations: out.assessments.map((a) =>
          explanations(a.assessment as unknown as Assessment.Assessment)
        )
      })
    }
  )

  it("a generated county of 800 projects over 30 units: findings, assessment and explanations as recorded", () => {
    const snapshot = Result.getOrThrow(Snapshot.decode(generate(800, 20261122, 30)))
    const view = View.make(snapshot)
    expect(view.unfolded).toEqual([])
    const report = ExitEngine.evaluate({ rules, view })
    const a = Result.getOrThrow(Assessment.run(policy, { view, findings: report.findings }))
    fixed("generated-county", { report, assessment: a, explanations: explanations(a, false) })
  })

  it("the same county scored from the exit report itself, and with its projects in another order: the same outputs", () => {
    const input = generate(800, 20261122, 30)
    const file = readFileSync(new URL("./outputs/generated-county.json", import.meta.url), "utf8")
    const text = (projects: typeof input.projects, exit: boolean) => {
      const snapshot = Result.getOrThrow(Snapshot.decode({ ...input, projects }))
      const view = View.make(snapshot)
      const report = ExitEngine.evaluate({ rules, view })
      // Scoring reads the findings' columns (exit) or the list of findings.
      const a = Result.getOrThrow(
        Assessment.run(policy, exit ? { view, exit: report } : { view, findings: report.findings })
      )
      const output = { report, assessment: a, explanations: explanations(a, false) }
      return `${JSON.stringify(output, null, 1)}\n`
    }
    // Reversed, then every third project moved to the end.
    const reordered = [...input.projects].reverse()
    const moved = [
      ...reordered.filter((_, i) => i % 3 !== 0),
      ...reordered.filter((_, i) => i % 3 === 0)
    ]
    expect(text(input.projects, true) === file).toBe(true)
    expect(text(moved, true) === file).toBe(true)
    expect(text(moved, false) === file).toBe(true)
  })
})
