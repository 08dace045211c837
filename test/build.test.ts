import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { packages, root } from "./workspace.js"

// The build is one `tsc -b tsconfig.build.json`: the root file references every
// package, and each package references the workspace packages it imports, so
// tsc builds them in order. A package missing from the references is not built
// by `pnpm build` nor by the check, and its tarball would ship without dist/.
interface BuildConfig {
  readonly compilerOptions?: Record<string, unknown>
  readonly references?: ReadonlyArray<{ readonly path: string }>
}

const readConfig = (path: string): BuildConfig => JSON.parse(readFileSync(path, "utf8"))

const workspaceNames = new Map(packages().map((p) => [p.manifest.name, p.folder] as const))

describe("the build (tsc -b tsconfig.build.json)", () => {
  it("references every package under packages/", () => {
    const root_ = readConfig(join(root, "tsconfig.build.json"))
    const referenced = (root_.references ?? []).map((r) => r.path).sort()
    const expected = packages()
      .map((p) => `packages/${p.folder}/tsconfig.build.json`)
      .sort()
    // Add a missing package to "references" in the root tsconfig.build.json.
    expect(referenced).toEqual(expected)
  })

  describe.each(packages().map((p) => [p.manifest.name, p] as const))("%s", (_, p) => {
    const config = readConfig(join(p.dir, "tsconfig.build.json"))

    it("references exactly the workspace packages it depends on", () => {
      const deps = Object.keys({ ...p.manifest.dependencies, ...p.manifest.peerDependencies })
      const expected = deps
        .filter((d) => workspaceNames.has(d))
        .map((d) => `../${workspaceNames.get(d)}/tsconfig.build.json`)
        .sort()
      const referenced = (config.references ?? []).map((r) => r.path).sort()
      expect(referenced).toEqual(expected)
    })

    it("is a composite project whose build info stays out of the tarball", () => {
      expect(config.compilerOptions?.composite).toBe(true)
      expect(config.compilerOptions?.outDir).toBe("dist")
      // Kept in dist/ so that removing dist/ makes `tsc -b` build the package again.
      expect(config.compilerOptions?.tsBuildInfoFile).toBe("dist/tsconfig.build.tsbuildinfo")
      expect(p.manifest.files).toContain("!dist/*.tsbuildinfo")
    })
  })
})
