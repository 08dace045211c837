/** @internal Text for HTML content and attribute values: nothing in a name becomes markup. */
export const html = (s: string): string =>
  s
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;")

/**
 * @internal A Markdown (GFM) table cell: HTML written as entities, backslashes,
 * pipes and the characters Markdown reads as emphasis, links or code escaped,
 * line breaks as `<br>` so that a name cannot end its row.
 */
export const markdownCell = (s: string): string => markdownText(s).replaceAll("|", "\\|")

/**
 * @internal Markdown inline text: HTML as entities; `\`, `` ` ``, `*`, `_`,
 * `[`, `]`, `#`, `~` escaped; line breaks as `<br>`.
 */
export const markdownText = (s: string): string =>
  s
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replace(/[\\`*_[\]#~!]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, "<br>")
