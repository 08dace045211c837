/**
 * The half-yearly cleanup report (半年清理): every breach of a half-year,
 * grouped by unit and class, as 001 三.(四) asks the district to review "every
 * half year" (每半年) — rectification deadlines for poor performers, land
 * reclaimed, projects exited.
 *
 * @since 0.1.0
 */
import { type LocalDate, Period, View } from "@gongjian/core"
import * as ExitEngine from "./ExitEngine.js"
import type { FindingClass } from "./ExitRule.js"
import type { Finding } from "./Finding.js"

/**
 * The report: the period, each unit's findings by class, totals, and the
 * warnings of the period apart.
 *
 * @example
 * {@includeCode ../examples/CleanupReport.ts#report}
 *
 * @since 0.1.0
 * @category models
 */
export interface CleanupReport {
  readonly period: Period.Period
  readonly asOf: LocalDate.LocalDate
  readonly units: ReadonlyArray<{
    readonly unit: string
    readonly total: number
    readonly classes: ReadonlyArray<{
      readonly class: FindingClass
      readonly findings: ReadonlyArray<string>
    }>
  }>
  /** How many breaches of each class. */
  readonly byClass: Partial<Record<FindingClass, number>>
  readonly total: number
  readonly warnings: ReadonlyArray<string>
}

/**
 * Groups a report's breaches and escalations by unit and class (units and
 * classes in id order; findings by id). Warnings are listed apart.
 *
 * @example
 * {@includeCode ../examples/CleanupReport.ts#report}
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (report: ExitEngine.ExitReport, period: Period.Period): CleanupReport => {
  const byUnit = new Map<string, Map<FindingClass, Array<string>>>()
  const byClass: Partial<Record<FindingClass, number>> = {}
  const warnings: Array<string> = []
  let total = 0
  for (const f of report.findings as ReadonlyArray<Finding>) {
    if (f.severity === "warning") {
      warnings.push(f.id)
      continue
    }
    const classes = byUnit.get(f.unit) ?? new Map<FindingClass, Array<string>>()
    byUnit.set(f.unit, classes)
    const list = classes.get(f.class) ?? []
    classes.set(f.class, list)
    list.push(f.id)
    byClass[f.class] = (byClass[f.class] ?? 0) + 1
    total++
  }
  const units = [...byUnit.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([unit, classes]) => {
      const list = [...classes.entries()]
        .sort((a, b) => (a[0] < b[0] ? -1 : 1))
        .map(([c, findings]) => ({ class: c, findings: [...findings].sort() }))
      return { unit, total: list.reduce((n, c) => n + c.findings.length, 0), classes: list }
    })
  return { period, asOf: report.asOf, units, byClass, total, warnings: warnings.sort() }
}

/**
 * Runs the rules as of the last day of the half-year that contains `date`
 * (or `date` itself, when the half-year has not ended) and groups the result.
 *
 * @example
 * {@includeCode ../examples/CleanupReport.ts#report}
 *
 * @since 0.1.0
 * @category constructors
 */
export const halfYear = (input: ExitEngine.Input, date: LocalDate.LocalDate): CleanupReport => {
  const period = Period.of("half-year", date)
  const asOf = date < period.end ? date : period.end
  const { view } = input
  // The review date is the view's date, or the view is made again as of it
  // with the same calendar and model.
  const at =
    asOf === view.asOf
      ? view
      : View.make(view.snapshot, { asOf, calendar: view.calendar, model: view.model })
  return make(ExitEngine.evaluate({ rules: input.rules, view: at }), period)
}
