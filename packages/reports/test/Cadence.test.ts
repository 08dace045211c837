import type { Activity, Campaign, Project } from "@gongjian/core"
import { Samples } from "@gongjian/policies"
import { describe, expect, it } from "vitest"
import { Cadence } from "../src/index.js"

const campaign = (
  window: { start: string; end: string },
  cadence: ReadonlyArray<typeof Campaign.Reporting.Type>
) => ({
  id: "c",
  title: "测试攻坚",
  kind: "other" as const,
  window,
  phases: [],
  cadence,
  assessedUnitKinds: ["town" as const],
  targets: []
})
const dispatch = (id: string, date: string, projects?: Array<string>): Activity.Activity => ({
  id,
  kind: "dispatch",
  unit: "county",
  date,
  ...(projects ? { projects } : {})
})
const project = (id: string, flags: Array<string>): Project.Project => ({
  id,
  name: id,
  unit: "town-a",
  sector: "secondary",
  flags,
  events: []
})

describe("Cadence.occurrences", () => {
  it("finds the one weekly dispatch the 002 sample misses, and only that one", () => {
    // 002 四.3 一周一调度 over 2026-08-01 … 2026-09-30. ISO weeks 31 … 40 touch the
    // window; week 31's part (Sat 1 and Sun 2 August) has no working day, so
    // nine weeks are due (W32 … W40). The sample holds a dispatch on the first
    // working day of each of them except week 38 (14–20 September), whose last
    // working day is Sunday 20 September, a make-up working day before the
    // National Day holiday: overdue as of 2026-10-15.
    const s = Samples.load("002-investment-drive")
    const dispatches = Cadence.occurrences(s).filter((o) => o.kind === "dispatch")
    expect(dispatches.map((o) => o.period.label)).toEqual([
      "2026-W32",
      "2026-W33",
      "2026-W34",
      "2026-W35",
      "2026-W36",
      "2026-W37",
      "2026-W38",
      "2026-W39",
      "2026-W40"
    ])
    const missed = Cadence.overdue(Cadence.occurrences(s))
    expect(missed.map((o) => [o.id, o.deadline, o.clause])).toEqual([
      ["cadence[0]/2026-W38", "2026-09-20", "002 四.3"]
    ])
    expect(missed[0]!.message.zh).toBe(
      "一周一调度（2026-09-14—2026-09-20）未开展，应于 2026-09-20 前完成（002 四.3）"
    )
    // Week 40 is cut to the window: 28–30 September, due on the 30th.
    expect(dispatches.at(-1)).toMatchObject({
      period: { start: "2026-09-28", end: "2026-09-30" },
      deadline: "2026-09-30",
      status: "held",
      held: ["DSP-W40"]
    })
  })

  it("finds the weekly spot check the 004 sample misses in December, and no other duty missed", () => {
    // 004 plan 2 每周抽查: week 51 (14–20 December) has no inspection; its
    // last working day is Friday 18 December, before the as-of date 2026-12-20.
    const s = Samples.load("004-project-year")
    expect(Cadence.overdue(Cadence.occurrences(s)).map((o) => o.id)).toEqual([
      "cadence[1]/2026-W51"
    ])
  })

  it("does not call a week inside the National Day holiday due", () => {
    // 1–7 October 2026 are holidays: a window of 1–4 October has no working day.
    const s = {
      asOf: "2026-10-20",
      campaign: campaign({ start: "2026-10-01", end: "2026-10-04" }, [
        { kind: "dispatch", every: "week", name: "一周一调度" }
      ]),
      projects: [],
      activities: []
    }
    expect(Cadence.occurrences(s)).toEqual([])
  })

  it("counts a dispatch listing projects for a key-project duty only when one of them is key", () => {
    const s = {
      asOf: "2026-04-10",
      campaign: campaign({ start: "2026-03-01", end: "2026-03-31" }, [
        { kind: "dispatch", every: "month", name: "重点项目月调度", appliesTo: "key" as const },
        { kind: "dispatch", every: "month", name: "月调度" }
      ]),
      projects: [project("p-key", ["key"]), project("p-plain", [])],
      activities: [dispatch("d-plain", "2026-03-10", ["p-plain"])]
    }
    const [keyDuty, anyDuty] = Cadence.occurrences(s)
    // The key-project duty is missed: its one dispatch dealt with p-plain only.
    expect([keyDuty!.status, keyDuty!.clause]).toEqual(["overdue", "cadence[0]"])
    expect([anyDuty!.status, anyDuty!.held]).toEqual(["held", ["d-plain"]])
    const withKey = {
      ...s,
      activities: [...s.activities, dispatch("d-key", "2026-03-12", ["p-key"])]
    }
    expect(Cadence.occurrences(withKey)[0]!.held).toEqual(["d-key"])
    const listingNone = { ...s, activities: [dispatch("d-all", "2026-03-12")] }
    expect(Cadence.occurrences(listingNone).map((o) => o.status)).toEqual(["held", "held"])
  })

  it("judges bulletins only from issued records, and never counts what is dated after as-of", () => {
    const s = {
      asOf: "2026-08-20",
      campaign: campaign({ start: "2026-08-01", end: "2026-08-31" }, [
        { kind: "bulletin", every: "half-month", name: "半月一通报", clause: "002 四.3" }
      ]),
      projects: [],
      activities: []
    }
    // No records of bulletins at all: nothing says whether they were issued.
    expect(Cadence.occurrences(s).map((o) => o.status)).toEqual(["unrecorded", "unrecorded"])
    // Records given: the first half's was issued late, on the 17th (outside
    // its period, so it holds the second half); the first is overdue, the
    // second (due Monday 31 August) held. A record dated after as-of does not
    // count.
    const issued = [
      { id: "B-1", kind: "bulletin" as const, date: "2026-08-17" },
      { id: "B-2", kind: "bulletin" as const, date: "2026-08-25" }
    ]
    expect(
      Cadence.occurrences(s, { issued }).map((o) => [o.period.label, o.deadline, o.status, o.held])
    ).toEqual([
      ["2026-08-H1", "2026-08-14", "overdue", []],
      ["2026-08-H2", "2026-08-31", "held", ["B-1"]]
    ])
    expect(Cadence.occurrences(s, { issued: [] }).map((o) => o.status)).toEqual([
      "unrecorded",
      "unrecorded"
    ])
    expect(Cadence.occurrences(s, { issued: issued.slice(1) }).map((o) => o.status)).toEqual([
      "overdue",
      "pending"
    ])
  })

  it("holds a bulletin duty by a bulletin activity in its period; once one is recorded, a period without one is overdue", () => {
    // 半月一通报 over August 2026, as of 09-01: 08-H1 due Friday 14 August, 08-H2 Monday 31 August.
    const bulletin = (id: string, date: string): Activity.Activity => ({
      id,
      kind: "bulletin",
      unit: "county",
      date
    })
    const s = (activities: Array<Activity.Activity>) => ({
      asOf: "2026-09-01",
      campaign: campaign({ start: "2026-08-01", end: "2026-08-31" }, [
        { kind: "bulletin", every: "half-month", name: "半月一通报", clause: "002 四.3" }
      ]),
      projects: [],
      activities
    })
    // No bulletin activity (a dispatch is no evidence either way): not judged.
    expect(Cadence.occurrences(s([dispatch("D-1", "2026-08-03")])).map((o) => o.status)).toEqual([
      "unrecorded",
      "unrecorded"
    ])
    // The first half's bulletin recorded on the 14th: held; the second half has none and
    // its deadline (08-31) has passed by 09-01: overdue.
    expect(
      Cadence.occurrences(s([bulletin("bulletin-2026-08-H1", "2026-08-14")])).map((o) => [
        o.period.label,
        o.status,
        o.held
      ])
    ).toEqual([
      ["2026-08-H1", "held", ["bulletin-2026-08-H1"]],
      ["2026-08-H2", "overdue", []]
    ])
    // A dispatch duty is not held by a bulletin.
    const d = {
      ...s([bulletin("B", "2026-08-03")]),
      campaign: campaign({ start: "2026-08-03", end: "2026-08-07" }, [
        { kind: "dispatch", every: "week", name: "一周一调度" }
      ])
    }
    expect(Cadence.occurrences(d).map((o) => o.status)).toEqual(["overdue"])
  })

  it("lists only the duties due between from and to, whatever the order of the activities", () => {
    const s = Samples.load("002-investment-drive")
    const window = { from: "2026-09-16", to: "2026-09-30" }
    const a = Cadence.occurrences(s, window)
    const reversed = Cadence.occurrences(
      { ...s, activities: [...(s.activities ?? [])].reverse() },
      window
    )
    expect(reversed).toEqual(a)
    expect(a.every((o) => o.deadline >= "2026-09-16" && o.deadline <= "2026-09-30")).toBe(true)
    // The week of 14–20 September is listed whole: a dispatch on the 14th would hold it.
    expect(a[0]!.period).toMatchObject({ start: "2026-09-14", end: "2026-09-20" })
  })
})

describe("Cadence.parsePeriod", () => {
  it("reads every label Period writes, and nothing else", () => {
    for (const label of [
      "2026-W01",
      "2026-W53",
      "2026-09-H2",
      "2026-09",
      "2026-Q3",
      "2026-H2",
      "2026"
    ]) {
      const p = Cadence.parsePeriod(label)
      if (label === "2026-W53") {
        // 2026 has 53 ISO weeks: 28 December 2026 is a Monday of week 53.
        expect(p).toMatchObject({ start: "2026-12-28", end: "2027-01-03" })
      }
      expect(p?.label).toBe(label)
    }
    expect(Cadence.parsePeriod("2027-W53")).toBeUndefined()
    expect(Cadence.parsePeriod("2026-13")).toBeUndefined()
    expect(Cadence.parsePeriod("2026-09-H3")).toBeUndefined()
    expect(Cadence.parsePeriod("September")).toBeUndefined()
  })

  it("names periods in Chinese and English", () => {
    expect(Cadence.periodName(Cadence.parsePeriod("2026-09-H2")!)).toBe("2026年9月下半月")
    expect(Cadence.periodName(Cadence.parsePeriod("2026-Q4")!, "en")).toBe("Q4 2026")
    expect(Cadence.periodName(Cadence.parsePeriod("2026-H1")!)).toBe("2026年上半年")
  })
})
