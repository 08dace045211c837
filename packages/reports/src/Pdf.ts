/**
 * Printing a bulletin to PDF through headless Chromium (`playwright-core`
 * driving the browser installed on the machine, such as Debian's
 * `/usr/bin/chromium`), with the CJK fonts of the system (`fonts-noto-cjk`):
 * A4, the bulletin's own print CSS, the text extractable.
 *
 * @since 0.1.0
 */
import { existsSync } from "node:fs"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import { chromium } from "playwright-core"

/**
 * Printing failed: the browser is missing or would not start, or the page
 * would not print. Names the browser path and what went wrong.
 *
 * @example
 * {@includeCode ../examples/Pdf.ts#print}
 *
 * @since 0.1.0
 * @category errors
 */
export class PdfError extends Data.TaggedError("PdfError")<{
  readonly browser: string
  readonly detail: string
}> {
  override get message(): string {
    return `cannot print to PDF with ${this.browser}: ${this.detail}`
  }
}

/**
 * Where Debian and Ubuntu install Chromium (`apt-get install chromium`).
 *
 * @example
 * {@includeCode ../examples/Pdf.ts#print}
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultChromiumPath = "/usr/bin/chromium"

/**
 * Prints an HTML document to a PDF (A4, backgrounds printed, the page's
 * `@page` rules honoured) in a headless Chromium started for the call and
 * closed after it. The document must carry everything it needs: nothing is
 * fetched from the network.
 *
 * @example
 * {@includeCode ../examples/Pdf.ts#print}
 *
 * @since 0.1.0
 * @category printing
 */
export const fromHtml = (
  document: string,
  options?: { readonly chromiumPath?: string }
): Effect.Effect<Uint8Array, PdfError> => {
  const browser = options?.chromiumPath ?? defaultChromiumPath
  return Effect.gen(function* () {
    if (!existsSync(browser))
      return yield* new PdfError({
        browser,
        detail: "no browser there; install Chromium (apt-get install chromium fonts-noto-cjk)"
      })
    return yield* Effect.acquireUseRelease(
      Effect.tryPromise({
        try: () =>
          chromium.launch({
            executablePath: browser,
            headless: true,
            args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
          }),
        catch: (e) => new PdfError({ browser, detail: `the browser did not start: ${String(e)}` })
      }),
      (b) =>
        Effect.tryPromise({
          try: async () => {
            const page = await b.newPage()
            await page.route("**/*", (route) =>
              route.request().url().startsWith("data:") ? route.continue() : route.abort()
            )
            await page.setContent(document, { waitUntil: "load" })
            await page.evaluate("document.fonts.ready.then(() => undefined)")
            const pdf = await page.pdf({
              format: "A4",
              printBackground: true,
              preferCSSPageSize: true
            })
            return new Uint8Array(pdf)
          },
          catch: (e) => new PdfError({ browser, detail: `printing failed: ${String(e)}` })
        }),
      (b) => Effect.promise(() => b.close())
    )
  })
}
