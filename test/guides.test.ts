import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join, relative, resolve } from "node:path"
import { pathToFileURL } from "node:url"
import { describe, expect, it } from "vitest"
import { root } from "./workspace.js"

// Every guide shows whole programs, never fragments: its code is
// `{@includeCode <file>}` of a whole program: a file under examples/, or a
// package's own example program (packages/<pkg>/examples/*.ts, which
// test/examples.test.ts runs). The programs of examples/guides/src run here;
// the county plugin's tests run with the others.
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

  it("includes whole programs that run as tests", () => {
    const includes = [...text.matchAll(/\{@includeCode ([^}\s]+)\}/g)].map((m) => m[1]!)
    for (const target of includes) {
      expect(target, `${target} names a region: include the whole program`).not.toContain("#")
      const file = resolve(guidesDir, target)
      expect(existsSync(file), `${target} exists`).toBe(true)
      const path = relative(root, file)
      const runs =
        (path.startsWith("examples/guides/src/") && path.endsWith(".ts")) ||
        /^examples\/[^/]+\/test\/.+\.test\.ts$/.test(path) ||
        /^examples\/[^/]+\/src\/.+\.ts$/.test(path) ||
        /^packages\/[^/]+\/examples\/[^/]+\.ts$/.test(path)
      expect(runs, `${path} is a program the tests run`).toBe(true)
    }
  })
})
