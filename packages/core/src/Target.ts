/**
 * Targets (目标任务): a quantity to reach by the end of a campaign, measured
 * from the projects, events, activities or reported statistics, for the whole
 * area or split over units (任务分解).
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { ActivityKind, Role } from "./Activity.js"
import { Id, NonNegative } from "./internal/schema.js"
import { Stage } from "./Lifecycle.js"
import * as LocalDate from "./LocalDate.js"
import * as Money from "./Money.js"
import { Sector } from "./Project.js"
import { UnitKind } from "./Unit.js"

/**
 * What a target measures, and so where its actual value comes from.
 *
 * From projects (summed over the projects the filter keeps):
 * `contract-fdi` (合同外资), `paid-in-fdi` (实到外资), `outside-domestic-capital`
 * (区外内资), `total-investment` (总投资), `land-area-mu` (用地面积);
 * `projects` counts projects; `start-rate` is the share of the filtered pool
 * that has started (项目库开工率).
 * From events: `funds-in-place` (到位资金), the funds arrived inside the window;
 * `foreign-funds-arrived` (实到外资, since 0.3.0), the funds arrived inside the
 * window in the goal's currency (USD) — money paid in during the drive, not a
 * project's lifetime total; funds in another currency are domestic funds and
 * not this measure.
 * From activities: `activities` counts them (trips, reviews, invitations);
 * `activity-projects` (since 0.3.0) counts the distinct projects they name
 * ("3个项目…召开专家论证会" counts projects reviewed, not meetings).
 * From reported statistics ({@link Report}): `fixed-asset-investment`
 * (固定资产投资), `industrial-productive-investment` (工业生产性投入),
 * `credit-line` (新增授信), `financing` (融资), `demolished-households`
 * (拆迁户数), `demolished-area-m2` (拆迁面积), `staff-recruited`
 * (招商人员), `reported` (any other reported figure).
 *
 * @example
 * {@includeCode ../examples/Target.ts#target}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Measure = Schema.Literals([
  "contract-fdi",
  "paid-in-fdi",
  "outside-domestic-capital",
  "total-investment",
  "land-area-mu",
  "projects",
  "start-rate",
  "funds-in-place",
  "foreign-funds-arrived",
  "activities",
  "activity-projects",
  "fixed-asset-investment",
  "industrial-productive-investment",
  "credit-line",
  "financing",
  "demolished-households",
  "demolished-area-m2",
  "staff-recruited",
  "reported"
])

/**
 * The type of {@link Measure}.
 *
 * @example
 * {@includeCode ../examples/Target.ts#target}
 *
 * @since 0.1.0
 * @category models
 */
export type Measure = typeof Measure.Type

/**
 * How a measure is counted: its quantity kind and its source.
 *
 * @example
 * {@includeCode ../examples/Target.ts#target}
 *
 * @since 0.1.0
 * @category models
 */
export interface MeasureInfo {
  readonly quantity: "money" | "count" | "area" | "ratio"
  readonly source: "projects" | "events" | "activities" | "reports"
  readonly zh: string
  readonly en: string
}

/**
 * The table of measures: for each, its quantity kind, source and names. Data,
 * not code: the progress computation reads it.
 *
 * @example
 * {@includeCode ../examples/Target.ts#target}
 *
 * @since 0.1.0
 * @category constants
 */
export const measures: { readonly [M in Measure]: MeasureInfo } = {
  "contract-fdi": { quantity: "money", source: "projects", zh: "合同外资", en: "contract FDI" },
  "paid-in-fdi": { quantity: "money", source: "projects", zh: "实到外资", en: "paid-in FDI" },
  "outside-domestic-capital": {
    quantity: "money",
    source: "projects",
    zh: "区外内资",
    en: "outside domestic capital"
  },
  "total-investment": {
    quantity: "money",
    source: "projects",
    zh: "总投资",
    en: "total investment"
  },
  "land-area-mu": {
    quantity: "area",
    source: "projects",
    zh: "用地面积(亩)",
    en: "land area (mu)"
  },
  projects: { quantity: "count", source: "projects", zh: "项目数", en: "projects" },
  "start-rate": { quantity: "ratio", source: "projects", zh: "开工率", en: "start rate" },
  "funds-in-place": { quantity: "money", source: "events", zh: "到位资金", en: "funds in place" },
  "foreign-funds-arrived": {
    quantity: "money",
    source: "events",
    zh: "实到外资（到账）",
    en: "foreign funds paid in"
  },
  activities: { quantity: "count", source: "activities", zh: "活动次数", en: "activities" },
  "activity-projects": {
    quantity: "count",
    source: "activities",
    zh: "活动涉及项目数",
    en: "projects named by activities"
  },
  "fixed-asset-investment": {
    quantity: "money",
    source: "reports",
    zh: "固定资产投资",
    en: "fixed-asset investment"
  },
  "industrial-productive-investment": {
    quantity: "money",
    source: "reports",
    zh: "工业生产性投入",
    en: "industrial productive investment"
  },
  "credit-line": { quantity: "money", source: "reports", zh: "新增授信", en: "new credit lines" },
  financing: { quantity: "money", source: "reports", zh: "融资", en: "financing" },
  "demolished-households": {
    quantity: "count",
    source: "reports",
    zh: "拆迁户数",
    en: "households relocated"
  },
  "demolished-area-m2": {
    quantity: "area",
    source: "reports",
    zh: "拆迁面积(平方米)",
    en: "area demolished (m²)"
  },
  "staff-recruited": {
    quantity: "count",
    source: "reports",
    zh: "招商人员",
    en: "investment staff recruited"
  },
  reported: { quantity: "count", source: "reports", zh: "报送数", en: "reported figure" }
}

/**
 * Which projects a target counts (项目口径). Every given condition must hold:
 *
 * - `stage`: the project has reached this stage, or a later one, by as-of
 *   (see `Lifecycle.reachedOn`: "引进或在谈" counts signed projects too); with
 *   `reachedWithin: "window"` the milestone must also fall inside the
 *   campaign window (签约 during the drive, 开工 during the drive);
 * - `anyReachedWithin` (since 0.3.0): at least one of these stages was
 *   reached inside the window ("引进或在谈": negotiating or signed during the
 *   drive, not a negotiation that began before it);
 * - `withoutContract` (since 0.3.0): the contract states none of these dates
 *   (a rule counted from the contract's own date when it has one, and from a
 *   default when it does not);
 * - `notReached`: the project has not reached this stage;
 * - `excludeClosed`: the project has not exited (default true);
 * - `sectors`, `industries`: one of these;
 * - `flags`: all of these flags; `anyFlags`: at least one; `withoutFlags`:
 *   none of these (stock projects build on land they hold: `["stock"]`);
 * - `minInvestment` / `maxInvestment`: total investment at least / below.
 *   "过亿元" (over 100 million) is read as at least 1亿元.
 *
 * @example
 * {@includeCode ../examples/Target.ts#target}
 *
 * @since 0.1.0
 * @category schemas
 */
export const ProjectFilter = Schema.Struct({
  stage: Schema.optionalKey(Stage),
  reachedWithin: Schema.optionalKey(Schema.Literals(["window", "ever"])),
  anyReachedWithin: Schema.optionalKey(Schema.Array(Stage)),
  withoutContract: Schema.optionalKey(
    Schema.Array(Schema.Literals(["startBy", "completeBy", "produceBy"]))
  ),
  notReached: Schema.optionalKey(Stage),
  excludeClosed: Schema.optionalKey(Schema.Boolean),
  sectors: Schema.optionalKey(Schema.Array(Sector)),
  industries: Schema.optionalKey(Schema.Array(Schema.String)),
  flags: Schema.optionalKey(Schema.Array(Schema.String)),
  anyFlags: Schema.optionalKey(Schema.Array(Schema.String)),
  withoutFlags: Schema.optionalKey(Schema.Array(Schema.String)),
  minInvestment: Schema.optionalKey(Money.NonNegativeMoneyFromJson),
  maxInvestment: Schema.optionalKey(Money.NonNegativeMoneyFromJson)
}).annotate({ identifier: "ProjectFilter" })

/**
 * The type of {@link ProjectFilter}.
 *
 * @example
 * {@includeCode ../examples/Target.ts#target}
 *
 * @since 0.1.0
 * @category models
 */
export type ProjectFilter = typeof ProjectFilter.Type

/**
 * Which activities a target counts: kinds and roles (any of each), inside the
 * window.
 *
 * @example
 * {@includeCode ../examples/Target.ts#target}
 *
 * @since 0.1.0
 * @category schemas
 */
export const ActivityFilter = Schema.Struct({
  kinds: Schema.optionalKey(Schema.Array(ActivityKind)),
  roles: Schema.optionalKey(Schema.Array(Role))
}).annotate({ identifier: "ActivityFilter" })

/**
 * The type of {@link ActivityFilter}.
 *
 * @example
 * {@includeCode ../examples/Target.ts#target}
 *
 * @since 0.1.0
 * @category models
 */
export type ActivityFilter = typeof ActivityFilter.Type

/**
 * A goal: an amount of money, or a number (a count, an area, or a ratio
 * between 0 and 1).
 *
 * @example
 * {@includeCode ../examples/Target.ts#target}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Goal = Schema.Union([Money.NonNegativeMoneyFromJson, NonNegative]).annotate({
  identifier: "Goal"
})

/**
 * The type of {@link Goal}.
 *
 * @example
 * {@includeCode ../examples/Target.ts#target}
 *
 * @since 0.1.0
 * @category models
 */
export type Goal = typeof Goal.Type

/**
 * A target's share for one unit (任务分解).
 *
 * @example
 * {@includeCode ../examples/Target.ts#target}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Allocation = Schema.Struct({ unit: Id, goal: Goal }).annotate({
  identifier: "Allocation"
})

/**
 * The type of {@link Allocation}.
 *
 * @example
 * {@includeCode ../examples/Target.ts#target}
 *
 * @since 0.1.0
 * @category models
 */
export type Allocation = typeof Allocation.Type

/**
 * A target (目标任务).
 *
 * - `scope: "area"`: one goal for the whole area, optionally split over units
 *   by `allocations`;
 * - `scope: "per-unit"`: every assessed unit must reach `goal` on its own
 *   ("每个单位至少3个新开工项目"), unless an allocation gives it another goal;
 *   `unitKinds` narrows this to units of those kinds ("各街道镇、园区");
 *   on an area target (since 0.3.0), `unitKinds` counts area-wide only the
 *   records of units of those kinds and the units under them (the working
 *   groups' funds, 003 二.(三); the assessed units' investment task, 003 四):
 *   the whole area — the one unit without a parent — is none of its parts,
 *   whatever its kind, so neither its records nor those of the units under
 *   it count through it (since 0.4.0);
 * - `clause` cites the plan (`000 一`, `002 三.2`);
 * - `due` is the date the goal is for (the window's end when absent);
 * - `rateStage` (since 0.3.0): for a `start-rate` target, the stage a pool
 *   project must have reached to count (`started` when absent: 开工率);
 *   `signed` gives the share of preliminary projects brought to signing;
 * - `from` is the date counting starts (the window's start when absent): an
 *   annual task (年度目标任务) counts from 1 January even when the drive
 *   that checks it starts in August ("全区完成全年招商引资工作任务的80%",
 *   002 二). Since 0.3.0.
 *
 * @example
 * {@includeCode ../examples/Target.ts#target}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Target = Schema.Struct({
  id: Id,
  title: Schema.String,
  measure: Measure,
  scope: Schema.Literals(["area", "per-unit"]),
  unitKinds: Schema.optionalKey(Schema.Array(UnitKind)),
  goal: Goal,
  filter: Schema.optionalKey(ProjectFilter),
  activityFilter: Schema.optionalKey(ActivityFilter),
  reportKey: Schema.optionalKey(Schema.String),
  allocations: Schema.optionalKey(Schema.Array(Allocation)),
  due: Schema.optionalKey(LocalDate.LocalDate),
  from: Schema.optionalKey(LocalDate.LocalDate),
  rateStage: Schema.optionalKey(Stage),
  clause: Schema.optionalKey(Schema.String)
}).annotate({ identifier: "Target" })

/**
 * The type of {@link Target}.
 *
 * @example
 * {@includeCode ../examples/Target.ts#target}
 *
 * @since 0.1.0
 * @category models
 */
export type Target = typeof Target.Type

/**
 * A reported figure (报送数据) for the measures no project record carries:
 * fixed-asset investment from the statistics bureau, households relocated,
 * credit lines. `value` is what was achieved in the period ending on `on`
 * (an increment, not a running total); `unit` is absent for area-wide
 * figures; `key` tells reported figures of the `reported` measure apart.
 *
 * @example
 * {@includeCode ../examples/Target.ts#target}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Report = Schema.Struct({
  id: Id,
  measure: Measure,
  key: Schema.optionalKey(Schema.String),
  unit: Schema.optionalKey(Id),
  on: LocalDate.LocalDate,
  value: Goal,
  note: Schema.optionalKey(Schema.String)
}).annotate({ identifier: "Report" })

/**
 * The type of {@link Report}.
 *
 * @example
 * {@includeCode ../examples/Target.ts#target}
 *
 * @since 0.1.0
 * @category models
 */
export type Report = typeof Report.Type

/**
 * The goal of a unit under a target: its allocation, or the per-unit goal
 * (when the unit's `kind` is one the target names), or `undefined` when the
 * unit has no share.
 *
 * @example
 * {@includeCode ../examples/Target.ts#target}
 *
 * @since 0.1.0
 * @category queries
 */
export const goalFor = (target: Target, unit: string, kind?: UnitKind): Goal | undefined => {
  const a = target.allocations?.find((x) => x.unit === unit)
  if (a !== undefined) return a.goal
  if (target.scope !== "per-unit") return undefined
  return kind === undefined || target.unitKinds === undefined || target.unitKinds.includes(kind)
    ? target.goal
    : undefined
}
