import { type ChildProcess, spawn, spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import ExcelJS from "exceljs"
import { type Browser, chromium, type Locator, type Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest"
import { chromiumPath } from "../../../scripts/system-deps.mjs"
import { listening } from "./listening.js"

// The portal in a real browser: Debian's Chromium, headless, driven by
// playwright-core, against `src/start.ts` on 127.0.0.1 (a free port). A failing
// test leaves a screenshot in examples/portal/test-results/.
const here = fileURLToPath(new URL("..", import.meta.url))
const shots = `${here}test-results`

const accounts = {
  admin: "admin-demo-2026",
  "town-a": "town-a-demo-2026",
  "town-d": "town-d-demo-2026",
  leader: "leader-demo-2026",
  auditor: "auditor-demo-2026"
} as const

let server: ChildProcess
let origin = ""
let browser: Browser

beforeAll(async () => {
  const built = spawnSync(process.execPath, [`${here}scripts/build.mjs`], { stdio: "inherit" })
  if (built.status !== 0) throw new Error("building the portal's front end failed")
  server = spawn(process.execPath, [`${here}src/start.ts`, "--port", "0"], {
    stdio: ["ignore", "pipe", "inherit"]
  })
  origin = await listening(server)
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ["--no-sandbox"]
  })
}, 120_000)

afterAll(async () => {
  await browser?.close()
  if (server?.pid !== undefined) process.kill(server.pid)
})

const open = async (): Promise<Page> => {
  const context = await browser.newContext({ locale: "zh-CN" })
  const page = await context.newPage()
  onTestFailed(async ({ task }) => {
    mkdirSync(shots, { recursive: true })
    await page.screenshot({
      path: `${shots}/${task.name.replace(/[^\w一-龥-]+/g, "_")}.png`,
      fullPage: true
    })
  })
  return page
}

/** An Element Plus input: its data-testid lands on the <input> itself. */
const field = (page: Page, id: string) =>
  page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`)

const signIn = async (page: Page, name: keyof typeof accounts) => {
  await page.goto(`${origin}/`)
  await field(page, "login-name").fill(name)
  await field(page, "login-password").fill(accounts[name])
  await page.getByTestId("login-submit").click()
  await page.getByTestId("dashboard").waitFor()
}

const rankOf = async (page: Page, unitName: string) => {
  const row = page.getByTestId("ranking").locator("tr.el-table__row", { hasText: unitName })
  const cells = row.locator("td")
  return [await cells.nth(1).textContent(), await cells.nth(3).textContent()]
}

describe("the portal in Chromium", () => {
  it.each([
    ["admin", "县级管理员"],
    ["town-a", "单位填报员"],
    ["leader", "领导"],
    ["auditor", "审计"]
  ] as const)("%s signs in and sees the ranking, red and amber targets", async (name, role) => {
    const page = await open()
    await signIn(page, name)
    await expect(page.getByTestId("who").textContent()).resolves.toContain(role)
    expect(await rankOf(page, "甲镇")).toEqual(["1", "28"])
    // 丁镇 has none of its two fair signings by the end of the window: red.
    const progress = page.getByTestId("progress")
    await expect(progress.locator('[data-status="red"]').first().textContent()).resolves.toBe(
      "红灯"
    )
    await page.context().close()
  })

  it("a wrong password is refused on the page", async () => {
    const page = await open()
    await page.goto(`${origin}/`)
    await field(page, "login-name").fill("admin")
    await field(page, "login-password").fill("wrong")
    await page.getByTestId("login-submit").click()
    await expect(page.getByTestId("login-error").textContent()).resolves.toContain(
      "wrong account name or password"
    )
    await page.context().close()
  })

  it("the ranking and a unit's page show the verdicts not given yet (待定), at risk when behind 序时进度", async () => {
    // 002 四.4 commends a unit that meets its annual task (年度目标任务) and
    // criticises one that misses it, judged at the task's due date 2026-12-31.
    // As of 2026-10-15 序时进度 is 288/365 = 0.789: 丁镇 has none of its 10亿
    // (0, red: at risk), 乙街道 16.9亿 of its 20亿 (0.845, ahead); 甲镇 has met
    // its 15亿 and is commended, nothing pending.
    const page = await open()
    await signIn(page, "leader")
    const row = (name: string) =>
      page.getByTestId("ranking").locator("tr.el-table__row", { hasText: name })
    const marks = (name: string) =>
      row(name)
        .getByTestId("pending")
        .evaluateAll((spans) =>
          spans.map((s) => [s.getAttribute("data-rule"), s.getAttribute("data-at-risk")])
        )
    await expect
      .poll(() => marks("丁镇"))
      .toEqual([
        ["commended", "true"],
        ["criticised", "true"]
      ])
    const ding = row("丁镇").getByTestId("pending").first()
    await expect(ding.textContent()).resolves.toContain("通报表扬待定")
    await expect(ding.getByTestId("at-risk").textContent()).resolves.toBe("有风险")
    expect(await marks("乙街道")).toEqual([
      ["commended", "false"],
      ["criticised", "false"]
    ])
    expect(await row("乙街道").getByTestId("at-risk").count()).toBe(0)
    expect(await marks("甲镇")).toEqual([])
    // 丁镇's page says when the verdict comes, and that it is at risk.
    await row("丁镇").locator('a[data-unit="town-d"]').click()
    const pending = page.getByTestId("unit-pending")
    await pending.first().waitFor()
    expect(
      await pending.evaluateAll((divs) =>
        divs.map((d) => [d.getAttribute("data-rule"), d.textContent?.replace(/\s+/g, "")])
      )
    ).toEqual([
      ["commended", "通报表扬：待定，2026-12-31到期后评定，落后序时进度，有风险"],
      ["criticised", "通报批评：待定，2026-12-31到期后评定，落后序时进度，有风险"]
    ])
    await page.context().close()
  })

  it("a leader opens a bulletin and sees its units, its ranking and a wall chart", async () => {
    const page = await open()
    await signIn(page, "leader")
    await page.getByTestId("nav-bulletins").click()
    const list = page.getByTestId("bulletin-list")
    // 002 四.3 半月一通报 over a window of August and September: four bulletins.
    // count() does not wait: poll until the list has loaded.
    await expect.poll(() => list.locator("tr.el-table__row").count()).toBe(4)
    await list.locator('a[data-period="2026-09-H2"]').click()
    const bulletin = page.frameLocator('[data-testid="bulletin-frame"][data-period="2026-09-H2"]')
    await expect(bulletin.locator("h1").textContent()).resolves.toBe(
      "招商引资集中攻坚工作通报（第4期）"
    )
    // The towns, streets and parks as the policy ranks them as of 2026-09-30
    // (before the tests below file corrections and uploads).
    const towns = bulletin.locator("#ranking table").first().locator("tbody tr")
    const rows = await towns.evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll("td")].slice(0, 3).map((td) => td.textContent))
    )
    expect(rows).toEqual([
      ["1", "甲镇", "28"],
      ["2", "乙街道", "14"],
      ["3", "丙园区", "11"],
      ["4", "丁镇", "1"]
    ])
    await expect(bulletin.locator("#summary").textContent()).resolves.toContain(
      "甲镇、区发改局位列第一"
    )
    // The ranking chart is drawn: an image that loaded, with the units in it.
    const chart = page.getByTestId("chart-ranking")
    await expect
      .poll(() =>
        chart.evaluate((img) => {
          const loaded = img as unknown as { complete: boolean; naturalWidth: number }
          return loaded.complete ? loaded.naturalWidth : 0
        })
      )
      .toBeGreaterThan(0)
    const svg = await page.evaluate(
      async (src) => (await fetch(src)).text(),
      (await chart.getAttribute("src"))!
    )
    for (const unit of ["1. 甲镇", "2. 乙街道", "3. 丙园区", "4. 丁镇"]) expect(svg).toContain(unit)
    await page.context().close()
  })

  it("a reporter files a correction with a reason and watches the ranking move", async () => {
    const page = await open()
    await signIn(page, "town-d")
    expect(await rankOf(page, "丁镇")).toEqual(["4", "1"])
    await page.goto(`${origin}/#/project/D3`)
    await page.getByTestId("correction").waitFor()
    await page.getByTestId("event-type").selectOption("signed")
    await page.getByTestId("event-date").fill("2026-08-15")
    await field(page, "flags").fill("signed-at-fair")
    await field(page, "reason").fill("8月15日投洽会已签约，漏报")
    await page.getByTestId("submit-correction").click()
    const history = page.getByTestId("history")
    await history.getByText("8月15日投洽会已签约，漏报").waitFor()
    await expect(history.textContent()).resolves.toContain("town-d")
    await expect(page.getByTestId("project-stage").textContent()).resolves.toBe("signed")
    await page.goto(`${origin}/#/`)
    await page.getByTestId("dashboard").waitFor()
    // 1 + 5 (002 二, one of two fair signings) + 2 (002 四.4 fair bonus) = 8, past 丙园区's 5.
    expect(await rankOf(page, "丁镇")).toEqual(["3", "8"])
    expect(await rankOf(page, "丙园区")).toEqual(["4", "5"])
    // The drill-down shows the new line with its clause.
    await page.locator('a[data-unit="town-d"]').click()
    const lines = page.getByTestId("explanation")
    await lines.getByText("10 × min(0.5, 1) = 5").waitFor()
    await expect(lines.textContent()).resolves.toContain("002 二")
    await page.context().close()
  })

  it("a reporter uploads a 台账, reads its row report, and the ranking counts the rows", async () => {
    const dir = mkdtempSync(join(tmpdir(), "portal-upload-"))
    const file = join(dir, "外出招商活动登记表.csv")
    writeFileSync(
      file,
      [
        "登记编号,单位,出发日期,带队领导,领导类别,目的地,对接项目编号,备注",
        "TD-P-1,丁镇,2026-08-05,丁镇长,主要负责人,上海,,",
        "TD-P-2,丁镇,2026-08-12,丁镇长,主要负责人,杭州,,",
        "TD-P-3,丁镇,2026-08-26,丁镇长,主要负责人,南京,,",
        "TD-P-4,丁镇,2026.2.30,丁镇长,主要负责人,南京,,"
      ].join("\r\n")
    )
    const page = await open()
    await signIn(page, "town-d")
    const before = Number((await rankOf(page, "丁镇"))[1])
    await page.getByTestId("nav-upload").click()
    await page.getByTestId("upload-file").setInputFiles(file)
    await page.getByTestId("upload-send").click()
    const report = page.getByTestId("row-report")
    await report.waitFor()
    await expect(page.getByTestId("row-counts").textContent()).resolves.toContain("已导入 3")
    await expect(page.getByTestId("row-counts").textContent()).resolves.toContain("未导入 1")
    await expect(report.textContent()).resolves.toContain("C5")
    await page.goto(`${origin}/#/`)
    await page.getByTestId("dashboard").waitFor()
    // 002 四.4: the 3 missing principal trips deducted −2 × 3 × (3 / 3) = −6; with the
    // three trips uploaded the deduction is gone.
    expect(Number((await rankOf(page, "丁镇"))[1])).toBe(before + 6)
    rmSync(dir, { recursive: true, force: true })
    await page.context().close()
  })

  it("a reporter cannot open another unit's project", async () => {
    const page = await open()
    await signIn(page, "town-a")
    await page.goto(`${origin}/#/project/B1`)
    await expect(page.getByTestId("project-error").textContent()).resolves.toContain("street-b")
    await expect(page.getByTestId("correction").count()).resolves.toBe(0)
    await page.context().close()
  })

  it("names the area-wide progress rows as the root unit names the area: 全县 for a county", async () => {
    // 002's sample is 示范区 (全区); renamed 示范县人民政府 it is a county, and the
    // rows of its area-wide targets (年度目标任务 and its 80%) read 全县.
    const page = await open()
    await signIn(page, "admin")
    const rename = (name: string) =>
      page.evaluate(async (name) => {
        const session = (await (await fetch("/api/session")).json()) as { csrf: string }
        const units = (await (
          await fetch("/api/campaigns/investment-drive-2026/units")
        ).json()) as Array<{ id: string }>
        const root = units.find((u) => u.id === "district")
        const r = await fetch("/api/campaigns/investment-drive-2026/units/district", {
          method: "PUT",
          headers: { "content-type": "application/json", "x-csrf-token": session.csrf },
          body: JSON.stringify({ value: { ...root, name }, reason: "test" })
        })
        return r.status
      }, name)
    expect(await rename("示范县人民政府")).toBe(200)
    await page.reload()
    await page.getByTestId("dashboard").waitFor()
    const unitCells = () =>
      page
        .getByTestId("progress")
        .locator("tr.el-table__row")
        .evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll("td")[1]?.textContent?.trim()))
    const zh = await unitCells()
    expect(zh).toContain("全县")
    expect(zh).not.toContain("全区")
    await page.getByTestId("lang").getByText("English").click()
    await page.getByText("Targets against the expected pace").waitFor()
    const en = await unitCells()
    expect(en).toContain("whole county")
    expect(en.filter((c) => c === "whole county")).toHaveLength(
      zh.filter((c) => c === "全县").length
    )
    expect(await rename("示范区")).toBe(200)
    await page.context().close()
  })

  it("shows totals and points as people read them (at most two decimals), whatever the exact value", async () => {
    // The sample's totals are whole numbers; a county's need not be (a share of a goal, a
    // pro-rata deduction). Here the API answers exact values for 甲镇's and 乙街道's totals
    // and a line's points, and the page writes them as bulletins do (Ratio.score): half up
    // to two decimals, trailing zeros dropped.
    const page = await open()
    const exact = { total: "27.214285714285714", second: "14.666666666666667", points: "3.3350000" }
    await page.route(/\/api\/campaigns\/[^/]+\/assessment$/, async (route) => {
      const response = await route.fetch()
      const view = await response.json()
      for (const row of view.ranking) {
        if (row.unit === "town-a") row.total = exact.total
        if (row.unit === "street-b") row.total = exact.second
      }
      await route.fulfill({ response, json: view })
    })
    await page.route(/\/api\/campaigns\/[^/]+\/assessment\/units\/town-a$/, async (route) => {
      const response = await route.fetch()
      const e = await response.json()
      e.total = exact.total
      e.lines[0].points = exact.points
      await route.fulfill({ response, json: e })
    })
    await signIn(page, "leader")
    const total = (name: string) =>
      page
        .getByTestId("ranking")
        .locator("tr.el-table__row", { hasText: name })
        .locator("td")
        .nth(3)
        .textContent()
    await expect.poll(() => total("甲镇")).toBe("27.21")
    expect(await total("乙街道")).toBe("14.67")
    await page.locator('a[data-unit="town-a"]').click()
    await expect(page.getByTestId("unit-total").textContent()).resolves.toBe("27.21")
    const points = await page
      .getByTestId("explanation")
      .locator("tr.el-table__row")
      .evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll("td")[2]?.textContent))
    expect(points[0]).toBe("3.34")
    await page.context().close()
  })

  it("names clauses and severities in Chinese (004 方案1, 逾期), and keeps the ids in English", async () => {
    // 002's sample has no exit findings; the API answers one here as 004's exit rules
    // give them (plan 004 is three plans in one document: 实施方案1 …), on the dashboard
    // and on project D3's page. 丁镇's own lines cite 002 三.1, 四.4 (two clauses).
    const finding = (clause: string, severity: string) => ({
      project: "D3",
      unit: "town-d",
      rule: "rectification",
      clause,
      class: "overdue",
      severity,
      action: "rectify",
      deadline: "2026-09-30",
      message: { zh: "整改逾期", en: "overdue" }
    })
    const page = await open()
    await page.route(/\/api\/campaigns\/[^/]+\/assessment$/, async (route) => {
      const response = await route.fetch()
      const view = await response.json()
      view.findings = [finding("004 plan 2", "escalated")]
      await route.fulfill({ response, json: view })
    })
    await page.route(/\/api\/campaigns\/[^/]+\/projects\/D3$/, async (route) => {
      if (route.request().method() !== "GET") return route.continue()
      const response = await route.fetch()
      const view = await response.json()
      view.findings = [finding("004 plan 1, plan 3", "breach"), finding("004 plan 2", "warning")]
      await route.fulfill({ response, json: view })
    })
    await signIn(page, "leader")
    // The cells of a table's rows, by column.
    const cells = (table: Locator, columns: ReadonlyArray<number>) =>
      table
        .locator("tr.el-table__row")
        .evaluateAll(
          (trs, columns) =>
            trs.map((tr) => columns.map((i) => tr.querySelectorAll("td")[i]?.textContent?.trim())),
          columns
        )
    // Dashboard findings: project, unit, severity, ….
    await expect
      .poll(() => cells(page.getByTestId("findings"), [0, 2]))
      .toEqual([["D3", "整改逾期"]])
    // Explanation lines: item, clause, ….
    await page.goto(`${origin}/#/unit/town-d`)
    const lines = page.getByTestId("explanation")
    await lines.locator("tr.el-table__row").first().waitFor()
    const clauses = (await cells(lines, [1])).flat()
    expect(clauses).toContain("002 三.1、四.4")
    expect(clauses).not.toContain("002 三.1, 四.4")
    // Project findings (the page's first table): clause, severity, deadline, ….
    await page.goto(`${origin}/#/project/D3`)
    const findings = page.getByTestId("project-page").locator(".el-table").first()
    await findings.locator("tr.el-table__row").first().waitFor()
    expect(await cells(findings, [0, 1])).toEqual([
      ["004 方案1、方案3", "逾期"],
      ["004 方案2", "预警"]
    ])
    // In English the ids and codes stay as they are.
    await page.getByTestId("lang").getByText("English").click()
    await expect
      .poll(() => cells(findings, [0, 1]))
      .toEqual([
        ["004 plan 1, plan 3", "breach"],
        ["004 plan 2", "warning"]
      ])
    await page.context().close()
  })

  it("switches to English", async () => {
    const page = await open()
    await signIn(page, "leader")
    await page.getByTestId("lang").getByText("English").click()
    await page.getByText("Targets against the expected pace").waitFor()
    await expect(page.getByTestId("who").textContent()).resolves.toContain("Leader")
    await page.context().close()
  })

  it("shows script text as text, never runs it", async () => {
    const page = await open()
    await signIn(page, "admin")
    const payload = '<img src=x onerror="window.__injected=1">=HYPERLINK("x")'
    const status = await page.evaluate(async (name) => {
      const session = (await (await fetch("/api/session")).json()) as { csrf: string }
      const units = (await (
        await fetch("/api/campaigns/investment-drive-2026/units")
      ).json()) as Array<{ id: string }>
      const unit = units.find((u) => u.id === "street-b")
      const r = await fetch("/api/campaigns/investment-drive-2026/units/street-b", {
        method: "PUT",
        headers: { "content-type": "application/json", "x-csrf-token": session.csrf },
        body: JSON.stringify({ value: { ...unit, name }, reason: "test" })
      })
      return r.status
    }, payload)
    expect(status).toBe(200)
    await page.reload()
    await page.getByTestId("dashboard").waitFor()
    await page.getByTestId("ranking").getByText(payload).waitFor()
    const injected = await page.evaluate(() => (globalThis as { __injected?: number }).__injected)
    expect(injected).toBe(undefined)
    expect(await page.locator('img[src="x"]').count()).toBe(0)
    await page.context().close()
  })

  it("an .xlsx with formulas and script text: the row report reads it, and no page or export runs or evaluates it", async () => {
    // 外出招商活动登记表 (002 三.1) saved by Excel: script text in cells, a formula
    // whose cached value differs from what evaluating it would give, and one
    // formula never calculated.
    const script = "<script>window.__injected=1</script>"
    const hyperlink = '=HYPERLINK("http://example.invalid","点我")'
    const uncalculated = '"<img src=x onerror=window.__injected=2>"'
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet("外出招商活动登记表")
    sheet.addRow([
      "登记编号",
      "单位",
      "出发日期",
      "带队领导",
      "领导类别",
      "目的地",
      "对接项目编号",
      "备注"
    ])
    sheet.addRow(["TD-X-1", "丁镇", "2026-08-05", "丁镇长", "主要负责人", script, "", hyperlink])
    sheet.addRow([
      "TD-X-2",
      "丁镇",
      "2026-08-12",
      "丁镇长",
      "主要负责人",
      "杭州",
      "",
      { formula: 'UPPER("evaluated")', result: "cached" }
    ])
    sheet.addRow([
      "TD-X-3",
      "丁镇",
      "2026-08-19",
      "丁镇长",
      "主要负责人",
      { formula: uncalculated },
      "",
      ""
    ])
    sheet.addRow(["TD-X-4", "丁镇", "2026-08-26", "丁镇长", "主要负责人", "南京", "", ""])
    const dir = mkdtempSync(join(tmpdir(), "portal-xlsx-"))
    const file = join(dir, "外出招商活动登记表.xlsx")
    await workbook.xlsx.writeFile(file)

    const page = await open()
    await signIn(page, "town-d")
    await page.getByTestId("nav-upload").click()
    await page.getByTestId("upload-file").setInputFiles(file)
    await page.getByTestId("upload-send").click()
    const report = page.getByTestId("row-report")
    await report.waitFor()
    const counts = await page.getByTestId("row-counts").textContent()
    expect(counts).toContain("已导入 3")
    expect(counts).toContain("未导入 1")
    // The formula never calculated is reported with its text, shown as text.
    const rejected = report.locator("tr.el-table__row", {
      has: page.locator('[data-row-status="rejected"]')
    })
    await expect(rejected.locator("td").first().textContent()).resolves.toBe("4")
    await expect(rejected.textContent()).resolves.toContain(`F4`)
    await expect(rejected.textContent()).resolves.toContain(`=${uncalculated}`)

    // The unit page lists the activities as text: the script and the formula as
    // written, the calculated cell as Excel saved it (not evaluated again).
    await page.goto(`${origin}/#/unit/town-d`)
    const activities = page.getByTestId("unit-activities")
    await activities.locator("tr.el-table__row", { hasText: "TD-X-4" }).waitFor()
    const cellsOf = async (id: string) =>
      activities
        .locator("tr.el-table__row", { hasText: id })
        .locator("td")
        .evaluateAll((tds) => tds.map((td) => td.textContent))
    expect(await cellsOf("TD-X-1")).toEqual([
      "TD-X-1",
      "outbound-trip",
      "2026-08-05",
      script,
      hyperlink
    ])
    expect((await cellsOf("TD-X-2"))[4]).toBe("cached")
    expect(await activities.locator("tr.el-table__row", { hasText: "TD-X-3" }).count()).toBe(0)

    // The CSV export: the formula text starts with an apostrophe, so no
    // spreadsheet takes it for a formula.
    const csv = await page.evaluate(
      async (src) => (await fetch(src)).text(),
      (await page.getByTestId("activities-csv").getAttribute("href"))!
    )
    const line = csv.split("\r\n").find((l) => l.startsWith("TD-X-1,"))!
    expect(line).toContain(`"'=HYPERLINK(""http://example.invalid"",""点我"")"`)
    expect(csv.split("\r\n").every((l) => !/(^|,)"?[=+\-@]/.test(l))).toBe(true)

    // Every other page, the bulletins and charts included.
    await page.goto(`${origin}/#/`)
    await page.getByTestId("dashboard").waitFor()
    await page.goto(`${origin}/#/bulletins`)
    await page.locator('[data-testid="bulletin-frame"]').waitFor()
    await page.goto(`${origin}/#/project/D3`)
    await page.getByTestId("correction").waitFor()
    const injected = await page.evaluate(() => (globalThis as { __injected?: number }).__injected)
    expect(injected).toBe(undefined)
    expect(await page.locator('img[src="x"]').count()).toBe(0)
    rmSync(dir, { recursive: true, force: true })
    await page.context().close()
  })
})
