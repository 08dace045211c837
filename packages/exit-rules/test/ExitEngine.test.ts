import { Calendar, LocalDate, Money, type Project, type Snapshot, View } from "@gongjian/core"
import { Deadline, ExitEngine, ExitRule, type Finding } from "@gongjian/exit-rules"
import * as BigDecimal from "effect/BigDecimal"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"

type Event = Project.Project["events"][number]
const project = (
  id: string,
  events: ReadonlyArray<Event>,
  extra: Partial<Project.Project> = {}
): Project.Project => ({
  id,
  name: id,
  unit: "park",
  sector: "secondary",
  events,
  ...extra
})
const rules323 = ExitRule.threeTwoThree()
const [startRule, produceRule, resultsRule] = rules323 as [
  ExitRule.ExitRule,
  ExitRule.ExitRule,
  ExitRule.ExitRule
]
/**
 * A rule not judged is said why in Chinese for Chinese views, and in English
 * as `reason` (the same text as `message.en`).
 */
const saysInChinese = (u: Finding.Unevaluated) => {
  expect(u.message.zh).toMatch(/\p{Script=Han}/u)
  expect(u.message.en).toBe(u.reason)
}
/** A county's snapshot holding the projects, as of a date. */
const snapshotOf = (
  projects: ReadonlyArray<Project.Project>,
  asOf: string,
  calendar?: Snapshot.Snapshot["calendar"]
): Snapshot.Snapshot => ({
  asOf,
  campaign: {
    id: "c",
    title: "c",
    kind: "project-year",
    window: { start: "2020-01-01", end: "2030-12-31" },
    phases: [],
    cadence: [],
    assessedUnitKinds: ["park"],
    targets: []
  },
  units: [{ id: "park", name: "园区", kind: "park" }],
  projects,
  ...(calendar ? { calendar } : {})
})
const run = (
  rules: ReadonlyArray<ExitRule.ExitRule>,
  projects: ReadonlyArray<Project.Project>,
  asOf: string,
  calendar?: Calendar.Calendar
) =>
  ExitEngine.evaluate({
    rules,
    view: View.make(snapshotOf(projects, asOf), calendar ? { calendar } : undefined)
  })
const state = (r: ExitEngine.ExitReport) =>
  r.findings.map(
    (f) =>
      `${f.project} ${f.severity} ${f.action} ${f.deadline} ${f.daysOverdue ?? `-${f.daysLeft}`}`
  )

describe("三个月不开工 at the boundary, with month-end clamping", () => {
  // Land supplied 2025-11-30: + 3 months = 2026-02-28 (February has no 30th).
  const idle = project("P", [
    { type: "signed", date: "2025-10-01" },
    { type: "land-supplied", date: "2025-11-30" }
  ])
  it("warns on the day before and on the deadline, and breaches the day after", () => {
    expect(state(run([startRule], [idle], "2026-02-27"))).toEqual(["P warning warn 2026-02-28 -1"])
    expect(state(run([startRule], [idle], "2026-02-28"))).toEqual(["P warning warn 2026-02-28 -0"])
    expect(state(run([startRule], [idle], "2026-03-01"))).toEqual(["P breach rectify 2026-02-28 1"])
  })
  it("opens the 30-day warning window exactly 30 days before", () => {
    // 2026-02-28 − 30 days = 2026-01-29.
    expect(state(run([startRule], [idle], "2026-01-28"))).toEqual([])
    expect(state(run([startRule], [idle], "2026-01-29"))).toEqual(["P warning warn 2026-02-28 -30"])
  })
  it("is met by a start on the deadline, and late the day after", () => {
    const onTime = project("P", [...idle.events, { type: "started", date: "2026-02-28" }])
    const late = project("P", [...idle.events, { type: "started", date: "2026-03-01" }])
    expect(run([startRule], [onTime], "2026-06-01")).toMatchObject({ findings: [], resolved: [] })
    expect(run([startRule], [late], "2026-06-01")).toMatchObject({
      findings: [],
      resolved: [{ project: "P", how: "reached-late", on: "2026-03-01", deadline: "2026-02-28" }]
    })
  })
  it("counts a leap year's 29 February", () => {
    const leap = project("P", [
      { type: "signed", date: "2023-10-01" },
      { type: "land-supplied", date: "2023-11-30" }
    ])
    expect(state(run([startRule], [leap], "2024-03-01"))).toEqual(["P breach rectify 2024-02-29 1"])
  })
})

describe("两年不投产 and 三年不见效 at the boundary", () => {
  const started = project("Q", [
    { type: "signed", date: "2024-01-02" },
    { type: "started", date: "2024-02-29" }
  ])
  it("two years from 2024-02-29 is 2026-02-28", () => {
    expect(state(run([produceRule], [started], "2026-02-28"))).toEqual([
      "Q warning warn 2026-02-28 -0"
    ])
    expect(state(run([produceRule], [started], "2026-03-01"))).toEqual([
      "Q breach exit 2026-02-28 1"
    ])
  })

  const producing = (taxPerMu: string) =>
    project(
      "R",
      [
        { type: "signed", date: "2022-01-10" },
        { type: "started", date: "2022-03-01" },
        { type: "completed", date: "2023-01-10" },
        { type: "in-production", date: "2023-06-30" }
      ],
      {
        contract: { taxPerMu: Money.parseUnsafe("30万元") },
        performance: [{ on: "2026-06-30", taxPerMu: Money.parseUnsafe(taxPerMu) }]
      }
    )
  it("judges results against half the contract's tax per mu", () => {
    // 15万 is exactly half of 30万: results, no finding. 14.9万 is below half.
    expect(state(run([resultsRule], [producing("15万元")], "2026-07-01"))).toEqual([])
    expect(state(run([resultsRule], [producing("14.9万元")], "2026-06-30"))).toEqual([
      "R warning warn 2026-06-30 -0"
    ])
    expect(state(run([resultsRule], [producing("14.9万元")], "2026-07-01"))).toEqual([
      "R breach reclaim-land 2026-06-30 1"
    ])
    const f = run([resultsRule], [producing("14.9万元")], "2026-07-01").findings[0]!
    expect(f.facts).toMatchObject({
      taxPerMu: "14.9万元",
      "contract.taxPerMu": "30万元",
      share: "0.4967"
    }) // 14.9 ÷ 30 = 0.49666… → 0.4967
  })
  it("judges results and writes the share exactly, whatever the amounts", () => {
    // A finding when actual < share × promised, exactly; its share is the ratio
    // rounded half-even to 4 places (as Money.ratioUnsafe gives it).
    const amount = fc.oneof(
      fc.integer({ min: 0, max: 10 ** 6 }).map((n) => `${n}`),
      fc.integer({ min: 0, max: 10 ** 9 }).map((n) => `${(n / 100).toFixed(2)}`),
      fc.integer({ min: 1, max: 2000 }).map((n) => `${n * 10_000}`),
      fc.bigInt({ min: 1n, max: 10n ** 20n }).map((n) => `${n}.${n % 1000n}`)
    )
    fc.assert(
      fc.property(
        amount,
        amount,
        fc.constantFrom(0.5, 0.57, 0.333, 1, 2),
        (actual, promised, share) => {
          const rule = { ...resultsRule, requires: { ...resultsRule.requires, share } }
          const a = Money.makeUnsafe(actual, "CNY")
          const b = Money.makeUnsafe(promised, "CNY")
          const p = project("R", producing("1万元").events, {
            contract: { taxPerMu: b },
            performance: [{ on: "2026-06-30", taxPerMu: a }]
          })
          const report = run([rule as ExitRule.ExitRule], [p], "2026-07-01")
          const met = BigDecimal.isGreaterThanOrEqualTo(
            a.amount,
            BigDecimal.multiply(b.amount, BigDecimal.fromStringUnsafe(String(share)))
          )
          expect(report.findings.length).toBe(met ? 0 : 1)
          if (!met) {
            const ratio = Money.ratioUnsafe(a, b, 4)
            expect(report.findings[0]!.facts.share).toBe(
              ratio === undefined ? "n/a" : BigDecimal.format(ratio)
            )
          }
        }
      ),
      { numRuns: 2000 }
    )
    // Halves at the fifth place go to the even fourth: 1/20000 = 0.00005 → 0,
    // 3/20000 = 0.00015 → 0.0002.
    const shareOf = (actual: string, promised: string) =>
      run(
        [resultsRule],
        [
          project("R", producing("1万元").events, {
            contract: { taxPerMu: Money.makeUnsafe(promised, "CNY") },
            performance: [{ on: "2026-06-30", taxPerMu: Money.makeUnsafe(actual, "CNY") }]
          })
        ],
        "2026-07-01"
      ).findings[0]!.facts.share
    expect(shareOf("1", "20000")).toBe("0")
    expect(shareOf("3", "20000")).toBe("0.0002")
  })
  it("writes the required share as an exact decimal", () => {
    // 0.57 × 100 is 56.99999999999999 in floating point; the message says 57%.
    const rule = { ...resultsRule, requires: { ...resultsRule.requires, share: 0.57 } }
    const f = run([rule as ExitRule.ExitRule], [producing("1万元")], "2026-07-01").findings[0]!
    expect(f.message.zh).toContain("达到合同约定的57%")
    expect(f.message.en).toContain("reach 57% of the contract's tax per mu")
    const third = { ...resultsRule, requires: { ...resultsRule.requires, share: 0.333 } }
    const g = run([third as ExitRule.ExitRule], [producing("1万元")], "2026-07-01").findings[0]!
    expect(g.message.en).toContain("reach 33.3% of")
  })
  it("reports a project it cannot judge instead of dropping it", () => {
    const noData = project("S", producing("1万元").events, {
      contract: { taxPerMu: Money.parseUnsafe("30万元") }
    })
    const noContract = project("T", producing("1万元").events)
    const unevaluated = run([resultsRule], [noData, noContract], "2026-07-01").unevaluated
    expect(unevaluated).toMatchObject([
      {
        project: "S",
        rule: "results-within-3-years",
        reason: "no measurement of tax per mu on or before 2026-07-01"
      },
      { project: "T", rule: "results-within-3-years", reason: "the contract states no tax per mu" }
    ])
    for (const u of unevaluated) saysInChinese(u)
  })
  it("says in Chinese why a figure or a filter in another currency cannot be judged", () => {
    // Measured in US dollars, promised in yuan: not compared.
    const dollars = project("U", producing("1万元").events, {
      contract: { taxPerMu: Money.parseUnsafe("30万元") },
      performance: [{ on: "2026-06-30", taxPerMu: Money.parseUnsafe("USD 1万") }]
    })
    // A rule for projects of at least 1亿元, a project invested in dollars.
    const filtered = { ...startRule, filter: { minInvestment: Money.parseUnsafe("1亿元") } }
    const idle = project(
      "V",
      [
        { type: "signed", date: "2026-01-01" },
        { type: "land-supplied", date: "2026-02-01" }
      ],
      { investment: { total: Money.parseUnsafe("5000万美元") } }
    )
    const measured = run([resultsRule], [dollars], "2026-07-01").unevaluated
    const inFilter = run([filtered as ExitRule.ExitRule], [idle], "2026-11-22").unevaluated
    expect(measured).toMatchObject([{ project: "U", rule: "results-within-3-years" }])
    expect(inFilter).toMatchObject([{ project: "V", rule: "start-within-3-months" }])
    for (const u of [...measured, ...inFilter]) saysInChinese(u)
  })
})

describe("working-day deadlines", () => {
  // 限时办结-style rule: 3 working days from the contract's start date.
  const rule: ExitRule.ExitRule = {
    id: "start-in-3-working-days",
    title: { zh: "三个工作日内开工", en: "start within 3 working days" },
    clause: "test",
    class: "signed-not-built",
    anchor: { contract: "startBy" },
    within: { workingDays: 3 },
    requires: { kind: "stage", stage: "started" },
    warnBefore: { workingDays: 1 },
    action: "rectify"
  }
  const p = project("W", [{ type: "signed", date: "2025-09-01" }], {
    contract: { startBy: "2025-09-26" }
  })
  it("counts a working Sunday (调休) inside the deadline", () => {
    // Friday 9-26 + 3 working days: Sunday 9-28 (worked), 9-29, 9-30.
    expect(state(run([rule], [p], "2025-09-30"))).toEqual(["W warning warn 2025-09-30 -0"])
    expect(state(run([rule], [p], "2025-10-01"))).toEqual(["W breach rectify 2025-09-30 1"])
    // The warning opens one working day before: 9-29.
    expect(state(run([rule], [p], "2025-09-28"))).toEqual([])
    expect(state(run([rule], [p], "2025-09-29"))).toEqual(["W warning warn 2025-09-30 -1"])
  })
  it("counts on the county's own calendar, taken from the snapshot", () => {
    // The county gives Monday 9-29 off (a local holiday): Friday 9-26 + 3 working
    // days is Sunday 9-28 (worked), Tuesday 9-30, then 10-1 to 10-8 off
    // (国庆、中秋) and Thursday 10-9: the deadline moves from 9-30 to 10-9, and
    // on 10-10 the project is 1 day overdue, not 10.
    const county = snapshotOf([p], "2025-10-10", {
      overrides: [{ date: "2025-09-29", working: false, name: "县庆" }]
    })
    const r = ExitEngine.evaluate({ rules: [rule], view: View.make(county) })
    expect(state(r)).toEqual(["W breach rectify 2025-10-09 1"])
    // Without the override, the State Council's calendar: the deadline was 9-30.
    expect(state(run([rule], [p], "2025-10-10"))).toEqual(["W breach rectify 2025-09-30 10"])
  })
  it("reports a deadline a strict calendar cannot count", () => {
    const late = project("X", [{ type: "signed", date: "2026-09-01" }], {
      contract: { startBy: "2026-12-30" }
    })
    const r = run([rule], [late], "2026-12-31", Calendar.make({ outsideCoverage: "error" }))
    expect(r.findings).toEqual([])
    expect(r.unevaluated[0]).toMatchObject({ project: "X", rule: "start-in-3-working-days" })
    expect(r.unevaluated[0]!.reason).toMatch(/covers 2004–2026, not 2027-01-01/)
    saysInChinese(r.unevaluated[0]!)
    // With the visible weekends-only fallback it is judged.
    const lenient = Calendar.make({ outsideCoverage: "weekends" })
    expect(state(run([rule], [late], "2027-01-05", lenient))).toEqual([
      "X breach rectify 2027-01-04 1"
    ])
  })

  describe("across New Year into a year with no State Council notice", () => {
    // Wednesday 2026-12-30 + 3 working days: Thursday 12-31, then 元旦 Friday 2027-01-01
    // (provisional: the statutory day of the 办法) and the weekend, Monday 1-4, Tuesday 1-5.
    const late = project("X", [{ type: "signed", date: "2026-09-01" }], {
      contract: { startBy: "2026-12-30" }
    })
    const note = "按法定节假日推算，待国务院通知"

    it("judges the deadline on the statutory holidays and marks the finding", () => {
      const r = run([rule], [late], "2027-01-06")
      expect(r.unevaluated).toEqual([])
      expect(state(r)).toEqual(["X breach rectify 2027-01-05 1"])
      const f = r.findings[0]!
      expect(f.provisionalYears).toEqual([2027])
      expect(f.message.zh).toContain(`期限2027-01-05（${note}）`)
      expect(f.message.en).toContain(
        "by 2027-01-05 (counted on the statutory holidays, pending the State Council's notice)"
      )
      expect(JSON.parse(JSON.stringify(f))).toMatchObject({ provisionalYears: [2027] })
      // The warning window (1 working day before) is counted on the same days: Monday 1-4.
      expect(state(run([rule], [late], "2027-01-04"))).toEqual(["X warning warn 2027-01-05 -1"])
      expect(run([rule], [late], "2027-01-04").findings[0]!.message.zh).toContain(note)
    })

    it("marks a resolution whose deadline was counted provisionally", () => {
      const started = project("X", [...late.events, { type: "started", date: "2027-01-06" }], {
        contract: { startBy: "2026-12-30" }
      })
      expect(run([rule], [started], "2027-02-01").resolved).toEqual([
        expect.objectContaining({
          how: "reached-late",
          deadline: "2027-01-05",
          provisionalYears: [2027]
        })
      ])
    })

    it("leaves a deadline inside the notices unmarked", () => {
      // Monday 2026-12-21 + 3 = Thursday 12-24: all in 2026.
      const early = project("Y", [{ type: "signed", date: "2026-09-01" }], {
        contract: { startBy: "2026-12-21" }
      })
      const f = run([rule], [early], "2026-12-28").findings[0]!
      expect(f.deadline).toBe("2026-12-24")
      expect(f.provisionalYears).toBeUndefined()
      expect("provisionalYears" in JSON.parse(JSON.stringify(f))).toBe(false)
      expect(f.message.zh).not.toContain(note)
      // A deadline in calendar months does not read the calendar: not provisional.
      const idle = project("Z", [
        { type: "signed", date: "2026-10-01" },
        { type: "land-supplied", date: "2026-11-30" }
      ])
      expect(run([startRule], [idle], "2027-03-05").findings[0]).toMatchObject({
        deadline: "2027-02-28",
        severity: "breach"
      })
      expect(run([startRule], [idle], "2027-03-05").findings[0]!.provisionalYears).toBeUndefined()
    })

    it("changes visibly when the 2027 notice arrives, and the marking goes", () => {
      // A notice (illustrative) that joins 元旦 with Saturday 1-2 and Sunday 1-3 and makes
      // Monday 1-4 a day off too, with Saturday 1-9 worked: 3 working days from 12-30 are
      // 12-31, 1-5 and 1-6.
      const noticed = Calendar.make({
        overrides: [
          { date: "2027-01-01", working: false, name: "元旦" },
          { date: "2027-01-04", working: false, name: "元旦" },
          { date: "2027-01-09", working: true, name: "元旦调休" }
        ],
        coverYears: [2027]
      })
      const r = run([rule], [late], "2027-01-08", noticed)
      expect(state(r)).toEqual(["X breach rectify 2027-01-06 2"])
      expect(r.findings[0]!.provisionalYears).toBeUndefined()
      expect(r.findings[0]!.message.zh).not.toContain(note)
      expect(state(run([rule], [late], "2027-01-08"))).toEqual(["X breach rectify 2027-01-05 3"])
    })
  })
})

describe("delay exemptions", () => {
  it("extend the deadline by the length of the pause, and say so", () => {
    const p = project("E", [
      { type: "signed", date: "2026-04-01" },
      { type: "land-supplied", date: "2026-05-31" },
      { type: "delay-exempted", date: "2026-06-10", until: "2026-07-09", reason: "征迁未完成" }
    ])
    // 8-31 + 30 days = 9-30: on 9-30 a warning, on 10-01 a breach.
    expect(state(run([startRule], [p], "2026-09-30"))).toEqual([
      "P warning warn 2026-09-30 -0".replace("P", "E")
    ])
    const f = run([startRule], [p], "2026-10-01").findings[0]!
    expect(f).toMatchObject({ baseDeadline: "2026-08-31", deadline: "2026-09-30", daysOverdue: 1 })
    expect(f.message.zh).toContain("（因非企业原因顺延30天）")
    expect(f.message.en).toContain("extended by 30 days")
  })
  it("count a day covered by overlapping or repeated pauses once", () => {
    // 06-01..06-30 (30 days) and 06-15..07-15 (45 days together, 06-15..06-30 shared):
    // the deadline moves by the 45 days the two cover, not 30 + 31 = 61.
    const overlapping = Deadline.extend("2026-05-01", "2026-08-31", [
      { from: "2026-06-15", until: "2026-07-15", reason: "b" },
      { from: "2026-06-01", until: "2026-06-30", reason: "a" },
      { from: "2026-06-01", until: "2026-06-30", reason: "a" }
    ])
    // 08-31 + 45 days = 10-15.
    expect(overlapping.deadline).toBe("2026-10-15")
    expect(overlapping.extensions.reduce((n, x) => n + x.days, 0)).toBe(45)
    expect(overlapping.extensions.map((x) => [x.reason, x.days])).toEqual([
      ["a", 30],
      ["b", 15]
    ])
  })
  it("do not apply when the rule says so", () => {
    const p = project("E", [
      { type: "signed", date: "2026-04-01" },
      { type: "land-supplied", date: "2026-05-31" },
      { type: "delay-exempted", date: "2026-06-10", until: "2026-07-09", reason: "x" }
    ])
    expect(state(run([{ ...startRule, exemptions: false }], [p], "2026-09-01"))).toEqual([
      "E breach rectify 2026-08-31 1"
    ])
  })
})

describe("rectification", () => {
  const base: ReadonlyArray<Event> = [
    { type: "signed", date: "2026-01-05" },
    { type: "land-supplied", date: "2026-02-01" }
  ]
  const ordered = project("R", [
    ...base,
    { type: "rectification-ordered", date: "2026-05-10", deadline: "2026-06-30" }
  ])
  it("runs until its deadline, then escalates to the rule's next action", () => {
    // Deadline 5-01. On 6-30 the rectification is still in time; on 7-01 it is overdue.
    expect(state(run([startRule], [ordered], "2026-06-30"))).toEqual([
      "R breach rectify 2026-05-01 60"
    ])
    expect(run([startRule], [ordered], "2026-06-30").findings[0]!.daysLeft).toBe(0)
    expect(state(run([startRule], [ordered], "2026-07-01"))).toEqual([
      "R escalated reclaim-land 2026-05-01 1"
    ])
  })
  it("drops the finding once resolved, and keeps the record", () => {
    const fixed = project("R", [...ordered.events, { type: "rectified", date: "2026-06-20" }])
    expect(run([startRule], [fixed], "2026-07-01")).toMatchObject({
      findings: [],
      resolved: [{ project: "R", how: "rectified", on: "2026-06-20" }]
    })
  })
  it("records a project that complies inside its rectification period as rectified, with the order", () => {
    // Deadline 5-01; ordered 5-10 to rectify by 6-30; started 6-20: inside the period.
    const started = project("R", [...ordered.events, { type: "started", date: "2026-06-20" }])
    expect(run([startRule], [started], "2026-07-01")).toMatchObject({
      findings: [],
      resolved: [
        {
          project: "R",
          how: "rectified",
          on: "2026-06-20",
          deadline: "2026-05-01",
          rectification: { ordered: "2026-05-10", deadline: "2026-06-30" }
        }
      ]
    })
    // Started 7-02, after the rectification period: late, and the order is on record.
    const late = project("R", [...ordered.events, { type: "started", date: "2026-07-02" }])
    expect(run([startRule], [late], "2026-07-05").resolved).toMatchObject([
      {
        how: "reached-late",
        on: "2026-07-02",
        rectification: { ordered: "2026-05-10", deadline: "2026-06-30" }
      }
    ])
    // A rectified event keeps the order too.
    const fixed = project("R", [...ordered.events, { type: "rectified", date: "2026-06-20" }])
    expect(run([startRule], [fixed], "2026-07-01").resolved).toMatchObject([
      { how: "rectified", rectification: { ordered: "2026-05-10", deadline: "2026-06-30" } }
    ])
  })
  it("says which date each overdue count of an escalated finding runs from", () => {
    // Deadline 5-01, rectification due 6-30; on 7-01: 61 days past the deadline,
    // 1 day past the rectification deadline.
    const f = run([startRule], [ordered], "2026-07-01").findings[0]!
    expect(f).toMatchObject({
      severity: "escalated",
      deadline: "2026-05-01",
      daysPastDeadline: 61,
      overdueSince: "2026-06-30",
      daysOverdue: 1
    })
    const b = run([startRule], [ordered], "2026-06-30").findings[0]!
    expect(b).toMatchObject({
      severity: "breach",
      overdueSince: "2026-05-01",
      daysOverdue: 60,
      daysPastDeadline: 60
    })
  })
  it("escalates to exit when the rule names no next action", () => {
    const { escalateTo: _, ...noEscalation } = startRule
    expect(state(run([noEscalation], [ordered], "2026-07-01"))).toEqual([
      "R escalated exit 2026-05-01 1"
    ])
  })
})

describe("which projects a rule reads", () => {
  it("leaves exited projects and projects without the anchor alone", () => {
    const exited = project("A", [
      { type: "signed", date: "2025-01-01" },
      { type: "land-supplied", date: "2025-02-01" },
      { type: "exited", date: "2025-09-01" }
    ])
    const noLand = project("B", [{ type: "signed", date: "2025-01-01" }])
    expect(run(rules323, [exited, noLand], "2026-11-22").findings).toEqual([])
  })
  it("applies a rule's filter", () => {
    const rule = { ...startRule, filter: { flags: ["key"] } }
    const idle = (id: string, flags: ReadonlyArray<string>) =>
      project(
        id,
        [
          { type: "signed", date: "2026-01-01" },
          { type: "land-supplied", date: "2026-02-01" }
        ],
        { flags }
      )
    expect(
      run([rule], [idle("K", ["key"]), idle("N", [])], "2026-11-22").findings.map((f) => f.project)
    ).toEqual(["K"])
  })
  it("cites the county's clause when the three-two-three rules are given one", () => {
    // Land supplied 2026-02-01, not started by 11-22: past 3 months → a breach, citing the clause given.
    const idle = project("L", [
      { type: "signed", date: "2026-01-01" },
      { type: "land-supplied", date: "2026-02-01" }
    ])
    const own = ExitRule.threeTwoThree({ clause: "县方案 四.2" })
    const [finding] = run(own, [idle], "2026-11-22").findings
    expect([finding?.rule, finding?.clause]).toEqual(["start-within-3-months", "县方案 四.2"])
    expect(finding?.message.zh).toContain("按县方案 四.2「3个月不开工」")
    expect(run(rules323, [idle], "2026-11-22").findings[0]?.clause).toBe("001 三.(四)")
  })
  it("reports an impossible history instead of judging it", () => {
    const bad = project("Z", [{ type: "started", date: "2026-01-01" }])
    const unevaluated = run(rules323, [bad], "2026-11-22").unevaluated
    expect(unevaluated).toMatchObject([{ project: "Z", rule: undefined }])
    saysInChinese(unevaluated[0]!)
  })
})

// ── properties ────────────────────────────────────────────────────────────
const day = (from: string, to: string) =>
  fc.integer({ min: LocalDate.toDays(from), max: LocalDate.toDays(to) }).map(LocalDate.fromDays)
const arbProject = fc
  .record({
    id: fc.integer({ min: 1, max: 60 }).map((n) => `P-${String(n).padStart(2, "0")}`),
    signed: day("2021-01-01", "2026-06-30"),
    gaps: fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 3, maxLength: 3 }),
    depth: fc.integer({ min: 1, max: 4 })
  })
  .map(({ id, signed, gaps, depth }) => {
    const stages = ["signed", "land-supplied", "started", "in-production"] as const
    const events: Array<Event> = []
    let d = signed
    for (let i = 0; i < depth; i++) {
      if (i > 0) d = LocalDate.addDays(d, gaps[i - 1]!)
      events.push({ type: stages[i]!, date: d })
    }
    return project(id, events)
  })
const arbProjects = fc.uniqueArray(arbProject, { selector: (p) => p.id, maxLength: 25 })

describe("properties", () => {
  it("the report does not depend on the order of projects or rules", () => {
    fc.assert(
      fc.property(arbProjects, day("2022-01-01", "2026-12-31"), (ps, asOf) => {
        const a = run(rules323, ps, asOf)
        const b = run([...rules323].reverse(), [...ps].reverse(), asOf)
        expect(JSON.stringify(b.findings)).toBe(JSON.stringify(a.findings))
        expect(b.resolved).toEqual(a.resolved)
      }),
      { numRuns: 60 }
    )
  })

  it("as time passes, a finding only grows more severe until the project moves", () => {
    const rank = { warning: 1, breach: 2, escalated: 3 } as const
    fc.assert(
      fc.property(
        arbProjects,
        day("2022-01-01", "2026-06-30"),
        fc.integer({ min: 1, max: 180 }),
        (ps, asOf, later) => {
          const next = LocalDate.addDays(asOf, later)
          // Only events up to as-of, so that nothing happens in between.
          const frozen = ps.map((p) => ({ ...p, events: p.events.filter((e) => e.date <= asOf) }))
          const before = new Map(
            run(rules323, frozen, asOf).findings.map((f) => [f.id, rank[f.severity]])
          )
          for (const f of run(rules323, frozen, next).findings) {
            expect(rank[f.severity]).toBeGreaterThanOrEqual(before.get(f.id) ?? 0)
          }
          for (const id of before.keys())
            expect(run(rules323, frozen, next).findings.some((f) => f.id === id)).toBe(true)
        }
      ),
      { numRuns: 60 }
    )
  })
})

describe("judging from the columns", () => {
  // A rule anchored on a milestone and counted in calendar months is judged
  // from the view's columns for most projects; a filter (here one that every
  // project in the pool passes) makes the engine judge every project in
  // full. Both must find the same: histories with delay exemptions,
  // rectifications (resolved or not), contracts and measurements of tax per
  // mu in yuan, in dollars and below a fen.
  const money = fc.constantFrom("20万元", "10万元", "9.99万元", "0.015元", "3万美元", "40万元")
  const arbFull = fc
    .record({
      id: fc.integer({ min: 1, max: 60 }).map((n) => `P-${String(n).padStart(2, "0")}`),
      signed: day("2020-01-01", "2026-06-30"),
      gaps: fc.array(fc.integer({ min: 1, max: 600 }), { minLength: 3, maxLength: 3 }),
      depth: fc.integer({ min: 1, max: 4 }),
      exempt: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
      rectify: fc.option(
        fc.record({
          after: fc.integer({ min: 0, max: 900 }),
          days: fc.integer({ min: 1, max: 90 }),
          resolved: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined })
        }),
        { nil: undefined }
      ),
      promised: fc.option(money, { nil: undefined }),
      measured: fc.array(fc.record({ on: day("2023-01-01", "2027-06-30"), tax: money }), {
        maxLength: 3
      })
    })
    .map(({ id, signed, gaps, depth, exempt, rectify, promised, measured }) => {
      const stages = ["signed", "land-supplied", "started", "in-production"] as const
      const events: Array<Event> = []
      let d = signed
      for (let i = 0; i < depth; i++) {
        if (i > 0) d = LocalDate.addDays(d, gaps[i - 1]!)
        events.push({ type: stages[i]!, date: d })
      }
      const land = events[1]?.date
      if (exempt !== undefined && land !== undefined) {
        const from = LocalDate.addDays(land, exempt % 60)
        events.push({
          type: "delay-exempted",
          date: from,
          until: LocalDate.addDays(from, exempt),
          reason: "征迁未完成"
        })
      }
      if (rectify !== undefined) {
        const on = LocalDate.addDays(signed, rectify.after)
        events.push({
          type: "rectification-ordered",
          date: on,
          deadline: LocalDate.addDays(on, rectify.days)
        })
        if (rectify.resolved !== undefined)
          events.push({ type: "rectified", date: LocalDate.addDays(on, rectify.resolved) })
      }
      events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
      return project(id, events, {
        ...(promised === undefined ? {} : { contract: { taxPerMu: Money.parseUnsafe(promised) } }),
        ...(measured.length === 0
          ? {}
          : {
              performance: measured.map((m) => ({
                on: m.on,
                taxPerMu: Money.parseUnsafe(m.tax)
              }))
            })
      })
    })
  it("finds what judging every project in full finds", () => {
    let judged = 0
    fc.assert(
      fc.property(
        fc.uniqueArray(arbFull, { selector: (p) => p.id, maxLength: 25 }),
        day("2022-01-01", "2027-06-30"),
        (ps, asOf) => {
          const view = View.make(snapshotOf(ps, asOf))
          const columns = ExitEngine.evaluate({ rules: rules323, view })
          const full = ExitEngine.evaluate({
            rules: rules323.map((r) => ({ ...r, filter: {} })),
            view
          })
          judged += columns.findings.length + columns.resolved.length
          expect(JSON.stringify(columns)).toBe(JSON.stringify(full))
        }
      ),
      { numRuns: 300 }
    )
    // Not an empty comparison: the runs found and resolved many.
    expect(judged).toBeGreaterThan(300)
  })
})
