/**
 * Filters and money comparisons compiled once into plain predicates: a
 * project filter becomes a list of checks over the timeline's milestones, and
 * an amount is compared as a whole number of fen when it is one (exactly, as
 * a safe integer), falling back to the exact decimal comparison otherwise.
 *
 * @internal
 */
import * as Lifecycle from "../Lifecycle.js"
import * as LocalDate from "../LocalDate.js"
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

/** @internal A compiled {@link ProjectFilter} over a view's projects by index. */
export type IndexMatcher = (index: number) => boolean | "currency-mismatch"

/** @internal What {@link compileFilterAt} reads: the projects, their timelines and columns. */
export interface FilterColumns {
  readonly projects: ReadonlyArray<Project>
  readonly timelines: ReadonlyArray<Lifecycle.Timeline | undefined>
  /** The day each project reached a stage by its own event (`NOT_REACHED` else). */
  readonly days: (stage: Lifecycle.Stage) => Int32Array
  /** Each project's total investment in whole fen in a currency (NaN else). */
  readonly fen: (currency: string) => Float64Array
  readonly notReached: number
}

/** The stage and the later stages that imply it, as `Lifecycle.reachedOnOf` reads them. */
const impliedBy = (stage: Lifecycle.Stage): ReadonlyArray<Lifecycle.Stage> => {
  const model = Lifecycle.defaultModel
  if (model.terminal.includes(stage)) return [stage]
  const out = [stage]
  let after = false
  for (const s of model.stages) {
    if (s.id === stage) after = true
    else if (after && !model.terminal.includes(s.id)) out.push(s.id)
  }
  return out
}

/**
 * @internal Compiles a project filter for a window over the projects of a
 * view by index: the milestones and amounts read from columns, the same
 * answers as {@link compileFilter} for every project with a timeline.
 */
export const compileFilterAt = (
  filter: ProjectFilter | undefined,
  window: { readonly start: LocalDate.LocalDate; readonly end: LocalDate.LocalDate },
  cols: FilterColumns
): IndexMatcher => {
  const NR = cols.notReached
  const { projects, timelines } = cols
  const exited = cols.days("exited")
  const reclaimed = cols.days("land-reclaimed")
  const open: IndexMatcher = (i) => exited[i] === NR && reclaimed[i] === NR
  if (filter === undefined) return open
  const start = LocalDate.toDays(window.start)
  const end = LocalDate.toDays(window.end)
  /** The day a project reached `stage` or a later stage (`NR` when it has not). */
  const reachedOf = (stage: Lifecycle.Stage): ((i: number) => number) => {
    const columns = impliedBy(stage).map(cols.days)
    const own = columns[0]!
    if (columns.length === 1) return (i) => own[i]!
    return (i) => {
      let on = own[i]!
      if (on !== NR) return on
      for (let k = 1; k < columns.length; k++) {
        const d = columns[k]![i]!
        if (d < on) on = d
      }
      return on
    }
  }
  const byProject =
    (m: Matcher): IndexMatcher =>
    (i) =>
      m(projects[i]!, timelines[i]!)
  // The closed projects and the stage are checked in the matcher itself (the
  // columns read directly); the other checks after them, in order.
  const excludeClosed = filter.excludeClosed ?? true
  const stageColumns = filter.stage === undefined ? [] : impliedBy(filter.stage).map(cols.days)
  const stageOwn = stageColumns[0]
  const inWindow = filter.reachedWithin === "window"
  const checks: Array<IndexMatcher> = []
  if (filter.anyReachedWithin !== undefined) {
    const columns = filter.anyReachedWithin.map(cols.days)
    checks.push((i) => {
      for (let k = 0; k < columns.length; k++) {
        const on = columns[k]![i]!
        if (on !== NR && on >= start && on <= end) return true
      }
      return false
    })
  }
  if (filter.withoutContract !== undefined) {
    const dates = filter.withoutContract
    checks.push(byProject((p) => !dates.some((d) => p.contract?.[d] !== undefined)))
  }
  if (filter.notReached !== undefined) {
    const reached = reachedOf(filter.notReached)
    checks.push((i) => reached(i) === NR)
  }
  if (filter.sectors !== undefined) {
    const sectors = filter.sectors
    checks.push(byProject((p) => sectors.includes(p.sector)))
  }
  if (filter.industries !== undefined) {
    const industries = filter.industries
    checks.push(byProject((p) => p.industry !== undefined && industries.includes(p.industry)))
  }
  if (filter.flags !== undefined) {
    const flags = filter.flags
    checks.push(byProject((p) => flags.every((f) => has(p.flags, f))))
  }
  if (filter.anyFlags !== undefined) {
    const flags = filter.anyFlags
    checks.push(byProject((p) => flags.some((f) => has(p.flags, f))))
  }
  if (filter.withoutFlags !== undefined) {
    const flags = filter.withoutFlags
    checks.push(byProject((p) => !flags.some((f) => has(p.flags, f))))
  }
  const money = moneyCheckAt(filter.minInvestment, filter.maxInvestment, cols)
  if (money !== undefined) checks.push(money)
  const rest = checks.length
  return (i) => {
    if (excludeClosed && (exited[i] !== NR || reclaimed[i] !== NR)) return false
    if (stageOwn !== undefined) {
      let on = stageOwn[i]!
      if (on === NR)
        for (let k = 1; k < stageColumns.length; k++) {
          const d = stageColumns[k]![i]!
          if (d < on) on = d
        }
      if (on === NR || (inWindow && (on < start || on > end))) return false
    }
    for (let k = 0; k < rest; k++) {
      const r = checks[k]!(i)
      if (r !== true) return r
    }
    return true
  }
}

/** The investment bounds over the fen column, the exact check where a number cannot hold it. */
const moneyCheckAt = (
  min: Money.Money | undefined,
  max: Money.Money | undefined,
  cols: FilterColumns
): IndexMatcher | undefined => {
  const exact = moneyCheck(min, max)
  if (exact === undefined) return undefined
  const { projects, timelines } = cols
  const slow: IndexMatcher = (i) => exact(projects[i]!, timelines[i]!)
  const currency = (min ?? max)!.currency
  if (min !== undefined && max !== undefined && min.currency !== max.currency) return slow
  const minFen = min === undefined ? -Infinity : fenOf(min.amount)
  const maxFen = max === undefined ? Infinity : fenOf(max.amount)
  if (Number.isNaN(minFen) || Number.isNaN(maxFen)) return slow
  const fen = cols.fen(currency)
  return (i) => {
    const f = fen[i]!
    // NaN: no total, another currency, or not whole fen — the exact check says which.
    if (Number.isNaN(f)) return slow(i)
    return f >= minFen && f < maxFen
  }
}
