/**
 * Campaigns (攻坚活动): a time-boxed drive with a window, named phases, a
 * reporting cadence, the unit kinds it assesses, and its targets.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Id } from "./internal/schema.js"
import * as LocalDate from "./LocalDate.js"
import { Cadence } from "./Period.js"
import { Target } from "./Target.js"
import { UnitKind } from "./Unit.js"

/**
 * The kind of a campaign: `hundred-day` (百日攻坚), `investment-drive`
 * (招商引资集中攻坚), `construction-year` (项目建设年), `project-year`
 * (项目攻坚年), `service-and-exit` (招商服务与退出机制), `other`.
 *
 * @example
 * {@includeCode ../examples/Campaign.ts#campaign}
 *
 * @since 0.1.0
 * @category schemas
 */
export const CampaignKind = Schema.Literals([
  "hundred-day",
  "investment-drive",
  "construction-year",
  "project-year",
  "service-and-exit",
  "other"
])

/**
 * A date range, both ends included.
 *
 * @example
 * {@includeCode ../examples/Campaign.ts#campaign}
 *
 * @since 0.1.0
 * @category schemas
 */
export const DateRange = Schema.Struct({
  start: LocalDate.LocalDate,
  end: LocalDate.LocalDate
}).annotate({ identifier: "DateRange" })

/**
 * A named phase (阶段): 动员部署, 组织实施, 考核总结 (003 三), or a month of a
 * town's schedule (004 plan 2). Phases may reach outside the window
 * (mobilisation in the December before).
 *
 * @example
 * {@includeCode ../examples/Campaign.ts#campaign}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Phase = Schema.Struct({
  id: Id,
  name: Schema.String,
  start: LocalDate.LocalDate,
  end: LocalDate.LocalDate
}).annotate({ identifier: "Phase" })

/**
 * A reporting duty (调度通报制度): what is done (`dispatch` 调度, `bulletin`
 * 通报, `summary` 汇总, `inspection` 检查, `meeting` 例会, `spot-check` 抽查,
 * `assessment` 考核), how often, and for which projects.
 *
 * @example
 * {@includeCode ../examples/Campaign.ts#campaign}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Reporting = Schema.Struct({
  kind: Schema.Literals([
    "dispatch",
    "bulletin",
    "summary",
    "inspection",
    "meeting",
    "spot-check",
    "assessment"
  ]),
  every: Cadence,
  name: Schema.String,
  appliesTo: Schema.optionalKey(Schema.Literals(["all", "major", "key", "signed"])),
  clause: Schema.optionalKey(Schema.String)
}).annotate({ identifier: "Reporting" })

/**
 * A campaign (攻坚活动).
 *
 * @example
 * {@includeCode ../examples/Campaign.ts#campaign}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Campaign = Schema.Struct({
  id: Id,
  title: Schema.String,
  kind: CampaignKind,
  window: DateRange,
  phases: Schema.Array(Phase),
  cadence: Schema.Array(Reporting),
  assessedUnitKinds: Schema.Array(UnitKind),
  targets: Schema.Array(Target),
  source: Schema.optionalKey(Schema.String)
}).annotate({ identifier: "Campaign" })

/**
 * The type of {@link Campaign}.
 *
 * @example
 * {@includeCode ../examples/Campaign.ts#campaign}
 *
 * @since 0.1.0
 * @category models
 */
export type Campaign = typeof Campaign.Type

/**
 * The phase a date falls in, if any (the first, when phases overlap).
 *
 * @example
 * {@includeCode ../examples/Campaign.ts#campaign}
 *
 * @since 0.1.0
 * @category queries
 */
export const phaseOn = (
  campaign: Pick<Campaign, "phases">,
  date: LocalDate.LocalDate
): typeof Phase.Type | undefined => campaign.phases.find((p) => p.start <= date && date <= p.end)

/**
 * Whether a date falls inside the campaign window.
 *
 * @example
 * {@includeCode ../examples/Campaign.ts#campaign}
 *
 * @since 0.1.0
 * @category predicates
 */
export const inWindow = (campaign: Pick<Campaign, "window">, date: LocalDate.LocalDate): boolean =>
  campaign.window.start <= date && date <= campaign.window.end
