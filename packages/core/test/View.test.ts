import { Lifecycle, LocalDate, Snapshot, View } from "@gongjian/core"
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import { baseInput } from "./fixtures.js"

/** Three projects: one with a history after as-of, one exited, one that cannot be folded. */
const input = () => ({
  ...baseInput(),
  projects: [
    {
      id: "P-1",
      name: "甲",
      unit: "town-a",
      sector: "secondary",
      events: [
        { type: "signed", date: "2025-11-30" },
        { type: "land-supplied", date: "2026-01-15" },
        { type: "started", date: "2026-03-01" },
        { type: "completed", date: "2026-06-30" }
      ]
    },
    {
      id: "P-2",
      name: "乙",
      unit: "town-b",
      sector: "tertiary",
      events: [
        { type: "signed", date: "2024-02-29" },
        { type: "exited", date: "2026-02-01" }
      ]
    }
  ]
})

/** Each timeline's milestone as a day number, read from the timelines one by one. */
const expected = (view: View.View, stage: Lifecycle.Stage) =>
  View.timelinesInOrder(view).map((t) => {
    const on = t?.milestones[stage]
    return on === undefined ? View.notReached : LocalDate.toDays(on)
  })

describe("View.milestoneDays", () => {
  it("gives every project's milestone as a day number, the same whether decode or the view folded it", () => {
    const snapshot = Result.getOrThrow(Snapshot.decode(input()))
    const views = [
      View.make(snapshot),
      View.make(snapshot, { asOf: "2026-02-15" }),
      View.make(snapshot, { asOf: "2026-12-31" })
    ]
    for (const view of views)
      for (const stage of Lifecycle.Stage.literals)
        expect([...View.milestoneDays(view, stage)]).toEqual(expected(view, stage))
    // As of its date (2026-04-10), P-1 has started (2026-03-01) but not completed.
    expect([...View.milestoneDays(views[0]!, "started")]).toEqual([
      LocalDate.toDays("2026-03-01"),
      View.notReached
    ])
    expect([...View.milestoneDays(views[0]!, "completed")]).toEqual([
      View.notReached,
      View.notReached
    ])
    expect([...View.milestoneDays(views[2]!, "completed")]).toEqual([
      LocalDate.toDays("2026-06-30"),
      View.notReached
    ])
    expect([...View.milestoneDays(views[1]!, "exited")]).toEqual([
      View.notReached,
      LocalDate.toDays("2026-02-01")
    ])
  })

  it("has no milestone for a project whose history cannot be folded", () => {
    const s = input()
    // Started before it signed: the history cannot be folded.
    s.projects[0]!.events = [
      { type: "started", date: "2026-01-01" },
      { type: "signed", date: "2026-02-01" }
    ]
    const snapshot = {
      ...Result.getOrThrow(Snapshot.decode(input())),
      projects: s.projects
    } as never
    const view = View.make(snapshot)
    expect(view.unfolded.map((e) => e.project)).toEqual(["P-1"])
    expect(View.milestoneDays(view, "started")[0]).toBe(View.notReached)
    expect(View.milestoneDays(view, "signed")[1]).toBe(LocalDate.toDays("2024-02-29"))
  })

  it("keeps a milestone not reached later than every deadline", () => {
    expect(View.notReached).toBeGreaterThan(LocalDate.toDays("9999-12-31"))
  })
})
