import { readdirSync, readFileSync, statSync } from "node:fs"
import { builtinModules } from "node:module"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { packages } from "./workspace.js"

// What a published package declares it needs (dependencies and peer
// dependencies) is exactly what its source imports: nothing missing (it would
// fail when installed on its own), nothing extra (a user would install it for
// nothing).
const sources = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir).flatMap((f) => {
    const path = join(dir, f)
    if (statSync(path).isDirectory()) return sources(path)
    return f.endsWith(".ts") ? [readFileSync(path, "utf8")] : []
  })

/** The packages a module imports: `effect/Schema` → effect, `@scope/x/y` → @scope/x. */
const importedPackages = (text: string): ReadonlyArray<string> =>
  [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^"'`]*?from\s+["']([^"']+)["']/g)]
    .concat([...text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)])
    .map((m) => m[1]!)
    .filter((s) => !s.startsWith(".") && !s.startsWith("node:") && !builtinModules.includes(s))
    .map((s) =>
      s
        .split("/")
        .slice(0, s.startsWith("@") ? 2 : 1)
        .join("/")
    )

describe.each(packages().map((p) => [p.manifest.name, p] as const))("%s", (_, p) => {
  it("declares exactly the packages its source imports", () => {
    const imported = [...new Set(sources(join(p.dir, "src")).flatMap(importedPackages))].sort()
    const declared = Object.keys({
      ...p.manifest.dependencies,
      ...p.manifest.peerDependencies
    }).sort()
    expect(declared).toEqual(imported)
  })
})
