/**
 * Scoring items (考核指标): what earns or loses a unit points, as plain data a
 * county can read and change. Every item cites its clause.
 *
 * @since 0.1.0
 */
import { LocalDate, Money, Target, Unit } from "@gongjian/core"
import * as Schema from "effect/Schema"
import type { Context } from "./Context.js"

/**
 * Points: a decimal number with at most six places.
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#items}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Points = Schema.Finite.annotate({
  identifier: "Points",
  description: "A decimal number of points"
})

/**
 * A name in Chinese and English.
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#items}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Title = Schema.Struct({ zh: Schema.String, en: Schema.String }).annotate({
  identifier: "Title"
})

const common = {
  id: Schema.String,
  title: Title,
  clause: Schema.String,
  /** Multiplies every point of the item. Default 1. */
  weight: Schema.optionalKey(Schema.Finite),
  /** The most the item can add to a unit (after weighting). */
  max: Schema.optionalKey(Points),
  /** The least: the item can take no more than this away. */
  min: Schema.optionalKey(Points),
  /** The unit kinds the item applies to; all assessed kinds when absent. */
  appliesTo: Schema.optionalKey(Schema.Array(Unit.UnitKind))
}

/**
 * Points for each qualifying project (per project, 按项目计分): the filter
 * picks projects (stage, window, sector, flags, size), and `tiers` give more
 * points to larger projects — the highest tier a project reaches applies
 * ("+2 from 1亿, +5 from 10亿"). A project counts for its unit and the unit's
 * ancestors.
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#items}
 *
 * @since 0.1.0
 * @category schemas
 */
export const PerProject = Schema.Struct({
  kind: Schema.Literal("per-project"),
  ...common,
  filter: Target.ProjectFilter,
  points: Schema.optionalKey(Points),
  tiers: Schema.optionalKey(
    Schema.Array(Schema.Struct({ from: Money.MoneyFromJson, points: Points }))
  )
}).annotate({ identifier: "PerProjectItem" })

/**
 * How a target's completion turns into points:
 *
 * - `linear`: `points × completion`, completion capped at `cap` (default 1);
 * - `stepped`: the share of `points` of the highest step reached
 *   (`[{ atLeast: 0.8, share: 0.6 }, { atLeast: 1, share: 1 }]`);
 * - `all-or-nothing`: `points` when the target is met, else 0.
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#items}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Curve = Schema.Union([
  Schema.Struct({ kind: Schema.Literal("linear"), cap: Schema.optionalKey(Schema.Finite) }),
  Schema.Struct({
    kind: Schema.Literal("stepped"),
    steps: Schema.Array(Schema.Struct({ atLeast: Schema.Finite, share: Schema.Finite }))
  }),
  Schema.Struct({ kind: Schema.Literal("all-or-nothing") })
]).annotate({ identifier: "Curve" })

/**
 * Points from a target's completion for the unit (目标任务完成情况), read from
 * its progress row (allocation or per-unit goal).
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#items}
 *
 * @since 0.1.0
 * @category schemas
 */
export const TargetCompletion = Schema.Struct({
  kind: Schema.Literal("target"),
  ...common,
  target: Schema.String,
  points: Points,
  curve: Curve
}).annotate({ identifier: "TargetCompletionItem" })

/**
 * The start outcomes of signed projects (002 四.4): each qualifying project is
 * worth `base` points times a multiplier by outcome as of the assessment date:
 *
 * - started by its deadline: `onTime` (default 1);
 * - started after it, "不能如期开工的在本项指标得分中减半计分": `late` (0.5);
 * - not started with the deadline passed, "不能开工的减半扣分": `notStarted` (−0.5);
 * - exited, "不能实施的双倍扣分": `cannotProceed` (−2).
 *
 * A project's deadline is its contract's start date; without one,
 * `defaultDeadline` decides (months after signing, or a fixed date such as "明年
 * 3月份前开工", 002 三.2). A project not started and not yet due earns nothing
 * yet.
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#items}
 *
 * @since 0.1.0
 * @category schemas
 */
export const StartOutcomes = Schema.Struct({
  kind: Schema.Literal("start-outcomes"),
  ...common,
  filter: Target.ProjectFilter,
  base: Points,
  onTime: Schema.optionalKey(Schema.Finite),
  late: Schema.optionalKey(Schema.Finite),
  notStarted: Schema.optionalKey(Schema.Finite),
  cannotProceed: Schema.optionalKey(Schema.Finite),
  defaultDeadline: Schema.optionalKey(
    Schema.Union([
      Schema.Struct({ monthsAfterSigning: Schema.Int }),
      Schema.Struct({ date: LocalDate.LocalDate })
    ])
  )
}).annotate({ identifier: "StartOutcomesItem" })

/**
 * A quota of activities (002 三.1, 四.4): the item is worth `points` when the
 * unit makes its `required` activities; each one missing deducts
 * `shortfallMultiplier` times its value (`points / required`) from the item —
 * "每缺少1次从该项指标得分中双倍扣分" is a multiplier of 2, the default. With
 * `r` required, `m` missing and the item worth `T`, the item scores
 * `T − k × m × (T / r)`, exactly, rounded once at six places. The item may
 * go below 0 unless `min` sets a floor; the deduction line says which.
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#items}
 *
 * @since 0.1.0
 * @category schemas
 */
export const ActivityQuota = Schema.Struct({
  kind: Schema.Literal("activity-quota"),
  ...common,
  activityFilter: Target.ActivityFilter,
  required: Schema.Int.check(Schema.isGreaterThanOrEqualTo(1)),
  /** The item's value with the quota met. */
  points: Points,
  /** How many times its value each missing activity deducts. Default 2. */
  shortfallMultiplier: Schema.optionalKey(Schema.Finite)
}).annotate({ identifier: "ActivityQuotaItem" })

/**
 * Points per reported incident (001 三.(五)): reports of the `reported`
 * measure with `key` (such as `service-complaint`) inside the window, each
 * reported count times `pointsEach` (negative for a deduction).
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#items}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Reported = Schema.Struct({
  kind: Schema.Literal("reported"),
  ...common,
  key: Schema.String,
  pointsEach: Points
}).annotate({ identifier: "ReportedItem" })

/**
 * Points per exit finding of the unit's projects, by class (a deduction per
 * stalled project), counting only the given severities (breaches and
 * escalations by default).
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#findings}
 *
 * @since 0.1.0
 * @category schemas
 */
export const ExitFindings = Schema.Struct({
  kind: Schema.Literal("exit-findings"),
  ...common,
  perClass: Schema.Record(Schema.String, Points),
  severities: Schema.optionalKey(Schema.Array(Schema.Literals(["warning", "breach", "escalated"])))
}).annotate({ identifier: "ExitFindingsItem" })

/**
 * A scoring item that is data: one of the kinds above.
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#items}
 *
 * @since 0.1.0
 * @category schemas
 */
export const DataItem = Schema.Union([
  PerProject,
  TargetCompletion,
  StartOutcomes,
  ActivityQuota,
  Reported,
  ExitFindings
])

/**
 * The type of {@link DataItem}.
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#items}
 *
 * @since 0.1.0
 * @category models
 */
export type DataItem = typeof DataItem.Type

/**
 * One line a custom item gives for a unit.
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#custom}
 *
 * @since 0.1.0
 * @category models
 */
export interface CustomLine {
  readonly points: number
  readonly facts: { readonly [key: string]: string | number | ReadonlyArray<string> }
  readonly arithmetic: string
  readonly message: { readonly zh: string; readonly en: string }
}

/**
 * A scoring item written in code, for what the data kinds cannot say. It gets
 * the assessment's read-only context and a unit, and returns that unit's lines.
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#custom}
 *
 * @since 0.1.0
 * @category models
 */
export interface CustomItem {
  readonly kind: "custom"
  readonly id: string
  readonly title: { readonly zh: string; readonly en: string }
  readonly clause: string
  readonly weight?: number
  readonly max?: number
  readonly min?: number
  readonly appliesTo?: ReadonlyArray<Unit.UnitKind>
  readonly compute: (context: Context, unit: Unit.Unit) => ReadonlyArray<CustomLine>
}

/**
 * Any scoring item.
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#custom}
 *
 * @since 0.1.0
 * @category models
 */
export type ScoringItem = DataItem | CustomItem
