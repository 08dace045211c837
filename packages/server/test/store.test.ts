import { Store } from "@gongjian/server"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type BackEnd, backEnds, campaign, seeded } from "./harness.js"

const stamp = (why: string): Store.Stamp => ({ who: "admin", at: "2026-10-16T08:00:00.000Z", why })
const trip = (id: string, unit: string, projects?: ReadonlyArray<string>) => ({
  id,
  kind: "outbound-trip",
  unit,
  role: "principal",
  date: "2026-09-01",
  ...(projects ? { projects } : {})
})

/** What a reading says of each record: kind, id and value, in kind then id order. */
const said = (c: Store.Current) =>
  [...c.records]
    .sort(Store.compare)
    .map((r) => [r.kind, r.id, JSON.parse(JSON.stringify(r.value))] as const)

describe.each(backEnds())("Store.read on $name", (backEnd: BackEnd) => {
  beforeAll(() => backEnd.start(), 120_000)
  afterAll(() => backEnd.stop(), 60_000)

  it("gives the records of a selection as the whole campaign has them, after writes, corrections and withdrawals", async () => {
    const fresh = await backEnd.fresh()
    try {
      const program = Effect.gen(function* () {
        const store = yield* Store.Store
        const selection: Store.Selection = {
          kinds: ["campaign", "unit"],
          records: [
            { kind: "activity", id: "T-1" },
            { kind: "activity", id: "T-2" },
            { kind: "activity", id: "FS-A1" },
            { kind: "project", id: "A2" },
            { kind: "report", id: "no-such-report" }
          ]
        }
        const compare = () =>
          Effect.gen(function* () {
            const whole = yield* store.current(campaign)
            const some = yield* store.read(campaign, selection)
            const picked = whole.records.filter(
              (r) =>
                selection.kinds.includes(r.kind) ||
                selection.records.some((x) => x.kind === r.kind && x.id === r.id)
            )
            expect(some.sequence).toBe(whole.sequence)
            expect(said(some)).toEqual(said({ sequence: whole.sequence, records: picked }))
            return some
          })
        const first = yield* compare()
        expect(first.records.filter((r) => r.kind === "unit").length).toBeGreaterThan(0)
        yield* store.submit(
          campaign,
          [
            { kind: "activity", id: "T-1", value: trip("T-1", "town-a", ["A2"]) },
            { kind: "activity", id: "T-2", value: trip("T-2", "town-d") }
          ],
          stamp("上报")
        )
        yield* compare()
        // A correction, a withdrawal, and a unit renamed.
        const units = (yield* store.current(campaign)).records.filter((r) => r.kind === "unit")
        const townA = units.find((r) => r.id === "town-a")!.value as { readonly name: string }
        yield* store.submit(
          campaign,
          [
            { kind: "activity", id: "T-1", value: trip("T-1", "town-a") },
            { kind: "activity", id: "T-2", value: null },
            { kind: "unit", id: "town-a", value: { ...townA, name: "甲镇人民政府" } }
          ],
          stamp("更正")
        )
        // Many records at once (an upload's rows) give the same.
        const many: Store.Selection = {
          kinds: ["campaign"],
          records: [
            ...selection.records,
            ...Array.from({ length: 40 }, (_, i) => ({ kind: "activity" as const, id: `T-${i}` }))
          ]
        }
        const wholeNow = yield* store.current(campaign)
        const manyRead = yield* store.read(campaign, many)
        expect(said(manyRead)).toEqual(
          said({
            sequence: wholeNow.sequence,
            records: wholeNow.records.filter(
              (r) =>
                r.kind === "campaign" ||
                many.records.some((x) => x.kind === r.kind && x.id === r.id)
            )
          })
        )
        const last = yield* compare()
        expect(last.records.some((r) => r.id === "T-2")).toBe(false)
        expect(
          (
            last.records.find((r) => r.kind === "unit" && r.id === "town-a")!.value as {
              readonly name: string
            }
          ).name
        ).toBe("甲镇人民政府")
      })
      await Effect.runPromise(program.pipe(Effect.provide(Layer.fresh(seeded(fresh.store)))))
    } finally {
      await fresh.close()
    }
  })
})

describe.each(backEnds())("Store.knownAt and Store.corrections on $name", (backEnd: BackEnd) => {
  beforeAll(() => backEnd.start(), 120_000)
  afterAll(() => backEnd.stop(), 60_000)

  it("reads the campaign as known after each write, and the corrections written between two times", async () => {
    const fresh = await backEnd.fresh()
    // Each write stamped an hour after the last (the ledger keeps its own time).
    const at = (hour: number): Store.Stamp["at"] =>
      `2026-10-16T${String(hour).padStart(2, "0")}:00:00.000Z`
    try {
      const program = Effect.gen(function* () {
        const store = yield* Store.Store
        const write = (value: unknown, why: string, hour: number) =>
          Effect.map(
            store.submit(campaign, [{ kind: "activity", id: "T-1", value }], {
              who: "reporter-a",
              at: at(hour),
              why
            }),
            (rs) => rs[0]!
          )
        const before = (yield* store.current(campaign)).records.length
        const first = yield* write(trip("T-1", "town-a", ["A2"]), "上报", 8)
        const second = yield* write(trip("T-1", "town-a"), "项目填错", 9)
        const third = yield* write(null, "重复填报", 10)
        const t1At = (c: Store.Current) =>
          c.records.find((r) => r.kind === "activity" && r.id === "T-1")?.value
        expect(t1At(yield* store.knownAt(campaign, first.at))).toEqual(
          trip("T-1", "town-a", ["A2"])
        )
        expect(t1At(yield* store.knownAt(campaign, second.at))).toEqual(trip("T-1", "town-a"))
        const after = yield* store.knownAt(campaign, third.at)
        expect(t1At(after)).toBeUndefined()
        expect(after.records.length).toBe(before)
        expect(after.sequence).toBe(third.sequence)
        // A new record is not a correction; the field changed and the withdrawal are.
        const since = yield* store.corrections(campaign, first.at, undefined)
        expect(
          since.map((c) => [c.record, c.field, c.before, c.after, c.withdrawn, c.reason])
        ).toEqual([
          ["activity T-1", "projects", '["A2"]', undefined, false, "项目填错"],
          ["activity T-1", undefined, undefined, undefined, true, "重复填报"]
        ])
        expect(
          (yield* store.corrections(campaign, first.at, second.at)).map((c) => c.reason)
        ).toEqual(["项目填错"])
        expect(yield* store.corrections(campaign, third.at, undefined)).toEqual([])
      })
      await Effect.runPromise(program.pipe(Effect.provide(Layer.fresh(seeded(fresh.store)))))
    } finally {
      await fresh.close()
    }
  })
})

describe.each(backEnds())("the times of Store revisions on $name", (backEnd: BackEnd) => {
  beforeAll(() => backEnd.start(), 120_000)
  afterAll(() => backEnd.stop(), 60_000)

  it("are UTC text to the microsecond, whatever the stamp's precision and offset", async () => {
    const fresh = await backEnd.fresh()
    const micro = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/
    try {
      const program = Effect.gen(function* () {
        const store = yield* Store.Store
        const written = yield* store.submit(
          campaign,
          [{ kind: "activity", id: "T-1", value: trip("T-1", "town-a") }],
          { who: "reporter-a", at: "2026-10-16T16:00:00.123+08:00", why: "上报" }
        )
        const history = yield* store.history(campaign, "activity", "T-1")
        return [written[0]!.at, ...history.map((r) => r.at)]
      })
      const times = await Effect.runPromise(
        program.pipe(Effect.provide(Layer.fresh(seeded(fresh.store))))
      )
      expect(times).toHaveLength(2)
      for (const at of times) expect(at).toMatch(micro)
      // The revision written is the one the history gives, time and all.
      expect(times[1]).toBe(times[0])
    } finally {
      await fresh.close()
    }
  })
})
