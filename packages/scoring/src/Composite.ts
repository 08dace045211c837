/**
 * Composite assessments (综合考核): quarterly assessments and a year-end one
 * combined with weights into a year's ranking (003 四: "季度考核和年终考核相结合",
 * the top 3 of the year-end composite commended).
 *
 * @since 0.1.0
 */
import { Fingerprint, LocalDate, type Unit } from "@gongjian/core"
import type { Assessment, ScoreLine } from "./Assessment.js"
import { finish, groupsOf, type UnitVeto } from "./internal/finish.js"
import * as P from "./internal/points.js"
import type { Group, Tier, Ties } from "./ScoringPolicy.js"

const titleOf = (p: {
  readonly label: string
  readonly title?: { readonly zh: string; readonly en: string } | undefined
}): { readonly zh: string; readonly en: string } => p.title ?? { zh: p.label, en: p.label }

/**
 * Combines period assessments: each unit's composite total is the sum of
 * `weight × period total`, one line per period (a period in which the unit was
 * not assessed counts 0, and its line says so). Vetoes of any period carry
 * over; a period's pending verdicts do not (a quarter that judges the year's
 * targets at their due date vetoes no one on them). Ranking groups, `top`, `bottom` and `min-score` tiers apply to the
 * composite; `targets` tiers belong to the period assessments.
 *
 * @example
 * {@includeCode ../examples/Composite.ts#combine}
 *
 * @since 0.1.0
 * @category constructors
 */
export const combine = (input: {
  readonly id: string
  readonly version: string
  readonly units: ReadonlyArray<Unit.Unit>
  readonly periods: ReadonlyArray<{
    readonly label: string
    /**
     * The period as people read it (第一季度, 年终考核), in the lines' and the
     * items' text; the `label` when not given. Since 0.4.0.
     */
    readonly title?: { readonly zh: string; readonly en: string } | undefined
    readonly weight: number
    readonly assessment: Assessment
  }>
  readonly groups?: ReadonlyArray<Group>
  readonly tiers?: ReadonlyArray<Tier>
  readonly ties?: Ties
}): Assessment => {
  const inAny = new Set(input.periods.flatMap((p) => p.assessment.units.map((u) => u.unit)))
  const units = input.units.filter((u) => inAny.has(u.id))
  const scores = new Map<
    string,
    {
      total: number
      earned: number
      items: Array<{ item: string; points: string }>
      lines: Array<ScoreLine>
    }
  >()
  const carried = new Map<string, Array<UnitVeto>>()
  for (const u of units) {
    const lines: Array<ScoreLine> = []
    const items: Array<{ item: string; points: string }> = []
    let total = 0
    let earned = 0
    for (const period of input.periods) {
      const name = titleOf(period)
      const score = period.assessment.units.find((x) => x.unit === u.id)
      const periodTotal = score === undefined ? 0 : P.fromDecimal(score.total)
      const pts = P.times(periodTotal, P.fromDecimal(period.weight))
      total += pts
      if (pts > 0) earned += pts
      items.push({ item: period.label, points: P.format(pts) })
      lines.push({
        unit: u.id,
        item: period.label,
        clause: "003 四",
        points: P.format(pts),
        facts: {
          period: period.label,
          total: P.format(periodTotal),
          weight: period.weight,
          assessed: score === undefined ? "no" : "yes"
        },
        arithmetic: `${P.format(periodTotal)} × ${period.weight} = ${P.format(pts)}`,
        message:
          score === undefined
            ? {
                zh: `${name.zh}：未参加考核，计0分`,
                en: `${name.en}: not assessed, 0 points`
              }
            : {
                zh: `${name.zh}：得分${score.total}，权重${period.weight}，计${P.format(pts)}分`,
                en: `${name.en}: ${score.total} points × weight ${period.weight} = ${P.format(pts)}`
              }
      })
      for (const v of score?.vetoes ?? []) {
        const list = carried.get(u.id) ?? []
        if (!list.some((x) => x.veto === v.veto))
          list.push({
            ...v,
            reason: `${period.label}: ${v.reason}`,
            message: {
              zh: `${name.zh}：${v.message.zh}`,
              en: `${name.en}: ${v.message.en}`
            }
          })
        carried.set(u.id, list)
      }
    }
    scores.set(u.id, { total, earned, items, lines })
  }
  const kinds = [...new Set(units.map((u) => u.kind))].sort()
  const groups = groupsOf(input.groups === undefined ? {} : { groups: input.groups }, kinds)
  const tiers = (input.tiers ?? []).filter((t) => t.kind !== "targets")
  const result = finish(
    { tiers, ...(input.ties ? { ties: input.ties } : {}) },
    groups,
    units,
    scores,
    undefined,
    carried
  )
  const first = input.periods[0]?.assessment
  return {
    policy: {
      id: input.id,
      version: input.version,
      optionsHash: Fingerprint.fingerprint(
        input.periods.map((p) => ({
          label: p.label,
          weight: p.weight,
          policy: p.assessment.policy
        }))
      )
    },
    campaign: first?.campaign ?? "",
    asOf: input.periods.reduce((d, p) => LocalDate.max(d, p.assessment.asOf), first?.asOf ?? ""),
    // Each period is an item of the composite.
    items: input.periods.map((p) => ({
      id: p.label,
      title: titleOf(p),
      clause: "003 四"
    })),
    ...result,
    rejected: input.periods.flatMap((p) =>
      p.assessment.rejected.map((r) => ({
        ...r,
        reason: `${p.label}: ${r.reason}`,
        message: {
          zh: `${titleOf(p).zh}：${r.message.zh}`,
          en: `${titleOf(p).en}: ${r.message.en}`
        }
      }))
    )
  }
}
