/**
 * The record of a county's campaign over time (台账): every report, event and
 * approval with who recorded it, when and why; corrections as superseding
 * records; the Snapshot the engines take, as of a date, as known at a time;
 * on embedded PGlite or a PostgreSQL server.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * Corrections field by field, as a bulletin lists them.
 *
 * @since 0.1.0
 */
export * as Correction from "./Correction.js"
/**
 * Writing to and reading from the ledger: imports, submissions, corrections,
 * snapshots, history.
 *
 * @since 0.1.0
 */
export * as Ledger from "./Ledger.js"
/**
 * The ledger's errors.
 *
 * @since 0.1.0
 */
export * as LedgerError from "./LedgerError.js"
/**
 * The embedded back end: PostgreSQL in-process (PGlite).
 *
 * @since 0.1.0
 */
export * as PgliteClient from "./PgliteClient.js"
/**
 * The server back end: PostgreSQL through `@effect/sql-pg`.
 *
 * @since 0.1.0
 */
export * as PostgresClient from "./PostgresClient.js"
/**
 * What a late correction changed: two assessments compared, with the reasons.
 *
 * @since 0.1.0
 */
export * as Revision from "./Revision.js"
