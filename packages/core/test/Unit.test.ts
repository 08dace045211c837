import { Ratio, Unit } from "@gongjian/core"
import { describe, expect, it } from "vitest"

describe("Unit.areaLabel", () => {
  it("names the area after the root unit's name, whatever its kind", () => {
    // The samples: 000–002 示范区, 003 示范市 (recorded as a district), 004 桐木镇.
    expect(Unit.areaLabel([{ name: "示范区", kind: "district" }]).zh).toBe("全区")
    expect(Unit.areaLabel([{ name: "示范市", kind: "district" }]).zh).toBe("全市")
    expect(Unit.areaLabel([{ name: "桐木镇", kind: "town" }]).zh).toBe("全镇")
    expect(Unit.areaLabel([{ name: "甲县", kind: "other" }]).zh).toBe("全县")
    expect(Unit.areaLabel([{ name: "城东街道", kind: "street" }]).zh).toBe("全街道")
    // A 社区 is not a 区.
    expect(Unit.areaLabel([{ name: "东湖社区", kind: "village" }]).zh).toBe("全社区")
    // An issuing body's 人民政府 or 管委会 after the area is read past.
    expect(Unit.areaLabel([{ name: "甲县人民政府", kind: "other" }]).zh).toBe("全县")
    expect(Unit.areaLabel([{ name: "经济开发区管委会", kind: "zone-committee" }]).zh).toBe("全区")
  })

  it("reads only the root: units with a parent do not count", () => {
    const units = [
      { name: "新塍镇", kind: "town" as const, parent: "county" },
      { name: "示范县", kind: "county" as const },
      { name: "城东街道", kind: "street" as const, parent: "county" }
    ]
    expect(Unit.areaLabel(units)).toEqual({ zh: "全县", en: "whole county" })
  })

  it("falls back to the root's kind, then to 全域 when nothing says", () => {
    expect(Unit.areaLabel([{ name: "桐木", kind: "town" }]).zh).toBe("全镇")
    expect(Unit.areaLabel([{ name: "示范", kind: "county" }]).zh).toBe("全县")
    expect(Unit.areaLabel([{ name: "项目办", kind: "department" }]).zh).toBe("全域")
    expect(Unit.areaLabel([]).zh).toBe("全域")
    // Two units without a parent: the data names no single area.
    const two = [
      { name: "甲镇", kind: "town" as const },
      { name: "乙镇", kind: "town" as const }
    ]
    expect(Unit.areaLabel(two)).toEqual({ zh: "全域", en: "whole area" })
  })
})

describe("Ratio.score", () => {
  it("writes a score with at most two decimals, half up from the exact value", () => {
    // 000's 王店镇 27.214286 → 27.21; 004's 北村 14.666667 → 14.67.
    expect(Ratio.score("27.214286")).toBe("27.21")
    expect(Ratio.score("14.666667")).toBe("14.67")
    expect(Ratio.score("39.571429")).toBe("39.57")
    // 0.125 is a half at the third place: up, not to even.
    expect(Ratio.score("0.125")).toBe("0.13")
    expect(Ratio.score("27.5")).toBe("27.5")
    expect(Ratio.score("41")).toBe("41")
    expect(Ratio.score("40.00")).toBe("40")
    expect(Ratio.score("-3.455")).toBe("-3.46")
    expect(Ratio.score("-0.004")).toBe("0")
  })
})
