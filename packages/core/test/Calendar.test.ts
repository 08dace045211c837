import { Calendar, LocalDate } from "@gongjian/core"
import chineseDays from "chinese-days"
import { LunarDay, SolarTerm } from "tyme4ts"
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
  it("is an error outside the covered years in strict mode, naming the date and the years", () => {
    const strict = Calendar.make({ outsideCoverage: "error" })
    expect(Calendar.coverage(strict).outside).toBe("error")
    expect(() => Calendar.addWorkingDays(strict, "2026-12-30", 3)).toThrow(
      expect.objectContaining({
        _tag: "CalendarCoverageError",
        date: "2027-01-01",
        firstYear: 2004,
        lastYear: 2026
      })
    )
    expect(() => Calendar.isWorkingDay(strict, "2027-06-01")).toThrow(
      Calendar.CalendarCoverageError
    )
    // Before the covered years nothing is provisional: the 2024 办法 did not apply.
    expect(() => Calendar.isWorkingDay(cal, "2003-06-02")).toThrow(
      /covers 2004–2026, not 2003-06-02/
    )
  })

  it("is provisional by default after the covered years", () => {
    expect(Calendar.coverage(cal).outside).toBe("provisional")
    expect(() => Calendar.addWorkingDays(cal, "2026-12-30", 3)).not.toThrow()
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

describe("provisional years: the statutory holidays of the 办法 (2024 revision)", () => {
  const iso = (d: { getYear(): number; getMonth(): number; getDay(): number }) =>
    `${d.getYear()}-${String(d.getMonth()).padStart(2, "0")}-${String(d.getDay()).padStart(2, "0")}`

  it("places the lunar festivals and 清明 where every State Council notice since 2008 put them", () => {
    // The lunar and solar-term dates (tyme4ts, astronomical) against the holidays of the
    // State Council's notices (chinese-days, transcribed): 2008 is the first year with
    // 清明, 端午 and 中秋 as holidays. The data lists a holiday on a weekend day only
    // sometimes (2012-06-23, 端午 on a Saturday, is absent) and names 中秋 2020-10-01 by
    // 国庆节, the holiday it fell on.
    const wrong: Array<string> = []
    for (let y = 2008; y <= 2026; y++) {
      const newYear = LunarDay.fromYmd(y, 1, 1).getSolarDay()
      const festivals: Array<readonly [string, string]> = [
        ["春节", iso(newYear)],
        ["春节", iso(newYear.next(1))],
        ["春节", iso(newYear.next(2))],
        ["清明", iso(SolarTerm.fromName(y, "清明").getSolarDay())],
        ["端午", iso(LunarDay.fromYmd(y, 5, 5).getSolarDay())],
        ["中秋", iso(LunarDay.fromYmd(y, 8, 15).getSolarDay())]
      ]
      for (const [name, date] of festivals) {
        const d = Calendar.day(cal, date)
        const named = d.name?.zh === name || (date === "2020-10-01" && d.name?.zh === "国庆节")
        const unnamedWeekend = date === "2012-06-23" && d.kind === "weekend"
        if (d.working || !(named || unnamedWeekend)) wrong.push(`${name} ${date}`)
      }
    }
    expect(wrong).toEqual([])
    // 2027 and 2028, as the lunar table of chinese-days (1900–2100, read in Beijing time)
    // and published holiday tables give them: 春节 2027-02-06, 2028-01-26; 清明 2027-04-05,
    // 2028-04-04; 端午 2027-06-09, 2028-05-28; 中秋 2027-09-15, 2028-10-03.
    const festivals = (year: number) =>
      Calendar.statutoryHolidays(year)
        .filter((d) => !d.inLieu && d.name.zh !== "元旦" && d.name.zh !== "劳动节")
        .filter((d) => d.name.zh !== "国庆节")
        .map((d) => `${d.name.zh} ${d.date}`)
    expect(festivals(2027)).toEqual([
      "春节 2027-02-05",
      "春节 2027-02-06",
      "春节 2027-02-07",
      "春节 2027-02-08",
      "清明 2027-04-05",
      "端午 2027-06-09",
      "中秋 2027-09-15"
    ])
    expect(festivals(2028)).toEqual([
      "春节 2028-01-25",
      "春节 2028-01-26",
      "春节 2028-01-27",
      "春节 2028-01-28",
      "清明 2028-04-04",
      "端午 2028-05-28",
      "中秋 2028-10-03"
    ])
  })

  it("agrees with chinese-days' lunar table in Beijing time for every year to 2099", () => {
    // Two independent sources: chinese-days packs the almanac's month lengths into a
    // table (but reads it in the process's zone, so it is asked in Asia/Shanghai);
    // tyme4ts computes new moons and solar terms. Where they differ, a day is wrong.
    const table = chineseDays as unknown as {
      readonly getSolarDateFromLunar: (lunar: string) => { readonly date: string }
      readonly getSolarTermDate: (year: number, month: number, term: string) => string
    }
    const zone = process.env.TZ
    const wrong: Array<string> = []
    try {
      process.env.TZ = "Asia/Shanghai"
      // To 2099: chinese-days' solar terms use a formula of the year's last two digits
      // fitted to the 21st century, which puts 清明 2100 on 4-04 (the astronomical 4-05).
      for (let year = 2025; year <= 2099; year++) {
        const expected = [
          ["春节", table.getSolarDateFromLunar(`${year}-01-01`).date],
          ["清明", table.getSolarTermDate(year, 4, "pure_brightness")],
          ["端午", table.getSolarDateFromLunar(`${year}-05-05`).date],
          ["中秋", table.getSolarDateFromLunar(`${year}-08-15`).date]
        ] as const
        const days = Calendar.statutoryHolidays(year).filter((d) => !d.inLieu)
        for (const [name, date] of expected) {
          const got = days.filter((d) => d.name.zh === name).map((d) => d.date)
          // 春节: 除夕, 初一, 初二, 初三 — 初一 is the second.
          const day = name === "春节" ? got[1] : got[0]
          // 中秋 may share 10月1日–3日 with 国庆节, which then keeps the name.
          const shared =
            name === "中秋" &&
            day === undefined &&
            date >= `${year}-10-01` &&
            date <= `${year}-10-03`
          if (day !== date && !shared) wrong.push(`${name} ${year}: ${day} ≠ ${date}`)
        }
      }
    } finally {
      if (zone === undefined) delete process.env.TZ
      else process.env.TZ = zone
    }
    expect(wrong).toEqual([])
  })

  // The statutory days (法定) each notice names, with the lunar dates it gives:
  // 国办发明电〔2024〕12号 for 2025, 国办发明电〔2025〕7号 for 2026.
  const statutory = {
    2025: [
      "2025-01-01", // 元旦
      "2025-01-28", // 除夕
      "2025-01-29", // 正月初一
      "2025-01-30",
      "2025-01-31", // 初三
      "2025-04-04", // 清明
      "2025-05-01",
      "2025-05-02", // 劳动节
      "2025-05-31", // 端午 (Saturday)
      "2025-10-01",
      "2025-10-02",
      "2025-10-03", // 国庆节
      "2025-10-06" // 中秋
    ],
    2026: [
      "2026-01-01",
      "2026-02-16", // 除夕
      "2026-02-17",
      "2026-02-18",
      "2026-02-19",
      "2026-04-05", // 清明 (Sunday)
      "2026-05-01",
      "2026-05-02", // (Saturday)
      "2026-06-19", // 端午
      "2026-09-25", // 中秋
      "2026-10-01",
      "2026-10-02",
      "2026-10-03" // (Saturday)
    ]
  } as const

  for (const year of [2025, 2026] as const) {
    it(`gives the statutory days of the ${year} notice, and its days in lieu are days off there`, () => {
      const days = Calendar.statutoryHolidays(year)
      expect(days.filter((d) => !d.inLieu).map((d) => d.date)).toEqual(statutory[year])
      // Every provisional day off (statutory or in lieu) is a day off in the notice: the
      // notice differs only by its 调休, which the rules do not guess.
      const off = new Set<string>(notices[year].off)
      expect(days.filter((d) => !off.has(d.date)).map((d) => d.date)).toEqual([])
    })
  }

  it("gives a weekday in lieu of each holiday on a weekend or on another holiday", () => {
    const inLieu = (year: number) =>
      Calendar.statutoryHolidays(year)
        .filter((d) => d.inLieu)
        .map((d) => `${d.date} ${d.name.zh}`)
    // 2025: only 端午 (Saturday 5-31) → Monday 6-2, as the notice has it.
    expect(inLieu(2025)).toEqual(["2025-06-02 端午补假"])
    // 2026: 清明 Sunday 4-5 → Monday 4-6; 劳动节 Saturday 5-2 → Monday 5-4;
    // 国庆 Saturday 10-3 → Monday 10-5 (Sunday 10-4 is a weekend).
    expect(inLieu(2026)).toEqual([
      "2026-04-06 清明补假",
      "2026-05-04 劳动节补假",
      "2026-10-05 国庆节补假"
    ])
    // 2027: 春节 Saturday 2-6 and Sunday 2-7 → Tuesday 2-9, Wednesday 2-10 (Monday 2-8 is 初三);
    // 劳动节 Saturday 5-1, Sunday 5-2 → 5-3, 5-4; 国庆 Saturday 10-2, Sunday 10-3 → 10-4, 10-5.
    expect(inLieu(2027)).toEqual([
      "2027-02-09 春节补假",
      "2027-02-10 春节补假",
      "2027-05-03 劳动节补假",
      "2027-05-04 劳动节补假",
      "2027-10-04 国庆节补假",
      "2027-10-05 国庆节补假"
    ])
    // 2028: 元旦 Saturday → Monday 1-3; 端午 Sunday 5-28 → Monday 5-29; 国庆 Sunday 10-1 →
    // Wednesday 10-4 (10-2, 10-3 are holidays); 中秋 falls on 国庆 Tuesday 10-3 → Thursday 10-5.
    expect(inLieu(2028)).toEqual([
      "2028-01-03 元旦补假",
      "2028-05-29 端午补假",
      "2028-10-04 国庆节补假",
      "2028-10-05 国庆节补假"
    ])
    expect(Calendar.statutoryHolidays(2028).filter((d) => d.date === "2028-10-03")).toHaveLength(1)
    expect(() => Calendar.statutoryHolidays(2024)).toThrow(RangeError)
  })

  it("keeps the rules' invariants in every year to 2100", () => {
    const wrong: Array<string> = []
    for (let year = 2025; year <= 2100; year++) {
      const days = Calendar.statutoryHolidays(year)
      const statutory = days.filter((d) => !d.inLieu)
      const inLieu = days.filter((d) => d.inLieu)
      const weekday = (date: string) => LocalDate.parts(date).weekday
      const holidays = new Set(statutory.map((d) => d.date))
      // 13 statutory days (1 + 4 + 1 + 2 + 1 + 1 + 3), one fewer for each date two share.
      const shared = 13 - statutory.length
      // One day in lieu for each statutory day on a weekend and each shared date.
      const owed = statutory.filter((d) => weekday(d.date) >= 6).length + shared
      if (statutory.length < 12 || inLieu.length !== owed) wrong.push(`${year}: ${owed} owed`)
      for (const d of inLieu) {
        if (weekday(d.date) >= 6 || holidays.has(d.date)) wrong.push(`${year}: ${d.date}`)
        if (!d.date.startsWith(`${year}-`)) wrong.push(`${year}: ${d.date} in another year`)
      }
      if (new Set(days.map((d) => d.date)).size !== days.length) wrong.push(`${year}: a date twice`)
      const sorted = [...days.map((d) => d.date)].sort()
      if (sorted.join() !== days.map((d) => d.date).join()) wrong.push(`${year}: not in date order`)
      const spring = statutory.filter((d) => d.name.zh === "春节").map((d) => d.date)
      if (spring.length !== 4 || spring[0]! < `${year}-01-20` || spring[3]! > `${year}-02-21`)
        wrong.push(`${year}: 春节 ${spring.join()}`)
    }
    expect(wrong).toEqual([])
  })

  it("counts working days across the boundary of the covered years", () => {
    // Thursday 2026-12-31 + 1: 元旦 Friday 2027-01-01, then the weekend → Monday 1-4.
    expect(Calendar.addWorkingDays(cal, "2026-12-31", 1)).toBe("2027-01-04")
    expect(Calendar.addWorkingDays(cal, "2026-12-30", 3)).toBe("2027-01-05")
    expect(Calendar.addWorkingDays(cal, "2027-01-04", -1)).toBe("2026-12-31")
    expect(Calendar.workingDaysBetween(cal, "2026-12-31", "2027-01-04")).toBe(1)
    // Friday 2027-12-31 + 1: 元旦 Saturday 2028-01-01 is given back on Monday 1-3 → Tuesday 1-4.
    expect(Calendar.addWorkingDays(cal, "2027-12-31", 1)).toBe("2028-01-04")
    // 春节 2027: Thursday 2-4 + 1 → Thursday 2-11 (2-5 to 2-10 off, no 调休 guessed).
    expect(Calendar.addWorkingDays(cal, "2027-02-04", 1)).toBe("2027-02-11")
    // 国庆 2027: Thursday 9-30 + 1 → Wednesday 10-6.
    expect(Calendar.addWorkingDays(cal, "2027-09-30", 1)).toBe("2027-10-06")
    // A Saturday that a notice might make a working day (调休) stays a rest day.
    expect(Calendar.isWorkingDay(cal, "2027-02-20")).toBe(false)
  })

  it("says which days and years are provisional", () => {
    expect(Calendar.day(cal, "2027-10-04")).toEqual({
      date: "2027-10-04",
      kind: "holiday",
      working: false,
      name: { zh: "国庆节补假", en: "National Day (day in lieu)" },
      source: "provisional",
      provisional: true
    })
    expect(Calendar.day(cal, "2027-03-01")).toMatchObject({
      kind: "workday",
      source: "provisional",
      provisional: true
    })
    expect(Calendar.day(cal, "2026-10-01")).toMatchObject({
      source: "state-council",
      provisional: false
    })
    expect(Calendar.day(cal, "2026-12-31").provisional).toBe(false)
    expect(Calendar.isProvisional(cal, "2026-12-31")).toBe(false)
    expect(Calendar.isProvisional(cal, "2027-01-01")).toBe(true)
    expect(Calendar.provisionalYears(cal, "2026-06-01", "2026-12-31")).toEqual([])
    expect(Calendar.provisionalYears(cal, "2028-03-01", "2025-06-01")).toEqual([2027, 2028])
    // Strict and weekends-only calendars compute nothing provisionally.
    const strict = Calendar.make({ outsideCoverage: "error" })
    expect(Calendar.isProvisional(strict, "2027-01-01")).toBe(false)
    expect(Calendar.provisionalYears(strict, "2026-06-01", "2027-06-01")).toEqual([])
    expect(
      Calendar.day(Calendar.make({ outsideCoverage: "weekends" }), "2027-01-01")
    ).toMatchObject({
      working: true,
      source: "fallback",
      provisional: false
    })
    expect(Calendar.provisionalNote).toEqual({
      zh: "按法定节假日推算，待国务院通知",
      en: "counted on the statutory holidays, pending the State Council's notice"
    })
  })

  it("gives way to the notice when it arrives, visibly", () => {
    // A 2027 notice as a county would add it: 国庆 and 中秋 joined into 10-1…10-7, with
    // Sunday 9-26 and Saturday 10-9 worked (illustrative 调休, not a real notice).
    const noticed = Calendar.make({
      overrides: [
        ...days(
          2027,
          "01-01",
          "02-05..02-11",
          "04-05",
          "05-01..05-05",
          "06-09",
          "09-15",
          "10-01..10-07"
        ).map((date) => ({ date, working: false, name: "国务院通知" })),
        { date: "2027-09-26", working: true, name: "国庆节调休" },
        { date: "2027-10-09", working: true, name: "国庆节调休" }
      ],
      coverYears: [2027]
    })
    expect(Calendar.addWorkingDays(cal, "2027-09-30", 1)).toBe("2027-10-06")
    expect(Calendar.addWorkingDays(noticed, "2027-09-30", 1)).toBe("2027-10-08")
    expect(Calendar.isProvisional(noticed, "2027-10-01")).toBe(false)
    expect(Calendar.provisionalYears(noticed, "2027-09-30", "2027-10-08")).toEqual([])
    expect(Calendar.day(noticed, "2027-10-09")).toMatchObject({
      kind: "makeup-workday",
      source: "local",
      provisional: false
    })
    expect(Calendar.day(noticed, "2027-10-04")).toMatchObject({
      source: "local",
      provisional: false
    })
    // 2028 is still provisional after it.
    expect(Calendar.isProvisional(noticed, "2028-01-01")).toBe(true)
  })

  it("lets a county's own days win in a provisional year", () => {
    const county = Calendar.make({
      overrides: [{ date: "2027-10-04", working: true, name: "县里上班" }]
    })
    expect(Calendar.day(county, "2027-10-04")).toMatchObject({
      working: true,
      source: "local",
      provisional: true
    })
    expect(Calendar.isWorkingDay(county, "2027-10-05")).toBe(false)
  })

  it("computes the lunar dates the same in every time zone of the process", () => {
    // chinese-days' own lunar functions read the machine's zone (west of UTC they give
    // 春节 2025 as 1-30): the rules use tyme4ts, which counts in Julian days.
    const zone = process.env.TZ
    try {
      for (const tz of ["America/Los_Angeles", "Asia/Shanghai", "Pacific/Kiritimati", "UTC"]) {
        process.env.TZ = tz
        // The zone is in force (Los Angeles is UTC−8 in January).
        if (tz === "America/Los_Angeles")
          expect(new Date(2025, 0, 29).getTimezoneOffset()).toBe(480)
        expect(iso(LunarDay.fromYmd(2025, 1, 1).getSolarDay())).toBe("2025-01-29")
        expect(iso(LunarDay.fromYmd(2027, 8, 15).getSolarDay())).toBe("2027-09-15")
        expect(iso(SolarTerm.fromName(2027, "清明").getSolarDay())).toBe("2027-04-05")
      }
    } finally {
      if (zone === undefined) delete process.env.TZ
      else process.env.TZ = zone
    }
  })
})
