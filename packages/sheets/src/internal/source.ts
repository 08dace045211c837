import { Readable } from "node:stream"
import { parse as parseCsv } from "csv-parse/sync"
import ExcelJS from "exceljs"
import { LimitExceededError, MalformedFileError, UnsupportedFormatError } from "../SheetError.js"
import { type Raw, Unreadable } from "./cells.js"

/** @internal The limits of an import; see `Import.Limits`. */
export interface Limits {
  readonly maxBytes: number
  readonly maxRows: number
  readonly maxColumns: number
  readonly maxCellChars: number
  readonly maxZipEntries: number
  readonly maxUnpackedBytes: number
  readonly maxCompressionRatio: number
}

/** @internal */
export const defaultLimits: Limits = {
  maxBytes: 64 * 1024 * 1024,
  maxRows: 200_000,
  maxColumns: 256,
  maxCellChars: 32_767,
  maxZipEntries: 2_000,
  maxUnpackedBytes: 512 * 1024 * 1024,
  maxCompressionRatio: 200
}

/** @internal One row of a sheet: its number (from 1) and its cells (from column A). */
export interface SheetRow {
  readonly n: number
  readonly cells: ReadonlyArray<Raw>
}

/** @internal What kind of file the bytes are. */
export type Format = "xlsx" | "csv"

/** @internal Tells the format from the first bytes: a zip is .xlsx, an OLE file is .xls. */
export const detect = (bytes: Uint8Array, file: string): Format => {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return "xlsx"
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new UnsupportedFormatError({ file, format: "xls" })
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b)
    throw new MalformedFileError({ file, detail: "not a zip archive" })
  if (/\.xlsx?$/i.test(file) && bytes.length > 0) {
    throw new UnsupportedFormatError({ file, format: /\.xls$/i.test(file) ? "xls" : "unknown" })
  }
  return "csv"
}

/** @internal The text encoding a CSV was read in. */
export type Encoding = "utf-8" | "gbk" | "utf-16le"

/** @internal Decodes CSV bytes: a byte-order mark decides; else UTF-8 when valid, else GBK. */
export const decodeText = (
  bytes: Uint8Array,
  forced: Encoding | "auto"
): { readonly text: string; readonly encoding: Encoding; readonly bom: boolean } => {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return {
      text: new TextDecoder("utf-8").decode(bytes.subarray(3)),
      encoding: "utf-8",
      bom: true
    }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      text: new TextDecoder("utf-16le").decode(bytes.subarray(2)),
      encoding: "utf-16le",
      bom: true
    }
  }
  if (forced !== "auto")
    return { text: new TextDecoder(forced).decode(bytes), encoding: forced, bom: false }
  try {
    return {
      text: new TextDecoder("utf-8", { fatal: true }).decode(bytes),
      encoding: "utf-8",
      bom: false
    }
  } catch {
    return { text: new TextDecoder("gbk").decode(bytes), encoding: "gbk", bom: false }
  }
}

/** @internal The rows of CSV text. */
export function* csvRows(text: string, file: string, limits: Limits): Generator<SheetRow> {
  let records: Array<Array<string>>
  try {
    records = parseCsv(text, {
      relax_column_count: true,
      skip_empty_lines: false,
      bom: true,
      max_record_size: limits.maxCellChars * 4
    }) as Array<Array<string>>
  } catch (e) {
    throw new MalformedFileError({
      file,
      detail: `CSV: ${e instanceof Error ? e.message : String(e)}`
    })
  }
  if (records.length > limits.maxRows) {
    throw new LimitExceededError({
      file,
      limit: "rows",
      allowed: limits.maxRows,
      found: records.length
    })
  }
  for (let i = 0; i < records.length; i++) {
    const cells = records[i]!
    checkCells(cells, i + 1, file, limits)
    yield { n: i + 1, cells }
  }
}

const checkCells = (
  cells: ReadonlyArray<unknown>,
  n: number,
  file: string,
  limits: Limits
): void => {
  if (cells.length > limits.maxColumns) {
    throw new LimitExceededError({
      file,
      limit: "columns",
      allowed: limits.maxColumns,
      found: cells.length,
      row: n
    })
  }
  for (const c of cells) {
    if (typeof c === "string" && c.length > limits.maxCellChars) {
      throw new LimitExceededError({
        file,
        limit: "cell-chars",
        allowed: limits.maxCellChars,
        found: c.length,
        row: n
      })
    }
  }
}

/**
 * @internal Checks a zip's central directory before anything is unpacked:
 * the number of entries, their declared unpacked size and compression ratio.
 */
export const checkZip = (bytes: Uint8Array, file: string, limits: Limits): void => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new MalformedFileError({ file, detail: "the zip has no central directory" })
  const entries = view.getUint16(eocd + 10, true)
  const size = view.getUint32(eocd + 12, true)
  const offset = view.getUint32(eocd + 16, true)
  if (entries > limits.maxZipEntries) {
    throw new LimitExceededError({
      file,
      limit: "zip-entries",
      allowed: limits.maxZipEntries,
      found: entries
    })
  }
  if (offset + size > bytes.length) {
    throw new MalformedFileError({
      file,
      detail: "the zip's central directory lies outside the file"
    })
  }
  let p = offset
  let unpacked = 0
  for (let i = 0; i < entries; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) {
      throw new MalformedFileError({ file, detail: "the zip's central directory is damaged" })
    }
    const compressed = view.getUint32(p + 20, true)
    const plain = view.getUint32(p + 24, true)
    if (plain === 0xffffffff || compressed === 0xffffffff) {
      throw new LimitExceededError({
        file,
        limit: "zip-unpacked",
        allowed: limits.maxUnpackedBytes,
        found: 0xffffffff
      })
    }
    unpacked += plain
    const ratio = plain / Math.max(compressed, 1)
    if (plain > 1_000_000 && ratio > limits.maxCompressionRatio) {
      throw new LimitExceededError({
        file,
        limit: "zip-ratio",
        allowed: limits.maxCompressionRatio,
        found: Math.round(ratio)
      })
    }
    p +=
      46 +
      view.getUint16(p + 28, true) +
      view.getUint16(p + 30, true) +
      view.getUint16(p + 32, true)
  }
  if (unpacked > limits.maxUnpackedBytes) {
    throw new LimitExceededError({
      file,
      limit: "zip-unpacked",
      allowed: limits.maxUnpackedBytes,
      found: unpacked
    })
  }
}

const FIRST = [
  "xl/_rels/workbook.xml.rels",
  "xl/workbook.xml",
  "xl/sharedStrings.xml",
  "xl/styles.xml"
]

/**
 * @internal The same zip with the workbook's relationships, its shared
 * strings and styles moved before the worksheets. Excel writes the shared
 * strings last; exceljs' streaming reader then parks each worksheet in a
 * temporary file until it has them. Moved first, the worksheets stream
 * straight through. Entries are moved as they are, never unpacked; a zip
 * whose layout is not the plain one is returned unchanged.
 */
export const sharedStringsFirst = (bytes: Uint8Array): Uint8Array => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return bytes
  const count = view.getUint16(eocd + 10, true)
  const cdSize = view.getUint32(eocd + 12, true)
  const cdOffset = view.getUint32(eocd + 16, true)
  const entries: Array<{ name: string; local: number; cd: number; cdLength: number }> = []
  let p = cdOffset
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return bytes
    const n = view.getUint16(p + 28, true)
    const length = 46 + n + view.getUint16(p + 30, true) + view.getUint16(p + 32, true)
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + n))
    entries.push({ name, local: view.getUint32(p + 42, true), cd: p, cdLength: length })
    p += length
  }
  if (p !== cdOffset + cdSize || p > eocd) return bytes
  const byOffset = [...entries].sort((a, b) => a.local - b.local)
  if (byOffset.length === 0 || byOffset[0]!.local !== 0) return bytes
  const records = new Map<string, Uint8Array>()
  for (let i = 0; i < byOffset.length; i++) {
    const e = byOffset[i]!
    const end = i + 1 < byOffset.length ? byOffset[i + 1]!.local : cdOffset
    if (end <= e.local || records.has(e.name)) return bytes
    records.set(e.name, bytes.subarray(e.local, end))
  }
  const rank = (name: string) => {
    const k = FIRST.indexOf(name)
    return k < 0 ? FIRST.length : k
  }
  const ordered = byOffset
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank(a.e.name) - rank(b.e.name) || a.i - b.i)
    .map((x) => x.e)
  if (ordered.every((e, i) => e === byOffset[i])) return bytes
  const out = new Uint8Array(bytes.length)
  const outView = new DataView(out.buffer)
  let at = 0
  const offsets = new Map<string, number>()
  for (const e of ordered) {
    const r = records.get(e.name)!
    offsets.set(e.name, at)
    out.set(r, at)
    at += r.length
  }
  const newCd = at
  for (const e of entries) {
    out.set(bytes.subarray(e.cd, e.cd + e.cdLength), at)
    outView.setUint32(at + 42, offsets.get(e.name)!, true)
    at += e.cdLength
  }
  out.set(bytes.subarray(eocd), at)
  outView.setUint32(at + 16, newCd, true)
  return out.subarray(0, at + (bytes.length - eocd))
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30)

const rawOf = (v: unknown): Raw => {
  if (v === null || v === undefined) return undefined
  switch (typeof v) {
    case "string":
    case "boolean":
      return v
    case "number":
      return Number.isFinite(v) ? v : new Unreadable("error", String(v))
    case "object": {
      if (v instanceof Date) return (v.getTime() - EXCEL_EPOCH_MS) / 86_400_000
      const o = v as Record<string, unknown>
      if ("formula" in o || "sharedFormula" in o) {
        const f = String(o.formula ?? o.sharedFormula)
        return o.result === undefined ? new Unreadable("formula", `=${f}`) : rawOf(o.result)
      }
      if ("error" in o) return new Unreadable("error", String(o.error))
      if (Array.isArray(o.richText)) {
        return (o.richText as Array<{ text?: unknown }>).map((r) => String(r.text ?? "")).join("")
      }
      if ("text" in o) return rawOf(o.text)
      return undefined
    }
    default:
      return undefined
  }
}

/**
 * @internal The rows of one worksheet of an .xlsx, streamed: cells are read
 * as stored (a formula's cached result, never evaluated; dates as serials).
 */
export async function* xlsxRows(
  bytes: Uint8Array,
  file: string,
  sheet: number,
  limits: Limits
): AsyncGenerator<SheetRow> {
  checkZip(bytes, file, limits)
  const ordered = sharedStringsFirst(bytes)
  const input = Readable.from([Buffer.from(ordered.buffer, ordered.byteOffset, ordered.byteLength)])
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    entries: "ignore"
  })
  let index = 0
  let found = false
  let count = 0
  try {
    for await (const worksheet of reader) {
      index++
      if (index !== sheet) {
        for await (const _ of worksheet) {
          if (++count > limits.maxRows) rowLimit(file, limits, count)
        }
        continue
      }
      found = true
      for await (const row of worksheet) {
        const n = (row as { number: number }).number
        if (++count > limits.maxRows || n > limits.maxRows)
          rowLimit(file, limits, Math.max(n, count))
        const values = (row as { values: Array<unknown> }).values
        const width = values.length - 1
        if (width > limits.maxColumns) {
          throw new LimitExceededError({
            file,
            limit: "columns",
            allowed: limits.maxColumns,
            found: width,
            row: n
          })
        }
        const cells: Array<Raw> = new Array(Math.max(width, 0))
        for (let c = 1; c < values.length; c++) {
          const r = rawOf(values[c])
          if (typeof r === "string" && r.length > limits.maxCellChars) {
            throw new LimitExceededError({
              file,
              limit: "cell-chars",
              allowed: limits.maxCellChars,
              found: r.length,
              row: n
            })
          }
          cells[c - 1] = r
        }
        yield { n, cells }
      }
    }
  } catch (e) {
    throw typed(e, file)
  } finally {
    input.destroy()
  }
  if (!found) {
    throw new MalformedFileError({
      file,
      detail: index === 0 ? "the workbook has no worksheet" : `the workbook has no sheet ${sheet}`
    })
  }
}

const rowLimit = (file: string, limits: Limits, found: number): never => {
  throw new LimitExceededError({ file, limit: "rows", allowed: limits.maxRows, found })
}

/** @internal Any error of a reader as a typed one. */
export const typed = (e: unknown, file: string): Error => {
  if (
    e instanceof LimitExceededError ||
    e instanceof MalformedFileError ||
    e instanceof UnsupportedFormatError
  ) {
    return e
  }
  const detail = e instanceof Error ? e.message : String(e)
  return new MalformedFileError({ file, detail: detail.split("\n")[0]!.slice(0, 200) })
}
