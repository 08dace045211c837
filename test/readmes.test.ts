import { execFileSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { join, normalize } from "node:path"
import { describe, expect, it } from "vitest"
import { packages } from "./workspace.js"

// A package's README is read on the registry, next to the files the tarball
// ships: every relative link in it must resolve inside the packed files.
const packedFiles = (dir: string): ReadonlyArray<string> => {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: dir,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"]
  })
  const [pack] = JSON.parse(out) as ReadonlyArray<{ files: ReadonlyArray<{ path: string }> }>
  return pack!.files.map((f) => f.path)
}

const relativeLinks = (markdown: string): ReadonlyArray<string> =>
  [...markdown.matchAll(/\[[^\]]*\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!)
    .filter((target) => !/^([a-z][a-z0-9+.-]*:|#)/i.test(target))
    .map((target) => target.split("#")[0]!)

describe.each(packages().map((p) => [p.manifest.name, p] as const))("%s", (_, p) => {
  it("links from its README only to files its tarball ships", () => {
    const files = packedFiles(p.dir)
    const links = relativeLinks(readFileSync(join(p.dir, "README.md"), "utf8"))
    const missing = links.filter((link) => {
      const path = normalize(link).replace(/\/$/, "")
      return !files.some((f) => f === path || f.startsWith(`${path}/`))
    })
    expect(missing).toEqual([])
  })
})
