/**
 * 001 — 优化招商引资项目工作方案: investment service (项目经理制, 限时办结,
 * 回执单) and the exit mechanism (退出机制), as a reference policy.
 *
 * @since 0.1.0
 */
import { Calendar, Project } from "@gongjian/core"
import { ExitRule } from "@gongjian/exit-rules"
import { type Gate, Plugin } from "@gongjian/plugin-sdk"
import type { Context, ScoringItem } from "@gongjian/scoring"
import * as Schema from "effect/Schema"
import { t } from "./internal/common.js"

/**
 * The options of the service-and-exit policy, with their defaults.
 *
 * @example
 * {@includeCode ../examples/ServiceAndExit.ts#sla}
 *
 * @since 0.1.0
 * @category options
 */
export const Options = Schema.Struct({
  /** 三.(四) "三个月不开工": months from land supply to start. Default 3. */
  startWithinMonths: Schema.Int,
  /** "两年不投产": years from start to production. Default 2. */
  produceWithinYears: Schema.Int,
  /** "三年不见效": years from production to results. Default 3. */
  resultsWithinYears: Schema.Int,
  /** The share of the contract's tax per mu that counts as results. Default 0.5. */
  resultsShare: Schema.Finite,
  /** Months from signing to start before a project without land is 签而不建. Default 6. */
  signedNotBuiltMonths: Schema.Int,
  /** The share of the contract's output per mu below which a producing project is low-efficiency (低效). Default 0.6. */
  lowEfficiencyShare: Schema.Finite,
  /** Days of warning before each deadline. Default 30. */
  warnDays: Schema.Int,
  /** 三.(三).2 限时办结: working days after complete materials. Default 3; special cases 10. */
  approvalDays: Schema.Int,
  specialApprovalDays: Schema.Int,
  /** 三.(五) points a department loses for each service complaint. Default −2. */
  complaintPoints: Schema.Finite,
  /** … and for each approval it closed late. Default −1. */
  lateApprovalPoints: Schema.Finite
})

/**
 * The defaults of {@link Options}.
 *
 * @example
 * {@includeCode ../examples/ServiceAndExit.ts#sla}
 *
 * @since 0.1.0
 * @category options
 */
export const defaults: typeof Options.Encoded = {
  startWithinMonths: 3,
  produceWithinYears: 2,
  resultsWithinYears: 3,
  resultsShare: 0.5,
  signedNotBuiltMonths: 6,
  lowEfficiencyShare: 0.6,
  warnDays: 30,
  approvalDays: 3,
  specialApprovalDays: 10,
  complaintPoints: -2,
  lateApprovalPoints: -1
}

/**
 * An approval judged against 限时办结: its due date, and how many working days
 * late it closed or is still open.
 *
 * @example
 * {@includeCode ../examples/ServiceAndExit.ts#sla}
 *
 * @since 0.1.0
 * @category models
 */
export interface ApprovalDelay {
  readonly kind: string
  readonly department: string | undefined
  readonly materialsCompleteOn: string
  readonly due: string
  readonly closedOn: string | undefined
  readonly workingDaysLate: number
  /**
   * Present when the due date or the days late were counted through years
   * with no State Council notice (按法定节假日推算，待国务院通知): those years.
   *
   * @since 0.2.0
   */
  readonly provisionalYears?: ReadonlyArray<number>
}

/** A procedure's kind in words (规划, planning); an unknown kind as written. */
const kindName = (kind: string): { readonly zh: string; readonly en: string } =>
  Project.approvalKindNames[kind as Project.ApprovalKind] ?? { zh: kind, en: kind }

/**
 * The approvals of a project that closed after their 限时办结 deadline, or are
 * open past it as of `asOf` (三.(三).2): due = materials complete + 3 working
 * days (10 in special cases), counted from the next working day.
 *
 * @example
 * {@includeCode ../examples/ServiceAndExit.ts#sla}
 *
 * @since 0.1.0
 * @category queries
 */
export const lateApprovals = (
  project: {
    readonly approvals?: ReadonlyArray<{
      readonly kind: string
      readonly department?: string
      readonly materialsCompleteOn?: string
      readonly closedOn?: string
      readonly special?: boolean
    }>
  },
  asOf: string,
  calendar: Calendar.Calendar,
  days: { readonly normal: number; readonly special: number } = { normal: 3, special: 10 }
): ReadonlyArray<ApprovalDelay> => {
  const out: Array<ApprovalDelay> = []
  for (const a of project.approvals ?? []) {
    if (a.materialsCompleteOn === undefined) continue
    const due = Calendar.addWorkingDays(
      calendar,
      a.materialsCompleteOn,
      a.special ? days.special : days.normal
    )
    const end = a.closedOn ?? asOf
    if (end <= due) continue
    const provisionalYears = Calendar.provisionalYears(calendar, a.materialsCompleteOn, end)
    out.push({
      kind: a.kind,
      department: a.department,
      materialsCompleteOn: a.materialsCompleteOn,
      due,
      closedOn: a.closedOn,
      workingDaysLate: Calendar.workingDaysBetween(calendar, due, end),
      ...(provisionalYears.length > 0 ? { provisionalYears } : {})
    })
  }
  return out
}

const lateByContext = new WeakMap<Context.Context, Map<string, Array<ScoringItem.CustomLine>>>()

const ROLES = {
  manager: t("项目经理", "project manager"),
  secretary: t("项目秘书", "project secretary"),
  staff: t("服务专员", "staff member")
} as const

/**
 * The service-and-exit policy (001):
 *
 * - exit rules (三.(四)): 三个月不开工 (→ rectification, then the land is
 *   reclaimed), 两年不投产 (→ exit), 三年不见效 (→ land reclaimed), 签而不建
 *   (signed, no land, not started → exit), 低效 (output per mu below a share
 *   of the contract → clean-up); the half-yearly cleanup is
 *   `CleanupReport.halfYear` over these rules;
 * - gates: each key project has a manager, a secretary and a staff member
 *   (三.(三).1); a receipt slip (三.(三).4); approvals closed within 3 working
 *   days, 10 in special cases (三.(三).2);
 * - scoring (三.(五)): departments lose points for service complaints and for
 *   approvals closed late.
 *
 * @example
 * {@includeCode ../examples/ServiceAndExit.ts#policy}
 *
 * @since 0.1.0
 * @category policies
 */
export const policy = Plugin.definePlugin({
  meta: {
    id: "gongjian/001-service-and-exit",
    version: "0.1.0",
    title: t("招商引资项目服务与退出机制", "investment service and exit mechanism"),
    source: {
      document: "001",
      clauses: ["001 三.(三).1", "001 三.(三).2", "001 三.(三).4", "001 三.(四)", "001 三.(五)"]
    },
    sdk: `^${Plugin.sdkVersion}`
  },
  options: Options,
  defaults,
  messages: {
    warning: t(
      "{project}：距期限{deadline}还有{daysLeft}天",
      "{project}: {daysLeft} days to {deadline}"
    ),
    breach: t(
      "{project}：期限{deadline}已过{daysOverdue}天，建议{action}",
      "{project}: {daysOverdue} days past {deadline}; {action}"
    ),
    escalated: t(
      "{project}：限期整改逾期{daysOverdue}天，建议{action}",
      "{project}: rectification {daysOverdue} days overdue; {action}"
    ),
    complaint: t(
      "涉企服务投诉（{on}）：{count}次，{points}分",
      "service complaint ({on}): {count}, {points}"
    ),
    "late-approval": t(
      "{name}（{project}）的{kindZh}审批超过限时办结{workingDaysLate}个工作日，{points}分",
      "{name} ({project}): {kindEn} approval {workingDaysLate} working days late, {points}"
    )
  },
  create: (o) => {
    const bySeverity = (d: Plugin.Data) => String(d.severity)
    const rules = ExitRule.threeTwoThree({
      startWithinMonths: o.startWithinMonths,
      produceWithinYears: o.produceWithinYears,
      resultsWithinYears: o.resultsWithinYears,
      resultsShare: o.resultsShare,
      warnDays: o.warnDays
    })
      // "按照投资合同约定": the chained defaults judge a project only when its contract
      // fixes no date of its own; when it does, the contract's date is the deadline.
      .map((r) =>
        r.id === "start-within-3-months"
          ? { ...r, filter: { withoutContract: ["startBy" as const] } }
          : r.id === "produce-within-2-years"
            ? { ...r, filter: { withoutContract: ["produceBy" as const] } }
            : r
      )
      .map((r) => ({ ...r, messageId: bySeverity }))
    const byContract = (
      id: string,
      date: "startBy" | "produceBy",
      base: (typeof rules)[number]
    ): Plugin.Rule => ({
      ...base,
      id,
      title:
        date === "startBy"
          ? t("未按合同约定时间开工", "not started by the contract's date")
          : t("未按合同约定时间投产", "not producing by the contract's date"),
      anchor: { contract: date },
      within: { days: 0 },
      filter: {}
    })
    const startRule = rules.find((r) => r.id === "start-within-3-months")!
    const produceRule = rules.find((r) => r.id === "produce-within-2-years")!
    const sla = { normal: o.approvalDays, special: o.specialApprovalDays }
    const responsibility: Gate.CustomGate = {
      id: "responsibility",
      title: t("项目经理制和项目秘书制", "project manager and secretary"),
      clause: "001 三.(三).1",
      filter: { flags: ["key"], excludeClosed: true },
      check: (p) => [
        ...(["manager", "secretary", "staff"] as const)
          .filter((role) => p.responsibility?.[role] === undefined)
          .map((role) => ({
            messageId: "missing-role",
            data: { role },
            message: t(`未明确${ROLES[role].zh}`, `no ${ROLES[role].en}`)
          })),
        // "由1名县级干部担任项目经理、1名科级干部担任项目秘书": checked where the rank is recorded;
        // a secretary of a higher rank than 科级 is not short of the clause.
        ...(p.responsibility?.managerRank !== undefined && p.responsibility.managerRank !== "county"
          ? [
              {
                messageId: "rank-too-low",
                data: { role: "manager", rank: p.responsibility.managerRank, required: "county" },
                message: t(
                  "项目经理不是县级干部",
                  "the project manager is not a county-level cadre"
                )
              }
            ]
          : []),
        ...(p.responsibility?.secretaryRank === "general"
          ? [
              {
                messageId: "rank-too-low",
                data: { role: "secretary", rank: "general", required: "section" },
                message: t(
                  "项目秘书不是科级干部",
                  "the project secretary is not a section-level cadre"
                )
              }
            ]
          : [])
      ]
    }
    const receipts: Gate.CustomGate = {
      id: "receipt-slip",
      title: t("手续办理回执单", "receipt slip"),
      clause: "001 三.(三).4",
      filter: { flags: ["key"], stage: "signed" },
      check: (p) =>
        (p.receipts ?? []).length === 0
          ? [
              {
                messageId: "no-receipt",
                data: {},
                message: t("未建立手续办理回执单", "no receipt slip")
              }
            ]
          : []
    }
    const approvals: Gate.CustomGate = {
      id: "approval-sla",
      title: t("限时办结", "approvals within the time limit"),
      clause: "001 三.(三).2",
      check: (p, ctx) =>
        lateApprovals(p, ctx.asOf, ctx.calendar, sla).map((d) => ({
          messageId: d.closedOn === undefined ? "approval-overdue" : "approval-late",
          data: {
            kind: d.kind,
            department: d.department ?? "",
            due: d.due,
            workingDaysLate: d.workingDaysLate,
            ...(d.provisionalYears ? { provisional: d.provisionalYears.join(",") } : {})
          },
          message: Calendar.markProvisional(
            d.closedOn === undefined
              ? t(
                  `${kindName(d.kind).zh}审批应于${d.due}办结，至今未办结（超${d.workingDaysLate}个工作日）`,
                  `${kindName(d.kind).en} approval due ${d.due}, still open (${d.workingDaysLate} working days)`
                )
              : t(
                  `${kindName(d.kind).zh}审批应于${d.due}办结，${d.closedOn}才办结（超${d.workingDaysLate}个工作日）`,
                  `${kindName(d.kind).en} approval due ${d.due}, closed ${d.closedOn} (${d.workingDaysLate} working days late)`
                ),
            d.provisionalYears
          )
        }))
    }
    return {
      exitRules: [
        ...rules,
        byContract("start-by-contract", "startBy", startRule),
        byContract("produce-by-contract", "produceBy", produceRule),
        {
          id: "signed-not-built",
          title: t("签而不建", "signed, not built"),
          clause: "001 三.(四)",
          class: "signed-not-built",
          anchor: { milestone: "signed" },
          within: { months: o.signedNotBuiltMonths },
          requires: { kind: "stage", stage: "started" },
          warnBefore: { days: o.warnDays },
          action: "exit",
          filter: { notReached: "land-supplied" },
          messageId: bySeverity
        },
        {
          id: "low-efficiency",
          title: t("低效项目", "low-efficiency project"),
          clause: "001 三.(四)",
          class: "low-efficiency",
          anchor: { milestone: "in-production" },
          within: { years: 1 },
          requires: { kind: "performance", measure: "outputPerMu", share: o.lowEfficiencyShare },
          warnBefore: { days: o.warnDays },
          action: "clean-up",
          messageId: bySeverity
        }
      ],
      gates: [responsibility, receipts, approvals],
      scoring: {
        items: [
          {
            kind: "reported",
            id: "complaints",
            title: t("涉企服务投诉", "service complaints"),
            clause: "001 三.(五)",
            key: "service-complaint",
            pointsEach: o.complaintPoints,
            appliesTo: ["department"],
            messageId: "complaint"
          },
          {
            kind: "custom",
            id: "late-approvals",
            title: t("审批超过限时办结", "approvals closed late"),
            clause: "001 三.(三).2, 三.(五)",
            appliesTo: ["department"],
            messageId: "late-approval",
            compute: (ctx, unit) => {
              // compute runs once per unit: find the late approvals of the whole
              // snapshot once per assessment, by department.
              let byDepartment = lateByContext.get(ctx)
              if (byDepartment === undefined) {
                byDepartment = new Map()
                // The run's calendar: the county's overrides, or the caller's calendar.
                for (const p of ctx.snapshot.projects) {
                  for (const d of lateApprovals(p, ctx.asOf, ctx.calendar, sla)) {
                    if (d.department === undefined) continue
                    const list = byDepartment.get(d.department) ?? []
                    list.push({
                      points: o.lateApprovalPoints,
                      facts: {
                        project: p.id,
                        name: p.name,
                        kind: d.kind,
                        // The procedure in words, for the message in each language.
                        kindZh: kindName(d.kind).zh,
                        kindEn: kindName(d.kind).en,
                        due: d.due,
                        workingDaysLate: d.workingDaysLate,
                        ...(d.provisionalYears ? { provisional: d.provisionalYears.join(",") } : {})
                      },
                      arithmetic: `${o.lateApprovalPoints}`,
                      message: Calendar.markProvisional(
                        t(
                          `${p.name}${kindName(d.kind).zh}审批超时${d.workingDaysLate}个工作日`,
                          `${p.name}: ${kindName(d.kind).en} ${d.workingDaysLate} working days late`
                        ),
                        d.provisionalYears
                      )
                    })
                    byDepartment.set(d.department, list)
                  }
                }
                lateByContext.set(ctx, byDepartment)
              }
              return byDepartment.get(unit.id) ?? []
            }
          }
        ]
      }
    }
  }
})
