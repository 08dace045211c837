/**
 * Exit rules (退出规则): when a project must have reached a stage or a
 * performance level, what happens before (a warning) and after (rectification,
 * exit, land reclaimed), as plain data a county can read and change.
 *
 * @since 0.1.0
 */
import { FindingClass as CoreFindingClass, Lifecycle, Target } from "@gongjian/core"
import * as Schema from "effect/Schema"
import { Duration } from "./Deadline.js"

/**
 * The class of a stalled project (问题项目类别), from 001 三.(四) and
 * 000 二.(二).1:
 *
 * - `land-idle`: land supplied, not started (供地未开工, 圈而不建);
 * - `signed-not-built`: signed, not built (签而不建);
 * - `built-not-producing`: built, not producing (建而不产, 两年不投产);
 * - `no-results`: producing without the promised results (三年不见效);
 * - `low-efficiency`: a low-efficiency project (低效项目);
 * - `land-not-acquired`: attracted, land not yet acquired (已招商未征迁).
 *
 * The same schema as `FindingClass.FindingClass` of `@gongjian/core`, where
 * the classes and their names are kept.
 *
 * @example
 * {@includeCode ../examples/ExitRule.ts#rule}
 *
 * @since 0.1.0
 * @category schemas
 */
export const FindingClass: typeof CoreFindingClass.FindingClass = CoreFindingClass.FindingClass

/**
 * The type of {@link FindingClass}.
 *
 * @example
 * {@includeCode ../examples/ExitRule.ts#rule}
 *
 * @since 0.1.0
 * @category models
 */
export type FindingClass = typeof FindingClass.Type

/**
 * What to do about a project, by severity: `warn` (预警), `rectify`
 * (限期整改), `clean-up` (清理盘活), `exit` (依法清退), `reclaim-land`
 * (收回土地).
 *
 * @example
 * {@includeCode ../examples/ExitRule.ts#rule}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Action = Schema.Literals(["warn", "rectify", "clean-up", "exit", "reclaim-land"])

/**
 * The type of {@link Action}.
 *
 * @example
 * {@includeCode ../examples/ExitRule.ts#rule}
 *
 * @since 0.1.0
 * @category models
 */
export type Action = typeof Action.Type

/**
 * Where a deadline is counted from: a lifecycle milestone (`{ milestone:
 * "land-supplied" }`), or a date fixed in the contract (`{ contract:
 * "startBy" }`), which is then itself the deadline when `within` is zero.
 *
 * @example
 * {@includeCode ../examples/ExitRule.ts#rule}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Anchor = Schema.Union([
  Schema.Struct({ milestone: Lifecycle.Stage }),
  Schema.Struct({ contract: Schema.Literals(["startBy", "completeBy", "produceBy"]) })
]).annotate({ identifier: "Anchor" })

/**
 * The type of {@link Anchor}.
 *
 * @example
 * {@includeCode ../examples/ExitRule.ts#rule}
 *
 * @since 0.1.0
 * @category models
 */
export type Anchor = typeof Anchor.Type

/**
 * What must hold by the deadline:
 *
 * - `{ kind: "stage", stage }`: the project has reached the stage (or a later
 *   one) — 开工 within three months, 投产 within two years;
 * - `{ kind: "performance", measure, share }`: the latest measurement of tax,
 *   output or investment intensity per mu is at least `share` of the contract
 *   figure — 见效 within three years.
 *
 * @example
 * {@includeCode ../examples/ExitRule.ts#rule}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Requirement = Schema.Union([
  Schema.Struct({ kind: Schema.Literal("stage"), stage: Lifecycle.Stage }),
  Schema.Struct({
    kind: Schema.Literal("performance"),
    measure: Schema.Literals(["taxPerMu", "outputPerMu", "investmentIntensityPerMu"]),
    share: Schema.Finite.check(Schema.isBetween({ minimum: 0, maximum: 1 }))
  })
]).annotate({ identifier: "Requirement" })

/**
 * The type of {@link Requirement}.
 *
 * @example
 * {@includeCode ../examples/ExitRule.ts#rule}
 *
 * @since 0.1.0
 * @category models
 */
export type Requirement = typeof Requirement.Type

/**
 * A name in Chinese and English.
 *
 * @example
 * {@includeCode ../examples/ExitRule.ts#rule}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Title = Schema.Struct({ zh: Schema.String, en: Schema.String }).annotate({
  identifier: "Title"
})

/**
 * An exit rule: from `anchor`, within `within`, the project must meet
 * `requires`; `warnBefore` gives warnings before the deadline; a breach calls
 * for `action`, and a rectification ordered and not resolved by its deadline
 * escalates to `escalateTo`. Delay exemptions extend the deadline unless
 * `exemptions` is false. `filter` limits the rule to some projects (key
 * projects, industrial land).
 *
 * @example
 * {@includeCode ../examples/ExitRule.ts#rule}
 *
 * @since 0.1.0
 * @category schemas
 */
export const ExitRule = Schema.Struct({
  id: Schema.String,
  title: Title,
  clause: Schema.String,
  class: FindingClass,
  anchor: Anchor,
  within: Duration,
  requires: Requirement,
  warnBefore: Schema.optionalKey(Duration),
  action: Action,
  escalateTo: Schema.optionalKey(Action),
  exemptions: Schema.optionalKey(Schema.Boolean),
  filter: Schema.optionalKey(Target.ProjectFilter)
}).annotate({ identifier: "ExitRule" })

/**
 * The type of {@link ExitRule}.
 *
 * @example
 * {@includeCode ../examples/ExitRule.ts#rule}
 *
 * @since 0.1.0
 * @category models
 */
export type ExitRule = typeof ExitRule.Type

/**
 * The options of {@link threeTwoThree}, each with the reading of 001 三.(四)
 * as its default.
 *
 * @example
 * {@includeCode ../examples/ExitRule.ts#threeTwoThree}
 *
 * @since 0.1.0
 * @category models
 */
export interface ThreeTwoThreeOptions {
  /** Months from land supply to start (三个月不开工). Default 3. */
  readonly startWithinMonths?: number
  /** Years from start to production (两年不投产). Default 2. */
  readonly produceWithinYears?: number
  /** Years from production to results (三年不见效). Default 3. */
  readonly resultsWithinYears?: number
  /** The share of the contract's tax per mu that counts as results. Default 0.5. */
  readonly resultsShare?: number
  /** Days of warning before each deadline. Default 30. */
  readonly warnDays?: number
  /**
   * The clause the rules cite in findings (依据条款): the county's own, when
   * its plan states the rule. Default `001 三.(四)`, the reference plan's.
   *
   * @since 0.4.0
   */
  readonly clause?: string
}

/**
 * The three rules of 001 三.(四), "三个月不开工、两年不投产、三年不见效":
 *
 * - `start-within-3-months`: land supplied and not started within 3 months →
 *   rectification; an unresolved rectification → the land is reclaimed;
 * - `produce-within-2-years`: started and not producing within 2 years → exit;
 * - `results-within-3-years`: producing for 3 years with tax per mu below half
 *   the contract figure → cleared under the contract, land reclaimed.
 *
 * Every number is an option; the rule ids keep their names whatever the numbers.
 *
 * @example
 * {@includeCode ../examples/ExitRule.ts#threeTwoThree}
 *
 * @since 0.1.0
 * @category constructors
 */
export const threeTwoThree = (options: ThreeTwoThreeOptions = {}): ReadonlyArray<ExitRule> => {
  const start = options.startWithinMonths ?? 3
  const produce = options.produceWithinYears ?? 2
  const results = options.resultsWithinYears ?? 3
  const share = options.resultsShare ?? 0.5
  const warn = { days: options.warnDays ?? 30 }
  const clause = options.clause ?? "001 三.(四)"
  return [
    {
      id: "start-within-3-months",
      title: { zh: `${start}个月不开工`, en: `not started within ${start} months` },
      clause,
      class: "land-idle",
      anchor: { milestone: "land-supplied" },
      within: { months: start },
      requires: { kind: "stage", stage: "started" },
      warnBefore: warn,
      action: "rectify",
      escalateTo: "reclaim-land"
    },
    {
      id: "produce-within-2-years",
      title: { zh: `${produce}年不投产`, en: `not producing within ${produce} years` },
      clause,
      class: "built-not-producing",
      anchor: { milestone: "started" },
      within: { years: produce },
      requires: { kind: "stage", stage: "in-production" },
      warnBefore: warn,
      action: "exit"
    },
    {
      id: "results-within-3-years",
      title: { zh: `${results}年不见效`, en: `no results within ${results} years` },
      clause,
      class: "no-results",
      anchor: { milestone: "in-production" },
      within: { years: results },
      requires: { kind: "performance", measure: "taxPerMu", share },
      warnBefore: warn,
      action: "reclaim-land"
    }
  ]
}
