import { spawnSync } from "node:child_process"
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync
} from "node:fs"
import { tmpdir } from "node:os"
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

// The spreadsheet guide's commands, exactly as printed, on the samples it names:
// run where `npx pnpm gongjian` runs them (the clone's root, here a folder whose
// `packages` is the repository's), with the options file as the guide prints it.
describe("docs/guides/assess-your-county-from-a-spreadsheet.md, step by step", () => {
  const text = readFileSync(join(guidesDir, "assess-your-county-from-a-spreadsheet.md"), "utf8")
  const blocks = (lang: string) =>
    [...text.matchAll(new RegExp("```" + lang + "\\n([\\s\\S]*?)```", "g"))].map((m) => m[1]!)
  const commands = blocks("sh")
    .flatMap((b) => b.replace(/\\\n\s*/g, " ").split("\n"))
    .map((l) => l.trim())
    .filter((l) => l.startsWith("gongjian ") && !l.includes("--ledger"))
    .map((l) => l.split(/\s+/).slice(1))
  const cwd = mkdtempSync(join(tmpdir(), "gongjian-guide-"))
  symlinkSync(join(root, "packages"), join(cwd, "packages"), "dir")
  const bin = join(root, "packages", "cli", "dist", "bin.js")
  const gongjian = (args: ReadonlyArray<string>) =>
    spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", timeout: 120_000 })

  it("imports the sample ledger, assesses it with the printed options (档次 judged), and exports every workbook", () => {
    const options = blocks("json")[0]!
    writeFileSync(join(cwd, "county-options.json"), options)
    expect(commands.map((c) => c.slice(0, 2).join(" "))).toEqual([
      "import packages/sheets/samples/project-ledger.xlsx",
      "assess county-next.json",
      "check county-next.json",
      "export ranking",
      "export progress",
      "export findings",
      "export cleanup",
      "export ledger"
    ])
    for (const args of commands) {
      const r = gongjian(args)
      // the sample ledger has rows to fix: the import exits 1 and still writes the rest
      expect({ args, code: r.status, err: r.stderr }).toEqual({
        args,
        code: args[0] === "import" ? 1 : 0,
        err: r.status === (args[0] === "import" ? 1 : 0) ? r.stderr : "(exit code)"
      })
    }
    const assess = commands.find((c) => c[0] === "assess")!
    for (const file of [
      "county-options.json",
      join(root, "packages", "policies", "samples", "002-investment-drive.options.json")
    ]) {
      const args = assess.map((a) => (a === "county-options.json" ? file : a))
      const r = gongjian([...args, "--format", "json"])
      expect(r.status).toBe(0)
      const out = JSON.parse(r.stdout)
      expect(out.errors).toEqual([])
      const a = out.assessments[0].assessment
      // 甲镇 signed A1 (12亿元) and A2 (1.5亿元) + the imported rows: its 15亿元 task is met
      expect(a.tiers.map((t: { id: string }) => t.id)).toEqual(["commended", "criticised"])
      expect(a.units.find((u: { unit: string }) => u.unit === "town-a").tiers).toEqual([
        "commended"
      ])
    }
  }, 600_000)
})
