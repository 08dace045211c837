import { describe, expect, it } from "vitest"
import { type BackEnd, backEnds, type Client, campaign, type Json, serve } from "./harness.js"

const base = `/api/campaigns/${campaign}`

// 外出招商活动登记表 (002 三.1) as a county office saves it: three trips of 丁镇's
// principal, one row with an impossible date, script and formula text in cells.
const trips = [
  "登记编号,单位,出发日期,带队领导,领导类别,目的地,对接项目编号,备注",
  'TD-P-1,丁镇,2026-08-05,丁镇长,主要负责人,"<img src=x onerror=alert(1)>",,"=HYPERLINK(""http://example.invalid"",""点我"")"',
  "TD-P-2,丁镇,2026-08-12,丁镇长,主要负责人,杭州,,",
  "TD-P-3,丁镇,2026-08-26,丁镇长,主要负责人,南京,,",
  "TD-P-4,丁镇,2026.2.30,丁镇长,主要负责人,南京,,"
].join("\r\n")

describe.each(backEnds())("uploads on $name", (backEnd: BackEnd) => {
  const { as } = serve(backEnd)
  const upload = (c: Client, body: string, template = "outbound-trips") =>
    c.request(
      "POST",
      `${base}/uploads?template=${template}&file=trips.csv`,
      undefined,
      { "content-type": "application/octet-stream" },
      new TextEncoder().encode(body)
    )

  it("a reporter uploads its unit's trips: every row reported, the accepted ones written, the ranking moves", async () => {
    const c = await as("reporter-d")
    const r = await upload(c, trips)
    expect(r.status).toBe(200)
    expect(r.json.report.counts).toMatchObject({ accepted: 3, rejected: 1 })
    const rejected = r.json.report.rows.find((row: Json) => row.status === "rejected")
    expect(rejected.row).toBe(5)
    expect(rejected.problems[0]).toMatchObject({ cell: "C5", field: "date" })
    expect(r.json.written.map((w: Json) => [w.kind, w.id, w.who, w.why])).toEqual([
      ["activity", "TD-P-1", "reporter-d", "上传台账 trips.csv（外出招商活动登记表）"],
      ["activity", "TD-P-2", "reporter-d", "上传台账 trips.csv（外出招商活动登记表）"],
      ["activity", "TD-P-3", "reporter-d", "上传台账 trips.csv（外出招商活动登记表）"]
    ])
    // 丁镇 had 1: 4 (key starts) + 3 (trips item) − 6 (002 四.4: 3 principal trips missing,
    // each deducting twice its value 1). With 3 of 3 trips nothing is deducted: 4 + 3 = 7,
    // past 丙园区's 5.
    const ranking = (await c.get(`${base}/assessment`)).json.ranking
    const row = (unit: string) => ranking.find((x: Json) => x.unit === unit)
    expect([row("town-d").rank, row("town-d").total]).toEqual([3, "7"])
    expect([row("park-c").rank, row("park-c").total]).toEqual([4, "5"])
  })

  it("script and formula text comes back as text in JSON and neutralised in the CSV export", async () => {
    const c = await as("reporter-d")
    expect((await upload(c, trips)).status).toBe(200)
    const activity = (await c.get(`${base}/activities`)).json.find((a: Json) => a.id === "TD-P-1")
    expect(activity.where).toBe("<img src=x onerror=alert(1)>")
    expect(activity.note).toBe('=HYPERLINK("http://example.invalid","点我")')
    const csv = await c.get(`${base}/activities.csv`)
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/)
    const line = csv.text.split("\r\n").find((l) => l.startsWith("TD-P-1,"))!
    expect(line).toContain(`"'=HYPERLINK(""http://example.invalid"",""点我"")"`)
    // A reporter's export holds only its own unit's activities.
    expect(
      csv.text
        .split("\r\n")
        .slice(1)
        .filter(Boolean)
        .every((l) => l.split(",")[2] === "town-d")
    ).toBe(true)
  })

  it("refuses rows of another unit with 403 and writes nothing", async () => {
    const c = await as("reporter-a")
    const before = (await c.get(`${base}/activities`)).json
    const r = await upload(c, trips)
    expect(r.status).toBe(403)
    expect(r.json.message).toContain("activity TD-P-1")
    const admin = await as("admin")
    const ids = (await admin.get(`${base}/activities`)).json.map((a: Json) => a.id)
    expect(ids.some((id: string) => id.startsWith("TD-P-"))).toBe(false)
    expect((await c.get(`${base}/activities`)).json).toEqual(before)
  })

  it("a leader does not upload; an unknown template is a 422 naming the templates", async () => {
    expect((await upload(await as("leader"), trips)).status).toBe(403)
    const r = await upload(await as("admin"), trips, "no-such-form")
    expect(r.status).toBe(422)
    expect(r.json.problems[0].code).toBe("unknown-template")
    expect(r.json.message).toContain("outbound-trips")
  })
})
