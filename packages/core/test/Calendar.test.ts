import { Calendar, LocalDate } from "@gongjian/core"
import { describe, expect, it } from "vitest"

const cal = Calendar.stateCouncil()

/** Expands "MM-DD..MM-DD" ranges of one year into ISO dates. */
const days = (year: number, ...ranges: ReadonlyArray<string>): ReadonlyArray<string> =>
  ranges.flatMap((r) => {
    const [a, b = a] = r.split("..") as [string, string?]
    const out: Array<string> = []
    for (let d = `${year}-${a}`; d <= `${year}-${b}`; d = LocalDate.addDays(d, 1)) out.push(d)
    return out
  })

/**
 * The State Council's notices (国务院办公厅关于…部分节假日安排的通知), transcribed:
 * the days off (放假) and the weekend days worked (调休上班) of each year.
 */
const notices = {
  // 国办发明电〔2023〕7号
  2024: {
    off: days(
      2024,
      "01-01",
      "02-10..02-17",
      "04-04..04-06",
      "05-01..05-05",
      "06-10",
      "09-15..09-17",
      "10-01..10-07"
    ),
    worked: days(2024, "02-04", "02-18", "04-07", "04-28", "05-11", "09-14", "09-29", "10-12")
  },
  // 国办发明电〔2024〕12号
  2025: {
    off: days(
      2025,
      "01-01",
      "01-28..02-04",
      "04-04..04-06",
      "05-01..05-05",
      "05-31..06-02",
      "10-01..10-08"
    ),
    worked: days(2025, "01-26", "02-08", "04-27", "09-28", "10-11")
  },
  // 国办发明电〔2025〕7号
  2026: {
    off: days(
      2026,
      "01-01..01-03",
      "02-15..02-23",
      "04-04..04-06",
      "05-01..05-05",
      "06-19..06-21",
      "09-25..09-27",
      "10-01..10-07"
    ),
    worked: days(2026, "01-04", "02-14", "02-28", "05-09", "09-20", "10-10")
  }
} as const

describe("the State Council calendar", () => {
  for (const [year, notice] of Object.entries(notices)) {
    it(`matches the ${year} notice on every day of the year`, () => {
      const off = new Set<string>(notice.off)
      const worked = new Set<string>(notice.worked)
      const wrong: Array<string> = []
      for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = LocalDate.addDays(d, 1)) {
        const weekend = LocalDate.parts(d).weekday >= 6
        const expected = off.has(d) ? false : worked.has(d) ? true : !weekend
        if (Calendar.isWorkingDay(cal, d) !== expected) wrong.push(d)
      }
      expect(wrong).toEqual([])
    })
  }

  it("names holidays and marks make-up working days", () => {
    expect(Calendar.day(cal, "2024-02-10")).toMatchObject({
      kind: "holiday",
      working: false,
      name: { zh: "春节" }
    })
    expect(Calendar.day(cal, "2024-02-04")).toMatchObject({ kind: "makeup-workday", working: true })
    expect(Calendar.day(cal, "2024-02-18")).toMatchObject({ kind: "makeup-workday", working: true })
    expect(Calendar.day(cal, "2026-11-21")).toMatchObject({
      kind: "weekend",
      working: false,
      source: "weekday-rule"
    })
    expect(Calendar.day(cal, "2026-11-23")).toMatchObject({ kind: "workday", working: true })
  })
})

describe("addWorkingDays (限时办结)", () => {
  it("counts from the next working day, through a working Sunday", () => {
    // Friday 2025-09-26 + 3: Sunday 9-28 (worked), Monday 9-29, Tuesday 9-30.
    expect(Calendar.addWorkingDays(cal, "2025-09-26", 3)).toBe("2025-09-30")
  })

  it("skips a whole holiday week", () => {
    // Tuesday 2025-09-30 + 1: 10-1…10-8 are off, so Thursday 10-9.
    expect(Calendar.addWorkingDays(cal, "2025-09-30", 1)).toBe("2025-10-09")
    // 10 working days from Monday 2026-09-28 (001 三.(三).2, a special case):
    // 9-29, 9-30, 10-8, 10-9, 10-10 (Sat, worked), 10-12 … 10-16.
    expect(Calendar.addWorkingDays(cal, "2026-09-28", 10)).toBe("2026-10-16")
  })

  it("counts the 2024 Spring Festival make-up days", () => {
    // Friday 2024-02-02 + 1 → Sunday 2-4, a working day.
    expect(Calendar.addWorkingDays(cal, "2024-02-02", 1)).toBe("2024-02-04")
    // Friday 2024-02-09 + 1 → Sunday 2-18 (2-10…2-17 off).
    expect(Calendar.addWorkingDays(cal, "2024-02-09", 1)).toBe("2024-02-18")
  })

  it("counts from a day off as from any day, and backwards when negative", () => {
    expect(Calendar.addWorkingDays(cal, "2026-10-03", 1)).toBe("2026-10-08")
    expect(Calendar.addWorkingDays(cal, "2026-10-08", -1)).toBe("2026-09-30")
    expect(Calendar.addWorkingDays(cal, "2026-10-03", 0)).toBe("2026-10-03")
  })

  it("rejects a fractional count", () => {
    expect(() => Calendar.addWorkingDays(cal, "2026-10-03", 1.5)).toThrow(RangeError)
  })

  it("agrees with workingDaysBetween", () => {
    for (const start of ["2024-02-01", "2025-09-26", "2026-09-18", "2026-12-20"]) {
      for (let n = 1; n <= 8; n++) {
        const end = Calendar.addWorkingDays(cal, start, n)
        expect(Calendar.workingDaysBetween(cal, start, end)).toBe(n)
      }
    }
    expect(Calendar.workingDaysBetween(cal, "2025-09-30", "2025-09-26")).toBe(-3)
  })
})

describe("coverage", () => {
  it("is an error outside the covered years, naming the date and the years", () => {
    expect(() => Calendar.addWorkingDays(cal, "2026-12-30", 3)).toThrow(
      expect.objectContaining({
        _tag: "CalendarCoverageError",
        date: "2027-01-01",
        firstYear: 2004,
        lastYear: 2026
      })
    )
    expect(() => Calendar.isWorkingDay(cal, "2003-06-02")).toThrow(
      /covers 2004–2026, not 2003-06-02/
    )
  })

  it("falls back to weekends only when asked, and says so", () => {
    const lenient = Calendar.make({ outsideCoverage: "weekends" })
    expect(Calendar.addWorkingDays(lenient, "2026-12-30", 3)).toBe("2027-01-04")
    expect(Calendar.day(lenient, "2027-01-04").source).toBe("fallback")
    expect(Calendar.coverage(lenient)).toEqual({
      firstYear: 2004,
      lastYear: 2026,
      outside: "weekends"
    })
  })

  it("extends to a year a county adds from a newer notice", () => {
    const next = Calendar.make({
      overrides: [
        { date: "2027-01-01", working: false, name: "元旦" },
        { date: "2027-01-02", working: false, name: "元旦" },
        { date: "2027-01-03", working: false, name: "元旦" }
      ],
      coverYears: [2027]
    })
    expect(Calendar.isCovered(next, "2027-06-01")).toBe(true)
    expect(Calendar.addWorkingDays(next, "2026-12-31", 1)).toBe("2027-01-04")
    expect(() => Calendar.make({ coverYears: [2029] })).toThrow(/without a gap/)
  })

  it("extends back more than one year, in any order, and still refuses a gap", () => {
    // Years before 2004 added from older notices: 2003 then 2002 extend the range down.
    const older = Calendar.make({ coverYears: [2002, 2003] })
    expect(Calendar.coverage(older)).toMatchObject({ firstYear: 2002, lastYear: 2026 })
    const both = Calendar.make({ coverYears: [2028, 2001, 2027, 2003, 2002] })
    expect(Calendar.coverage(both)).toMatchObject({ firstYear: 2001, lastYear: 2028 })
    expect(() => Calendar.make({ coverYears: [2001, 2003] })).toThrow(/2001 does not/)
    // A year already covered is accepted as it is.
    expect(Calendar.coverage(Calendar.make({ coverYears: [2010, 2027] }))).toMatchObject({
      firstYear: 2004,
      lastYear: 2027
    })
  })
})

describe("local overrides", () => {
  it("win over the national data", () => {
    const county = Calendar.make({
      overrides: [
        { date: "2026-10-10", working: false, name: "本地调整" },
        { date: "2026-11-23", working: false, name: "县庆" }
      ]
    })
    expect(Calendar.isWorkingDay(county, "2026-10-10")).toBe(false)
    expect(Calendar.day(county, "2026-11-23")).toMatchObject({ kind: "holiday", source: "local" })
    // The national calendar is not changed by a county's overrides.
    expect(Calendar.isWorkingDay(cal, "2026-10-10")).toBe(true)
  })

  it("reject a malformed date", () => {
    expect(() =>
      Calendar.make({ overrides: [{ date: "2026-13-01", working: false, name: "x" }] })
    ).toThrow(/not YYYY-MM-DD/)
  })
})
