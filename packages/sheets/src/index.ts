/**
 * 台账 and reporting forms of county project campaigns in and out of Excel
 * and CSV: templates as data, exact import with a report for every row, and
 * safe export.
 *
 * @packageDocumentation
 * @since 0.3.0
 */

/**
 * Export of tables, ledgers, progress, rankings and findings as .xlsx and .csv.
 *
 * @since 0.3.0
 */
export * as Export from "./Export.js"
/**
 * The shipped templates of the forms the five plans imply.
 *
 * @since 0.3.0
 */
export * as Forms from "./Forms.js"
/**
 * Import of .xlsx and .csv files with a template.
 *
 * @since 0.3.0
 */
export * as Import from "./Import.js"
/**
 * What became of every row of an imported file.
 *
 * @since 0.3.0
 */
export * as RowReport from "./RowReport.js"
/**
 * The typed errors of reading a spreadsheet.
 *
 * @since 0.3.0
 */
export * as SheetError from "./SheetError.js"
/**
 * Templates: how a form maps onto records.
 *
 * @since 0.3.0
 */
export * as Template from "./Template.js"
