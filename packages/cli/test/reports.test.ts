import { execFileSync, spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { all, Samples } from "@gongjian/policies"
import { describe, expect, it, vi } from "vitest"
import { chromiumPath, missingSystemDeps } from "../../../scripts/system-deps.mjs"

// End to end: `gongjian bulletin` and `gongjian chart`, the built binary on files.
const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url))
const tmp = mkdtempSync(join(tmpdir(), "gongjian-reports-"))
// Every test here starts the binary several times: on a busy machine that takes a while.
vi.setConfig({ testTimeout: 180_000 })

const gongjian = (...args: ReadonlyArray<string>) => {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: tmp,
    encoding: "utf8",
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024
  })
  return { code: r.status, out: r.stdout, err: r.stderr }
}
const sample = (id: Samples.SampleId) => {
  const file = join(tmp, `${id}.json`)
  writeFileSync(file, JSON.stringify(Samples.json(id)))
  return file
}

describe("gongjian bulletin", () => {
  it("writes the 002 bulletin for a period in Markdown, with the missed dispatch", () => {
    const r = gongjian(
      "bulletin",
      sample("002-investment-drive"),
      "--policy",
      "002",
      "--period",
      "2026-09-H2",
      "--format",
      "md"
    )
    expect(r.err).toBe("")
    expect(r.code).toBe(0)
    expect(r.out).toContain("# 招商引资集中攻坚工作通报（第4期）")
    expect(r.out).toMatch(/\| 1 \| 甲镇 \| 28 \|/)
    expect(r.out).toContain(
      "| 一周一调度（002 四.3） | 2026-09-14—2026-09-20 | 2026-09-20 | 🔴 未按期开展 |"
    )
  })

  it("writes HTML by default, in English on request, to a file", () => {
    const file = join(tmp, "b.html")
    const r = gongjian(
      "bulletin",
      sample("004-project-year"),
      "--policy",
      "004",
      "--lang",
      "en",
      "--out",
      file
    )
    expect(r.code).toBe(0)
    const html = readFileSync(file, "utf8")
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true)
    expect(html).toContain('<html lang="en">')
    expect(html).toContain("@page { size: A4")
  })

  it("prints a PDF whose text carries the heading", () => {
    expect(missingSystemDeps().map((d) => d.pkg)).not.toContain("chromium")
    const file = join(tmp, "b.pdf")
    const r = gongjian(
      "bulletin",
      sample("002-investment-drive"),
      "--policy",
      "002",
      "--format",
      "pdf",
      "--out",
      file,
      "--chromium",
      chromiumPath
    )
    expect(r.err).toBe("")
    expect(r.code).toBe(0)
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" })
    expect(text).toContain("招商引资集中攻坚工作通报（第4期）")
  })

  it("refuses a period it cannot read, and a PDF without --out, with exit code 2", () => {
    const file = sample("002-investment-drive")
    expect(gongjian("bulletin", file, "--period", "2026-09-H3")).toMatchObject({
      code: 2,
      err: expect.stringContaining("is not a period")
    })
    expect(gongjian("bulletin", file, "--format", "pdf")).toMatchObject({
      code: 2,
      err: expect.stringContaining("--out")
    })
  })
})

describe("gongjian bulletin and chart read the ledger", () => {
  it("prints the bulletin of a campaign kept in the ledger, the same as from its file", () => {
    const file = sample("002-investment-drive")
    const ledger = ["--ledger", join(tmp, "data")]
    expect(gongjian("ledger", "init", ...ledger).code).toBe(0)
    const load = gongjian(
      "ledger",
      "load",
      file,
      ...ledger,
      "--user",
      "wang.fang",
      "--unit",
      "county-office"
    )
    expect(load.err).toBe("")
    const args = ["--policy", "002", "--period", "2026-09-H2", "--format", "md"]
    const fromFile = gongjian("bulletin", file, ...args)
    const fromLedger = gongjian(
      "bulletin",
      ...ledger,
      "--campaign",
      "investment-drive-2026",
      ...args
    )
    expect(fromLedger.err).toBe("")
    expect(fromLedger.code).toBe(0)
    expect(fromLedger.out).toContain("# 招商引资集中攻坚工作通报（第4期）")
    expect(fromLedger.out).toBe(fromFile.out)
    const chart = gongjian("chart", "progress", ...ledger, "--campaign", "investment-drive-2026")
    expect(chart.code).toBe(0)
    expect(chart.out).toBe(gongjian("chart", "progress", file).out)
    const none = gongjian("bulletin", ...args)
    expect(none.code).toBe(2)
    expect(none.err).toContain("--campaign")
  }, 300_000)
})

describe("gongjian bulletin --issue: bulletins recorded in the ledger (PGlite)", () => {
  it("counts moves and corrections from the last bulletin issued; a correction filed between two bulletins is in the second only", () => {
    const file = sample("002-investment-drive")
    const options = join(tmp, "002-options.json")
    writeFileSync(
      options,
      JSON.stringify(all.find((e) => e.sample === "002-investment-drive")!.options)
    )
    const ledger = ["--ledger", join(tmp, "issued")]
    const campaign = ["--campaign", "investment-drive-2026"]
    const bulletin = (...args: ReadonlyArray<string>) =>
      gongjian(
        "bulletin",
        ...ledger,
        ...campaign,
        "--policy",
        "002",
        "--options",
        options,
        "--format",
        "md",
        ...args
      )
    const loaded = gongjian(
      "ledger",
      "load",
      file,
      ...ledger,
      "--user",
      "wang.fang",
      "--unit",
      "district",
      "--at",
      "2026-09-01T09:00:00+08:00"
    )
    expect(loaded.err).toBe("")
    // 1. The 09-H1 bulletin (第3期), as known at 09-15, issued at 18:00 that day.
    const first = bulletin(
      "--period",
      "2026-09-H1",
      "--known-at",
      "2026-09-15",
      "--issue",
      "--user",
      "wang.fang",
      "--at",
      "2026-09-15T18:00:00+08:00"
    )
    expect(first.code).toBe(0)
    expect(first.err).toContain(
      "bulletin 2026-09-H1 (no. 3) recorded as issued (2026-09-15T10:00:00.000000Z)"
    )
    // No bulletin was recorded before it: it counts from the previous period's end (08-31), and
    // the ledger had no bulletin of any period, so the duty is not judged.
    expect(first.out).toContain("上期通报：2026-08-31")
    expect(first.out).toContain(
      "| 半月一通报（002 四.3） | 2026-09-01—2026-09-15 | 2026-09-15 | 无记录 |"
    )
    // 2. On 09-20 town-a corrects project A1's total investment, 12亿元 → 15亿元.
    const projects = (
      Samples.json("002-investment-drive") as { projects: Array<{ id: string; events: unknown }> }
    ).projects
    const { events: _, ...a1 } = projects.find((p) => p.id === "A1")!
    const corrected = gongjian(
      "ledger",
      "correct",
      ...ledger,
      ...campaign,
      "--kind",
      "project",
      "--value",
      JSON.stringify({ ...a1, investment: { total: "15亿元" } }),
      "--reason",
      "按合同更正总投资",
      "--user",
      "zhao.lei",
      "--unit",
      "town-a",
      "--at",
      "2026-09-20T10:00:00+08:00"
    )
    expect(corrected.code).toBe(0)
    // 3. The 09-H2 bulletin (第4期), as known at 09-30: it counts from the one issued on 09-15,
    // lists the correction filed since (record, field, old → new, reason, who, when), and the
    // 09-H1 bulletin's record makes the duty tracked: 09-H2's is not yet due on 09-30.
    const second = bulletin(
      "--period",
      "2026-09-H2",
      "--known-at",
      "2026-09-30",
      "--issue",
      "--user",
      "wang.fang",
      "--at",
      "2026-09-30T18:00:00+08:00"
    )
    expect(second.code).toBe(0)
    expect(second.out).toContain("上期通报：2026-09-15")
    expect(second.out).toContain(
      "| project A1 | investment.total | 12亿元 → 15亿元 | 按合同更正总投资 | zhao.lei（town-a） | 2026-09-20 |"
    )
    expect(second.out).toContain(
      "| 半月一通报（002 四.3） | 2026-09-16—2026-09-30 | 2026-09-30 | 未到期 |"
    )
    // 4. Printed again later, each bulletin is the one issued (as the ledger knew it then),
    // now shown held by its own record; the first does not list the later correction.
    const firstAgain = bulletin("--period", "2026-09-H1")
    expect(firstAgain.out).not.toContain("project A1")
    expect(firstAgain.out).toMatch(/## 上期以来数据更正\n\n无/)
    expect(firstAgain.out).toContain(
      "| 半月一通报（002 四.3） | 2026-09-01—2026-09-15 | 2026-09-15 | 已开展：bulletin-2026-09-H1 |"
    )
    const secondAgain = bulletin("--period", "2026-09-H2")
    expect(secondAgain.out).toContain("| project A1 | investment.total | 12亿元 → 15亿元 |")
    expect(secondAgain.out).toContain(
      "| 半月一通报（002 四.3） | 2026-09-16—2026-09-30 | 2026-09-30 | 已开展：bulletin-2026-09-H2 |"
    )
    // Issuing needs the ledger and who records it.
    expect(gongjian("bulletin", file, "--issue", "--user", "u").code).toBe(2)
    expect(bulletin("--period", "2026-09-H2", "--issue").code).toBe(2)
  }, 600_000)
})

describe("gongjian chart", () => {
  it("draws each chart as SVG", () => {
    const file = sample("002-investment-drive")
    for (const kind of ["gantt", "progress", "heatmap"]) {
      const r = gongjian("chart", kind, file)
      expect(r.code).toBe(0)
      expect(r.out.startsWith("<svg")).toBe(true)
    }
    const ranking = gongjian("chart", "ranking", file, "--policy", "002")
    expect(ranking.code).toBe(0)
    expect(ranking.out).toContain("1. 甲镇")
    expect(gongjian("chart", "ranking", file).code).toBe(2)
    expect(gongjian("chart", "pie", file).code).toBe(2)
  })
})

describe("gongjian demo", () => {
  it("writes a bulletin and the wall charts of each sample county", () => {
    const r = gongjian("demo", "--out", "out")
    expect(r.code).toBe(0)
    for (const s of Samples.ids) {
      expect(readdirSync(join(tmp, "out", s)).sort()).toEqual([
        "bulletin.html",
        "bulletin.md",
        "gantt.svg",
        "heatmap.svg",
        "progress.svg",
        "ranking.svg"
      ])
    }
    expect(existsSync(join(tmp, "out", "002-investment-drive", "bulletin.html"))).toBe(true)
  })
})
