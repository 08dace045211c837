import { spawnSync } from "node:child_process"
import { join } from "node:path"
import { root } from "./workspace.js"

// The CLI's end-to-end tests run the built binary. `tsc -b` over the project
// references of tsconfig.build.json builds whatever is older than its sources
// (after the full check's build it has nothing to do).
export const setup = (): void => {
  const r = spawnSync(join(root, "node_modules", ".bin", "tsc"), ["-b", "tsconfig.build.json"], {
    cwd: root,
    stdio: "inherit"
  })
  if (r.status !== 0) throw new Error("building the packages for the end-to-end tests failed")
}
