// The full check, as CI runs it: lint, type-check, build, tests (unit,
// property, examples), publint and attw per package, and the typedoc site.
// It stops at the first failing step and exits non-zero; it ends with the
// tests' count on a line of its own.
import { spawnSync } from "node:child_process"
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs"
import { join } from "node:path"
import { ensureSystemDeps } from "./system-deps.mjs"

const root = new URL("..", import.meta.url).pathname
const bin = (name) => join(root, "node_modules", ".bin", name)
const results = join(root, ".vitest-results.json")

/** Published packages in dependency order, so each builds after what it imports. */
const packagesInOrder = () => {
  const dirs = readdirSync(join(root, "packages")).filter((d) =>
    existsSync(join(root, "packages", d, "package.json"))
  )
  const manifests = new Map(
    dirs.map((d) => {
      const m = JSON.parse(readFileSync(join(root, "packages", d, "package.json"), "utf8"))
      return [m.name, { dir: join(root, "packages", d), manifest: m }]
    })
  )
  const order = []
  const seen = new Set()
  const visit = (name) => {
    if (seen.has(name)) return
    seen.add(name)
    const { manifest } = manifests.get(name)
    const deps = { ...manifest.dependencies, ...manifest.peerDependencies }
    for (const dep of Object.keys(deps).sort()) if (manifests.has(dep)) visit(dep)
    order.push(manifests.get(name))
  }
  for (const name of [...manifests.keys()].sort()) visit(name)
  return order
}

const run = (title, command, args, cwd = root) => {
  const started = Date.now()
  process.stdout.write(`\n▶ ${title}\n`)
  const r = spawnSync(command, args, { cwd, stdio: "inherit", env: process.env })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  if (r.status !== 0) {
    process.stdout.write(`✖ ${title} failed after ${seconds}s\n`)
    process.exit(r.status ?? 1)
  }
  process.stdout.write(`✔ ${title} (${seconds}s)\n`)
}

const pkgs = packagesInOrder()
rmSync(results, { force: true })

run("lint and format (biome)", bin("biome"), ["check", "."])
run("type-check (tsc)", bin("tsc"), ["-p", "tsconfig.json", "--noEmit"])
for (const p of pkgs) {
  rmSync(join(p.dir, "dist"), { recursive: true, force: true })
  run(`build ${p.manifest.name}`, bin("tsc"), ["-p", "tsconfig.build.json"], p.dir)
}
process.stdout.write(
  "\n▶ system packages the tests need (PostgreSQL, Chromium, CJK fonts, poppler)\n"
)
const installed = ensureSystemDeps()
process.stdout.write(
  `✔ system packages${installed.length ? ` (installed ${installed.join(", ")})` : " present"}\n`
)
run("tests (vitest: unit, property, examples)", bin("vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${results}`
])
for (const p of pkgs) {
  run(`publint ${p.manifest.name}`, bin("publint"), ["--strict", "--pack", "npm"], p.dir)
  run(`attw ${p.manifest.name}`, bin("attw"), ["--pack", ".", "--profile", "esm-only"], p.dir)
}
run("API docs (typedoc, warnings are errors)", bin("typedoc"), [])

const summary = JSON.parse(readFileSync(results, "utf8"))
process.stdout.write(
  `\ncheck: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${summary.numPendingTests + summary.numTodoTests} skipped\n`
)
process.exit(summary.numFailedTests === 0 && summary.numPassedTests > 0 ? 0 : 1)
