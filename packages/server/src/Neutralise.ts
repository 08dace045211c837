/**
 * Neutralising text (防注入) for the places text leaves the server as
 * something other than JSON: a spreadsheet cell never starts a formula
 * (`=`, `+`, `-`, `@`, tab, carriage return get a leading `'`, as OWASP
 * recommends for CSV injection), and HTML never carries markup or script
 * (`& < > " '` become entities). JSON responses carry the text as it was
 * written; the portal shows it as text, never as markup.
 *
 * @since 0.1.0
 */

/**
 * A spreadsheet cell's text that no spreadsheet will run as a formula.
 *
 * @example
 * {@includeCode ../examples/Neutralise.ts#cells}
 *
 * @since 0.1.0
 * @category neutralising
 */
export const cell = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text)

/**
 * A CSV line (RFC 4180) of neutralised cells: quoted when a cell holds a
 * comma, a quote or a line break.
 *
 * @example
 * {@includeCode ../examples/Neutralise.ts#cells}
 *
 * @since 0.1.0
 * @category neutralising
 */
export const csvLine = (cells: ReadonlyArray<string>): string =>
  cells
    .map((c) => {
      const safe = cell(c)
      return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
    })
    .join(",")

/**
 * Text made safe to place inside HTML, element content or a quoted attribute.
 *
 * @example
 * {@includeCode ../examples/Neutralise.ts#cells}
 *
 * @since 0.1.0
 * @category neutralising
 */
export const html = (text: string): string =>
  text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;")
