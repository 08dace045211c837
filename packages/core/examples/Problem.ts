import { deepStrictEqual, equal } from "node:assert/strict"
import { Problem } from "@gongjian/core"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"

// #region issue
// A project with a misspelt field and no name: two problems, each with its
// code, found by the issue's tag.
const Project = Schema.Struct({ id: Schema.String, name: Schema.String })
const r = Schema.decodeUnknownResult(Project)(
  { id: "P-1", nmae: "光伏组件" },
  { errors: "all", onExcessProperty: "error" }
)
if (Result.isSuccess(r)) throw new Error("expected problems")
const problems = Problem.fromIssue(r.failure.issue)
deepStrictEqual(
  problems.map((p) => [Problem.formatPath(p.path), p.code]),
  [
    ["nmae", "unexpected-key"],
    ["name", "missing-key"]
  ]
)
equal(problems[1]!.message, "Missing key")
equal(problems[1]!.quotesInput, false)
// #endregion issue

// #region path
equal(Problem.formatPath(["projects", 3, "events", 1, "date"]), "projects[3].events[1].date")
equal(Problem.formatPath([]), "")
// #endregion path
