/**
 * The errors of the ledger (台账), one class per kind of failure, each naming
 * the campaign, the record and the field concerned.
 *
 * @since 0.1.0
 */
import * as Data from "effect/Data"

/**
 * A write made against an old version of a record's stream (a project with
 * its events, or one unit, report, activity, target): someone else wrote in
 * between. Nothing was written; read the stream again (its current version is
 * `current`) and resubmit.
 *
 * @example
 * {@includeCode ../examples/Ledger.ts#concurrency}
 *
 * @since 0.1.0
 * @category errors
 */
export class StaleWrite extends Data.TaggedError("StaleWrite")<{
  readonly campaign: string
  readonly stream: string
  readonly expected: number
  readonly current: number
}> {
  override get message(): string {
    return `${this.stream} of campaign ${this.campaign}: written against version ${this.expected}, but the ledger holds version ${this.current}; read it again and resubmit`
  }
}

/**
 * An idempotency key used again for a different submission. A retried upload
 * with the same content is not an error (it returns the first receipt).
 *
 * @example
 * {@includeCode ../examples/Ledger.ts#concurrency}
 *
 * @since 0.1.0
 * @category errors
 */
export class IdempotencyConflict extends Data.TaggedError("IdempotencyConflict")<{
  readonly campaign: string
  readonly key: string
}> {
  override get message(): string {
    return `campaign ${this.campaign}: the idempotency key ${JSON.stringify(this.key)} was already used for a different submission`
  }
}

/**
 * A record that cannot be written: its value does not decode, it names a
 * record that is not in the ledger, or a correction has no reason. `record`
 * is `project P-007` (or `event P-007#2`), `field` the path inside it.
 *
 * @example
 * {@includeCode ../examples/Ledger.ts#correct}
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidEntry extends Data.TaggedError("InvalidEntry")<{
  readonly campaign: string
  readonly record: string
  readonly field: string
  readonly detail: string
}> {
  override get message(): string {
    return `campaign ${this.campaign}, ${this.record}${this.field === "" ? "" : `, ${this.field}`}: ${this.detail}`
  }
}

/**
 * A write dated before the latest record of a stream it touches: the ledger's
 * past is not rewritten; a correction is recorded now, with its reason.
 *
 * @example
 * {@includeCode ../examples/Ledger.ts#correct}
 *
 * @since 0.1.0
 * @category errors
 */
export class BackdatedWrite extends Data.TaggedError("BackdatedWrite")<{
  readonly campaign: string
  readonly stream: string
  readonly at: string
  readonly latest: string
}> {
  override get message(): string {
    return `${this.stream} of campaign ${this.campaign}: a write dated ${this.at} is before its latest record (${this.latest}); record the correction now, with its reason`
  }
}

/**
 * A campaign the ledger holds nothing of (at the time asked, for
 * `knownAt`), or a time or date that cannot be read.
 *
 * @example
 * {@includeCode ../examples/Ledger.ts#snapshot}
 *
 * @since 0.1.0
 * @category errors
 */
export class LedgerQueryError extends Data.TaggedError("LedgerQueryError")<{
  readonly campaign: string
  readonly field: string
  readonly detail: string
}> {
  override get message(): string {
    return `campaign ${this.campaign}${this.field === "" ? "" : `, ${this.field}`}: ${this.detail}`
  }
}

/**
 * Any error of the ledger.
 *
 * @example
 * {@includeCode ../examples/Ledger.ts#concurrency}
 *
 * @since 0.1.0
 * @category errors
 */
export type LedgerError =
  | StaleWrite
  | IdempotencyConflict
  | InvalidEntry
  | BackdatedWrite
  | LedgerQueryError
