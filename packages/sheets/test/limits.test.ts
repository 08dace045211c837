import { readdirSync, readFileSync, statSync } from "node:fs"
import { join, relative } from "node:path"
import { describe, expect, expectTypeOf, it } from "vitest"
import { Import } from "../src/index.js"
import type { Limits } from "../src/internal/limits.js"

const src = new URL("../src/", import.meta.url).pathname

const sources = (dir: string): Array<string> =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return path.endsWith(".ts") ? [path] : []
  })

describe("the limits of an import", () => {
  it("are declared once: Import.Limits is the type the .xlsx and .csv readers take", () => {
    const declaring = sources(src).filter((f) =>
      /^export (interface|type) Limits\b/m.test(readFileSync(f, "utf8"))
    )
    expect(declaring.map((f) => relative(src, f))).toEqual(["internal/limits.ts"])
    expectTypeOf<Import.Limits>().toEqualTypeOf<Limits>()
  })

  it("default to the documented values, each of which an import's options may change alone", () => {
    expect(Import.limits).toEqual({
      maxBytes: 64 * 1024 * 1024,
      maxRows: 200_000,
      maxColumns: 256,
      maxCellChars: 32_767,
      maxZipEntries: 2_000,
      maxUnpackedBytes: 512 * 1024 * 1024,
      maxCompressionRatio: 200
    })
  })
})
