/**
 * Import (导入): a county's `.xlsx` or `.csv` form, read with a
 * {@link Template.Template}, into gongjian records and a
 * {@link RowReport.RowReport} that accounts for every row.
 *
 * - `.xlsx` is streamed: the worksheet's XML is read as it is inflated; a
 *   formula's cached value is read and never evaluated; a formula without
 *   one, or an error value (`#REF!`), rejects its row with the cell named.
 * - `.csv` is read as UTF-8 when it is valid UTF-8, else as GBK (what
 *   Chinese Excel saves); a byte-order mark is accepted.
 * - `.xls` is refused with {@link SheetError.UnsupportedFormatError}, which
 *   says how to convert it.
 * - Hostile files end in typed errors, never a crash: size, row, column and
 *   cell limits, zip bombs (checked before anything is unpacked), damaged
 *   zips and XML.
 *
 * @since 0.3.0
 */
import { type Activity, type Project, Snapshot, type Target } from "@gongjian/core"
import * as Effect from "effect/Effect"
import * as FileSystem from "effect/FileSystem"
import type * as Result from "effect/Result"
import { run } from "./internal/engine.js"
import type { Limits } from "./internal/limits.js"
import { csvRows, decodeText, defaultLimits, detect, typed, xlsxRows } from "./internal/source.js"
import type * as RowReport from "./RowReport.js"
import {
  HeaderNotFoundError,
  LimitExceededError,
  MalformedFileError,
  type SheetError,
  TemplateError,
  UnsupportedFormatError
} from "./SheetError.js"
import type { Template } from "./Template.js"

export type { Limits } from "./internal/limits.js"

/**
 * The default {@link Limits}.
 *
 * @example
 * {@includeCode ../examples/errors.ts#limit}
 *
 * @since 0.3.0
 * @category models
 */
export const limits: Limits = defaultLimits

/**
 * Options of an import.
 *
 * - `template`: the form's template (`Forms.projectLedger` or a county's own);
 * - `snapshot`: the campaign whose unit names are matched to unit ids, and
 *   whose projects, activities and reports rows merge into;
 * - `file`: the file's name, for messages and format detection;
 * - `encoding`: force a CSV's encoding instead of detecting it;
 * - `limits`: raise or lower any of the {@link Limits}.
 *
 * @example
 * {@includeCode ../examples/import.ts#import}
 *
 * @since 0.3.0
 * @category models
 */
export interface Options {
  readonly template: Template
  readonly snapshot?: Snapshot.Snapshot
  readonly file?: string
  readonly encoding?: "auto" | "utf-8" | "gbk"
  readonly limits?: Partial<Limits>
}

/**
 * What an import produced: the records of accepted and merged rows
 * (projects are the merged ones, with their approvals and events), and the
 * row report.
 *
 * @example
 * {@includeCode ../examples/import.ts#import}
 *
 * @since 0.3.0
 * @category models
 */
export interface Imported {
  readonly projects: ReadonlyArray<Project.Project>
  readonly activities: ReadonlyArray<Activity.Activity>
  readonly reports: ReadonlyArray<Target.Report>
  readonly report: RowReport.RowReport
}

const isSheetError = (e: unknown): e is SheetError =>
  e instanceof UnsupportedFormatError ||
  e instanceof LimitExceededError ||
  e instanceof MalformedFileError ||
  e instanceof HeaderNotFoundError ||
  e instanceof TemplateError

/** The rows of a CSV, read whole, as one batch. */
async function* batchOf<A>(rows: () => A): AsyncGenerator<A> {
  yield rows()
}

const go = async (bytes: Uint8Array, options: Options): Promise<Imported> => {
  const file = options.file ?? "input"
  const lim: Limits = { ...defaultLimits, ...options.limits }
  if (bytes.length > lim.maxBytes) {
    throw new LimitExceededError({
      file,
      limit: "bytes",
      allowed: lim.maxBytes,
      found: bytes.length
    })
  }
  const format = detect(bytes, file)
  if (format === "xlsx") {
    const outcome = await run(
      xlsxRows(bytes, file, options.template.sheet ?? 1, lim),
      options.template,
      options.snapshot,
      file
    )
    return { ...outcome, report: { file, format, ...outcome.report } }
  }
  const { text, encoding } = decodeText(bytes, options.encoding ?? "auto")
  const outcome = await run(
    batchOf(() => Array.from(csvRows(text, file, lim))),
    options.template,
    options.snapshot,
    file
  )
  return { ...outcome, report: { file, format, encoding, ...outcome.report } }
}

/**
 * Imports the bytes of an `.xlsx` or `.csv` file.
 *
 * @example
 * {@includeCode ../examples/import.ts#import}
 *
 * @since 0.3.0
 * @category importing
 */
export const fromBytes = (
  bytes: Uint8Array,
  options: Options
): Effect.Effect<Imported, SheetError> =>
  Effect.tryPromise({
    try: () => go(bytes, options),
    catch: (e) => (isSheetError(e) ? e : (typed(e, options.file ?? "input") as SheetError))
  })

/**
 * Imports a file through effect's `FileSystem` (on Node,
 * `NodeFileSystem.layer` from `@effect/platform-node`); its size is checked
 * before it is read. A file that cannot be read is a
 * {@link SheetError.MalformedFileError} with the system's reason in `detail`.
 *
 * @example
 * {@includeCode ../examples/import.ts#import}
 *
 * @since 0.3.0
 * @category importing
 */
export const fromFile = (
  path: string,
  options: Options
): Effect.Effect<Imported, SheetError, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const file = options.file ?? baseName(path)
    const max = options.limits?.maxBytes ?? defaultLimits.maxBytes
    const unreadable = (e: { readonly message: string }) =>
      new MalformedFileError({ file, damage: "unreadable", detail: e.message })
    const info = yield* Effect.mapError(fs.stat(path), unreadable)
    const size = Number(info.size)
    if (size > max)
      return yield* Effect.fail(
        new LimitExceededError({ file, limit: "bytes", allowed: max, found: size })
      )
    const bytes = yield* Effect.mapError(fs.readFile(path), unreadable)
    return yield* fromBytes(bytes, { ...options, file })
  })

/** The last part of a path, `/` or `\\` separated. */
const baseName = (path: string): string =>
  path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1)

const upsert = <T extends { readonly id: string }>(
  base: ReadonlyArray<T>,
  changes: ReadonlyArray<T>
): ReadonlyArray<T> => {
  const byId = new Map(changes.map((c) => [c.id, c]))
  const out = base.map((b) => byId.get(b.id) ?? b)
  const known = new Set(base.map((b) => b.id))
  for (const c of changes) if (!known.has(c.id)) out.push(c)
  return out
}

/**
 * The snapshot with the imported records in it: projects, activities and
 * reports replaced by id or added after the existing ones. The result is
 * decoded again as a whole, so anything the rows alone could not check
 * (a project pointing at a unit that does not exist) is a
 * `SnapshotError` naming the record.
 *
 * @example
 * {@includeCode ../examples/import.ts#import}
 *
 * @since 0.3.0
 * @category importing
 */
export const apply = (
  snapshot: Snapshot.Snapshot,
  imported: Pick<Imported, "projects" | "activities" | "reports">
): Result.Result<Snapshot.Snapshot, Snapshot.SnapshotError> => {
  const merged: Snapshot.Snapshot = {
    ...snapshot,
    projects: upsert(snapshot.projects, imported.projects),
    ...(imported.activities.length > 0 || snapshot.activities !== undefined
      ? { activities: upsert(snapshot.activities ?? [], imported.activities) }
      : {}),
    ...(imported.reports.length > 0 || snapshot.reports !== undefined
      ? { reports: upsert(snapshot.reports ?? [], imported.reports) }
      : {})
  }
  return Snapshot.decode(Snapshot.encode(merged))
}
