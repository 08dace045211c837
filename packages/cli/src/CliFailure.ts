/**
 * The failures the `gongjian` command reports and exits with.
 *
 * @since 0.1.0
 */
import * as Data from "effect/Data"

/**
 * A failure of a `gongjian` command: its exit code (1 for invalid input or
 * findings, 2 for a usage error), a message, and details (one problem a line).
 *
 * @example
 * {@includeCode ../examples/Cli.ts#failure}
 *
 * @since 0.1.0
 * @category errors
 */
export class CliFailure extends Data.TaggedError("CliFailure")<{
  readonly code: 1 | 2
  readonly message: string
  readonly details?: ReadonlyArray<string>
}> {}
