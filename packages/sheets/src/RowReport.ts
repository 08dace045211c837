/**
 * The row report (逐行导入结果): what became of every row of a county's
 * file — accepted as a new record, merged into one that existed, rejected
 * with the cell, the reason in Chinese and English and how to fix it, a 合计
 * row checked against the rows above, or a note row. Nothing is dropped
 * silently: blank rows are counted, title and header rows are named.
 *
 * @since 0.3.0
 */

/**
 * What became of a row:
 *
 * - `accepted`: a new record;
 * - `merged`: an update of a record that existed (a project, an approval or
 *   exit decision merged into its project);
 * - `rejected`: not imported; `problems` says why;
 * - `total`: a 合计 / 小计 row, checked, not imported;
 * - `note`: a note row (填表人, 注：…), not imported.
 *
 * @example
 * {@includeCode ../examples/import.ts#report}
 *
 * @since 0.3.0
 * @category models
 */
export type Status = "accepted" | "merged" | "rejected" | "total" | "note"

/**
 * Text in Chinese and English.
 *
 * @example
 * {@includeCode ../examples/import.ts#report}
 *
 * @since 0.3.0
 * @category models
 */
export interface Text {
  readonly zh: string
  readonly en: string
}

/**
 * A problem of one cell (or of the row, when `cell` names its first cell):
 * the cell's address (`D17`), the column's header and field, what is wrong
 * and how to fix it.
 *
 * @example
 * {@includeCode ../examples/import.ts#report}
 *
 * @since 0.3.0
 * @category models
 */
export interface Problem {
  readonly cell: string
  readonly header: string
  readonly field: string
  readonly reason: Text
  readonly fix: Text
}

/**
 * The check of one 合计 row's cell against the sum of the rows it covers.
 * `stated` and `computed` are exact decimals in the column's unit (万元 for a
 * 万元 column); `unreadable` counts cells above that could not be read, so
 * that the check is partial.
 *
 * @example
 * {@includeCode ../examples/import.ts#report}
 *
 * @since 0.3.0
 * @category models
 */
export interface TotalCheck {
  readonly cell: string
  readonly field: string
  readonly stated: string | undefined
  readonly computed: string
  readonly rows: number
  readonly unreadable: number
  readonly agrees: boolean
}

/**
 * One row of the file and what became of it. `record` is the record's id
 * (`project P-007`) for accepted and merged rows, and for rejected rows
 * when it could be read.
 *
 * @example
 * {@includeCode ../examples/import.ts#report}
 *
 * @since 0.3.0
 * @category models
 */
export interface Row {
  readonly row: number
  readonly status: Status
  readonly record?: string
  readonly problems: ReadonlyArray<Problem>
  readonly checks?: ReadonlyArray<TotalCheck>
}

/**
 * The whole report of one file: the template, where the header was found
 * and which column became which field, every row, and the counts.
 *
 * @example
 * {@includeCode ../examples/import.ts#report}
 *
 * @since 0.3.0
 * @category models
 */
export interface RowReport {
  readonly file: string
  readonly format: "xlsx" | "csv"
  readonly encoding?: string
  readonly template: string
  readonly titleRows: ReadonlyArray<number>
  readonly headerRows: ReadonlyArray<number>
  readonly columns: ReadonlyArray<{
    readonly column: string
    readonly header: string
    readonly field: string
    readonly unit?: string
  }>
  readonly ignoredColumns: ReadonlyArray<{ readonly column: string; readonly header: string }>
  readonly rows: ReadonlyArray<Row>
  readonly counts: {
    readonly accepted: number
    readonly merged: number
    readonly rejected: number
    readonly total: number
    readonly note: number
    readonly blank: number
  }
}

/**
 * Whether every data row was imported and every 合计 agrees.
 *
 * @example
 * {@includeCode ../examples/import.ts#report}
 *
 * @since 0.3.0
 * @category queries
 */
export const isClean = (report: RowReport): boolean =>
  report.counts.rejected === 0 &&
  report.rows.every((r) => r.checks === undefined || r.checks.every((c) => c.agrees))

/**
 * The report as JSON text, two-space indented, keys in a fixed order: the
 * same file and template give the same bytes.
 *
 * @example
 * {@includeCode ../examples/import.ts#report}
 *
 * @since 0.3.0
 * @category formatting
 */
export const toJson = (report: RowReport): string => `${JSON.stringify(report, null, 2)}\n`

const STATUS_ZH: Record<Status, string> = {
  accepted: "已导入",
  merged: "已合并",
  rejected: "未导入",
  total: "合计行",
  note: "说明行"
}

/**
 * One line saying what became of a row, as the status column of the
 * county's file shows it: `未导入：D17 金额不能为负数（-5）→ 填写非负金额…`.
 *
 * @example
 * {@includeCode ../examples/import.ts#report}
 *
 * @since 0.3.0
 * @category formatting
 */
export const describe = (row: Row, lang: "zh" | "en" = "zh"): string => {
  const head = lang === "zh" ? STATUS_ZH[row.status] : row.status
  const problems = row.problems.map((p) =>
    lang === "zh"
      ? `${p.cell}（${p.header}）${p.reason.zh} → ${p.fix.zh}`
      : `${p.cell} (${p.header}) ${p.reason.en} → ${p.fix.en}`
  )
  const checks = (row.checks ?? []).map((c) =>
    lang === "zh"
      ? `${c.cell} ${c.agrees ? "与明细合计一致" : `填报 ${c.stated ?? "空"}，明细合计 ${c.computed}，不一致`}${c.unreadable > 0 ? `（${c.unreadable} 个单元格无法读取）` : ""}`
      : `${c.cell} ${c.agrees ? "agrees with the rows" : `states ${c.stated ?? "nothing"} but the rows add up to ${c.computed}`}${c.unreadable > 0 ? ` (${c.unreadable} cells unreadable)` : ""}`
  )
  const rest = [...problems, ...checks]
  return rest.length === 0
    ? head
    : `${head}${lang === "zh" ? "：" : ": "}${rest.join(lang === "zh" ? "；" : "; ")}`
}
