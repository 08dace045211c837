import { equal, ok } from "node:assert/strict"
import * as NodeServices from "@effect/platform-node/NodeServices"
import { Cli, CliFailure } from "@gongjian/cli"
import * as Console from "effect/Console"
import { Command } from "effect/cli"
import * as Effect from "effect/Effect"

// #region run
// The same runner the `gongjian` binary uses; it resolves to the exit code. What it
// prints goes to effect's Console, here one that keeps the error lines.
const errors: Array<string> = []
const keepErrors = { ...console, error: (...args: Array<unknown>) => errors.push(args.join(" ")) }
const code = await Effect.runPromise(
  Cli.run(["validate", "does-not-exist.json"]).pipe(
    Effect.provideService(Console.Console, keepErrors),
    Effect.provide(NodeServices.layer)
  )
)
equal(code, 1) // a missing file is invalid input
equal(errors[0], "gongjian: cannot read does-not-exist.json: no such file")
// #endregion run

// #region failure
const usage = new CliFailure.CliFailure({ code: 2, message: 'unknown policy "999"' })
equal(usage.code, 2)
// #endregion failure

// #region command
// A portal's own tool can carry gongjian's commands as one of its subcommands.
const portal = Command.make("portal").pipe(Command.withSubcommands([Cli.command]))
const printed: Array<string> = []
const keepLog = { ...console, log: (...args: Array<unknown>) => printed.push(args.join(" ")) }
await Effect.runPromise(
  Command.runWith(portal, { version: "1.0.0" })(["gongjian", "assess", "--help"]).pipe(
    Effect.provideService(Console.Console, keepLog),
    Effect.provide(NodeServices.layer)
  )
)
ok(printed.join("\n").includes("--policy"))
// #endregion command
