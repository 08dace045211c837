/**
 * Assessments (考核结果): a scoring policy run over a snapshot as of a date —
 * every unit's score lines, totals, ranks, vetoes and outcome tiers, with the
 * explanation of every point.
 *
 * @since 0.1.0
 */
import {
  Fingerprint,
  Lifecycle,
  LocalDate,
  Money,
  Progress,
  Ratio,
  type Snapshot,
  type Unit
} from "@gongjian/core"
import * as Data from "effect/Data"
import * as Result from "effect/Result"
import type { Context, FindingLike } from "./Context.js"
import { finish, groupsOf } from "./internal/finish.js"
import * as P from "./internal/points.js"
import type { CustomLine, DataItem, ScoringItem } from "./ScoringItem.js"
import { check, type ScoringPolicy } from "./ScoringPolicy.js"

/**
 * The facts a line used: project ids, dates, amounts, counts.
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#check}
 *
 * @since 0.1.0
 * @category models
 */
export type Facts = { readonly [key: string]: string | number | ReadonlyArray<string> }

/**
 * One line of a unit's score: the item (rule) it comes from, the clause that
 * item encodes, its points (exact decimal text, weighted), the facts it used,
 * the arithmetic, and a message in Chinese and English. A unit's lines add up
 * exactly to its total.
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#check}
 *
 * @since 0.1.0
 * @category models
 */
export interface ScoreLine {
  readonly unit: string
  readonly item: string
  readonly clause: string
  readonly points: string
  readonly facts: Facts
  readonly arithmetic: string
  readonly message: { readonly zh: string; readonly en: string }
}

/**
 * A unit's result.
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#check}
 *
 * @since 0.1.0
 * @category models
 */
export interface UnitScore {
  readonly unit: string
  readonly name: string
  readonly kind: Unit.UnitKind
  readonly group: string
  readonly total: string
  /** The points earned before deductions (the first tie-break). */
  readonly earned: string
  readonly items: ReadonlyArray<{ readonly item: string; readonly points: string }>
  readonly lines: ReadonlyArray<ScoreLine>
  readonly rank: number
  readonly tiers: ReadonlyArray<string>
  readonly vetoes: ReadonlyArray<{
    readonly veto: string
    readonly bars: ReadonlyArray<string>
    readonly reason: string
  }>
}

/**
 * An assessment: which policy (id, version, options fingerprint) ran on which
 * campaign as of which date; the units in group and rank order; the tiers;
 * and the records an item could not count, with the reason.
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#check}
 *
 * @since 0.1.0
 * @category models
 */
export interface Assessment {
  readonly policy: { readonly id: string; readonly version: string; readonly optionsHash: string }
  readonly campaign: string
  readonly asOf: LocalDate.LocalDate
  readonly groups: ReadonlyArray<{
    readonly id: string
    readonly title: { readonly zh: string; readonly en: string }
    readonly units: ReadonlyArray<string>
  }>
  readonly units: ReadonlyArray<UnitScore>
  readonly tiers: ReadonlyArray<{
    readonly id: string
    readonly title: { readonly zh: string; readonly en: string }
    readonly clause: string
    readonly units: ReadonlyArray<string>
  }>
  readonly rejected: ReadonlyArray<{
    readonly item: string | undefined
    readonly record: string
    readonly reason: string
  }>
}

/**
 * An assessment that could not be made: the policy does not fit the
 * campaign, or a custom item threw or returned a malformed line. It names the
 * policy, the item and the unit.
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#check}
 *
 * @since 0.1.0
 * @category errors
 */
export class AssessmentError extends Data.TaggedError("AssessmentError")<{
  readonly policy: string
  readonly item: string | undefined
  readonly unit: string | undefined
  readonly detail: string
}> {
  override get message(): string {
    const where = [this.item && `item ${this.item}`, this.unit && `unit ${this.unit}`]
      .filter(Boolean)
      .join(", ")
    return `Assessment by ${this.policy}${where ? ` (${where})` : ""}: ${this.detail}`
  }
}

interface Rendered {
  readonly facts: Facts
  readonly arithmetic: string
  readonly message: { readonly zh: string; readonly en: string }
}

interface RawLine {
  readonly key: string
  readonly raw: P.Micro
  /** Facts, arithmetic and messages are built when first read: a line nobody reads costs no strings. */
  readonly render: () => Rendered
}

/**
 * A score line whose facts, arithmetic and messages are rendered on first
 * read (and by `toJSON`), so the output is the same and unread lines cost no
 * strings.
 */
class Line implements ScoreLine {
  readonly unit: string
  readonly item: string
  readonly clause: string
  readonly points: string
  #render: (() => Rendered) | undefined
  #rendered: Rendered | undefined
  constructor(unit: string, item: string, clause: string, points: string, render: () => Rendered) {
    this.unit = unit
    this.item = item
    this.clause = clause
    this.points = points
    this.#render = render
  }
  #get(): Rendered {
    if (this.#rendered === undefined) {
      this.#rendered = this.#render!()
      this.#render = undefined
    }
    return this.#rendered
  }
  get facts(): Facts {
    return this.#get().facts
  }
  get arithmetic(): string {
    return this.#get().arithmetic
  }
  get message(): { readonly zh: string; readonly en: string } {
    return this.#get().message
  }
  toJSON(): ScoreLine {
    const r = this.#get()
    return {
      unit: this.unit,
      item: this.item,
      clause: this.clause,
      points: this.points,
      facts: r.facts,
      arithmetic: r.arithmetic,
      message: r.message
    }
  }
}

const fmtMoney = (m: Money.Money) => Money.format(m)
const signed = (m: P.Micro) => (m >= 0 ? `+${P.format(m)}` : P.format(m))

/**
 * Runs a policy over a snapshot. `asOf` defaults to the snapshot's; pass the
 * exit findings for `exit-findings` items and `findings` vetoes, the folded
 * timelines if you have them, and `options` (the options the policy was made
 * from) for the fingerprint.
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#run}
 *
 * @since 0.1.0
 * @category running
 */
export const run = (
  policy: ScoringPolicy,
  input: {
    readonly snapshot: Snapshot.Snapshot
    readonly asOf?: LocalDate.LocalDate
    readonly findings?: ReadonlyArray<FindingLike>
    readonly timelines?: ReadonlyMap<string, Lifecycle.Timeline>
    readonly options?: unknown
  }
): Result.Result<Assessment, AssessmentError> => {
  const s = input.snapshot
  const asOf = input.asOf ?? s.asOf
  const problems = check(policy, s.campaign)
  if (problems.length > 0) {
    return Result.fail(
      new AssessmentError({
        policy: policy.id,
        item: undefined,
        unit: undefined,
        detail: problems.map((p) => `${p.path}: ${p.detail}`).join("; ")
      })
    )
  }
  const rejected: Array<{ item: string | undefined; record: string; reason: string }> = []
  // Records dated after the snapshot's own as-of date cannot have happened yet:
  // no item counts them, and they are said to be left out.
  const late = (d: string) => `dated ${d}, after the snapshot's as-of date ${s.asOf}: not counted`
  for (const p of s.projects)
    for (const e of p.events)
      if (e.date > s.asOf)
        rejected.push({ item: undefined, record: `${p.id}@${e.date}`, reason: late(e.date) })
  for (const a of s.activities ?? [])
    if (a.date > s.asOf) rejected.push({ item: undefined, record: a.id, reason: late(a.date) })
  for (const r of s.reports ?? [])
    if (r.on > s.asOf) rejected.push({ item: undefined, record: r.id, reason: late(r.on) })

  // Context: timelines, lineage, cached progress.
  let timelines = input.timelines
  if (timelines === undefined) {
    const map = new Map<string, Lifecycle.Timeline>()
    for (const p of s.projects) {
      const r = Lifecycle.fold(p, { asOf })
      if (Result.isSuccess(r)) map.set(p.id, r.success)
      else rejected.push({ item: undefined, record: p.id, reason: r.failure.message })
    }
    timelines = map
  }
  const parent = new Map(s.units.map((u) => [u.id, u.parent]))
  const lineageCache = new Map<string, ReadonlyArray<string>>()
  const lineage = (unit: string): ReadonlyArray<string> => {
    let l = lineageCache.get(unit)
    if (l === undefined) {
      const out = [unit]
      for (let p = parent.get(unit); p !== undefined && !out.includes(p); p = parent.get(p))
        out.push(p)
      l = out
      lineageCache.set(unit, l)
    }
    return l
  }
  const facts: Progress.Facts = {
    campaign: s.campaign,
    units: s.units,
    projects: s.projects,
    timelines,
    activities: s.activities ?? [],
    reports: s.reports ?? []
  }
  const targetItems = new Map<string, Array<string>>()
  for (const item of policy.items) {
    if (item.kind !== "target") continue
    const ids = targetItems.get(item.target) ?? []
    ids.push(item.id)
    targetItems.set(item.target, ids)
  }
  const progressCache = new Map<string, ReadonlyArray<Progress.TargetProgress>>()
  const progress = (target: string) => {
    let rows = progressCache.get(target)
    if (rows === undefined) {
      const t = s.campaign.targets.find((x) => x.id === target)
      rows = t === undefined ? [] : Progress.ofTarget(facts, t, { asOf })
      progressCache.set(target, rows)
      // A record the target cannot count (money in another currency) is
      // reported, under the items that score the target, or on its own when
      // only a veto, a tier or a custom item reads it.
      const seen = new Set<string>()
      for (const row of rows) {
        for (const r of row.rejected) {
          const key = `${r.record}\u0000${r.reason}`
          if (seen.has(key)) continue
          seen.add(key)
          for (const item of targetItems.get(target) ?? [undefined])
            rejected.push({ item, record: r.record, reason: `target ${target}: ${r.reason}` })
        }
      }
    }
    return rows
  }
  const context: Context = Object.freeze({
    snapshot: s,
    asOf,
    timelines,
    findings: input.findings ?? [],
    lineage,
    progress
  })

  const assessed = s.units.filter((u) => s.campaign.assessedUnitKinds.includes(u.kind))
  const assessedIds = new Set(assessed.map((u) => u.id))
  const unitsById = new Map(s.units.map((u) => [u.id, u]))
  const window = { start: s.campaign.window.start, end: s.campaign.window.end }
  const inWindow = (d: string) => d >= window.start && d <= window.end && d <= asOf

  // unit → item index → raw lines
  const byUnit = new Map<string, Array<Array<RawLine>>>(
    assessed.map((u) => [u.id, policy.items.map(() => [])])
  )
  const applies = (item: ScoringItem, unit: string) => {
    const u = unitsById.get(unit)
    return (
      u !== undefined &&
      assessedIds.has(unit) &&
      (item.appliesTo === undefined || item.appliesTo.includes(u.kind))
    )
  }
  const credit = (itemIndex: number, unit: string, line: RawLine) => {
    const item = policy.items[itemIndex]!
    for (const u of lineage(unit)) if (applies(item, u)) byUnit.get(u)![itemIndex]!.push(line)
  }

  for (let i = 0; i < policy.items.length; i++) {
    const item = policy.items[i]!
    if (item.kind === "custom") {
      for (const u of assessed) {
        if (!applies(item, u.id)) continue
        let out: ReadonlyArray<CustomLine>
        try {
          out = item.compute(context, u)
        } catch (e) {
          return Result.fail(
            new AssessmentError({
              policy: policy.id,
              item: item.id,
              unit: u.id,
              detail: `the item threw: ${e instanceof Error ? e.message : String(e)}`
            })
          )
        }
        if (!Array.isArray(out)) {
          return Result.fail(
            new AssessmentError({
              policy: policy.id,
              item: item.id,
              unit: u.id,
              detail: "the item must return an array of lines"
            })
          )
        }
        for (const [k, l] of out.entries()) {
          const bad = malformed(l)
          if (bad !== undefined) {
            return Result.fail(
              new AssessmentError({
                policy: policy.id,
                item: item.id,
                unit: u.id,
                detail: `line ${k}: ${bad}`
              })
            )
          }
          byUnit.get(u.id)![i]!.push({
            key: String(k).padStart(8, "0"),
            raw: P.fromDecimal(l.points),
            render: () => ({ facts: l.facts, arithmetic: l.arithmetic, message: l.message })
          })
        }
      }
      continue
    }
    dataItem(
      item,
      (unit, line) => credit(i, unit, line),
      (record, reason) => rejected.push({ item: item.id, record, reason })
    )
  }

  function dataItem(
    item: DataItem,
    add: (unit: string, line: RawLine) => void,
    reject: (record: string, reason: string) => void
  ): void {
    switch (item.kind) {
      case "per-project": {
        const base = P.fromDecimal(item.points ?? 0)
        const tiers = [...(item.tiers ?? [])]
          .map((t) => ({ from: t.from, points: P.fromDecimal(t.points) }))
          .sort((a, b) => -Money.compare(a.from, b.from))
        const tierCurrency = tiers[0]?.from.currency
        if (tiers.some((t) => t.from.currency !== tierCurrency)) {
          reject(item.id, "the item's tiers are in different currencies")
          return
        }
        for (const p of s.projects) {
          const t = timelines!.get(p.id)
          if (t === undefined) continue
          const m = Progress.matches(item.filter, p, t, window)
          if (m === "currency-mismatch") {
            reject(p.id, "its total investment is in another currency than the filter's bound")
            continue
          }
          if (!m) continue
          let raw = base
          let why = ""
          const total = p.investment?.total
          if (tiers.length > 0) {
            if (total === undefined) continue
            if (total.currency !== tierCurrency) {
              reject(
                p.id,
                `its total investment is in ${total.currency}, the tier in ${tierCurrency}`
              )
              continue
            }
            // Tiers are sorted highest first: the first one reached applies.
            const best = tiers.find((tier) => Money.isAtLeast(total, tier.from))
            if (best === undefined) continue
            raw = best.points
            why = ` (≥ ${fmtMoney(best.from)})`
          }
          if (raw === 0) continue
          add(p.unit, {
            key: p.id,
            raw,
            render: () => ({
              facts: {
                project: p.id,
                name: p.name,
                ...(total ? { investment: fmtMoney(total) } : {}),
                stage: t.stage ?? "none"
              },
              arithmetic: `${P.format(raw)}${why}`,
              message: {
                zh: `${p.name}（${p.id}）${total ? `，投资${fmtMoney(total)}` : ""}：${item.title.zh} ${signed(raw)}分`,
                en: `${p.name} (${p.id})${total ? `, ${fmtMoney(total)}` : ""}: ${item.title.en} ${signed(raw)}`
              }
            })
          })
        }
        return
      }
      case "target": {
        const points = P.fromDecimal(item.points)
        for (const row of progress(item.target)) {
          if (row.unit === undefined) continue
          // The exact completion is compared and multiplied; it is shown,
          // never rounded up to reached, only in the arithmetic and message.
          const exact = row.ratio
          const c = Ratio.show(exact)
          let factor: Ratio.Ratio
          let how: string
          switch (item.curve.kind) {
            case "linear": {
              const cap = item.curve.cap ?? 1
              factor = Ratio.max(Ratio.min(exact, cap), 0)
              how = `${P.format(points)} × min(${c}, ${cap})`
              break
            }
            case "stepped": {
              const step = [...item.curve.steps]
                .sort((a, b) => b.atLeast - a.atLeast)
                .find((st) => Ratio.isAtLeast(exact, st.atLeast))
              factor = Ratio.makeUnsafe(step?.share ?? 0)
              how = `${P.format(points)} × ${step?.share ?? 0} (${step ? `completion ${c} ≥ ${step.atLeast}` : `completion ${c} below every step`})`
              break
            }
            case "all-or-nothing": {
              const met = Ratio.isAtLeast(exact, 1)
              factor = Ratio.makeUnsafe(met ? 1 : 0)
              how = `${P.format(points)} × ${met ? 1 : 0} (completion ${c})`
              break
            }
          }
          const raw = P.timesRatio(points, factor)
          const goal = typeof row.goal === "number" ? String(row.goal) : fmtMoney(row.goal)
          const actual = typeof row.actual === "number" ? String(row.actual) : fmtMoney(row.actual)
          // Target rows are per unit already: credit the unit only, not its ancestors.
          if (applies(item, row.unit)) {
            byUnitPush(row.unit, item, {
              key: item.target,
              raw,
              render: () => ({
                facts: {
                  target: item.target,
                  goal,
                  actual,
                  completion: row.completion,
                  expected: row.expected
                },
                arithmetic: `${how} = ${P.format(raw)}`,
                message: {
                  zh: `${item.title.zh}：完成${actual}，目标${goal}，完成率${Ratio.showPercent(exact)}，得${P.format(raw)}分`,
                  en: `${item.title.en}: ${actual} of ${goal}, ${Ratio.showPercent(exact)} → ${P.format(raw)} points`
                }
              })
            })
          }
        }
        return
      }
      case "start-outcomes": {
        const base = P.fromDecimal(item.base)
        const mult = {
          onTime: item.onTime ?? 1,
          late: item.late ?? 0.5,
          notStarted: item.notStarted ?? -0.5,
          cannotProceed: item.cannotProceed ?? -2
        }
        const names = {
          onTime: { zh: "按期开工", en: "started on time" },
          late: { zh: "未能如期开工，本项减半计分", en: "started late: half points" },
          notStarted: { zh: "不能开工，减半扣分", en: "not started: loses half" },
          cannotProceed: { zh: "不能实施，双倍扣分", en: "cannot be carried out: loses double" }
        }
        for (const p of s.projects) {
          const t = timelines!.get(p.id)
          if (t === undefined) continue
          const signedOn = t.milestones.signed
          if (signedOn === undefined) continue
          const m = Progress.matches({ ...item.filter, excludeClosed: false }, p, t, window)
          if (m === "currency-mismatch") {
            reject(p.id, "its total investment is in another currency than the filter's bound")
            continue
          }
          if (!m) continue
          const d = item.defaultDeadline
          const deadline =
            p.contract?.startBy ??
            (d === undefined
              ? undefined
              : "monthsAfterSigning" in d
                ? LocalDate.addMonths(signedOn, d.monthsAfterSigning)
                : d.date)
          if (deadline === undefined) {
            reject(
              p.id,
              "it has no start deadline (contract.startBy) and the item gives no default"
            )
            continue
          }
          const started = Lifecycle.reachedOn(t, "started")
          const outcome: keyof typeof mult | undefined =
            t.milestones.exited !== undefined && started === undefined
              ? "cannotProceed"
              : started !== undefined
                ? started <= deadline
                  ? "onTime"
                  : "late"
                : asOf > deadline
                  ? "notStarted"
                  : undefined
          if (outcome === undefined) continue
          const raw = P.times(base, P.fromDecimal(mult[outcome]))
          add(p.unit, {
            key: p.id,
            raw,
            render: () => ({
              facts: {
                project: p.id,
                name: p.name,
                signed: signedOn,
                deadline,
                ...(started ? { started } : {}),
                outcome
              },
              arithmetic: `${P.format(base)} × ${mult[outcome]} = ${P.format(raw)}`,
              message: {
                zh: `${p.name}（${p.id}）签约${signedOn}，开工期限${deadline}${started ? `，${started}开工` : ""}：${names[outcome].zh}，${signed(raw)}分`,
                en: `${p.name} (${p.id}) signed ${signedOn}, to start by ${deadline}${started ? `, started ${started}` : ""}: ${names[outcome].en}, ${signed(raw)}`
              }
            })
          })
        }
        return
      }
      case "activity-quota": {
        const counts = new Map<string, { n: number; ids: Array<string> }>()
        const f = item.activityFilter
        for (const a of s.activities ?? []) {
          if (!inWindow(a.date)) continue
          if (f.kinds !== undefined && !f.kinds.includes(a.kind)) continue
          if (f.roles !== undefined && (a.role === undefined || !f.roles.includes(a.role))) continue
          for (const u of lineage(a.unit)) {
            const c = counts.get(u) ?? { n: 0, ids: [] }
            c.n += a.count ?? 1
            c.ids.push(a.id)
            counts.set(u, c)
          }
        }
        const value = P.fromDecimal(item.points)
        const k = item.shortfallMultiplier ?? 2
        const r = item.required
        const kText = k === 2 ? { zh: "双倍", en: "double" } : { zh: `${k}倍`, en: `${k} times` }
        const floor =
          item.min === undefined
            ? { zh: "本项不设下限", en: "the item has no floor" }
            : { zh: `本项最低${item.min}分`, en: `the item's floor is ${item.min}` }
        for (const u of assessed) {
          if (!applies(item, u.id)) continue
          const c = counts.get(u.id) ?? { n: 0, ids: [] }
          const missing = Math.max(0, r - c.n)
          const ids = [...c.ids].sort()
          byUnitPush(u.id, item, {
            key: "a-quota",
            raw: value,
            render: () => ({
              facts: { count: c.n, required: r, activities: ids },
              arithmetic: `${P.format(value)} (${r} required)`,
              message: {
                zh: `${item.title.zh}：完成${c.n}次（要求${r}次），本项${P.format(value)}分`,
                en: `${item.title.en}: ${c.n} of ${r} required, the item is worth ${P.format(value)}`
              }
            })
          })
          if (missing > 0) {
            // T − k × m × (T / r): each missing activity loses k times its value.
            const raw = -P.timesRatio(
              value,
              Ratio.multiply(Ratio.makeUnsafe(k), Ratio.makeUnsafe(missing, r))
            )
            byUnitPush(u.id, item, {
              key: "b-missing",
              raw,
              render: () => ({
                facts: {
                  count: c.n,
                  required: r,
                  missing,
                  multiplier: k,
                  ...(item.min === undefined ? {} : { floor: item.min })
                },
                arithmetic: `−${k} × ${missing} × (${P.format(value)} / ${r}) = ${P.format(raw)}`,
                message: {
                  zh: `${item.title.zh}：缺少${missing}次（要求${r}次，完成${c.n}次），每缺1次从该项得分中${kText.zh}扣分，${signed(raw)}分（${floor.zh}）`,
                  en: `${item.title.en}: ${missing} missing (${c.n} of ${r}), each missing one deducted at ${kText.en} its value, ${signed(raw)} (${floor.en})`
                }
              })
            })
          }
        }
        return
      }
      case "reported": {
        const each = P.fromDecimal(item.pointsEach)
        for (const r of s.reports ?? []) {
          if (r.measure !== "reported" || r.key !== item.key || !inWindow(r.on)) continue
          if (r.unit === undefined) {
            reject(r.id, "the report names no unit")
            continue
          }
          if (typeof r.value !== "number") {
            reject(r.id, "the report's value is money, not a count")
            continue
          }
          const count = r.value
          const raw = P.times(each, P.fromDecimal(count))
          add(r.unit, {
            key: r.id,
            raw,
            render: () => ({
              facts: { report: r.id, on: r.on, count, ...(r.note ? { note: r.note } : {}) },
              arithmetic: `${count} × ${P.format(each)} = ${P.format(raw)}`,
              message: {
                zh: `${item.title.zh}（${r.on}${r.note ? `，${r.note}` : ""}）：${count}次，${signed(raw)}分`,
                en: `${item.title.en} (${r.on}${r.note ? `, ${r.note}` : ""}): ${count}, ${signed(raw)}`
              }
            })
          })
        }
        return
      }
      case "exit-findings": {
        const severities = item.severities ?? ["breach", "escalated"]
        for (const f of context.findings) {
          const pts = item.perClass[f.class]
          if (pts === undefined || !severities.includes(f.severity)) continue
          const raw = P.fromDecimal(pts)
          add(f.unit, {
            key: f.id,
            raw,
            render: () => ({
              facts: { finding: f.id, project: f.project, class: f.class, severity: f.severity },
              arithmetic: P.format(raw),
              message: {
                zh: `${item.title.zh}：项目${f.project}（${f.class}，${f.severity}）${signed(raw)}分`,
                en: `${item.title.en}: project ${f.project} (${f.class}, ${f.severity}) ${signed(raw)}`
              }
            })
          })
        }
        return
      }
    }
  }

  function byUnitPush(unit: string, item: ScoringItem, line: RawLine) {
    const idx = policy.items.indexOf(item)
    byUnit.get(unit)?.[idx]?.push(line)
  }

  // Weight, sort, cap, total.
  const scores = new Map<
    string,
    {
      total: P.Micro
      earned: P.Micro
      items: Array<{ item: string; points: string }>
      lines: Array<ScoreLine>
    }
  >()
  for (const u of assessed) {
    const perItem = byUnit.get(u.id)!
    const lines: Array<ScoreLine> = []
    const items: Array<{ item: string; points: string }> = []
    let total = 0
    let earned = 0
    policy.items.forEach((item, i) => {
      const raws = perItem[i]!.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      const w = item.weight ?? 1
      const wm = w === 1 ? undefined : P.fromDecimal(w)
      let sum = 0
      for (const r of raws) {
        const pts = wm === undefined ? r.raw : P.times(r.raw, wm)
        sum += pts
        if (pts > 0) earned += pts
        const render = r.render
        lines.push(
          new Line(
            u.id,
            item.id,
            item.clause,
            P.format(pts),
            wm === undefined
              ? render
              : () => {
                  const x = render()
                  return { ...x, arithmetic: `(${x.arithmetic}) × weight ${w} = ${P.format(pts)}` }
                }
          )
        )
      }
      const max = item.max === undefined ? undefined : P.fromDecimal(item.max)
      const min = item.min === undefined ? undefined : P.fromDecimal(item.min)
      const bound =
        max !== undefined && sum > max ? max : min !== undefined && sum < min ? min : undefined
      if (bound !== undefined) {
        const adj = bound - sum
        const before = sum
        lines.push(
          new Line(u.id, item.id, item.clause, P.format(adj), () => ({
            facts: { before: P.format(before), bound: P.format(bound) },
            arithmetic: `${P.format(before)} → ${P.format(bound)} (${bound === max ? "max" : "min"}) = ${signed(adj)}`,
            message: {
              zh: `${item.title.zh}：本项${bound === max ? "最高" : "最低"}${P.format(bound)}分，调整${signed(adj)}分`,
              en: `${item.title.en}: the item's ${bound === max ? "maximum" : "minimum"} is ${P.format(bound)}, adjusted ${signed(adj)}`
            }
          }))
        )
        sum = bound
      }
      total += sum
      if (raws.length > 0 || bound !== undefined)
        items.push({ item: item.id, points: P.format(sum) })
    })
    scores.set(u.id, { total, earned, items, lines })
  }

  const groups = groupsOf(policy, s.campaign.assessedUnitKinds)
  const result = finish(policy, groups, assessed, scores, context)
  return Result.succeed({
    policy: {
      id: policy.id,
      version: policy.version,
      optionsHash: Fingerprint.fingerprint(input.options ?? dataOf(policy))
    },
    campaign: s.campaign.id,
    asOf,
    ...result,
    rejected: rejected.sort(
      (a, b) =>
        compareText(a.record, b.record) ||
        compareText(a.item ?? "", b.item ?? "") ||
        compareText(a.reason, b.reason)
    )
  })
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

const dataOf = (policy: ScoringPolicy): unknown => ({
  ...policy,
  items: policy.items.map((i) =>
    i.kind === "custom" ? { kind: "custom", id: i.id, weight: i.weight, max: i.max, min: i.min } : i
  )
})

const malformed = (l: CustomLine): string | undefined => {
  if (l === null || typeof l !== "object") return "a line must be an object"
  if (typeof l.points !== "number" || !Number.isFinite(l.points))
    return `points must be a finite number, got ${String(l.points)}`
  if (l.facts === null || typeof l.facts !== "object") return "facts must be an object"
  if (typeof l.arithmetic !== "string") return "arithmetic must be a string"
  if (
    l.message === null ||
    typeof l.message !== "object" ||
    typeof l.message.zh !== "string" ||
    typeof l.message.en !== "string"
  ) {
    return "message must have zh and en strings"
  }
  try {
    P.fromDecimal(l.points)
  } catch (e) {
    return (e as Error).message
  }
  return undefined
}

/**
 * The explanation of a unit's score: its total, rank, tiers and vetoes, and
 * each item's points with the lines that make them.
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#check}
 *
 * @since 0.1.0
 * @category models
 */
export interface Explanation {
  readonly unit: string
  readonly name: string
  readonly total: string
  readonly rank: number
  readonly group: string
  readonly tiers: ReadonlyArray<string>
  /** The titles of the unit's tiers, by tier id. */
  readonly tierTitles: { readonly [tier: string]: { readonly zh: string; readonly en: string } }
  readonly vetoes: UnitScore["vetoes"]
  readonly items: ReadonlyArray<{
    readonly item: string
    readonly clause: string
    readonly points: string
    readonly lines: ReadonlyArray<ScoreLine>
  }>
}

/**
 * Why a unit has its score: the whole tree, or `undefined` for a unit the
 * assessment does not hold.
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#explain}
 *
 * @since 0.1.0
 * @category explaining
 */
export const explain = (assessment: Assessment, unit: string): Explanation | undefined => {
  const u = assessment.units.find((x) => x.unit === unit)
  if (u === undefined) return undefined
  return {
    unit: u.unit,
    name: u.name,
    total: u.total,
    rank: u.rank,
    group: u.group,
    tiers: u.tiers,
    tierTitles: Object.fromEntries(
      assessment.tiers.filter((t) => u.tiers.includes(t.id)).map((t) => [t.id, t.title])
    ),
    vetoes: u.vetoes,
    items: u.items.map((i) => {
      const lines = u.lines.filter((l) => l.item === i.item)
      return { item: i.item, clause: lines[0]?.clause ?? "", points: i.points, lines }
    })
  }
}

/**
 * Writes an explanation as indented text, in Chinese (default) or English.
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#explain}
 *
 * @since 0.1.0
 * @category explaining
 */
export const formatExplanation = (e: Explanation, lang: "zh" | "en" = "zh"): string => {
  const out: Array<string> = []
  const tiers = e.tiers.map((t) => e.tierTitles[t]?.[lang] ?? t)
  out.push(
    lang === "zh"
      ? `${e.name}（${e.unit}）：总分${e.total}，第${e.rank}名${tiers.length ? `，${tiers.join("、")}` : ""}`
      : `${e.name} (${e.unit}): ${e.total} points, rank ${e.rank}${tiers.length ? `, ${tiers.join(", ")}` : ""}`
  )
  for (const v of e.vetoes)
    out.push(
      lang === "zh"
        ? `  否决 ${v.veto}（${v.reason}）：不得评为 ${v.bars.join("、")}`
        : `  veto ${v.veto} (${v.reason}): barred from ${v.bars.join(", ")}`
    )
  for (const i of e.items) {
    out.push(`  ${i.item} [${i.clause}] ${i.points}`)
    for (const l of i.lines)
      out.push(`    ${l.points.padStart(8)}  ${l.message[lang]}  (${l.arithmetic})`)
  }
  return out.join("\n")
}
