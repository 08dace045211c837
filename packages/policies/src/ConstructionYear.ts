/**
 * 003 — 项目建设年活动实施方案: a construction year, as a reference policy.
 *
 * 四 names what is assessed (fixed-asset investment, major projects, investment
 * attraction) and how (quarterly and year-end, the top 3 commended, the units
 * that miss held accountable) but no points; this policy weighs the three
 * 40 / 30 / 30 and combines the quarters and the year-end 0.1 each and 0.6, all
 * options.
 *
 * @since 0.1.0
 */
import { Money, type Target, type Unit } from "@gongjian/core"
import { Plugin } from "@gongjian/plugin-sdk"
import { type Assessment, Composite, type ScoringPolicy } from "@gongjian/scoring"
import * as Schema from "effect/Schema"
import { completion, t, targetMessage } from "./internal/common.js"

/**
 * The options of the construction-year policy, with their defaults.
 *
 * @example
 * {@includeCode ../examples/ConstructionYear.ts#policy}
 *
 * @since 0.1.0
 * @category options
 */
export const Options = Schema.Struct({
  /** Points of the fixed-asset investment target at 100%. Default 40. */
  faiPoints: Schema.Finite,
  /** Points of the major-project target. Default 30. */
  majorPoints: Schema.Finite,
  /** Points of the investment-attraction target (funds in place). Default 30. */
  investmentPoints: Schema.Finite,
  /** How many units are commended (四: 前三名). Default 3. */
  commended: Schema.Int,
  /** The weight of each quarterly assessment in the year's composite. Default 0.1. */
  quarterWeight: Schema.Finite,
  /** The weight of the year-end assessment. Default 0.6. */
  yearWeight: Schema.Finite,
  /**
   * 四 "全县全社会固定资产投资目标任务": the county's own fixed-asset investment
   * target. The plan states no figure, so there is no default: without it the
   * target and its item are left out (allocate it to units in the campaign).
   */
  faiGoal: Schema.optionalKey(Money.NonNegativeMoneyFromJson),
  /**
   * 四 "招商引资工作目标任务": the county's own investment-attraction target,
   * split over the assessed units in the campaign (三.(一) 任务分解). The plan
   * states no figure (its 110亿元 is the working groups' task, 二.(三)), so there
   * is no default: without it the target and its item are left out.
   */
  investmentGoal: Schema.optionalKey(Money.NonNegativeMoneyFromJson),
  /**
   * Whether a unit held accountable for a missed target (三.(三)) is barred from
   * the top-3 commendation (四), the commendation passing to the next unit; the
   * output names the target missed. Default true: the plan commends "完成目标任务
   * 的单位" and holds the others to account, so one unit is not both.
   */
  commendOnlyIfMet: Schema.Boolean
})

/**
 * The defaults of {@link Options}.
 *
 * @example
 * {@includeCode ../examples/ConstructionYear.ts#policy}
 *
 * @since 0.1.0
 * @category options
 */
export const defaults: typeof Options.Encoded = {
  faiPoints: 40,
  majorPoints: 30,
  investmentPoints: 30,
  commended: 3,
  quarterWeight: 0.1,
  yearWeight: 0.6,
  commendOnlyIfMet: true
}

const GROUPS: ReadonlyArray<ScoringPolicy.Group> = [
  {
    id: "governments",
    title: t("区（市、县）政府和管委会", "governments and zone committees"),
    unitKinds: ["county", "district", "zone-committee"]
  },
  { id: "departments", title: t("市直部门", "departments"), unitKinds: ["department"] }
]

/** The targets 四 assesses: the fixed-asset target (when the county gives it), majors, investment. */
const assessed = (o: Pick<typeof Options.Type, "faiGoal" | "investmentGoal">): Array<string> => [
  ...(o.faiGoal === undefined ? [] : ["fai"]),
  "major-projects",
  ...(o.investmentGoal === undefined ? [] : ["investment"])
]

/** The targets left out while the county has not given its own figures (四). */
const inactive = (
  o: Pick<typeof Options.Type, "faiGoal" | "investmentGoal">
): { inactive?: ReadonlyArray<Plugin.Inactive> } => {
  const off: Array<Plugin.Inactive> = [
    ...(o.faiGoal === undefined
      ? [
          {
            clause: "003 四",
            title: t(
              "全县全社会固定资产投资目标任务",
              "the county's fixed-asset investment target"
            ),
            needs: ["faiGoal"]
          }
        ]
      : []),
    ...(o.investmentGoal === undefined
      ? [
          {
            clause: "003 四",
            title: t("招商引资工作目标任务", "the investment attraction target"),
            needs: ["investmentGoal"]
          }
        ]
      : [])
  ]
  return off.length === 0 ? {} : { inactive: off }
}

/**
 * The targets of 003 二 and 四 (allocate them to units in the campaign).
 *
 * @example
 * {@includeCode ../examples/ConstructionYear.ts#policy}
 *
 * @since 0.1.0
 * @category targets
 */
export const targets = (
  o: Pick<typeof Options.Type, "faiGoal" | "investmentGoal"> = {}
): ReadonlyArray<Target.Target> => [
  ...(o.faiGoal === undefined
    ? []
    : [
        {
          id: "fai",
          title: "全社会固定资产投资",
          measure: "fixed-asset-investment" as const,
          scope: "area" as const,
          goal: o.faiGoal,
          clause: "003 四"
        }
      ]),
  {
    id: "major-projects",
    title: "重大工程和重点项目",
    measure: "projects",
    scope: "area",
    goal: 69,
    filter: { stage: "signed", flags: ["major"] },
    clause: "003 四"
  },
  {
    id: "major-industrial",
    title: "工业重大项目常态管理",
    measure: "projects",
    scope: "area",
    goal: 48,
    filter: { stage: "signed", flags: ["major"], sectors: ["secondary"] },
    clause: "003 二.(五)"
  },
  {
    id: "major-services",
    title: "服务业重大项目常态管理",
    measure: "projects",
    scope: "area",
    goal: 21,
    filter: { stage: "signed", flags: ["major"], sectors: ["tertiary"] },
    clause: "003 二.(五)"
  },
  ...(o.investmentGoal === undefined
    ? []
    : [
        {
          // 四.(二) "三是招商引资工作目标任务" (not 全县, as the other two say), split over
          // "各区（市、县）、市直各相关部门" (三.(一)) and assessed on the bodies of 四.(一): their
          // funds in place, not the working groups' (二.(三), `group-funds`).
          id: "investment",
          title: "招商引资工作目标任务（到位资金）",
          measure: "funds-in-place" as const,
          scope: "area" as const,
          unitKinds: GROUPS.flatMap((g) => g.unitKinds),
          goal: o.investmentGoal,
          clause: "003 四"
        }
      ]),
  {
    // "6个重点产业招商工作组和港澳招商工作组要完成到位资金110亿元的招商任务": the working
    // groups' funds (units of kind `group`), not the county's or any district's.
    id: "group-funds",
    title: "产业招商工作组和港澳招商工作组到位资金",
    measure: "funds-in-place",
    scope: "area",
    unitKinds: ["group"],
    goal: Money.parseUnsafe("110亿元"),
    clause: "003 二.(三)"
  },
  {
    id: "central-soe",
    title: "面向央企招商项目",
    measure: "projects",
    scope: "area",
    goal: 15,
    filter: { stage: "signed", flags: ["central-soe"] },
    clause: "003 二.(三)"
  }
]

/**
 * The construction-year policy (003): the three targets of 四 scored by
 * completion; governments and zone committees ranked apart from departments;
 * the top 3 commended; units missing any target held accountable. Combine the
 * quarters and the year-end with {@link yearEnd}.
 *
 * @example
 * {@includeCode ../examples/ConstructionYear.ts#policy}
 *
 * @since 0.1.0
 * @category policies
 */
export const policy = Plugin.definePlugin({
  meta: {
    id: "gongjian/003-construction-year",
    version: "0.1.0",
    title: t("项目建设年", "construction year"),
    source: { document: "003", clauses: ["003 二.(三)", "003 二.(五)", "003 三", "003 四"] },
    sdk: `^${Plugin.sdkVersion}`
  },
  options: Options,
  defaults,
  messages: targetMessage,
  create: (o) => ({
    ...inactive(o),
    targets: targets(o),
    scoring: {
      items: [
        ...(o.faiGoal === undefined
          ? []
          : [
              completion(
                "fai",
                "fai",
                o.faiPoints,
                "003 四",
                t("固定资产投资目标任务", "fixed-asset investment target")
              )
            ]),
        completion(
          "major-projects",
          "major-projects",
          o.majorPoints,
          "003 四",
          t("重大工程和重点项目目标任务", "major project target")
        ),
        ...(o.investmentGoal === undefined
          ? []
          : [
              completion(
                "investment",
                "investment",
                o.investmentPoints,
                "003 四",
                t("招商引资目标任务", "investment attraction target")
              )
            ])
      ],
      groups: GROUPS,
      // 四.(三) "季度考核和年终考核相结合" and 三.(三) 考核总结阶段: the quarters score
      // progress; commending the units that completed their targets and holding the others
      // to account is the year-end verdict. The targets are the year's (due at the window's
      // end, 12-31), so they are judged at their due date: a quarterly assessment vetoes
      // and holds no one to account on them (its vetoes would carry into `yearEnd`).
      ...(o.commendOnlyIfMet
        ? {
            vetoes: [
              {
                id: "missed-targets",
                title: t("未完成目标任务，不予表扬", "a target missed: not commended"),
                clause: "003 三.(三), 四",
                when: {
                  kind: "target-missed" as const,
                  targets: assessed(o),
                  judged: "due" as const
                },
                bars: ["commended"]
              }
            ]
          }
        : {}),
      tiers: [
        {
          // 四: "对年终考核综合排位前三名的进行通报表扬".
          kind: "top",
          id: "commended",
          title: t("综合排位通报表扬", "commended for the overall ranking"),
          clause: "003 四",
          n: o.commended
        },
        {
          // 三.(三): "对完成目标任务的单位进行通报表扬" — a commendation of its own.
          kind: "targets",
          id: "completed",
          title: t("完成目标任务通报表扬", "commended for completing the targets"),
          clause: "003 三.(三)",
          targets: assessed(o),
          met: true,
          judged: "due"
        },
        {
          kind: "targets",
          id: "accountable",
          title: t("问责", "held accountable"),
          clause: "003 三.(三), 四",
          targets: assessed(o),
          met: false,
          judged: "due"
        }
      ]
    }
  })
})

/**
 * The year's composite (003 四 "季度考核和年终考核相结合"): each quarter's
 * total × `quarterWeight` plus the year-end total × `yearWeight`, ranked in
 * the same groups, the top `commended` commended.
 *
 * @example
 * {@includeCode ../examples/ConstructionYear.ts#yearEnd}
 *
 * @since 0.1.0
 * @category policies
 */
export const yearEnd = (input: {
  readonly units: ReadonlyArray<Unit.Unit>
  readonly quarters: ReadonlyArray<Assessment.Assessment>
  readonly year: Assessment.Assessment
  readonly options?: Partial<typeof Options.Type>
}): Assessment.Assessment => {
  const o = { ...defaults, ...input.options }
  return Composite.combine({
    id: "gongjian/003-construction-year/composite",
    version: "0.1.0",
    units: input.units,
    periods: [
      ...input.quarters.map((q, i) => ({
        label: `Q${i + 1}`,
        title: { zh: `第${"一二三四"[i] ?? i + 1}季度考核`, en: `Q${i + 1}` },
        weight: o.quarterWeight,
        assessment: q
      })),
      {
        label: "year",
        title: { zh: "年终考核", en: "year" },
        weight: o.yearWeight,
        assessment: input.year
      }
    ],
    groups: GROUPS,
    tiers: [
      {
        kind: "top",
        id: "commended",
        title: t("通报表扬", "commended"),
        clause: "003 四",
        n: o.commended
      }
    ]
  })
}
