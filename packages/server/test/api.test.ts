import { Samples } from "@gongjian/policies"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import { type BackEnd, backEnds, campaign, type Json, passwords, serve } from "./harness.js"

const base = `/api/campaigns/${campaign}`
const sample = Samples.load("002-investment-drive")

describe.each(backEnds())("the API on $name", (backEnd: BackEnd) => {
  const { client, as } = serve(backEnd)

  describe("sessions", () => {
    it("signs in with the right password, sets an HttpOnly SameSite=Strict cookie and returns a CSRF token", async () => {
      const c = client()
      const r = await c.login("reporter-a")
      const cookie = r.headers.get("set-cookie") ?? ""
      expect(cookie).toMatch(/^gongjian_session=[A-Za-z0-9_-]{40,};/)
      expect(cookie).toMatch(/HttpOnly/i)
      expect(cookie).toMatch(/SameSite=Strict/i)
      expect(cookie).toMatch(/Path=\//)
      expect(r.json.user).toEqual({
        name: "reporter-a",
        displayName: "甲镇填报员",
        role: "reporter",
        unit: "town-a"
      })
      expect(r.json.csrf).toMatch(/^[A-Za-z0-9_-]{40,}$/)
      const me = await c.get("/api/session")
      expect(me.status).toBe(200)
      expect(me.json.csrf).toBe(r.json.csrf)
    })

    it("refuses a wrong password and an unknown account alike, with 401", async () => {
      const c = client()
      const wrong = await c.request("POST", "/api/session", { name: "admin", password: "nope" })
      const unknown = await c.request("POST", "/api/session", { name: "ghost", password: "nope" })
      expect([wrong.status, unknown.status]).toEqual([401, 401])
      expect(wrong.json.message).toBe(unknown.json.message)
      expect(c.cookie).toBe("")
    })

    it("blocks an account after 3 failed sign-ins with 429, even with the right password then", async () => {
      const c = client("198.51.100.1")
      for (let i = 0; i < 3; i++)
        expect(
          (await c.request("POST", "/api/session", { name: "admin", password: "x" })).status
        ).toBe(401)
      const blocked = await client("198.51.100.2").request("POST", "/api/session", {
        name: "admin",
        password: passwords.admin
      })
      expect(blocked.status).toBe(429)
      expect(blocked.json.retryAfterSeconds).toBeGreaterThan(0)
      // Another account is not blocked from another address.
      expect((await as("leader")).csrf).not.toBe("")
    })

    it("answers 401 without a session and after signing out", async () => {
      const anonymous = client()
      expect((await anonymous.get(`${base}/projects`)).status).toBe(401)
      const c = await as("leader")
      const cookie = c.cookie
      expect((await c.delete("/api/session")).status).toBe(204)
      const stale = client()
      stale.cookie = cookie
      expect((await stale.get(`${base}/projects`)).status).toBe(401)
    })

    it("refuses a change without the session's CSRF token with 403, and changes nothing", async () => {
      const c = await as("admin")
      const before = (await c.get(`${base}/history/project/A2`)).json
      const value = (await c.get(`${base}/projects/A2`)).json.project
      const csrf = c.csrf
      c.csrf = ""
      const missing = await c.put(`${base}/projects/A2`, {
        value: { ...value, name: "x" },
        reason: "r"
      })
      c.csrf = `${csrf.slice(0, -2)}AA`
      const wrong = await c.put(`${base}/projects/A2`, {
        value: { ...value, name: "x" },
        reason: "r"
      })
      expect([missing.status, wrong.status]).toEqual([403, 403])
      c.csrf = csrf
      expect((await c.get(`${base}/history/project/A2`)).json).toEqual(before)
    })
  })

  describe("roles", () => {
    it("a reporter files a correction of its own unit's project: who, when and why are kept", async () => {
      const c = await as("reporter-a")
      const { project } = (await c.get(`${base}/projects/A2`)).json
      const r = await c.put(`${base}/projects/A2`, {
        value: { ...project, name: `${project.name}（更正）` },
        reason: "项目名称录入有误"
      })
      expect(r.status).toBe(200)
      expect(r.json).toMatchObject({
        kind: "project",
        id: "A2",
        revision: 2,
        who: "reporter-a",
        why: "项目名称录入有误"
      })
      expect(Number.isNaN(Date.parse(r.json.at))).toBe(false)
      const history = (await c.get(`${base}/history/project/A2`)).json
      expect(history.map((h: Json) => [h.revision, h.who, h.why])).toEqual([
        [1, "seed", "sample county"],
        [2, "reporter-a", "项目名称录入有误"]
      ])
      expect(history[1].value.name).toBe(`${project.name}（更正）`)
    })

    it("a reporter writing another unit's record gets 403 and nothing changes", async () => {
      const admin = await as("admin")
      const before = {
        history: (await admin.get(`${base}/history/project/B1`)).json,
        projects: (await admin.get(`${base}/projects`)).json,
        assessment: (await admin.get(`${base}/assessment`)).json
      }
      const c = await as("reporter-a")
      const b1 = before.projects.find((p: Json) => p.project.id === "B1").project
      const a1 = before.projects.find((p: Json) => p.project.id === "A1").project
      const attempts = [
        // street-b's project, as it is
        c.put(`${base}/projects/B1`, { value: { ...b1, name: "x" }, reason: "r" }),
        // street-b's project, claimed for town-a
        c.put(`${base}/projects/B1`, { value: { ...b1, unit: "town-a" }, reason: "r" }),
        // a new project filed under street-b
        c.put(`${base}/projects/NEW`, { value: { ...b1, id: "NEW" }, reason: "r" }),
        // its own project handed to street-b
        c.put(`${base}/projects/A1`, { value: { ...a1, unit: "street-b" }, reason: "r" }),
        // withdrawing street-b's project
        c.delete(`${base}/projects/B1`, { reason: "r" }),
        // a unit record
        c.put(`${base}/units/town-a`, {
          value: { id: "town-a", name: "甲镇", kind: "town", parent: "district" },
          reason: "r"
        })
      ]
      const statuses = (await Promise.all(attempts)).map((r) => r.status)
      expect(statuses).toEqual([403, 403, 403, 403, 403, 403])
      expect((await admin.get(`${base}/history/project/B1`)).json).toEqual(before.history)
      expect((await admin.get(`${base}/history/project/A1`)).json).toHaveLength(1)
      expect((await admin.get(`${base}/projects`)).json).toEqual(before.projects)
      expect((await admin.get(`${base}/assessment`)).json).toEqual(before.assessment)
    })

    it("a reporter reads only its own unit's records", async () => {
      const c = await as("reporter-a")
      const projects = (await c.get(`${base}/projects`)).json
      expect(projects.length).toBe(sample.projects.filter((p) => p.unit === "town-a").length)
      expect(new Set(projects.map((p: Json) => p.project.unit))).toEqual(new Set(["town-a"]))
      expect((await c.get(`${base}/projects/B1`)).status).toBe(403)
      expect((await c.get(`${base}/history/project/B1`)).status).toBe(403)
      expect((await c.get(`${base}/assessment/units/street-b`)).status).toBe(403)
      const activities = (await c.get(`${base}/activities`)).json
      expect(activities.length).toBeGreaterThan(0)
      expect(activities.every((a: Json) => a.unit === "town-a")).toBe(true)
      const view = (await c.get(`${base}/assessment`)).json
      const findings = view.findings
      expect(findings.every((f: Json) => f.unit === "town-a")).toBe(true)
      // Percentages as the bulletins write them: one decimal, completion and 序时进度 alike.
      for (const row of view.progress as Array<Json>)
        expect([row.completion, row.expectedPercent]).toEqual([
          expect.stringMatching(/^\d+\.\d%$/),
          expect.stringMatching(/^\d+\.\d%$/)
        ])
    })

    it("names the whole area as the root unit does: 全区 for 示范区, 全县 once it is renamed a county", async () => {
      const c = await as("admin")
      const view = (await c.get(`${base}/assessment`)).json
      // 002's area-wide targets (年度目标任务 and its 80%) have rows without a unit.
      expect(view.progress.some((r: Json) => r.unit === null)).toBe(true)
      expect(view.area).toEqual({ zh: "全区", en: "whole district" })
      const root = (await c.get(`${base}/units`)).json.find((u: Json) => u.parent === undefined)
      expect(root.id).toBe("district")
      const r = await c.put(`${base}/units/district`, {
        value: { ...root, name: "示范县人民政府" },
        reason: "撤区设县"
      })
      expect(r.status).toBe(200)
      expect((await c.get(`${base}/assessment`)).json.area).toEqual({
        zh: "全县",
        en: "whole county"
      })
    })

    it("a leader reads everything and writes nothing", async () => {
      const c = await as("leader")
      const projects = (await c.get(`${base}/projects`)).json
      expect(projects.length).toBe(sample.projects.length)
      const a1 = projects.find((p: Json) => p.project.id === "A1").project
      expect((await c.put(`${base}/projects/A1`, { value: a1, reason: "r" })).status).toBe(403)
      expect((await c.post(`${base}/assessments`)).status).toBe(403)
      expect((await c.get(`${base}/history/project/A1`)).status).toBe(403)
      expect((await c.get(`${base}/assessment/units/street-b`)).status).toBe(200)
    })

    it("an auditor reads the history of any record and writes nothing", async () => {
      const c = await as("auditor")
      expect((await c.get(`${base}/history/project/B1`)).status).toBe(200)
      expect((await c.get(`${base}/history/unit/town-a`)).status).toBe(200)
      const b1 = (await c.get(`${base}/projects/B1`)).json.project
      expect((await c.put(`${base}/projects/B1`, { value: b1, reason: "r" })).status).toBe(403)
    })

    it("no role escalation: only the administrator manages accounts, and a session's role is the account's", async () => {
      const reporter = await as("reporter-a")
      const escalate = await reporter.post("/api/accounts", {
        name: "mallory",
        displayName: "M",
        role: "admin",
        password: "a-long-password"
      })
      expect(escalate.status).toBe(403)
      expect((await reporter.get("/api/accounts")).status).toBe(403)
      // Extra fields at sign-in do not change the role.
      const c = client()
      const r = await c.request("POST", "/api/session", {
        name: "reporter-a",
        password: passwords["reporter-a"],
        role: "admin"
      })
      expect(r.status).toBe(200)
      expect(r.json.user.role).toBe("reporter")
      const admin = await as("admin")
      const names = (await admin.get("/api/accounts")).json.map((a: Json) => a.name)
      expect(names).not.toContain("mallory")
      // The administrator creates a leader, who still cannot write.
      const created = await admin.post("/api/accounts", {
        name: "leader2",
        displayName: "副县长",
        role: "leader",
        password: "leader2-password"
      })
      expect(created.status).toBe(200)
      const l2 = client()
      expect(
        (
          await l2.request("POST", "/api/session", {
            name: "leader2",
            password: "leader2-password"
          })
        ).status
      ).toBe(200)
    })
  })

  describe("writes", () => {
    it("rejects a record that would make the campaign invalid with 422, naming the record and field, and writes nothing", async () => {
      const c = await as("admin")
      const a1 = (await c.get(`${base}/projects/A1`)).json.project
      const r = await c.put(`${base}/projects/A1`, {
        value: { ...a1, unit: "nowhere" },
        reason: "r"
      })
      expect(r.status).toBe(422)
      expect(r.json.problems).toContainEqual(
        expect.objectContaining({ record: "project A1", field: "unit", code: "unknown-unit" })
      )
      expect((await c.get(`${base}/history/project/A1`)).json).toHaveLength(1)
    })

    it("keeps the references between records: a project an activity names cannot be withdrawn, an activity cannot name a missing project", async () => {
      const c = await as("admin")
      // 招商推介 FS-A1 names A1 and A2.
      const withdraw = await c.delete(`${base}/projects/A2`, { reason: "r" })
      expect(withdraw.status).toBe(422)
      expect(withdraw.json.problems).toContainEqual(
        expect.objectContaining({ record: "activity FS-A1", code: "unknown-project" })
      )
      expect((await c.get(`${base}/history/project/A2`)).json).toHaveLength(1)
      const fs = (await c.get(`${base}/activities`)).json.find((a: Json) => a.id === "FS-A1")
      const named = await c.put(`${base}/activities/FS-A1`, {
        value: { ...fs, projects: ["A1", "NOPE"] },
        reason: "r"
      })
      expect(named.status).toBe(422)
      expect(named.json.problems).toContainEqual(
        expect.objectContaining({ record: "activity FS-A1", code: "unknown-project" })
      )
      // A project no activity names is withdrawn; a unit with projects is not.
      expect((await c.delete(`${base}/projects/D7`, { reason: "重复录入" })).status).toBe(200)
      const unit = await c.delete(`${base}/units/town-d`, { reason: "r" })
      expect(unit.status).toBe(422)
      expect(unit.json.problems).toContainEqual(
        expect.objectContaining({ code: "unknown-unit", field: "unit" })
      )
    })

    it("concurrent writers neither lose nor duplicate a record, and a record's revisions stay numbered one by one", async () => {
      const writers = [
        [await as("reporter-a"), "town-a"],
        [await as("reporter-b"), "street-b"],
        [await as("reporter-d"), "town-d"],
        [await as("admin"), "park-c"]
      ] as const
      const expected = writers.flatMap((_, i) => Array.from({ length: 8 }, (_, n) => `C-${i}-${n}`))
      const admin = writers[3][0]
      const a2 = (await admin.get(`${base}/projects/A2`)).json.project
      const replies = await Promise.all([
        ...writers.flatMap(([c, unit], i) =>
          Array.from({ length: 8 }, (_, n) =>
            c.put(`${base}/activities/C-${i}-${n}`, {
              value: {
                id: `C-${i}-${n}`,
                kind: "outbound-trip",
                unit,
                role: "principal",
                date: "2026-09-01"
              },
              reason: "同时上报"
            })
          )
        ),
        // Six corrections of one project at once.
        ...Array.from({ length: 6 }, (_, n) =>
          admin.put(`${base}/projects/A2`, {
            value: { ...a2, name: `${a2.name}（第${n}次更正）` },
            reason: `更正 ${n}`
          })
        )
      ])
      expect(replies.map((r) => r.status)).toEqual(replies.map(() => 200))
      const stored = (await admin.get(`${base}/activities`)).json
        .map((a: Json) => a.id)
        .filter((id: string) => id.startsWith("C-"))
      expect([...stored].sort()).toEqual([...expected].sort())
      const history = (await admin.get(`${base}/history/project/A2`)).json
      expect(history.map((h: Json) => h.revision)).toEqual([1, 2, 3, 4, 5, 6, 7])
      expect(
        history
          .slice(1)
          .map((h: Json) => h.why)
          .sort()
      ).toEqual(Array.from({ length: 6 }, (_, n) => `更正 ${n}`))
    })

    it("rejects a write without a reason, and a body over the size limit with 413 PayloadTooLarge", async () => {
      const c = await as("admin")
      const a1 = (await c.get(`${base}/projects/A1`)).json.project
      expect((await c.put(`${base}/projects/A1`, { value: a1, reason: "" })).status).toBe(400)
      const body = new TextEncoder().encode(
        JSON.stringify({ value: { ...a1, name: "x".repeat(70_000) }, reason: "r" })
      )
      // Sent without its length, the body is cut off while read (the harness's
      // limit is 64 KiB).
      const big = await c.request(
        "PUT",
        `${base}/projects/A1`,
        undefined,
        { "content-type": "application/json" },
        body
      )
      expect(big.status).toBe(413)
      expect(big.json).toMatchObject({ _tag: "PayloadTooLarge", limit: 65_536, size: null })
      // With its length declared, it is refused before it is read.
      const declared = await c.request(
        "PUT",
        `${base}/projects/A1`,
        undefined,
        { "content-type": "application/json", "content-length": String(body.length) },
        body
      )
      expect(declared.status).toBe(413)
      expect(declared.json).toMatchObject({
        _tag: "PayloadTooLarge",
        limit: 65_536,
        size: body.length
      })
      expect((await c.get(`${base}/history/project/A1`)).json).toHaveLength(1)
      // The OpenAPI document lists the 413 with its schema.
      const doc = (await client().get("/api/openapi.json")).json
      const ref = doc.paths["/api/campaigns/{campaign}/projects/{id}"].put.responses["413"]
      expect(JSON.stringify(ref)).toContain("PayloadTooLarge")
      expect(doc.components.schemas.PayloadTooLargeEncoded.properties).toMatchObject({
        limit: { type: "integer" }
      })
    })

    it("answers a request that does not fit the schema with 400 BadRequest, naming the record, the field and the code", async () => {
      const c = await as("admin")
      const a1 = (await c.get(`${base}/projects/A1`)).json.project
      const { unit: _, ...noUnit } = a1
      const problemsOf = (r: Json) =>
        r.json.problems.map((p: Json) => [p.path, p.record, p.field, p.code])
      // A project without its unit, and the reason empty.
      const missing = await c.put(`${base}/projects/A1`, { value: noUnit, reason: "" })
      expect(missing.status).toBe(400)
      expect(missing.json._tag).toBe("BadRequest")
      expect(problemsOf(missing)).toEqual(
        expect.arrayContaining([
          ["body.value.unit", "project A1", "unit", "missing-key"],
          ["body.reason", "project A1", "reason", "filter"]
        ])
      )
      // A field of the wrong type in an activity.
      const trip = { id: "T-9", kind: "outbound-trip", unit: "town-a", date: 20260901 }
      const wrong = await c.put(`${base}/activities/T-9`, { value: trip, reason: "上报" })
      expect(wrong.status).toBe(400)
      expect(problemsOf(wrong)).toEqual([
        ["body.value.date", "activity T-9", "date", "invalid-type"]
      ])
      // A body that is not JSON at all.
      const raw = await c.request(
        "PUT",
        `${base}/projects/A1`,
        undefined,
        { "content-type": "application/json" },
        new TextEncoder().encode("{not json")
      )
      expect(raw.status).toBe(400)
      expect(problemsOf(raw)).toEqual([["body", "project A1", "body", "invalid-value"]])
      // A path parameter that is not one of those allowed.
      const pie = await c.get(`${base}/charts/pie.svg`)
      expect(pie.status).toBe(400)
      expect(problemsOf(pie)).toEqual([["params.kind", null, "kind", "any-of"]])
      // Nothing was written, and the error is in the OpenAPI document.
      expect((await c.get(`${base}/history/project/A1`)).json).toHaveLength(1)
      expect((await c.get(`${base}/history/activity/T-9`)).status).toBe(404)
      const doc = (await client().get("/api/openapi.json")).json
      expect(
        JSON.stringify(doc.paths["/api/campaigns/{campaign}/projects/{id}"].put.responses["400"])
      ).toContain("BadRequest")
    })

    it("a correction moves the ranking: 丁镇's 乡村旅游 signed at the fair takes it past 丙园区", async () => {
      const c = await as("reporter-d")
      const rank = async () =>
        Object.fromEntries(
          (await c.get(`${base}/assessment`)).json.ranking
            .filter((r: Json) => r.unit === "town-d" || r.unit === "park-c")
            .map((r: Json) => [r.unit, [r.rank, r.total]])
        )
      expect(await rank()).toEqual({ "town-d": [4, "1"], "park-c": [3, "5"] })
      const d3 = (await c.get(`${base}/projects/D3`)).json.project
      const r = await c.put(`${base}/projects/D3`, {
        value: {
          ...d3,
          flags: ["signed-at-fair"],
          events: [...d3.events, { type: "signed", date: "2026-08-15" }]
        },
        reason: "8月15日投洽会已签约，漏报"
      })
      expect(r.status).toBe(200)
      // 丁镇 had 1 (4 key-starts + 3 trips − 6 for 3 missing trips). Now 002 二 fair-signings
      // 10 × min(1/2, 1) = 5 and 002 四.4 fair bonus +2 (signed at the fair, 1亿元 ≥ 1亿元):
      // 1 + 5 + 2 = 8, above 丙园区's 5 (5 + 5 − 8 + 3).
      expect(await rank()).toEqual({ "town-d": [3, "8"], "park-c": [4, "5"] })
      const e = (await c.get(`${base}/assessment/units/town-d`)).json
      expect(e.lines).toContainEqual(
        expect.objectContaining({
          item: "fair-signings",
          clause: "002 二",
          points: "5",
          arithmetic: "10 × min(0.5, 1) = 5"
        })
      )
      expect(e.lines).toContainEqual(
        expect.objectContaining({ item: "fair-bonus", clause: "002 四.4", points: "2" })
      )
      // Each line names its item by its title, in both languages, not by its id.
      for (const l of e.lines as Array<{ item: string; title: { zh: string; en: string } }>)
        expect([l.title.zh === l.item, l.title.en.length > 0]).toEqual([false, true])
    })

    it("withdraws a record with a reason; its history keeps every revision", async () => {
      const c = await as("admin")
      const r = await c.delete(`${base}/projects/D7`, { reason: "重复录入" })
      expect(r.status).toBe(200)
      expect(r.json).toMatchObject({ revision: 2, value: null, why: "重复录入" })
      expect((await c.get(`${base}/projects/D7`)).status).toBe(404)
      expect((await c.get(`${base}/history/project/D7`)).json.map((h: Json) => h.revision)).toEqual(
        [1, 2]
      )
    })

    it("records assessment runs by the administrator", async () => {
      const c = await as("admin")
      const run = await c.post(`${base}/assessments`)
      expect(run.status).toBe(200)
      expect(run.json).toMatchObject({ id: 1, who: "admin" })
      expect((await c.get(`${base}/assessments`)).json).toEqual([run.json])
    })

    it("gives every time to the microsecond in UTC, on every back end: revisions and runs alike", async () => {
      const c = await as("admin")
      const micro = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/
      const a1 = (await c.get(`${base}/projects/A1`)).json.project
      const put = await c.put(`${base}/projects/A1`, {
        value: { ...a1, name: "更名" },
        reason: "名称更正"
      })
      expect(put.status).toBe(200)
      expect(put.json.at).toMatch(micro)
      const history = (await c.get(`${base}/history/project/A1`)).json
      expect(history).toHaveLength(2)
      for (const r of history) expect(r.at).toMatch(micro)
      expect((await c.post(`${base}/assessments`)).json.at).toMatch(micro)
    })
  })

  describe("outputs", () => {
    it("neutralises formula and script text in the ranking CSV, and keeps it as text in JSON", async () => {
      const c = await as("admin")
      const units = (await c.get(`${base}/units`)).json
      const townA = units.find((u: Json) => u.id === "town-a")
      const name = '=HYPERLINK("http://example.invalid","点我")<script>alert(1)</script>'
      expect(
        (await c.put(`${base}/units/town-a`, { value: { ...townA, name }, reason: "test" })).status
      ).toBe(200)
      const csv = await c.get(`${base}/assessment/ranking.csv`)
      expect(csv.headers.get("content-type")).toMatch(/^text\/csv/)
      const line = csv.text.split("\r\n").find((l) => l.includes("town-a"))!
      expect(line).toContain(
        `"'=HYPERLINK(""http://example.invalid"",""点我"")<script>alert(1)</script>"`
      )
      expect(csv.text.split("\r\n").every((l) => !/(^|,)[=+\-@]/.test(l))).toBe(true)
      const ranking = (await c.get(`${base}/assessment`)).json.ranking
      expect(ranking.find((r: Json) => r.unit === "town-a").name).toBe(name)
    })

    it("shows the verdicts not given yet (待定): the tier, its due date and whether the unit is at risk", async () => {
      // 002 四.4 commends a unit that meets its annual task (年度目标任务) and
      // criticises one that misses it, judged at the task's due date 2026-12-31.
      // As of 2026-10-15 序时进度 is 288/365 = 0.789: 乙街道 has signed 16.9亿 of
      // its 20亿 (0.845, ahead), 丁镇 none of its 10亿 (0, red: at risk).
      // Neither is commended nor criticised yet; 甲镇 has met its 15亿: commended.
      const c = await as("leader")
      const ranking = (await c.get(`${base}/assessment`)).json.ranking
      const row = (unit: string) => ranking.find((r: Json) => r.unit === unit)
      const verdicts = (r: Json) =>
        r.pending.map((p: Json) => [p.rule, p.kind, p.due, p.atRisk, p.title.zh])
      expect(verdicts(row("town-d"))).toEqual([
        ["commended", "tier", "2026-12-31", true, "通报表扬"],
        ["criticised", "tier", "2026-12-31", true, "通报批评"]
      ])
      expect(row("town-d").tiers).toEqual([])
      expect(verdicts(row("street-b"))).toEqual([
        ["commended", "tier", "2026-12-31", false, "通报表扬"],
        ["criticised", "tier", "2026-12-31", false, "通报批评"]
      ])
      expect(row("town-a").pending).toEqual([])
      expect(row("town-a").tiers).toContain("commended")
      // The unit's explanation lists them, with the engine's reason.
      const explained = (await c.get(`${base}/assessment/units/town-d`)).json
      expect(verdicts(explained)).toEqual(verdicts(row("town-d")))
      expect(explained.pending[0].reason).toEqual(expect.any(String))
      // The CSV names them in its last two columns: pending, and at risk.
      const csv = (await c.get(`${base}/assessment/ranking.csv`)).text.split("\r\n")
      expect(csv[0]!.split(",").slice(-2)).toEqual(["pending", "at-risk"])
      const line = csv.find((l) => l.split(",")[1] === "town-d")!
      expect(line.split(",").slice(-2)).toEqual(["commended criticised", "commended criticised"])
      // The schema is in the OpenAPI document.
      const doc = (await client().get("/api/openapi.json")).json
      expect(Object.keys(doc.components.schemas.PendingVerdict.properties).sort()).toEqual([
        "atRisk",
        "due",
        "kind",
        "reason",
        "rule",
        "title"
      ])
    })

    it("serves an OpenAPI document with every resource and the session scheme", async () => {
      const c = client()
      const r = await c.get("/api/openapi.json")
      expect(r.status).toBe(200)
      const paths = Object.keys(r.json.paths)
      for (const p of [
        "/api/session",
        "/api/campaigns",
        "/api/campaigns/{campaign}/projects/{id}",
        "/api/campaigns/{campaign}/history/{kind}/{id}",
        "/api/campaigns/{campaign}/assessment/units/{unit}",
        "/api/accounts"
      ])
        expect(paths).toContain(p)
      expect(JSON.stringify(r.json.components.securitySchemes)).toContain("gongjian_session")
    })

    it("sets security headers on every response", async () => {
      const r = await client().get("/api/campaigns")
      expect(r.headers.get("x-content-type-options")).toBe("nosniff")
      expect(r.headers.get("x-frame-options")).toBe("DENY")
      expect(r.headers.get("content-security-policy")).toContain("default-src 'self'")
    })
  })

  describe("logs", () => {
    const lines: Array<string> = []
    beforeEach(() => {
      lines.length = 0
      for (const m of ["log", "info", "warn", "error", "debug"] as const)
        vi.spyOn(console, m).mockImplementation((...args: Array<unknown>) => {
          lines.push(args.map(String).join(" "))
        })
    })
    afterEach(() => {
      vi.restoreAllMocks()
    })

    it("log requests and sign-ins, never a password, session token or CSRF token", async () => {
      const c = client()
      await c.request("POST", "/api/session", { name: "admin", password: "wrong-secret-1" })
      await c.login("admin")
      await c.get(`${base}/projects`)
      await c.post(`${base}/assessments`)
      const text = lines.join("\n")
      expect(text).toContain("sign-in: admin")
      expect(text).toContain(`GET ${base}/projects 200`)
      for (const secret of [passwords.admin, "wrong-secret-1", c.cookie.split("=")[1]!, c.csrf])
        expect(text).not.toContain(secret)
    })
  })
})
