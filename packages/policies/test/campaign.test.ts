import { Campaign } from "@gongjian/core"
import { Host } from "@gongjian/plugin-sdk"
import { all, Policies, ProjectYear, Samples } from "@gongjian/policies"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"

const encode = Schema.encodeSync(Campaign.Campaign)

describe("Policies.campaign: a campaign from a policy's own targets and defaults", () => {
  it.each(all.map((p) => [p.sample, p] as const))(
    "%s runs through Host.run on a campaign built only from its targets and defaults",
    (_, { plugin, sample }) => {
      const snapshot = Samples.load(sample)
      const campaign = Result.getOrThrow(
        Policies.campaign(plugin, {
          id: "c",
          title: "c",
          kind: snapshot.campaign.kind,
          window: snapshot.campaign.window,
          assessedUnitKinds: snapshot.campaign.assessedUnitKinds
        })
      )
      const out = Host.run(Result.getOrThrow(Host.load([{ plugin }])), {
        ...snapshot,
        campaign
      })
      expect(out.errors).toEqual([])
      // Every policy with scoring assesses every assessed unit.
      const scored = out.assessments[0]?.assessment.units.length ?? 0
      expect(scored > 0 || plugin.meta.id === "gongjian/001-service-and-exit").toBe(true)
    }
  )

  it.each(all.map((p) => [p.sample, p] as const))(
    "%s: the sample's targets are the policy's, with the sample county's options and allocations",
    (_, { plugin, sample, options }) => {
      const snapshot = Samples.load(sample)
      const allocations = Object.fromEntries(
        snapshot.campaign.targets
          .filter((t) => t.allocations !== undefined && !t.id.startsWith("annual"))
          .map((t) => [t.id, t.allocations!])
      )
      const campaign = Result.getOrThrow(
        Policies.campaign(plugin, { ...snapshot.campaign, options, allocations })
      )
      expect(encode(campaign)).toEqual(encode(snapshot.campaign))
    }
  )

  it("004: key-progress, which the scoring reads, is one of the policy's own targets", () => {
    expect(ProjectYear.targets().map((t) => t.id)).toContain("key-progress")
  })

  it("names the option or the target that does not fit", () => {
    const spec = {
      id: "c",
      title: "c",
      kind: "project-year" as const,
      window: { start: "2026-01-01", end: "2026-12-31" },
      assessedUnitKinds: ["village" as const]
    }
    const bad = Policies.campaign(ProjectYear.policy, {
      ...spec,
      options: { advanced: "two" },
      allocations: {}
    })
    expect(Result.isFailure(bad) && bad.failure.map((e) => e.path)).toEqual(["options.advanced"])
    const unknown = Policies.campaign(ProjectYear.policy, {
      ...spec,
      allocations: { "no-such-target": [{ unit: "v1", goal: 1 }] }
    })
    expect(Result.isFailure(unknown) && unknown.failure.map((e) => e.message)).toEqual([
      expect.stringContaining("allocations.no-such-target: the policy has no target no-such-target")
    ])
  })
})
