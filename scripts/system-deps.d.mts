// Types of system-deps.mjs, for the tests that import it.

/** The folder of the newest PostgreSQL server binaries Debian installed, or undefined. */
export declare const postgresBinDir: () => string | undefined

/** The Chromium binary Debian installs. */
export declare const chromiumPath: string

/** What the tests need, each with the Debian package that brings it and how to tell it is here. */
export declare const systemDeps: ReadonlyArray<{
  readonly what: string
  readonly pkg: string
  readonly present: () => boolean
}>

/** The packages of `systemDeps` that are missing on this machine. */
export declare const missingSystemDeps: () => Array<(typeof systemDeps)[number]>

/**
 * Installs the missing system packages when running as root; otherwise prints
 * the command to run and exits with status 1. Returns the packages installed.
 */
export declare const ensureSystemDeps: (log?: (line: string) => void) => Array<string>
