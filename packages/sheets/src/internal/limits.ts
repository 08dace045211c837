/**
 * The limits an import enforces (导入限制; defaults in brackets): `maxBytes`
 * (64 MiB), `maxRows` (200,000), `maxColumns` (256), `maxCellChars` (32,767,
 * Excel's own), and for `.xlsx` `maxZipEntries` (2,000), `maxUnpackedBytes`
 * (512 MiB) and `maxCompressionRatio` (200, for entries over 1 MB). Declared
 * once here, where the readers of `.xlsx` and `.csv` and `Import` all take
 * it from; published as `Import.Limits`.
 *
 * @example
 * {@includeCode ../../examples/errors.ts#limit}
 *
 * @since 0.3.0
 * @category models
 */
export interface Limits {
  readonly maxBytes: number
  readonly maxRows: number
  readonly maxColumns: number
  readonly maxCellChars: number
  readonly maxZipEntries: number
  readonly maxUnpackedBytes: number
  readonly maxCompressionRatio: number
}

/** @internal The default {@link Limits}, published as `Import.limits`. */
export const defaultLimits: Limits = {
  maxBytes: 64 * 1024 * 1024,
  maxRows: 200_000,
  maxColumns: 256,
  maxCellChars: 32_767,
  maxZipEntries: 2_000,
  maxUnpackedBytes: 512 * 1024 * 1024,
  maxCompressionRatio: 200
}
