import { readdirSync, readFileSync } from "node:fs"
import { join, relative } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { describe, expect, it } from "vitest"
import { packages, root } from "./workspace.js"

// A reader of `Assessment.UnitScore` must see an example that uses UnitScore,
// not one about something next to it. So the example region(s) a public
// export's doc comment includes must name the export in their code (a
// mention in a comment of the example does not count). The rule holds for
// every package.

/** A documented export: its name, where it is declared, and its doc comment. */
interface Documented {
  readonly file: string
  readonly name: string
  readonly doc: string
}

const declaration =
  /\/\*\*((?:(?!\*\/)[\s\S])*?)\*\/\s*(?:\/\/[^\n]*\n\s*)*export\s+(?:declare\s+)?(?:abstract\s+)?(?:const|let|function|class|interface|type|enum|namespace)\s+(\w+)/g

const exportLine =
  /^export\s+(?:declare\s+)?(?:abstract\s+)?(?:const|let|function|class|interface|type|enum|namespace)\s+(\w+)/gm

/** The public modules of a package: `src/*.ts` (internals live under `src/internal/`). */
const modules = (dir: string): ReadonlyArray<string> =>
  readdirSync(join(dir, "src"))
    .filter((f) => f.endsWith(".ts"))
    .sort()
    .map((f) => join(dir, "src", f))

const documented = (file: string): ReadonlyArray<Documented> =>
  [...readFileSync(file, "utf8").matchAll(declaration)].map((m) => ({
    file,
    name: m[2]!,
    doc: m[1]!
  }))

/** The code of a program without its comments; strings are kept (a `_tag` is named in one). */
const withoutComments = (code: string): string => {
  let out = ""
  let i = 0
  while (i < code.length) {
    const c = code[i]!
    if (c === '"' || c === "'" || c === "`") {
      let j = i + 1
      while (j < code.length && code[j] !== c) j += code[j] === "\\" ? 2 : 1
      out += code.slice(i, j + 1)
      i = j + 1
    } else if (code.startsWith("//", i)) {
      while (i < code.length && code[i] !== "\n") i++
    } else if (code.startsWith("/*", i)) {
      const end = code.indexOf("*/", i + 2)
      i = end === -1 ? code.length : end + 2
    } else {
      out += c
      i++
    }
  }
  return out
}

/** The code an `{@includeCode}` shows: the named regions, or the whole file. */
const included = (from: string, doc: string): string | undefined => {
  const codes = [...doc.matchAll(/\{@includeCode ([^#}\s]+)(?:#([\w,-]+))?\}/g)].map((m) => {
    const target = fileURLToPath(new URL(m[1]!, pathToFileURL(from)))
    const text = readFileSync(target, "utf8")
    const regions = (m[2] ?? "").split(",").filter(Boolean)
    if (regions.length === 0) return text
    return regions
      .map((r) => {
        const start = text.indexOf(`// #region ${r}\n`)
        const end = text.indexOf(`// #endregion ${r}`, start)
        return start === -1 || end === -1 ? "" : text.slice(start, end)
      })
      .join("\n")
  })
  return codes.length === 0 ? undefined : codes.join("\n")
}

describe("an export's example names it", () => {
  for (const p of packages()) {
    it(`${p.folder}: every public export has a doc comment with an example`, () => {
      const undocumented: Array<string> = []
      for (const file of modules(p.dir)) {
        const text = readFileSync(file, "utf8")
        const docs = new Set(documented(file).map((d) => d.name))
        for (const m of text.matchAll(exportLine)) {
          if (!docs.has(m[1]!))
            undocumented.push(`${relative(root, file)}: ${m[1]} has no doc comment`)
        }
        for (const d of documented(file)) {
          if (!d.doc.includes("{@includeCode ")) {
            undocumented.push(`${relative(root, file)}: ${d.name} has no {@includeCode} example`)
          }
        }
      }
      expect(undocumented).toEqual([])
    })

    it(`${p.folder}: every public export's example names it`, () => {
      const unnamed: Array<string> = []
      for (const file of modules(p.dir)) {
        for (const d of documented(file)) {
          const code = included(file, d.doc)
          if (code === undefined) continue
          if (!new RegExp(`\\b${d.name}\\b`).test(withoutComments(code))) {
            const targets = [...d.doc.matchAll(/\{@includeCode ([^}\s]+)\}/g)].map((m) => m[1])
            unnamed.push(`${relative(root, file)}: ${d.name} (${targets.join(", ")})`)
          }
        }
      }
      expect([...new Set(unnamed)]).toEqual([])
    })
  }
})
