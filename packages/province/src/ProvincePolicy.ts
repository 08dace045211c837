/**
 * The province's policy (全省考核办法): what every county is assessed on, the
 * same for all — the targets (each county's goal allocated by the province),
 * the exit rules, and the points a county's standing is scored with.
 *
 * @since 0.1.0
 */
import { LocalDate, Target } from "@gongjian/core"
import { ExitRule } from "@gongjian/exit-rules"
import * as Schema from "effect/Schema"
import { AS_OF } from "./County.js"

/**
 * The schema of a province policy:
 *
 * - `targets`: area targets (目标任务); a target's `allocations` give each
 *   county its own goal by county id (指标分解), `goal` is the goal of a county
 *   without one; each county's completion is measured on its own records;
 * - `exitRules`: the exit rules (退出机制) judged on every county's projects;
 * - `completionPoints`: the points of a county that completes every target
 *   (each target's completion capped at 100%, then averaged);
 * - `findingPoints`: points per finding, by finding class (`land-idle`, …), once it is a breach or
 *   escalated (negative: a deduction); warnings cost nothing.
 *
 * @example
 * {@includeCode ../examples/Standing.ts#policy}
 *
 * @since 0.1.0
 * @category schemas
 */
export const ProvincePolicy = Schema.Struct({
  id: Schema.String,
  version: Schema.String,
  title: Schema.Struct({ zh: Schema.String, en: Schema.String }),
  asOf: LocalDate.LocalDate,
  targets: Schema.Array(Target.Target),
  exitRules: Schema.Array(ExitRule.ExitRule),
  completionPoints: Schema.Number,
  findingPoints: Schema.Record(Schema.String, Schema.Number)
}).annotate({ identifier: "ProvincePolicy" })

/**
 * The type of {@link ProvincePolicy}.
 *
 * @example
 * {@includeCode ../examples/Standing.ts#policy}
 *
 * @since 0.1.0
 * @category models
 */
export interface ProvincePolicy extends Schema.Schema.Type<typeof ProvincePolicy> {}

/**
 * A policy as JSON (what is sent to the worker threads), and back.
 *
 * @example
 * {@includeCode ../examples/Standing.ts#policy}
 *
 * @since 0.1.0
 * @category codecs
 */
export const encode = (policy: ProvincePolicy): unknown => Schema.encodeSync(ProvincePolicy)(policy)

/**
 * A policy from JSON; throws a schema error when it does not decode.
 *
 * @example
 * {@includeCode ../examples/Standing.ts#policy}
 *
 * @since 0.1.0
 * @category codecs
 */
export const decodeUnsafe = (json: unknown): ProvincePolicy =>
  Schema.decodeUnknownSync(ProvincePolicy)(json)

/**
 * The standard policy of a 项目攻坚年 across a province, as of
 * `County.AS_OF`:
 *
 * - `start-rate`: 80% of the projects signed by the as-of date have started
 *   (开工率, scale-free, the same goal for every county);
 * - `started-in-year`: projects started in 2026, `startsPerCounty` per county
 *   (5 by default) unless `allocations` gives a county its own;
 * - the three rules of 三个月不开工、两年不投产、三年不见效 with 30 days' warning;
 * - 100 points for full completion; −1 per idle land, −2 per project built
 *   and not producing, −4 per project without results (per breach).
 *
 * @example
 * {@includeCode ../examples/Standing.ts#policy}
 *
 * @since 0.1.0
 * @category constructors
 */
export const standard = (
  options: {
    readonly startsPerCounty?: number | undefined
    readonly allocations?: ReadonlyArray<{ readonly county: string; readonly goal: number }>
  } = {}
): ProvincePolicy => ({
  id: "province-project-year",
  version: "1",
  title: { zh: "全省项目攻坚年考核", en: "the province's project year" },
  asOf: AS_OF,
  targets: [
    {
      id: "start-rate",
      title: "开工率",
      measure: "start-rate",
      scope: "area",
      goal: 0.8,
      filter: { stage: "signed" }
    },
    {
      id: "started-in-year",
      title: "年度新开工项目",
      measure: "projects",
      scope: "area",
      goal: options.startsPerCounty ?? 5,
      filter: { stage: "started", reachedWithin: "window" },
      ...(options.allocations === undefined
        ? {}
        : { allocations: options.allocations.map((a) => ({ unit: a.county, goal: a.goal })) })
    }
  ],
  exitRules: ExitRule.threeTwoThree(),
  completionPoints: 100,
  findingPoints: {
    "land-idle": -1,
    "built-not-producing": -2,
    "no-results": -4,
    "signed-not-built": 0,
    "low-efficiency": 0,
    "land-not-acquired": 0
  }
})
