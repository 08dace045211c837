import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join, relative, resolve } from "node:path"
import { pathToFileURL } from "node:url"
import { describe, expect, it } from "vitest"
import { root } from "./workspace.js"

// A guide's code is never its own: it is `{@includeCode <file>}` of a program
// the tests run — a whole file under examples/ (the programs of
// examples/guides/src run here, the county plugin's with the other tests), or
// a region of a package example (run by test/examples.test.ts).
const guidesDir = join(root, "docs", "guides")
const guides = readdirSync(guidesDir)
  .filter((f) => f.endsWith(".md"))
  .sort()
const programsDir = join(root, "examples", "guides", "src")
const programs = readdirSync(programsDir)
  .filter((f) => f.endsWith(".ts"))
  .sort()

describe("the guides' programs", () => {
  for (const f of programs) {
    it(`examples/guides/src/${f} runs`, async () => {
      await import(pathToFileURL(join(programsDir, f)).href)
    })
  }
})

describe.each(guides)("docs/guides/%s", (guide) => {
  const text = readFileSync(join(guidesDir, guide), "utf8")

  it("opens with front matter giving its title", () => {
    expect(text).toMatch(/^---\ntitle: .+\n---\n/)
  })

  it("has no code of its own: TypeScript comes from whole example files", () => {
    expect(text).not.toMatch(/```(ts|typescript|js|javascript)\b/)
  })

  it("includes programs the tests run: whole files under examples/, or package examples", () => {
    const includes = [...text.matchAll(/\{@includeCode ([^}\s]+)\}/g)].map((m) => m[1]!)
    for (const include of includes) {
      const [target, region] = include.split("#") as [string, string | undefined]
      const file = resolve(guidesDir, target)
      expect(existsSync(file), `${target} exists`).toBe(true)
      const path = relative(root, file)
      // A package example (run by test/examples.test.ts) may be shown by region.
      if (/^packages\/[^/]+\/examples\/[^/]+\.ts$/.test(path)) continue
      expect(region, `${include}: include the whole program`).toBeUndefined()
      const runs =
        /^examples\/guides\/src\/[^/]+\.ts$/.test(path) ||
        /^examples\/[^/]+\/test\/.+\.test\.ts$/.test(path) ||
        /^examples\/[^/]+\/src\/.+\.ts$/.test(path)
      expect(runs, `${path} is a program the tests run`).toBe(true)
    }
  })
})
