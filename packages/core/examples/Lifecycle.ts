import { deepStrictEqual, equal } from "node:assert/strict"
import { Lifecycle, Money } from "@gongjian/core"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"

// #region fold
const events: ReadonlyArray<Lifecycle.ProjectEvent> = [
  // Input order does not matter: the fold sorts by date.
  { type: "started", date: "2026-04-18" },
  { type: "signed", date: "2026-03-02" },
  { type: "land-supplied", date: "2026-03-30" },
  { type: "funds-arrived", date: "2026-05-10", amount: Money.parseUnsafe("3000万元") },
  { type: "delay-exempted", date: "2026-08-01", until: "2026-08-31", reason: "防汛" },
  { type: "delay-exempted", date: "2026-06-01", until: "2026-06-20", reason: "规划调整" },
  { type: "completed", date: "2027-01-15" } // after as-of: not applied yet
]
// Every event has an EventType; only some of them move the project to a Stage.
equal(Schema.is(Lifecycle.EventType)("funds-arrived"), true)
equal(Schema.is(Lifecycle.Stage)("funds-arrived"), false)

const timeline: Lifecycle.Timeline = Result.getOrThrow(
  Lifecycle.fold({ id: "P-001", events }, { asOf: "2026-11-22" })
)
const stage: Lifecycle.Stage | undefined = timeline.stage
equal(stage, "started")
const milestones: Lifecycle.Milestones = timeline.milestones
deepStrictEqual(milestones, {
  signed: "2026-03-02",
  "land-supplied": "2026-03-30",
  started: "2026-04-18"
})
// Pauses not caused by the enterprise, kept in exemptionOrder (first day, last day, reason).
deepStrictEqual(timeline.exemptions, [...timeline.exemptions].sort(Lifecycle.exemptionOrder))
equal(timeline.exemptions[0]!.reason, "规划调整")
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
const error = Result.isFailure(bad) ? bad.failure : undefined
equal(error instanceof Lifecycle.LifecycleError && error.problem, "out-of-order")
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
// The engines report such a project in Chinese and English.
equal(
  Lifecycle.errorText(error!).zh,
  "项目P-002的第1号事件（开工，2026-04-01）：早于此前已达到的阶段，顺序不可能，该项目的履历无法整理，不予评判"
)

equal(Lifecycle.isClosed(timelines[0]!), true)
equal(errors[0]?.problem, "after-exit")
// #endregion errors

// #region model
equal(Lifecycle.isStageEvent("started"), true)
equal(Lifecycle.isStageEvent("funds-arrived"), false)
// A county whose projects must be supplied land before they start:
const transitions: Lifecycle.Transitions = {
  ...Lifecycle.defaultModel.transitions,
  signed: ["land-supplied", "exited"]
}
const strict: Lifecycle.Model = { ...Lifecycle.defaultModel, transitions }
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
