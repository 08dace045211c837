/** The folder of the newest PostgreSQL server binaries Debian installed, or undefined. */
export declare const postgresBinDir: () => string | undefined
/** The Chromium binary Debian installs. */
export declare const chromiumPath: string
/** Installs the missing system packages when running as root; returns those installed. */
export declare const ensureSystemDeps: (log?: (line: string) => void) => ReadonlyArray<string>
