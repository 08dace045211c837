import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { orderByKey } from "../src/internal/order.js"

const stable = (keys: ReadonlyArray<string>) =>
  keys
    .map((key, i) => ({ key, i }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((x) => x.i)

describe("lines in key order", () => {
  it("a few rising runs interleaved, as an exit engine's findings come", () => {
    // Three rules' findings, project by project: each rule's ids rise.
    const keys = ["b/P1", "a/P2", "c/P2", "b/P3", "a/P4", "a/P5", "c/P6"]
    expect(orderByKey(keys)).toEqual([1, 4, 5, 0, 3, 2, 6])
  })

  it("any keys: the order of a stable sort by key", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 3, unit: fc.constantFrom("a", "b", "c", "é") }), {
          maxLength: 60
        }),
        (keys) => {
          expect(orderByKey(keys)).toEqual(stable(keys))
        }
      ),
      { numRuns: 300 }
    )
  })

  it("interleaved rising runs, duplicates included: the order of a stable sort by key", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 3 })), {
          maxLength: 80
        }),
        (steps) => {
          // Run r's keys rise ("r/000", "r/001", …), a step of 0 repeating a key.
          const last = new Map<number, number>()
          const keys = steps.map(([run, step]) => {
            const n = (last.get(run) ?? 0) + step
            last.set(run, n)
            return `${run}/${String(n).padStart(3, "0")}`
          })
          expect(orderByKey(keys)).toEqual(stable(keys))
        }
      ),
      { numRuns: 300 }
    )
  })
})
