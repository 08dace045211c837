/**
 * `per-project` items: points for each qualifying project, more for larger
 * projects by tier; a project counts for its unit and the unit's ancestors.
 *
 * @internal
 */
import { type Lifecycle, Money, Progress, type Project, View } from "@gongjian/core"
import type { ScoringItem } from "../../ScoringItem.js"
import * as P from "../points.js"
import { rejectedText } from "../rejectedText.js"
import * as Scratch from "../scratch.js"
import type { Handler, LineSource, Rendered, Text } from "./handler.js"
import { money, signed } from "./text.js"

const messages = {
  tiersInCurrencies: rejectedText.tiersInCurrencies,
  filterCurrency: rejectedText.filterCurrency,
  tierCurrency: rejectedText.tierCurrency,
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

/**
 * The item's lines: a line is a project's index in the snapshot, with the
 * tier it reached; its project and timeline are read from there.
 */
class ProjectLines implements LineSource {
  readonly #item: Extract<ScoringItem, { readonly kind: "per-project" }>
  readonly #projects: ReadonlyArray<Project.Project>
  readonly #timelines: ReadonlyArray<Lifecycle.Timeline | undefined>
  readonly #tiers: ReadonlyArray<Money.Money>
  readonly #idOrdered: () => boolean
  /** The index of the tier each project reached, when the item has tiers. */
  readonly tierOf: Uint8Array | Int32Array | undefined
  constructor(
    item: Extract<ScoringItem, { readonly kind: "per-project" }>,
    projects: ReadonlyArray<Project.Project>,
    timelines: ReadonlyArray<Lifecycle.Timeline | undefined>,
    tiers: ReadonlyArray<Money.Money>,
    idOrdered: () => boolean
  ) {
    this.#item = item
    this.#projects = projects
    this.#timelines = timelines
    this.#tiers = tiers
    this.#idOrdered = idOrdered
    this.tierOf =
      tiers.length === 0
        ? undefined
        : tiers.length < 256
          ? new Uint8Array(projects.length)
          : new Int32Array(projects.length)
  }
  key(row: number): string {
    return this.#projects[row]!.id
  }
  /** The rows themselves when the projects come in id order, as a snapshot's usually do. */
  ranks(): "row" | undefined {
    return this.#idOrdered() ? "row" : undefined
  }
  render(row: number, raw: P.Micro): Rendered {
    const p = this.#projects[row]!
    const tier = this.tierOf === undefined ? undefined : this.#tiers[this.tierOf[row]!]
    const total = p.investment?.total
    return {
      facts: {
        project: p.id,
        name: p.name,
        ...(total ? { investment: money(total) } : {}),
        stage: this.#timelines[row]!.stage ?? "none"
      },
      arithmetic: `${P.format(raw)}${tier === undefined ? "" : ` (≥ ${money(tier)})`}`,
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

// One instance kept for the life of the module (see `lines.ts`).
const KEPT = new ProjectLines(
  { kind: "per-project", id: "", title: { zh: "", en: "" }, clause: "", filter: {} },
  [],
  [],
  [],
  () => true
)
void KEPT

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
  // The filter and the tiers' bounds prepared once for every project: over
  // the view's columns when the item scores the view's own projects.
  const projects = env.snapshot.projects
  const view = env.context.view
  const own = view.snapshot === env.snapshot
  const matchesAt = own ? Progress.matcherAt(view, item.filter, env.window) : undefined
  const matches = Progress.matcher(item.filter, env.window)
  const reaches = tiers.map((tier) => Money.comparedToUnsafe(tier.from))
  // Totals and bounds in whole fen where both are (NaN where not: compared exactly).
  const bounds = tiers.map((t) => Money.toFen(t.from))
  const fen =
    own && tierCurrency !== undefined && !bounds.some(Number.isNaN)
      ? View.investmentFen(view, tierCurrency)
      : undefined
  const timelines = own
    ? View.timelinesInOrder(view)
    : projects.map((p) => env.context.timelines.get(p.id))
  const lines = new ProjectLines(
    item,
    projects,
    timelines,
    tiers.map((t) => t.from),
    env.idOrdered
  )
  const count = tiers.length
  // The projects credited and their points, credited together at the end.
  const credited = Scratch.int32("perProject.credited", projects.length)
  const points = Scratch.float64("perProject.points", projects.length)
  let n = 0
  for (let i = 0; i < projects.length; i++) {
    const t = timelines[i]
    if (t === undefined) continue
    const m = matchesAt !== undefined ? matchesAt(i) : matches(projects[i]!, t)
    if (m === "currency-mismatch") {
      env.reject(projects[i]!.id, messages.filterCurrency)
      continue
    }
    if (!m) continue
    let raw = base
    if (count > 0) {
      // Tiers are sorted highest first: the first one reached applies.
      let k = 0
      const f = fen === undefined ? Number.NaN : fen[i]!
      if (!Number.isNaN(f)) {
        while (k < count && f < bounds[k]!) k++
      } else {
        const p = projects[i]!
        const total = p.investment?.total
        if (total === undefined) continue
        if (total.currency !== tierCurrency) {
          env.reject(p.id, messages.tierCurrency(total.currency, tierCurrency))
          continue
        }
        while (k < count && reaches[k]!(total) < 0) k++
      }
      if (k === count) continue
      raw = tiers[k]!.points
      lines.tierOf![i] = k
    }
    if (raw === 0) continue
    credited[n] = i
    points[n] = raw
    n++
  }
  try {
    env.creditProjectRows(lines, credited, credited, points, n)
  } finally {
    Scratch.release("perProject.credited", "perProject.points")
  }
  return undefined
}
