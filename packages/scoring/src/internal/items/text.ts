/**
 * Shared pieces of message templates.
 *
 * @internal
 */
import { Money } from "@gongjian/core"
import * as P from "../points.js"

/** @internal Money as its message text. */
export const money = (m: Money.Money): string => Money.format(m)

/** @internal Points with their sign: `+2`, `-1.5`. */
export const signed = (m: P.Micro): string => (m >= 0 ? `+${P.format(m)}` : P.format(m))

/** @internal The line that brings an item's sum to its maximum or minimum. */
export const bounded = (x: {
  readonly title: { readonly zh: string; readonly en: string }
  readonly side: "max" | "min"
  readonly bound: string
  readonly points: string
}): { readonly zh: string; readonly en: string } => ({
  zh: `${x.title.zh}：本项${x.side === "max" ? "最高" : "最低"}${x.bound}分，调整${x.points}分`,
  en: `${x.title.en}: the item's ${x.side === "max" ? "maximum" : "minimum"} is ${x.bound}, adjusted ${x.points}`
})
