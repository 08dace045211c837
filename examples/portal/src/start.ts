// Starts the portal on a sample county: the 002 investment drive (招商引资集中攻坚)
// with its towns, streets, parks and departments, on the embedded ledger (in
// memory, or in the folder of --ledger, or a postgres:// URL), and the built
// front end from ../dist. Usage: node src/start.ts [--port 8080] [--ledger dir]
import { fileURLToPath } from "node:url"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { Ledger } from "@gongjian/ledger"
import { all, Samples } from "@gongjian/policies"
import { LedgerStore, Server } from "@gongjian/server"
import * as Effect from "effect/Effect"
import { HttpServer } from "effect/http"

// The sample county of 002 with its options (its annual tasks).
const policy002 = all.find((e) => e.sample === "002-investment-drive")!

import * as Layer from "effect/Layer"

/** The sample accounts (change every password before a county uses the portal). */
const sampleAccounts = [
  { name: "admin", displayName: "县管理员", role: "admin", password: "admin-demo-2026" },
  {
    name: "town-a",
    displayName: "甲镇填报员",
    role: "reporter",
    unit: "town-a",
    password: "town-a-demo-2026"
  },
  {
    name: "town-d",
    displayName: "丁镇填报员",
    role: "reporter",
    unit: "town-d",
    password: "town-d-demo-2026"
  },
  { name: "leader", displayName: "县领导", role: "leader", password: "leader-demo-2026" },
  { name: "auditor", displayName: "审计员", role: "auditor", password: "auditor-demo-2026" }
] as const

/** The sample county: 002's campaign, its policy, the sample accounts, and the seed. */
const sampleCounty = () => {
  const campaign = "investment-drive-2026"
  const options: Server.Options = {
    campaigns: [{ id: campaign, plugin: policy002.plugin, options: policy002.options }],
    accounts: sampleAccounts.map((a) => Server.account(a)),
    // Served over plain HTTP on this machine; behind HTTPS keep the default.
    secureCookie: false
  }
  const seed = Server.seed(campaign, Samples.load("002-investment-drive"), {
    who: "seed",
    at: "2026-08-01T00:00:00.000Z",
    why: "sample county"
  })
  return { campaign, options, seed }
}

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}
const port = Number(arg("port") ?? process.env.PORT ?? 8080)
const host = arg("host") ?? "127.0.0.1"
const staticDir = fileURLToPath(new URL("../dist", import.meta.url))

const county = sampleCounty()
// Importing the sample again into a kept ledger changes nothing: the ledger
// recognises the same file.
const store = Layer.effectDiscard(county.seed.pipe(Effect.orDie)).pipe(
  Layer.provideMerge(LedgerStore.layer()),
  Layer.provide(Ledger.layer(arg("ledger") ?? "memory:"))
)

const main = Effect.gen(function* () {
  const server = yield* HttpServer.HttpServer
  // The test and `pnpm portal` read the address from this line.
  console.log(`portal listening on ${HttpServer.formatAddress(server.address)}`)
  return yield* Effect.never
}).pipe(Effect.provide(Server.serve({ ...county.options, staticDir, host, port }, store)))

NodeRuntime.runMain(main)
