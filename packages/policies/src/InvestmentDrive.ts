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
  /** 三.3 "9月中旬前": when the new planned projects are due. Default 2026-09-15. */
  plannedBy: LocalDate.LocalDate,
  /** 四.1 "于8月1日前报区经合局": when each unit's work plan is due. Default 2026-08-01. */
  workPlanDue: LocalDate.LocalDate,
  /**
   * 四.4 "对在谈项目签约情况…进行考核": points of the negotiation-signings target at
   * 100%. The clause sets none, and the fair bonus already rewards each signing,
   * so by default it is reported, not scored (0).
   */
  negotiationPoints: Schema.Finite,
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
  plannedBy: "2026-09-15",
  workPlanDue: "2026-08-01",
  negotiationPoints: 0,
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
      // "每个单位至少各筛选出3个有影响力的大项目，召开专家论证会": projects reviewed, not meetings.
      id: "expert-reviews",
      title: "专家论证项目",
      measure: "activity-projects",
      scope: "per-unit",
      unitKinds: [...towns],
      goal: 3,
      activityFilter: { kinds: ["expert-review"] },
      clause: "002 三.3"
    },
    {
      // 三.3 "9月中旬前再策划一批新的招商引资项目，每个街道镇、园区不少于2个".
      id: "new-planned",
      title: "9月中旬前新策划项目",
      measure: "projects",
      scope: "per-unit",
      unitKinds: [...towns],
      goal: 2,
      // the planning milestone itself in the window, not any later stage
      filter: { anyReachedWithin: ["planned"] },
      due: o.plannedBy,
      clause: "002 三.3"
    },
    {
      // 四.4 "对在谈项目签约情况…进行考核": key projects brought from negotiation to signing
      // during the drive (三.2: 2 of each unit's 4 key negotiating projects sign at the fair).
      id: "negotiation-signings",
      title: "重点在谈项目签约",
      measure: "projects",
      scope: "per-unit",
      unitKinds: [...towns],
      goal: 2,
      filter: { stage: "signed", reachedWithin: "window", flags: ["key"] },
      clause: "002 四.4"
    },
    {
      // 四.1 "各单位的攻坚活动方案于8月1日前报区经合局".
      id: "work-plans",
      title: "攻坚活动方案报送",
      measure: "activities",
      scope: "per-unit",
      goal: 1,
      activityFilter: { kinds: ["plan-submitted"] },
      from: `${o.year}-01-01`,
      due: o.workPlanDue,
      clause: "002 四.1"
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
      clauses: [
        "002 二",
        "002 三.1",
        "002 三.2",
        "002 三.3",
        "002 三.4",
        "002 四.1",
        "002 四.3",
        "002 四.4"
      ]
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
    // The first line is the item's value with the quota met (分值), not its
    // total: a missing trip's deduction follows and says what the item comes to.
    trips: t(
      "外出招商{count}次（要求{required}次），本项分值{points}分",
      "{count} trips of {required} required: the item is worth {points} with the quota met"
    ),
    "trips-missing": t(
      "外出招商缺少{missing}次（要求{required}次，完成{count}次），每缺1次从该项指标得分中按该次分值的{multiplier}倍扣分，{points}分，扣后本项{net}分（本项不设下限）",
      "{missing} trips missing ({count} of {required}): each missing trip deducted {multiplier} times its value from the item, {points}, leaving the item at {net} (no floor)"
    ),
    "trips-missing-floor": t(
      "外出招商缺少{missing}次（要求{required}次，完成{count}次），每缺1次从该项指标得分中按该次分值的{multiplier}倍扣分，{points}分，扣后本项{net}分（本项最低{floor}分）",
      "{missing} trips missing ({count} of {required}): each missing trip deducted {multiplier} times its value from the item, {points}, leaving the item at {net} (its floor is {floor})"
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
          ...(o.negotiationPoints === 0
            ? []
            : [
                completion(
                  "negotiation-signings",
                  "negotiation-signings",
                  o.negotiationPoints,
                  "002 四.4",
                  t("在谈项目签约情况", "negotiations brought to signing"),
                  { appliesTo: [...towns] }
                )
              ]),
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
      gates: [signingGate(o), keyStartsGate(o), packagedTripsGate],
      ...inactive(o)
    }
  }
})

/** The clauses left out while the county has not given its annual tasks. */
const inactive = (
  o: Pick<typeof Options.Type, "annualTask" | "annualTasks">
): { inactive?: ReadonlyArray<Plugin.Inactive> } => {
  const off: Array<Plugin.Inactive> = [
    ...(o.annualTask === undefined
      ? [
          {
            clause: "002 二",
            title: t("全区完成全年招商引资工作任务的80%", "80% of the annual investment task"),
            needs: ["annualTask"]
          }
        ]
      : []),
    ...(o.annualTasks === undefined
      ? [
          {
            clause: "002 四.4",
            title: t(
              "完成年度目标任务的单位通报表扬、完不成的通报批评",
              "commendation and criticism on each unit's annual task"
            ),
            needs: ["annualTasks"]
          }
        ]
      : [])
  ]
  return off.length === 0 ? {} : { inactive: off }
}

/**
 * 四.4: units that meet their annual task are commended, units that miss it
 * criticised — judged on each unit's annual task, when the county gives it.
 * "全面完成招商引资年度目标任务" is the year's task, due 12-31: the drive's
 * assessment (after 9-30, "结果计入年终考核指标") commends a unit that has
 * already completed it, and criticises none for a task whose year is still
 * running (judged at its due date: pending until 12-31, at risk when behind
 * 序时进度).
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
            met: true,
            judged: "due"
          },
          {
            kind: "targets",
            id: "criticised",
            title: t("通报批评", "criticised"),
            clause: "002 四.4",
            targets: ["annual-task"],
            met: false,
            judged: "due"
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

/**
 * 二 "重点签约项目在开工时限内全部开工建设": each key signed project must start by
 * its deadline — the contract's start date, else `defaultStartBy` (三.2 "明年3月份前
 * 开工"). Judged once the deadline has passed.
 */
const keyStartsGate = (o: Pick<typeof Options.Type, "defaultStartBy">): Gate.Gate => ({
  id: "key-starts-on-time",
  title: t("重点签约项目在开工时限内开工", "key signed projects start on time"),
  clause: "002 二",
  filter: { stage: "signed", flags: ["key"] },
  check: (p, ctx) => {
    const deadline = p.contract?.startBy ?? o.defaultStartBy
    if (ctx.asOf <= deadline) return []
    const started = ctx.timeline?.milestones.started
    if (started !== undefined && started <= deadline) return []
    return [
      started === undefined
        ? {
            messageId: "not-started-by-deadline",
            data: { deadline },
            message: t(`开工时限${deadline}已过，未开工`, `not started by ${deadline}`)
          }
        : {
            messageId: "started-after-deadline",
            data: { deadline, started },
            message: t(
              `开工时限${deadline}，${started}才开工`,
              `started ${started}, after the deadline ${deadline}`
            )
          }
    ]
  }
})

/**
 * 三.2 "活动期间，各项目包保负责人与各策划单位相关人员至少要开展2次外出招商推介
 * 活动": each planned project under a 包保 leader (`responsibility.leader`) has at
 * least 2 outbound promotion trips naming it inside the window.
 */
const packagedTripsGate: Gate.Gate = {
  id: "packaged-project-trips",
  title: t("包保策划项目外出招商推介", "promotion trips for packaged planned projects"),
  clause: "002 三.2",
  filter: { stage: "planned", notReached: "negotiating" },
  check: (p, ctx) => {
    if (p.responsibility?.leader === undefined) return []
    const { activities = [], campaign } = ctx.view.snapshot
    const trips = activities.filter(
      (a) =>
        a.kind === "outbound-trip" &&
        a.date >= campaign.window.start &&
        a.date <= campaign.window.end &&
        a.date <= ctx.asOf &&
        (a.projects ?? []).includes(p.id)
    ).length
    return trips >= 2
      ? []
      : [
          {
            messageId: "too-few-promotion-trips",
            data: { trips, required: 2 },
            message: t(
              `包保负责人外出招商推介${trips}次，要求至少2次`,
              `${trips} promotion trips of the 2 required`
            )
          }
        ]
  }
}

/** A trip line: the item's value, or a missing-trip deduction (with or without a floor). */
const tripMessage = (d: Plugin.Data): string =>
  d.missing === undefined
    ? "trips"
    : d.floor === undefined
      ? "trips-missing"
      : "trips-missing-floor"
