import { deepStrictEqual, equal } from "node:assert/strict"
import { Money, Ratio } from "@gongjian/core"
import * as BigDecimal from "effect/BigDecimal"

// #region ratio
// 4,999.98万美元 paid in of a 5,000万美元 target: exactly 249999 / 250000.
const paid = Money.parseUnsafe("4999.98万美元")
const goal = Money.parseUnsafe("5000万美元")
const completion = Ratio.makeUnsafe(paid.amount, goal.amount)
deepStrictEqual([completion.numerator, completion.denominator], [249999n, 250000n])
equal(JSON.stringify(completion), '"249999/250000"')
deepStrictEqual(Ratio.make(1, 0), undefined)
// #endregion ratio

// #region compare
// Not reached: a veto that turns on missing the target applies.
equal(Ratio.isAtLeast(completion, 1), false)
equal(Ratio.compare(Ratio.makeUnsafe(2, 3), "0.6667"), -1)
deepStrictEqual(Ratio.min(Ratio.makeUnsafe(6, 5), 1), Ratio.makeUnsafe(1))
deepStrictEqual(Ratio.max(Ratio.makeUnsafe(-1, 5), 0), Ratio.makeUnsafe(0))
deepStrictEqual(Ratio.multiply(Ratio.makeUnsafe(2, 3), 10), Ratio.makeUnsafe(20, 3))
deepStrictEqual(Ratio.subtract(Ratio.makeUnsafe(1), completion), Ratio.makeUnsafe(1, 250000))
// #endregion compare

// #region display
// Rounded once, where it is shown: half-even at the places asked for.
equal(BigDecimal.format(Ratio.round(Ratio.makeUnsafe(20, 3), 6)), "6.666667")
equal(Ratio.toNumber(completion, 4), 1)
// A message shows it without ever reading as reached.
equal(Ratio.show(completion), "0.999996")
equal(Ratio.show(Ratio.makeUnsafe(2, 3)), "0.666666…")
equal(Ratio.showPercent(Ratio.makeUnsafe(57, 100)), "57%")
// #endregion display

// #region percent
// As people read it: one decimal, half up from the exact value.
equal(Ratio.percent(Ratio.makeUnsafe(5, 7)), "71.4%")
equal(Ratio.percent(Ratio.makeUnsafe(1235, 10000)), "12.4%") // a half goes up
equal(Ratio.percent(0.27), "27.0%")
// A target missed by a hair never reads as met.
equal(Ratio.percent(completion), "99.9%")
equal(Ratio.percent(Ratio.makeUnsafe(1)), "100.0%")
equal(Ratio.roundHalfUp(Ratio.makeUnsafe(-5, 100), 1), "-0.1") // away from zero
equal(Ratio.percentPlaces, 1)
// #endregion percent

// #region score
// A unit's total as a ranking shows it: at most two decimals, half up.
equal(Ratio.score("27.214286"), "27.21")
equal(Ratio.score("14.666667"), "14.67")
equal(Ratio.score("39.995"), "40") // a half goes up, trailing zeros go
equal(Ratio.score("27.5"), "27.5")
equal(Ratio.score(41), "41")
equal(Ratio.score(Ratio.makeUnsafe(-1, 3)), "-0.33")
equal(Ratio.scorePlaces, 2)
// #endregion score
