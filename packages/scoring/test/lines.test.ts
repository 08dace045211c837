import { describe, expect, it } from "vitest"
import type { Finished } from "../src/internal/finish.js"
import { type ScoreLine, withLines } from "../src/internal/lines.js"

const line: ScoreLine = {
  unit: "u",
  item: "i",
  clause: "c",
  points: "1",
  facts: {},
  arithmetic: "1",
  message: { zh: "一", en: "one" }
}
const unit: Finished<ScoreLine> = {
  unit: "u",
  name: "单位",
  kind: "town",
  group: "all",
  total: "1",
  earned: "1",
  items: [{ item: "i", points: "1" }],
  lines: [],
  rank: 1,
  tiers: [],
  tierReasons: {},
  vetoes: []
}

describe("a ranked unit's lines read when first asked for", () => {
  it("keep the unit's fields and their order, the lines read only when asked for", () => {
    let reads = 0
    const u = withLines(unit, () => {
      reads++
      return [line]
    })
    expect(reads).toBe(0)
    expect(Object.keys(u)).toEqual(Object.keys(unit))
    expect(JSON.stringify(u)).toBe(JSON.stringify({ ...unit, lines: [line] }))
    expect(reads).toBe(1)
  })

  it("a unit with more fields keeps them all, in their order", () => {
    const other = { ...unit, extra: "x" } as Finished<ScoreLine>
    const u = withLines(other, () => [line])
    expect(Object.keys(u)).toEqual(Object.keys(other))
    expect(JSON.stringify(u)).toBe(JSON.stringify({ ...other, lines: [line] }))
  })
})
