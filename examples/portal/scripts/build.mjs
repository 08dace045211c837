// Builds the front end (web/) into dist/ with Vite and the Vue plugin.
import { fileURLToPath } from "node:url"
import vue from "@vitejs/plugin-vue"
import { build } from "vite"

const here = fileURLToPath(new URL("..", import.meta.url))

await build({
  root: `${here}web`,
  base: "/",
  logLevel: "warn",
  plugins: [vue()],
  build: { outDir: `${here}dist`, emptyOutDir: true, chunkSizeWarningLimit: 2048 }
})
