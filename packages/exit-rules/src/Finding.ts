/**
 * Findings (问题清单): what the exit rules found about one project — its class,
 * severity, deadline, days overdue or left, the facts used, the recommended
 * action, and a message in Chinese and English.
 *
 * @since 0.1.0
 */
import { FindingClass as CoreFindingClass, type LocalDate } from "@gongjian/core"
import type { Extension } from "./Deadline.js"
import type { Action, FindingClass } from "./ExitRule.js"

/**
 * How serious a finding is: `warning` (the deadline is near), `breach` (the
 * deadline has passed), `escalated` (a rectification was ordered and its own
 * deadline passed unresolved).
 *
 * @example
 * {@includeCode ../examples/ExitEngine.ts#evaluate}
 *
 * @since 0.1.0
 * @category models
 */
export type Severity = "warning" | "breach" | "escalated"

/**
 * One finding of one rule about one project.
 *
 * @example
 * {@includeCode ../examples/ExitEngine.ts#evaluate}
 *
 * @since 0.1.0
 * @category models
 */
export interface Finding {
  /** `rule/project`, unique in a report. */
  readonly id: string
  readonly project: string
  readonly unit: string
  readonly rule: string
  readonly class: FindingClass
  readonly clause: string
  readonly severity: Severity
  readonly action: Action
  /** The date the deadline is counted from, and what it is (供地, 开工, the contract's start date). */
  readonly anchor: { readonly on: LocalDate.LocalDate; readonly zh: string; readonly en: string }
  /** The deadline before delay exemptions. */
  readonly baseDeadline: LocalDate.LocalDate
  /** The deadline after delay exemptions: the last day the requirement may be met. */
  readonly deadline: LocalDate.LocalDate
  readonly extensions: ReadonlyArray<Extension>
  /**
   * Days past `overdueSince`: the deadline for a breach, the rectification
   * deadline for an escalated finding; undefined for a warning.
   */
  readonly daysOverdue: number | undefined
  /** The date `daysOverdue` counts from (the day after it is day 1). */
  readonly overdueSince: LocalDate.LocalDate | undefined
  /** Days past `deadline`, whatever the severity; undefined for a warning. */
  readonly daysPastDeadline: number | undefined
  /** Days left to `deadline` (a warning) or to the rectification deadline (a breach under rectification). */
  readonly daysLeft: number | undefined
  readonly rectification:
    | {
        readonly ordered: LocalDate.LocalDate
        readonly deadline: LocalDate.LocalDate
        readonly resolvedOn: LocalDate.LocalDate | undefined
      }
    | undefined
  /** The facts the rule used: stage, measurements, contract figures. */
  readonly facts: { readonly [key: string]: string | number }
  /**
   * Present when a working-day count of this finding (its deadline or warning
   * window) ran through years with no State Council notice, whose holidays
   * were computed from the statutory rules: those years. The message then
   * says 按法定节假日推算，待国务院通知; the dates may move when the notice
   * arrives. See `Calendar.isProvisional`.
   *
   * @since 0.2.0
   */
  readonly provisionalYears?: ReadonlyArray<number>
  readonly message: { readonly zh: string; readonly en: string }
}

/**
 * A finding that no longer stands, kept for the record: the requirement was
 * met after the deadline (`reached-late`), or an ordered rectification was
 * resolved or the requirement met inside its period (`rectified`); the order
 * is kept in `rectification`.
 *
 * @example
 * {@includeCode ../examples/ExitEngine.ts#evaluate}
 *
 * @since 0.1.0
 * @category models
 */
export interface Resolution {
  readonly project: string
  readonly unit: string
  readonly rule: string
  readonly class: FindingClass
  readonly deadline: LocalDate.LocalDate
  readonly on: LocalDate.LocalDate
  readonly how: "reached-late" | "rectified"
  /**
   * Present when the deadline was counted in working days through years with
   * no State Council notice (see {@link Finding.provisionalYears}).
   *
   * @since 0.2.0
   */
  readonly provisionalYears?: ReadonlyArray<number>
  /** The rectification order (限期整改) in force since the anchor, if one was given. */
  readonly rectification:
    | { readonly ordered: LocalDate.LocalDate; readonly deadline: LocalDate.LocalDate }
    | undefined
}

/**
 * A rule that could not be judged for a project, and why (no measurement, a
 * figure in another currency, a date outside the calendar, an impossible
 * history). Nothing is dropped silently.
 *
 * @example
 * {@includeCode ../examples/ExitEngine.ts#evaluate}
 *
 * @since 0.1.0
 * @category models
 */
export interface Unevaluated {
  readonly project: string
  readonly rule: string | undefined
  /** Why, in English (the same text as `message.en`). */
  readonly reason: string
  /**
   * Why, in Chinese and English: Chinese views show `message.zh`.
   *
   * @since 0.4.0
   */
  readonly message: { readonly zh: string; readonly en: string }
}

/**
 * The names of the actions in Chinese and English.
 *
 * @example
 * {@includeCode ../examples/ExitEngine.ts#evaluate}
 *
 * @since 0.1.0
 * @category constants
 */
export const actionNames: { readonly [A in Action]: { readonly zh: string; readonly en: string } } =
  {
    warn: { zh: "预警提醒", en: "warn the owner" },
    rectify: { zh: "限期整改", en: "order rectification by a deadline" },
    "clean-up": { zh: "清理盘活", en: "clean up and revitalise" },
    exit: { zh: "依法清退", en: "exit the project" },
    "reclaim-land": { zh: "收回土地", en: "reclaim the land" }
  }

/**
 * The names of the finding classes in Chinese and English: the table
 * `FindingClass.names` of `@gongjian/core`, which scoring reads too.
 *
 * @example
 * {@includeCode ../examples/CleanupReport.ts#report}
 *
 * @since 0.1.0
 * @category constants
 */
export const classNames: typeof CoreFindingClass.names = CoreFindingClass.names

/**
 * Orders findings by project, then rule: the order of every report.
 *
 * @example
 * {@includeCode ../examples/ExitEngine.ts#evaluate}
 *
 * @since 0.1.0
 * @category ordering
 */
export const order = (
  a: Pick<Finding, "project" | "rule">,
  b: Pick<Finding, "project" | "rule">
): number =>
  a.project < b.project
    ? -1
    : a.project > b.project
      ? 1
      : a.rule < b.rule
        ? -1
        : a.rule > b.rule
          ? 1
          : 0
