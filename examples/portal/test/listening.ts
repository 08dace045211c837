import type { ChildProcess } from "node:child_process"

/** The origin a started portal prints (`portal listening on http://127.0.0.1:…`); rejects when it exits first. */
export const listening = (server: ChildProcess): Promise<string> =>
  new Promise<string>((resolve, reject) => {
    let out = ""
    server.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString()
      const m = /portal listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (m) resolve(m[1]!)
    })
    server.on("exit", (code) => reject(new Error(`the portal exited with ${code}: ${out}`)))
  })
