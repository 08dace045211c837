import { spawnSync } from "node:child_process"
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { Samples } from "@gongjian/policies"
import { describe, expect, it, vi } from "vitest"

// End to end: the built binary, run on files, as a user runs it. A test may start
// it several times (each start loads the engines), so a test has two minutes.
vi.setConfig({ testTimeout: 120_000 })
const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url))
const fixture = fileURLToPath(new URL("./fixtures/bonus-plugin.mjs", import.meta.url))
const tmp = mkdtempSync(join(tmpdir(), "gongjian-cli-"))
const gongjian = (...args: ReadonlyArray<string>) => {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: tmp,
    encoding: "utf8",
    timeout: 120_000,
    maxBuffer: 512 * 1024 * 1024
  })
  return { code: r.status, out: r.stdout, err: r.stderr }
}
// The options a sample county sets (its annual tasks, which 002 四.4's tiers read).
/** The options file that ships beside a sample (the figures its plan leaves to the county). */
const countyOptions = (id: Samples.SampleId) =>
  fileURLToPath(new URL(`../../policies/samples/${id}.options.json`, import.meta.url))
const sample = (id: Samples.SampleId) => {
  const file = join(tmp, `${id}.json`)
  writeFileSync(file, JSON.stringify(Samples.json(id)))
  return file
}

describe("gongjian demo", () => {
  it("runs the five sample campaigns end to end and writes the results as JSON", () => {
    const r = gongjian("demo", "--out", "out-zh")
    expect(r.code).toBe(0)
    for (const title of [
      "项目提升年百日攻坚",
      "招商引资项目服务与退出机制",
      "招商引资集中攻坚",
      "项目建设年",
      "项目攻坚年"
    ])
      expect(r.out).toContain(`■ ${title}`)
    expect(r.out).toContain("目标进度（对照序时进度）")
    // 000 二.(一).1: the annual first prize is judged on the annual tasks, due 12-31. On 5-31
    // 王店镇 (400万$ of 800万$ paid in, ahead of 序时进度 151 / 365) is neither vetoed nor
    // eligible yet: both are judged on 12-31, and it is not behind.
    expect(r.out).toMatch(/1\s+工业园区\s+41\s+可参评开放型经济工作一等奖/)
    // Its total, 27.214286 exactly, reads 27.21 (at most two decimals, as in the bulletins).
    expect(r.out).toMatch(
      /5\s+王店镇\s+27\.21\s+完不成合同外资或实到外资年度目标任务／可参评开放型经济工作一等奖（2026-12-31评定）\n/
    )
    expect(r.out).not.toMatch(/\d\.\d{3,}\s/)
    // The area-wide progress rows are named after each sample's root unit: 003 示范市 全市,
    // 004 桐木镇 全镇; 全区 only for the 示范区 of 000–002.
    const sections = r.out.split("\n■ ")
    const progressUnits = (title: string) =>
      new Set(
        sections
          .find((x) => x.startsWith(title))!
          .split("\n")
          .flatMap((l) => /^ {2}\S.*\s(全[县市区镇]|全域)\s/.exec(l)?.slice(1, 2) ?? [])
      )
    expect(progressUnits("项目提升年百日攻坚")).toEqual(new Set(["全区"]))
    expect(progressUnits("项目建设年")).toEqual(new Set(["全市"]))
    expect(progressUnits("项目攻坚年")).toEqual(new Set(["全镇"]))
    // 002 四.4 on 10-15: 丁镇's annual task (2.7亿 of 10亿, due 12-31) is 51.9 points behind
    // 序时进度 288 / 365: not criticised yet, shown as behind.
    expect(r.out).toMatch(/4\s+丁镇\s+1\s+通报表扬／通报批评（2026-12-31评定，落后序时进度）/)
    // A veto is shown by its title, not its id: 003's year-end holds 金阳新区 to account.
    expect(r.out).toMatch(/3\s+金阳新区管委会\s+97\.5\s+问责\s+未完成目标任务，不予表扬/)
    // Each sample says where its options are and how `assess` repeats its ranking.
    const line = r.out
      .split("\n")
      .find((l) => l.includes("选项：") && l.includes("003-construction"))
    const command = /（gongjian (.+) 得到同样的排名）/.exec(line ?? "")?.[1]?.split(" ") ?? []
    expect(command.slice(0, 1)).toEqual(["assess"])
    const again = gongjian(...command)
    expect(again.code).toBe(0)
    expect(again.out).toMatch(/3\s+金阳新区管委会\s+97\.5\s+问责\s+未完成目标任务，不予表扬/)
    // 002 ranks its towns and its departments apart, each under its own heading.
    expect(r.out).toMatch(/【街道镇、园区】\n\s+名次[^\n]*\n[^\n]*\n\s+1\s+甲镇/)
    expect(r.out).toMatch(/【区直部门】\n\s+名次[^\n]*\n[^\n]*\n\s+1\s+区发改局/)
    // Each file written is named on the console, the workbook too.
    for (const sample of ["000-hundred-days", "002-investment-drive"]) {
      expect(r.out).toContain(`${join("out-zh", `${sample}.json`)}\n`)
      expect(r.out).toContain(`${join("out-zh", `${sample}.xlsx`)}（Excel 工作簿）`)
    }
    expect(readdirSync(join(tmp, "out-zh")).sort()).toEqual([
      "000-hundred-days",
      "000-hundred-days.json",
      "000-hundred-days.xlsx",
      "001-service-and-exit",
      "001-service-and-exit.json",
      "001-service-and-exit.xlsx",
      "002-investment-drive",
      "002-investment-drive.json",
      "002-investment-drive.xlsx",
      "003-construction-year",
      "003-construction-year.json",
      "003-construction-year.xlsx",
      "004-project-year",
      "004-project-year.json",
      "004-project-year.xlsx",
      "index.json"
    ])
    // The index names its files relative to itself, so the folder can be moved.
    const index = JSON.parse(readFileSync(join(tmp, "out-zh", "index.json"), "utf8"))
    expect(index.results[2]).toMatchObject({
      sample: "002-investment-drive",
      file: "002-investment-drive.json",
      workbook: "002-investment-drive.xlsx",
      reports: "002-investment-drive/"
    })
    const result = JSON.parse(
      readFileSync(join(tmp, "out-zh", "002-investment-drive.json"), "utf8")
    )
    expect(result.assessments[0].assessment.units[0]).toMatchObject({
      unit: "town-a",
      total: "28",
      rank: 1
    })
    // JSON keeps the exact totals.
    const hundred = JSON.parse(readFileSync(join(tmp, "out-zh", "000-hundred-days.json"), "utf8"))
    expect(
      hundred.assessments[0].assessment.units.find((u: { name: string }) => u.name === "王店镇")
        .total
    ).toBe("27.214286")
  })

  it("is deterministic and speaks English when asked", () => {
    const r = gongjian("demo", "--lang", "en", "--out", "out-en")
    expect(r.code).toBe(0)
    expect(r.out).toContain("Targets against time-elapsed progress")
    // 003's area-wide rows in English: its root is 示范市.
    expect(r.out).toMatch(/\n {2}\S.*\s{2}whole city\s/)
    expect(r.out).not.toMatch(/\s{2}all\s{2}/)
    expect(readFileSync(join(tmp, "out-en", "003-construction-year.json"), "utf8")).toBe(
      readFileSync(join(tmp, "out-zh", "003-construction-year.json"), "utf8")
    )
    // The workbooks too, byte for byte, though written a run apart (their
    // dates are fixed, not the time of writing).
    for (const name of readdirSync(join(tmp, "out-zh")).filter((f) => f.endsWith(".xlsx")))
      expect(
        readFileSync(join(tmp, "out-en", name)).equals(readFileSync(join(tmp, "out-zh", name))),
        name
      ).toBe(true)
  })
})

describe("gongjian validate", () => {
  it("accepts a valid snapshot", () => {
    const r = gongjian("validate", sample("000-hundred-days"), "--lang", "en")
    expect([r.code, r.out]).toEqual([0, expect.stringContaining("valid — 7 units, 41 projects")])
  })
  it("speaks Chinese by default and English with --lang en, line for line", () => {
    const file = sample("000-hundred-days")
    const zh = gongjian("validate", file)
    const en = gongjian("validate", file, "--lang", "en")
    expect([zh.code, en.code]).toEqual([0, 0])
    expect(zh.out.split("\n")).toHaveLength(en.out.split("\n").length)
    // No English word in the Chinese text, the file's path aside.
    expect(/[A-Za-z]/.test(zh.out.replaceAll(file, ""))).toBe(false)
  })
  it("lists every problem with its path and record, and exits 1", () => {
    const bad = Samples.json("000-hundred-days") as { projects: Array<Record<string, unknown>> }
    bad.projects[0]!.sector = "fourth"
    bad.projects[3]!.unit = "nowhere"
    const file = join(tmp, "bad.json")
    writeFileSync(file, JSON.stringify(bad))
    const r = gongjian("validate", file)
    expect(r.code).toBe(1)
    // The malformed field and the unknown unit, both in one run.
    expect(r.err).toContain(
      'projects[0].sector [project X1]: Expected "primary" | "secondary" | "tertiary", got "fourth"'
    )
    expect(r.err).toContain(
      "projects[3].unit [project X4]: the unit nowhere is not a unit of the snapshot"
    )
    const json = gongjian("validate", file, "--format", "json")
    expect(json.code).toBe(1)
    expect(JSON.parse(json.out)).toMatchObject({
      valid: false,
      problems: [
        expect.stringContaining("projects[0].sector"),
        expect.stringContaining("projects[3].unit")
      ]
    })
  })
  it("accepts a snapshot and an options file written with a UTF-8 byte-order mark", () => {
    const file = join(tmp, "bom.json")
    writeFileSync(file, `\uFEFF${JSON.stringify(Samples.json("002-investment-drive"))}`)
    expect(gongjian("validate", file).code).toBe(0)
    writeFileSync(join(tmp, "bom-options.json"), `\uFEFF${JSON.stringify({ fairBonus: 3 })}`)
    const r = gongjian("assess", file, "--policy", "002", "--options", "bom-options.json")
    expect([r.code, r.err]).toEqual([0, ""])
  })
  it("lists what a valid snapshot holds that no result counts", () => {
    const late = Samples.json("002-investment-drive") as {
      asOf: string
      activities: Array<Record<string, unknown>>
    }
    late.activities.push({
      id: "LATE-1",
      kind: "other",
      unit: late.activities[0]!.unit,
      date: "2099-01-01"
    })
    const file = join(tmp, "late.json")
    writeFileSync(file, JSON.stringify(late))
    const r = gongjian("validate", file, "--lang", "en")
    expect(r.code).toBe(0)
    expect(r.out).toContain(
      `activity LATE-1 date: dated 2099-01-01, after the as-of date ${late.asOf}: not counted`
    )
    // In Chinese, the same record and field, and why in Chinese.
    const zh = gongjian("validate", file).out.split("\n")
    const line = zh.find((l) => l.includes("LATE-1"))!
    expect(line.startsWith("  activity LATE-1 date：")).toBe(true)
    expect(/[A-Za-z]/.test(line.slice("  activity LATE-1 date：".length))).toBe(false)
    expect(JSON.parse(gongjian("validate", file, "--format", "json").out).notices).toHaveLength(1)
  })
  it("reports a missing file and bad JSON", () => {
    expect(gongjian("validate", "nope.json")).toMatchObject({
      code: 1,
      err: expect.stringContaining("cannot read nope.json: no such file")
    })
    writeFileSync(join(tmp, "broken.json"), "{ not json")
    expect(gongjian("validate", "broken.json")).toMatchObject({
      code: 1,
      err: expect.stringContaining("not JSON")
    })
  })
})

describe("gongjian assess", () => {
  const file = () => sample("002-investment-drive")
  it("ranks the units in a table, as JSON or as Markdown", () => {
    const t = gongjian("assess", file(), "--policy", "002")
    expect(t.code).toBe(0)
    expect(t.out).toMatch(/1\s+甲镇\s+28\s*\n/)
    // Without the county's annual tasks 四.4 has no tiers, and the output says so and how to
    // turn it on, instead of an empty tiers column.
    expect(t.out).not.toContain("档次")
    expect(t.out).toContain("未启用：002 四.4")
    expect(t.out).toContain("需要选项 annualTasks")
    // With the county's annual tasks, 四.4 commends the units that met theirs.
    const c = gongjian(
      "assess",
      file(),
      "--policy",
      "002",
      "--options",
      countyOptions("002-investment-drive")
    )
    expect(c.out).toMatch(/1\s+甲镇\s+28\s+通报表扬/)
    const j = gongjian(
      "assess",
      file(),
      "--policy",
      "gongjian/002-investment-drive",
      "--format",
      "json"
    )
    const out = JSON.parse(j.out)
    expect(out.plugins[0]).toMatchObject({ id: "gongjian/002-investment-drive", version: "0.1.0" })
    expect(out.assessments[0].assessment.units.map((u: { total: string }) => u.total)).toEqual([
      "28",
      "18",
      "5",
      "1",
      "2",
      "0"
    ])
    expect(
      gongjian(
        "assess",
        file(),
        "--policy",
        "002-investment-drive",
        "--format",
        "md",
        "--lang",
        "en"
      ).out
    ).toMatch(
      /### towns, streets and parks\n\n\| rank \| unit \| total \|\n[^\n]*\n\| 1 \| 甲镇 \| 28 \|[\s\S]*### district departments\n\n\| rank \| unit \| total \|[\s\S]*- Not assessed: 002 四\.4 [^\n]*annualTasks/
    )
    // With them, the tiers column is there and nothing is reported left out.
    const md = gongjian(
      "assess",
      file(),
      "--policy",
      "002",
      "--options",
      countyOptions("002-investment-drive"),
      "--format",
      "md"
    ).out
    expect(md).toContain("| 名次 | 单位 | 总分 | 档次 |")
    expect(md).not.toContain("未启用")
  })
  it("takes options from a file", () => {
    // A2 (1.5亿) earns 3 instead of 2: 甲镇 29 (28 with the defaults, see the 002 tests).
    writeFileSync(join(tmp, "options.json"), JSON.stringify({ fairBonus: 3 }))
    const j = JSON.parse(
      gongjian("assess", file(), "--policy", "002", "--options", "options.json", "--format", "json")
        .out
    )
    expect(j.assessments[0].assessment.units[0].total).toBe("29")
    writeFileSync(join(tmp, "bad-options.json"), JSON.stringify({ fairBonus: "lots" }))
    expect(
      gongjian("assess", file(), "--policy", "002", "--options", "bad-options.json")
    ).toMatchObject({
      code: 1,
      err: expect.stringContaining("options.fairBonus: Expected number")
    })
  })
  it("loads a plugin module by path", () => {
    // +4 / +10 for 甲镇's A2 (1.5亿) and A1 (12亿): 14 instead of 7 → 28 − 7 + 14 = 35.
    const j = JSON.parse(gongjian("assess", file(), "--policy", fixture, "--format", "json").out)
    expect(j.plugins[0].id).toBe("test/bigger-bonus")
    expect(j.assessments[0].assessment.units[0].total).toBe("35")
  })
  it("refuses an unknown policy, a bad date, an unknown command or flag with exit code 2", () => {
    expect(gongjian("assess", file(), "--policy", "999")).toMatchObject({
      code: 2,
      err: expect.stringContaining('unknown policy "999"')
    })
    expect(gongjian("assess", file(), "--policy", "002", "--as-of", "2026-02-30")).toMatchObject({
      code: 2,
      err: expect.stringContaining("Expected a calendar date written YYYY-MM-DD")
    })
    expect(gongjian("frobnicate").code).toBe(2)
    expect(gongjian("assess", file(), "--policy", "002", "--colour", "red").code).toBe(2)
  })
  it("says its version, the package's own", () => {
    const { version } = JSON.parse(
      readFileSync(fileURLToPath(new URL("../package.json", import.meta.url)), "utf8")
    )
    expect(gongjian("--version")).toMatchObject({ code: 0, out: `gongjian v${version}\n` })
  })
  it("reports a folder it cannot write to as invalid input, exit code 1, not a crash", () => {
    writeFileSync(join(tmp, "a-file"), "")
    expect(gongjian("demo", "--out", join(tmp, "a-file", "out"))).toMatchObject({
      code: 1,
      err: expect.stringContaining(
        `gongjian: cannot create the folder ${join(tmp, "a-file", "out")}`
      )
    })
  })
  // One test a command: each starts the CLI once, and has the time of one test for it.
  it.each(["demo", "validate", "assess", "check", "explain", "bulletin", "chart"])(
    "shows help for %s",
    (c) => {
      const r = gongjian(c, "--help")
      expect(r.code).toBe(0)
      expect(r.out).toContain(`gongjian ${c}`)
    }
  )
})

describe("gongjian check", () => {
  it("lists exit findings with warnings and exits 1 when a breach is found", () => {
    const r = gongjian("check", sample("001-service-and-exit"), "--policy", "001")
    expect(r.code).toBe(1)
    // Due 2026-10-31, 22 days overdue on 2026-11-22: the 天数 cell says so (逾期22天).
    expect(r.out).toMatch(
      /智能装备（E1）\s+经济开发区\s+供地未开工（圈而不建）\s+逾期\s+限期整改\s+2026-10-31\s+逾期22天/
    )
    expect(r.out).toContain("E2")
    const j = JSON.parse(
      gongjian("check", sample("001-service-and-exit"), "--policy", "001", "--format", "json").out
    )
    // E1 E2 E3 E5 E7 E8 E10 (E4 produces by its contract's 2026-12-31, not yet due)
    expect(j.findings).toHaveLength(7)
  })
  it("exits 0 when only warnings are left", () => {
    // The 000 sample as of 2025-06-01: nothing has passed a deadline yet, so no breach: exit code 0.
    const r = gongjian(
      "check",
      sample("000-hundred-days"),
      "--policy",
      "000",
      "--as-of",
      "2025-06-01"
    )
    expect(r.code).toBe(0)
  })
  it("says so when nothing is found, instead of an empty table", () => {
    // The 000 sample as of 2025-03-01: no land supplied three months before, nothing started two
    // years before: no warning, no breach.
    const args = ["check", sample("000-hundred-days"), "--policy", "000", "--as-of", "2025-03-01"]
    const j = JSON.parse(gongjian(...args, "--format", "json").out)
    expect(j.findings).toEqual([])
    const r = gongjian(...args)
    expect(r.code).toBe(0)
    expect(r.out.trim()).not.toBe("")
    expect(r.out).not.toContain("类别") // the table's header
  })
})

describe("gongjian explain", () => {
  it("prints the explanation tree of a unit, every line with its clause", () => {
    const r = gongjian(
      "explain",
      sample("002-investment-drive"),
      "--policy",
      "002",
      "--unit",
      "street-b",
      "--options",
      countyOptions("002-investment-drive")
    )
    expect(r.code).toBe(0)
    // 乙街道's annual task (16.9亿 of 20亿, due 12-31) is not judged on 10-15: not criticised,
    // and the explanation says why: both tiers, by their titles, wait for the due date.
    const head = r.out.split("\n").slice(0, 3)
    expect(head[0]).toBe("乙街道：总分18，第2名")
    expect(
      head.slice(1).map((l) => [/通报表扬|通报批评/.test(l), l.includes("2026-12-31")])
    ).toEqual([
      [true, true],
      [true, true]
    ])
    // Items by their titles, no ids, in Chinese; the same tree whether the unit is
    // given by its id or by its name.
    expect(r.out).toContain("重点签约项目开工（002 四.4）：0分")
    expect(r.out).toContain("商贸物流未能如期开工（期限2026-09-15，2026-10-08开工），减半计2分")
    for (const id of ["street-b", "key-starts", "fair-bonus", "principal-trips"])
      expect(r.out.includes(id)).toBe(false)
    const byName = gongjian(
      "explain",
      sample("002-investment-drive"),
      "--policy",
      "002",
      "--unit",
      "乙街道",
      "--options",
      countyOptions("002-investment-drive")
    )
    expect([byName.code, byName.out]).toEqual([0, r.out])
    const en = gongjian(
      "explain",
      sample("002-investment-drive"),
      "--policy",
      "002",
      "--unit",
      "乙街道",
      "--lang",
      "en"
    )
    expect(en.out).toContain("[key-starts]")
    expect(
      gongjian("explain", sample("002-investment-drive"), "--policy", "002", "--unit", "nobody")
        .code
    ).toBe(1)
  })
})

describe("large inputs", () => {
  it("shows progress on stderr above 10,000 projects", () => {
    const s = Samples.json("001-service-and-exit") as { projects: Array<{ id: string }> }
    const base = s.projects[s.projects.length - 1]!
    for (let i = 0; i < 10_001; i++) s.projects.push({ ...base, id: `BULK-${i}` })
    writeFileSync(join(tmp, "big.json"), JSON.stringify(s))
    const r = gongjian("assess", "big.json", "--policy", "001", "--format", "json")
    expect(r.code).toBe(0)
    expect(r.err).toContain("10,041 projects decoded")
  })
})

describe("the calendar past the last State Council notice", () => {
  let n = 0
  // The 001 sample as of Friday 2027-01-08: K4's fire approval, due 2026-11-19, is still
  // open, and counting its working days late reads 2027, which has no notice yet.
  const in2027 = (calendar?: Record<string, unknown>) => {
    const s = structuredClone(Samples.json("001-service-and-exit")) as Record<string, unknown>
    s.asOf = "2027-01-08"
    if (calendar) s.calendar = calendar
    const file = join(tmp, `001-in-2027-${n++}.json`)
    writeFileSync(file, JSON.stringify(s))
    return file
  }
  const notice = {
    overrides: [
      { date: "2027-01-01", working: false, name: "元旦" },
      { date: "2027-01-04", working: false, name: "元旦" },
      { date: "2027-01-09", working: true, name: "元旦调休" }
    ],
    coverYears: [2027]
  }

  it("validate says which years are provisional", () => {
    const r = gongjian("validate", in2027(), "--lang", "en")
    expect(r.code).toBe(0)
    expect(r.out).toContain(
      "calendar: State Council notices 2004–2026, later years provisional; provisional: 2027 (按法定节假日推算，待国务院通知; counted on the statutory holidays, pending the State Council's notice)"
    )
    expect(JSON.parse(gongjian("validate", in2027(), "--format", "json").out).calendar).toEqual({
      notices: { firstYear: 2004, lastYear: 2026 },
      outside: "provisional",
      provisionalYears: [2027]
    })
    // With the 2027 notice in the snapshot, nothing is provisional.
    expect(
      JSON.parse(gongjian("validate", in2027(notice), "--format", "json").out).calendar
    ).toEqual({
      notices: { firstYear: 2004, lastYear: 2027 },
      outside: "provisional",
      provisionalYears: []
    })
    expect(gongjian("validate", in2027(notice), "--lang", "en").out).toContain(
      "no provisional year in the campaign"
    )
    expect(
      gongjian("validate", in2027({ outsideCoverage: "error" }), "--lang", "en").out
    ).toContain("strict: a date after 2026 is an error")
    expect(gongjian("validate", sample("000-hundred-days"), "--lang", "en").out).toContain(
      "calendar: State Council notices 2004–2026, later years provisional; no provisional year in the campaign"
    )
  })

  it("assess and check run into 2027 and say what is provisional", () => {
    const a = gongjian("assess", in2027(), "--policy", "001")
    expect(a.code).toBe(0)
    expect(a.out).toContain("注：2027年的工作日按法定节假日推算，待国务院通知。")
    expect(gongjian("assess", in2027(), "--policy", "001", "--lang", "en").out).toContain(
      "Note: working days in 2027 are counted on the statutory holidays, pending the State Council's notice."
    )
    // 住建局 loses 1 point for K4, counted to 35 working days late; the line says so.
    const j = JSON.parse(gongjian("assess", in2027(), "--policy", "001", "--format", "json").out)
    const zj = j.assessments[0].assessment.units.find((u: { unit: string }) => u.unit === "zj")
    expect(zj.lines).toEqual([
      expect.objectContaining({
        item: "late-approvals",
        facts: expect.objectContaining({ workingDaysLate: 35, provisional: "2027" }),
        message: expect.objectContaining({
          zh: expect.stringContaining("按法定节假日推算，待国务院通知")
        })
      })
    ])
    // check runs too (its exit code is 1 for the breaches it finds, not for the calendar).
    const c = gongjian("check", in2027(), "--policy", "001")
    expect(c.code).toBe(1)
    expect(c.err).not.toContain("failed")
    // With the notice the result changes and the marking goes.
    const noticed = gongjian("assess", in2027(notice), "--policy", "001")
    expect(noticed.code).toBe(0)
    expect(noticed.out).not.toContain("按法定节假日推算")
  })

  it("fails a strict snapshot with the calendar's error", () => {
    const r = gongjian("assess", in2027({ outsideCoverage: "error" }), "--policy", "001")
    expect(r.code).toBe(1)
    expect(r.err).toContain("covers 2004–2026, not 2027-01-01")
  })
})
