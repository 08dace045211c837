/**
 * 000 — 项目提升年百日攻坚实施方案: a 100-day drive (2-20 to 5-31) on investment
 * attraction, project construction and land clearance, as a reference policy.
 *
 * Every rule cites its clause; the numbers the plan leaves to the assessment
 * (the points of each target, the deduction for a month without a new start,
 * how many units win the first prize) are options with the defaults below.
 *
 * @since 0.1.0
 */
import { LocalDate, Money, Period, Target } from "@gongjian/core"
import { Plugin } from "@gongjian/plugin-sdk"
import type { ScoringPolicy } from "@gongjian/scoring"
import * as Schema from "effect/Schema"
import { completion, t, targetMessage } from "./internal/common.js"

/**
 * The options of the 100-day policy, with their defaults.
 *
 * @example
 * {@includeCode ../examples/HundredDays.ts#targets}
 *
 * @since 0.1.0
 * @category options
 */
export const Options = Schema.Struct({
  /** Points of each allocated target (合同外资, 实到外资, 区外内资) at 100%. Default 10. */
  targetPoints: Schema.Finite,
  /** The start rate of the pool by 5-31 (二.(二).2). Default 0.7. */
  startRate: Schema.Finite.check(Schema.isBetween({ minimum: 0, maximum: 1 })),
  /** Points of the start-rate target at 100%. Default 10. */
  startRatePoints: Schema.Finite,
  /** Stock projects each unit must bring into the pool (二.(二).3). Default 10. */
  stockPerUnit: Schema.Int,
  /** Points of the stock-project target at 100%. Default 5. */
  stockPoints: Schema.Finite,
  /** Points lost for each full month of the window without a new start (二.(二).2). Default −2. */
  missedMonthPoints: Schema.Finite,
  /**
   * 二.(一).1 "对完不成合同外资或实到外资年度目标任务的，否决开放型经济工作一等奖":
   * each unit's annual contract-FDI task (年度目标任务), as the county set it.
   * The plan gives no figure, so there is no default: without it the veto is
   * not modelled.
   */
  annualContractFdi: Schema.optionalKey(Schema.Array(Target.Allocation)),
  /** … and each unit's annual paid-in FDI task. No default. */
  annualPaidInFdi: Schema.optionalKey(Schema.Array(Target.Allocation)),
  /** The year of the annual tasks: they count from 1 January to 31 December. Default 2026. */
  year: Schema.Int,
  /** Months from land supply to start before a project counts as stuck (二.(二).1). Default 3. */
  landIdleMonths: Schema.Int,
  /** Months from signing to land supply before 已招商未征迁 (二.(二).1). Default 6. */
  landAcquireMonths: Schema.Int,
  /** Months from completion to production before 已建成未投产 (二.(二).1). Default 6. */
  produceMonths: Schema.Int,
  /** When the 10 investment staff must be recruited: "3月底前" (二.(一).1). Default 2026-03-31. */
  staffDue: LocalDate.LocalDate
})

/**
 * The defaults of {@link Options}.
 *
 * @example
 * {@includeCode ../examples/HundredDays.ts#targets}
 *
 * @since 0.1.0
 * @category options
 */
export const defaults: typeof Options.Encoded = {
  targetPoints: 10,
  startRate: 0.7,
  startRatePoints: 10,
  stockPerUnit: 10,
  stockPoints: 5,
  missedMonthPoints: -2,
  year: 2026,
  landIdleMonths: 3,
  landAcquireMonths: 6,
  produceMonths: 6,
  staffDue: "2026-03-31"
}

const cny = (s: string) => Money.parseUnsafe(s)

/**
 * The unit kinds 二.(二).2 and 二.(二).3 name: "各镇、**新区、**工业园区" —
 * towns, new districts and parks; streets (街道) are not named.
 */
const MONTHLY_KINDS = ["town", "new-district", "park"] as const

const sum = (allocations: ReadonlyArray<Target.Allocation>): Target.Goal => {
  const goals = allocations.map((a) => a.goal)
  const first = goals[0]
  if (first === undefined) return 0
  if (typeof first === "number") return goals.reduce<number>((n, g) => n + (g as number), 0)
  return goals.reduce<Money.Money>(
    (m, g) => Money.addUnsafe(m, g as Money.Money),
    Money.zero(first.currency)
  )
}

/** The annual FDI tasks of 二.(一).1, when the county gives them. */
const annualTargets = (
  o: Pick<typeof Options.Type, "annualContractFdi" | "annualPaidInFdi" | "year">
): ReadonlyArray<Target.Target> => {
  const year = { from: `${o.year}-01-01`, due: `${o.year}-12-31` }
  return [
    ...(o.annualContractFdi === undefined
      ? []
      : [
          {
            id: "annual-contract-fdi",
            title: "合同外资年度目标任务",
            measure: "contract-fdi" as const,
            scope: "area" as const,
            goal: sum(o.annualContractFdi),
            allocations: o.annualContractFdi,
            filter: { stage: "signed" as const, reachedWithin: "window" as const },
            ...year,
            clause: "000 二.(一).1"
          }
        ]),
    ...(o.annualPaidInFdi === undefined
      ? []
      : [
          {
            id: "annual-paid-in-fdi",
            title: "实到外资年度目标任务",
            measure: "foreign-funds-arrived" as const,
            scope: "area" as const,
            goal: sum(o.annualPaidInFdi),
            allocations: o.annualPaidInFdi,
            filter: { stage: "signed" as const },
            ...year,
            clause: "000 二.(一).1"
          }
        ])
  ]
}

/**
 * The targets of 000 一 and 二, by id, as a campaign adopts them (add
 * allocations to split the area targets over units).
 *
 * @example
 * {@includeCode ../examples/HundredDays.ts#targets}
 *
 * @since 0.1.0
 * @category targets
 */
export const targets = (
  o: Pick<
    typeof Options.Type,
    "startRate" | "stockPerUnit" | "staffDue" | "annualContractFdi" | "annualPaidInFdi" | "year"
  > = Schema.decodeSync(Options)(defaults)
): ReadonlyArray<Target.Target> => {
  const signedInWindow = { stage: "signed" as const, reachedWithin: "window" as const }
  // "引进或在谈" / "锁定": negotiating or signed during the drive; a negotiation that
  // began before it and is still going on is not this drive's result.
  const introducedOrNegotiating = {
    anyReachedWithin: ["negotiating" as const, "signed" as const]
  }
  return [
    ...annualTargets(o),
    {
      id: "contract-fdi",
      title: "合同外资",
      measure: "contract-fdi",
      scope: "area",
      goal: cny("1亿美元"),
      filter: signedInWindow,
      clause: "000 一"
    },
    {
      // Money paid in during the drive (dated funds-arrived events in USD), not
      // the lifetime paid-in total of every signed project.
      id: "paid-in-fdi",
      title: "实到外资",
      measure: "foreign-funds-arrived",
      scope: "area",
      goal: cny("5000万美元"),
      filter: { stage: "signed" },
      clause: "000 一"
    },
    {
      id: "outside-capital",
      title: "区外内资",
      measure: "outside-domestic-capital",
      scope: "area",
      goal: cny("8.6亿元"),
      filter: signedInWindow,
      clause: "000 一"
    },
    {
      id: "major-manufacturing",
      title: "引进或在谈重大先进制造业项目",
      measure: "projects",
      scope: "area",
      goal: 5,
      filter: {
        ...introducedOrNegotiating,
        flags: ["major"],
        industries: ["advanced-manufacturing", "new-energy", "new-material"]
      },
      clause: "000 一"
    },
    {
      id: "major-services",
      title: "引进或在谈重大现代服务业项目",
      measure: "projects",
      scope: "area",
      goal: 5,
      filter: { ...introducedOrNegotiating, flags: ["major"], sectors: ["tertiary"] },
      clause: "000 一"
    },
    {
      id: "major-agriculture",
      title: "引进或在谈重大现代农业项目",
      measure: "projects",
      scope: "area",
      goal: 1,
      filter: { ...introducedOrNegotiating, flags: ["major"], sectors: ["primary"] },
      clause: "000 一"
    },
    {
      id: "fai",
      title: "全社会固定资产投资",
      measure: "fixed-asset-investment",
      scope: "area",
      goal: cny("38亿元"),
      clause: "000 一"
    },
    {
      id: "ipi",
      title: "工业生产性投入",
      measure: "industrial-productive-investment",
      scope: "area",
      goal: cny("25亿元"),
      clause: "000 一"
    },
    {
      id: "households",
      title: "完成拆迁户数",
      measure: "demolished-households",
      scope: "area",
      goal: 269,
      clause: "000 一"
    },
    {
      id: "demolished-area",
      title: "拆迁面积（平方米）",
      measure: "demolished-area-m2",
      scope: "area",
      goal: 100000,
      clause: "000 一"
    },
    {
      id: "staff",
      title: "招商人员招聘",
      measure: "staff-recruited",
      scope: "area",
      goal: 10,
      due: o.staffDue,
      clause: "000 二.(一).1"
    },
    {
      id: "locked-fortune-500",
      title: "锁定世界500强项目",
      measure: "projects",
      scope: "area",
      goal: 1,
      filter: { ...introducedOrNegotiating, flags: ["fortune-500"] },
      clause: "000 二.(一).3"
    },
    {
      id: "locked-new-energy",
      title: "锁定新能源新材料项目",
      measure: "projects",
      scope: "area",
      goal: 3,
      filter: { ...introducedOrNegotiating, industries: ["new-energy", "new-material"] },
      clause: "000 二.(一).3"
    },
    {
      id: "locked-logistics",
      title: "锁定第三方物流企业",
      measure: "projects",
      scope: "area",
      goal: 2,
      filter: { ...introducedOrNegotiating, industries: ["logistics"] },
      clause: "000 二.(一).3"
    },
    {
      id: "locked-agriculture",
      title: "锁定大规模现代农业项目",
      measure: "projects",
      scope: "area",
      goal: 1,
      filter: { ...introducedOrNegotiating, sectors: ["primary"], flags: ["major"] },
      clause: "000 二.(一).3"
    },
    {
      id: "start-rate",
      title: "项目库开工率",
      measure: "start-rate",
      scope: "per-unit",
      unitKinds: [...MONTHLY_KINDS],
      goal: o.startRate,
      filter: { stage: "signed" },
      clause: "000 二.(二).2"
    },
    {
      id: "stock-projects",
      title: "存量项目入库（全区）",
      measure: "projects",
      scope: "area",
      goal: 60,
      filter: { stage: "signed", flags: ["stock"] },
      clause: "000 二.(二).3"
    },
    {
      id: "stock-per-unit",
      title: "存量项目入库（每单位）",
      measure: "projects",
      scope: "per-unit",
      unitKinds: [...MONTHLY_KINDS],
      goal: o.stockPerUnit,
      filter: { stage: "signed", flags: ["stock"] },
      clause: "000 二.(二).3"
    },
    // 二.(二).4 "力争落实两个10亿元的融资项目": the two are credit lines, not two
    // projects plus a sum — 一是 新增企业授信10亿元 (bank–enterprise matching), 二是
    // 政府性融资项目 新增授信10亿元. Reported with the key `enterprise` or `government-project`.
    {
      id: "enterprise-credit",
      title: "银企对接新增企业授信",
      measure: "credit-line",
      reportKey: "enterprise",
      scope: "area",
      goal: cny("10亿元"),
      clause: "000 二.(二).4"
    },
    {
      id: "government-credit",
      title: "政府性融资项目新增授信",
      measure: "credit-line",
      reportKey: "government-project",
      scope: "area",
      goal: cny("10亿元"),
      clause: "000 二.(二).4"
    }
  ]
}

/** The vetoes of 二.(一).1 left out while the county has not given the annual tasks. */
const inactive = (
  o: Pick<typeof Options.Type, "annualContractFdi" | "annualPaidInFdi">
): { inactive?: ReadonlyArray<Plugin.Inactive> } => {
  const off: Array<Plugin.Inactive> = [
    ...(o.annualContractFdi === undefined
      ? [
          {
            clause: "000 二.(一).1",
            title: t(
              "完不成合同外资年度目标任务，否决开放型经济工作一等奖",
              "annual contract-FDI task missed: no open-economy first prize"
            ),
            needs: ["annualContractFdi"]
          }
        ]
      : []),
    ...(o.annualPaidInFdi === undefined
      ? [
          {
            clause: "000 二.(一).1",
            title: t(
              "完不成实到外资年度目标任务，否决开放型经济工作一等奖",
              "annual paid-in FDI task missed: no open-economy first prize"
            ),
            needs: ["annualPaidInFdi"]
          }
        ]
      : [])
  ]
  return off.length === 0 ? {} : { inactive: off }
}

/**
 * 二.(一).1: the annual open-economy first prize is vetoed for a unit that
 * misses its annual contract-FDI or paid-in FDI task. The drive does not
 * award that prize (the annual open-economy assessment does); it reports the
 * units still eligible (`first-prize-eligible`) and vetoes the others, naming
 * the annual task missed. Present only when the county gives the tasks.
 */
const annualAward = (
  o: Pick<typeof Options.Type, "annualContractFdi" | "annualPaidInFdi">
): { vetoes?: ReadonlyArray<ScoringPolicy.Veto>; tiers?: ReadonlyArray<ScoringPolicy.Tier> } => {
  const annual = [
    ...(o.annualContractFdi ? ["annual-contract-fdi"] : []),
    ...(o.annualPaidInFdi ? ["annual-paid-in-fdi"] : [])
  ]
  if (annual.length === 0) return {}
  // 二.(一).1 "年度目标任务": the tasks are the year's, due 12-31. The drive's assessment
  // (as of 5-31) gives no verdict on them: a unit below its annual task is not vetoed
  // before 12-31 (it is listed as pending, at risk when behind 序时进度); from 12-31 on
  // a task still missed vetoes the prize.
  return {
    vetoes: [
      {
        id: "fdi-veto",
        title: t(
          "完不成合同外资或实到外资年度目标任务",
          "annual contract or paid-in FDI task missed"
        ),
        clause: "000 二.(一).1",
        when: { kind: "target-missed", targets: annual, judged: "due" },
        bars: ["first-prize-eligible"]
      }
    ],
    tiers: [
      {
        kind: "targets",
        id: "first-prize-eligible",
        title: t("可参评开放型经济工作一等奖", "eligible for the open-economy first prize"),
        clause: "000 二.(一).1",
        targets: annual,
        met: true,
        judged: "due"
      }
    ]
  }
}

// The message of a stuck project: a warning, a breach, or a rectification overdue.
const stuckMessage = (d: { readonly severity?: unknown }): string =>
  d.severity === "warning" ? "stuck-soon" : d.severity === "escalated" ? "stuck-escalated" : "stuck"

/**
 * The 100-day drive policy (000).
 *
 * - scoring: the allocated money targets and the start-rate and stock-project
 *   targets by completion; a deduction for each full month of the window
 *   without a new start (二.(二).2);
 * - the veto of 二.(一).1: a unit that misses its annual contract-FDI or
 *   paid-in FDI task (options the county gives) cannot win the annual
 *   open-economy first prize;
 * - exit rules classifying the stuck projects of 二.(二).1: land supplied and
 *   not started, attracted and no land acquired, built and not producing.
 *
 * @example
 * {@includeCode ../examples/HundredDays.ts#policy}
 *
 * @since 0.1.0
 * @category policies
 */
export const policy = Plugin.definePlugin({
  meta: {
    id: "gongjian/000-hundred-days",
    version: "0.1.0",
    title: t("项目提升年百日攻坚", "hundred-day project drive"),
    source: {
      document: "000",
      clauses: [
        "000 一",
        "000 二.(一).1",
        "000 二.(一).3",
        "000 二.(二).1",
        "000 二.(二).2",
        "000 二.(二).3",
        "000 二.(二).4"
      ]
    },
    sdk: `^${Plugin.sdkVersion}`
  },
  options: Options,
  defaults,
  messages: {
    ...targetMessage,
    "missed-month": t(
      "{month}没有新开工项目，扣{points}分",
      "no new start in {month}: {points} points"
    ),
    stuck: t(
      "{name}（{project}）：{anchorName}于{anchor}，期限{deadline}，已逾期{daysOverdue}天",
      "{name} ({project}): {anchorName} on {anchor}, due {deadline}, {daysOverdue} days overdue"
    ),
    "stuck-escalated": t(
      "{name}（{project}）：{anchorName}于{anchor}，期限{deadline}，限期整改至{overdueSince}仍未到位，已逾期{daysOverdue}天",
      "{name} ({project}): {anchorName} on {anchor}, due {deadline}; the rectification due {overdueSince} is {daysOverdue} days overdue"
    ),
    "stuck-soon": t(
      "{name}（{project}）：{anchorName}于{anchor}，距期限{deadline}还有{daysLeft}天",
      "{name} ({project}): {anchorName} on {anchor}, {daysLeft} days to {deadline}"
    )
  },
  create: (o) => ({
    ...inactive(o),
    targets: targets(o),
    // 二.(一).1 is about the annual award, judged on the annual tasks; see annualAward.
    scoring: {
      items: [
        completion(
          "contract-fdi",
          "contract-fdi",
          o.targetPoints,
          "000 一",
          t("合同外资任务", "contract FDI target")
        ),
        completion(
          "paid-in-fdi",
          "paid-in-fdi",
          o.targetPoints,
          "000 一",
          t("实到外资任务", "paid-in FDI target")
        ),
        completion(
          "outside-capital",
          "outside-capital",
          o.targetPoints,
          "000 一",
          t("区外内资任务", "outside domestic capital target")
        ),
        completion(
          "start-rate",
          "start-rate",
          o.startRatePoints,
          "000 二.(二).2",
          t("项目库开工率", "start rate of the pool"),
          { appliesTo: [...MONTHLY_KINDS] }
        ),
        completion(
          "stock-per-unit",
          "stock-per-unit",
          o.stockPoints,
          "000 二.(二).3",
          t("存量项目入库", "stock projects"),
          { appliesTo: [...MONTHLY_KINDS] }
        ),
        {
          kind: "custom",
          id: "monthly-starts",
          title: t("每月新开工项目", "a new start every month"),
          clause: "000 二.(二).2",
          appliesTo: [...MONTHLY_KINDS],
          messageId: "missed-month",
          compute: (ctx, unit) => {
            const { start, end } = ctx.snapshot.campaign.window
            const lines = []
            // Full calendar months of the window that have ended by as-of.
            for (const m of Period.between("month", start, end)) {
              if (m.start < start || m.end > end || m.end > ctx.asOf) continue
              const started = ctx.snapshot.projects.some((p) => {
                const on = ctx.timelines.get(p.id)?.milestones.started
                return (
                  on !== undefined &&
                  Period.contains(m, on) &&
                  ctx.lineage(p.unit).includes(unit.id)
                )
              })
              if (!started) {
                lines.push({
                  points: o.missedMonthPoints,
                  facts: { month: m.label },
                  arithmetic: `${o.missedMonthPoints}`,
                  message: t(`${m.label}没有新开工项目`, `no new start in ${m.label}`)
                })
              }
            }
            return lines
          }
        }
      ],
      ...annualAward(o)
    },
    exitRules: [
      {
        id: "land-idle",
        title: t("已供地未开工", "land supplied, not started"),
        clause: "000 二.(二).1",
        class: "land-idle",
        anchor: { milestone: "land-supplied" },
        within: { months: o.landIdleMonths },
        requires: { kind: "stage", stage: "started" },
        warnBefore: { days: 30 },
        action: "rectify",
        messageId: stuckMessage
      },
      {
        id: "land-not-acquired",
        title: t("已招商未征迁", "attracted, land not acquired"),
        clause: "000 二.(二).1",
        class: "land-not-acquired",
        anchor: { milestone: "signed" },
        within: { months: o.landAcquireMonths },
        requires: { kind: "stage", stage: "land-supplied" },
        warnBefore: { days: 30 },
        action: "rectify",
        filter: { withoutFlags: ["stock"] },
        messageId: stuckMessage
      },
      {
        id: "built-not-producing",
        title: t("已建成未投产", "built, not producing"),
        clause: "000 二.(二).1",
        class: "built-not-producing",
        anchor: { milestone: "completed" },
        within: { months: o.produceMonths },
        requires: { kind: "stage", stage: "in-production" },
        warnBefore: { days: 30 },
        action: "rectify",
        messageId: stuckMessage
      }
    ]
  })
})
