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
// A body that does not fit the schema: 400, with where and which field.
const bad = new Errors.BadRequest({
  message: "the request does not fit the schema: 1 problem(s); nothing was written",
  problems: [
    {
      path: "body.value.investment",
      record: "project A1",
      field: "investment",
      code: "missing-key",
      message: "Missing key"
    }
  ]
})
equal(bad.problems[0]!.code, "missing-key")
equal(new Errors.NotFound({ message: "no such campaign" })._tag, "NotFound")
equal(new Errors.Unauthenticated({ message: "sign in first" })._tag, "Unauthenticated")
equal(new Errors.TooManyAttempts({ message: "wait", retryAfterSeconds: 60 }).retryAfterSeconds, 60)
equal(Errors.Problem.fields.field !== undefined, true)
// A body over the server's limit: 413, with the limit and the declared size.
const large = new Errors.PayloadTooLarge({
  message: "PUT /api/campaigns/c/projects/A1: the request body has 70302 bytes; the limit is 65536",
  limit: 65536,
  size: 70302
})
equal(large.limit, 65536)
// #endregion errors
