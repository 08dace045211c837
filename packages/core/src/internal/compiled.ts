/**
 * Filters and money comparisons compiled once into plain predicates: a
 * project filter becomes a list of checks over the timeline's milestones, and
 * an amount is compared as a whole number of fen when it is one (exactly, as
 * a safe integer), falling back to the exact decimal comparison otherwise.
 *
 * @internal
 */
import * as Lifecycle from "../Lifecycle.js"
import type * as LocalDate from "../LocalDate.js"
import type * as Money from "../Money.js"
import type { Project } from "../Project.js"
import type { ProjectFilter } from "../Target.js"
import { compareWithFen, fenOf, NOT_FEN } from "./fen.js"

/** @internal A compiled {@link ProjectFilter}: the same answers as `Progress.matches`. */
export type Matcher = (
  project: Project,
  timeline: Lifecycle.Timeline
) => boolean | "currency-mismatch"

const isClosed = (t: Lifecycle.Timeline): boolean =>
  t.milestones.exited !== undefined || t.milestones["land-reclaimed"] !== undefined

const has = (flags: ReadonlyArray<string> | undefined, f: string) => flags?.includes(f) === true

/** @internal Compiles a project filter for a window (see `Progress.matcher`). */
export const compileFilter = (
  filter: ProjectFilter | undefined,
  window: { readonly start: LocalDate.LocalDate; readonly end: LocalDate.LocalDate }
): Matcher => {
  if (filter === undefined) return (_p, t) => !isClosed(t)
  const checks: Array<Matcher> = []
  if (filter.excludeClosed ?? true) checks.push((_p, t) => !isClosed(t))
  if (filter.stage !== undefined) {
    const reached = Lifecycle.reachedOnOf(filter.stage)
    const { start, end } = window
    checks.push(
      filter.reachedWithin === "window"
        ? (_p, t) => {
            const on = reached(t)
            return on !== undefined && on >= start && on <= end
          }
        : (_p, t) => reached(t) !== undefined
    )
  }
  if (filter.anyReachedWithin !== undefined) {
    const stages = filter.anyReachedWithin
    const { start, end } = window
    checks.push((_p, t) =>
      stages.some((stage) => {
        const on = t.milestones[stage]
        return on !== undefined && on >= start && on <= end
      })
    )
  }
  if (filter.withoutContract !== undefined) {
    const dates = filter.withoutContract
    checks.push((p) => !dates.some((d) => p.contract?.[d] !== undefined))
  }
  if (filter.notReached !== undefined) {
    const reached = Lifecycle.reachedOnOf(filter.notReached)
    checks.push((_p, t) => reached(t) === undefined)
  }
  if (filter.sectors !== undefined) {
    const sectors = filter.sectors
    checks.push((p) => sectors.includes(p.sector))
  }
  if (filter.industries !== undefined) {
    const industries = filter.industries
    checks.push((p) => p.industry !== undefined && industries.includes(p.industry))
  }
  if (filter.flags !== undefined) {
    const flags = filter.flags
    checks.push((p) => flags.every((f) => has(p.flags, f)))
  }
  if (filter.anyFlags !== undefined) {
    const flags = filter.anyFlags
    checks.push((p) => flags.some((f) => has(p.flags, f)))
  }
  if (filter.withoutFlags !== undefined) {
    const flags = filter.withoutFlags
    checks.push((p) => !flags.some((f) => has(p.flags, f)))
  }
  const money = moneyCheck(filter.minInvestment, filter.maxInvestment)
  if (money !== undefined) checks.push(money)
  if (checks.length === 1) return checks[0]!
  return (p, t) => {
    for (let i = 0; i < checks.length; i++) {
      const r = checks[i]!(p, t)
      if (r !== true) return r
    }
    return true
  }
}

const moneyCheck = (
  min: Money.Money | undefined,
  max: Money.Money | undefined
): Matcher | undefined => {
  if (min === undefined && max === undefined) return undefined
  const minFen = min === undefined ? NOT_FEN : fenOf(min.amount)
  const maxFen = max === undefined ? NOT_FEN : fenOf(max.amount)
  return (p) => {
    const total = p.investment?.total
    if (total === undefined) return false
    if (
      (min !== undefined && min.currency !== total.currency) ||
      (max !== undefined && max.currency !== total.currency)
    )
      return "currency-mismatch"
    if (min !== undefined && compareWithFen(total.amount, min.amount, minFen) < 0) return false
    if (max !== undefined && compareWithFen(total.amount, max.amount, maxFen) >= 0) return false
    return true
  }
}
