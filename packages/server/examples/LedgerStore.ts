import { equal } from "node:assert/strict"
import { Ledger } from "@gongjian/ledger"
import { Samples } from "@gongjian/policies"
import { LedgerStore, Server, Store } from "@gongjian/server"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"

// #region ledger
// The embedded ledger in memory; a folder keeps it on disk, and a
// postgres:// URL uses a PostgreSQL server.
const store = LedgerStore.layer().pipe(Layer.provide(Ledger.layer("memory:")))

const history = await Effect.runPromise(
  Effect.gen(function* () {
    yield* Server.seed("investment-drive-2026", Samples.load("002-investment-drive"), {
      who: "admin",
      at: "2026-08-01T00:00:00.000Z",
      why: "sample county"
    })
    const s = yield* Store.Store
    const current = yield* s.current("investment-drive-2026")
    const a1 = current.records.find((r) => r.kind === "project" && r.id === "A1")!
    yield* s.submit(
      "investment-drive-2026",
      [
        {
          kind: "project",
          id: "A1",
          value: { ...(a1.value as object), name: "新能源整车配套（一期）" }
        }
      ],
      { who: "reporter-a", at: "2026-10-16T09:00:00.000Z", why: "项目名称更正" }
    )
    return yield* s.history("investment-drive-2026", "project", "A1")
  }).pipe(Effect.provide(store))
)
equal(history.length, 2)
equal(history[1]!.who, "reporter-a")
equal(history[1]!.why, "项目名称更正")
// #endregion ledger
