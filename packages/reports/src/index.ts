/**
 * What a county campaign prints and pins up: the reporting cadence and its
 * overdue duties, bulletins (通报) in HTML, Markdown and PDF, and wall charts
 * (挂图作战) as deterministic SVG.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * Bulletins (通报): the data, HTML with A4 print CSS, Markdown.
 *
 * @since 0.1.0
 */
export * as Bulletin from "./Bulletin.js"

/**
 * The reporting cadence: duties due, held and overdue.
 *
 * @since 0.1.0
 */
export * as Cadence from "./Cadence.js"

/**
 * A bulletin's edition (期) read from records kept over time: the previous
 * bulletin as issued and the corrections filed since.
 *
 * @since 0.1.0
 */
export * as Edition from "./Edition.js"

/**
 * PDF through headless Chromium.
 *
 * @since 0.1.0
 */
export * as Pdf from "./Pdf.js"
/**
 * Percentages as printed: one decimal, rounded half up from the exact value.
 *
 * @since 0.1.0
 */
export * as Percent from "./Percent.js"
/**
 * Wall charts (挂图作战) as SVG: Gantt, progress, ranking, heat map.
 *
 * @since 0.1.0
 */
export * as WallChart from "./WallChart.js"
