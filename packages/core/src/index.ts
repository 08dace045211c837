/**
 * The domain model of county project campaigns (项目攻坚): exact money, the
 * mainland working-day calendar, units, campaigns, targets, projects and their
 * lifecycle, activities, and the Snapshot that carries them all.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * Activities: outbound trips, fair signings, expert reviews, invitations.
 *
 * @since 0.1.0
 */
export * as Activity from "./Activity.js"
/**
 * The mainland working-day calendar (调休 included).
 *
 * @since 0.1.0
 */
export * as Calendar from "./Calendar.js"
/**
 * Campaigns: window, phases, reporting cadence, assessed units, targets.
 *
 * @since 0.1.0
 */
export * as Campaign from "./Campaign.js"
/**
 * Clause references and the form Chinese views print them in.
 *
 * @since 0.4.0
 */
export * as Clause from "./Clause.js"
/**
 * The classes of stalled projects the exit mechanism finds, and their names.
 *
 * @since 0.4.0
 */
export * as FindingClass from "./FindingClass.js"
/**
 * Canonical JSON and option fingerprints.
 *
 * @since 0.1.0
 */
export * as Fingerprint from "./Fingerprint.js"
/**
 * The project lifecycle: stages, events, transitions and the fold.
 *
 * @since 0.1.0
 */
export * as Lifecycle from "./Lifecycle.js"
/**
 * Plain local calendar dates (`2026-11-22`).
 *
 * @since 0.1.0
 */
export * as LocalDate from "./LocalDate.js"
/**
 * Exact money with Chinese magnitudes (8.6亿元, 5000万美元).
 *
 * @since 0.1.0
 */
export * as Money from "./Money.js"
/**
 * Reporting periods: week, half-month, month, quarter, half-year, year.
 *
 * @since 0.1.0
 */
export * as Period from "./Period.js"
/**
 * Problems in input data: stable codes, schema issues flattened by tag, one path formatter.
 *
 * @since 0.2.0
 */
export * as Problem from "./Problem.js"
/**
 * Target progress against 序时进度.
 *
 * @since 0.1.0
 */
export * as Progress from "./Progress.js"
/**
 * Projects: investment, land, contract terms, responsibility, approvals.
 *
 * @since 0.1.0
 */
export * as Project from "./Project.js"

/**
 * Exact ratios: completion held as a fraction, compared and multiplied
 * exactly, rounded only for display.
 *
 * @since 0.2.0
 */
export * as Ratio from "./Ratio.js"
/**
 * The Snapshot interchange document and its decoding.
 *
 * @since 0.1.0
 */
export * as Snapshot from "./Snapshot.js"
/**
 * Targets, measures, filters, allocations and reported figures.
 *
 * @since 0.1.0
 */
export * as Target from "./Target.js"
/**
 * Units and their hierarchy (towns, streets, parks, departments).
 *
 * @since 0.1.0
 */
export * as Unit from "./Unit.js"
/**
 * The as-of view: date, calendar, folded timelines and lineage, built once.
 *
 * @since 0.2.0
 */
export * as View from "./View.js"
