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
const problems: ReadonlyArray<Problem.SchemaProblem> = Problem.fromIssue(r.failure.issue)
deepStrictEqual(
  problems.map((p) => [Problem.formatPath(p.path), p.code]),
  [
    ["nmae", "unexpected-key"],
    ["name", "missing-key"]
  ]
)
equal(problems[1]!.message, "Missing key")
equal(problems[1]!.quotesInput, false)
// Codes are stable: a caller branches on them, never on the message.
const missing: Problem.SchemaCode = "missing-key"
equal(problems.filter((p) => p.code === missing).length, 1)
// #endregion issue

// #region path
equal(Problem.formatPath(["projects", 3, "events", 1, "date"]), "projects[3].events[1].date")
equal(Problem.formatPath([]), "")
// #endregion path
