/**
 * Assessments (考核结果): a scoring policy run over a snapshot as of a date —
 * every unit's score lines, totals, ranks, vetoes and outcome tiers, with the
 * explanation of every point.
 *
 * @since 0.1.0
 */
import { type LocalDate, Progress, type Unit, View } from "@gongjian/core"
import * as Data from "effect/Data"
import * as Result from "effect/Result"
import type { Context, FindingLike } from "./Context.js"
import { explanationText, itemTitles } from "./internal/explain.js"
import { byRejected, finish, groupsOf } from "./internal/finish.js"
import type { Text } from "./internal/items/handler.js"
import { runItem } from "./internal/items/index.js"
import { Credits, type ItemLines, policyRef, scoreUnit, type UnitLines } from "./internal/lines.js"
import { rejectedText } from "./internal/rejectedText.js"
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
  /**
   * Why the unit is in each of its tiers, by tier id, in Chinese and
   * English: the condition that put it there (the targets it missed, its
   * place) (since 0.4.0).
   */
  readonly tierReasons: { readonly [tier: string]: { readonly zh: string; readonly en: string } }
  /**
   * The vetoes the unit is under: the veto's id and title (since 0.4.0), the
   * tiers it bars, the `reason` in the engine's terms (target ids, exact
   * ratios) and the `message` people read, in Chinese and English, naming
   * the target by its title (since 0.4.0).
   */
  readonly vetoes: ReadonlyArray<{
    readonly veto: string
    readonly title: { readonly zh: string; readonly en: string }
    readonly bars: ReadonlyArray<string>
    readonly reason: string
    readonly message: { readonly zh: string; readonly en: string }
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
    /** The veto's or the tier's title (since 0.4.0). */
    readonly title: { readonly zh: string; readonly en: string }
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
  /**
   * The items the units were scored on, in the policy's order: id, title
   * and clause, so that an explanation names an item by its title (since
   * 0.4.0).
   */
  readonly items: ReadonlyArray<ItemTitle>
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
  /**
   * The records no item could count: `reason` in English; `message` (since
   * 0.4.0) in Chinese and English, for Chinese views to show `message.zh`.
   */
  readonly rejected: ReadonlyArray<{
    readonly item: string | undefined
    readonly record: string
    readonly reason: string
    readonly message: { readonly zh: string; readonly en: string }
  }>
}

/**
 * A scoring item as explanations name it: its id, its title in Chinese and
 * English, and its clause.
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#explain}
 *
 * @since 0.4.0
 * @category models
 */
export interface ItemTitle {
  readonly id: string
  readonly title: { readonly zh: string; readonly en: string }
  readonly clause: string
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
 * Where a line credited to a unit goes: the unit and its ancestors that an
 * item applies to, by index among the assessed units — by unit id, by the
 * unit's index in the snapshot, and as one table for every unit (`start`,
 * `list`) — filled as lines are credited.
 */
interface Reach {
  readonly byId: Map<string, ReadonlyArray<number>>
  readonly byIndex: Array<ReadonlyArray<number> | undefined>
  table: { readonly start: Int32Array; readonly list: Int32Array } | undefined
}

// Kept for the units of a snapshot and a lineage (a view's, made once for the
// units: `View.make`), by the kinds assessed and applied to: they depend on
// nothing else, and assessing the same snapshot again reads them.
const reaches = new WeakMap<
  ReadonlyArray<Unit.Unit>,
  WeakMap<(unit: string) => ReadonlyArray<string>, Map<string, Reach>>
>()
const reachOf = (
  units: ReadonlyArray<Unit.Unit>,
  lineage: (unit: string) => ReadonlyArray<string>,
  assessedKinds: ReadonlyArray<string>,
  appliesTo: ReadonlyArray<string> | undefined
): Reach => {
  let byLineage = reaches.get(units)
  if (byLineage === undefined) {
    byLineage = new WeakMap()
    reaches.set(units, byLineage)
  }
  let byKinds = byLineage.get(lineage)
  if (byKinds === undefined) {
    byKinds = new Map()
    byLineage.set(lineage, byKinds)
  }
  const key = JSON.stringify([assessedKinds, appliesTo ?? null])
  let reach = byKinds.get(key)
  if (reach === undefined) {
    reach = { byId: new Map(), byIndex: [], table: undefined }
    byKinds.set(key, reach)
  }
  return reach
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
    readonly options?: unknown
  } & (
    | { readonly findings?: ReadonlyArray<FindingLike>; readonly exit?: undefined }
    | {
        /**
         * An exit engine's report (`ExitEngine.evaluate`), in place of
         * `findings`: its findings count as `findings` do, read from the
         * columns the engine keeps, with no finding object made until one
         * is explained (since 0.4.0).
         */
        readonly exit: { readonly findings: ReadonlyArray<FindingLike> }
        readonly findings?: undefined
      }
  )
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
  const rejected: Array<Assessment["rejected"][number]> = []
  const reject = (item: string | undefined, record: string, message: Text) =>
    rejected.push({ item, record, reason: message.en, message })
  // Records dated after the snapshot's own as-of date cannot have happened yet:
  // no item counts them, and they are said to be left out.
  const late = (d: string) => rejectedText.late(d, s.asOf)
  const isIdOrdered = () => View.projectsInIdOrder(view)
  // A project folded as of a date no later than the snapshot's, with no
  // event after it (its timeline's `later` is 0), has none dated after the
  // snapshot's: its events are not read again (ids unique, so the timeline
  // is the project's own).
  const flags = asOf <= s.asOf && isIdOrdered() ? View.timelineFlags(view) : undefined
  const folded = View.TimelineFlag.folded
  const noLater = View.TimelineFlag.folded | View.TimelineFlag.later
  for (let i = 0; i < s.projects.length; i++) {
    if (flags !== undefined && (flags[i]! & noLater) === folded) continue
    const p = s.projects[i]!
    for (const e of p.events)
      if (e.date > s.asOf) reject(undefined, `${p.id}@${e.date}`, late(e.date))
  }
  for (const a of s.activities ?? []) if (a.date > s.asOf) reject(undefined, a.id, late(a.date))
  for (const r of s.reports ?? []) if (r.on > s.asOf) reject(undefined, r.id, late(r.on))

  // A project whose history cannot be folded is counted by no item, and said so.
  for (const e of view.unfolded) reject(undefined, e.project, rejectedText.unfolded(e))
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
          const message = rejectedText.target(target, t?.title, r.message)
          for (const item of targetItems.get(target) ?? [undefined]) reject(item, r.record, message)
        }
      }
    }
    return rows
  }
  // The findings as given, or the exit report's, read when first asked for.
  const exit = input.exit
  const context: Context = Object.freeze({
    view,
    snapshot: s,
    asOf,
    calendar: view.calendar,
    timelines,
    get findings(): ReadonlyArray<FindingLike> {
      return exit !== undefined ? exit.findings : (input.findings ?? [])
    },
    lineage,
    progress
  })
  const findingRows =
    exit !== undefined
      ? View.findingRows(exit)
      : input.findings !== undefined
        ? View.findingRows(input.findings)
        : undefined

  const assessed = s.units.filter((u) => s.campaign.assessedUnitKinds.includes(u.kind))
  const assessedIds = new Set(assessed.map((u) => u.id))
  const unitsById = new Map(s.units.map((u) => [u.id, u]))
  const window = { start: s.campaign.window.start, end: s.campaign.window.end }
  const inWindow = (d: string) => d >= window.start && d <= window.end && d <= asOf

  // An assessed unit's index among the assessed units.
  const assessedIndex = new Map(assessed.map((u, a) => [u.id, a]))
  // Each item's lines, unit by unit (by index among the assessed units).
  const columns: Array<ItemLines> = []
  const applies = (item: ScoringItem, unit: string) => {
    const u = unitsById.get(unit)
    return (
      u !== undefined &&
      assessedIds.has(unit) &&
      (item.appliesTo === undefined || item.appliesTo.includes(u.kind))
    )
  }

  // Each project's unit by index in the snapshot's units (-1 for a unit it
  // does not list).
  const projectUnits = View.projectUnits(view)

  for (let i = 0; i < policy.items.length; i++) {
    const item = policy.items[i]!
    // Where a line credited to a unit goes: the unit and its ancestors that
    // the item applies to (by index among the assessed units), worked out
    // once per unit.
    // Its columns reused from run to run: given back when the lines are put by unit.
    const credits = new Credits("assessment")
    let reserved = false
    let targetStart: Int32Array | undefined
    let targetList: Int32Array | undefined
    // Worked out once for the units, the lineage and the kinds assessed and applied to.
    const reach = reachOf(s.units, lineage, s.campaign.assessedUnitKinds, item.appliesTo)
    const { byId: targets, byIndex: targetsAt } = reach
    const targetsOf = (unit: string) => {
      let t = targets.get(unit)
      if (t === undefined) {
        t = lineage(unit)
          .filter((u) => applies(item, u))
          .map((u) => assessedIndex.get(u)!)
        targets.set(unit, t)
      }
      return t
    }
    // The same by the unit's index, for lines credited by project.
    const targetsOfProject = (index: number): ReadonlyArray<number> => {
      const u = projectUnits[index]!
      if (u < 0) return targetsOf(s.projects[index]!.unit)
      let t = targetsAt[u]
      if (t === undefined) {
        t = targetsOf(s.units[u]!.id)
        targetsAt[u] = t
      }
      return t
    }
    const failure = runItem(item, {
      context,
      snapshot: s,
      asOf,
      window,
      inWindow,
      idOrdered: isIdOrdered,
      findingRows,
      units: assessed.filter((u) => applies(item, u.id)),
      credit: (unit, line) => {
        const t = targetsOf(unit)
        for (let k = 0; k < t.length; k++) credits.add(t[k]!, line, -1, line.raw)
      },
      creditRow: (unit, source, row, raw) => {
        const t = targetsOf(unit)
        for (let k = 0; k < t.length; k++) credits.add(t[k]!, source, row, raw)
      },
      creditProjectRow: (index, source, row, raw) => {
        // An item that credits by project usually credits many: room for one a project.
        if (!reserved) {
          credits.reserve(s.projects.length)
          reserved = true
        }
        const t = targetsOfProject(index)
        for (let k = 0; k < t.length; k++) credits.add(t[k]!, source, row, raw)
      },
      creditProjectRows: (source, projectRows, rows, raws, count) => {
        // Room for the lines at once (a unit's ancestors may add more).
        credits.reserve(credits.length + count)
        // Where each unit's lines go, worked out once for the items that
        // apply to the same kinds.
        if (targetStart === undefined) {
          let table = reach.table
          if (table === undefined) {
            const start = new Int32Array(s.units.length + 1)
            const list: Array<number> = []
            for (let u = 0; u < s.units.length; u++) {
              start[u] = list.length
              for (const a of targetsOf(s.units[u]!.id)) list.push(a)
            }
            start[s.units.length] = list.length
            table = { start, list: Int32Array.from(list) }
            reach.table = table
          }
          targetStart = table.start
          targetList = table.list
        }
        credits.addRows(
          source,
          projectRows,
          rows,
          raws,
          count,
          projectUnits,
          targetStart,
          targetList!,
          (index, row, raw) => {
            const t = targetsOf(s.projects[index]!.unit)
            for (let k = 0; k < t.length; k++) credits.add(t[k]!, source, row, raw)
          }
        )
      },
      creditUnit: (unit, line) => {
        if (applies(item, unit)) credits.add(assessedIndex.get(unit)!, line, -1, line.raw)
      },
      reject: (record, message) => reject(item.id, record, message)
    })
    if (failure !== undefined) credits.release()
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
    columns.push(credits.columns(assessed.length))
  }

  // Weight, sort, cap, total; each unit's line objects are made when its lines are first read.
  const scores = new Map<string, UnitLines>()
  for (let a = 0; a < assessed.length; a++) {
    const id = assessed[a]!.id
    scores.set(id, scoreUnit(policy, id, columns, a))
  }

  const groups = groupsOf(policy, s.campaign.assessedUnitKinds)
  const result = finish<ScoreLine>(policy, groups, assessed, scores, context)
  return Result.succeed({
    policy: policyRef(policy, input.options),
    campaign: s.campaign.id,
    asOf,
    items: itemTitles(policy),
    ...result,
    rejected: rejected.sort(byRejected)
  })
}

/**
 * The explanation of a unit's score: its total, rank, tiers and vetoes, and
 * each item's title, points and the lines that make them.
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
  /** The titles of the unit's tiers and of the tiers its vetoes bar, by tier id. */
  readonly tierTitles: { readonly [tier: string]: { readonly zh: string; readonly en: string } }
  /** Why the unit is in each of its tiers (since 0.4.0). */
  readonly tierReasons?: UnitScore["tierReasons"]
  readonly vetoes: UnitScore["vetoes"]
  /** The verdicts not given yet (since 0.4.0); absent when every verdict is given. */
  readonly pending?: UnitScore["pending"]
  readonly items: ReadonlyArray<{
    readonly item: string
    /** The item's title (since 0.4.0); its id when the assessment does not name it. */
    readonly title: { readonly zh: string; readonly en: string }
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
  const titles = new Map((assessment.items ?? []).map((i) => [i.id, i]))
  return {
    unit: u.unit,
    name: u.name,
    total: u.total,
    rank: u.rank,
    group: u.group,
    tiers: u.tiers,
    tierTitles: Object.fromEntries(
      assessment.tiers
        .filter(
          (t) =>
            u.tiers.includes(t.id) ||
            u.vetoes.some((v) => v.bars.includes(t.id)) ||
            (u.pending ?? []).some((p) => p.rule === t.id)
        )
        .map((t) => [t.id, t.title])
    ),
    tierReasons: u.tierReasons ?? {},
    vetoes: u.vetoes,
    ...(u.pending !== undefined ? { pending: u.pending } : {}),
    items: u.items.map((i) => {
      const lines = u.lines.filter((l) => l.item === i.item)
      const named = titles.get(i.item)
      return {
        item: i.item,
        title: named?.title ?? { zh: i.item, en: i.item },
        clause: lines[0]?.clause ?? named?.clause ?? "",
        points: i.points,
        lines
      }
    })
  }
}

/**
 * Writes an explanation as indented text, in Chinese (default) or English.
 * The Chinese text names every item by its title, with points written
 * without trailing zeros; the English text adds each item's id in brackets,
 * for the technical reader.
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#explain}
 *
 * @since 0.1.0
 * @category explaining
 */
export const formatExplanation = (e: Explanation, lang: "zh" | "en" = "zh"): string =>
  explanationText(e, lang)
