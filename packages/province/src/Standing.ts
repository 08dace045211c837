/**
 * A county's standing under the province's policy (县域考核结果): each
 * target's completion on the county's own records, its exit findings, and its
 * score — computed from its snapshot alone, so counties are assessed apart
 * (on any thread or machine) and merged exactly.
 *
 * @since 0.1.0
 */
import { Money, Progress, Ratio, type Target, View } from "@gongjian/core"
import { ExitEngine } from "@gongjian/exit-rules"
import * as BigDecimal from "effect/BigDecimal"
import * as Result from "effect/Result"
import { decodeCounty } from "./internal/records.js"
import type { InvalidCounty } from "./ProvinceError.js"
import type { ProvincePolicy } from "./ProvincePolicy.js"

/**
 * One target of a county: its goal and actual as text (money as people write
 * it), the exact completion `actual / goal` as `"numerator/denominator"`, and
 * the completion for display (a percentage, cut, never rounded up to 100%).
 * A rate with nothing to measure (no project in its pool) has completion 0.
 *
 * @example
 * {@includeCode ../examples/Standing.ts#standing}
 *
 * @since 0.1.0
 * @category models
 */
export interface TargetStanding {
  readonly target: string
  readonly goal: string
  readonly actual: string
  readonly completion: string
  readonly shown: string
}

/**
 * A county's standing: its name, projects, targets, the mean of the targets'
 * completions each capped at 100% (exact), its findings by severity and by
 * class (breaches and escalated ones), the points they cost, and its score
 * (exact, and rounded half-even to 4 places for display). Plain JSON, the
 * same bytes wherever it is computed.
 *
 * @example
 * {@includeCode ../examples/Standing.ts#standing}
 *
 * @since 0.1.0
 * @category models
 */
export interface Standing {
  readonly county: string
  readonly name: string
  readonly projects: number
  readonly targets: ReadonlyArray<TargetStanding>
  readonly completion: string
  readonly findings: {
    readonly warning: number
    readonly breach: number
    readonly escalated: number
  }
  readonly breachesByClass: { readonly [finding: string]: number }
  readonly findingPoints: number
  readonly score: string
  readonly shownScore: string
}

const text = (r: Ratio.Ratio) => `${r.numerator}/${r.denominator}`
const add = (a: Ratio.Ratio, b: Ratio.Ratio) => Ratio.subtract(a, Ratio.multiply(b, -1))
const goalText = (g: Target.Goal): string => (typeof g === "number" ? String(g) : Money.format(g))

/**
 * A target's goal and the county's actual as text, money in one magnitude
 * (`Progress.magnitude`): nothing done against 2亿元 reads `0亿元`, not `0元`.
 */
const amounts = (
  goal: Target.Goal,
  actual: Target.Goal | undefined
): { readonly goal: string; readonly actual: string } => {
  const done = actual ?? (typeof goal === "number" ? 0 : Money.zero(goal.currency))
  if (typeof goal === "number" || typeof done === "number")
    return { goal: goalText(goal), actual: goalText(done) }
  const magnitude = Progress.magnitude([{ goal, actual: done }])
  return { goal: Money.format(goal, { magnitude }), actual: Money.format(done, { magnitude }) }
}

/**
 * The standing of a county from its snapshot (the file's JSON, as read from
 * its partition), as of the policy's date. Fails with `InvalidCounty`
 * (`snapshot`) when the file does not decode, naming the field.
 *
 * @example
 * {@includeCode ../examples/Standing.ts#standing}
 *
 * @since 0.1.0
 * @category constructors
 */
export const of = (
  county: string,
  file: unknown,
  policy: ProvincePolicy
): Result.Result<Standing, InvalidCounty> => {
  const decoded = decodeCounty(county, file)
  if (Result.isFailure(decoded)) return Result.fail(decoded.failure)
  const snapshot = decoded.success
  const view = View.make(snapshot, { asOf: policy.asOf })
  const facts = Progress.facts(view)
  const measured = policy.targets.map((t) => {
    const goal = t.allocations?.find((a) => a.unit === county)?.goal ?? t.goal
    const { allocations: _, ...target } = t
    const area = Progress.ofTarget(
      facts,
      { ...target, scope: "area", goal },
      {
        asOf: policy.asOf
      }
    ).find((r) => r.unit === undefined)
    const ratio = area?.ratio ?? Ratio.makeUnsafe(0)
    const standing: TargetStanding = {
      target: t.id,
      ...amounts(goal, area?.actual),
      completion: text(ratio),
      shown: Ratio.showPercent(ratio, 2)
    }
    return { standing, ratio }
  })
  let sum = Ratio.makeUnsafe(0)
  for (const m of measured) sum = add(sum, Ratio.min(m.ratio, 1))
  const completion =
    measured.length === 0
      ? Ratio.makeUnsafe(1)
      : Ratio.multiply(sum, Ratio.makeUnsafe(1, measured.length))
  const report = ExitEngine.evaluate({ rules: policy.exitRules, view })
  const findings = { warning: 0, breach: 0, escalated: 0 }
  const byClass: Record<string, number> = {}
  let points = 0
  for (const f of report.findings) {
    findings[f.severity]++
    if (f.severity === "warning") continue
    byClass[f.class] = (byClass[f.class] ?? 0) + 1
    points += policy.findingPoints[f.class] ?? 0
  }
  const breachesByClass = Object.fromEntries(
    Object.keys(byClass)
      .sort()
      .map((k) => [k, byClass[k]!])
  )
  const score = add(Ratio.multiply(completion, policy.completionPoints), Ratio.makeUnsafe(points))
  return Result.succeed({
    county,
    name: snapshot.units.find((u) => u.id === county)?.name ?? county,
    projects: snapshot.projects.length,
    targets: measured.map((m) => m.standing),
    completion: text(completion),
    findings,
    breachesByClass,
    findingPoints: points,
    score: text(score),
    shownScore: BigDecimal.format(Ratio.round(score, 4))
  })
}
