/** A running throwaway PostgreSQL server. */
export interface Postgres {
  readonly url: string
  readonly port: number
  readonly pid: number
  /** The server's major version, such as "15". */
  readonly version: string
  readonly stop: () => Promise<void>
  /** A fast shutdown by pid, keeping the data folder. */
  readonly halt: () => Promise<void>
  /** Starts a halted server again, on the same port and data; `pid` is the new one. */
  readonly resume: () => void
}

/** Starts a PostgreSQL server on 127.0.0.1 and a free port, in a temporary folder. */
export declare const startPostgres: () => Promise<Postgres>
