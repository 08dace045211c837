import { Money, Snapshot } from "@gongjian/core"
import * as BigDecimal from "effect/BigDecimal"
import * as Result from "effect/Result"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { baseInput } from "./fixtures.js"

const yuan = (text: string) => {
  const m = Money.parseUnsafe(text)
  return `${BigDecimal.format(m.amount)} ${m.currency}`
}

describe("parse", () => {
  it.each([
    ["8.6亿元", "860000000 CNY"],
    ["5000万美元", "50000000 USD"],
    ["1亿美元", "100000000 USD"],
    ["3.8亿", "380000000 CNY"],
    ["860,000,000元", "860000000 CNY"],
    ["25亿元", "2500000000 CNY"],
    ["10万元", "100000 CNY"],
    ["0.5万元", "5000 CNY"],
    ["  110 亿元 ", "11000000000 CNY"],
    ["人民币2.5亿元", "250000000 CNY"],
    ["USD 100万", "1000000 USD"],
    ["-300万元", "-3000000 CNY"],
    ["1.23456789亿元", "123456789 CNY"],
    ["1千万元", "10000000 CNY"]
  ])("reads %s", (text, expected) => {
    expect(yuan(text)).toBe(expected)
  })

  it.each(["15000", "1,500", "3.5", " 8600 "])(
    "refuses %j, a number without a unit (元? 万元?), rather than guess",
    (text) => {
      expect(Result.isFailure(Money.parse(text))).toBe(true)
    }
  )

  it("reads a bare zero as zero, and the same number with its unit", () => {
    expect(yuan("0")).toBe("0 CNY")
    expect(yuan("15000元")).toBe("15000 CNY")
    expect(yuan("15000万元")).toBe("150000000 CNY")
  })

  it("refuses a snapshot amount written without a unit, naming the record and field", () => {
    const r = Snapshot.decode({
      ...baseInput(),
      projects: [
        {
          id: "P-1",
          name: "甲",
          unit: "town-a",
          sector: "secondary",
          investment: { total: "15000" },
          events: [{ type: "signed", date: "2026-03-01" }]
        }
      ]
    })
    expect(Result.isFailure(r) && r.failure.problems.map((p) => [p.record, p.field])).toEqual([
      ["project P-1", "investment.total"]
    ])
  })

  it("reads text without a currency in the default currency", () => {
    expect(Money.parseUnsafe("5000万", { defaultCurrency: "USD" }).currency).toBe("USD")
  })

  it.each(["", "亿元", "八亿元", "1,00元", "1.2.3亿", "5亿欧元", "USD 5亿元", "abc"])(
    "rejects %j with a typed error quoting the text",
    (text) => {
      const r = Money.parse(text)
      expect(Result.isFailure(r)).toBe(true)
      if (Result.isFailure(r)) {
        expect(r.failure._tag).toBe("MoneyParseError")
        expect(r.failure.text).toBe(text)
        expect(r.failure.message).toContain(JSON.stringify(text))
      }
    }
  )
})

describe("format", () => {
  it("writes 万元 and 亿元 with a stated precision, rounding half up", () => {
    const m = Money.parseUnsafe("3.456亿元")
    expect(Money.format(m, { precision: 2 })).toBe("3.46亿元")
    expect(Money.format(m, { magnitude: "万", precision: 0 })).toBe("34560万元")
    expect(Money.format(Money.parseUnsafe("1.005万元"), { precision: 2 })).toBe("1.01万元")
    expect(Money.format(Money.parseUnsafe("2亿元"), { precision: 2 })).toBe("2.00亿元")
    expect(Money.format(Money.parseUnsafe("-0.125亿元"), { magnitude: "亿", precision: 2 })).toBe(
      "-0.13亿元"
    )
  })

  it("picks the magnitude that keeps the number at least 1", () => {
    expect(Money.format(Money.parseUnsafe("9999元"))).toBe("9999元")
    expect(Money.format(Money.parseUnsafe("10000元"))).toBe("1万元")
    expect(Money.format(Money.parseUnsafe("99999999元"))).toBe("9999.9999万元")
    expect(Money.format(Money.parseUnsafe("1亿美元"))).toBe("1亿美元")
  })
})

describe("arithmetic", () => {
  it("is exact where floating point is not", () => {
    const a = Money.parseUnsafe("0.1亿元")
    const b = Money.parseUnsafe("0.2亿元")
    expect(Money.equals(Money.addUnsafe(a, b), Money.parseUnsafe("0.3亿元"))).toBe(true)
  })

  it("refuses to mix currencies, with a typed error", () => {
    const cny = Money.parseUnsafe("1亿元")
    const usd = Money.parseUnsafe("1亿美元")
    for (const f of [
      () => Money.addUnsafe(cny, usd),
      () => Money.subtractUnsafe(cny, usd),
      () => Money.compareUnsafe(cny, usd),
      () => Money.sumUnsafe([cny, usd])
    ]) {
      expect(f).toThrow(
        expect.objectContaining({ _tag: "CurrencyMismatchError", left: "CNY", right: "USD" })
      )
    }
  })

  it("divides into a ratio, undefined for a zero goal", () => {
    expect(
      BigDecimal.format(
        Money.ratioUnsafe(Money.parseUnsafe("1亿元"), Money.parseUnsafe("3亿元"), 4)!
      )
    ).toBe("0.3333")
    expect(Money.ratioUnsafe(Money.parseUnsafe("1亿元"), Money.zero())).toBeUndefined()
  })
})

const money = fc
  .record({
    units: fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }),
    scale: fc.integer({ min: 0, max: 6 }),
    currency: fc.constantFrom("CNY" as const, "USD" as const)
  })
  .map(({ units, scale, currency }) => Money.makeUnsafe(BigDecimal.make(units, scale), currency))

describe("properties", () => {
  it("parse(format(m)) gives m back, in every magnitude", () => {
    fc.assert(
      fc.property(
        money,
        fc.constantFrom("auto" as const, "元" as const, "万" as const, "亿" as const),
        (m, magnitude) => {
          const back = Money.parseUnsafe(Money.format(m, { magnitude }))
          expect(Money.equals(back, m)).toBe(true)
        }
      )
    )
  })

  it("formatting with a precision is within half a unit of the last place", () => {
    fc.assert(
      fc.property(money, fc.integer({ min: 0, max: 4 }), (m, precision) => {
        const back = Money.parseUnsafe(Money.format(m, { magnitude: "万", precision }))
        const diff = BigDecimal.abs(Money.subtractUnsafe(back, m).amount)
        // Half of 10^-precision 万 = 5000 × 10^-precision 元.
        const half = BigDecimal.make(5000n, precision)
        expect(BigDecimal.isLessThanOrEqualTo(diff, half)).toBe(true)
      })
    )
  })

  it("sum does not depend on order", () => {
    fc.assert(
      fc.property(
        fc.array(
          money.filter((m) => m.currency === "CNY"),
          { maxLength: 20 }
        ),
        (ms) => {
          const reversed = [...ms].reverse()
          expect(Money.equals(Money.sumUnsafe(ms), Money.sumUnsafe(reversed))).toBe(true)
        }
      )
    )
  })
})

describe("the names of the functions that throw", () => {
  it("end in Unsafe; the former names still work, for one release", () => {
    expect(Money.make).toBe(Money.makeUnsafe)
    expect(Money.add).toBe(Money.addUnsafe)
    expect(Money.subtract).toBe(Money.subtractUnsafe)
    expect(Money.sum).toBe(Money.sumUnsafe)
    expect(Money.times).toBe(Money.timesUnsafe)
    expect(Money.compare).toBe(Money.compareUnsafe)
    expect(Money.isAtLeast).toBe(Money.isAtLeastUnsafe)
    expect(Money.ratio).toBe(Money.ratioUnsafe)
  })

  it("order amounts of different scales exactly (1.50亿 = 15000万, 0.1 < 0.10001)", () => {
    expect(Money.compareUnsafe(Money.parseUnsafe("1.50亿元"), Money.parseUnsafe("15000万元"))).toBe(
      0
    )
    expect(Money.compareUnsafe(Money.makeUnsafe("0.1"), Money.makeUnsafe("0.10001"))).toBe(-1)
    expect(Money.compareUnsafe(Money.makeUnsafe("-2"), Money.makeUnsafe("-10.5"))).toBe(1)
  })
})
