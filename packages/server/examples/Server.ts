import { equal } from "node:assert/strict"
import { all, Samples } from "@gongjian/policies"
import { Server, Store } from "@gongjian/server"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"

// The sample county of 002 with its options (its annual tasks).
const policy002 = all.find((e) => e.sample === "002-investment-drive")!

// #region serve
// An account keeps the scrypt hash of its password, never the password.
const admin: Server.Account = Server.account({
  name: "admin",
  displayName: "县管理员",
  role: "admin",
  password: "change-me-please"
})
equal(admin.passwordHash.includes("change-me-please"), false)
const options: Server.Options = {
  campaigns: [
    { id: "investment-drive-2026", plugin: policy002.plugin, options: policy002.options }
  ],
  accounts: [admin],
  secureCookie: false
}
// `Layer.launch(Server.serve({ ...options, host: "127.0.0.1", port: 8080 }, store))`
// runs it; here the same routes answer web-standard requests.
const layer = Server.serve({ ...options, host: "127.0.0.1", port: 0 }, Store.layerMemory)
equal(Layer.isLayer(layer) && Layer.isLayer(Server.routes(options)), true)
// #endregion serve

// #region handler
const store = Layer.effectDiscard(
  Server.seed("investment-drive-2026", Samples.load("002-investment-drive"), {
    who: "seed",
    at: "2026-08-01T00:00:00.000Z",
    why: "sample county"
  }).pipe(Effect.orDie)
).pipe(Layer.provideMerge(Store.layerMemory))
const { handler, dispose } = Server.webHandler(options, store)

const login = await handler(
  new Request("http://127.0.0.1/api/session", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "admin", password: "change-me-please" })
  })
)
equal(login.status, 200)
const cookie = login.headers.get("set-cookie")!.split(";")[0]!
const ranking = await handler(
  new Request("http://127.0.0.1/api/campaigns/investment-drive-2026/assessment", {
    headers: { cookie }
  })
)
const view = (await ranking.json()) as { ranking: Array<{ name: string; rank: number }> }
equal(view.ranking[0]!.name, "甲镇")
await dispose()
// #endregion handler
