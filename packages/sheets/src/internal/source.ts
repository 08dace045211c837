import { parse as parseCsv } from "csv-parse/sync"
import { LimitExceededError, MalformedFileError, UnsupportedFormatError } from "../SheetError.js"
import type { Limits } from "./limits.js"
import type { SheetRow } from "./rows.js"
import { endOfCentralDirectory, worksheetRows } from "./worksheet.js"

export { defaultLimits, type Limits } from "./limits.js"
export type { SheetRow } from "./rows.js"

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
    throw new MalformedFileError({ file, damage: "zip", detail: "not a zip archive" })
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
      damage: "csv",
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
  const eocd = endOfCentralDirectory(view, bytes.length)
  if (eocd < 0)
    throw new MalformedFileError({
      file,
      damage: "zip",
      detail: "the zip has no central directory"
    })
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
      damage: "zip",
      detail: "the zip's central directory lies outside the file"
    })
  }
  let p = offset
  let unpacked = 0
  for (let i = 0; i < entries; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) {
      throw new MalformedFileError({
        file,
        damage: "zip",
        detail: "the zip's central directory is damaged"
      })
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

/**
 * @internal The rows of one worksheet of an .xlsx, streamed in batches: the
 * zip's limits are checked before anything is unpacked, then the sheet's
 * XML is read as it is inflated (see `worksheet.ts`).
 */
export async function* xlsxRows(
  bytes: Uint8Array,
  file: string,
  sheet: number,
  limits: Limits
): AsyncGenerator<ReadonlyArray<SheetRow>> {
  checkZip(bytes, file, limits)
  try {
    yield* worksheetRows(bytes, file, sheet, limits)
  } catch (e) {
    throw typed(e, file)
  }
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
  return new MalformedFileError({
    file,
    damage: "unreadable",
    detail: detail.split("\n")[0]!.slice(0, 200)
  })
}
