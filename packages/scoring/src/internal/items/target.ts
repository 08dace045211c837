/**
 * `target` items: points from a target's completion for the unit, through a
 * linear, stepped or all-or-nothing curve. Target rows are per unit already:
 * the unit alone is credited, not its ancestors.
 *
 * @internal
 */
import { Progress, Ratio } from "@gongjian/core"
import * as P from "../points.js"
import type { Handler, Text } from "./handler.js"

const messages = {
  line: (x: {
    readonly title: Text
    readonly actual: string
    readonly goal: string
    readonly percent: string
    readonly points: string
  }): Text => ({
    zh: `${x.title.zh}：完成${x.actual}，目标${x.goal}，完成率${x.percent}，得${x.points}分`,
    en: `${x.title.en}: ${x.actual} of ${x.goal}, ${x.percent} → ${x.points} points`
  })
}

/** @internal */
export const target: Handler<"target"> = (item, env) => {
  const points = P.fromDecimal(item.points)
  for (const row of env.context.progress(item.target)) {
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
        const lowest = Math.min(...item.curve.steps.map((st) => st.atLeast))
        how = `${P.format(points)} × ${step?.share ?? 0} (${step ? `${c} ≥ ${step.atLeast}` : `${c} < ${lowest}`})`
        break
      }
      case "all-or-nothing": {
        const met = Ratio.isAtLeast(exact, 1)
        factor = Ratio.makeUnsafe(met ? 1 : 0)
        how = `${P.format(points)} × ${met ? 1 : 0} (${c} ${met ? "≥" : "<"} 1)`
        break
      }
    }
    const raw = P.timesRatio(points, factor)
    env.creditUnit(row.unit, {
      key: item.target,
      raw,
      render: () => {
        // As people read them: a rate and the completion as percentages.
        const { actual, goal } = Progress.shown(row)
        const percent = Ratio.percent(exact)
        return {
          facts: {
            target: item.target,
            goal,
            actual,
            completion: row.completion,
            percent,
            expected: row.expected
          },
          arithmetic: `${how} = ${P.format(raw)}`,
          message: messages.line({
            title: item.title,
            actual,
            goal,
            percent,
            points: P.format(raw)
          })
        }
      }
    })
  }
  return undefined
}
