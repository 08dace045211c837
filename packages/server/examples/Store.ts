import { deepEqual, equal } from "node:assert/strict"
import { Store } from "@gongjian/server"
import * as Effect from "effect/Effect"

// #region memory
const program = Effect.gen(function* () {
  const store = yield* Store.Store
  const stamp: Store.Stamp = { who: "admin", at: "2026-10-15T08:00:00.000Z", why: "月度上报" }
  yield* store.submit(
    "drive-2026",
    [{ kind: "unit", id: "town-a", value: { id: "town-a", name: "甲镇", kind: "town" } }],
    stamp
  )
  // A correction is a new revision, with its own reason.
  yield* store.submit(
    "drive-2026",
    [{ kind: "unit", id: "town-a", value: { id: "town-a", name: "甲镇人民政府", kind: "town" } }],
    { ...stamp, why: "名称更正" }
  )
  const current = yield* store.current("drive-2026")
  const history = yield* store.history("drive-2026", "unit", "town-a")
  // Some records only: every unit, and one record by kind and id.
  const selection: Store.Selection = { kinds: ["unit"], records: [{ kind: "project", id: "P-1" }] }
  const some = yield* store.read("drive-2026", selection)
  // As known before the correction, and the corrections written since.
  const before = yield* store.knownAt("drive-2026", "2026-10-15T08:00:00.000Z")
  const corrections = yield* store.corrections("drive-2026", "2026-10-14", undefined)
  return { current, history, some, before, corrections }
})

const { current, history, some, before, corrections } = await Effect.runPromise(
  program.pipe(Effect.provide(Store.layerMemory))
)
// The sequence number counts writes (two so far), not time.
const sequence: Store.Sequence = current.sequence
equal(sequence, 2)
equal(history[1]!.sequence, 2)
equal(some.records.length, 1)
// `at` is an instant as ISO 8601 text in UTC, to the microsecond whatever the store.
const at: Store.Instant = history[0]!.at
equal(at, "2026-10-15T08:00:00.000000Z")
equal(typeof Store.Sequence.ast, "object")
equal(typeof Store.Instant.ast, "object")
equal(current.records.length, 1)
// Both writes share a stamp here: as known at 08:00, the unit is as corrected.
equal((before.records[0]!.value as { readonly name: string }).name, "甲镇人民政府")
deepEqual(
  corrections.map((c) => [c.record, c.field, c.before, c.after, c.reason]),
  [["unit town-a", "name", "甲镇", "甲镇人民政府", "名称更正"]]
)
deepEqual(
  history.map((r) => [r.revision, r.why]),
  [
    [1, "月度上报"],
    [2, "名称更正"]
  ]
)
const kind: Store.RecordKind = "unit"
equal(Store.compare(history[0]!, history[1]!) < 0, true)
equal(kind, history[0]!.kind)
const failed = await Effect.runPromise(
  Effect.flip(
    Effect.gen(function* () {
      const store = yield* Store.Store
      const w: Store.Write = { kind: "unit", id: "x", value: { id: "x" } }
      return yield* store.submit("c", [w, w], { who: "a", at: "t", why: "y" })
    }).pipe(Effect.provide(Store.layerMemory))
  )
)
equal(failed instanceof Store.StoreError, true)
const _c: Store.Current = current
const _r: Store.Revision = history[0]!
equal(Store.Revision.fields.revision !== undefined && Store.RecordKind !== undefined, true)
equal(Store.Stamp.fields.why !== undefined && _c === current && _r === history[0], true)
// #endregion memory
