import { spawnSync } from "node:child_process"
import { existsSync, readdirSync, statSync } from "node:fs"
import { join } from "node:path"
import { root } from "./workspace.js"

// The CLI's end-to-end tests run the built binary. Build the packages first
// when any source is newer than its build (the full check has built them
// already, so this is then a no-op).
const ORDER = ["core", "exit-rules", "scoring", "plugin-sdk", "policies", "cli"]

const newest = (dir: string): number =>
  readdirSync(dir).reduce((m, f) => {
    const p = join(dir, f)
    const s = statSync(p)
    return Math.max(m, s.isDirectory() ? newest(p) : s.mtimeMs)
  }, 0)

export const setup = (): void => {
  for (const pkg of ORDER) {
    const dir = join(root, "packages", pkg)
    const built = join(dir, "dist", "index.js")
    const stale =
      !existsSync(built) ||
      newest(join(dir, "src")) > statSync(built).mtimeMs ||
      (existsSync(join(dir, "samples")) && newest(join(dir, "samples")) > statSync(built).mtimeMs)
    if (!stale) continue
    const r = spawnSync(join(root, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.build.json"], {
      cwd: dir,
      stdio: "inherit"
    })
    if (r.status !== 0) throw new Error(`building @gongjian/${pkg} for the end-to-end tests failed`)
  }
}
