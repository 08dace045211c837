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

/** Published packages: every folder under packages/ with a package.json. */
const packages = () =>
  readdirSync(join(root, "packages"))
    .filter((d) => existsSync(join(root, "packages", d, "package.json")))
    .sort()
    .map((d) => ({
      dir: join(root, "packages", d),
      manifest: JSON.parse(readFileSync(join(root, "packages", d, "package.json"), "utf8"))
    }))

const seconds = (started) => ((Date.now() - started) / 1000).toFixed(1)

/** Runs a step with its output on the terminal. */
const run = (title, command, args, cwd = root) => {
  const started = Date.now()
  process.stdout.write(`\n▶ ${title}\n`)
  const r = spawnSync(command, args, { cwd, stdio: "inherit", env: process.env })
  if (r.status !== 0) {
    process.stdout.write(`✖ ${title} failed after ${seconds(started)}s\n`)
    process.exit(r.status ?? 1)
  }
  process.stdout.write(`✔ ${title} (${seconds(started)}s)\n`)
}

/** Runs a step whose output only matters when it fails: one line when it passes. */
const runQuiet = (title, command, args, cwd = root) => {
  const started = Date.now()
  const r = spawnSync(command, args, { cwd, encoding: "utf8", env: process.env })
  if (r.status !== 0) {
    process.stdout.write(`\n▶ ${title}\n${r.stdout ?? ""}${r.stderr ?? ""}`)
    process.stdout.write(`✖ ${title} failed after ${seconds(started)}s\n`)
    process.exit(r.status ?? 1)
  }
  process.stdout.write(`✔ ${title} (${seconds(started)}s)\n`)
}

const pkgs = packages()
rmSync(results, { force: true })

run("lint and format (biome)", bin("biome"), ["check", "."])
run("type-check (tsc)", bin("tsc"), ["-p", "tsconfig.json", "--noEmit"])
// One `tsc -b` over the project references of tsconfig.build.json, from clean
// outputs, so a file removed from src/ leaves nothing behind in dist/.
for (const p of pkgs) rmSync(join(p.dir, "dist"), { recursive: true, force: true })
run("build (tsc -b tsconfig.build.json)", bin("tsc"), ["-b", "tsconfig.build.json"])
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
process.stdout.write("\n▶ publint and attw, per package (their report only when one fails)\n")
for (const p of pkgs) {
  runQuiet(`publint ${p.manifest.name}`, bin("publint"), ["--strict", "--pack", "npm"], p.dir)
  runQuiet(
    `attw ${p.manifest.name}`,
    bin("attw"),
    ["--pack", ".", "--profile", "esm-only", "--format", "ascii"],
    p.dir
  )
}
run("API docs (typedoc, warnings are errors)", bin("typedoc"), [])

const summary = JSON.parse(readFileSync(results, "utf8"))
process.stdout.write(
  `\ncheck: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${summary.numPendingTests + summary.numTodoTests} skipped\n`
)
process.exit(summary.numFailedTests === 0 && summary.numPassedTests > 0 ? 0 : 1)
