/**
 * The province's league table of counties (全省排名): every county's standing
 * under the same policy, ranked by score, then completion, then county id —
 * a total order, so the table is the same bytes however the counties were
 * assessed (one process, or many threads on many servers) and in whatever
 * order their standings arrive.
 *
 * @since 0.1.0
 */
import * as Result from "effect/Result"
import { InvalidCounty } from "./ProvinceError.js"
import type { ProvincePolicy } from "./ProvincePolicy.js"
import type { Standing } from "./Standing.js"

/**
 * A county's row: its rank and its standing. Counties equal in score and
 * completion share a rank ("1, 2, 2, 4").
 *
 * @example
 * {@includeCode ../examples/Standing.ts#league}
 *
 * @since 0.1.0
 * @category models
 */
export interface Row extends Standing {
  readonly rank: number
}

/**
 * The league table: the policy (id and version), the as-of date, and a row
 * per county, best first.
 *
 * @example
 * {@includeCode ../examples/Standing.ts#league}
 *
 * @since 0.1.0
 * @category models
 */
export interface LeagueTable {
  readonly policy: { readonly id: string; readonly version: string }
  readonly asOf: string
  readonly counties: ReadonlyArray<Row>
}

const fraction = (text: string) => {
  const [n, d] = text.split("/")
  return { n: BigInt(n!), d: BigInt(d ?? "1") }
}

/** `a` against `b`, exactly, for two `"numerator/denominator"` texts. */
const compare = (a: string, b: string): number => {
  const x = fraction(a)
  const y = fraction(b)
  const l = x.n * y.d
  const r = y.n * x.d
  return l < r ? -1 : l > r ? 1 : 0
}

const order = (a: Standing, b: Standing): number =>
  compare(b.score, a.score) ||
  compare(b.completion, a.completion) ||
  (a.county < b.county ? -1 : a.county > b.county ? 1 : 0)

/**
 * Merges the counties' standings into the league table. Fails with
 * `InvalidCounty` (`duplicate`) when a county comes twice.
 *
 * @example
 * {@includeCode ../examples/Standing.ts#league}
 *
 * @since 0.1.0
 * @category constructors
 */
export const merge = (
  policy: ProvincePolicy,
  standings: Iterable<Standing>
): Result.Result<LeagueTable, InvalidCounty> => {
  const sorted = [...standings].sort(order)
  const seen = new Set<string>()
  for (const s of sorted) {
    if (seen.has(s.county))
      return Result.fail(
        new InvalidCounty({
          code: "duplicate",
          county: s.county,
          field: "",
          detail: "assessed twice"
        })
      )
    seen.add(s.county)
  }
  const counties: Array<Row> = []
  for (const [i, s] of sorted.entries()) {
    const previous = sorted[i - 1]
    const tied =
      previous !== undefined &&
      compare(previous.score, s.score) === 0 &&
      compare(previous.completion, s.completion) === 0
    counties.push({ rank: tied ? counties[i - 1]!.rank : i + 1, ...s })
  }
  return Result.succeed({
    policy: { id: policy.id, version: policy.version },
    asOf: policy.asOf,
    counties
  })
}

/**
 * The league table as JSON text (two-space indent, a final newline): what is
 * published and compared byte for byte.
 *
 * @example
 * {@includeCode ../examples/Standing.ts#league}
 *
 * @since 0.1.0
 * @category formatting
 */
export const render = (table: LeagueTable): string => `${JSON.stringify(table, null, 2)}\n`
