import { LocalDate, Period } from "@gongjian/core"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"

const date = fc
  .integer({ min: LocalDate.toDays("1990-01-01"), max: LocalDate.toDays("2099-12-31") })
  .map(LocalDate.fromDays)

describe("LocalDate", () => {
  it("clamps month arithmetic to the end of the month", () => {
    expect(LocalDate.addMonths("2025-11-30", 3)).toBe("2026-02-28")
    expect(LocalDate.addMonths("2023-11-30", 3)).toBe("2024-02-29")
    expect(LocalDate.addMonths("2026-01-31", 1)).toBe("2026-02-28")
    expect(LocalDate.addMonths("2026-03-31", -1)).toBe("2026-02-28")
    expect(LocalDate.addMonths("2026-08-31", 24)).toBe("2028-08-31")
  })

  it("rejects dates that do not exist", () => {
    for (const s of [
      "2026-02-29",
      "2026-13-01",
      "2026-00-10",
      "2026-4-1",
      "20260401",
      "0099-01-01"
    ]) {
      expect(LocalDate.isLocalDate(s)).toBe(false)
    }
    expect(LocalDate.isLocalDate("2024-02-29")).toBe(true)
  })

  it("month arithmetic: right month, never a later day, and exact when the day exists", () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -60, max: 60 }), (d, n) => {
        const r = LocalDate.addMonths(d, n)
        const a = LocalDate.parts(d)
        const b = LocalDate.parts(r)
        expect(b.year * 12 + b.month - (a.year * 12 + a.month)).toBe(n)
        expect(b.day).toBeLessThanOrEqual(a.day)
        if (a.day <= 28) expect(b.day).toBe(a.day)
        // Clamped only to the last day of the month.
        if (b.day < a.day) expect(LocalDate.parts(LocalDate.addDays(r, 1)).day).toBe(1)
      })
    )
  })

  it("day numbers round-trip and order like the strings", () => {
    fc.assert(
      fc.property(date, date, (a, b) => {
        expect(LocalDate.fromDays(LocalDate.toDays(a))).toBe(a)
        expect(Math.sign(LocalDate.daysBetween(a, b))).toBe(LocalDate.compare(b, a))
      })
    )
  })
})

describe("Period", () => {
  it("labels ISO weeks across year ends", () => {
    expect(Period.of("week", "2026-01-01").label).toBe("2026-W01")
    expect(Period.of("week", "2027-01-01").label).toBe("2026-W53")
    expect(Period.of("week", "2024-12-30").label).toBe("2025-W01")
  })

  it("splits months into halves 1–15 and 16–end", () => {
    expect(Period.of("half-month", "2024-02-16")).toMatchObject({
      start: "2024-02-16",
      end: "2024-02-29",
      label: "2024-02-H2"
    })
    expect(Period.of("half-month", "2026-08-15")).toMatchObject({
      start: "2026-08-01",
      end: "2026-08-15"
    })
  })

  it("periods contain their date and tile the calendar without gaps", () => {
    const cadences = ["week", "half-month", "month", "quarter", "half-year", "year"] as const
    fc.assert(
      fc.property(date, fc.constantFrom(...cadences), (d, cadence) => {
        const p = Period.of(cadence, d)
        expect(Period.contains(p, d)).toBe(true)
        const n = Period.next(p)
        expect(n.start).toBe(LocalDate.addDays(p.end, 1))
        expect(n.label).not.toBe(p.label)
      })
    )
  })
})

describe("LocalDate day numbers", () => {
  it("adds months to day numbers as to dates, across the years of the lookup table and beyond", () => {
    const wide = fc
      .integer({ min: LocalDate.toDays("1800-01-01"), max: LocalDate.toDays("2300-12-31") })
      .map(LocalDate.fromDays)
    fc.assert(
      fc.property(wide, fc.integer({ min: -1300, max: 1300 }), (a, months) => {
        expect(LocalDate.fromDays(LocalDate.addMonthsToDays(LocalDate.toDays(a), months))).toBe(
          LocalDate.addMonths(a, months)
        )
      }),
      { numRuns: 5000 }
    )
    // End of month, leap days, and the table's edges (1900-01, 2199-12).
    for (const [a, months, want] of [
      ["2025-11-30", 3, "2026-02-28"],
      ["2024-02-29", 12, "2025-02-28"],
      ["1900-01-31", 1, "1900-02-28"],
      ["2199-12-31", 2, "2200-02-28"],
      ["1899-12-31", 2, "1900-02-28"]
    ] as const)
      expect(LocalDate.fromDays(LocalDate.addMonthsToDays(LocalDate.toDays(a), months))).toBe(want)
  })

  it("reads day numbers the same inside and outside the lookup table's years", () => {
    // Days since 1970-01-01 as JavaScript's UTC clock counts them.
    const utc = (a: string) =>
      Date.UTC(+a.slice(0, 4), +a.slice(5, 7) - 1, +a.slice(8, 10)) / 86_400_000
    for (const a of [
      "1000-01-01",
      "1899-12-31",
      "1900-01-01",
      "1970-01-01",
      "2199-12-31",
      "2200-01-01",
      "9999-12-31"
    ])
      expect(LocalDate.toDays(a)).toBe(utc(a))
  })
})
