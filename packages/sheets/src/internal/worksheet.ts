import { Readable } from "node:stream"
import { createInflateRaw } from "node:zlib"
import { SaxesParser, type SaxesTagPlain } from "saxes"
import { type Damage, LimitExceededError, MalformedFileError } from "../SheetError.js"
import { type Raw, Unreadable } from "./cells.js"
import type { Limits } from "./limits.js"
import type { SheetRow } from "./rows.js"

/** An entry of the zip's central directory. */
interface Entry {
  readonly name: string
  readonly method: number
  readonly compressed: number
  readonly size: number
  readonly local: number
}

const damaged = (file: string, detail: string, damage: Damage = "zip") =>
  new MalformedFileError({ file, damage, detail })

/**
 * @internal Where a zip's end-of-central-directory record starts (searched
 * back from the end, over the longest comment a zip may carry); -1 when it
 * has none.
 */
export const endOfCentralDirectory = (view: DataView, length: number): number => {
  for (let i = length - 22; i >= Math.max(0, length - 65_557); i--)
    if (view.getUint32(i, true) === 0x06054b50) return i
  return -1
}

/** The entries of a zip by name, from its central directory (checked by `checkZip` first). */
const entriesOf = (bytes: Uint8Array, file: string): ReadonlyMap<string, Entry> => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const eocd = endOfCentralDirectory(view, bytes.length)
  if (eocd < 0) throw damaged(file, "the zip has no central directory")
  const count = view.getUint16(eocd + 10, true)
  let p = view.getUint32(eocd + 16, true)
  const out = new Map<string, Entry>()
  const names = new TextDecoder()
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50)
      throw damaged(file, "the zip's central directory is damaged")
    const n = view.getUint16(p + 28, true)
    if (p + 46 + n > bytes.length) throw damaged(file, "the zip's central directory is damaged")
    const name = names.decode(bytes.subarray(p + 46, p + 46 + n))
    out.set(name, {
      name,
      method: view.getUint16(p + 10, true),
      compressed: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      local: view.getUint32(p + 42, true)
    })
    p += 46 + n + view.getUint16(p + 30, true) + view.getUint16(p + 32, true)
  }
  return out
}

/**
 * The size of an inflated piece of an entry. A piece's text and the rows read
 * from it are alive until those rows are checked; whatever is alive when V8
 * collects its young generation is copied there, and the more it copies the
 * larger V8 makes that generation. Pieces of 64 KiB kept about 20 MB more
 * copied over a 50,000-row import than pieces of 16 KiB, for the same rows.
 */
const PIECE = 16 * 1024

/**
 * The text of an entry as it is inflated, piece by piece. An entry that
 * inflates to more than its central directory declared (the size the zip
 * bomb checks read) is a damaged file: it stops there.
 */
async function* textOf(
  bytes: Uint8Array,
  entry: Entry,
  file: string,
  limits: Limits
): AsyncGenerator<string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const l = entry.local
  if (l + 30 > bytes.length || view.getUint32(l, true) !== 0x04034b50)
    throw damaged(file, `the zip entry ${entry.name} is damaged`)
  const start = l + 30 + view.getUint16(l + 26, true) + view.getUint16(l + 28, true)
  if (start + entry.compressed > bytes.length)
    throw damaged(file, `the zip entry ${entry.name} lies outside the file`)
  const data = bytes.subarray(start, start + entry.compressed)
  const decoder = new TextDecoder("utf-8")
  if (entry.method === 0) {
    yield decoder.decode(data)
    return
  }
  if (entry.method !== 8)
    throw damaged(file, `the zip entry ${entry.name} uses compression method ${entry.method}`)
  const inflate = createInflateRaw({ chunkSize: PIECE })
  const source = Readable.from([data])
  source.pipe(inflate)
  let total = 0
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      total += chunk.length
      if (total > limits.maxUnpackedBytes)
        throw new LimitExceededError({
          file,
          limit: "zip-unpacked",
          allowed: limits.maxUnpackedBytes,
          found: total
        })
      if (total > entry.size)
        throw damaged(file, `the zip entry ${entry.name} is larger than its directory says`)
      yield decoder.decode(chunk, { stream: true })
    }
  } catch (e) {
    if (e instanceof LimitExceededError || e instanceof MalformedFileError) throw e
    throw damaged(
      file,
      `the zip entry ${entry.name}: ${e instanceof Error ? e.message : String(e)}`
    )
  } finally {
    source.destroy()
    inflate.destroy()
  }
  const rest = decoder.decode()
  if (rest !== "") yield rest
}

/** Parses an entry's XML with the handlers given, a piece at a time; `each` runs after each piece. */
async function* parse(
  bytes: Uint8Array,
  entry: Entry,
  file: string,
  limits: Limits,
  on: {
    readonly open: (tag: SaxesTagPlain) => void
    readonly close: (tag: SaxesTagPlain) => void
    readonly text: (text: string) => void
  }
): AsyncGenerator<void> {
  const parser = new SaxesParser()
  parser.on("opentag", on.open)
  parser.on("closetag", on.close)
  parser.on("text", on.text)
  parser.on("cdata", on.text)
  // A handler's own typed error passes through; the parser's is a damaged file.
  const xml = (e: unknown) =>
    e instanceof LimitExceededError || e instanceof MalformedFileError
      ? e
      : damaged(
          file,
          `${entry.name}: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`,
          "xml"
        )
  for await (const piece of textOf(bytes, entry, file, limits)) {
    try {
      parser.write(piece)
    } catch (e) {
      throw xml(e)
    }
    yield
  }
  try {
    parser.close()
  } catch (e) {
    throw xml(e)
  }
}

/** The `Id` → `Target` map of a relationships part, targets resolved against `base`. */
const relationships = async (
  bytes: Uint8Array,
  entries: ReadonlyMap<string, Entry>,
  path: string,
  base: string,
  file: string,
  limits: Limits
): Promise<ReadonlyMap<string, { readonly target: string; readonly type: string }>> => {
  const out = new Map<string, { readonly target: string; readonly type: string }>()
  const entry = entries.get(path)
  if (entry === undefined) return out
  for await (const _ of parse(bytes, entry, file, limits, {
    open: (t) => {
      if (t.name !== "Relationship") return
      const id = t.attributes.Id
      const target = t.attributes.Target
      if (id === undefined || target === undefined) return
      out.set(id, {
        target: target.startsWith("/") ? target.slice(1) : `${base}${target}`,
        type: t.attributes.Type ?? ""
      })
    },
    close: () => {},
    text: () => {}
  })) {
    // the handlers collect
  }
  return out
}

/** The worksheet parts of a workbook in the order of its tabs, and its shared strings part. */
const layout = async (
  bytes: Uint8Array,
  entries: ReadonlyMap<string, Entry>,
  file: string,
  limits: Limits
): Promise<{ readonly sheets: ReadonlyArray<string>; readonly sharedStrings?: string }> => {
  const rels = await relationships(
    bytes,
    entries,
    "xl/_rels/workbook.xml.rels",
    "xl/",
    file,
    limits
  )
  const workbook = entries.get("xl/workbook.xml")
  if (workbook === undefined) throw damaged(file, "the workbook has no xl/workbook.xml", "parts")
  const sheets: Array<string> = []
  for await (const _ of parse(bytes, workbook, file, limits, {
    open: (t) => {
      if (t.name !== "sheet") return
      // The relationship id's attribute is r:id, whatever prefix the file gives its namespace.
      const key = Object.keys(t.attributes).find((k) => k === "id" || k.endsWith(":id"))
      const target = key === undefined ? undefined : rels.get(t.attributes[key]!)?.target
      if (target !== undefined) sheets.push(target)
    },
    close: () => {},
    text: () => {}
  })) {
    // the handlers collect
  }
  const shared = [...rels.values()].find((r) => r.type.endsWith("/sharedStrings"))?.target
  const sharedStrings =
    shared ?? (entries.has("xl/sharedStrings.xml") ? "xl/sharedStrings.xml" : undefined)
  return sharedStrings === undefined ? { sheets } : { sheets, sharedStrings }
}

/** The shared strings: each `<si>`'s text, runs of rich text joined, phonetic guides left out. */
const sharedStringsOf = async (
  bytes: Uint8Array,
  entry: Entry,
  file: string,
  limits: Limits
): Promise<ReadonlyArray<string>> => {
  const out: Array<string> = []
  let text: string | undefined
  let inText = false
  let phonetic = 0
  for await (const _ of parse(bytes, entry, file, limits, {
    open: (t) => {
      if (t.name === "si") text = ""
      else if (t.name === "rPh") phonetic++
      else if (t.name === "t" && phonetic === 0) inText = true
    },
    close: (t) => {
      if (t.name === "si") {
        out.push(text ?? "")
        text = undefined
      } else if (t.name === "rPh") phonetic--
      else if (t.name === "t") inText = false
    },
    text: (x) => {
      if (inText && text !== undefined) text += x
    }
  })) {
    // the handlers collect
  }
  return out
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30)

/** The 0-based column of a cell reference (`D17` → 3), or -1 when it has none. */
const columnOf = (ref: string): number => {
  let c = 0
  let i = 0
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i)
    if (ch >= 65 && ch <= 90) c = c * 26 + ch - 64
    else if (ch >= 97 && ch <= 122) c = c * 26 + ch - 96
    else break
  }
  return i === 0 ? -1 : c - 1
}

/**
 * @internal The rows of one worksheet of an .xlsx (`sheet`, from 1, in the
 * order of the tabs), read straight from its XML as it is inflated, in
 * batches: cells are read as stored — a shared or inline string, a number
 * (a date is its serial number), a boolean, a formula's cached value (never
 * evaluated; a formula without one and an error value are
 * {@link Unreadable}).
 */
export async function* worksheetRows(
  bytes: Uint8Array,
  file: string,
  sheet: number,
  limits: Limits
): AsyncGenerator<ReadonlyArray<SheetRow>> {
  const entries = entriesOf(bytes, file)
  const parts = await layout(bytes, entries, file, limits)
  if (parts.sheets.length === 0) throw damaged(file, "the workbook has no worksheet", "parts")
  const path = parts.sheets[sheet - 1]
  if (path === undefined) throw damaged(file, `the workbook has no sheet ${sheet}`, "parts")
  const entry = entries.get(path)
  if (entry === undefined) throw damaged(file, `the worksheet ${path} is missing`, "parts")
  const sharedEntry =
    parts.sharedStrings === undefined ? undefined : entries.get(parts.sharedStrings)
  const shared =
    sharedEntry === undefined ? [] : await sharedStringsOf(bytes, sharedEntry, file, limits)

  let batch: Array<SheetRow> = []
  let count = 0
  let inData = false
  // The row being read.
  let n = 0
  let cells: Array<Raw> | undefined
  // The cell being read.
  let column = -1
  let type = ""
  let value: string | undefined
  let formula: string | undefined
  let text: "value" | "formula" | "inline" | undefined
  let phonetic = 0

  const tooMany = (limit: "rows" | "columns", allowed: number, found: number, row?: number) =>
    new LimitExceededError({
      file,
      limit,
      allowed,
      found,
      ...(row === undefined ? {} : { row })
    })
  const cellValue = (): Raw => {
    if (value === undefined)
      return formula === undefined ? undefined : new Unreadable("formula", `=${formula}`)
    switch (type) {
      case "s": {
        const s = shared[Number(value)]
        if (s === undefined)
          throw damaged(
            file,
            `a cell refers to shared string ${value}, which does not exist`,
            "parts"
          )
        return s
      }
      case "str":
      case "inlineStr":
        return value
      case "b":
        return value.trim() === "1" || value.trim().toLowerCase() === "true"
      case "e":
        return new Unreadable("error", value)
      case "d": {
        const ms = Date.parse(value)
        return Number.isNaN(ms) ? value : (ms - EXCEL_EPOCH_MS) / 86_400_000
      }
      default: {
        const x = Number(value)
        return value.trim() !== "" && Number.isFinite(x) ? x : new Unreadable("error", value)
      }
    }
  }

  const rows = parse(bytes, entry, file, limits, {
    open: (t) => {
      switch (t.name) {
        case "sheetData":
          inData = true
          return
        case "row": {
          if (!inData) return
          const r = t.attributes.r
          n = r === undefined ? n + 1 : Number(r)
          if (!Number.isSafeInteger(n) || n < 1)
            throw damaged(file, `a row is numbered ${r}`, "xml")
          if (++count > limits.maxRows) throw tooMany("rows", limits.maxRows, count)
          if (n > limits.maxRows) throw tooMany("rows", limits.maxRows, n)
          cells = []
          column = -1
          return
        }
        case "c": {
          if (cells === undefined) return
          const ref = t.attributes.r
          column = ref === undefined ? column + 1 : columnOf(ref)
          if (column < 0) throw damaged(file, `row ${n} has a cell named ${ref}`, "xml")
          if (column >= limits.maxColumns)
            throw tooMany("columns", limits.maxColumns, column + 1, n)
          type = t.attributes.t ?? ""
          value = undefined
          formula = undefined
          return
        }
        case "v":
          if (cells !== undefined) {
            text = "value"
            value = ""
          }
          return
        case "f":
          if (cells !== undefined) {
            text = "formula"
            formula = ""
          }
          return
        case "is":
          if (cells !== undefined) value = ""
          return
        case "rPh":
          phonetic++
          return
        case "t":
          if (cells !== undefined && type === "inlineStr" && phonetic === 0) text = "inline"
          return
      }
    },
    close: (t) => {
      switch (t.name) {
        case "sheetData":
          inData = false
          return
        case "v":
        case "f":
        case "t":
          text = undefined
          return
        case "rPh":
          phonetic--
          return
        case "c": {
          if (cells === undefined) return
          const raw = cellValue()
          if (typeof raw === "string" && raw.length > limits.maxCellChars)
            throw new LimitExceededError({
              file,
              limit: "cell-chars",
              allowed: limits.maxCellChars,
              found: raw.length,
              row: n
            })
          if (raw !== undefined) cells[column] = raw
          return
        }
        case "row":
          if (cells === undefined) return
          batch.push({ n, cells })
          cells = undefined
          return
      }
    },
    text: (x) => {
      if (text === "value" || text === "inline") value += x
      else if (text === "formula") formula += x
    }
  })
  for await (const _ of rows) {
    if (batch.length > 0) {
      yield batch
      batch = []
    }
  }
  if (batch.length > 0) yield batch
}
