import { resolve } from "node:path"
import { pathToFileURL } from "node:url"
import { Snapshot } from "@gongjian/core"
import type { Plugin } from "@gongjian/plugin-sdk"
import { all } from "@gongjian/policies"
import * as Effect from "effect/Effect"
import type * as FileSystem from "effect/FileSystem"
import * as Result from "effect/Result"
import { CliFailure } from "../CliFailure.js"
import { readText } from "./files.js"

/** @internal Reads and decodes a snapshot file; every problem is reported. */
export const readSnapshot = (
  file: string
): Effect.Effect<Snapshot.Snapshot, CliFailure, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const text = yield* readText(file)
    const r = Snapshot.decodeJson(text)
    if (Result.isFailure(r)) {
      return yield* new CliFailure({
        code: 1,
        message: `${file}: ${r.failure.problems.length} problem(s)`,
        details: r.failure.problems.map(
          (p) => `${p.path || "(document)"}${p.record ? ` [${p.record}]` : ""}: ${p.message}`
        )
      })
    }
    return r.success
  })

/** @internal Reads a JSON options file. */
export const readOptions = (
  file: string
): Effect.Effect<Record<string, unknown>, CliFailure, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const text = yield* readText(file, `the options ${file}`)
    const value = yield* Effect.try({
      // A byte-order mark (what Windows tools write before UTF-8) is not content.
      try: (): unknown => JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text),
      catch: (e) =>
        new CliFailure({
          code: 1,
          message: `cannot read the options ${file}: ${e instanceof Error ? e.message : String(e)}`
        })
    })
    if (value === null || typeof value !== "object" || Array.isArray(value))
      return yield* new CliFailure({
        code: 1,
        message: `cannot read the options ${file}: the options must be a JSON object`
      })
    return value as Record<string, unknown>
  })

const isPlugin = (v: unknown): v is Plugin.AnyPlugin =>
  typeof v === "object" &&
  v !== null &&
  "meta" in v &&
  "create" in v &&
  typeof (v as { create: unknown }).create === "function"

/** @internal The reference ids a user may name: the plugin id, the sample id, or the document number. */
export const referenceIds = (): ReadonlyArray<string> => all.map((p) => p.sample)

/**
 * @internal Resolves `--policy`: a reference policy (`000`, `000-hundred-days`
 * or `gongjian/000-hundred-days`), or a path to a module exporting a plugin
 * (`./county.js`, or `./county.js#countyPolicy` to choose one of several).
 */
export const resolvePolicy = (name: string): Effect.Effect<Plugin.AnyPlugin, CliFailure> => {
  const ref = all.find(
    (p) => p.plugin.meta.id === name || p.sample === name || p.sample.slice(0, 3) === name
  )
  if (ref !== undefined) return Effect.succeed(ref.plugin)
  if (!/[./\\]/.test(name)) {
    return Effect.fail(
      new CliFailure({
        code: 2,
        message: `unknown policy ${JSON.stringify(name)}: name a reference policy (${referenceIds().join(", ")}) or a path to a plugin module`
      })
    )
  }
  const [path, exportName] = name.split("#") as [string, string | undefined]
  return Effect.gen(function* () {
    const mod = yield* Effect.tryPromise({
      try: () => import(pathToFileURL(resolve(path)).href) as Promise<Record<string, unknown>>,
      catch: (e) =>
        new CliFailure({
          code: 2,
          message: `cannot load the policy module ${path}: ${e instanceof Error ? e.message : String(e)}`
        })
    })
    if (exportName !== undefined) {
      const v = mod[exportName]
      if (!isPlugin(v))
        return yield* new CliFailure({
          code: 2,
          message: `${path} exports no plugin named ${exportName}`
        })
      return v
    }
    const plugins = Object.entries(mod).filter(([, v]) => isPlugin(v))
    if (plugins.length !== 1) {
      return yield* new CliFailure({
        code: 2,
        message:
          plugins.length === 0
            ? `${path} exports no plugin`
            : `${path} exports ${plugins.length} plugins (${plugins.map(([k]) => k).join(", ")}): choose one with ${path}#name`
      })
    }
    return plugins[0]![1] as Plugin.AnyPlugin
  })
}
