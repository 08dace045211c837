/** A running throwaway PostgreSQL server. */
export interface Postgres {
  readonly url: string
  readonly port: number
  readonly pid: number
  readonly stop: () => Promise<void>
}

/** Starts a PostgreSQL server on 127.0.0.1 and a free port, in a temporary folder. */
export declare const startPostgres: () => Promise<Postgres>
