/**
 * The domain model of county project campaigns (项目攻坚): exact money, the
 * mainland working-day calendar, units, campaigns, targets, projects and their
 * lifecycle, activities, and the Snapshot that carries them all.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * The mainland working-day calendar (调休 included).
 *
 * @since 0.1.0
 */
export * as Calendar from "./Calendar.js"
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
