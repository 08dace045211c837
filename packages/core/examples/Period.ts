import { deepStrictEqual, equal } from "node:assert/strict"
import { Period } from "@gongjian/core"
import * as Schema from "effect/Schema"

// #region of
const cadence: Period.Cadence = "week"
const week = Period.of(cadence, "2026-11-22")
deepStrictEqual(week, {
  cadence: "week",
  start: "2026-11-16",
  end: "2026-11-22",
  label: "2026-W47"
})
equal(Period.of("half-month", "2026-02-20").label, "2026-02-H2")
equal(Period.of("half-month", "2026-02-20").end, "2026-02-28")
equal(Period.of("quarter", "2026-11-22").label, "2026-Q4")
equal(Period.next(Period.of("month", "2026-12-05")).label, "2027-01")
equal(Period.contains(Period.of("half-year", "2026-03-01"), "2026-06-30"), true)
equal(Schema.is(Period.Cadence)("fortnight"), false) // 半月 is "half-month"
// #endregion of

// #region between
// 002 四.3: one bulletin every half month during the August–September drive.
const bulletins = Period.between("half-month", "2026-08-01", "2026-09-30")
deepStrictEqual(
  bulletins.map((p) => p.label),
  ["2026-08-H1", "2026-08-H2", "2026-09-H1", "2026-09-H2"]
)
// #endregion between
