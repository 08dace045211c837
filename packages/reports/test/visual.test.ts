import { join } from "node:path"
import { Samples } from "@gongjian/policies"
import * as Effect from "effect/Effect"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { chromiumPath } from "../../../scripts/system-deps.mjs"
import { Bulletin, Pdf, WallChart } from "../src/index.js"
import { launch, pdfText, shotsDir } from "./browser.js"
import { sampleBulletin, samples } from "./samples.js"

// What a reader sees: each bulletin and chart rendered in Chromium with the
// CJK fonts, screenshotted (into node_modules/.cache/gongjian-reports-shots),
// and checked for the texts, the red cells and clipped labels.

let browser: Browser
let page: Page
beforeAll(async () => {
  browser = await launch()
  page = await browser.newPage({ viewport: { width: 794, height: 1123 } })
}, 60_000)
afterAll(async () => {
  await browser?.close()
})

// The checks run in the page, written as the browser's JavaScript.

/** The texts of a chart that stick out of the chart, by their bounding boxes. */
const clippedLabels = (p: Page): Promise<Array<string>> =>
  p.evaluate(`(() => {
    const svg = document.querySelector("svg")
    const box = svg.getBoundingClientRect()
    const out = []
    for (const t of svg.querySelectorAll("text")) {
      const r = t.getBoundingClientRect()
      if (r.width === 0 || !t.textContent.trim()) continue
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)
        out.push(t.textContent + " [" + Math.round(r.left) + ", " + Math.round(r.right) + "] outside [" + Math.round(box.left) + ", " + Math.round(box.right) + "]")
    }
    return out
  })()`)

/** Pairs of labels that overlap each other (a reader cannot read either). */
const overlappingLabels = (p: Page): Promise<Array<string>> =>
  p.evaluate(`(() => {
    const texts = Array.from(document.querySelectorAll("svg text"))
      .filter((t) => t.textContent.trim())
      .map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }))
    const out = []
    for (let i = 0; i < texts.length; i++)
      for (let j = i + 1; j < texts.length; j++) {
        const a = texts[i].r
        const b = texts[j].r
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left)
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)
        if (w > 2 && h > 2) out.push(texts[i].text + " / " + texts[j].text)
      }
    return out
  })()`)

/** Every red mark of a bulletin: its colour, whether a reader sees it at its centre, its size. */
const redMarks = (p: Page): Promise<Array<{ colour: string; seen: boolean; size: boolean }>> =>
  p.evaluate(`Array.from(document.querySelectorAll(".status-red, .cadence-overdue")).map((e) => {
    const r = e.getBoundingClientRect()
    window.scrollTo(0, Math.max(0, r.top + window.scrollY - 100))
    const s = e.getBoundingClientRect()
    const top = document.elementFromPoint(s.left + s.width / 2, s.top + s.height / 2)
    return { colour: getComputedStyle(e).backgroundColor, seen: top === e || e.contains(top), size: s.width > 0 && s.height > 0 }
  })`)

const showSvg = async (svg: string, name: string) => {
  await page.setContent(`<!DOCTYPE html><html><body style="margin:0">${svg}</body></html>`)
  await page.evaluate("document.fonts.ready")
  await page.screenshot({ path: join(shotsDir(), `${name}.png`), fullPage: true })
}

describe("bulletins as a reader sees them", () => {
  for (const sample of samples) {
    it(`${sample}: the heading, every ranked unit and every red target are visible; nothing overflows the page`, async () => {
      const { bulletin } = sampleBulletin(sample)
      await page.setContent(Bulletin.html(bulletin))
      await page.evaluate("document.fonts.ready")
      await page.screenshot({ path: join(shotsDir(), `${sample}-bulletin.png`), fullPage: true })
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader sees
      const text = await page.innerText("body")
      expect(text).toContain(bulletin.heading.zh)
      for (const r of bulletin.ranking) expect(text).toContain(r.name)
      for (const t of bulletin.targets) {
        if (t.area?.status === "red" || t.units.some((u) => u.status === "red"))
          expect(text).toContain(t.title)
      }
      // No horizontal scrolling on an A4-wide page.
      const overflow = await page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
      )
      expect(overflow).toBe(0)
      // Every red mark is painted red, and is what a reader sees at its centre.
      const reds = await redMarks(page)
      const expectedReds =
        bulletin.targets.reduce(
          (n, t) =>
            n +
            (t.area?.status === "red" ? 1 : 0) +
            t.units.filter((u) => u.status === "red").length,
          0
        ) +
        bulletin.cadence.filter((o) => o.status === "overdue").length +
        bulletin.exit.filter((e) => e.severity !== "warning").length
      expect(reds.length).toBe(expectedReds)
      for (const r of reds)
        expect(r).toEqual({ colour: "rgb(217, 48, 37)", seen: true, size: true })
    })
  }

  it("002: the missed week-38 dispatch is shown red with its deadline", async () => {
    const { bulletin } = sampleBulletin("002-investment-drive")
    await page.setContent(Bulletin.html(bulletin))
    const row: Array<string> = await page.evaluate(
      `Array.from(document.querySelectorAll("#cadence tr")).filter((tr) => tr.querySelector(".cadence-overdue")).map((tr) => tr.innerText.replace(/\\s+/g, " ").trim())`
    )
    expect(row).toEqual(["一周一调度（002 四.3） 2026-09-14—2026-09-20 2026-09-20 未按期开展"])
  })

  it("002: the corrections since the previous bulletin are readable on the page, long values wrapped", async () => {
    const { bulletin, snapshot } = sampleBulletin("002-investment-drive")
    const made = Bulletin.make({
      snapshot,
      period: bulletin.period,
      previous: { asOf: "2026-09-15", record: "bulletin-2026-09-H1" },
      corrections: [
        {
          record: "project A1",
          field: "investment.total",
          on: "2026-09-20",
          before: "12亿元",
          after: "15亿元",
          reason: "按合同更正总投资",
          by: "zhao.lei（town-a）"
        },
        {
          record: "project B2",
          field: "contract",
          on: "2026-09-22",
          before: JSON.stringify({
            startBy: "2026-09-30",
            completeBy: "2027-06-30",
            produceBy: "2027-09-30"
          }),
          after: JSON.stringify({
            startBy: "2026-10-31",
            completeBy: "2027-08-31",
            produceBy: "2027-12-31"
          }),
          reason: "企业申请延期开工，经区招商引资工作领导小组研究同意",
          by: "li.na（street-b）"
        }
      ]
    })
    await page.setContent(Bulletin.html(made))
    await page.evaluate("document.fonts.ready")
    await page.screenshot({
      path: join(shotsDir(), "002-bulletin-corrections.png"),
      fullPage: true
    })
    const rows: Array<string> = await page.evaluate(
      `Array.from(document.querySelectorAll("#corrections tbody tr")).map((tr) => tr.innerText.replace(/\\s+/g, " ").trim())`
    )
    expect(rows[0]).toBe(
      "project A1 investment.total 12亿元 → 15亿元 按合同更正总投资 zhao.lei（town-a） 2026-09-20"
    )
    expect(rows[1]).toContain("企业申请延期开工")
    // The record, the field and who filed it each on one line; the values and the reason wrap.
    const lines: Array<number> = await page.evaluate(
      `Array.from(document.querySelectorAll("#corrections td.key")).map((td) => { const r = document.createRange(); r.selectNodeContents(td); return new Set(Array.from(r.getClientRects()).map((x) => Math.round(x.top))).size })`
    )
    expect(lines).toEqual([1, 1, 1, 1, 1, 1])
    const overflow = await page.evaluate(
      "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    expect(overflow).toBe(0)
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader sees
    expect(await page.innerText("header")).toContain("上期通报：2026-09-15")
  })

  it("002: 丙园区 is commended as its tier says, not criticised, and its red targets are listed apart", async () => {
    const { bulletin } = sampleBulletin("002-investment-drive")
    await page.setContent(Bulletin.html(bulletin))
    const section = (id: string): Promise<string> =>
      page.evaluate(`document.querySelector("#${id}").innerText`)
    const commended = await section("commended")
    const criticised = await section("criticised")
    const lagging = await section("lagging")
    // 丙园区 met its annual task (22.9亿 of 20亿): 通报表扬 (002 四.4), and says why it is red elsewhere.
    expect(commended).toMatch(
      /丙园区：通报表扬（002 四\.4）；排名第3，得分 11；另有 8 项目标低于序时进度/
    )
    expect(criticised).not.toContain("丙园区")
    // 乙街道 (16.9亿 of 20亿) is not criticised on 9-30: the annual task is due 12-31.
    expect(criticised).not.toContain("乙街道")
    expect(lagging).toContain(
      "丙园区：「分工负责人外出招商」完成 25.0%，低于序时进度 75.0 个百分点"
    )
  })
})

describe("wall charts as a reader sees them", () => {
  for (const sample of samples) {
    it(`${sample}: no label is clipped or covers another, names are readable`, async () => {
      const { snapshot, bulletin, run } = sampleBulletin(sample)
      const charts = {
        gantt: WallChart.gantt(snapshot, { findings: run.findings }),
        progress: WallChart.progress(snapshot),
        ranking: WallChart.ranking(bulletin.ranking),
        heatmap: WallChart.heatmap(snapshot)
      }
      for (const [kind, svg] of Object.entries(charts)) {
        await showSvg(svg, `${sample}-${kind}`)
        expect(await clippedLabels(page), `${sample} ${kind}`).toEqual([])
        expect(await overlappingLabels(page), `${sample} ${kind}`).toEqual([])
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader sees
        const text = await page.innerText("body")
        if (kind === "ranking") for (const r of bulletin.ranking) expect(text).toContain(r.name)
        if (kind === "heatmap" || kind === "progress")
          for (const t of snapshot.campaign.targets) expect(text).toContain(t.title)
      }
    })
  }

  it("002: the heat map's red cells are painted red, one per red unit target", async () => {
    const snapshot = Samples.load("002-investment-drive")
    const { bulletin } = sampleBulletin("002-investment-drive")
    // The chart as of the bulletin's date, so that it shows what the bulletin says.
    await showSvg(WallChart.heatmap(snapshot, { asOf: bulletin.asOf }), "002-heatmap-bulletin")
    const redCells: number = await page.evaluate(
      `Array.from(document.querySelectorAll("svg path")).filter((p) => getComputedStyle(p).fill === "rgb(217, 48, 37)" && p.getBoundingClientRect().width > 20).length`
    )
    const red = bulletin.targets.reduce(
      (n, t) =>
        n + (t.area?.status === "red" ? 1 : 0) + t.units.filter((u) => u.status === "red").length,
      0
    )
    expect(red).toBeGreaterThan(0)
    expect(redCells).toBe(red)
  })
})

describe("PDF", () => {
  it("prints the 002 bulletin to A4 with its key figures as text", async () => {
    const { bulletin } = sampleBulletin("002-investment-drive")
    const pdf = await Effect.runPromise(Pdf.fromHtml(Bulletin.html(bulletin), { chromiumPath }))
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe("%PDF-")
    const text = pdfText(pdf, "002-bulletin").replace(/[ \t]+/g, " ")
    expect(text).toContain("招商引资集中攻坚工作通报（第4期）")
    expect(text).toContain("2026年9月下半月")
    for (const r of bulletin.ranking) {
      expect(text).toContain(r.name)
      expect(text).toContain(r.total)
    }
    expect(text).toContain("未按期开展")
    // Percentages with one decimal, rounded half up: 61.70亿 of 75亿 = 82.266…% → 82.3%.
    expect(text).toContain("82.3%")
    expect(text).not.toContain("…%")
    // Every area-wide figure: what was done against the goal.
    const areas = bulletin.targets.flatMap((t) => (t.area ? [t.area] : []))
    expect(areas.length).toBeGreaterThan(0)
    for (const a of areas) {
      expect(text).toContain(a.actual)
      expect(text).toContain(a.goal)
    }
  }, 60_000)

  it("fails with a PdfError naming the browser when there is none", async () => {
    const r = await Effect.runPromise(
      Effect.flip(Pdf.fromHtml("<p>x</p>", { chromiumPath: "/nonexistent/chromium" }))
    )
    expect(r._tag).toBe("PdfError")
    expect(r.message).toContain("/nonexistent/chromium")
  })
})
