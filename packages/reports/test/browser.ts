import { execFileSync } from "node:child_process"
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { type Browser, chromium } from "playwright-core"
import { chromiumPath, ensureSystemDeps, missingSystemDeps } from "../../../scripts/system-deps.mjs"

const NEEDED = ["chromium", "fonts-noto-cjk", "poppler-utils"]

/**
 * Chromium, the CJK fonts and poppler, or a failure naming the command that
 * installs them: these tests never skip.
 */
export const requireBrowserDeps = (): void => {
  const missing = missingSystemDeps().filter((d) => NEEDED.includes(d.pkg))
  if (missing.length === 0) return
  if (typeof process.getuid === "function" && process.getuid() === 0) {
    ensureSystemDeps()
    return
  }
  throw new Error(
    `the tests need ${missing.map((d) => d.what).join(", ")}; as root run:\n  apt-get update && apt-get install -y ${missing.map((d) => d.pkg).join(" ")}`
  )
}

export const launch = async (): Promise<Browser> => {
  requireBrowserDeps()
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
  })
}

/** Where the screenshots go, for a person to look at after a run. */
export const shotsDir = (): string => {
  const dir = join(process.cwd(), "node_modules", ".cache", "gongjian-reports-shots")
  mkdirSync(dir, { recursive: true })
  return dir
}

/** The text of a PDF, as `pdftotext -layout` extracts it. */
export const pdfText = (pdf: Uint8Array, name: string): string => {
  requireBrowserDeps()
  const file = join(shotsDir(), `${name}.pdf`)
  writeFileSync(file, pdf)
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" })
}
