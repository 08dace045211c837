import { LocalDate, type Progress, Ratio, type Unit } from "@gongjian/core"
import type { Context } from "../Context.js"
import * as Ranking from "../Ranking.js"
import type { Group, Judged, ScoringPolicy, Tier } from "../ScoringPolicy.js"
import { classZh } from "./findingNames.js"
import * as P from "./points.js"

/** @internal Groups of the policy, plus one for assessed kinds no group names (no unit is left out). */
export const groupsOf = (
  policy: Pick<ScoringPolicy, "groups">,
  assessedKinds: ReadonlyArray<Unit.UnitKind>
): ReadonlyArray<Group> => {
  const groups: Array<Group> = [...(policy.groups ?? [])]
  const covered = new Set(groups.flatMap((g) => g.unitKinds))
  const rest = assessedKinds.filter((k) => !covered.has(k))
  if (rest.length > 0) {
    groups.push(
      policy.groups === undefined
        ? { id: "all", title: { zh: "全部单位", en: "all units" }, unitKinds: rest }
        : { id: "other", title: { zh: "其他单位", en: "other units" }, unitKinds: rest }
    )
  }
  return groups
}

/** @internal A text in Chinese and English. */
export interface Text {
  readonly zh: string
  readonly en: string
}

/** @internal A veto a unit is under: `reason` for the technical reader, `message` for people. */
export interface UnitVeto {
  readonly veto: string
  readonly title: Text
  readonly bars: ReadonlyArray<string>
  readonly reason: string
  readonly message: Text
}

/** @internal A verdict on targets not given yet: their due date has not come. */
export interface UnitPending {
  readonly rule: string
  /** The veto's or the tier's title, for the words people read. */
  readonly title: Text
  readonly kind: "veto" | "tier"
  readonly due: LocalDate.LocalDate
  readonly atRisk: boolean
  readonly reason: string
}

/** @internal Where a unit stands on a condition that reads targets. */
type Verdict =
  | { readonly kind: "met" }
  | {
      readonly kind: "missed"
      readonly reason: string
      /** The target missed and its completion, for the words people read. */
      readonly target: string
      readonly ratio: Ratio.Ratio
    }
  | {
      readonly kind: "pending"
      readonly due: LocalDate.LocalDate
      readonly atRisk: boolean
      readonly reason: string
    }

/**
 * @internal The verdict on a unit's targets, `undefined` when the unit has no
 * share of any. Targets are read in the order given; a target complete is met
 * whatever the date; one below its goal is missed when judged `as-of`, or from
 * its due date on (the window's end when it has none); before, it is pending.
 */
const judge = (
  context: Pick<Context, "progress" | "asOf">,
  dueOf: (target: string) => LocalDate.LocalDate,
  unit: string,
  targets: ReadonlyArray<string>,
  judged: Judged
): Verdict | undefined => {
  let seen = false
  const pending: Array<{ target: string; due: string; row: Progress.TargetProgress }> = []
  for (const t of targets) {
    const row = context.progress(t).find((r) => r.unit === unit)
    if (row === undefined) continue
    seen = true
    if (Ratio.isAtLeast(row.ratio, 1)) continue
    const due = dueOf(t)
    const completion = Ratio.show(row.ratio)
    if (judged === "as-of" && context.asOf < due)
      return {
        kind: "missed",
        reason: `target ${t}: completion ${completion} < 1 as of ${context.asOf}, judged by this assessment before its due date ${due}`,
        target: t,
        ratio: row.ratio
      }
    if (context.asOf >= due)
      return {
        kind: "missed",
        reason: `target ${t}: completion ${completion} < 1 at its due date ${due}`,
        target: t,
        ratio: row.ratio
      }
    pending.push({ target: t, due, row })
  }
  if (!seen) return undefined
  if (pending.length === 0) return { kind: "met" }
  return {
    kind: "pending",
    due: pending.reduce((d, p) => LocalDate.min(d, p.due), pending[0]!.due),
    atRisk: pending.some((p) => p.row.status === "amber" || p.row.status === "red"),
    reason: pending
      .map(
        (p) =>
          `target ${p.target} due ${p.due}, not judged yet: completion ${Ratio.show(p.row.ratio)}, 序时进度 ${p.row.expected}, ${p.row.status}`
      )
      .join("; ")
  }
}

/** @internal A unit ranked, with its lines (of whatever shape the caller keeps). */
export interface Finished<L> {
  readonly unit: string
  readonly name: string
  readonly kind: Unit.UnitKind
  readonly group: string
  readonly total: string
  readonly earned: string
  readonly items: ReadonlyArray<{ readonly item: string; readonly points: string }>
  readonly lines: ReadonlyArray<L>
  readonly rank: number
  readonly tiers: ReadonlyArray<string>
  /** Why the unit is in each of its tiers, by tier id. */
  readonly tierReasons: { readonly [tier: string]: Text }
  readonly vetoes: ReadonlyArray<UnitVeto>
  /** Present when a verdict on targets is not given yet. */
  readonly pending?: ReadonlyArray<UnitPending>
}

/** What a ranked unit's `lines` are read from (lines made when first read, or kept). */
interface Scored<L> {
  readonly total: number
  readonly earned: number
  readonly items: ReadonlyArray<{ readonly item: string; readonly points: string }>
  readonly lines: ReadonlyArray<L>
}

// One getter for every ranked unit, so that they share their shape.
const LINES: PropertyDescriptor = {
  get(this: Ranked<unknown>) {
    return this.scoredLines()
  },
  enumerable: true,
  configurable: true
}

/**
 * A unit ranked: its fields in the order written out, `lines` an own
 * enumerable property read from its score when first asked for (copied,
 * compared and written out as any other).
 */
class Ranked<L> implements Finished<L> {
  declare readonly unit: string
  declare readonly name: string
  declare readonly kind: Unit.UnitKind
  declare readonly group: string
  declare readonly total: string
  declare readonly earned: string
  declare readonly items: ReadonlyArray<{ readonly item: string; readonly points: string }>
  declare readonly lines: ReadonlyArray<L>
  declare readonly rank: number
  declare readonly tiers: ReadonlyArray<string>
  declare readonly tierReasons: { readonly [tier: string]: Text }
  declare readonly vetoes: ReadonlyArray<UnitVeto>
  declare readonly pending?: ReadonlyArray<UnitPending>
  readonly #scored: Scored<L>
  constructor(
    u: Unit.Unit,
    group: string,
    scored: Scored<L>,
    rank: number,
    tiers: ReadonlyArray<string>,
    tierReasons: { readonly [tier: string]: Text },
    vetoes: ReadonlyArray<UnitVeto>,
    pending: ReadonlyArray<UnitPending> | undefined
  ) {
    const self = this as { -readonly [K in keyof Ranked<L>]: Ranked<L>[K] }
    self.unit = u.id
    self.name = u.name
    self.kind = u.kind
    self.group = group
    self.total = P.format(scored.total)
    self.earned = P.format(scored.earned)
    self.items = scored.items
    Object.defineProperty(this, "lines", LINES)
    self.rank = rank
    self.tiers = tiers
    self.tierReasons = tierReasons
    self.vetoes = vetoes
    if (pending !== undefined) self.pending = pending
    this.#scored = scored
  }
  /** The lines of the unit's score. */
  scoredLines(): ReadonlyArray<L> {
    return this.#scored.lines
  }
}

/** @internal Groups, units and tiers of an assessment or a composite. */
export interface Outcome<L> {
  readonly groups: ReadonlyArray<{
    readonly id: string
    readonly title: { readonly zh: string; readonly en: string }
    readonly units: ReadonlyArray<string>
  }>
  readonly units: ReadonlyArray<Finished<L>>
  readonly tiers: ReadonlyArray<{
    readonly id: string
    readonly title: { readonly zh: string; readonly en: string }
    readonly clause: string
    readonly units: ReadonlyArray<string>
  }>
}

/** @internal Ranks units in their groups, applies vetoes and tiers. Shared with Composite. */
export const finish = <L>(
  policy: Pick<ScoringPolicy, "vetoes" | "tiers" | "ties">,
  groups: ReadonlyArray<Group>,
  units: ReadonlyArray<Unit.Unit>,
  scores: ReadonlyMap<string, Scored<L>>,
  context: Pick<Context, "progress" | "findings" | "lineage" | "asOf" | "snapshot"> | undefined,
  carried?: ReadonlyMap<string, ReadonlyArray<UnitVeto>>
): Outcome<L> => {
  const ties = policy.ties ?? "shared"
  const targetTitle = (t: string) =>
    context?.snapshot.campaign.targets.find((x) => x.id === t)?.title ?? t
  // Vetoes: those carried from period assessments, then the policy's own.
  const vetoes = new Map<string, Array<UnitVeto>>()
  for (const [u, list] of carried ?? []) vetoes.set(u, [...list])
  // A target's due date: its own, else the window's end.
  const dues = new Map(context?.snapshot.campaign.targets.map((t) => [t.id, t.due]))
  const dueOf = (target: string): LocalDate.LocalDate =>
    dues.get(target) ?? context!.snapshot.campaign.window.end
  // Verdicts on targets not given yet, by unit: vetoes first, then tiers, in policy order.
  const pending = new Map<string, Array<UnitPending>>()
  const hold = (
    unit: string,
    rule: string,
    title: Text,
    kind: "veto" | "tier",
    v: Verdict & { kind: "pending" }
  ) => {
    const list = pending.get(unit) ?? []
    list.push({ rule, title, kind, due: v.due, atRisk: v.atRisk, reason: v.reason })
    pending.set(unit, list)
  }
  for (const v of policy.vetoes ?? []) {
    for (const u of units) {
      let reason: string | undefined
      let message: Text | undefined
      if (v.when.kind === "target-missed") {
        if (context === undefined) continue
        const verdict = judge(context, dueOf, u.id, v.when.targets, v.when.judged ?? "due")
        if (verdict?.kind === "missed") {
          reason = verdict.reason
          message = missed(targetTitle(verdict.target), verdict.ratio)
        } else if (verdict?.kind === "pending") hold(u.id, v.id, v.title, "veto", verdict)
      } else if (context !== undefined) {
        const classes = v.when.classes
        const n = context.findings.filter(
          (f) =>
            f.severity !== "warning" &&
            classes.includes(f.class) &&
            context.lineage(f.unit).includes(u.id)
        ).length
        if (n >= v.when.atLeast) {
          reason = `${n} breaches of ${classes.join(", ")} (at least ${v.when.atLeast})`
          message = {
            zh: `${n}个项目逾期（${classes.map(classZh).join("、")}），达到${v.when.atLeast}个即否决`,
            en: `${n} projects in breach (${classes.join(", ")}), vetoed from ${v.when.atLeast}`
          }
        }
      }
      if (reason !== undefined) {
        const list = vetoes.get(u.id) ?? []
        list.push({ veto: v.id, title: v.title, bars: v.bars, reason, message: message! })
        vetoes.set(u.id, list)
      }
    }
  }
  const barred = (unit: string, tier: string) =>
    (vetoes.get(unit) ?? []).some((v) => v.bars.includes(tier))

  const outGroups: Array<{ id: string; title: { zh: string; en: string }; units: Array<string> }> =
    []
  const ranks = new Map<string, { rank: number; group: string }>()
  for (const g of groups) {
    const members = units.filter((u) => g.unitKinds.includes(u.kind))
    const ranked = Ranking.rank(
      members.map((u) => ({
        unit: u.id,
        total: scores.get(u.id)!.total,
        earned: scores.get(u.id)!.earned
      })),
      ties
    )
    for (const r of ranked) ranks.set(r.unit, { rank: r.rank, group: g.id })
    outGroups.push({ id: g.id, title: g.title, units: ranked.map((r) => r.unit) })
  }

  // Tiers list units in group and rank order, whatever the input order.
  const byId = new Map(units.map((u) => [u.id, u]))
  const ranked = outGroups.flatMap((g) => g.units.map((id) => byId.get(id)!))
  const tierUnits = new Map<string, Array<string>>()
  // Why each unit is in each of its tiers: the condition that put it there.
  const reasons = new Map<string, Record<string, Text>>()
  const because = (unit: string, tier: string, why: Text) => {
    const r = reasons.get(unit) ?? {}
    r[tier] = why
    reasons.set(unit, r)
  }
  const place = (ordered: ReadonlyArray<string>, n: number): Array<[string, number]> => {
    const out: Array<[string, number]> = []
    let last: number | undefined
    let lastPlace = 0
    ordered.forEach((u, i) => {
      const total = scores.get(u)!.total
      const p = ties === "shared" && last === total ? lastPlace : i + 1
      if (p <= n) out.push([u, p])
      last = total
      lastPlace = p
    })
    return out
  }
  for (const tier of policy.tiers ?? []) {
    let chosen: Array<string> = []
    if (tier.kind === "top" || tier.kind === "bottom") {
      for (const g of outGroups) {
        if (tier.group !== undefined && tier.group !== g.id) continue
        const eligible = g.units.filter((u) => !barred(u, tier.id))
        const top = tier.kind === "top"
        for (const [u, p] of place(top ? eligible : [...eligible].reverse(), tier.n)) {
          chosen.push(u)
          because(u, tier.id, placed(top, ranks.get(u)!.rank, p, tier.n))
        }
      }
    } else if (tier.kind === "targets") {
      if (context !== undefined) {
        for (const u of ranked) {
          const verdict = judge(context, dueOf, u.id, tier.targets, tier.judged ?? "due")
          if (verdict === undefined) continue
          if (verdict.kind === "pending") hold(u.id, tier.id, tier.title, "tier", verdict)
          else if ((verdict.kind === "met") === tier.met && !barred(u.id, tier.id)) {
            chosen.push(u.id)
            because(
              u.id,
              tier.id,
              verdict.kind === "missed"
                ? missed(targetTitle(verdict.target), verdict.ratio)
                : metAll(
                    tier.targets.flatMap((t) => context.progress(t).filter((r) => r.unit === u.id)),
                    targetTitle
                  )
            )
          }
        }
      }
    } else {
      const bound = P.fromDecimal(tier.atLeast)
      chosen = ranked
        .filter((u) => scores.get(u.id)!.total >= bound && !barred(u.id, tier.id))
        .map((u) => u.id)
      for (const u of chosen) {
        const total = P.format(scores.get(u)!.total)
        const least = P.format(bound)
        because(u, tier.id, {
          zh: `得分${total}，不低于${least}分`,
          en: `${total} points, at least ${least}`
        })
      }
    }
    tierUnits.set(tier.id, chosen)
  }

  const outUnits: Array<Finished<L>> = []
  for (const g of outGroups) {
    for (const id of g.units) {
      const u = byId.get(id)!
      outUnits.push(
        new Ranked<L>(
          u,
          g.id,
          scores.get(id)!,
          ranks.get(id)!.rank,
          (policy.tiers ?? []).filter((t) => tierUnits.get(t.id)!.includes(id)).map((t) => t.id),
          reasons.get(id) ?? {},
          vetoes.get(id) ?? [],
          pending.get(id)
        )
      )
    }
  }
  return {
    groups: outGroups,
    units: outUnits,
    tiers: (policy.tiers ?? []).map((t: Tier) => ({
      id: t.id,
      title: t.title,
      clause: t.clause,
      units: tierUnits.get(t.id)!
    }))
  }
}

/** A target missed, as a veto says it: its title and its completion. */
const missed = (title: string, ratio: Ratio.Ratio): Text => ({
  zh: `「${title}」完成率${Ratio.percent(ratio)}，未完成目标任务`,
  en: `"${title}" at ${Ratio.percent(ratio)}: target not met`
})

/** A place in a top or bottom tier: in the first (last) `n`, among the units not barred. */
const placed = (top: boolean, rank: number, place: number, n: number): Text =>
  top
    ? place === rank
      ? n === 1
        ? { zh: "名列第一", en: "ranked first" }
        : { zh: `名列前${n}名`, en: `in the top ${n}` }
      : {
          zh: `不计被否决的单位，名列前${n}名（第${place}名）`,
          en: `in the top ${n} of the units not vetoed (place ${place})`
        }
    : n === 1
      ? { zh: "排名最后", en: "ranked last" }
      : {
          zh: `名列后${n}名（倒数第${place}名）`,
          en: `in the bottom ${n} (place ${place} from the bottom)`
        }

/**
 * The targets a `targets` tier found met, with their completions: it names
 * those targets and claims no other (a unit may be behind on the rest).
 */
const metAll = (
  rows: ReadonlyArray<{ readonly target: string; readonly ratio: Ratio.Ratio }>,
  title: (target: string) => string
): Text => {
  const shown = rows.map((r) => ({ title: title(r.target), percent: Ratio.percent(r.ratio) }))
  const zh = shown.map((x) => `「${x.title}」完成率${x.percent}`).join("，")
  const en = shown.map((x) => `"${x.title}" at ${x.percent}`).join(", ")
  return shown.length === 1
    ? { zh: `${zh}，已完成`, en: `${en}: met` }
    : { zh: `${zh}，均已完成`, en: `${en}: all met` }
}

/** Plain code-unit order of two strings. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** The order of an assessment's rejected records: by record, item, then reason. */
export const byRejected = (
  a: { readonly record: string; readonly item: string | undefined; readonly reason: string },
  b: { readonly record: string; readonly item: string | undefined; readonly reason: string }
): number =>
  compareText(a.record, b.record) ||
  compareText(a.item ?? "", b.item ?? "") ||
  compareText(a.reason, b.reason)
