/**
 * A unit's score lines: weighted, sorted, capped and totalled item by item,
 * each line explained when first read.
 *
 * @internal
 */
import { Fingerprint } from "@gongjian/core"
import type { ScoringPolicy } from "../ScoringPolicy.js"
import type { RawLine, Rendered } from "./items/handler.js"
import { bounded, signed } from "./items/text.js"
import * as P from "./points.js"

type Facts = Rendered["facts"]

/** @internal A score line (the shape of `Assessment.ScoreLine`). */
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
 * A score line whose facts, arithmetic and messages are rendered on first
 * read (and by `toJSON`), so the output is the same and unread lines cost no
 * strings.
 */
/** @internal */
export class Line implements ScoreLine {
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

/** @internal Lines in key order; most items credit in project order already, left as they are. */
export const sortedByKey = (raws: Array<RawLine>): Array<RawLine> => {
  for (let j = 1; j < raws.length; j++)
    if (raws[j - 1]!.key > raws[j]!.key)
      return raws.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  return raws
}

/** @internal A unit's points, before ranking: its total, earned points, items and lines. */
export interface UnitLines {
  total: P.Micro
  earned: P.Micro
  items: Array<{ item: string; points: string }>
  lines: Array<ScoreLine>
}

/** @internal Weights, sorts, caps and totals a unit's raw lines, item by item. */
export const scoreUnit = (
  policy: ScoringPolicy,
  unit: string,
  perItem: ReadonlyArray<Array<RawLine>>
): UnitLines => {
  const lines: Array<ScoreLine> = []
  const items: Array<{ item: string; points: string }> = []
  let total = 0
  let earned = 0
  policy.items.forEach((item, i) => {
    const raws = sortedByKey(perItem[i]!)
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
          unit,
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
        new Line(unit, item.id, item.clause, P.format(adj), () => ({
          facts: { before: P.format(before), bound: P.format(bound) },
          arithmetic: `${P.format(before)} → ${P.format(bound)} (${bound === max ? "max" : "min"}) = ${signed(adj)}`,
          message: bounded({
            title: item.title,
            side: bound === max ? "max" : "min",
            bound: P.format(bound),
            points: signed(adj)
          })
        }))
      )
      sum = bound
    }
    total += sum
    if (raws.length > 0 || bound !== undefined) items.push({ item: item.id, points: P.format(sum) })
  })
  return { total, earned, items, lines }
}

const dataOf = (policy: ScoringPolicy): unknown => ({
  ...policy,
  items: policy.items.map((i) =>
    i.kind === "custom" ? { kind: "custom", id: i.id, weight: i.weight, max: i.max, min: i.min } : i
  )
})

/** @internal Which policy ran: its id, version and the fingerprint of its options (or of its data). */
export const policyRef = (
  policy: ScoringPolicy,
  options: unknown
): { readonly id: string; readonly version: string; readonly optionsHash: string } => ({
  id: policy.id,
  version: policy.version,
  optionsHash: Fingerprint.fingerprint(options ?? dataOf(policy))
})
