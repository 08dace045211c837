import type { Unit } from "@gongjian/core"
import { describe, expect, it } from "vitest"
import { finish, groupsOf } from "../src/internal/finish.js"
import type { ScoreLine } from "../src/internal/lines.js"
import * as P from "../src/internal/points.js"

const line: ScoreLine = {
  unit: "u",
  item: "i",
  clause: "c",
  points: "1",
  facts: {},
  arithmetic: "1",
  message: { zh: "一", en: "one" }
}
const units = [{ id: "u", name: "单位", kind: "town" }] as unknown as ReadonlyArray<Unit.Unit>
const groups = groupsOf({}, ["town"])

/** A unit's score whose lines are counted as they are read. */
const scored = () => {
  const counter = { reads: 0 }
  const score = {
    total: P.fromDecimal(1),
    earned: P.fromDecimal(1),
    items: [{ item: "i", points: "1" }],
    get lines(): ReadonlyArray<ScoreLine> {
      counter.reads++
      return [line]
    }
  }
  return { counter, scores: new Map([["u", score]]) }
}

describe("a ranked unit's lines read when first asked for", () => {
  it("the unit's fields in their order, the lines read only when asked for", () => {
    const { counter, scores } = scored()
    const [u] = finish<ScoreLine>({ ties: "broken" }, groups, units, scores, undefined).units
    expect(counter.reads).toBe(0)
    expect(Object.keys(u!)).toEqual([
      "unit",
      "name",
      "kind",
      "group",
      "total",
      "earned",
      "items",
      "lines",
      "rank",
      "tiers",
      "tierReasons",
      "vetoes"
    ])
    expect(JSON.parse(JSON.stringify(u))).toEqual({
      unit: "u",
      name: "单位",
      kind: "town",
      group: "all",
      total: "1",
      earned: "1",
      items: [{ item: "i", points: "1" }],
      lines: [line],
      rank: 1,
      tiers: [],
      tierReasons: {},
      vetoes: []
    })
    expect(counter.reads).toBe(1)
  })

  it("copied as a plain object, its lines with it", () => {
    const { scores } = scored()
    const [u] = finish<ScoreLine>({ ties: "broken" }, groups, units, scores, undefined).units
    const copy = { ...u! }
    expect(Object.getOwnPropertyDescriptor(copy, "lines")?.value).toEqual([line])
    expect(structuredClone(u)).toEqual(copy)
  })
})
