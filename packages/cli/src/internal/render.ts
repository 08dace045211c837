import type { Ratio } from "@gongjian/core"
import { Percent } from "@gongjian/reports"
/** @internal Display width of a string: CJK and full-width characters count 2. */
export const width = (s: string): number => {
  let w = 0
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
        ? 2
        : 1
  }
  return w
}

/** @internal */
export const pad = (s: string, w: number, align: "left" | "right" = "left"): string => {
  const fill = " ".repeat(Math.max(0, w - width(s)))
  return align === "left" ? s + fill : fill + s
}

/** @internal A plain-text table; numeric-looking columns are right-aligned. */
export const table = (
  header: ReadonlyArray<string>,
  rawRows: ReadonlyArray<ReadonlyArray<string>>,
  indent = "  "
): string => {
  const rows = rawRows.map((r) => r.map(textCell))
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ""))))
  const numeric = header.map(
    (_, i) =>
      rows.length > 0 && rows.every((r) => /^-?[\d.,%…]+$/.test(r[i] ?? "") || (r[i] ?? "") === "")
  )
  const line = (r: ReadonlyArray<string>) =>
    indent +
    r
      .map((c, i) => pad(c, widths[i]!, numeric[i] ? "right" : "left"))
      .join("  ")
      .trimEnd()
  return [
    line(header),
    indent + widths.map((w) => "-".repeat(w)).join("  "),
    ...rows.map(line)
  ].join("\n")
}

/**
 * @internal A Markdown (GFM) table cell: backslashes and pipes escaped, HTML
 * written as entities so that nothing in a name is rendered as markup, and
 * line breaks as `<br>` so that a name cannot end its row.
 */
export const markdownCell = (s: string): string =>
  s
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll("\\", "\\\\")
    .replaceAll("|", "\\|")
    .replace(/\r\n|\r|\n/g, "<br>")

/** @internal A plain-text cell: control characters shown as escapes, so that a row stays on its line. */
export const textCell = (s: string): string =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is escaped
  s.replace(/[\u0000-\u001f\u007f]/g, (c) =>
    c === "\n"
      ? "\\n"
      : c === "\r"
        ? "\\r"
        : c === "\t"
          ? "\\t"
          : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`
  )

/** @internal A Markdown table. */
export const markdown = (
  header: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<string>>
): string => {
  return [
    `| ${header.map(markdownCell).join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.map(markdownCell).join(" | ")} |`)
  ].join("\n")
}

/** @internal Deterministic JSON: two-space indentation, a final newline. */
export const json = (value: unknown): string =>
  `${JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v), 2)}\n`

/**
 * @internal A percentage as bulletins print it (`Percent.format`): one
 * decimal, half up from the exact value, and a share below 100% never reads
 * `100.0%` — so the command line, the bulletins and the charts agree.
 */
export const percent = (r: Ratio.Ratio | number): string => Percent.format(r)
