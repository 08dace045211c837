import { deepStrictEqual, equal } from "node:assert/strict"
import { Host } from "@gongjian/plugin-sdk"
import { Policies, ProjectYear, Samples } from "@gongjian/policies"
import * as Result from "effect/Result"

// #region campaign
// A campaign of 004 from the policy's own targets and default options: the county
// adds its window, the unit kinds it assesses, and (optionally) allocations.
const spec: Policies.CampaignSpec = {
  id: "project-year-2026",
  title: "项目攻坚年",
  kind: "project-year",
  window: { start: "2026-01-01", end: "2026-12-31" },
  assessedUnitKinds: ["village", "department"]
}
const campaign = Result.getOrThrow(Policies.campaign(ProjectYear.policy, spec))
equal(
  campaign.targets.some((t) => t.id === "key-progress"),
  true
)
// Its units, projects and reports are all the county still supplies.
const snapshot = { ...Samples.load("004-project-year"), campaign }
const out = Host.run(Result.getOrThrow(Host.load([{ plugin: ProjectYear.policy }])), snapshot)
deepStrictEqual(out.errors, [])
// The options a policy runs with: its defaults, then the overrides.
equal(Result.getOrThrow(Policies.options(ProjectYear.policy, { advanced: 2 })).advanced, 2)
// #endregion campaign

// #region errors
// An option that does not fit, or an allocation for a target the policy lacks, is named.
const bad = Policies.campaign(ProjectYear.policy, {
  ...campaign,
  options: { advanced: "two" }
})
const errors: ReadonlyArray<Policies.PolicyCampaignError> = Result.isFailure(bad) ? bad.failure : []
deepStrictEqual(
  errors.map((e) => [e._tag, e.path]),
  [["PolicyCampaignError", "options.advanced"]]
)
// #endregion errors
