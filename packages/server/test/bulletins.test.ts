import { Samples } from "@gongjian/policies"
import * as Cadence from "@gongjian/reports/Cadence"
import { describe, expect, it } from "vitest"
import { info } from "../src/internal/bulletins.js"
import { type BackEnd, backEnds, campaign, type Json, passwords, serve } from "./harness.js"

const base = `/api/campaigns/${campaign}`
const roles = Object.keys(passwords) as Array<keyof typeof passwords>

describe.each(backEnds())("bulletins and wall charts on $name", (backEnd: BackEnd) => {
  const { client, as } = serve(backEnd)

  it("lists the half-monthly bulletins of 002's window, newest first, numbered 第1期 to 第4期", async () => {
    // 002 四.3 半月一通报; the window is 2026-08-01 … 2026-09-30 and the as-of date past it.
    const r = await (await as("leader")).get(`${base}/bulletins`)
    expect(r.status).toBe(200)
    expect(r.json.map((b: Json) => [b.period, b.number, b.start, b.end])).toEqual([
      ["2026-09-H2", 4, "2026-09-16", "2026-09-30"],
      ["2026-09-H1", 3, "2026-09-01", "2026-09-15"],
      ["2026-08-H2", 2, "2026-08-16", "2026-08-31"],
      ["2026-08-H1", 1, "2026-08-01", "2026-08-15"]
    ])
    expect(r.json[0].name).toEqual({ zh: "2026年9月下半月", en: "second half of September 2026" })
  })

  it("every role reads a bulletin as HTML and Markdown, with the ranking as of the period's end", async () => {
    for (const name of roles) {
      const c = await as(name)
      const html = await c.get(`${base}/bulletins/2026-09-H2.html`)
      expect(html.status, name).toBe(200)
      expect(html.headers.get("content-type")).toMatch(/^text\/html/)
      expect(html.text).toContain("<h1>招商引资集中攻坚工作通报（第4期）</h1>")
      const md = await c.get(`${base}/bulletins/2026-09-H2.md`)
      expect(md.status, name).toBe(200)
      expect(md.headers.get("content-type")).toMatch(/^text\/markdown/)
      // The towns, streets and parks ranked by the policy run as of 2026-09-30,
      // the figures `gongjian bulletin --period 2026-09-H2` prints for the sample.
      for (const line of [
        "| 1 | 甲镇 | 28 |",
        "| 2 | 乙街道 | 14 |",
        "| 3 | 丙园区 | 11 |",
        "| 4 | 丁镇 | 1 |"
      ])
        expect(md.text).toContain(line)
    }
    const en = await (await as("admin")).get(`${base}/bulletins/2026-09-H2.html?lang=en`)
    expect(en.text).toContain('<html lang="en">')
  })

  it("a correction shows in the next read of the bulletin", async () => {
    const c = await as("reporter-d")
    const d3 = (await c.get(`${base}/projects/D3`)).json.project
    const put = await c.put(`${base}/projects/D3`, {
      value: {
        ...d3,
        flags: ["signed-at-fair"],
        events: [...d3.events, { type: "signed", date: "2026-08-15" }]
      },
      reason: "8月15日投洽会已签约，漏报"
    })
    expect(put.status).toBe(200)
    // 丁镇 1 + 5 (002 二: one of two fair signings, 10 × 1/2) + 2 (002 四.4 fair bonus) = 8.
    const md = (await c.get(`${base}/bulletins/2026-09-H2.md`)).text
    expect(md).toContain("| 丁镇 | 8 |")
  })

  it("counts the ranking's moves and the corrections from the previous bulletin recorded as issued", async () => {
    const admin = await as("admin")
    // The bulletin of 2026-08-H2 recorded as issued (Bulletin.record): dated
    // 08-31; no bulletin is recorded for 2026-09-H1.
    const issued = await admin.put(`${base}/activities/bulletin-2026-08-H2`, {
      value: {
        id: "bulletin-2026-08-H2",
        kind: "bulletin",
        unit: "district",
        date: "2026-08-31",
        note: "第2期（2026-08-H2）"
      },
      reason: "通报印发"
    })
    expect(issued.status).toBe(200)
    // The correction must come after the issue in time: the in-memory store
    // takes the server's clock, which moves by the millisecond.
    while (Date.now() <= Date.parse(issued.json.at) + 1) await new Promise((r) => setTimeout(r, 2))
    const reporter = await as("reporter-d")
    const d3 = (await reporter.get(`${base}/projects/D3`)).json.project
    const reason = "8月15日投洽会已签约，漏报"
    const put = await reporter.put(`${base}/projects/D3`, {
      value: {
        ...d3,
        flags: ["signed-at-fair"],
        events: [...d3.events, { type: "signed", date: "2026-08-15" }]
      },
      reason
    })
    expect(put.status).toBe(200)
    const md = (await admin.get(`${base}/bulletins/2026-09-H2.md`)).text
    // Its previous bulletin is the one recorded (08-31), not the previous
    // period's (09-15).
    expect(md).toContain("上期通报：2026-08-31")
    // The moves count from 08-31 on the campaign as known when that bulletin
    // was issued, before the correction: 甲镇 18 (1st), 乙街道 16 (2nd), 丁镇 1
    // and 丙园区 1 (3rd, tied). Now, as of 09-30 with the correction: 甲镇 28,
    // 乙街道 14, 丙园区 11, 丁镇 1 + 5 (002 二, one of two fair signings,
    // 10 × 1/2) + 2 (002 四.4 fair bonus) = 8. So 丙园区 3 → 3 (—) and 丁镇
    // 3 → 4 (↓1). (Counted from 09-15 both would read —; counted from the
    // corrected campaign at 08-31, 丁镇 8 would be 3rd and 丙园区 4th: ↑1.)
    for (const line of [
      "| 1 | 甲镇 | 28 | — |",
      "| 2 | 乙街道 | 14 | — |",
      "| 3 | 丙园区 | 11 | — |",
      "| 4 | 丁镇 | 8 | ↓1 |"
    ])
      expect(md).toContain(line)
    // The correction filed since the issue is listed, with its reason.
    const corrections = md.slice(md.indexOf("## 上期以来数据更正"))
    expect(corrections).toMatch(/\| project D3 \| flags \|/)
    expect(corrections).toContain(reason)
    // The issued bulletin itself reads as it was issued: 丁镇 still 1.
    const own = (await admin.get(`${base}/bulletins/2026-08-H2.md`)).text
    expect(own).toContain("| 3 | 丁镇 | 1 |")
    expect(own).not.toContain("project D3")
  })

  it("answers 404 for a period that is not one of the campaign's bulletins, and 401 without a session", async () => {
    const c = await as("admin")
    for (const period of ["2026-10-H1", "2026-07-H2", "2026-09", "nonsense"])
      expect((await c.get(`${base}/bulletins/${period}.html`)).status, period).toBe(404)
    expect((await client().get(`${base}/bulletins`)).status).toBe(401)
    expect((await client().get(`${base}/bulletins/2026-09-H2.html`)).status).toBe(401)
    expect((await client().get(`${base}/charts/ranking.svg`)).status).toBe(401)
  })

  it("every role reads the four wall charts as SVG", async () => {
    for (const name of roles) {
      const c = await as(name)
      for (const kind of ["gantt", "progress", "ranking", "heatmap"]) {
        const r = await c.get(`${base}/charts/${kind}.svg`)
        expect(r.status, `${name} ${kind}`).toBe(200)
        expect(r.headers.get("content-type")).toMatch(/^image\/svg\+xml/)
        expect(r.text).toMatch(/^<svg /)
      }
    }
    const c = await as("auditor")
    const ranking = (await c.get(`${base}/charts/ranking.svg`)).text
    for (const unit of ["1. 甲镇", "2. 乙街道", "3. 丙园区", "4. 丁镇"])
      expect(ranking).toContain(unit)
    expect((await c.get(`${base}/charts/pie.svg`)).status).toBe(400)
  })

  it("nothing writes: a write to a bulletin or chart is not a route, and changes nothing", async () => {
    const c = await as("admin")
    const before = (await c.get(`${base}/bulletins/2026-09-H2.md`)).text
    for (const [method, path] of [
      ["PUT", `${base}/bulletins/2026-09-H2.html`],
      ["POST", `${base}/bulletins`],
      ["DELETE", `${base}/bulletins/2026-09-H2.md`],
      ["PUT", `${base}/charts/ranking.svg`]
    ] as const)
      expect((await c.request(method, path, {})).status, `${method} ${path}`).toBe(404)
    expect((await c.get(`${base}/bulletins/2026-09-H2.md`)).text).toBe(before)
  })

  it("script and formula text in a unit's name is escaped in the bulletin and the charts", async () => {
    const admin = await as("admin")
    const units = (await admin.get(`${base}/units`)).json
    const townA = units.find((u: Json) => u.id === "town-a")
    const name = '<script>alert(1)</script>=HYPERLINK("http://example.invalid")'
    expect(
      (await admin.put(`${base}/units/town-a`, { value: { ...townA, name }, reason: "test" }))
        .status
    ).toBe(200)
    const html = (await admin.get(`${base}/bulletins/2026-09-H2.html`)).text
    expect(html).not.toContain("<script>")
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;")
    const md = (await admin.get(`${base}/bulletins/2026-09-H2.md`)).text
    expect(md).not.toContain("<script>")
    for (const kind of ["ranking", "progress", "heatmap"]) {
      const svg = (await admin.get(`${base}/charts/${kind}.svg`)).text
      expect(svg, kind).not.toContain("<script")
      expect(svg, kind).toContain("&lt;script&gt;")
    }
  })

  it("lists bulletins and charts in the OpenAPI document", async () => {
    const paths = Object.keys((await client().get("/api/openapi.json")).json.paths)
    for (const p of [
      "/api/campaigns/{campaign}/bulletins",
      "/api/campaigns/{campaign}/bulletins/{period}.html",
      "/api/campaigns/{campaign}/bulletins/{period}.md",
      "/api/campaigns/{campaign}/charts/{kind}.svg"
    ])
      expect(paths).toContain(p)
  })
})

describe("the bulletin list of a campaign", () => {
  it("numbers a campaign's bulletins as the bulletins do, and a campaign without a reporting cadence not at all", () => {
    // 002 半月一通报 from 08-01: 09-H2 is 第4期. 000 has cadence []: its bulletins carry no number.
    const drive = Samples.load("002-investment-drive")
    expect(info({ snapshot: drive }, Cadence.parsePeriod("2026-09-H2")!).number).toBe(4)
    const hundred = Samples.load("000-hundred-days")
    expect(hundred.campaign.cadence).toEqual([])
    const listed = info({ snapshot: hundred }, Cadence.parsePeriod("2026-05-H2")!)
    expect(listed).not.toHaveProperty("number")
    expect(listed.period).toBe("2026-05-H2")
  })
})
