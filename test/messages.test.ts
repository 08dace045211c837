import { readdirSync, readFileSync, statSync } from "node:fs"
import { join, relative } from "node:path"
import { describe, expect, it } from "vitest"
import { packages, root } from "./workspace.js"

// Programs branch on codes and tags, never on the text of a message: a
// reworded message must not change what the code does.
const PATTERNS: ReadonlyArray<RegExp> = [
  /(?<!typeof [\w.!?]*)\.(message|detail|reason)\s*[!=]==?\s*["'`]/,
  /["'`]\s*[!=]==?\s*[\w.!?]*\.(message|detail|reason)\b/,
  /\.(message|detail|reason)\)?\.(includes|startsWith|endsWith|match|matchAll|indexOf|search|replace|replaceAll)\(/,
  /\.test\([^)]*\.(message|detail|reason)\b/
]

// The lines allowed to read a message, each for a reason of its own.
const ALLOWED: ReadonlyMap<string, string> = new Map([
  // The platform's TypeError on writing to a frozen object has no code: its
  // text is all there is.
  [
    "packages/plugin-sdk/src/internal/freeze.ts",
    "/read only|read-only|not extensible|Cannot (assign|add|delete|define)|frozen/i.test(e.message)"
  ],
  // PolicyTester checks a case's own expectation of the text people read.
  [
    "packages/plugin-sdk/src/testing.ts",
    '(typeof expected === "string" ? e!.message.includes(expected) : expected.test(e!.message))'
  ]
])

const sources = (dir: string): Array<string> =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return path.endsWith(".ts") ? [path] : []
  })

const matches = (line: string) => PATTERNS.some((p) => p.test(line))

describe("no code branches on message text", () => {
  it("recognises matching on a message", () => {
    expect(matches('const got = i.message.includes("Cannot read") ? "" : shown(input, path)')).toBe(
      true
    )
    expect(matches('issue.message === "Expected no excess property"')).toBe(true)
    expect(matches('const detail = r.failure.detail.replace(/^the item threw: /, "")')).toBe(true)
    expect(matches("const frozen = /read only/i.test(error.detail)")).toBe(true)
    expect(matches('"Missing key" !== issue.message')).toBe(true)
    expect(matches('issue.code === "unexpected-key"')).toBe(false)
    expect(matches("if (l.message === null) return")).toBe(false)
    expect(matches('typeof l.message !== "object"')).toBe(false)
  })

  it("finds none in the packages' sources", () => {
    const found: Array<string> = []
    for (const p of packages())
      for (const file of sources(join(p.dir, "src"))) {
        const path = relative(root, file)
        readFileSync(file, "utf8")
          .split("\n")
          .forEach((line, i) => {
            if (matches(line) && ALLOWED.get(path) !== line.trim())
              found.push(`${path}:${i + 1}: ${line.trim()}`)
          })
      }
    expect(found).toEqual([])
  })
})
