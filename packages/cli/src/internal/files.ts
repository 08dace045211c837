import { resolve } from "node:path"
import * as Effect from "effect/Effect"
import * as FileSystem from "effect/FileSystem"
import type * as PlatformError from "effect/PlatformError"
import { CliFailure } from "../CliFailure.js"

/** What went wrong with a file, in words, from the platform error's reason. */
const why = (e: PlatformError.PlatformError): string => {
  switch (e.reason._tag) {
    case "NotFound":
      return "no such file"
    case "PermissionDenied":
      return "permission denied"
    default:
      return e.reason.description ?? e.reason.message
  }
}

/** A failure of the platform's file system as the command's failure (exit code 1). */
const failWith =
  (message: string) =>
  (e: PlatformError.PlatformError): Effect.Effect<never, CliFailure> =>
    Effect.fail(new CliFailure({ code: 1, message: `${message}: ${why(e)}` }))

/** @internal Reads a text file through the platform's `FileSystem`. */
export const readText = (
  file: string,
  what = file
): Effect.Effect<string, CliFailure, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    return yield* fs.readFileString(resolve(file))
  }).pipe(Effect.catchTag("PlatformError", failWith(`cannot read ${what}`)))

/** @internal Writes a text file through the platform's `FileSystem`. */
export const writeText = (
  file: string,
  text: string
): Effect.Effect<void, CliFailure, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    yield* fs.writeFileString(file, text)
  }).pipe(Effect.catchTag("PlatformError", failWith(`cannot write ${file}`)))

/** @internal Makes a folder and its parents through the platform's `FileSystem`. */
export const makeFolder = (dir: string): Effect.Effect<void, CliFailure, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    yield* fs.makeDirectory(dir, { recursive: true })
  }).pipe(Effect.catchTag("PlatformError", failWith(`cannot create the folder ${dir}`)))

/** @internal The size of a file in bytes, through the platform's `FileSystem`. */
export const sizeOf = (file: string): Effect.Effect<number, CliFailure, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    return Number((yield* fs.stat(resolve(file))).size)
  }).pipe(Effect.catchTag("PlatformError", failWith(`cannot read ${file}`)))

/** @internal Reads a file's bytes through the platform's `FileSystem`. */
export const readBytes = (
  file: string
): Effect.Effect<Uint8Array, CliFailure, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    return yield* fs.readFile(resolve(file))
  }).pipe(Effect.catchTag("PlatformError", failWith(`cannot read ${file}`)))

/** @internal Writes a file's bytes through the platform's `FileSystem`. */
export const writeBytes = (
  file: string,
  data: Uint8Array
): Effect.Effect<void, CliFailure, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    yield* fs.writeFile(resolve(file), data)
  }).pipe(Effect.catchTag("PlatformError", failWith(`cannot write ${file}`)))
