import { type ChildProcess, spawn } from "node:child_process"
import { readFileSync } from "node:fs"
import { dirname } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"
import { listening } from "./listening.js"

// `pnpm portal` runs its script through `sh -c` and, when it is stopped,
// sends SIGTERM to that shell only: a shell that forked the server would die
// and leave the server running. The script's last command `exec`s the
// server, so the process pnpm stops is the server itself. Here the script's
// last command runs as pnpm runs it, and its pid is stopped the same way.
const root = fileURLToPath(new URL("../../../", import.meta.url))
const script: string = JSON.parse(readFileSync(`${root}package.json`, "utf8")).scripts.portal
const start = script.split("&&").at(-1)!.trim()

let shell: ChildProcess | undefined

afterAll(() => {
  // Whatever the test found, nothing it started is left running: the shell
  // led its own process group.
  if (shell?.pid !== undefined)
    try {
      process.kill(-shell.pid, "SIGKILL")
    } catch {
      // Already gone.
    }
})

describe("pnpm portal", () => {
  it("stops the server when the process it started is stopped", async () => {
    shell = spawn("sh", ["-c", `${start} --port 0`], {
      cwd: root,
      detached: true,
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ""}` }
    })
    const child = shell
    const origin = await listening(child)
    expect((await fetch(`${origin}/api/openapi.json`)).status).toBe(200)
    const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()))
    child.kill("SIGTERM")
    await exited
    // The server went with it: its port no longer answers.
    await expect(fetch(`${origin}/api/openapi.json`)).rejects.toThrow()
  }, 120_000)
})
