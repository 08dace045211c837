import { readFileSync, writeFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { Bulletin } from "../src/index.js"
import { sampleBulletin, samples } from "./samples.js"

// Each sample county's current bulletin, fixed as Markdown in Chinese and
// English: what a reader gets, checked byte for byte. Run `pnpm outputs:update`
// only for a change that is meant to alter a bulletin, and review the diff of
// test/outputs/.
const update = process.env.GONGJIAN_UPDATE_OUTPUTS === "1"

describe("the sample bulletins are fixed", () => {
  it.each(samples.map((s) => [s] as const))("%s: the bulletin as recorded", (sample) => {
    const { bulletin } = sampleBulletin(sample)
    for (const lang of ["zh", "en"] as const) {
      const file = new URL(`./outputs/${sample}.${lang}.md`, import.meta.url)
      const text = Bulletin.markdown(bulletin, lang)
      if (update) writeFileSync(file, text)
      expect(text === readFileSync(file, "utf8")).toBe(true)
    }
  })
})
