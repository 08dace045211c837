/**
 * Assessments (考核结果): a scoring policy run over a snapshot as of a date —
 * every unit's score lines, totals, ranks, vetoes and outcome tiers, with the
 * explanation of every point.
 *
 * @since 0.1.0
 */
import { type LocalDate, Progress, type Unit, type View } from "@gongjian/core"
import * as Data from "effect/Data"
import * as Result from "effect/Result"
import type { Context, FindingLike } from "./Context.js"
import { byRejected, finish, groupsOf } from "./internal/finish.js"
import type { RawLine } from "./internal/items/handler.js"
import { runItem } from "./internal/items/index.js"
import { policyRef, scoreUnit, type UnitLines } from "./internal/lines.js"
import type { ScoringItem } from "./ScoringItem.js"
import { check, type ScoringPolicy } from "./ScoringPolicy.js"

/**
 * The facts a line used: project ids, dates, amounts, counts.
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#explain}
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
 * {@includeCode ../examples/Assessment.ts#explain}
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
 * {@includeCode ../examples/Assessment.ts#run}
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
  /**
   * The verdicts on targets not given yet (待定, since 0.4.0): a veto or a
   * `targets` tier judged at its targets' due date (`ScoringPolicy.Judged`)
   * that has not come. `due` is the first date a verdict can be given;
   * `atRisk` says a target is amber or red against 序时进度; `reason` gives
   * each target's completion, 序时进度 and status. Absent when every verdict
   * is given.
   */
  readonly pending?: ReadonlyArray<{
    readonly rule: string
    readonly kind: "veto" | "tier"
    readonly due: LocalDate.LocalDate
    readonly atRisk: boolean
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
 * An assessment that could not be made, with a stable `code`:
 *
 * - `policy-mismatch`: the policy does not fit the campaign;
 * - `item-threw`: a custom item threw (what it threw is the `cause`);
 * - `not-lines`: a custom item returned something other than an array;
 * - `malformed-line`: a custom item returned a malformed line.
 *
 * It names the policy, the item and the unit.
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#check}
 *
 * @since 0.1.0
 * @category errors
 */
export class AssessmentError extends Data.TaggedError("AssessmentError")<{
  readonly code: "policy-mismatch" | "item-threw" | "not-lines" | "malformed-line"
  readonly policy: string
  readonly item: string | undefined
  readonly unit: string | undefined
  readonly detail: string
  /** What a custom item threw, for `item-threw`. */
  readonly cause?: unknown
}> {
  override get message(): string {
    const where = [this.item && `item ${this.item}`, this.unit && `unit ${this.unit}`]
      .filter(Boolean)
      .join(", ")
    return `Assessment by ${this.policy}${where ? ` (${where})` : ""}: ${this.detail}`
  }
}

/**
 * Runs a policy over the as-of view of a snapshot (`View.make`: its date, its
 * calendar with the county's overrides, its folded timelines and lineage).
 * Pass the exit findings for `exit-findings` items and `findings` vetoes, and
 * `options` (the options the policy was made from) for the fingerprint.
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
    readonly view: View.View
    readonly findings?: ReadonlyArray<FindingLike>
    readonly options?: unknown
  }
): Result.Result<Assessment, AssessmentError> => {
  const { view } = input
  const s = view.snapshot
  const asOf = view.asOf
  const problems = check(policy, s.campaign)
  if (problems.length > 0) {
    return Result.fail(
      new AssessmentError({
        code: "policy-mismatch",
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

  // A project whose history cannot be folded is counted by no item, and said so.
  for (const e of view.unfolded)
    rejected.push({ item: undefined, record: e.project, reason: e.message })
  const { timelines, lineage } = view
  const facts = Progress.facts(view)
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
    view,
    snapshot: s,
    asOf,
    calendar: view.calendar,
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

  // Each project's unit by index in the snapshot's units (-1 for a unit it
  // does not list), worked out once for every item that credits projects.
  let projectUnits: Int32Array | undefined
  const projectUnitsOf = (): Int32Array => {
    if (projectUnits === undefined) {
      const index = new Map(s.units.map((u, k) => [u.id, k]))
      projectUnits = new Int32Array(s.projects.length)
      for (let k = 0; k < s.projects.length; k++)
        projectUnits[k] = index.get(s.projects[k]!.unit) ?? -1
    }
    return projectUnits
  }

  for (let i = 0; i < policy.items.length; i++) {
    const item = policy.items[i]!
    // Where a line credited to a unit goes: the line lists of the unit and of
    // its ancestors that the item applies to, worked out once per unit.
    const targets = new Map<string, ReadonlyArray<Array<RawLine>>>()
    const targetsOf = (unit: string) => {
      let t = targets.get(unit)
      if (t === undefined) {
        t = lineage(unit)
          .filter((u) => applies(item, u))
          .map((u) => byUnit.get(u)![i]!)
        targets.set(unit, t)
      }
      return t
    }
    // The same by the unit's index, for lines credited by project.
    const targetsAt: Array<ReadonlyArray<Array<RawLine>> | undefined> = []
    const credit = (unit: string, line: RawLine) => {
      const t = targetsOf(unit)
      for (let k = 0; k < t.length; k++) t[k]!.push(line)
    }
    const failure = runItem(item, {
      context,
      snapshot: s,
      asOf,
      window,
      inWindow,
      units: assessed.filter((u) => applies(item, u.id)),
      credit,
      creditProject: (index, line) => {
        const u = projectUnitsOf()[index]!
        if (u < 0) return credit(s.projects[index]!.unit, line)
        let t = targetsAt[u]
        if (t === undefined) {
          t = targetsOf(s.units[u]!.id)
          targetsAt[u] = t
        }
        for (let k = 0; k < t.length; k++) t[k]!.push(line)
      },
      creditUnit: (unit, line) => {
        if (applies(item, unit)) byUnit.get(unit)![i]!.push(line)
      },
      reject: (record, reason) => rejected.push({ item: item.id, record, reason })
    })
    if (failure !== undefined)
      return Result.fail(
        new AssessmentError({
          code: failure.code,
          policy: policy.id,
          item: item.id,
          unit: failure.unit,
          detail: failure.detail,
          ...("cause" in failure ? { cause: failure.cause } : {})
        })
      )
  }

  // Weight, sort, cap, total.
  const scores = new Map<string, UnitLines>()
  for (const u of assessed) scores.set(u.id, scoreUnit(policy, u.id, byUnit.get(u.id)!))

  const groups = groupsOf(policy, s.campaign.assessedUnitKinds)
  const result = finish(policy, groups, assessed, scores, context)
  return Result.succeed({
    policy: policyRef(policy, input.options),
    campaign: s.campaign.id,
    asOf,
    ...result,
    rejected: rejected.sort(byRejected)
  })
}

/**
 * The explanation of a unit's score: its total, rank, tiers and vetoes, and
 * each item's points with the lines that make them.
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#explain}
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
  /** The verdicts not given yet (since 0.4.0); absent when every verdict is given. */
  readonly pending?: UnitScore["pending"]
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
    ...(u.pending !== undefined ? { pending: u.pending } : {}),
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
  for (const p of e.pending ?? [])
    out.push(
      lang === "zh"
        ? `  ${p.kind === "veto" ? "否决" : "档次"} ${p.rule} 待定：${p.due}到期后评定${p.atRisk ? "，落后序时进度，有风险" : ""}（${p.reason}）`
        : `  ${p.kind} ${p.rule} not judged yet: judged from ${p.due}${p.atRisk ? ", at risk: behind 序时进度" : ""} (${p.reason})`
    )
  for (const i of e.items) {
    out.push(`  ${i.item} [${i.clause}] ${i.points}`)
    for (const l of i.lines)
      out.push(`    ${l.points.padStart(8)}  ${l.message[lang]}  (${l.arithmetic})`)
  }
  return out.join("\n")
}
