/**
 * 002 — 招商引资集中攻坚活动方案: an August–September drive around an investment
 * fair, as a reference policy.
 *
 * 四.4 gives the scoring but not its base points ("适当加分", "减半计分",
 * "双倍扣分"); this policy reads them as the options below, each documented.
 *
 * @since 0.1.0
 */
import { LocalDate, Money, Target } from "@gongjian/core"
import { type Gate, Plugin } from "@gongjian/plugin-sdk"
import type { ScoringPolicy } from "@gongjian/scoring"
import * as Schema from "effect/Schema"
import { completion, t, targetMessage } from "./internal/common.js"

/**
 * The options of the drive policy, with their defaults.
 *
 * @example
 * {@includeCode ../examples/InvestmentDrive.ts#policy}
 *
 * @since 0.1.0
 * @category options
 */
export const Options = Schema.Struct({
  /** 四.4 "适当加分": points per project signed at the fair from 1亿元. Default 2. */
  fairBonus: Schema.Finite,
  /** … and from 10亿元. Default 5. */
  fairBonusLarge: Schema.Finite,
  /** 四.4 the base points of a key signed project's start. Default 4. */
  startBase: Schema.Finite,
  /** "不能如期开工的在本项指标得分中减半计分": 0.5 of the base. */
  late: Schema.Finite,
  /** "不能开工的减半扣分": −0.5 of the base. */
  notStarted: Schema.Finite,
  /** "不能实施的双倍扣分": −2 of the base. */
  cannotProceed: Schema.Finite,
  /** 三.2 "明年3月份前开工": the start deadline of a project whose contract gives none. Default 2027-03-31. */
  defaultStartBy: LocalDate.LocalDate,
  /**
   * The value of one required outbound trip (三.1): a trip item is worth
   * `tripPoints × required` (3 for a principal's 3 trips). Default 1.
   */
  tripPoints: Schema.Finite,
  /**
   * 四.4 "每缺少1次从该项指标得分中双倍扣分": each missing principal trip
   * deducts this many times a trip's value from the item. Default 2.
   */
  tripShortfall: Schema.Finite,
  /**
   * The least a trip item may score. The clause sets no floor, so by default
   * there is none and the item may go below 0.
   */
  tripFloor: Schema.optionalKey(Schema.Finite),
  /**
   * Whether the deputies' quota (分工负责人, 三.1) is scored. 四.4 deducts for
   * the principals' trips only, so by default the deputies' trips are a
   * target to report (`deputy-trips`), not a deduction. When on, each missing
   * deputy trip deducts its value once.
   */
  deputyTripDeduction: Schema.Boolean,
  /** 三.1 trips of a unit's principal, deputies, and a department's principal. Defaults 3, 4, 2. */
  principalTrips: Schema.Int,
  deputyTrips: Schema.Int,
  departmentTrips: Schema.Int,
  /** Points of the fair-signing target (二) at 100%. Default 10. */
  signingPoints: Schema.Finite,
  /**
   * 二 "全区完成全年招商引资工作任务的80%": the district's annual investment
   * task (年度招商引资任务), as the county set it. The plan gives no figure, so
   * there is no default; without it the 80% target is not modelled.
   */
  annualTask: Schema.optionalKey(Money.MoneyFromJson),
  /** The share of the annual task due by the end of the drive (二). Default 0.8. */
  annualShare: Schema.Finite.check(Schema.isBetween({ minimum: 0, maximum: 1 })),
  /**
   * 四.4 "全面完成招商引资年度目标任务的单位，通报表扬 … 完不成招商引资任务的单位，
   * 进行严肃的通报批评": each unit's annual task. No default; without it
   * neither commendation nor criticism is modelled.
   */
  annualTasks: Schema.optionalKey(Schema.Array(Target.Allocation)),
  /** The year of the annual task: it counts from 1 January to 31 December. Default 2026. */
  year: Schema.Int,
  /**
   * 三.4: a size floor for a fair signing. The clause's quota ("至少签约2个
   * 投资真正过亿元…项目") already counts size, so by default there is none.
   */
  signingMinInvestment: Schema.optionalKey(Money.MoneyFromJson),
  /** 三.4 投资强度关: the least investment per mu to sign. Default 200万元. */
  minIntensityPerMu: Money.MoneyFromJson,
  /** 三.4 税收关: the least tax per mu promised to sign. Default 10万元. */
  minTaxPerMu: Money.MoneyFromJson
})

/**
 * The defaults of {@link Options}.
 *
 * @example
 * {@includeCode ../examples/InvestmentDrive.ts#policy}
 *
 * @since 0.1.0
 * @category options
 */
export const defaults: typeof Options.Encoded = {
  fairBonus: 2,
  fairBonusLarge: 5,
  startBase: 4,
  late: 0.5,
  notStarted: -0.5,
  cannotProceed: -2,
  defaultStartBy: "2027-03-31",
  tripPoints: 1,
  tripShortfall: 2,
  deputyTripDeduction: false,
  principalTrips: 3,
  deputyTrips: 4,
  departmentTrips: 2,
  signingPoints: 10,
  annualShare: 0.8,
  year: 2026,
  minIntensityPerMu: "200万元",
  minTaxPerMu: "10万元"
}

const towns = ["town", "street", "park"] as const

const signedThisYear = { stage: "signed" as const, reachedWithin: "window" as const }

/**
 * The annual task (二, 四.4), when the county gives it: investment signed from
 * 1 January counts, not only what the drive signed.
 */
const annualTargets = (
  o: Pick<typeof Options.Type, "annualTask" | "annualShare" | "annualTasks" | "year">
): ReadonlyArray<Target.Target> => {
  const from = `${o.year}-01-01`
  const area =
    o.annualTask ??
    (o.annualTasks?.length
      ? Money.sumUnsafe(
          o.annualTasks.map((a) => a.goal as Money.Money),
          (o.annualTasks[0]!.goal as Money.Money).currency
        )
      : undefined)
  return [
    ...(o.annualTask === undefined
      ? []
      : [
          {
            id: "annual-share",
            title: `全区完成全年招商引资工作任务的${o.annualShare * 100}%`,
            measure: "total-investment" as const,
            scope: "area" as const,
            goal: Money.timesUnsafe(o.annualTask, String(o.annualShare)),
            filter: signedThisYear,
            from,
            clause: "002 二"
          }
        ]),
    ...(o.annualTasks === undefined || area === undefined
      ? []
      : [
          {
            id: "annual-task",
            title: "招商引资年度目标任务",
            measure: "total-investment" as const,
            scope: "area" as const,
            goal: area,
            allocations: o.annualTasks,
            filter: signedThisYear,
            from,
            due: `${o.year}-12-31`,
            clause: "002 四.4"
          }
        ])
  ]
}

/**
 * The targets of 002 二 and 三, by id.
 *
 * @example
 * {@includeCode ../examples/InvestmentDrive.ts#policy}
 *
 * @since 0.1.0
 * @category targets
 */
export const targets = (o: typeof Options.Type): ReadonlyArray<Target.Target> => {
  const atFair = {
    stage: "signed" as const,
    reachedWithin: "window" as const,
    flags: ["signed-at-fair"]
  }
  const startedInWindow = { stage: "started" as const, reachedWithin: "window" as const }
  return [
    {
      id: "fair-signings",
      title: "投洽会签约过亿元项目",
      measure: "projects",
      scope: "per-unit",
      unitKinds: [...towns],
      goal: 2,
      filter: { ...atFair, minInvestment: Money.parseUnsafe("1亿元") },
      clause: "002 二"
    },
    {
      id: "fair-signings-large",
      title: "投洽会签约过10亿元项目",
      measure: "projects",
      scope: "per-unit",
      unitKinds: [...towns],
      goal: 1,
      filter: { ...atFair, minInvestment: Money.parseUnsafe("10亿元") },
      clause: "002 二"
    },
    {
      id: "department-results",
      title: "区直部门杜绝空白",
      measure: "projects",
      scope: "per-unit",
      unitKinds: ["department"],
      goal: 1,
      filter: { stage: "signed", reachedWithin: "window" },
      clause: "002 二"
    },
    ...annualTargets(o),
    {
      id: "key-negotiating",
      title: "重点攻坚在谈项目",
      measure: "projects",
      scope: "per-unit",
      unitKinds: [...towns],
      goal: 4,
      filter: { stage: "negotiating", flags: ["key"] },
      clause: "002 三.2"
    },
    {
      id: "key-starts",
      title: "重点签约项目开工",
      measure: "projects",
      scope: "area",
      goal: 10,
      filter: { ...startedInWindow, flags: ["key"] },
      clause: "002 三.2"
    },
    {
      id: "new-starts",
      title: "新开工项目",
      measure: "projects",
      scope: "per-unit",
      unitKinds: [...towns],
      goal: 3,
      filter: startedInWindow,
      clause: "002 三.2"
    },
    {
      id: "new-starts-large",
      title: "投资5000万元以上新开工项目",
      measure: "projects",
      scope: "per-unit",
      unitKinds: [...towns],
      goal: 1,
      filter: { ...startedInWindow, minInvestment: Money.parseUnsafe("5000万元") },
      clause: "002 三.2"
    },
    {
      id: "expert-reviews",
      title: "专家论证项目",
      measure: "activities",
      scope: "per-unit",
      unitKinds: [...towns],
      goal: 3,
      activityFilter: { kinds: ["expert-review"] },
      clause: "002 三.3"
    },
    {
      id: "invited-executives",
      title: "邀请500强、百强、上市公司一把手",
      measure: "activities",
      scope: "per-unit",
      unitKinds: [...towns],
      goal: 5,
      activityFilter: { kinds: ["invited-executive"] },
      clause: "002 三.4"
    },
    {
      id: "principal-trips",
      title: "主要负责人外出招商",
      measure: "activities",
      scope: "per-unit",
      unitKinds: [...towns],
      goal: o.principalTrips,
      activityFilter: { kinds: ["outbound-trip"], roles: ["principal"] },
      clause: "002 三.1"
    },
    {
      id: "deputy-trips",
      title: "分工负责人外出招商",
      measure: "activities",
      scope: "per-unit",
      unitKinds: [...towns],
      goal: o.deputyTrips,
      activityFilter: { kinds: ["outbound-trip"], roles: ["deputy"] },
      clause: "002 三.1"
    },
    {
      id: "department-trips",
      title: "区直部门主要负责人外出招商",
      measure: "activities",
      scope: "per-unit",
      unitKinds: ["department"],
      goal: o.departmentTrips,
      activityFilter: { kinds: ["outbound-trip"], roles: ["department-principal"] },
      clause: "002 三.1"
    }
  ]
}

/**
 * The drive policy (002):
 *
 * - scoring (四.4): a bonus per fair signing (+2 from 1亿元, +5 from 10亿元);
 *   key signed projects' starts at a base of 4 — on time 4, late 2, not
 *   started −2, cannot be carried out −8; outbound trips of the principals
 *   of towns, streets and parks (3) and of departments (2): the item is worth
 *   a trip's value times the quota, and each missing trip deducts twice a
 *   trip's value from it (T − 2 × m × T / r), with no floor unless
 *   `tripFloor` sets one; the deputies' quota is reported as a target and
 *   deducted only with `deputyTripDeduction`;
 *   completion of the fair-signing target;
 * - tiers (四.4): commended for meeting every target of the unit, criticised
 *   for missing any; towns, streets and parks are ranked apart from
 *   departments;
 * - the signing gate of 三.4 (land use, investment intensity, tax, schedule,
 *   "真正过亿元").
 *
 * @example
 * {@includeCode ../examples/InvestmentDrive.ts#policy}
 *
 * @since 0.1.0
 * @category policies
 */
export const policy = Plugin.definePlugin({
  meta: {
    id: "gongjian/002-investment-drive",
    version: "0.1.0",
    title: t("招商引资集中攻坚", "investment drive"),
    source: {
      document: "002",
      clauses: ["002 二", "002 三.1", "002 三.2", "002 三.3", "002 三.4", "002 四.3", "002 四.4"]
    },
    sdk: `^${Plugin.sdkVersion}`
  },
  options: Options,
  defaults,
  messages: {
    ...targetMessage,
    "fair-bonus": t(
      "{name}（{project}）投洽会签约，投资{investment}，加{points}分",
      "{name} ({project}) signed at the fair, {investment}: +{points}"
    ),
    "started-on-time": t(
      "{name}按期开工（期限{deadline}），得{points}分",
      "{name} started by {deadline}: {points}"
    ),
    "started-late": t(
      "{name}未能如期开工（期限{deadline}，{started}开工），减半计{points}分",
      "{name} started late ({started}, due {deadline}): half, {points}"
    ),
    "not-started": t(
      "{name}不能开工（期限{deadline}），减半扣分{points}",
      "{name} not started by {deadline}: loses half, {points}"
    ),
    "cannot-proceed": t(
      "{name}不能实施，双倍扣分{points}",
      "{name} cannot be carried out: loses double, {points}"
    ),
    trips: t(
      "外出招商{count}次（要求{required}次），本项{points}分",
      "{count} trips of {required} required: the item is worth {points}"
    ),
    "trips-missing": t(
      "外出招商缺少{missing}次（要求{required}次，完成{count}次），每缺1次从该项指标得分中按该次分值的{multiplier}倍扣分，{points}分，本项不设下限",
      "{missing} trips missing ({count} of {required}): each missing trip deducted {multiplier} times its value from the item, {points}; the item has no floor"
    ),
    "trips-missing-floor": t(
      "外出招商缺少{missing}次（要求{required}次，完成{count}次），每缺1次从该项指标得分中按该次分值的{multiplier}倍扣分，{points}分，本项最低{floor}分",
      "{missing} trips missing ({count} of {required}): each missing trip deducted {multiplier} times its value from the item, {points}; the item's floor is {floor}"
    )
  },
  create: (o) => {
    // 三.1 outbound trips: an item worth a trip's value times the quota; each missing trip
    // deducts `shortfall` times a trip's value; the floor only when a county sets one
    // (四.4 sets none).
    const tripItem = (
      id: string,
      title: { zh: string; en: string },
      clause: string,
      q: {
        role: "principal" | "deputy" | "department-principal"
        required: number
        shortfall: number
        appliesTo: ReadonlyArray<"town" | "street" | "park" | "department">
      }
    ): Plugin.Item => ({
      kind: "activity-quota",
      id,
      title,
      clause,
      activityFilter: { kinds: ["outbound-trip"], roles: [q.role] },
      required: q.required,
      points: o.tripPoints * q.required,
      shortfallMultiplier: q.shortfall,
      ...(o.tripFloor === undefined ? {} : { min: o.tripFloor }),
      appliesTo: [...q.appliesTo],
      messageId: tripMessage
    })
    return {
      targets: targets(o),
      scoring: {
        items: [
          {
            kind: "per-project",
            id: "fair-bonus",
            title: t("投洽会签约加分", "fair signing bonus"),
            clause: "002 四.4",
            filter: { stage: "signed", reachedWithin: "window", flags: ["signed-at-fair"] },
            tiers: [
              { from: Money.parseUnsafe("1亿元"), points: o.fairBonus },
              { from: Money.parseUnsafe("10亿元"), points: o.fairBonusLarge }
            ],
            appliesTo: [...towns],
            messageId: "fair-bonus"
          },
          completion(
            "fair-signings",
            "fair-signings",
            o.signingPoints,
            "002 二",
            t("投洽会签约任务", "fair signing target"),
            { appliesTo: [...towns] }
          ),
          {
            kind: "start-outcomes",
            id: "key-starts",
            title: t("重点签约项目开工", "key signed projects started"),
            clause: "002 四.4",
            filter: { flags: ["key"] },
            base: o.startBase,
            onTime: 1,
            late: o.late,
            notStarted: o.notStarted,
            cannotProceed: o.cannotProceed,
            defaultDeadline: { date: o.defaultStartBy },
            messageId: (d) =>
              d.outcome === "onTime"
                ? "started-on-time"
                : d.outcome === "late"
                  ? "started-late"
                  : d.outcome === "notStarted"
                    ? "not-started"
                    : "cannot-proceed"
          },
          tripItem(
            "principal-trips",
            t("主要负责人外出招商", "principal's trips"),
            "002 三.1, 四.4",
            {
              role: "principal",
              required: o.principalTrips,
              shortfall: o.tripShortfall,
              appliesTo: towns
            }
          ),
          ...(o.deputyTripDeduction
            ? [
                tripItem("deputy-trips", t("分工负责人外出招商", "deputies' trips"), "002 三.1", {
                  role: "deputy",
                  required: o.deputyTrips,
                  shortfall: 1,
                  appliesTo: towns
                })
              ]
            : []),
          tripItem(
            "department-trips",
            t("区直部门主要负责人外出招商", "department principals' trips"),
            "002 三.1, 四.4",
            {
              role: "department-principal",
              required: o.departmentTrips,
              shortfall: o.tripShortfall,
              appliesTo: ["department"]
            }
          )
        ],
        ...annualTiers(o),
        groups: [
          {
            id: "towns",
            title: t("街道镇、园区", "towns, streets and parks"),
            unitKinds: [...towns]
          },
          {
            id: "departments",
            title: t("区直部门", "district departments"),
            unitKinds: ["department"]
          }
        ]
      },
      gates: [signingGate(o)]
    }
  }
})

/**
 * 四.4: units that meet their annual task are commended, units that miss it
 * criticised — judged on each unit's annual task, when the county gives it.
 */
const annualTiers = (
  o: Pick<typeof Options.Type, "annualTasks">
): { tiers?: ReadonlyArray<ScoringPolicy.Tier> } =>
  o.annualTasks === undefined
    ? {}
    : {
        tiers: [
          {
            kind: "targets",
            id: "commended",
            title: t("通报表扬", "commended"),
            clause: "002 四.4",
            targets: ["annual-task"],
            met: true
          },
          {
            kind: "targets",
            id: "criticised",
            title: t("通报批评", "criticised"),
            clause: "002 四.4",
            targets: ["annual-task"],
            met: false
          }
        ]
      }

/**
 * 三.4 "投洽会集中签约时 … 严把用地性质关、投资强度关、税收关、建设进度关，
 * 达不到标准和要求的项目一律不准签约": the projects put forward for the fair
 * (flag `for-fair`) and not yet signed must pass the four checks — land use,
 * investment intensity, tax per mu, a contracted start and completion date. A
 * size floor only when `signingMinInvestment` is set.
 */
const signingGate = (
  o: Pick<typeof Options.Type, "minIntensityPerMu" | "minTaxPerMu" | "signingMinInvestment">
): Gate.Gate => ({
  id: "signing-gate",
  title: t("投洽会签约审核", "fair signing gate"),
  clause: "002 三.4",
  filter: { stage: "negotiating", notReached: "signed", flags: ["for-fair"] },
  conditions: [
    { kind: "land-use", allowed: ["industrial", "commercial", "mixed"] },
    { kind: "at-least", field: "contract.investmentIntensityPerMu", amount: o.minIntensityPerMu },
    { kind: "at-least", field: "contract.taxPerMu", amount: o.minTaxPerMu },
    { kind: "scheduled", fields: ["contract.startBy", "contract.completeBy"] },
    ...(o.signingMinInvestment === undefined
      ? []
      : [
          {
            kind: "at-least" as const,
            field: "investment.total" as const,
            amount: o.signingMinInvestment
          }
        ])
  ]
})

/** A trip line: the item's value, or a missing-trip deduction (with or without a floor). */
const tripMessage = (d: Plugin.Data): string =>
  d.missing === undefined
    ? "trips"
    : d.floor === undefined
      ? "trips-missing"
      : "trips-missing-floor"
