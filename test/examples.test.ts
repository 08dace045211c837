import { readFileSync } from "node:fs"
import { relative } from "node:path"
import { pathToFileURL } from "node:url"
import { describe, expect, it } from "vitest"
import { examples, packages, root } from "./workspace.js"

// Every example the documentation embeds is a real program: it is type-checked
// by `pnpm typecheck` and run here. Its node:assert calls are its expectations.
describe("documentation examples", () => {
  for (const { file } of examples()) {
    // Some open an embedded database (PGlite): a few seconds each, more on a busy machine.
    it(`${relative(root, file)} runs`, async () => {
      await import(pathToFileURL(file).href)
    }, 180_000)
  }

  // An `{@includeCode ../examples/X.ts#region}` must name a region that exists,
  // or typedoc would fail late and the reader would see nothing.
  it("every {@includeCode} names an existing example region", () => {
    const missing: Array<string> = []
    for (const p of packages()) {
      const sources = readSources(`${p.dir}/src`)
      for (const [file, text] of sources) {
        for (const m of text.matchAll(/\{@includeCode ([^#}\s]+)(?:#([\w,-]+))?\}/g)) {
          const target = new URL(m[1]!, pathToFileURL(file)).pathname
          let body: string
          try {
            body = readFileSync(target, "utf8")
          } catch {
            missing.push(`${relative(root, file)}: ${m[1]} does not exist`)
            continue
          }
          for (const region of (m[2] ?? "").split(",").filter(Boolean)) {
            if (!body.includes(`// #region ${region}\n`)) {
              missing.push(`${relative(root, file)}: ${m[1]}#${region} has no such region`)
            }
          }
        }
      }
    }
    expect(missing).toEqual([])
  })
})

import { readdirSync, statSync } from "node:fs"
import { join } from "node:path"

const readSources = (dir: string): Array<[string, string]> =>
  readdirSync(dir).flatMap((f): Array<[string, string]> => {
    const path = join(dir, f)
    if (statSync(path).isDirectory()) return readSources(path)
    return f.endsWith(".ts") ? [[path, readFileSync(path, "utf8")]] : []
  })
