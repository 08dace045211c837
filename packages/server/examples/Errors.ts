import { equal } from "node:assert/strict"
import { Errors } from "@gongjian/server"

// #region errors
const denied = new Errors.Forbidden({ message: "project B1: reporter-a may not write it" })
equal(denied._tag, "Forbidden")
const invalid = new Errors.Invalid({
  message: "project A1: the campaign would have 1 problem(s); nothing was written",
  problems: [
    {
      path: "projects[0].unit",
      record: "project A1",
      field: "unit",
      code: "unknown-unit",
      message: "unknown unit"
    }
  ]
})
equal(invalid.problems[0]!.record, "project A1")
equal(new Errors.NotFound({ message: "no such campaign" })._tag, "NotFound")
equal(new Errors.Unauthenticated({ message: "sign in first" })._tag, "Unauthenticated")
equal(new Errors.TooManyAttempts({ message: "wait", retryAfterSeconds: 60 }).retryAfterSeconds, 60)
equal(Errors.Problem.fields.field !== undefined, true)
// #endregion errors
