// A throwaway PostgreSQL server from Debian's package, for tests and the
// benchmark: initdb into a temporary folder (owned by the `postgres` user
// when running as root, since the server refuses to run as root), started
// with pg_ctl on 127.0.0.1 and a free port, stopped by its own pid.
import { execFileSync, spawnSync } from "node:child_process"
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { postgresBinDir } from "./system-deps.mjs"

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0

/** The uid and gid of the `postgres` user, when running as root. */
const owner = () => {
  if (!isRoot()) return undefined
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim())
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim())
  return { uid, gid }
}

/**
 * Starts a server; resolves to its URL, port, pid, major version, `stop()` (a fast
 * shutdown by pid, then the folder removed), and `halt()` / `resume()` (stopped by pid
 * with its data kept, and started again on the same port: a server restarting).
 */
export const startPostgres = async () => {
  const bin = postgresBinDir()
  if (bin === undefined)
    throw new Error(
      "PostgreSQL's server is not installed; run `node scripts/system-deps.mjs` as root (apt-get install -y postgresql)"
    )
  const dir = mkdtempSync(join(tmpdir(), "gongjian-pg-"))
  const data = join(dir, "data")
  const user = owner()
  if (user !== undefined) chownSync(dir, user.uid, user.gid)
  const run = (command, args) => {
    const r = spawnSync(join(bin, command), args, {
      encoding: "utf8",
      ...(user === undefined ? {} : { uid: user.uid, gid: user.gid }),
      env: { ...process.env, LC_ALL: "C" }
    })
    if (r.status !== 0) {
      const tail = existsSync(join(dir, "server.log"))
        ? readFileSync(join(dir, "server.log"), "utf8").split("\n").slice(-20).join("\n")
        : ""
      throw new Error(
        `${command} ${args.join(" ")} failed (${r.status}):\n${r.stdout}${r.stderr}\n${tail}`
      )
    }
  }
  run("initdb", [
    "-D",
    data,
    "-U",
    "postgres",
    "-A",
    "trust",
    "-E",
    "UTF8",
    "--no-sync",
    "--locale=C"
  ])
  const port = await freePort()
  const log = join(dir, "server.log")
  const start = () =>
    run("pg_ctl", [
      "-D",
      data,
      "-l",
      log,
      "-w",
      "-t",
      "60",
      "-o",
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c max_connections=200 -c fsync=off`,
      "start"
    ])
  const pidOf = () => Number(readFileSync(join(data, "postmaster.pid"), "utf8").split("\n")[0])
  start()
  let pid = pidOf()
  /** A fast shutdown by pid, waiting until the server has gone. */
  const halt = async () => {
    try {
      process.kill(pid, "SIGINT")
    } catch {
      // already gone
    }
    for (let i = 0; i < 1200 && existsSync(join(data, "postmaster.pid")); i++)
      await new Promise((r) => setTimeout(r, 50))
  }
  const stop = async () => {
    await halt()
    rmSync(dir, { recursive: true, force: true })
  }
  /** Starts a halted server again, on the same port and data. */
  const resume = () => {
    start()
    pid = pidOf()
  }
  const version = bin.split("/").at(-2)
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    get pid() {
      return pid
    },
    version,
    stop,
    halt,
    resume
  }
}
