/**
 * Progress of targets as of a date (目标进度): the actual value, the completion
 * ratio, 序时进度 (the share that should be done given the share of the window
 * elapsed) and a status — ahead, on track, amber or red.
 *
 * @since 0.1.0
 */
import * as BigDecimal from "effect/BigDecimal"
import type { Activity } from "./Activity.js"
import type { Campaign } from "./Campaign.js"
import { compileFilter, compileFilterAt } from "./internal/compiled.js"
import { projectMoney } from "./internal/measure.js"
import * as Lifecycle from "./Lifecycle.js"
import * as LocalDate from "./LocalDate.js"
import * as Money from "./Money.js"
import type { Project } from "./Project.js"
import * as Ratio from "./Ratio.js"
import {
  type Goal,
  goalFor,
  measures,
  type ProjectFilter,
  type Report,
  type Target
} from "./Target.js"
import { lineageOf, type Unit } from "./Unit.js"
import * as View from "./View.js"

/**
 * How far behind 序时进度 a target may fall before it turns amber or red, in
 * percentage points. The default is amber from 10 points behind, red over 30.
 *
 * @example
 * {@includeCode ../examples/Progress.ts#status}
 *
 * @since 0.1.0
 * @category models
 */
export interface Thresholds {
  readonly amber: number
  readonly red: number
}

/**
 * The default {@link Thresholds}: amber from 10 points behind, red over 30.
 *
 * @example
 * {@includeCode ../examples/Progress.ts#status}
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultThresholds: Thresholds = { amber: 10, red: 30 }

/**
 * The status of a target against 序时进度: `ahead` (more done than the elapsed
 * share), `on-track` (behind by less than the amber threshold), `amber` or
 * `red`.
 *
 * @example
 * {@includeCode ../examples/Progress.ts#status}
 *
 * @since 0.1.0
 * @category models
 */
export type Status = "ahead" | "on-track" | "amber" | "red"

/**
 * The name of each {@link Status} (进度状态), as every output of gongjian
 * writes it — console, bulletin and spreadsheet alike: 超序时, 正常, 黄灯, 红灯.
 *
 * @example
 * {@includeCode ../examples/Progress.ts#statusNames}
 *
 * @since 0.4.0
 * @category constants
 */
export const statusNames: {
  readonly [S in Status]: { readonly zh: string; readonly en: string }
} = {
  ahead: { zh: "超序时", en: "ahead" },
  "on-track": { zh: "正常", en: "on track" },
  amber: { zh: "黄灯", en: "amber" },
  red: { zh: "红灯", en: "red" }
}

/**
 * The status for a completion and an expected share (both 0–1), as numbers
 * or exact {@link Ratio.Ratio}s. The points behind (`(expected − completion)
 * × 100`) are compared with the thresholds exactly, never rounded first: 9.999
 * points behind is on track with an amber threshold of 10.
 *
 * @example
 * {@includeCode ../examples/Progress.ts#status}
 *
 * @since 0.1.0
 * @category constructors
 */
export const status = (
  completion: number | Ratio.Ratio,
  expected: number | Ratio.Ratio,
  thresholds: Thresholds = defaultThresholds
): Status => {
  const exact = (x: number | Ratio.Ratio) => (typeof x === "number" ? Ratio.makeUnsafe(x) : x)
  const behind = Ratio.multiply(Ratio.subtract(exact(expected), exact(completion)), 100)
  if (Ratio.compare(behind, 0) < 0) return "ahead"
  if (Ratio.compare(behind, thresholds.red) > 0) return "red"
  if (Ratio.isAtLeast(behind, thresholds.amber)) return "amber"
  return "on-track"
}

/**
 * 序时进度: the share of the period from `start` to `end` (both included)
 * elapsed by the end of `asOf`, between 0 and 1, rounded to 4 places.
 *
 * @example
 * {@includeCode ../examples/Progress.ts#expected}
 *
 * @since 0.1.0
 * @category constructors
 */
export const expectedShare = (
  start: LocalDate.LocalDate,
  end: LocalDate.LocalDate,
  asOf: LocalDate.LocalDate
): number => {
  const total = LocalDate.daysBetween(start, end) + 1
  const elapsed = LocalDate.daysBetween(start, asOf) + 1
  if (total <= 0) return 1
  return round(Math.min(1, Math.max(0, elapsed / total)), 4)
}

const NO_MESSAGE = { zh: "", en: "" }

/** Why a record matched a target but could not be counted, in Chinese and English. */
const notCounted = {
  filterCurrency: {
    zh: "项目总投资的币种与目标筛选条件的币种不同，未计入",
    en: "its total investment is in another currency than the filter's bound"
  },
  funds: (got: string, goal: string | undefined) => ({
    zh: `到位资金为${got}，目标${goal === undefined ? "为数量" : `币种为${goal}`}，未计入`,
    en: `funds arrived in ${got}, the goal is in ${goal ?? "a number"}`
  }),
  figure: (
    info: { readonly zh: string; readonly en: string },
    got: string,
    goal: string | undefined
  ) => ({
    zh: `${info.zh}为${got}，目标${goal === undefined ? "为数量" : `币种为${goal}`}，未计入`,
    en: `${info.en} is in ${got}, the goal is in ${goal ?? "a number"}`
  }),
  reportKind: {
    zh: "报送值与目标类型不符（一为金额、一为数量），未计入",
    en: "the report is a number where the goal is money, or the reverse"
  },
  reportCurrency: (got: string, goal: string | undefined) => ({
    zh: `报送金额币种为${got}，目标币种为${goal}，未计入`,
    en: `the report is in ${got}, the goal in ${goal}`
  })
} as const

/**
 * The progress of a target for the whole area (`unit` undefined) or one unit.
 *
 * `ratio` is the exact completion; `completion`, `expected` and
 * `behindPoints` are rounded for display only (4, 4 and 2 places), and the
 * status is worked out from the exact values.
 *
 * `counted` lists the ids of the records that make up `actual` (projects,
 * activities or reports); `rejected` lists records that matched but could not
 * be counted, with the reason (an amount in another currency, say) — nothing
 * is dropped silently.
 *
 * @example
 * {@includeCode ../examples/Progress.ts#ofTarget}
 *
 * @since 0.1.0
 * @category models
 */
export interface TargetProgress {
  readonly target: string
  readonly unit: string | undefined
  readonly measure: Target["measure"]
  readonly goal: Goal
  readonly actual: Goal
  /** The exact completion, `actual / goal`: what engines compare and multiply. */
  readonly ratio: Ratio.Ratio
  /** The completion for display: {@link ratio} rounded half-even to 4 places. */
  readonly completion: number
  /** 序时进度 for display, rounded to 4 places. */
  readonly expected: number
  /** Points behind 序时进度 for display, rounded half-even to 2 places. */
  readonly behindPoints: number
  readonly status: Status
  readonly counted: ReadonlyArray<string>
  /**
   * The records not counted: `reason` in English; `message` (since 0.4.0) in
   * Chinese and English, for Chinese views to show `message.zh`.
   */
  readonly rejected: ReadonlyArray<{
    readonly record: string
    readonly reason: string
    readonly message: { readonly zh: string; readonly en: string }
  }>
}

/**
 * What {@link ofTarget} reads: the campaign, its units, the projects with their
 * folded timelines, activities and reports.
 *
 * @example
 * {@includeCode ../examples/Progress.ts#ofTarget}
 *
 * @since 0.1.0
 * @category models
 */
export interface Facts {
  readonly campaign: Pick<Campaign, "window" | "assessedUnitKinds">
  readonly units: ReadonlyArray<Unit>
  readonly projects: ReadonlyArray<Project>
  readonly timelines: ReadonlyMap<string, Lifecycle.Timeline>
  readonly activities: ReadonlyArray<Activity>
  readonly reports: ReadonlyArray<Report>
}

/**
 * The facts of a snapshot as of a date, read from its view: its campaign,
 * units, projects with their folded timelines, activities and reports.
 * Projects whose history cannot be folded are left out of `timelines` (the
 * view lists them in `unfolded`).
 *
 * @example
 * {@includeCode ../examples/Progress.ts#ofTarget}
 *
 * @since 0.1.0
 * @category constructors
 */
export const facts = (view: View.View): Facts => {
  const s = view.snapshot
  return {
    campaign: s.campaign,
    units: s.units,
    projects: s.projects,
    timelines: view.timelines,
    activities: s.activities ?? [],
    reports: s.reports ?? []
  }
}

const round = (x: number, places: number): number => {
  const f = 10 ** places
  return Math.round(x * f) / f
}

const isMoney = (g: Goal): g is Money.Money => typeof g === "object"

/**
 * Whether a project passes a target's filter, given its timeline as of the
 * assessment date. A project without a total investment fails a minimum or
 * maximum investment condition; one whose total is in another currency
 * than the bound is reported by the caller as rejected.
 *
 * @example
 * {@includeCode ../examples/Progress.ts#filter}
 *
 * @since 0.1.0
 * @category predicates
 */
export const matches = (
  filter: ProjectFilter | undefined,
  project: Project,
  timeline: Lifecycle.Timeline,
  window: { readonly start: LocalDate.LocalDate; readonly end: LocalDate.LocalDate }
): boolean | "currency-mismatch" => {
  if (filter === undefined) return !Lifecycle.isClosed(timeline)
  if ((filter.excludeClosed ?? true) && Lifecycle.isClosed(timeline)) return false
  if (filter.stage !== undefined) {
    const on = Lifecycle.reachedOn(timeline, filter.stage)
    if (on === undefined) return false
    if (filter.reachedWithin === "window" && (on < window.start || on > window.end)) return false
  }
  if (
    filter.anyReachedWithin !== undefined &&
    !filter.anyReachedWithin.some((stage) => {
      const on = timeline.milestones[stage]
      return on !== undefined && on >= window.start && on <= window.end
    })
  ) {
    return false
  }
  if (filter.withoutContract?.some((d) => project.contract?.[d] !== undefined)) return false
  if (filter.notReached !== undefined && Lifecycle.hasReached(timeline, filter.notReached)) {
    return false
  }
  if (filter.sectors !== undefined && !filter.sectors.includes(project.sector)) return false
  if (
    filter.industries !== undefined &&
    (project.industry === undefined || !filter.industries.includes(project.industry))
  ) {
    return false
  }
  if (filter.flags !== undefined && !filter.flags.every((f) => project.flags?.includes(f))) {
    return false
  }
  if (filter.anyFlags !== undefined && !filter.anyFlags.some((f) => project.flags?.includes(f))) {
    return false
  }
  if (filter.withoutFlags?.some((f) => project.flags?.includes(f))) return false
  if (filter.minInvestment !== undefined || filter.maxInvestment !== undefined) {
    const total = project.investment?.total
    if (total === undefined) return false
    for (const bound of [filter.minInvestment, filter.maxInvestment]) {
      if (bound !== undefined && bound.currency !== total.currency) return "currency-mismatch"
    }
    if (
      filter.minInvestment !== undefined &&
      Money.compareUnsafe(total, filter.minInvestment) < 0
    ) {
      return false
    }
    if (
      filter.maxInvestment !== undefined &&
      Money.compareUnsafe(total, filter.maxInvestment) >= 0
    ) {
      return false
    }
  }
  return true
}

/**
 * A project filter compiled once for a window: a predicate giving the same
 * answers as {@link matches}, for engines that test many projects against one
 * filter. Stages are looked up in the timeline's milestones directly, and
 * investment bounds are compared as whole fen (分) when both amounts are
 * whole fen, as exact decimals otherwise.
 *
 * @example
 * {@includeCode ../examples/Progress.ts#filter}
 *
 * @since 0.3.0
 * @category predicates
 */
export const matcher = (
  filter: ProjectFilter | undefined,
  window: { readonly start: LocalDate.LocalDate; readonly end: LocalDate.LocalDate }
): ((project: Project, timeline: Lifecycle.Timeline) => boolean | "currency-mismatch") =>
  compileFilter(filter, window)

/**
 * {@link matcher} over the projects of a view by their index in the
 * snapshot: the same answers (for every project whose history folds), with
 * milestones and amounts read from the view's columns (`View.milestoneDays`,
 * `View.investmentFen`) instead of the timelines' dates and the decimals.
 * For items and rules that test every project of a county.
 *
 * @example
 * {@includeCode ../examples/Progress.ts#matcherAt}
 *
 * @since 0.4.0
 * @category constructors
 */
export const matcherAt = (
  view: View.View,
  filter: ProjectFilter | undefined,
  window: { readonly start: LocalDate.LocalDate; readonly end: LocalDate.LocalDate }
): ((index: number) => boolean | "currency-mismatch") =>
  compileFilterAt(filter, window, {
    projects: view.snapshot.projects,
    timelines: View.timelinesInOrder(view),
    days: (stage) => View.milestoneDays(view, stage),
    fen: (currency) => View.investmentFen(view, currency),
    notReached: View.notReached
  })

/**
 * The progress of one target as of `asOf`: a row for the area (area targets)
 * and one for each unit with a goal (allocations, or every assessed unit of a
 * per-unit target). A unit's actual includes its sub-units' records. Rows come
 * in a fixed order (area first, then unit ids), whatever the input order.
 *
 * @example
 * {@includeCode ../examples/Progress.ts#ofTarget}
 *
 * @since 0.1.0
 * @category constructors
 */
export const ofTarget = (
  facts: Facts,
  target: Target,
  options: { readonly asOf: LocalDate.LocalDate; readonly thresholds?: Thresholds }
): ReadonlyArray<TargetProgress> => {
  const window = {
    start: target.from ?? facts.campaign.window.start,
    end: target.due ?? facts.campaign.window.end
  }
  const expected = expectedShare(window.start, window.end, options.asOf)
  const totalDays = LocalDate.daysBetween(window.start, window.end) + 1
  const elapsedDays = LocalDate.daysBetween(window.start, options.asOf) + 1
  const expectedExact: Ratio.Ratio =
    totalDays <= 0
      ? Ratio.makeUnsafe(1)
      : Ratio.min(Ratio.max(Ratio.makeUnsafe(elapsedDays, totalDays), 0), 1)
  const thresholds = options.thresholds ?? defaultThresholds
  // A unit's records count for its ancestors too.
  const lineage = lineageOf(facts.units)
  const rowUnits = new Set<string>()
  for (const a of target.allocations ?? []) rowUnits.add(a.unit)
  if (target.scope === "per-unit") {
    for (const u of facts.units) {
      const kinds = target.unitKinds ?? facts.campaign.assessedUnitKinds
      if (facts.campaign.assessedUnitKinds.includes(u.kind) && kinds.includes(u.kind))
        rowUnits.add(u.id)
    }
  }
  const units = [...rowUnits].sort()
  const kindOf = new Map(facts.units.map((u) => [u.id, u.kind]))
  const rows: Array<string | undefined> = target.scope === "area" ? [undefined, ...units] : units

  interface Acc {
    money: BigDecimal.BigDecimal
    counted: Array<[string, number]>
    pool: number
    rejected: Array<{
      record: string
      reason: string
      message: { readonly zh: string; readonly en: string }
    }>
  }
  const accs = new Map<string | undefined, Acc>(
    rows.map((r) => [r, { money: BigDecimal.fromBigInt(0n), counted: [], pool: 0, rejected: [] }])
  )
  const goalCurrency = isMoney(target.goal) ? target.goal.currency : undefined
  const info = measures[target.measure]
  const inWindow = (d: string) => d >= window.start && d <= window.end && d <= options.asOf

  // An area target with unitKinds counts, area-wide, only the records of units
  // of those kinds (and of the units under them): "6个产业招商工作组和港澳招商工作组
  // …到位资金110亿元" is the working groups' task (003 二.(三)), and the assessed
  // units' investment task is theirs (003 四), not the groups' too. The whole area
  // — the one unit without a parent — is none of its parts, whatever its kind: a
  // city's root of kind `district` does not make its working groups districts.
  const areaKinds = target.scope === "area" ? target.unitKinds : undefined
  const roots = facts.units.filter((u) => u.parent === undefined)
  const root = roots.length === 1 ? roots[0]!.id : undefined
  const rowsOf = (unit: string | undefined): ReadonlyArray<string | undefined> => {
    if (unit === undefined) return areaKinds === undefined ? [undefined] : []
    const up = lineage(unit)
    const area =
      areaKinds === undefined ||
      up.some((u) => u !== root && areaKinds.includes(kindOf.get(u) ?? "other"))
    return area ? [undefined, ...up] : up
  }
  const credit = (
    unit: string | undefined,
    record: string,
    add: Money.Money | number | "reject",
    message: { readonly zh: string; readonly en: string } = NO_MESSAGE
  ) => {
    const targets = rowsOf(unit)
    for (const t of targets) {
      const acc = accs.get(t)
      if (acc === undefined) continue
      if (add === "reject") acc.rejected.push({ record, reason: message.en, message })
      else if (typeof add === "number") {
        // Numbers are summed after sorting by record id, so that a float sum
        // is the same whatever the input order.
        acc.counted.push([record, add])
      } else {
        acc.money = BigDecimal.sum(acc.money, add.amount)
        acc.counted.push([record, 0])
      }
    }
  }

  if (info.source === "projects" || info.source === "events") {
    for (const p of facts.projects) {
      const tl = facts.timelines.get(p.id)
      if (tl === undefined) continue
      const m = matches(target.filter, p, tl, window)
      if (m === "currency-mismatch") {
        credit(p.unit, p.id, "reject", notCounted.filterCurrency)
        continue
      }
      if (target.measure === "start-rate") {
        // The pool: projects passing the filter; the started ones count.
        if (!m) continue
        for (const t of rowsOf(p.unit)) {
          const acc = accs.get(t)
          if (acc === undefined) continue
          acc.pool++
          if (Lifecycle.hasReached(tl, target.rateStage ?? "started")) acc.counted.push([p.id, 1])
        }
        continue
      }
      if (!m) continue
      if (target.measure === "projects") credit(p.unit, p.id, 1)
      else if (target.measure === "land-area-mu") {
        if (p.land?.areaMu !== undefined) credit(p.unit, p.id, p.land.areaMu)
      } else if (target.measure === "foreign-funds-arrived") {
        // Money paid in during the window, in the goal's currency; funds in
        // another currency are domestic funds, not this measure.
        for (const e of p.events) {
          if (e.type !== "funds-arrived" || e.amount === undefined || !inWindow(e.date)) continue
          if (e.amount.currency === goalCurrency) credit(p.unit, `${p.id}@${e.date}`, e.amount)
        }
      } else if (target.measure === "funds-in-place") {
        for (const e of p.events) {
          if (e.type !== "funds-arrived" || e.amount === undefined || !inWindow(e.date)) continue
          if (e.amount.currency !== goalCurrency) {
            credit(
              p.unit,
              `${p.id}@${e.date}`,
              "reject",
              notCounted.funds(e.amount.currency, goalCurrency)
            )
          } else credit(p.unit, `${p.id}@${e.date}`, e.amount)
        }
      } else {
        const v = projectMoney(target.measure, p)
        if (v === undefined) continue
        if (v.currency !== goalCurrency) {
          credit(p.unit, p.id, "reject", notCounted.figure(info, v.currency, goalCurrency))
        } else credit(p.unit, p.id, v)
      }
    }
  } else if (info.source === "activities") {
    const seenProjects = new Set<string>()
    for (const a of [...facts.activities].sort((x, y) =>
      x.id < y.id ? -1 : x.id > y.id ? 1 : 0
    )) {
      if (!inWindow(a.date)) continue
      const f = target.activityFilter
      if (f?.kinds !== undefined && !f.kinds.includes(a.kind)) continue
      if (f?.roles !== undefined && (a.role === undefined || !f.roles.includes(a.role))) continue
      if (target.measure === "activity-projects") {
        // Each project once per unit, however many activities name it.
        for (const project of a.projects ?? []) {
          const key = `${a.unit}:${project}`
          if (seenProjects.has(key)) continue
          seenProjects.add(key)
          credit(a.unit, project, 1)
        }
      } else credit(a.unit, a.id, a.count ?? 1)
    }
  } else {
    for (const r of facts.reports) {
      if (r.measure !== target.measure || !inWindow(r.on)) continue
      if (target.reportKey !== undefined && r.key !== target.reportKey) continue
      if (isMoney(r.value) !== (goalCurrency !== undefined)) {
        credit(r.unit, r.id, "reject", notCounted.reportKind)
      } else if (isMoney(r.value)) {
        if (r.value.currency !== goalCurrency) {
          credit(r.unit, r.id, "reject", notCounted.reportCurrency(r.value.currency, goalCurrency))
        } else credit(r.unit, r.id, r.value)
      } else credit(r.unit, r.id, r.value)
    }
  }

  const out: Array<TargetProgress> = []
  for (const row of rows) {
    const acc = accs.get(row)!
    const goal = row === undefined ? target.goal : goalFor(target, row, kindOf.get(row))
    if (goal === undefined) continue
    acc.counted.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    let actual: Goal
    // A goal of 0 (or money for a rate) is rejected when a snapshot is
    // decoded; a target built by hand with one reads as complete.
    let ratio: Ratio.Ratio | undefined
    if (target.measure === "start-rate") {
      // A unit with an empty pool has nothing to start: it has no rate and no row.
      if (acc.pool === 0) continue
      const rate = Ratio.makeUnsafe(acc.counted.length, acc.pool)
      actual = Ratio.toNumber(rate, 4)
      ratio = isMoney(goal)
        ? undefined
        : Ratio.make(
            BigDecimal.fromBigInt(rate.numerator),
            BigDecimal.multiply(
              BigDecimal.fromBigInt(rate.denominator),
              BigDecimal.fromStringUnsafe(String(goal))
            )
          )
    } else if (isMoney(goal)) {
      const sum = Money.makeUnsafe(acc.money, goal.currency)
      actual = sum
      ratio = Ratio.make(sum.amount, goal.amount)
    } else {
      // Numbers are summed exactly, in decimals.
      let n = BigDecimal.fromBigInt(0n)
      for (const [, v] of acc.counted) n = BigDecimal.sum(n, BigDecimal.fromStringUnsafe(String(v)))
      actual = BigDecimal.toNumberUnsafe(BigDecimal.normalize(n))
      ratio = Ratio.make(n, goal)
    }
    const exact = ratio ?? Ratio.makeUnsafe(1)
    // Points behind 序时进度, exactly: (expected − completion) × 100.
    const behind = Ratio.multiply(Ratio.subtract(expectedExact, exact), 100)
    out.push({
      target: target.id,
      unit: row,
      measure: target.measure,
      goal,
      actual,
      ratio: exact,
      completion: Ratio.toNumber(exact, 4),
      expected,
      behindPoints: Ratio.toNumber(behind, 2),
      status: status(exact, expectedExact, thresholds),
      counted: acc.counted.map(([id]) => id),
      rejected: acc.rejected.sort((a, b) =>
        a.record < b.record ? -1 : a.record > b.record ? 1 : 0
      )
    })
  }
  return out
}

/**
 * The one magnitude (元, 万 or 亿) a target's money figures are written in,
 * so its column reads in one unit: the one `Money.format` picks for the
 * largest goal among the rows, or for the largest actual when every goal is
 * zero; `auto` when the rows hold no money. A 75亿元 target whose units hold
 * 2亿元 to 20亿元 is written in 亿, a unit's nothing as `0.00亿元`, and a
 * 1亿美元 target split into 1000万美元 to 3000万美元 writes them `0.10亿美元`
 * to `0.30亿美元`.
 *
 * @example
 * {@includeCode ../examples/Progress.ts#magnitude}
 *
 * @since 0.4.0
 * @category formatting
 */
export const magnitude = (
  rows: ReadonlyArray<Pick<TargetProgress, "goal" | "actual">>
): Money.Magnitude => {
  const largest = (pick: (r: Pick<TargetProgress, "goal" | "actual">) => Goal) => {
    let max: BigDecimal.BigDecimal | undefined
    for (const r of rows) {
      const g = pick(r)
      if (!isMoney(g)) continue
      const abs = BigDecimal.abs(g.amount)
      if (max === undefined || BigDecimal.isGreaterThan(abs, max)) max = abs
    }
    return max
  }
  const goal = largest((r) => r.goal)
  const amount =
    goal === undefined || BigDecimal.isZero(goal) ? (largest((r) => r.actual) ?? goal) : goal
  if (amount === undefined) return "auto"
  return BigDecimal.isGreaterThanOrEqualTo(amount, BigDecimal.fromBigInt(100_000_000n))
    ? "亿"
    : BigDecimal.isGreaterThanOrEqualTo(amount, BigDecimal.fromBigInt(10_000n))
      ? "万"
      : "元"
}

/**
 * A progress row's actual and goal as people read them: a count as it is
 * (`3`), money by `Money.format` (with `precision` decimals when given:
 * `1.50亿元`), and a rate (`start-rate`) as a percentage by `Ratio.percent`
 * — 5 of 7 projects started against a goal of 0.7 reads `71.4%` of `70.0%`,
 * never the raw `0.7143`. The rate shown is the exact one (the completion
 * times the goal), rounded once.
 *
 * Both amounts are written in one magnitude: `magnitude` when given (a
 * table passes the target's, from {@link magnitude}), else the row's own —
 * nothing done against 2亿元 reads `0.00亿元`, not `0.00元`.
 *
 * @example
 * {@includeCode ../examples/Progress.ts#shown}
 *
 * @since 0.4.0
 * @category formatting
 */
export const shown = (
  row: Pick<TargetProgress, "measure" | "goal" | "actual" | "ratio">,
  options?: { readonly precision?: number; readonly magnitude?: Money.Magnitude }
): { readonly actual: string; readonly goal: string } => {
  const written = options?.magnitude ?? magnitude([row])
  const money = (m: Money.Money) =>
    options?.precision === undefined
      ? Money.format(m, { magnitude: written })
      : Money.format(m, { magnitude: written, precision: options.precision })
  const one = (g: Goal) => (typeof g === "number" ? String(g) : money(g))
  if (measures[row.measure].quantity === "ratio" && typeof row.goal === "number")
    return {
      actual: Ratio.percent(Ratio.multiply(row.ratio, String(row.goal))),
      goal: Ratio.percent(row.goal)
    }
  return { actual: one(row.actual), goal: one(row.goal) }
}
