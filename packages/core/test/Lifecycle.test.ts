import { Lifecycle, LocalDate, Money, Problem } from "@gongjian/core"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"

type Event = Lifecycle.ProjectEvent
const asOf = "2026-11-22"
const fold = (events: ReadonlyArray<Event>, id = "P-1") => Lifecycle.fold({ id, events }, { asOf })
const failure = (events: ReadonlyArray<Event>) => {
  const r = fold(events)
  if (Result.isSuccess(r)) throw new Error("expected a failure")
  return r.failure
}

describe("fold", () => {
  it("gives the stage and every milestone date", () => {
    const r = Result.getOrThrow(
      fold([
        { type: "negotiating", date: "2025-11-02" },
        { type: "signed", date: "2026-01-08" },
        { type: "land-supplied", date: "2026-02-10" },
        { type: "started", date: "2026-04-01" },
        { type: "completed", date: "2026-10-30" },
        { type: "registered", date: "2026-05-01" }
      ])
    )
    expect(r.stage).toBe("completed")
    expect(r.milestones).toEqual({
      negotiating: "2025-11-02",
      signed: "2026-01-08",
      "land-supplied": "2026-02-10",
      started: "2026-04-01",
      completed: "2026-10-30"
    })
    expect(r.registeredOn).toBe("2026-05-01")
  })

  it("applies same-day events in lifecycle order, whatever the input order", () => {
    const r = Result.getOrThrow(
      fold([
        { type: "started", date: "2026-03-01" },
        { type: "land-supplied", date: "2026-03-01" },
        { type: "signed", date: "2026-03-01" }
      ])
    )
    expect(r.stage).toBe("started")
  })

  it("lets a stock project start on its own land, and exit from any stage", () => {
    expect(
      Result.isSuccess(
        fold([
          { type: "signed", date: "2026-01-01" },
          { type: "started", date: "2026-02-01" }
        ])
      )
    ).toBe(true)
    const exited = Result.getOrThrow(
      fold([
        { type: "negotiating", date: "2026-01-01" },
        { type: "exited", date: "2026-02-01" }
      ])
    )
    expect(exited.stage).toBe("exited")
  })

  it("reclaims land after exit, and nothing else", () => {
    const events: Array<Event> = [
      { type: "signed", date: "2025-01-01" },
      { type: "land-supplied", date: "2025-02-01" },
      { type: "exited", date: "2026-01-10" },
      { type: "land-reclaimed", date: "2026-03-01" }
    ]
    expect(Result.getOrThrow(fold(events)).stage).toBe("land-reclaimed")
    expect(
      failure([
        ...events,
        { type: "funds-arrived", date: "2026-04-01", amount: Money.parseUnsafe("1万元") }
      ])
    ).toMatchObject({
      problem: "after-exit",
      event: 4,
      type: "funds-arrived"
    })
  })

  it("names the project and the event of an impossible history", () => {
    const e = failure([
      { type: "signed", date: "2026-05-01" },
      { type: "started", date: "2026-04-01" }
    ])
    expect(e).toMatchObject({
      _tag: "LifecycleError",
      project: "P-1",
      event: 1,
      type: "started",
      problem: "out-of-order"
    })
    expect(e.message).toBe(
      "Project P-1, event 1 (started on 2026-04-01): started on 2026-04-01 comes before signed on 2026-05-01"
    )
  })

  it("rejects starting without signing, duplicate stages, and producing before starting", () => {
    expect(failure([{ type: "started", date: "2026-01-01" }]).problem).toBe("not-allowed")
    expect(
      failure([
        { type: "signed", date: "2026-01-01" },
        { type: "signed", date: "2026-02-01" }
      ]).problem
    ).toBe("duplicate-stage")
    expect(
      failure([
        { type: "signed", date: "2026-01-01" },
        { type: "in-production", date: "2026-02-01" }
      ]).detail
    ).toBe("in-production cannot follow signed; from signed come land-supplied, started, exited")
  })

  it("each event type has its own required fields, checked when decoded", () => {
    const decode = Schema.decodeUnknownResult(Lifecycle.ProjectEvent)
    const missing = (input: unknown) => {
      const r = decode(input, { errors: "all", onExcessProperty: "error" })
      return Result.isFailure(r)
        ? Problem.fromIssue(r.failure.issue).map((p) => `${p.code} ${Problem.formatPath(p.path)}`)
        : []
    }
    expect(missing({ type: "funds-arrived", date: "2026-02-01" })).toEqual(["missing-key amount"])
    expect(missing({ type: "delay-exempted", date: "2026-02-01", reason: "疫情" })).toEqual([
      "missing-key until"
    ])
    expect(missing({ type: "rectification-ordered", date: "2026-02-01" })).toEqual([
      "missing-key deadline"
    ])
    // A field of another type is not this type's: it is rejected, not ignored.
    expect(missing({ type: "signed", date: "2026-02-01", deadline: "2026-03-01" })).toEqual([
      "unexpected-key deadline"
    ])
    expect(missing({ type: "signed", date: "2026-02-01", note: "集中签约" })).toEqual([])
  })

  it("checks the ranges and order of events", () => {
    expect(
      failure([
        { type: "signed", date: "2026-01-01" },
        { type: "delay-exempted", date: "2026-02-01", until: "2026-01-15", reason: "征迁" }
      ]).problem
    ).toBe("bad-range")
    expect(
      failure([
        { type: "signed", date: "2026-01-01" },
        { type: "rectified", date: "2026-02-01" }
      ]).problem
    ).toBe("not-allowed")
  })

  it("collects funds, exemptions and rectifications", () => {
    const r = Result.getOrThrow(
      fold([
        { type: "signed", date: "2026-01-01" },
        { type: "funds-arrived", date: "2026-02-01", amount: Money.parseUnsafe("1.2亿元") },
        { type: "funds-arrived", date: "2026-03-01", amount: Money.parseUnsafe("3000万元") },
        { type: "funds-arrived", date: "2026-03-02", amount: Money.parseUnsafe("100万美元") },
        { type: "delay-exempted", date: "2026-04-01", until: "2026-05-15", reason: "征迁未完成" },
        { type: "rectification-ordered", date: "2026-06-01", deadline: "2026-08-31" },
        { type: "rectified", date: "2026-08-20" },
        { type: "rectification-ordered", date: "2026-10-01", deadline: "2026-12-31" }
      ])
    )
    expect(Money.format(r.fundsArrived.CNY)).toBe("1.5亿元")
    expect(Money.format(r.fundsArrived.USD)).toBe("100万美元")
    expect(r.exemptions).toEqual([
      { from: "2026-04-01", until: "2026-05-15", reason: "征迁未完成" }
    ])
    expect(r.rectifications).toEqual([
      { ordered: "2026-06-01", deadline: "2026-08-31", resolvedOn: "2026-08-20" },
      { ordered: "2026-10-01", deadline: "2026-12-31", resolvedOn: undefined }
    ])
  })

  it("does not apply events dated after as-of, and counts them", () => {
    const r = Result.getOrThrow(
      fold([
        { type: "signed", date: "2026-01-01" },
        { type: "started", date: "2027-01-01" }
      ])
    )
    expect(r.stage).toBe("signed")
    expect(r.later).toBe(1)
  })
})

// ── properties ─────────────────────────────────────────────────────────────
const stageIds = Lifecycle.defaultModel.stages.map((s) => s.id)
const date = fc
  .integer({ min: LocalDate.toDays("2024-01-01"), max: LocalDate.toDays("2027-06-30") })
  .map(LocalDate.fromDays)

/** Any events at all, most of them impossible histories. */
const anyEvents: fc.Arbitrary<ReadonlyArray<Event>> = fc.array(
  fc.record({
    type: fc.constantFrom<Lifecycle.Stage | "registered">(...stageIds, "registered"),
    date
  }),
  { maxLength: 8 }
)

/** A walk along the allowed transitions with dates that never go back. */
const validHistory: fc.Arbitrary<ReadonlyArray<Event>> = fc
  .tuple(
    fc.array(fc.nat({ max: 5 }), { maxLength: 8 }),
    fc.array(fc.nat({ max: 200 }), { minLength: 8, maxLength: 8 }),
    date
  )
  .map(([choices, gaps, start]) => {
    const events: Array<Event> = []
    let options: ReadonlyArray<Lifecycle.Stage> = Lifecycle.defaultModel.initial
    let d = start
    choices.forEach((c, i) => {
      if (options.length === 0) return
      const next = options[c % options.length]!
      d = LocalDate.addDays(d, gaps[i]!)
      events.push({ type: next, date: d })
      options = Lifecycle.defaultModel.transitions[next]
    })
    return events
  })

const shuffled = <A>(xs: ReadonlyArray<A>) =>
  fc.shuffledSubarray(xs as Array<A>, { minLength: xs.length, maxLength: xs.length })

describe("fold properties", () => {
  it("never yields an impossible stage", () => {
    fc.assert(
      fc.property(fc.oneof(anyEvents, validHistory), (events) => {
        const r = fold(events)
        if (Result.isFailure(r)) return
        const t = r.success
        const reached = Object.entries(t.milestones).sort((a, b) =>
          a[1] !== b[1]
            ? a[1] < b[1]
              ? -1
              : 1
            : stageIds.indexOf(a[0] as Lifecycle.Stage) - stageIds.indexOf(b[0] as Lifecycle.Stage)
        )
        // Every milestone is dated on or before as-of.
        for (const [, d] of reached) expect(d <= asOf).toBe(true)
        // The milestones, in date order, are a path through the model.
        let allowed: ReadonlyArray<string> = Lifecycle.defaultModel.initial
        for (const [stage] of reached) {
          expect(allowed).toContain(stage)
          allowed = Lifecycle.defaultModel.transitions[stage as Lifecycle.Stage]
        }
        // The stage is the last milestone.
        expect(t.stage).toBe(reached.at(-1)?.[0])
      })
    )
  })

  it("valid histories always fold", () => {
    fc.assert(
      fc.property(validHistory, (events) => {
        expect(Result.isSuccess(fold(events))).toBe(true)
      })
    )
  })

  it("does not depend on the order of the events", () => {
    fc.assert(
      fc.property(
        fc
          .oneof(anyEvents, validHistory)
          .chain((events) => fc.tuple(fc.constant(events), shuffled(events))),
        ([events, reordered]) => {
          const a = fold(events)
          const b = fold(reordered)
          expect(Result.isSuccess(a)).toBe(Result.isSuccess(b))
          if (Result.isSuccess(a) && Result.isSuccess(b)) expect(b.success).toEqual(a.success)
          if (Result.isFailure(a) && Result.isFailure(b)) {
            // The same event is named (its index follows the input order).
            const ea = events[a.failure.event]!
            const eb = reordered[b.failure.event]!
            expect([eb.type, eb.date, b.failure.problem]).toEqual([
              ea.type,
              ea.date,
              a.failure.problem
            ])
          }
        }
      )
    )
  })
})

describe("reachedOn", () => {
  const t = Result.getOrThrow(
    fold([
      { type: "signed", date: "2026-01-08" },
      { type: "started", date: "2026-04-01" },
      { type: "exited", date: "2026-09-01" }
    ])
  )
  it("takes a stage's own milestone, or the earliest later one", () => {
    expect(Lifecycle.reachedOn(t, "signed")).toBe("2026-01-08")
    expect(Lifecycle.reachedOn(t, "land-supplied")).toBe("2026-04-01")
    expect(Lifecycle.reachedOn(t, "planned")).toBe("2026-01-08")
    expect(Lifecycle.reachedOn(t, "completed")).toBeUndefined()
  })
  it("counts terminal stages only by their own milestone", () => {
    expect(Lifecycle.reachedOn(t, "exited")).toBe("2026-09-01")
    expect(Lifecycle.hasReached(t, "land-reclaimed")).toBe(false)
  })
})
