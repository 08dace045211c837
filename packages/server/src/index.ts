/**
 * The HTTP API of a county campaign portal on effect's HTTP stack: campaigns,
 * units, projects with their lifecycle, submissions and corrections with
 * reasons, assessments explained to the clause, exit findings, bulletins and
 * wall charts, and the history of every record, with four roles, sessions,
 * CSRF protection and an OpenAPI document; storage behind a small port.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * The API definition and its OpenAPI document.
 *
 * @since 0.1.0
 */
export * as Api from "./Api.js"
/**
 * The errors of the API, with their HTTP statuses.
 *
 * @since 0.1.0
 */
export * as Errors from "./Errors.js"
/**
 * The storage port on `@gongjian/ledger` (PGlite or PostgreSQL).
 *
 * @since 0.1.0
 */
export * as LedgerStore from "./LedgerStore.js"
/**
 * Neutralising text for CSV cells and HTML.
 *
 * @since 0.1.0
 */
export * as Neutralise from "./Neutralise.js"
/**
 * Password hashing with scrypt.
 *
 * @since 0.1.0
 */
export * as Password from "./Password.js"
/**
 * Roles and what each may read and write.
 *
 * @since 0.1.0
 */
export * as Role from "./Role.js"
/**
 * The server: routes, a web handler, listening, seeding.
 *
 * @since 0.1.0
 */
export * as Server from "./Server.js"
/**
 * The storage port and its in-memory implementation.
 *
 * @since 0.1.0
 */
export * as Store from "./Store.js"
