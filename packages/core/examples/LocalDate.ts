import { equal, throws } from "node:assert/strict"
import { LocalDate } from "@gongjian/core"
import * as Schema from "effect/Schema"

// #region schema
const decode = Schema.decodeUnknownSync(LocalDate.LocalDate)
equal(decode("2026-11-22"), "2026-11-22")
throws(() => decode("2026-02-30")) // there is no 30 February
// #endregion schema

// #region isLocalDate
equal(LocalDate.isLocalDate("2025-09-26"), true)
equal(LocalDate.isLocalDate("2025/09/26"), false)
// #endregion isLocalDate

// #region days
const n = LocalDate.toDays("2026-01-01")
equal(n, 20454)
equal(LocalDate.fromDays(n + 31), "2026-02-01")
equal(
  LocalDate.fromDays(LocalDate.addMonthsToDays(LocalDate.toDays("2025-11-30"), 3)),
  "2026-02-28"
)
// #endregion days

// #region addDays
equal(LocalDate.addDays("2026-02-20", 100), "2026-05-31") // the 百日攻坚 window, 000
equal(LocalDate.daysBetween("2026-02-20", "2026-05-31"), 100)
// #endregion addDays

// #region addMonths
equal(LocalDate.addMonths("2025-11-30", 3), "2026-02-28") // clamped to month end
equal(LocalDate.addMonths("2026-03-15", -3), "2025-12-15")
equal(LocalDate.addYears("2024-02-29", 2), "2026-02-28")
// #endregion addMonths

// #region compare
equal(LocalDate.compare("2026-01-01", "2026-03-01"), -1)
equal(LocalDate.max("2026-01-01", "2026-03-01"), "2026-03-01")
equal(LocalDate.min("2026-01-01", "2026-03-01"), "2026-01-01")
// #endregion compare

// #region parts
const p = LocalDate.parts("2026-11-22")
equal(p.weekday, 7) // a Sunday
equal(LocalDate.make(2026, 2, 29), undefined)
equal(LocalDate.weekdayOfDays(LocalDate.toDays("2026-11-23")), 1) // Monday
// #endregion parts
