import { deepEqual, equal, throws } from "node:assert/strict"
import { Calendar } from "@gongjian/core"

// #region day
const cal = Calendar.stateCouncil()
equal(Calendar.day(cal, "2026-02-14").kind, "makeup-workday") // a working Saturday (调休)
equal(Calendar.day(cal, "2026-02-17").name?.zh, "春节")
equal(Calendar.isWorkingDay(cal, "2026-10-10"), true)
equal(Calendar.isWorkingDay(cal, "2026-10-07"), false)
// #endregion day

// #region addWorkingDays
// 001 三.(三).2, 限时办结: materials complete on Friday 2025-09-26; three working
// days are 9-28 (a working Sunday), 9-29 and 9-30.
equal(Calendar.addWorkingDays(cal, "2025-09-26", 3), "2025-09-30")
equal(Calendar.nextWorkingDay(cal, "2026-09-30"), "2026-10-08")
// #endregion addWorkingDays

// #region workingDaysBetween
equal(Calendar.workingDaysBetween(cal, "2025-09-26", "2025-09-30"), 3)
// #endregion workingDaysBetween

// #region overrides
// A county that gives a local holiday and works the next Saturday instead.
const overrides: ReadonlyArray<Calendar.CalendarOverride> = [
  { date: "2026-11-23", working: false, name: "县庆" },
  { date: "2026-11-28", working: true, name: "县庆调休" }
]
const county = Calendar.make({ overrides })
equal(Calendar.isWorkingDay(county, "2026-11-23"), false)
const saturday: Calendar.Day = Calendar.day(county, "2026-11-28")
const kind: Calendar.DayKind = saturday.kind
equal(kind, "makeup-workday")
equal(saturday.source, "local")
equal(saturday.name?.zh, "县庆调休")
equal(Calendar.addWorkingDays(county, "2026-11-20", 1), "2026-11-24")
// #endregion overrides

// #region coverage
equal(Calendar.coverage(cal).lastYear, 2026)
equal(Calendar.isCovered(cal, "2027-03-01"), false)
// Strict mode: a year with no State Council notice is an error.
const strict = Calendar.make({ outsideCoverage: "error" })
throws(() => Calendar.isWorkingDay(strict, "2027-03-01"), { name: "CalendarCoverageError" })
// An explicit, visible fallback: only weekends count outside the data.
const lenient = Calendar.make({ outsideCoverage: "weekends" })
equal(Calendar.isWorkingDay(lenient, "2027-03-01"), true)
equal(Calendar.day(lenient, "2027-03-01").source, "fallback")
// #endregion coverage

// #region provisional
// 2027 has no State Council notice yet: its statutory holidays are computed.
// 国庆 10-1 (Friday) to 10-3; Saturday 10-2 and Sunday 10-3 give Monday 10-4
// and Tuesday 10-5 in lieu (补假), so Thursday 9-30 + 1 working day = 10-6.
const outside: Calendar.OutsideCoverage = cal.outsideCoverage
equal(outside, "provisional") // the default
equal(Calendar.isProvisional(cal, "2027-10-01"), true)
equal(Calendar.addWorkingDays(cal, "2027-09-30", 1), "2027-10-06")
equal(Calendar.day(cal, "2027-10-04").name?.zh, "国庆节补假")
equal(Calendar.day(cal, "2027-10-04").provisional, true)
// A count from 2026 into 2027 reads one provisional year: mark the result.
deepEqual(Calendar.provisionalYears(cal, "2026-12-30", "2027-01-04"), [2027])
equal(Calendar.provisionalNote.zh, "按法定节假日推算，待国务院通知")
equal(
  Calendar.markProvisional({ zh: "期限2027-01-05", en: "due 2027-01-05" }, [2027]).zh,
  "期限2027-01-05（按法定节假日推算，待国务院通知）"
)
// When the notice is added (overrides and coverYears), 2027 is no longer provisional.
const noticed = Calendar.make({
  overrides: [{ date: "2027-10-08", working: false, name: "国庆节" }],
  coverYears: [2027]
})
equal(Calendar.isProvisional(noticed, "2027-10-01"), false)
// #endregion provisional

// #region statutory
// 春节 2027: 除夕 Friday 2-5, 初一 to 初三 2-6…2-8; Saturday 2-6 and Sunday 2-7
// give Tuesday 2-9 and Wednesday 2-10 in lieu.
const spring: ReadonlyArray<Calendar.StatutoryHoliday> = Calendar.statutoryHolidays(2027).filter(
  (d) => d.name.zh.startsWith("春节")
)
deepEqual(
  spring.map((d) => `${d.date}${d.inLieu ? " 补假" : ""}`),
  ["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09 补假", "2027-02-10 补假"]
)
// #endregion statutory
