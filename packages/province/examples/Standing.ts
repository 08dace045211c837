import { deepEqual, equal } from "node:assert/strict"
import { County, League, ProvincePolicy, Standing } from "@gongjian/province"
import * as Result from "effect/Result"

// #region policy
// The same policy for every county; a county's own goal comes from the allocations.
const policy = ProvincePolicy.standard({ allocations: [{ county: "c002", goal: 8 }] })
deepEqual(
  policy.targets.map((t) => t.id),
  ["start-rate", "started-in-year"]
)
equal(policy.completionPoints, 100)
// As JSON (what the worker threads are sent) and back.
deepEqual(
  ProvincePolicy.decodeUnsafe(JSON.parse(JSON.stringify(ProvincePolicy.encode(policy)))),
  policy
)
// #endregion policy

// #region standing
// A county's standing from its snapshot alone: completion, findings, score.
const file = County.generate({ id: "c001", projects: 50 })
const standing = Result.getOrThrow(Standing.of("c001", file, policy))
equal(standing.projects, 50)
const startRate: Standing.TargetStanding = standing.targets[0]!
equal(startRate.target, "start-rate")
deepEqual(
  standing.targets.map((t) => [t.target, t.goal]),
  [
    ["start-rate", "0.8"],
    ["started-in-year", "5"]
  ]
)
// Exact: the score is 100 × completion plus the findings' points.
const [n, d] = standing.completion.split("/").map(BigInt)
const [sn, sd] = standing.score.split("/").map(BigInt)
equal(sn! * d!, (100n * n! + BigInt(standing.findingPoints) * d!) * sd!)
// #endregion standing

// #region league
// The league table: the same bytes whatever order the standings come in.
const standings = County.ids(4).map((id) =>
  Result.getOrThrow(Standing.of(id, County.generate({ id, projects: 50 }), policy))
)
const table: League.LeagueTable = Result.getOrThrow(League.merge(policy, standings))
const best: League.Row = table.counties[0]!
equal(best.rank, 1)
equal(
  League.render(table),
  League.render(Result.getOrThrow(League.merge(policy, standings.reverse())))
)
deepEqual(
  table.counties.map((c) => c.rank),
  [1, 2, 3, 4]
)
// #endregion league
