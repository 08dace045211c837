import type { Raw } from "./cells.js"

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
