import { deepStrictEqual, equal } from "node:assert/strict"
import { Lifecycle, Money } from "@gongjian/core"
import * as Result from "effect/Result"

// #region fold
const project = {
  id: "P-001",
  events: [
    // Input order does not matter: the fold sorts by date.
    { type: "started", date: "2026-04-18" },
    { type: "signed", date: "2026-03-02" },
    { type: "land-supplied", date: "2026-03-30" },
    { type: "funds-arrived", date: "2026-05-10", amount: Money.parseUnsafe("3000万元") },
    { type: "completed", date: "2027-01-15" } // after as-of: not applied yet
  ]
} satisfies Pick<import("@gongjian/core").Project.Project, "id" | "events">

const timeline = Result.getOrThrow(Lifecycle.fold(project, { asOf: "2026-11-22" }))
equal(timeline.stage, "started")
deepStrictEqual(timeline.milestones, {
  signed: "2026-03-02",
  "land-supplied": "2026-03-30",
  started: "2026-04-18"
})
equal(Money.format(timeline.fundsArrived.CNY), "3000万元")
equal(timeline.later, 1)
equal(Lifecycle.hasReached(timeline, "signed"), true)
// Signed without a recorded 在谈: it had been negotiating by the day it signed.
equal(Lifecycle.reachedOn(timeline, "negotiating"), "2026-03-02")
equal(Lifecycle.hasReached(timeline, "exited"), false)
// Prepared once for a stage, asked of many timelines:
const negotiatingOn = Lifecycle.reachedOnOf("negotiating")
equal(negotiatingOn(timeline), "2026-03-02")
// #endregion fold

// #region errors
// Started before it was signed: an impossible history, named precisely.
const bad = Lifecycle.fold(
  {
    id: "P-002",
    events: [
      { type: "signed", date: "2026-05-01" },
      { type: "started", date: "2026-04-01" }
    ]
  },
  { asOf: "2026-11-22" }
)
equal(
  Result.isFailure(bad) && bad.failure.message,
  "Project P-002, event 1 (started on 2026-04-01): started on 2026-04-01 comes before signed on 2026-05-01"
)

const { timelines, errors } = Lifecycle.foldAll(
  [
    {
      id: "P-003",
      events: [
        { type: "signed", date: "2026-01-05" },
        { type: "exited", date: "2026-09-01" }
      ]
    },
    {
      id: "P-004",
      events: [
        { type: "signed", date: "2026-01-01" },
        { type: "exited", date: "2026-01-05" },
        { type: "started", date: "2026-02-01" }
      ]
    }
  ],
  { asOf: "2026-11-22" }
)
equal(Lifecycle.isClosed(timelines[0]!), true)
equal(errors[0]?.problem, "after-exit")
// #endregion errors

// #region model
equal(Lifecycle.isStageEvent("started"), true)
equal(Lifecycle.isStageEvent("funds-arrived"), false)
// A county whose projects must be supplied land before they start:
const strict: Lifecycle.Model = {
  ...Lifecycle.defaultModel,
  transitions: { ...Lifecycle.defaultModel.transitions, signed: ["land-supplied", "exited"] }
}
const r = Lifecycle.fold(
  {
    id: "P-005",
    events: [
      { type: "signed", date: "2026-01-05" },
      { type: "started", date: "2026-02-01" }
    ]
  },
  { asOf: "2026-11-22", model: strict }
)
equal(Result.isFailure(r) && r.failure.problem, "not-allowed")
// #endregion model
