import { equal } from "node:assert/strict"
import { Ratio } from "@gongjian/core"
import { Percent } from "@gongjian/reports"

// #region format
// One decimal, always written, rounded half up from the exact value.
equal(Percent.places, 1)
equal(Percent.format(Ratio.makeUnsafe(1, 3)), "33.3%")
equal(Percent.format(Ratio.makeUnsafe(2, 3)), "66.7%")
equal(Percent.format(0.27), "27.0%")
equal(Percent.format(Ratio.makeUnsafe(1235, 10000)), "12.4%") // a half goes up
equal(Percent.format(Ratio.makeUnsafe(1234999, 10000000)), "12.3%")
equal(Percent.round(Ratio.makeUnsafe(-5, 100)), "-0.1") // away from zero
equal(Percent.format(Ratio.makeUnsafe(9996, 10000)), "99.9%") // below 100% never reads 100.0%
// 序时进度 of a target running 1 August to 30 September, as of 15 September:
// 46 of 61 days, 75.409…% → 75.4%; a unit at ⅔ is 8.7 points behind.
const expected = Percent.elapsed("2026-08-01", "2026-09-30", "2026-09-15")
equal(Percent.format(expected), "75.4%")
equal(Percent.points(Percent.behind(expected, Ratio.makeUnsafe(2, 3))), "8.7")
// #endregion format
