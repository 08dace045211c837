#!/usr/bin/env node
import * as NodeServices from "@effect/platform-node/NodeServices"
import * as Effect from "effect/Effect"
import { run } from "./Cli.js"

Effect.runPromise(run(process.argv.slice(2)).pipe(Effect.provide(NodeServices.layer))).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    console.error(
      `gongjian: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`
    )
    process.exitCode = 1
  }
)
