// The real parts some tests need, from Debian's packages: a PostgreSQL server,
// Chromium, CJK fonts and poppler. `ensureSystemDeps()` installs what is
// missing when it runs as root (one `apt-get update`, then `apt-get install`),
// and otherwise stops with the exact command to run. A test of a real part
// never skips itself: it finds the part here, or the check stops before it.
import { spawnSync } from "node:child_process"
import { existsSync, readdirSync } from "node:fs"
import { join } from "node:path"

const onPath = (command) =>
  (process.env.PATH ?? "")
    .split(":")
    .filter(Boolean)
    .some((dir) => existsSync(join(dir, command)))

/**
 * The folder of the newest PostgreSQL server binaries Debian installed
 * (`/usr/lib/postgresql/<major>/bin`), or undefined.
 */
export const postgresBinDir = () => {
  const base = "/usr/lib/postgresql"
  if (!existsSync(base)) return undefined
  const majors = readdirSync(base)
    .filter((d) => /^\d+$/.test(d) && existsSync(join(base, d, "bin", "pg_ctl")))
    .map(Number)
    .sort((a, b) => b - a)
  return majors.length > 0 ? join(base, String(majors[0]), "bin") : undefined
}

/** The Chromium binary Debian installs. */
export const chromiumPath = "/usr/bin/chromium"

/** What the tests need, each with the Debian package that brings it and how to tell it is here. */
export const systemDeps = [
  {
    what: "PostgreSQL server (initdb, pg_ctl)",
    pkg: "postgresql",
    present: () => postgresBinDir() !== undefined
  },
  { what: "Chromium", pkg: "chromium", present: () => existsSync(chromiumPath) },
  {
    what: "CJK fonts (Noto CJK)",
    pkg: "fonts-noto-cjk",
    present: () =>
      existsSync("/usr/share/fonts/opentype/noto") &&
      readdirSync("/usr/share/fonts/opentype/noto").some((f) => f.startsWith("NotoSansCJK"))
  },
  {
    what: "poppler (pdftotext, pdftoppm)",
    pkg: "poppler-utils",
    present: () => onPath("pdftotext")
  }
]

/** The packages of `systemDeps` that are missing on this machine. */
export const missingSystemDeps = () => systemDeps.filter((d) => !d.present())

/**
 * Installs the missing system packages when running as root; otherwise prints
 * the command to run and exits with status 1. Returns the packages installed.
 */
export const ensureSystemDeps = (log = (line) => process.stdout.write(`${line}\n`)) => {
  const missing = missingSystemDeps()
  if (missing.length === 0) return []
  const pkgs = missing.map((d) => d.pkg)
  const command = `apt-get update && apt-get install -y ${pkgs.join(" ")}`
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0
  if (!isRoot) {
    log(`The tests need: ${missing.map((d) => d.what).join(", ")}.`)
    log(`Install them as root, then run the check again:\n\n  ${command}\n`)
    process.exit(1)
  }
  log(`installing ${pkgs.join(", ")} from Debian's packages`)
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" }
  for (const args of [["update"], ["install", "-y", "--no-install-recommends", ...pkgs]]) {
    const r = spawnSync("apt-get", args, { stdio: ["ignore", "ignore", "inherit"], env })
    if (r.status !== 0) {
      log(
        `apt-get ${args.join(" ")} failed (status ${r.status}); run it by hand:\n\n  ${command}\n`
      )
      process.exit(1)
    }
  }
  const still = missingSystemDeps()
  if (still.length > 0) {
    log(`still missing after apt-get: ${still.map((d) => d.pkg).join(", ")}`)
    process.exit(1)
  }
  return pkgs
}

if (import.meta.url === `file://${process.argv[1]}`) ensureSystemDeps()
