import * as ByteSize from "effect/ByteSize"
import * as Effect from "effect/Effect"
import * as FileSystem from "effect/FileSystem"
import * as Result from "effect/Result"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Forms, Import, SheetError } from "../src/index.js"
import { Unreadable } from "../src/internal/cells.js"
import { defaultLimits } from "../src/internal/limits.js"
import type { SheetRow } from "../src/internal/rows.js"
import { worksheetRows } from "../src/internal/worksheet.js"
import { importBytes, sample, sheetXml, workbookParts, zip } from "./helpers.js"

const template = Forms.projectLedger
const tagOf = async (bytes: Uint8Array, file = "x.xlsx", limits = {}) => {
  const r = await importBytes(bytes, { template, file, limits })
  return Result.isFailure(r) ? r.failure : undefined
}

const TYPED = [
  SheetError.UnsupportedFormatError,
  SheetError.LimitExceededError,
  SheetError.MalformedFileError,
  SheetError.HeaderNotFoundError,
  SheetError.TemplateError
]

describe("files gongjian will not read", () => {
  it("an old .xls is refused, saying how to convert it", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])
    const e = await tagOf(ole, "台账.xls")
    expect(e).toBeInstanceOf(SheetError.UnsupportedFormatError)
    expect(e!.message).toContain("另存为")
    expect(e!.message).toContain("soffice --headless --convert-to xlsx")
  })

  it("a file over the size limit is refused before it is read", async () => {
    const e = await tagOf(sample("project-ledger.xlsx"), "x.xlsx", { maxBytes: 1000 })
    expect(e).toMatchObject({ _tag: "LimitExceededError", limit: "bytes", allowed: 1000 })
  })

  it("rows, columns and cell length past their limits are typed errors", async () => {
    expect(await tagOf(sample("project-ledger.xlsx"), "x.xlsx", { maxRows: 10 })).toMatchObject({
      _tag: "LimitExceededError",
      limit: "rows"
    })
    expect(await tagOf(sample("project-ledger.xlsx"), "x.xlsx", { maxColumns: 5 })).toMatchObject({
      _tag: "LimitExceededError",
      limit: "columns"
    })
    expect(await tagOf(sample("project-ledger.xlsx"), "x.xlsx", { maxCellChars: 8 })).toMatchObject(
      { _tag: "LimitExceededError", limit: "cell-chars" }
    )
    expect(await tagOf(sample("monthly-funds-bom.csv"), "x.csv", { maxRows: 3 })).toMatchObject({
      _tag: "LimitExceededError",
      limit: "rows"
    })
  })

  it("a zip bomb is refused before anything is unpacked: its ratio, its unpacked size", async () => {
    const zeros = new Uint8Array(20_000_000)
    const bomb = zip([
      ...workbookParts(sheetXml([["项目编号"]])),
      { name: "xl/media/x.bin", data: zeros }
    ])
    expect(await tagOf(bomb)).toMatchObject({ _tag: "LimitExceededError", limit: "zip-ratio" })
    const big = zip([
      ...workbookParts(sheetXml([["项目编号"]])),
      { name: "xl/media/y.bin", data: "x", declared: 600_000_000 }
    ])
    expect(await tagOf(big, "x.xlsx", { maxCompressionRatio: 1e12 })).toMatchObject({
      _tag: "LimitExceededError",
      limit: "zip-unpacked"
    })
  })

  it("malformed XML and damaged zips are MalformedFileError", async () => {
    const broken = zip(
      workbookParts(
        '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData'
      )
    )
    expect(await tagOf(broken)).toMatchObject({ _tag: "MalformedFileError", damage: "xml" })
    const unclosed = zip(
      workbookParts(
        '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><</row></sheetData></worksheet>'
      )
    )
    expect(await tagOf(unclosed)).toMatchObject({ _tag: "MalformedFileError", damage: "xml" })
    const cut = sample("project-ledger.xlsx").subarray(0, 4000)
    expect(await tagOf(cut)).toMatchObject({ _tag: "MalformedFileError", damage: "zip" })
  })

  it("a form whose headers do not match the template names the missing columns", async () => {
    const e = await tagOf(sample("outbound-trips.xlsx"))
    expect(e).toMatchObject({ _tag: "HeaderNotFoundError", template: "project-ledger" })
    expect((e as SheetError.HeaderNotFoundError).missing).toEqual([
      "项目编号",
      "项目名称",
      "责任单位",
      "产业类别"
    ])
  })

  it("formulas are never evaluated: a cached value is read, a formula without one rejects its row", async () => {
    const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>单位</t></is></c><c r="B1" t="inlineStr"><is><t>报告期</t></is></c><c r="C1" t="inlineStr"><is><t>本月到位资金</t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>town-a</t></is></c><c r="B2"><v>46295</v></c><c r="C2"><f>WEBSERVICE("http://127.0.0.1/")</f><v>12</v></c></row>
<row r="3"><c r="A3" t="inlineStr"><is><t>town-d</t></is></c><c r="B3"><v>46295</v></c><c r="C3"><f>1+1</f></c></row>
</sheetData></worksheet>`
    const r = Result.getOrThrow(
      await importBytes(zip(workbookParts(sheet)), {
        template: { ...Forms.monthlyFunds, headerRows: 1 },
        file: "f.xlsx"
      })
    )
    expect(
      r.report.rows.map((x) => `${x.row} ${x.status} ${x.problems.map((p) => p.cell).join(",")}`)
    ).toEqual(["2 accepted ", "3 rejected C3"])
    expect(r.report.rows[1]!.problems[0]!.reason.en).toBe(
      "the formula =1+1 has no calculated value"
    )
  })
})

describe("fuzz: malformed workbooks end in typed errors only", () => {
  const base = sample("project-ledger.xlsx")
  it("flipped bytes, cut files and spliced garbage never throw an untyped error nor hang", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({
            kind: fc.constant("flip" as const),
            at: fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })), {
              minLength: 1,
              maxLength: 24
            })
          }),
          fc.record({ kind: fc.constant("cut" as const), at: fc.nat(base.length) }),
          fc.record({
            kind: fc.constant("splice" as const),
            at: fc.nat(base.length),
            bytes: fc.uint8Array({ maxLength: 64 })
          })
        ),
        async (m) => {
          let bytes: Uint8Array
          if (m.kind === "flip") {
            bytes = new Uint8Array(base)
            for (const [i, v] of m.at) bytes[i] = v
          } else if (m.kind === "cut") bytes = base.subarray(0, m.at)
          else
            bytes = new Uint8Array([...base.subarray(0, m.at), ...m.bytes, ...base.subarray(m.at)])
          const r = await importBytes(bytes, { template, file: "fuzz.xlsx" })
          if (Result.isFailure(r)) expect(TYPED.some((T) => r.failure instanceof T)).toBe(true)
        }
      ),
      { numRuns: 300, seed: 20261201 }
    )
  }, 120_000)
})

describe("the worksheet reader", () => {
  const rowsOf = async (parts: Parameters<typeof zip>[0], sheet = 1) => {
    const out: Array<SheetRow> = []
    for await (const batch of worksheetRows(zip(parts), "r.xlsx", sheet, defaultLimits))
      out.push(...batch)
    return out.map((r) => [
      r.n,
      ...Array.from(r.cells, (c) => (c instanceof Unreadable ? `${c.kind}:${c.text}` : c))
    ])
  }
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`

  it("reads every kind of cell as stored, the sheets in the order of their tabs", async () => {
    const parts = [
      {
        name: "xl/workbook.xml",
        // The second tab is the part named sheet1.xml.
        data: `<workbook ${ns} xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="说明" sheetId="2" rel:id="rId2"/><sheet name="台账" sheetId="1" rel:id="rId1"/></sheets></workbook>`
      },
      {
        name: "xl/_rels/workbook.xml.rels",
        data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel("rId1", "worksheet", "worksheets/sheet1.xml")}${rel("rId2", "worksheet", "/xl/worksheets/sheet2.xml")}${rel("rId3", "sharedStrings", "sharedStrings.xml")}</Relationships>`
      },
      {
        name: "xl/sharedStrings.xml",
        // A plain string, rich text in two runs, and a phonetic guide that is not the text.
        data: `<sst ${ns}><si><t>甲镇</t></si><si><r><t>新能源</t></r><r><rPr><b/></rPr><t xml:space="preserve">电池 </t></r></si><si><t>重庆</t><rPh sb="0" eb="2"><t>chóngqìng</t></rPh></si></sst>`
      },
      {
        name: "xl/worksheets/sheet2.xml",
        data: `<worksheet ${ns}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>说明页</t></is></c></row></sheetData></worksheet>`
      },
      {
        name: "xl/worksheets/sheet1.xml",
        data: `<worksheet ${ns}><sheetData>
<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="D2" t="s"><v>2</v></c></row>
<row r="3"><c r="A3"><v>46101</v></c><c r="B3" t="b"><v>1</v></c><c r="C3" t="str"><f>A1&amp;"镇"</f><v>甲镇</v></c><c r="D3" t="e"><v>#REF!</v></c></row>
<row><c><v>1.5</v></c><c t="inlineStr"><is><r><t>内联</t></r><r><t>富文本</t></r></is></c><c t="d"><v>2026-03-05T00:00:00Z</v></c><c><f>SUM(A1:A3)</f></c></row>
</sheetData></worksheet>`
      }
    ]
    expect(await rowsOf(parts, 1)).toEqual([[1, "说明页"]])
    expect(await rowsOf(parts, 2)).toEqual([
      [2, "甲镇", "新能源电池 ", undefined, "重庆"],
      [3, 46101, true, "甲镇", "error:#REF!"],
      // A row and cells without their numbers follow the ones before; 2026-03-05 is serial 46086.
      [4, 1.5, "内联富文本", 46086, "formula:=SUM(A1:A3)"]
    ])
  })

  it("a missing sheet, a cell naming a shared string that does not exist, an entry larger than declared: MalformedFileError", async () => {
    const sheet = sheetXml([["项目编号"]])
    await expect(rowsOf(workbookParts(sheet), 2)).rejects.toMatchObject({
      _tag: "MalformedFileError",
      damage: "parts"
    })
    await expect(
      rowsOf(
        workbookParts(
          `<worksheet ${ns}><sheetData><row r="1"><c r="A1" t="s"><v>7</v></c></row></sheetData></worksheet>`
        )
      )
    ).rejects.toMatchObject({ _tag: "MalformedFileError", damage: "parts" })
    const lying = workbookParts(sheet).map((p) =>
      p.name === "xl/worksheets/sheet1.xml" ? { ...p, declared: 10 } : p
    )
    await expect(rowsOf(lying)).rejects.toMatchObject({
      _tag: "MalformedFileError",
      damage: "zip"
    })
  })
})

describe("Import.fromFile reads through the FileSystem it is given", () => {
  const run = (fs: Partial<FileSystem.FileSystem>, limits = {}) =>
    Effect.runPromise(
      Effect.result(
        Import.fromFile("/forms/项目台账.xlsx", { template, limits }).pipe(
          Effect.provide(FileSystem.layerNoop(fs))
        )
      )
    )
  const bytes = sample("project-ledger.xlsx")
  const stat = (size: number) => () =>
    Effect.succeed({ size: ByteSize.bytes(size) } as FileSystem.File.Info)

  it("imports the file's bytes, named by the path's last part", async () => {
    const r = await run({ stat: stat(bytes.length), readFile: () => Effect.succeed(bytes) })
    expect(Result.isSuccess(r) && r.success.report.file).toBe("项目台账.xlsx")
    const direct = await importBytes(bytes, { template, file: "项目台账.xlsx" })
    expect(Result.isSuccess(direct)).toBe(true)
    expect(Result.isSuccess(r) && r.success).toEqual(Result.isSuccess(direct) && direct.success)
  })

  it("a file over maxBytes is refused from its size, without being read", async () => {
    let read = 0
    const r = await run(
      {
        stat: stat(bytes.length),
        readFile: () => {
          read++
          return Effect.succeed(bytes)
        }
      },
      { maxBytes: 1000 }
    )
    expect(Result.isFailure(r) && r.failure).toMatchObject({
      _tag: "LimitExceededError",
      limit: "bytes",
      found: bytes.length
    })
    expect(read).toBe(0)
  })

  it("a file that cannot be read is MalformedFileError, unreadable", async () => {
    const r = await run({})
    expect(Result.isFailure(r) && r.failure).toMatchObject({
      _tag: "MalformedFileError",
      file: "项目台账.xlsx",
      damage: "unreadable"
    })
  })
})
