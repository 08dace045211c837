import { equal } from "node:assert/strict"
import { Pdf } from "@gongjian/reports"
import * as Effect from "effect/Effect"

// #region print
// Needs Chromium and the CJK fonts: apt-get install chromium fonts-noto-cjk
const pdf = await Effect.runPromise(
  Pdf.fromHtml('<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><h1>工作通报</h1></html>', {
    chromiumPath: Pdf.defaultChromiumPath
  })
)
equal(new TextDecoder().decode(pdf.slice(0, 5)), "%PDF-")

const missing = await Effect.runPromise(
  Effect.flip(Pdf.fromHtml("<p>x</p>", { chromiumPath: "/no/such/chromium" }))
)
equal(missing._tag, "PdfError")
// #endregion print
