import { defineConfig } from "vitest/config"

// Workspace packages resolve to their TypeScript sources through the
// "@gongjian/source" export condition, so tests never need a build first.
const conditions = ["@gongjian/source", "import", "module", "node", "default"]

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    include: ["packages/*/test/**/*.test.ts", "examples/*/test/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    // Each test file runs in a fresh worker, so no test depends on what another
    // file loaded or changed (said explicitly, vitest stops suggesting otherwise).
    isolate: true,
    globalSetup: ["test/globalSetup.ts"],
    reporters: ["default"],
    testTimeout: 30_000
  }
})
