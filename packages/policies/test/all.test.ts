import { Host } from "@gongjian/plugin-sdk"
import { all, Samples } from "@gongjian/policies"
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"

describe("the reference policies", () => {
  it("all load together in one host, with distinct ids", () => {
    const host = Result.getOrThrow(Host.load(all.map(({ plugin }) => ({ plugin }))))
    expect(host.installed.map((i) => i.plugin.meta.id)).toEqual([
      "gongjian/000-hundred-days",
      "gongjian/001-service-and-exit",
      "gongjian/002-investment-drive",
      "gongjian/003-construction-year",
      "gongjian/004-project-year"
    ])
  })

  it.each(all.map((p) => [p.sample, p] as const))(
    "%s: the sample has ≥ 6 units and ≥ 40 projects and assesses without error",
    (_, { plugin, sample, options }) => {
      const snapshot = Samples.load(sample)
      expect(snapshot.units.length).toBeGreaterThanOrEqual(6)
      expect(snapshot.projects.length).toBeGreaterThanOrEqual(40)
      const out = Host.run(Result.getOrThrow(Host.load([{ plugin, options }])), snapshot)
      expect(out.errors).toEqual([])
      expect(out.unevaluated).toEqual([])
      // The sample county gives every figure its plan leaves to it: nothing is left out.
      expect(out.inactive).toEqual([])
    }
  )

  it("say which clauses they leave out while the county has not given their figures", () => {
    // With the defaults only: the clauses whose figures the plans leave to the county
    // (000 二.(一).1's annual FDI tasks, 002 二's annual task and 四.4's per-unit tasks,
    // 003 四's own FAI and investment targets), each with the option that turns it on.
    const out = Host.run(
      Result.getOrThrow(Host.load(all.map(({ plugin }) => ({ plugin })))),
      Samples.load("002-investment-drive")
    )
    expect(out.inactive.map((x) => [x.plugin, x.clause, x.needs])).toEqual([
      ["gongjian/000-hundred-days", "000 二.(一).1", ["annualContractFdi"]],
      ["gongjian/000-hundred-days", "000 二.(一).1", ["annualPaidInFdi"]],
      ["gongjian/002-investment-drive", "002 二", ["annualTask"]],
      ["gongjian/002-investment-drive", "002 四.4", ["annualTasks"]],
      ["gongjian/003-construction-year", "003 四", ["faiGoal"]],
      ["gongjian/003-construction-year", "003 四", ["investmentGoal"]]
    ])
    // Giving one of them turns exactly that one on.
    const withTasks = Host.run(
      Result.getOrThrow(
        Host.load([
          {
            plugin: all[2]!.plugin,
            options: { annualTasks: all[2]!.options.annualTasks }
          }
        ])
      ),
      Samples.load("002-investment-drive")
    )
    expect(withTasks.inactive.map((x) => x.clause)).toEqual(["002 二"])
    expect(withTasks.assessments[0]!.assessment.tiers.map((t) => t.id)).toEqual([
      "commended",
      "criticised"
    ])
  })

  it("every rule cites a clause of its own document", () => {
    for (const { plugin, options } of all) {
      const c = Result.getOrThrow(Host.load([{ plugin, options }])).installed[0]!.contents
      const doc = plugin.meta.source.document
      const clauses = [
        ...(c.scoring?.items ?? []).map((i) => i.clause),
        ...(c.exitRules ?? []).map((r) => r.clause),
        ...(c.gates ?? [])
          .filter((g) => g.id !== "risk-gate" || doc === "004")
          .map((g) => g.clause),
        ...(c.targets ?? []).map((t) => t.clause ?? "")
      ]
      for (const clause of clauses) expect(clause.startsWith(doc)).toBe(true)
    }
  })

  it("every option of every policy is in its JSON Schema with its default", async () => {
    const { Plugin } = await import("@gongjian/plugin-sdk")
    for (const { plugin } of all) {
      const schema = Plugin.optionsJsonSchema(plugin) as {
        properties: Record<string, { default?: unknown }>
      }
      for (const [k, v] of Object.entries(plugin.defaults))
        expect(schema.properties[k]?.default).toEqual(v)
    }
  })
})
