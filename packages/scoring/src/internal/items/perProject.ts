/**
 * `per-project` items: points for each qualifying project, more for larger
 * projects by tier; a project counts for its unit and the unit's ancestors.
 *
 * @internal
 */
import { type Lifecycle, Money, Progress, type Project, View } from "@gongjian/core"
import type { ScoringItem } from "../../ScoringItem.js"
import { Line } from "../lines.js"
import * as P from "../points.js"
import type { Handler, Rendered, Text } from "./handler.js"
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

/** A project's line: the project, its timeline, its points and the tier it reached. */
class ProjectLine extends Line {
  readonly #item: Extract<ScoringItem, { readonly kind: "per-project" }>
  readonly #project: Project.Project
  readonly #timeline: Lifecycle.Timeline
  readonly #tier: Money.Money | undefined
  constructor(
    item: Extract<ScoringItem, { readonly kind: "per-project" }>,
    project: Project.Project,
    timeline: Lifecycle.Timeline,
    raw: P.Micro,
    tier: Money.Money | undefined
  ) {
    super(project.id, raw)
    this.#item = item
    this.#project = project
    this.#timeline = timeline
    this.#tier = tier
  }
  render(): Rendered {
    const p = this.#project
    const total = p.investment?.total
    const raw = this.raw
    return {
      facts: {
        project: p.id,
        name: p.name,
        ...(total ? { investment: money(total) } : {}),
        stage: this.#timeline.stage ?? "none"
      },
      arithmetic: `${P.format(raw)}${this.#tier === undefined ? "" : ` (≥ ${money(this.#tier)})`}`,
      message: messages.line({
        name: p.name,
        project: p.id,
        investment: total ? money(total) : undefined,
        title: this.#item.title,
        points: signed(raw)
      })
    }
  }
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
  // The filter and the tiers' bounds prepared once for every project.
  const matches = Progress.matcher(item.filter, env.window)
  const reaches = tiers.map((tier) => Money.comparedToUnsafe(tier.from))
  const projects = env.snapshot.projects
  const view = env.context.view
  const timelines =
    view.snapshot === env.snapshot
      ? View.timelinesInOrder(view)
      : projects.map((p) => env.context.timelines.get(p.id))
  for (let i = 0; i < projects.length; i++) {
    const p = projects[i]!
    const t = timelines[i]
    if (t === undefined) continue
    const m = matches(p, t)
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
      let k = 0
      while (k < tiers.length && reaches[k]!(total) < 0) k++
      if (k === tiers.length) continue
      reached = tiers[k]!
      raw = reached.points
    }
    if (raw === 0) continue
    env.creditProject(i, new ProjectLine(item, p, t, raw, reached?.from))
  }
  return undefined
}
