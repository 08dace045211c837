/**
 * `per-project` items: points for each qualifying project, more for larger
 * projects by tier; a project counts for its unit and the unit's ancestors.
 *
 * @internal
 */
import { Money, Progress } from "@gongjian/core"
import * as P from "../points.js"
import type { Handler, Text } from "./handler.js"
import { money, signed } from "./text.js"

const messages = {
  tiersInCurrencies: "the item's tiers are in different currencies",
  filterCurrency: "its total investment is in another currency than the filter's bound",
  tierCurrency: (total: string, tier: string | undefined) =>
    `its total investment is in ${total}, the tier in ${tier}`,
  line: (x: {
    readonly name: string
    readonly project: string
    readonly investment: string | undefined
    readonly title: Text
    readonly points: string
  }): Text => ({
    zh: `${x.name}（${x.project}）${x.investment ? `，投资${x.investment}` : ""}：${x.title.zh} ${x.points}分`,
    en: `${x.name} (${x.project})${x.investment ? `, ${x.investment}` : ""}: ${x.title.en} ${x.points}`
  })
}

/** @internal */
export const perProject: Handler<"per-project"> = (item, env) => {
  const base = P.fromDecimal(item.points ?? 0)
  const tiers = [...(item.tiers ?? [])]
    .map((t) => ({ from: t.from, points: P.fromDecimal(t.points) }))
    .sort((a, b) => -Money.compareUnsafe(a.from, b.from))
  const tierCurrency = tiers[0]?.from.currency
  if (tiers.some((t) => t.from.currency !== tierCurrency)) {
    env.reject(item.id, messages.tiersInCurrencies)
    return undefined
  }
  for (const p of env.snapshot.projects) {
    const t = env.context.timelines.get(p.id)
    if (t === undefined) continue
    const m = Progress.matches(item.filter, p, t, env.window)
    if (m === "currency-mismatch") {
      env.reject(p.id, messages.filterCurrency)
      continue
    }
    if (!m) continue
    let raw = base
    let reached: (typeof tiers)[number] | undefined
    const total = p.investment?.total
    if (tiers.length > 0) {
      if (total === undefined) continue
      if (total.currency !== tierCurrency) {
        env.reject(p.id, messages.tierCurrency(total.currency, tierCurrency))
        continue
      }
      // Tiers are sorted highest first: the first one reached applies.
      const best = tiers.find((tier) => Money.isAtLeastUnsafe(total, tier.from))
      if (best === undefined) continue
      raw = best.points
      reached = best
    }
    if (raw === 0) continue
    env.credit(p.unit, {
      key: p.id,
      raw,
      render: () => ({
        facts: {
          project: p.id,
          name: p.name,
          ...(total ? { investment: money(total) } : {}),
          stage: t.stage ?? "none"
        },
        arithmetic: `${P.format(raw)}${reached === undefined ? "" : ` (≥ ${money(reached.from)})`}`,
        message: messages.line({
          name: p.name,
          project: p.id,
          investment: total ? money(total) : undefined,
          title: item.title,
          points: signed(raw)
        })
      })
    })
  }
  return undefined
}
