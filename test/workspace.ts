import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

/** The repository root. */
export const root = fileURLToPath(new URL("..", import.meta.url))

/** A published package of the workspace: its folder and its package.json. */
export interface WorkspacePackage {
  readonly dir: string
  readonly folder: string
  readonly manifest: {
    readonly name: string
    readonly private?: boolean
    readonly type?: string
    readonly sideEffects?: boolean
    readonly engines?: Record<string, string>
    readonly exports?: Record<string, unknown>
    readonly files?: ReadonlyArray<string>
    readonly peerDependencies?: Record<string, string>
    readonly dependencies?: Record<string, string>
    readonly bin?: Record<string, string>
  }
}

/** Every package under packages/. */
export const packages = (): ReadonlyArray<WorkspacePackage> =>
  readdirSync(join(root, "packages"))
    .filter((folder) => existsSync(join(root, "packages", folder, "package.json")))
    .sort()
    .map((folder) => {
      const dir = join(root, "packages", folder)
      return {
        dir,
        folder,
        manifest: JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))
      }
    })

/** Every example program: packages/<pkg>/examples/*.ts. */
export const examples = (): ReadonlyArray<{ readonly pkg: string; readonly file: string }> =>
  packages().flatMap((p) => {
    const dir = join(p.dir, "examples")
    return existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith(".ts"))
          .sort()
          .map((f) => ({ pkg: p.manifest.name, file: join(dir, f) }))
      : []
  })
