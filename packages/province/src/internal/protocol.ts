import type { Standing } from "../Standing.js"

/** A county for a worker to assess: where its partition lives. */
export interface Task {
  readonly county: string
  readonly server: string
  readonly url: string
}

/** A worker's answer: the county's standing with its timings, or what failed. */
export type Answer =
  | {
      readonly county: string
      readonly ok: true
      readonly standing: Standing
      readonly readMs: number
      readonly assessMs: number
      /** The worker's largest heap in use after a county so far, in bytes. */
      readonly peakHeap: number
    }
  | {
      readonly county: string
      readonly ok: false
      readonly error:
        | {
            readonly _tag: "ServerFailure"
            readonly code: "read"
            readonly server: string
            readonly detail: string
          }
        | {
            readonly _tag: "InvalidCounty"
            readonly code: "bad-id" | "duplicate" | "not-placed" | "unknown-server" | "snapshot"
            readonly field: string
            readonly detail: string
          }
        | { readonly _tag: "WorkerFailure"; readonly code: "worker-error"; readonly detail: string }
    }
