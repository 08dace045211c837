/**
 * Scoring policies (考核办法): items, vetoes, outcome tiers, ranking groups and
 * the tie rule — everything that turns a snapshot into a ranked assessment.
 *
 * @since 0.1.0
 */
import { type Campaign, Unit } from "@gongjian/core"
import * as Data from "effect/Data"
import * as Schema from "effect/Schema"
import { DataItem, Points, type ScoringItem, Title } from "./ScoringItem.js"

/**
 * When a condition that reads targets (a `target-missed` veto, a `targets`
 * tier) is judged (评定时点):
 *
 * - `due` (the default): at each target's due date — its `due`, else the end
 *   of the campaign window. A target completed earlier is met at once; one
 *   below its goal is missed only from its due date on. Before that its
 *   verdict is pending (待定): the unit is neither vetoed nor listed in the
 *   tier, and the assessment lists the pending verdict with the target's
 *   progress, marked at risk when the target is amber or red against 序时进度.
 *   A mid-campaign assessment (000's 100-day drive as of 5-31) so does not
 *   hold a unit to an annual task that runs to 12-31;
 * - `as-of`: as of the assessment date, whatever the due date: for an
 *   assessment that is itself the period's final verdict (004 plan 2 "12月份，
 *   进行年底评分、考核": the year-end assessment in December judges the year's
 *   targets, before 12-31).
 *
 * Either way a target's completion is the exact ratio as of the assessment.
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#judged}
 *
 * @since 0.4.0
 * @category schemas
 */
export const Judged = Schema.Literals(["due", "as-of"]).annotate({ identifier: "Judged" })

/**
 * The type of {@link Judged}.
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#judged}
 *
 * @since 0.4.0
 * @category models
 */
export type Judged = typeof Judged.Type

/**
 * A veto (一票否决): a unit that fails the condition keeps its score but is
 * barred from the named tiers (000 二.(一).1: missing the contract-FDI or
 * paid-in-FDI target bars the first prize for open-economy work).
 *
 * - `target-missed`: the unit's completion of any of the targets is below 1,
 *   judged when `judged` says ({@link Judged}; at each target's due date by
 *   default, since 0.4.0);
 * - `findings`: the unit has at least `atLeast` breaches of the classes.
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#policy}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Veto = Schema.Struct({
  id: Schema.String,
  title: Title,
  clause: Schema.String,
  when: Schema.Union([
    Schema.Struct({
      kind: Schema.Literal("target-missed"),
      targets: Schema.Array(Schema.String),
      judged: Schema.optionalKey(Judged)
    }),
    Schema.Struct({
      kind: Schema.Literal("findings"),
      classes: Schema.Array(Schema.String),
      atLeast: Schema.Int
    })
  ]),
  bars: Schema.Array(Schema.String)
}).annotate({ identifier: "Veto" })

/**
 * The type of {@link Veto}.
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#policy}
 *
 * @since 0.1.0
 * @category models
 */
export type Veto = typeof Veto.Type

/**
 * An outcome tier (奖惩档次):
 *
 * - `top`: the first `n` of a ranking group not barred from it (通报表扬,
 *   003 四: the top 3);
 * - `bottom`: the last `n` (诫勉谈话 for the heads of the weakest, 004 plan 2);
 * - `targets`: units that met all the targets (`met: true`, commended) or
 *   missed any (`met: false`, criticised or held accountable, 002 四.4, 003 四),
 *   judged when `judged` says ({@link Judged}; at each target's due date by
 *   default, since 0.4.0: a unit whose verdict is pending is in neither);
 * - `min-score`: units with at least `atLeast` points.
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#policy}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Tier = Schema.Union([
  Schema.Struct({
    kind: Schema.Literal("top"),
    id: Schema.String,
    title: Title,
    clause: Schema.String,
    n: Schema.Int,
    group: Schema.optionalKey(Schema.String)
  }),
  Schema.Struct({
    kind: Schema.Literal("bottom"),
    id: Schema.String,
    title: Title,
    clause: Schema.String,
    n: Schema.Int,
    group: Schema.optionalKey(Schema.String)
  }),
  Schema.Struct({
    kind: Schema.Literal("targets"),
    id: Schema.String,
    title: Title,
    clause: Schema.String,
    targets: Schema.Array(Schema.String),
    met: Schema.Boolean,
    judged: Schema.optionalKey(Judged)
  }),
  Schema.Struct({
    kind: Schema.Literal("min-score"),
    id: Schema.String,
    title: Title,
    clause: Schema.String,
    atLeast: Points
  })
]).annotate({ identifier: "Tier" })

/**
 * The type of {@link Tier}.
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#policy}
 *
 * @since 0.1.0
 * @category models
 */
export type Tier = typeof Tier.Type

/**
 * A ranking group (排名分组): units of these kinds are ranked together and
 * apart from the others (towns and streets apart from departments).
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#policy}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Group = Schema.Struct({
  id: Schema.String,
  title: Title,
  unitKinds: Schema.Array(Unit.UnitKind)
}).annotate({ identifier: "Group" })

/**
 * The type of {@link Group}.
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#policy}
 *
 * @since 0.1.0
 * @category models
 */
export type Group = typeof Group.Type

/**
 * How ties are ranked:
 *
 * - `shared` (default): equal totals share a rank and the next rank is
 *   skipped — 1, 2, 2, 4;
 * - `broken`: ties are broken by the points earned (before deductions), then
 *   by unit id, giving 1, 2, 3, 4.
 *
 * Either way the order is total: total, then points earned, then unit id.
 *
 * @example
 * {@includeCode ../examples/Ranking.ts#rank}
 *
 * @since 0.1.0
 * @category models
 */
export type Ties = "shared" | "broken"

/**
 * A scoring policy that is data (JSON): every item one of the data kinds.
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#policy}
 *
 * @since 0.1.0
 * @category schemas
 */
export const PolicyData = Schema.Struct({
  id: Schema.String,
  version: Schema.String,
  title: Title,
  items: Schema.Array(DataItem),
  vetoes: Schema.optionalKey(Schema.Array(Veto)),
  tiers: Schema.optionalKey(Schema.Array(Tier)),
  groups: Schema.optionalKey(Schema.Array(Group)),
  ties: Schema.optionalKey(Schema.Literals(["shared", "broken"]))
}).annotate({ identifier: "ScoringPolicy" })

/**
 * A scoring policy: data items and custom items in code.
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#policy}
 *
 * @since 0.1.0
 * @category models
 */
export interface ScoringPolicy {
  readonly id: string
  readonly version: string
  readonly title: { readonly zh: string; readonly en: string }
  readonly items: ReadonlyArray<ScoringItem>
  readonly vetoes?: ReadonlyArray<Veto>
  readonly tiers?: ReadonlyArray<Tier>
  readonly groups?: ReadonlyArray<Group>
  readonly ties?: Ties
}

/**
 * A policy that does not fit the campaign it is run on: a duplicate id, an
 * unknown target, tier or group, a unit kind in two groups.
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#check}
 *
 * @since 0.1.0
 * @category errors
 */
export class PolicyError extends Data.TaggedError("PolicyError")<{
  readonly policy: string
  readonly path: string
  readonly detail: string
}> {
  override get message(): string {
    return `Scoring policy ${this.policy}, ${this.path}: ${this.detail}`
  }
}

/**
 * Checks a policy against a campaign; an empty list means it fits.
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#check}
 *
 * @since 0.1.0
 * @category validation
 */
export const check = (
  policy: ScoringPolicy,
  campaign: Pick<Campaign.Campaign, "targets">
): ReadonlyArray<PolicyError> => {
  const errors: Array<PolicyError> = []
  const fail = (path: string, detail: string) =>
    errors.push(new PolicyError({ policy: policy.id, path, detail }))
  const targets = new Set(campaign.targets.map((t) => t.id))
  const seen = new Set<string>()
  policy.items.forEach((item, i) => {
    if (seen.has(item.id)) fail(`items[${i}].id`, `the item id ${item.id} is used twice`)
    seen.add(item.id)
    if (item.kind === "target" && !targets.has(item.target)) {
      fail(`items[${i}].target`, `the campaign has no target ${item.target}`)
    }
    if ((item.weight ?? 1) < 0) fail(`items[${i}].weight`, "a weight cannot be negative")
    if (item.max !== undefined && item.min !== undefined && item.max < item.min) {
      fail(`items[${i}]`, `max ${item.max} is below min ${item.min}`)
    }
  })
  const tiers = new Set((policy.tiers ?? []).map((t) => t.id))
  const groups = new Set((policy.groups ?? []).map((g) => g.id))
  ;(policy.vetoes ?? []).forEach((v, i) => {
    v.bars.forEach((b, j) => {
      if (!tiers.has(b)) fail(`vetoes[${i}].bars[${j}]`, `the policy has no tier ${b}`)
    })
    if (v.when.kind === "target-missed") {
      v.when.targets.forEach((t, j) => {
        if (!targets.has(t))
          fail(`vetoes[${i}].when.targets[${j}]`, `the campaign has no target ${t}`)
      })
    }
  })
  ;(policy.tiers ?? []).forEach((t, i) => {
    if (
      (t.kind === "top" || t.kind === "bottom") &&
      t.group !== undefined &&
      !groups.has(t.group)
    ) {
      fail(`tiers[${i}].group`, `the policy has no group ${t.group}`)
    }
    if (t.kind === "targets") {
      t.targets.forEach((x, j) => {
        if (!targets.has(x)) fail(`tiers[${i}].targets[${j}]`, `the campaign has no target ${x}`)
      })
    }
  })
  const kindGroup = new Map<string, string>()
  ;(policy.groups ?? []).forEach((g, i) => {
    for (const k of g.unitKinds) {
      const other = kindGroup.get(k)
      if (other !== undefined)
        fail(`groups[${i}].unitKinds`, `unit kind ${k} is already in group ${other}`)
      kindGroup.set(k, g.id)
    }
  })
  return errors
}
