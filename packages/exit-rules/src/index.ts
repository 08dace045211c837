/**
 * The exit-mechanism engine (退出机制) of county project campaigns: exit rules
 * as data, deadlines with the working-day calendar, warnings, delay
 * exemptions, rectification and escalation, and the half-yearly cleanup report.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * The cleanup report of a half-year, by unit and class.
 *
 * @since 0.1.0
 */
export * as CleanupReport from "./CleanupReport.js"

/**
 * Durations, deadlines and their extension by delay exemptions.
 *
 * @since 0.1.0
 */
export * as Deadline from "./Deadline.js"

/**
 * The engine: rules × projects → findings.
 *
 * @since 0.1.0
 */
export * as ExitEngine from "./ExitEngine.js"

/**
 * Exit rules as data, and the 3-2-3 rules of 001 三.(四).
 *
 * @since 0.1.0
 */
export * as ExitRule from "./ExitRule.js"

/**
 * Findings, resolutions and unjudged rules.
 *
 * @since 0.1.0
 */
export * as Finding from "./Finding.js"
