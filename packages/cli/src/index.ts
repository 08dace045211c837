/**
 * The `gongjian` command line: `demo`, `validate`, `assess`, `check`,
 * `explain`.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * The command and its runner.
 *
 * @since 0.1.0
 */
export * as Cli from "./Cli.js"

/**
 * The failures the command reports, with their exit codes.
 *
 * @since 0.1.0
 */
export * as CliFailure from "./CliFailure.js"
