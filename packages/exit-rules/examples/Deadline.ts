import { deepStrictEqual, equal } from "node:assert/strict"
import { Calendar, LocalDate } from "@gongjian/core"
import { Deadline } from "@gongjian/exit-rules"

// #region add
const cal = Calendar.stateCouncil()
const threeMonths: Deadline.Duration = { months: 3 }
equal(Deadline.add("2025-11-30", threeMonths, cal), "2026-02-28") // clamped to month end
equal(Deadline.add("2024-09-01", { years: 2 }, cal), "2026-09-01")
equal(Deadline.add("2025-09-26", { workingDays: 3 }, cal), "2025-09-30") // 9-28 was worked
equal(Deadline.subtract("2026-11-30", { days: 30 }, cal), "2026-10-31")
deepStrictEqual(Deadline.describe(threeMonths), { zh: "3个月", en: "3 months" })
// The same on day numbers, for engines that loop over many projects.
const day = LocalDate.toDays("2025-11-30")
equal(LocalDate.fromDays(Deadline.addDays(day, threeMonths, cal)), "2026-02-28")
const later = LocalDate.toDays("2026-11-30")
equal(LocalDate.fromDays(Deadline.subtractDays(later, { days: 30 }, cal)), "2026-10-31")
// #endregion add

// #region extend
// Land supplied 2026-05-31, three months → 2026-08-31; a 30-day pause for
// relocation not caused by the enterprise moves it to 2026-09-30.
const { deadline, extensions } = Deadline.extend("2026-05-31", "2026-08-31", [
  { from: "2026-06-10", until: "2026-07-09", reason: "征迁未完成" }
])
equal(deadline, "2026-09-30")
const pause: Deadline.Extension = extensions[0]!
equal(pause.days, 30)
equal(pause.reason, "征迁未完成")
// #endregion extend
