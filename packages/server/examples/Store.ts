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
  return { current, history }
})

const { current, history } = await Effect.runPromise(
  program.pipe(Effect.provide(Store.layerMemory))
)
equal(current.sequence, 2)
equal(current.records.length, 1)
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
