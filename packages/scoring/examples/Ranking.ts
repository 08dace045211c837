import { deepStrictEqual } from "node:assert/strict"
import { Ranking, type ScoringPolicy } from "@gongjian/scoring"

// #region rank
const entries: ReadonlyArray<Ranking.Entry> = [
  { unit: "c", total: 80, earned: 90 },
  { unit: "a", total: 95, earned: 95 },
  { unit: "b", total: 80, earned: 85 },
  { unit: "d", total: 70, earned: 70 }
]
// Shared ties: "1, 2, 2, 4" — ordered by points earned inside the tie.
const ties: ScoringPolicy.Ties = "shared" // a policy's default
deepStrictEqual(Ranking.rank(entries, ties), [
  { unit: "a", rank: 1 },
  { unit: "c", rank: 2 },
  { unit: "b", rank: 2 },
  { unit: "d", rank: 4 }
])
// Broken ties: points earned, then unit id.
deepStrictEqual(
  Ranking.rank(entries, "broken").map((r) => r.rank),
  [1, 2, 3, 4]
)
deepStrictEqual(
  [...entries].sort(Ranking.order).map((e) => e.unit),
  ["a", "c", "b", "d"]
)
// #endregion rank
