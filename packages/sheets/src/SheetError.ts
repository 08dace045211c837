/**
 * The typed errors of reading a spreadsheet: a file gongjian will not read
 * (`.xls`, too large, a zip bomb, broken XML), a template that does not fit
 * the form, and a template that is itself malformed. A problem of one row is
 * never an error: it is a rejected row in the {@link RowReport.RowReport}.
 *
 * Every message says what was wrong, where, and how to fix it, in Chinese and
 * English.
 *
 * @since 0.3.0
 */
import * as Data from "effect/Data"

/**
 * The file is an old binary Excel workbook (`.xls`, BIFF): gongjian reads
 * `.xlsx` and `.csv` only (不支持 .xls 格式).
 *
 * @example
 * {@includeCode ../examples/errors.ts#xls}
 *
 * @since 0.3.0
 * @category errors
 */
export class UnsupportedFormatError extends Data.TaggedError("UnsupportedFormatError")<{
  readonly file: string
  readonly format: "xls" | "unknown"
}> {
  override get message(): string {
    return this.format === "xls"
      ? `${this.file}: 不支持旧版 Excel（.xls）文件，请在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）或 CSV（UTF-8）后再导入。` +
          ` / ${this.file} is an old Excel (.xls) workbook, which is not read: open it in Excel, WPS or LibreOffice and save it as an Excel workbook (.xlsx) or CSV (UTF-8), then import that file (LibreOffice: soffice --headless --convert-to xlsx ${this.file}).`
      : `${this.file}: 无法识别的文件格式，请提供 .xlsx 或 .csv 文件。 / ${this.file} is neither an .xlsx workbook nor CSV text: save it as .xlsx or CSV.`
  }
}

/**
 * A limit of the import was exceeded (文件过大): the file's size, its rows,
 * its columns, a cell's length, or the zip's entries and unpacked size.
 * Limits protect a portal from hostile uploads; raise them in
 * `ImportOptions.limits` for a genuinely large file.
 *
 * @example
 * {@includeCode ../examples/errors.ts#limit}
 *
 * @since 0.3.0
 * @category errors
 */
export class LimitExceededError extends Data.TaggedError("LimitExceededError")<{
  readonly file: string
  readonly limit:
    | "bytes"
    | "rows"
    | "columns"
    | "cell-chars"
    | "zip-entries"
    | "zip-unpacked"
    | "zip-ratio"
  readonly allowed: number
  readonly found: number
  /** The row (from 1) where a row's or a cell's limit was exceeded. */
  readonly row?: number
}> {
  override get message(): string {
    const zh = this.row === undefined ? "" : `（第 ${this.row} 行）`
    const at = this.row === undefined ? "" : ` (row ${this.row})`
    return `${this.file}${zh}: ${LIMIT_ZH[this.limit]}超出导入限制（允许 ${this.allowed}，实际 ${this.found}），请拆分文件或调高限制。 / ${this.file}${at}: the ${this.limit} limit is ${this.allowed} but the file has ${this.found}; split the file or raise limits.${limitKey(this.limit)}.`
  }
}

const LIMIT_ZH: Record<LimitExceededError["limit"], string> = {
  bytes: "文件大小（字节）",
  rows: "行数",
  columns: "列数",
  "cell-chars": "单元格字数",
  "zip-entries": "压缩包内的文件数",
  "zip-unpacked": "解压后的大小（字节）",
  "zip-ratio": "压缩比"
}

const limitKey = (limit: LimitExceededError["limit"]): string =>
  ({
    bytes: "maxBytes",
    rows: "maxRows",
    columns: "maxColumns",
    "cell-chars": "maxCellChars",
    "zip-entries": "maxZipEntries",
    "zip-unpacked": "maxUnpackedBytes",
    "zip-ratio": "maxCompressionRatio"
  })[limit]

/**
 * What is damaged in a file that cannot be read (损坏之处): its zip archive
 * (`zip`), a part's XML (`xml`), the CSV text (`csv`), a part the workbook
 * needs (`parts`: no worksheet, a missing sheet, a cell naming a shared string
 * that does not exist), or the file could not be read at all (`unreadable`).
 *
 * @example
 * {@includeCode ../examples/errors.ts#malformed}
 *
 * @since 0.4.0
 * @category errors
 */
export type Damage = "zip" | "xml" | "csv" | "parts" | "unreadable"

const DAMAGE_ZH: Record<Damage, string> = {
  zip: "压缩包结构损坏",
  xml: "工作簿内容（XML）无法解析",
  csv: "CSV 文本格式有误",
  parts: "工作簿缺少必要的组成部分或引用了不存在的内容",
  unreadable: "文件无法读取"
}

const DAMAGE_EN: Record<Damage, string> = {
  zip: "its zip archive is damaged",
  xml: "its XML does not parse",
  csv: "its CSV text is malformed",
  parts: "a part the workbook needs is missing or refers to nothing",
  unreadable: "the file cannot be read"
}

/**
 * The workbook is damaged (文件已损坏): not a valid zip, XML that does not
 * parse, a worksheet missing. `damage` says what (each half of the message
 * says it in its language); `detail` is the cause in the reader's own words.
 *
 * @example
 * {@includeCode ../examples/errors.ts#malformed}
 *
 * @since 0.3.0
 * @category errors
 */
export class MalformedFileError extends Data.TaggedError("MalformedFileError")<{
  readonly file: string
  readonly damage: Damage
  readonly detail: string
}> {
  override get message(): string {
    return `${this.file}: 文件已损坏或不是有效的 Excel 工作簿（${DAMAGE_ZH[this.damage]}），请在 Excel 中打开并重新保存为 .xlsx。 / ${this.file} is damaged or not a valid workbook (${DAMAGE_EN[this.damage]}): open it in Excel and save it again as .xlsx.`
  }
}

/**
 * The form does not match the template (表头不符): a required column's
 * header was not found in the first rows of the sheet.
 *
 * @example
 * {@includeCode ../examples/errors.ts#header}
 *
 * @since 0.3.0
 * @category errors
 */
export class HeaderNotFoundError extends Data.TaggedError("HeaderNotFoundError")<{
  readonly file: string
  readonly template: string
  readonly missing: ReadonlyArray<string>
  readonly searchedRows: number
}> {
  override get message(): string {
    const m = this.missing.join("、")
    return `${this.file}: 在前 ${this.searchedRows} 行中找不到模板“${this.template}”要求的列：${m}。请检查表头文字，或在模板该列的表头写法中加上本县的写法。 / ${this.file}: the columns ${this.missing.join(", ")} that template ${this.template} requires were not found in the first ${this.searchedRows} rows; check the header text or add the county's wording to the template's headers.`
  }
}

/**
 * A template (JSON) is malformed (模板有误): the path names the field.
 *
 * @example
 * {@includeCode ../examples/errors.ts#template}
 *
 * @since 0.3.0
 * @category errors
 */
export class TemplateError extends Data.TaggedError("TemplateError")<{
  readonly template: string
  readonly problems: ReadonlyArray<string>
}> {
  override get message(): string {
    return `模板 ${this.template} 有误 / Template ${this.template} is malformed:\n${this.problems.map((p) => `  ${p}`).join("\n")}`
  }
}

/**
 * Why a county's own file cannot be written back with its import status
 * (导入结果写回失败), a stable code to branch on:
 *
 * - `missing-sheet`: the workbook has no worksheet of the number asked for
 *   (`options.sheet`, from 1);
 * - `unreadable-workbook`: a part of the workbook cannot be read back (the
 *   import reads only the sheet, so a damaged styles part passes it, but
 *   writing the file back reads every part).
 *
 * @example
 * {@includeCode ../examples/errors.ts#annotate}
 *
 * @since 0.4.0
 * @category errors
 */
export type AnnotateCode = "missing-sheet" | "unreadable-workbook"

/**
 * `Export.annotate` could not write the file back (导入结果写回失败): the
 * `file`, the `sheet` asked for (from 1), how many worksheets the workbook has
 * (`sheets`, 0 when it could not be read), and a stable {@link AnnotateCode};
 * `detail` is the cause in the reader's own words ("" when there is none).
 * The message names the file and the sheet, in Chinese and English, and how
 * to fix it.
 *
 * @example
 * {@includeCode ../examples/errors.ts#annotate}
 *
 * @since 0.4.0
 * @category errors
 */
export class AnnotateError extends Data.TaggedError("AnnotateError")<{
  readonly code: AnnotateCode
  readonly file: string
  readonly sheet: number
  readonly sheets: number
  readonly detail: string
}> {
  override get message(): string {
    return this.code === "missing-sheet"
      ? `${this.file}: 工作簿没有第 ${this.sheet} 个工作表（共 ${this.sheets} 个），请把 sheet 设为 1 到 ${this.sheets} 之间的序号。 / ${this.file}: the workbook has no sheet ${this.sheet} (it has ${this.sheets}); give a sheet from 1 to ${this.sheets}.`
      : `${this.file}: 无法写回第 ${this.sheet} 个工作表的导入结果，工作簿的某个组成部分已损坏（${this.detail}），请在 Excel 中打开并重新保存为 .xlsx 后再导入。 / ${this.file}: the import status of sheet ${this.sheet} cannot be written back: a part of the workbook is damaged (${this.detail}); open it in Excel, save it again as .xlsx and import that file.`
  }
}

/**
 * Every error reading a spreadsheet can end in.
 *
 * @example
 * {@includeCode ../examples/errors.ts#xls}
 *
 * @since 0.3.0
 * @category errors
 */
export type SheetError =
  | UnsupportedFormatError
  | LimitExceededError
  | MalformedFileError
  | HeaderNotFoundError
  | TemplateError
