import { Ratio } from "@gongjian/core"
import { describe, expect, it } from "vitest"
import { Percent, WallChart } from "../src/index.js"
import { sampleBulletin } from "./samples.js"

const r = (n: number | string, d: number | string = 1) => Ratio.makeUnsafe(n, d)

describe("Percent", () => {
  it("writes one decimal, always, rounded half up from the exact value", () => {
    expect(Percent.format(r(1, 3))).toBe("33.3%") // 33.33…
    expect(Percent.format(r(2, 3))).toBe("66.7%") // 66.66…
    expect(Percent.format(r("0.27"))).toBe("27.0%")
    expect(Percent.format(r(0))).toBe("0.0%")
    expect(Percent.format(r(3, 2))).toBe("150.0%")
    // 1/80 = 1.25%: a half goes up (half-even would write 1.2%); 3/80 = 3.75% → 3.8%.
    expect(Percent.format(r(1, 80))).toBe("1.3%")
    expect(Percent.format(r(3, 80))).toBe("3.8%")
    // Exact, not from a float: 0.1234999 → 12.34999% → 12.3%; 0.1235 → 12.35% → 12.4%.
    expect(Percent.format(r("0.1234999"))).toBe("12.3%")
    expect(Percent.format(r("0.1235"))).toBe("12.4%")
    // A half away from zero below zero too: −0.05 points → −0.1.
    expect(Percent.points(r("-0.05"))).toBe("-0.1")
    expect(Percent.points(r("-0.04"))).toBe("0.0")
  })

  it("never writes 100.0% for a share below 1: the target is not met", () => {
    // 4,999.98万 of 5,000万 = 99.9996% would round to 100.0%.
    expect(Percent.format(r("4999.98", "5000"))).toBe("99.9%")
    expect(Percent.format(r(1))).toBe("100.0%")
    // 99.951% would round to 100.0%; it is below 1, so 99.9%. 99.94% rounds to 99.9% anyway.
    expect(Percent.format(r("0.99951"))).toBe("99.9%")
    expect(Percent.format(r("0.9994"))).toBe("99.9%")
  })

  it("works out 序时进度 and the points behind from days, exactly", () => {
    // 2026-01-01…2026-12-31 is 365 days; by 09-30, 273 have passed: 74.794…% → 74.8%.
    const year = Percent.elapsed("2026-01-01", "2026-12-31", "2026-09-30")
    expect(year).toEqual(r(273, 365))
    expect(Percent.format(year)).toBe("74.8%")
    // 27% done: (273/365 − 0.27) × 100 = 47.794… → 47.8 points.
    expect(Percent.points(Percent.behind(year, r("0.27")))).toBe("47.8")
    // Before the start nothing has elapsed; after the end, all of it.
    expect(Percent.elapsed("2026-08-01", "2026-09-30", "2026-07-01")).toEqual(r(0))
    expect(Percent.elapsed("2026-08-01", "2026-09-30", "2026-10-15")).toEqual(r(1))
  })

  it("is what the wall charts print", () => {
    const { snapshot } = sampleBulletin("002-investment-drive")
    const progress = WallChart.progress(snapshot, { asOf: "2026-09-30" })
    const heatmap = WallChart.heatmap(snapshot, { asOf: "2026-09-30" })
    for (const svg of [progress, heatmap]) {
      // 新开工项目: park-c 1 of 3, street-b 2 of 3.
      expect(svg).toContain(">33.3%<")
      expect(svg).toContain(">66.7%<")
      expect(svg).not.toMatch(/…%|\d\.\d{2,}%/)
    }
    // The panel of the annual task: 序时进度 273/365 → 74.8%.
    expect(progress).toContain("招商引资年度目标任务（序时进度 74.8%）")
  })
})
