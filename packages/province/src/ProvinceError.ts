/**
 * The errors of a province (省) of county campaigns on partitioned PostgreSQL,
 * each naming the county, the server and the record concerned, with a stable
 * `code` to branch on.
 *
 * @since 0.1.0
 */
import * as Data from "effect/Data"

/**
 * A county that cannot be placed, loaded or assessed as given: its id is not a
 * lower-case code (`bad-id`), it is listed twice (`duplicate`), it has no
 * partition in the layout (`not-placed`), a server named for it is not in the
 * layout (`unknown-server`), or its snapshot does not decode (`snapshot`;
 * `field` is the path inside it).
 *
 * @example
 * {@includeCode ../examples/Layout.ts#errors}
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidCounty extends Data.TaggedError("InvalidCounty")<{
  readonly code: "bad-id" | "duplicate" | "not-placed" | "unknown-server" | "snapshot"
  readonly county: string
  readonly field: string
  readonly detail: string
}> {
  override get message(): string {
    return `county ${JSON.stringify(this.county)}${this.field === "" ? "" : `, ${this.field}`}: ${this.detail}`
  }
}

/**
 * A server that could not be reached, or that failed a statement, while
 * setting up (`setup`), loading (`load`) or reading (`read`). `county` is the
 * county being written or read, when there was one. A load that stops on this
 * error is retried as it is: what was written is kept and not written twice.
 *
 * @example
 * {@includeCode ../examples/Province.ts#restart}
 *
 * @since 0.1.0
 * @category errors
 */
export class ServerFailure extends Data.TaggedError("ServerFailure")<{
  readonly code: "setup" | "load" | "read"
  readonly server: string
  readonly county: string | undefined
  readonly detail: string
}> {
  override get message(): string {
    return `server ${this.server}${this.county === undefined ? "" : `, county ${this.county}`}: ${this.code} failed: ${this.detail}`
  }
}

/**
 * A record of a county already in its partition under the same idempotency
 * key (`kind/id`) with other content (`idempotency-conflict`), or a
 * partition that after a load holds a record the county's file does not
 * (`unexpected-record`) or lacks one it does (`missing-record`). Nothing is
 * overwritten: the county is reported and the partition left as it was.
 *
 * @example
 * {@includeCode ../examples/Province.ts#load}
 *
 * @since 0.1.0
 * @category errors
 */
export class RecordMismatch extends Data.TaggedError("RecordMismatch")<{
  readonly code: "idempotency-conflict" | "unexpected-record" | "missing-record"
  readonly county: string
  readonly key: string
}> {
  override get message(): string {
    return `county ${this.county}, record ${this.key}: ${
      this.code === "idempotency-conflict"
        ? "already loaded with other content"
        : this.code === "unexpected-record"
          ? "in the partition but not in the county's file"
          : "in the county's file but not in the partition"
    }`
  }
}

/**
 * A worker thread that failed while assessing a county (`worker-error`), or
 * exited before answering (`worker-exit`).
 *
 * @example
 * {@includeCode ../examples/Province.ts#assess}
 *
 * @since 0.1.0
 * @category errors
 */
export class WorkerFailure extends Data.TaggedError("WorkerFailure")<{
  readonly code: "worker-error" | "worker-exit"
  readonly county: string
  readonly detail: string
}> {
  override get message(): string {
    return `county ${this.county}: the worker assessing it failed: ${this.detail}`
  }
}

/**
 * Any error of the province.
 *
 * @example
 * {@includeCode ../examples/Province.ts#assess}
 *
 * @since 0.1.0
 * @category errors
 */
export type ProvinceError = InvalidCounty | ServerFailure | RecordMismatch | WorkerFailure
