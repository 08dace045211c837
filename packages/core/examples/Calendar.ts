import { equal, throws } from "node:assert/strict"
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
const county = Calendar.make({
  overrides: [
    { date: "2026-11-23", working: false, name: "县庆" },
    { date: "2026-11-28", working: true, name: "县庆调休" }
  ]
})
equal(Calendar.isWorkingDay(county, "2026-11-23"), false)
equal(Calendar.day(county, "2026-11-28").kind, "makeup-workday")
equal(Calendar.addWorkingDays(county, "2026-11-20", 1), "2026-11-24")
// #endregion overrides

// #region coverage
equal(Calendar.coverage(cal).lastYear, 2026)
equal(Calendar.isCovered(cal, "2027-03-01"), false)
throws(() => Calendar.isWorkingDay(cal, "2027-03-01"), { name: "CalendarCoverageError" })
// An explicit, visible fallback: only weekends count outside the data.
const lenient = Calendar.make({ outsideCoverage: "weekends" })
equal(Calendar.isWorkingDay(lenient, "2027-03-01"), true)
equal(Calendar.day(lenient, "2027-03-01").source, "fallback")
// #endregion coverage
