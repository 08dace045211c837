import { equal } from "node:assert/strict"
import * as NodeServices from "@effect/platform-node/NodeServices"
import { Cli, CliFailure } from "@gongjian/cli"
import * as Effect from "effect/Effect"

// #region run
// The same runner the `gongjian` binary uses; it resolves to the exit code.
const code = await Effect.runPromise(
  Cli.run(["validate", "does-not-exist.json"]).pipe(Effect.provide(NodeServices.layer))
)
equal(code, 1) // a missing file is invalid input
// #endregion run

// #region failure
const usage = new CliFailure.CliFailure({ code: 2, message: 'unknown policy "999"' })
equal(usage.code, 2)
// #endregion failure
