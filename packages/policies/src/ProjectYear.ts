/**
 * 004 — 项目攻坚年 (three plans): a county's 29 key projects under leaders'
 * responsibility (plan 1), a town's month-by-month schedule with year-end
 * scores, awards and admonishment (plan 2), and the service-industry drive
 * with statistical registration and risk gates (plan 3), as a reference
 * policy.
 *
 * @since 0.1.0
 */
import { Lifecycle, Money, type Target } from "@gongjian/core"
import { Plugin } from "@gongjian/plugin-sdk"
import type { ScoringPolicy } from "@gongjian/scoring"
import * as Schema from "effect/Schema"
import { completion, t, targetMessage } from "./internal/common.js"

/**
 * The options of the project-year policy, with their defaults.
 *
 * @example
 * {@includeCode ../examples/ProjectYear.ts#policy}
 *
 * @since 0.1.0
 * @category options
 */
export const Options = Schema.Struct({
  /**
   * Points of the key-project progress target at 100%: the share of the
   * unit's key projects (preliminary ones aside) that have started. Default 10.
   */
  progressPoints: Schema.Finite,
  /**
   * Points of the preliminary-progress target at 100%: the share of the unit's
   * preliminary key projects that made substantive progress. Default 5.
   */
  preliminaryPoints: Schema.Finite,
  /**
   * Plan 1 "取得突破性进展或完工投产": the milestone that counts as a breakthrough.
   * The plan does not define one; the default is completion (完工), the one
   * recorded fact it names. Default "completed".
   */
  breakthroughStage: Lifecycle.Stage,
  /**
   * Plan 1 "前期(谋划)项目取得实质性进展 … 尽快具备落地条件": the milestone that
   * counts as substantive progress of a preliminary project. Default "signed"
   * (a signed project is ready to land); a county that reads it as land in hand
   * sets "land-supplied".
   */
  substantiveStage: Lifecycle.Stage,
  /** Points per key project completed in the year. Default 3. */
  completedPoints: Schema.Finite,
  /** Points per key project started in the year. Default 2. */
  startedPoints: Schema.Finite,
  /**
   * How many units of each group (villages; departments) are named advanced
   * (plan 2 "分类考核 … 评选重点项目建设工作先进单位"). Default 1.
   */
  advanced: Schema.Int,
  /**
   * Plan 3 "健全项目入统机制": started projects from this planned total
   * investment must be statistically registered (入统). The plan names no
   * threshold; the default is the national one — fixed-asset investment
   * statistics cover projects of 计划总投资500万元及以上 (国家统计局《固定资产
   * 投资统计报表制度》, the threshold since 2011). Default 500万元.
   */
  registrationFrom: Money.MoneyFromJson
})

/**
 * The defaults of {@link Options}.
 *
 * @example
 * {@includeCode ../examples/ProjectYear.ts#policy}
 *
 * @since 0.1.0
 * @category options
 */
export const defaults: typeof Options.Encoded = {
  progressPoints: 10,
  preliminaryPoints: 5,
  breakthroughStage: "completed",
  substantiveStage: "signed",
  completedPoints: 3,
  startedPoints: 2,
  advanced: 1,
  registrationFrom: "500万元"
}

/**
 * The targets of plan 1 and plan 3. "取得突破性进展或完工投产" is read as
 * reaching completion (完工); "实质性进展" of a preliminary project as signing
 * (具备落地条件). `key-progress` is each unit's share of its key projects
 * (preliminary ones aside) that have started: the 18 to complete and the 5 to
 * start must all have started by the year's end.
 *
 * @example
 * {@includeCode ../examples/ProjectYear.ts#policy}
 *
 * @since 0.1.0
 * @category targets
 */
export const targets = (
  o: Pick<typeof Options.Type, "breakthroughStage" | "substantiveStage"> = {
    breakthroughStage: "completed",
    substantiveStage: "signed"
  }
): ReadonlyArray<Target.Target> => [
  {
    id: "key-projects",
    title: "重点推进项目",
    measure: "projects",
    scope: "area",
    goal: 29,
    filter: { flags: ["key"] },
    clause: "004 plan 1"
  },
  {
    id: "key-completed",
    title: "取得突破性进展或完工投产",
    measure: "projects",
    scope: "area",
    goal: 18,
    filter: { flags: ["key"], stage: o.breakthroughStage },
    clause: "004 plan 1"
  },
  {
    id: "key-started",
    title: "重点项目开工建设",
    measure: "projects",
    scope: "area",
    goal: 5,
    filter: { flags: ["key"], stage: "started", reachedWithin: "window" },
    clause: "004 plan 1"
  },
  {
    id: "key-preliminary",
    title: "前期项目取得实质性进展",
    measure: "projects",
    scope: "area",
    goal: 6,
    filter: { flags: ["key", "preliminary"], stage: o.substantiveStage },
    clause: "004 plan 1"
  },
  {
    id: "key-progress",
    title: "分包重点项目开工率",
    measure: "start-rate",
    scope: "per-unit",
    goal: 1,
    filter: { flags: ["key"], withoutFlags: ["preliminary"] },
    clause: "004 plan 1, plan 2"
  },
  {
    id: "preliminary-progress",
    title: "前期项目实质性进展率",
    measure: "start-rate",
    rateStage: o.substantiveStage,
    scope: "per-unit",
    goal: 1,
    filter: { flags: ["key", "preliminary"] },
    clause: "004 plan 1, plan 2"
  },
  {
    id: "service-investment",
    title: "服务业项目完成投资",
    measure: "reported",
    reportKey: "service-investment",
    scope: "area",
    goal: Money.parseUnsafe("45亿元"),
    clause: "004 plan 3"
  }
]

/** Plan 2 "分类考核": villages (村、社区) and departments are ranked apart. */
const GROUPS: ReadonlyArray<ScoringPolicy.Group> = [
  { id: "villages", title: t("村（社区）", "villages"), unitKinds: ["village"] },
  { id: "departments", title: t("部门", "departments"), unitKinds: ["department"] }
]

const missing = (key: string, zh: string, en: string) => ({
  messageId: key,
  data: {},
  message: t(zh, en)
})

/**
 * The project-year policy (004):
 *
 * - scoring (plan 2 年底评分): the progress of each unit's key projects
 *   (started share; preliminary ones brought to substantive progress), and
 *   points per key project completed or started in the year; villages and
 *   departments ranked apart (分类考核);
 * - tiers: the top unit of each group named advanced; units whose key projects
 *   show no clear results (成效不明显: a progress target missed) criticised and
 *   their heads given an admonishment talk (诫勉谈话);
 * - gates (plan 1 monthly dispatch): a county leader, host unit and owner for
 *   every key project; the procedures of preliminary projects (规划, 选址,
 *   环评, 备案); construction conditions of started ones (water, power, land,
 *   funds, schedule); (plan 3) statistical registration (入统), the red lines
 *   (farmland, ecology) and the review of high-energy, high-emission projects.
 *
 * @example
 * {@includeCode ../examples/ProjectYear.ts#policy}
 *
 * @since 0.1.0
 * @category policies
 */
export const policy = Plugin.definePlugin({
  meta: {
    id: "gongjian/004-project-year",
    version: "0.1.0",
    title: t("项目攻坚年", "project year"),
    source: { document: "004", clauses: ["004 plan 1", "004 plan 2", "004 plan 3"] },
    sdk: `^${Plugin.sdkVersion}`
  },
  options: Options,
  defaults,
  messages: {
    ...targetMessage,
    completed: t(
      "{name}（{project}）完工，加{points}分",
      "{name} ({project}) completed: +{points}"
    ),
    started: t("{name}（{project}）开工建设，加{points}分", "{name} ({project}) started: +{points}")
  },
  create: (o) => ({
    targets: targets(o),
    scoring: {
      items: [
        completion(
          "key-progress",
          "key-progress",
          o.progressPoints,
          "004 plan 1, plan 2",
          t("重点项目推进", "key project progress")
        ),
        completion(
          "preliminary-progress",
          "preliminary-progress",
          o.preliminaryPoints,
          "004 plan 1, plan 2",
          t("前期项目实质性进展", "preliminary project progress")
        ),
        {
          kind: "per-project",
          id: "completed",
          title: t("重点项目完工", "key project completed"),
          clause: "004 plan 1",
          filter: { flags: ["key"], stage: "completed", reachedWithin: "window" },
          points: o.completedPoints,
          messageId: "completed"
        },
        {
          kind: "per-project",
          id: "started",
          title: t("重点项目开工", "key project started"),
          clause: "004 plan 1",
          filter: {
            flags: ["key"],
            stage: "started",
            reachedWithin: "window",
            notReached: "completed"
          },
          points: o.startedPoints,
          messageId: "started"
        }
      ],
      groups: GROUPS,
      tiers: [
        {
          kind: "top",
          id: "advanced",
          title: t("重点项目建设先进单位", "advanced unit"),
          clause: "004 plan 2",
          n: o.advanced
        },
        // Plan 2 (七) "12月份，进行年底评分、考核" and 3 "年底…组织…综合考评": the December
        // assessment is the year's verdict, given before the year's targets fall due on
        // 12-31, so they are judged as of the assessment date.
        {
          kind: "targets",
          id: "criticised",
          title: t("成效不明显，通报批评", "no clear results: criticised"),
          clause: "004 plan 2",
          targets: ["key-progress", "preliminary-progress"],
          met: false,
          judged: "as-of"
        },
        {
          kind: "targets",
          id: "admonishment",
          title: t("主要负责人诫勉谈话", "admonishment talk for the head"),
          clause: "004 plan 2",
          targets: ["key-progress", "preliminary-progress"],
          met: false,
          judged: "as-of"
        }
      ]
    },
    gates: [
      {
        id: "leader-responsibility",
        title: t("县领导分包责任制", "leaders' responsibility"),
        clause: "004 plan 1",
        filter: { flags: ["key"] },
        check: (p) => [
          ...(p.responsibility?.leader === undefined
            ? [missing("no-leader", "未明确分包县领导", "no county leader")]
            : []),
          ...(p.responsibility?.hostUnit === undefined
            ? [missing("no-host-unit", "未明确承办单位", "no host unit")]
            : []),
          ...(p.responsibility?.owner === undefined
            ? [missing("no-owner", "未明确业主单位", "no owner unit")]
            : [])
        ]
      },
      {
        id: "preliminary-procedures",
        title: t("前期手续（规划、选址、环评、备案）", "preliminary procedures"),
        clause: "004 plan 1",
        filter: { flags: ["key", "preliminary"] },
        check: (p) =>
          (
            [
              ["planning", "规划", "planning"],
              ["land", "选址", "site"],
              ["eia", "环评", "EIA"],
              ["filing", "备案（核准）", "filing"]
            ] as const
          )
            .filter(
              ([kind]) =>
                !(p.approvals ?? []).some(
                  (a) =>
                    (a.kind === kind || (kind === "filing" && a.kind === "approval")) &&
                    a.closedOn !== undefined
                )
            )
            .map(([kind, zh, en]) => ({
              messageId: "procedure-open",
              data: { procedure: kind },
              message: t(`${zh}手续未办结`, `${en} not closed`)
            }))
      },
      {
        id: "construction-conditions",
        title: t("开工项目建设条件（水、电、地、资金、工期）", "construction conditions"),
        clause: "004 plan 1",
        filter: { flags: ["key"], stage: "started", notReached: "completed" },
        check: (p, ctx) => {
          const tl = ctx.timeline
          return [
            ...(tl !== undefined &&
            !Lifecycle.hasReached(tl, "land-supplied") &&
            !(p.flags ?? []).includes("stock")
              ? [missing("no-land", "用地未落实", "no land")]
              : []),
            ...(tl !== undefined &&
            tl.fundsArrived.CNY.amount.value === 0n &&
            tl.fundsArrived.USD.amount.value === 0n
              ? [missing("no-funds", "建设资金未到位", "no funds arrived")]
              : []),
            ...(p.land?.water === false
              ? [missing("no-water", "供水未落实", "no water supply")]
              : []),
            ...(p.land?.power === false
              ? [missing("no-power", "供电未落实", "no power supply")]
              : []),
            ...(p.contract?.completeBy === undefined
              ? [missing("no-schedule", "未明确建设工期", "no construction schedule")]
              : [])
          ]
        }
      },
      {
        id: "registration",
        title: t("项目入统", "statistical registration"),
        clause: "004 plan 3",
        filter: { stage: "started", minInvestment: o.registrationFrom },
        check: (_p, ctx) =>
          ctx.timeline?.registeredOn === undefined
            ? [missing("not-registered", "已开工未入统", "started, not registered")]
            : []
      },
      {
        id: "risk-gate",
        title: t("风险管控：严禁违规占用耕地、生态保护红线", "risk gate: farmland and red lines"),
        clause: "004 plan 3",
        conditions: [{ kind: "no-red-line", lines: ["farmland", "ecological"] }]
      },
      {
        id: "two-high-review",
        title: t("严控高耗能、高排放项目：须专项审查", "high-energy, high-emission: for review"),
        clause: "004 plan 3",
        conditions: [{ kind: "not-flagged", flags: ["high-energy", "high-emission"] }]
      }
    ]
  })
})
