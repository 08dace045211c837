import { deepStrictEqual, equal } from "node:assert/strict"
import { Host } from "@gongjian/plugin-sdk"
import { ProjectYear, Samples } from "@gongjian/policies"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"

// #region policy
const host = Result.getOrThrow(Host.load([{ plugin: ProjectYear.policy }]))
const out = Host.run(host, Samples.load("004-project-year"))
// Plan 2: villages and departments ranked apart (分类考核); awards for the advanced of
// each; criticism and an admonishment talk where the key projects show no results.
deepStrictEqual(
  out.assessments[0]!.assessment.tiers.map((t) => [t.id, t.units]),
  [
    ["advanced", ["v1", "d1"]],
    ["criticised", ["v2", "v3", "v4"]],
    ["admonishment", ["v2", "v3", "v4"]]
  ]
)
deepStrictEqual(
  ProjectYear.targets().map((t) => t.id),
  [
    "key-projects",
    "key-completed",
    "key-started",
    "key-preliminary",
    "key-progress",
    "preliminary-progress",
    "service-investment"
  ]
)
// "取得突破性进展" is read as completion by default; a county may read it as starting.
equal(ProjectYear.defaults.breakthroughStage, "completed")
const started = Schema.decodeUnknownSync(ProjectYear.Options)({
  ...ProjectYear.defaults,
  breakthroughStage: "started"
})
equal(ProjectYear.targets(started).find((t) => t.id === "key-completed")?.filter?.stage, "started")
// #endregion policy
