import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import { dirname, join, relative, resolve } from "node:path"
import { describe, expect, it } from "vitest"
import { packages, root } from "./workspace.js"

/** Every source file of a package, recursively. */
const sources = (dir: string): Array<string> =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return path.endsWith(".ts") ? [path] : []
  })

const pkgs = packages()
const entryOf = new Map(pkgs.map((p) => [p.manifest.name, join(p.dir, "src", "index.ts")]))
const files = pkgs.flatMap((p) => sources(join(p.dir, "src")))

/** The workspace files a source file imports (type-only imports included). */
const importsOf = (file: string): Array<string> => {
  const text = readFileSync(file, "utf8")
  const out: Array<string> = []
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^"';]*?from\s+"([^"]+)"/g)) {
    const spec = m[1]!
    if (spec.startsWith(".")) {
      const path = resolve(dirname(file), spec.replace(/\.js$/, ".ts"))
      if (existsSync(path)) out.push(path)
    } else {
      const name = spec.split("/").slice(0, 2).join("/")
      const entry = entryOf.get(name)
      if (entry !== undefined) out.push(entry)
    }
  }
  return out
}

const graph = new Map(files.map((f) => [f, importsOf(f)]))

/** The cycles of the graph, each as the files around it. */
const cycles = (): Array<Array<string>> => {
  const found: Array<Array<string>> = []
  const state = new Map<string, "open" | "done">()
  const stack: Array<string> = []
  const visit = (f: string) => {
    state.set(f, "open")
    stack.push(f)
    for (const g of graph.get(f) ?? []) {
      if (state.get(g) === "open") found.push([...stack.slice(stack.indexOf(g)), g])
      else if (state.get(g) === undefined) visit(g)
    }
    stack.pop()
    state.set(f, "done")
  }
  for (const f of [...graph.keys()].sort()) if (state.get(f) === undefined) visit(f)
  return found.map((c) => c.map((f) => relative(root, f)))
}

describe("the import graph", () => {
  it("reads the imports of every source file", () => {
    // A sanity check on the reader itself: scoring's engine imports its item handlers.
    const assessment = join(root, "packages/scoring/src/Assessment.ts")
    expect(graph.get(assessment)).toContain(
      join(root, "packages/scoring/src/internal/items/index.ts")
    )
  })

  it("has no cycle, inside a package or across packages", () => {
    expect(cycles()).toEqual([])
  })

  it("keeps its layers: core imports no other package, the engines only core", () => {
    const allowed: Record<string, ReadonlyArray<string>> = {
      "@gongjian/core": [],
      "@gongjian/exit-rules": ["@gongjian/core"],
      "@gongjian/scoring": ["@gongjian/core"]
    }
    for (const p of pkgs) {
      const may = allowed[p.manifest.name]
      if (may === undefined) continue
      for (const f of sources(join(p.dir, "src")))
        for (const m of readFileSync(f, "utf8").matchAll(/from\s+"(@gongjian\/[^/"]+)/g))
          expect({ file: relative(root, f), imports: m[1] }).toSatisfy(
            (x: { imports: string }) => may.includes(x.imports),
            `${relative(root, f)} imports ${m[1]}`
          )
    }
  })
})
