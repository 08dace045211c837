import type { Raw } from "./cells.js"

/** @internal One row of a sheet: its number (from 1) and its cells (from column A). */
export interface SheetRow {
  readonly n: number
  readonly cells: ReadonlyArray<Raw>
}
