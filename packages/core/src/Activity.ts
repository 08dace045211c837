/**
 * Activities (活动) that plans count besides projects: outbound investment
 * trips (外出招商), signings at an investment fair (投洽会签约), expert reviews
 * (专家论证), invited executives (邀请客商), meetings, dispatches, inspections
 * and staff recruitment.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Count, Id } from "./internal/schema.js"
import * as LocalDate from "./LocalDate.js"

/**
 * The kind of an activity: `outbound-trip` (外出招商), `fair-signing`
 * (投洽会签约), `expert-review` (专家论证), `invited-executive` (邀请500强、
 * 百强、上市公司“一把手”), `meeting` (会议), `dispatch` (调度), `inspection`
 * (督查), `recruitment` (招商人员招聘), `plan-submitted` (a unit's work plan
 * handed in, 工作方案报送; since 0.3.0), `bulletin` (a bulletin issued,
 * 通报印发, dated the day it speaks as of; since 0.3.0), `other`.
 *
 * @example
 * {@includeCode ../examples/Activity.ts#activity}
 *
 * @since 0.1.0
 * @category schemas
 */
export const ActivityKind = Schema.Literals([
  "outbound-trip",
  "fair-signing",
  "expert-review",
  "invited-executive",
  "meeting",
  "dispatch",
  "inspection",
  "recruitment",
  "plan-submitted",
  "bulletin",
  "other"
])

/**
 * The type of {@link ActivityKind}.
 *
 * @example
 * {@includeCode ../examples/Activity.ts#activity}
 *
 * @since 0.1.0
 * @category models
 */
export type ActivityKind = typeof ActivityKind.Type

/**
 * Who led an activity: the unit's `principal` (主要负责人), a `deputy`
 * (分工/分管负责人), a district department's principal
 * (`department-principal`, 区直部门主要负责人), a county `leader` (县级领导), or
 * `staff`.
 *
 * @example
 * {@includeCode ../examples/Activity.ts#activity}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Role = Schema.Literals([
  "principal",
  "deputy",
  "department-principal",
  "leader",
  "staff"
])

/**
 * The type of {@link Role}.
 *
 * @example
 * {@includeCode ../examples/Activity.ts#activity}
 *
 * @since 0.1.0
 * @category models
 */
export type Role = typeof Role.Type

/**
 * An activity of a unit on a date. `count` says how many it stands for (five
 * invited executives in one record); it is 1 when absent.
 *
 * @example
 * {@includeCode ../examples/Activity.ts#activity}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Activity = Schema.Struct({
  id: Id,
  kind: ActivityKind,
  unit: Id,
  date: LocalDate.LocalDate,
  role: Schema.optionalKey(Role),
  who: Schema.optionalKey(Schema.String),
  where: Schema.optionalKey(Schema.String),
  projects: Schema.optionalKey(Schema.Array(Id)),
  count: Schema.optionalKey(Count.check(Schema.isGreaterThan(0))),
  note: Schema.optionalKey(Schema.String)
}).annotate({ identifier: "Activity" })

/**
 * The type of {@link Activity}.
 *
 * @example
 * {@includeCode ../examples/Activity.ts#activity}
 *
 * @since 0.1.0
 * @category models
 */
export type Activity = typeof Activity.Type

/**
 * How many activities a list stands for, summing `count` (1 when absent).
 *
 * @example
 * {@includeCode ../examples/Activity.ts#activity}
 *
 * @since 0.1.0
 * @category queries
 */
export const total = (activities: Iterable<Pick<Activity, "count">>): number => {
  let n = 0
  for (const a of activities) n += a.count ?? 1
  return n
}
