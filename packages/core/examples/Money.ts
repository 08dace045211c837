import { deepStrictEqual, equal, throws } from "node:assert/strict"
import { Money } from "@gongjian/core"
import * as BigDecimal from "effect/BigDecimal"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"

// #region parse
// Amounts as plans write them (000 一: 合同外资1億美元, 區外內資8.6億元).
const fdi = Money.parseUnsafe("1亿美元")
equal(fdi.currency, "USD")
equal(Money.format(fdi, { magnitude: "万" }), "10000万美元")
equal(Money.equals(Money.parseUnsafe("8.6亿元"), Money.parseUnsafe("860,000,000元")), true)

// Bad text is a typed error that quotes it.
const bad = Money.parse("八亿元")
equal(Result.isFailure(bad) && bad.failure._tag, "MoneyParseError")
// A number without a unit is refused, not guessed: 15000元? 15000万元?
equal(Result.isFailure(Money.parse("15000")), true)
equal(Money.format(Money.parseUnsafe("15000万元")), "1.5亿元")
// #endregion parse

// #region make
const paidIn = Money.makeUnsafe("50000000", "USD")
const currency: Money.Currency = paidIn.currency
equal(currency, "USD")
equal(Schema.is(Money.Currency)("EUR"), false) // only 元 and 美元
const magnitude: Money.Magnitude = "万"
equal(Money.format(paidIn, { magnitude }), "5000万美元")
// #endregion make

// #region arithmetic
const goal = Money.parseUnsafe("3.8亿元")
const done = Money.sumUnsafe([Money.parseUnsafe("1.2亿元"), Money.parseUnsafe("7600万元")])
equal(Money.format(done), "1.96亿元")
equal(Money.format(Money.subtractUnsafe(goal, done)), "1.84亿元")
equal(Money.isAtLeastUnsafe(done, Money.parseUnsafe("1亿元")), true)
equal(BigDecimal.format(Money.ratioUnsafe(done, goal)!), "0.515789") // 1.96 / 3.8
equal(Money.compareUnsafe(Money.zero(), done), -1)
equal(Money.format(Money.timesUnsafe(goal, "0.5")), "1.9亿元")
equal(Money.format(Money.addUnsafe(goal, Money.zero())), "3.8亿元")
// One bound, many amounts: prepared once.
const fromOneYi = Money.comparedToUnsafe(Money.parseUnsafe("1亿元"))
deepStrictEqual(
  ["9999万元", "1亿元", "1.96亿元", "0.015元"].map((m) => fromOneYi(Money.parseUnsafe(m))),
  [-1, 0, 1, -1]
)
// #endregion arithmetic

// #region former
// The former names are the same functions as their `…Unsafe` successors.
equal(Money.make, Money.makeUnsafe)
equal(Money.add, Money.addUnsafe)
equal(Money.subtract, Money.subtractUnsafe)
equal(Money.sum, Money.sumUnsafe)
equal(Money.times, Money.timesUnsafe)
equal(Money.compare, Money.compareUnsafe)
equal(Money.isAtLeast, Money.isAtLeastUnsafe)
equal(Money.ratio, Money.ratioUnsafe)
// #endregion former

// #region mismatch
throws(() => Money.addUnsafe(Money.parseUnsafe("1亿元"), Money.parseUnsafe("1亿美元")), {
  name: "CurrencyMismatchError"
})
// #endregion mismatch

// #region format
const investment = Money.parseUnsafe("25亿元")
equal(Money.format(investment), "25亿元")
equal(Money.format(investment, { magnitude: "万" }), "250000万元")
equal(Money.format(Money.parseUnsafe("3.456亿元"), { precision: 2 }), "3.46亿元")
equal(Money.toWanNumber(investment), 250000)
// #endregion format

// #region schema
const decode = Schema.decodeUnknownSync(Money.MoneyFromJson)
deepStrictEqual(decode("8.6亿元"), decode({ amount: "860000000", currency: "CNY" }))
deepStrictEqual(Schema.encodeSync(Money.MoneyFromJson)(decode("5000万美元")), {
  amount: "50000000",
  currency: "USD"
})
// An investment, a goal or a fund arrival cannot be negative.
const nonNegative = Schema.decodeUnknownResult(Money.NonNegativeMoneyFromJson)
deepStrictEqual(Result.isFailure(nonNegative("-1.2亿元")), true)
deepStrictEqual(Result.isSuccess(nonNegative("0元")), true)
// #endregion schema

// #region fen
// Whole fen as numbers: 1亿元 is 10,000,000,000 fen; 0.015元 has a part below a fen.
equal(Money.toFen(Money.parseUnsafe("1亿元")), 10_000_000_000)
equal(Money.toFen(Money.parseUnsafe("1.5元")), 150)
equal(Number.isNaN(Money.toFen(Money.parseUnsafe("0.015元"))), true)
// #endregion fen
