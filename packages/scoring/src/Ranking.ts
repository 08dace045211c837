/**
 * Ranking (排名): a total order of units by score, with a documented
 * tie-break, and shared ranks for ties ("1, 2, 2, 4") or not, by option.
 *
 * @since 0.1.0
 */
import type { Ties } from "./ScoringPolicy.js"

/**
 * What ranking reads of a unit: its total and the points it earned before
 * deductions (the first tie-break).
 *
 * @example
 * {@includeCode ../examples/Ranking.ts#rank}
 *
 * @since 0.1.0
 * @category models
 */
export interface Entry {
  readonly unit: string
  readonly total: number
  readonly earned: number
}

/**
 * Orders entries: total, highest first; then points earned; then unit id.
 * This is a total order, so the ranking never depends on input order.
 *
 * @example
 * {@includeCode ../examples/Ranking.ts#rank}
 *
 * @since 0.1.0
 * @category ordering
 */
export const order = (a: Entry, b: Entry): number =>
  b.total - a.total || b.earned - a.earned || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0)

/**
 * Ranks entries: each gets its place in {@link order}; with `shared` ties,
 * entries with equal totals share the rank of the first of them.
 *
 * @example
 * {@includeCode ../examples/Ranking.ts#rank}
 *
 * @since 0.1.0
 * @category ranking
 */
export const rank = (
  entries: ReadonlyArray<Entry>,
  ties: Ties = "shared"
): ReadonlyArray<{ readonly unit: string; readonly rank: number }> => {
  const sorted = [...entries].sort(order)
  const out: Array<{ unit: string; rank: number }> = []
  sorted.forEach((e, i) => {
    const previous = sorted[i - 1]
    const shared = ties === "shared" && previous !== undefined && previous.total === e.total
    out.push({ unit: e.unit, rank: shared ? out[i - 1]!.rank : i + 1 })
  })
  return out
}
