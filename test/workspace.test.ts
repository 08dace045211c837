import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { describe, expect, it } from "vitest"
import { packages, root } from "./workspace.js"

const read = (path: string) => readFileSync(join(root, path), "utf8")
const json = (path: string) => JSON.parse(read(path))

describe("the README's two commands", () => {
  const readme = read("README.md")
  const commands = [...readme.matchAll(/```sh\n(.+)\n```/g)].map((m) => m[1]!)

  it("states exactly two commands, the demo and the check", () => {
    expect(commands).toHaveLength(2)
    expect(commands[0]).toMatch(
      /^npx -y pnpm@10\.\d+\.\d+ install --frozen-lockfile && npx -y pnpm@10\.\d+\.\d+ demo$/
    )
    expect(commands[1]).toMatch(
      /^npx -y pnpm@10\.\d+\.\d+ install --frozen-lockfile && npx -y pnpm@10\.\d+\.\d+ check$/
    )
  })

  it("CI runs exactly the README's test command", () => {
    const ci = read(".ci/run")
      .split("\n")
      .filter((l) => l.trim() !== "" && !l.startsWith("#") && !/^(set|cd) /.test(l))
    expect(ci).toEqual([commands[1]])
  })

  it("uses the pnpm version the repository pins", () => {
    const pinned = json("package.json").packageManager as string
    for (const c of commands) expect(c).toContain(`npx -y ${pinned} `)
  })
})

describe("the toolchain", () => {
  const manifest = json("package.json")

  it("pins Node 24 for every script through the registry's node package", () => {
    expect(manifest.devDependencies.node).toMatch(/^24\.\d+\.\d+$/)
    expect(read("pnpm-workspace.yaml")).toMatch(/onlyBuiltDependencies:\n\s+- node\n/)
  })

  it("runs the scripts on that Node", () => {
    expect(process.versions.node.split(".")[0]).toBe("24")
  })

  it("pins TypeScript 6.0 and typedoc 0.28", () => {
    expect(manifest.devDependencies.typescript).toMatch(/^6\.0\.\d+$/)
    expect(manifest.devDependencies.typedoc).toMatch(/^0\.28\.\d+$/)
  })
})

describe("changesets", () => {
  const config = json(".changeset/config.json")
  it("publishes every package publicly in one fixed version group", () => {
    expect(config.access).toBe("public")
    expect(config.fixed).toEqual([["@gongjian/*"]])
    for (const p of packages()) expect(p.manifest.name).toMatch(/^@gongjian\//)
  })
})

describe("typedoc", () => {
  const config = json("typedoc.json")
  it("documents every package and fails on warnings and undocumented exports", () => {
    expect(config.entryPointStrategy).toBe("packages")
    expect(config.entryPoints).toEqual(["packages/*"])
    expect(config.treatWarningsAsErrors).toBe(true)
    expect(config.validation.notDocumented).toBe(true)
  })
})

describe.each(packages().map((p) => [p.manifest.name, p] as const))("package %s", (_, p) => {
  const m = p.manifest

  it("is an ESM-only package free of side effects for Node >= 22.19", () => {
    expect(m.type).toBe("module")
    expect(m.sideEffects).toBe(false)
    expect(m.engines?.node).toBe(">=22.19")
  })

  it("exports its barrel with types and hides internal modules", () => {
    const main = m.exports?.["."] as Record<string, string>
    expect(main.types).toBe("./dist/index.d.ts")
    expect(main.default).toBe("./dist/index.js")
    expect(m.exports?.["./internal/*"]).toBeNull()
  })

  it("takes effect as a peer dependency", () => {
    expect(m.peerDependencies?.effect).toMatch(/^\^4\./)
    expect(m.dependencies?.effect).toBeUndefined()
  })

  it("exports only documented namespaces from its barrel", async () => {
    const mod = (await import(pathToFileURL(join(p.dir, "src/index.ts")).href)) as Record<
      string,
      unknown
    >
    const names = Object.keys(mod)
    expect(names.length).toBeGreaterThan(0)
    expect(names).not.toContain("default")
    const barrel = readFileSync(join(p.dir, "src/index.ts"), "utf8")
    for (const name of names) {
      // Each export is preceded by its own doc comment with @since.
      expect(barrel).toMatch(
        new RegExp(`@since [0-9.]+\\n \\*/\\nexport (\\* as |\\{ )?${name}\\b`)
      )
    }
  })
})

describe.each(packages().map((p) => [p.manifest.name, p] as const))(
  "the public API of %s",
  (_, p) => {
    // Every export of every public module carries a doc comment with @since and
    // an @example (a region of a real example file, which the tests run).
    const modules = readdirSync(join(p.dir, "src")).filter(
      (f) => f.endsWith(".ts") && f !== "index.ts" && f !== "bin.ts"
    )
    it.each(modules)("%s: every export has @since and @example", (file) => {
      const text = readFileSync(join(p.dir, "src", file), "utf8")
      const documented = new Map<string, string>()
      for (const m of text.matchAll(
        /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*(?:\/\/[^\n]*\n\s*)?export (?:declare )?(?:const|function|class|interface|type) (\w+)/g
      )) {
        documented.set(`${m[2]}@${m.index}`, m[1]!)
      }
      const missing: Array<string> = []
      for (const m of text.matchAll(
        /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*(?:\/\/[^\n]*\n\s*)?export (?:declare )?(?:const|function|class|interface|type) (\w+)/g
      )) {
        if (!m[1]!.includes("@since") || !m[1]!.includes("@example")) missing.push(m[2]!)
      }
      const exported = [
        ...text.matchAll(/^export (?:declare )?(?:const|function|class|interface|type) (\w+)/gm)
      ].length
      expect(missing).toEqual([])
      expect(documented.size).toBe(exported)
    })
  }
)
