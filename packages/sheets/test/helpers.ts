import { readFileSync } from "node:fs"
import { join } from "node:path"
import { crc32, deflateRawSync } from "node:zlib"
import { Snapshot } from "@gongjian/core"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import { Import } from "../src/index.js"

export const samples = join(import.meta.dirname, "..", "samples")
export const sample = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(join(samples, name)))
export const county: Snapshot.Snapshot = Result.getOrThrow(
  Snapshot.decodeJson(readFileSync(join(samples, "county.json"), "utf8"))
)

/** Runs an import and returns its result (success or typed failure). */
export const importBytes = (bytes: Uint8Array, options: Import.Options) =>
  Effect.runPromise(Effect.result(Import.fromBytes(bytes, options)))

/** The statuses and problem cells of a report, row by row. */
export const outline = (report: {
  readonly rows: ReadonlyArray<{
    readonly row: number
    readonly status: string
    readonly problems: ReadonlyArray<{ readonly cell: string }>
  }>
}) => report.rows.map((r) => [r.row, r.status, ...r.problems.map((p) => p.cell)].join(" "))

/** A zip archive written by hand: deflated entries, optionally with a false declared size. */
export const zip = (
  entries: ReadonlyArray<{
    readonly name: string
    readonly data: Uint8Array | string
    readonly declared?: number
  }>
): Uint8Array => {
  const locals: Array<Buffer> = []
  const centrals: Array<Buffer> = []
  let offset = 0
  for (const e of entries) {
    const data = typeof e.data === "string" ? Buffer.from(e.data, "utf8") : Buffer.from(e.data)
    const packed = deflateRawSync(data)
    const name = Buffer.from(e.name, "utf8")
    const size = e.declared ?? data.length
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(crc32(data), 14)
    local.writeUInt32LE(packed.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(crc32(data), 16)
    central.writeUInt32LE(packed.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, packed)
    centrals.push(central, name)
    offset += 30 + name.length + packed.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...locals, cd, end]))
}

/** The parts of a minimal workbook, with `sheet` as its only worksheet's XML. */
export const workbookParts = (sheet: string) => [
  {
    name: "[Content_Types].xml",
    data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
  },
  {
    name: "_rels/.rels",
    data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
  },
  {
    name: "xl/workbook.xml",
    data: '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>'
  },
  {
    name: "xl/_rels/workbook.xml.rels",
    data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
  },
  { name: "xl/worksheets/sheet1.xml", data: sheet }
]

/** Sheet XML with inline-string and number cells. */
export const sheetXml = (rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string => {
  const col = (i: number) => String.fromCharCode(65 + i)
  const body = rows
    .map(
      (r, i) =>
        `<row r="${i + 1}">${r
          .map((v, j) =>
            v === null
              ? ""
              : typeof v === "number"
                ? `<c r="${col(j)}${i + 1}"><v>${v}</v></c>`
                : `<c r="${col(j)}${i + 1}" t="inlineStr"><is><t>${v.replaceAll("&", "&amp;").replaceAll("<", "&lt;")}</t></is></c>`
          )
          .join("")}</row>`
    )
    .join("")
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`
}
