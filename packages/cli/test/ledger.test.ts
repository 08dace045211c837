import { spawnSync } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { Samples } from "@gongjian/policies"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Postgres, startPostgres } from "../../../scripts/postgres.mjs"

// End to end: the built binary on a ledger, as a county office runs it.
const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url))
const tmp = mkdtempSync(join(tmpdir(), "gongjian-ledger-cli-"))
const gongjian = (...args: ReadonlyArray<string>) => {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: tmp,
    encoding: "utf8",
    timeout: 180_000,
    maxBuffer: 64 * 1024 * 1024
  })
  return { code: r.status, out: r.stdout, err: r.stderr }
}
const file = join(tmp, "002.json")
writeFileSync(file, JSON.stringify(Samples.json("002-investment-drive"), null, 2))
const campaign = "investment-drive-2026"
const office = ["--user", "wang.fang", "--unit", "county-office"]
const town = ["--user", "zhao.lei", "--unit", "town-a"]

describe("gongjian ledger", () => {
  it("shows a late correction's ranking before and after, with who corrected what and why", () => {
    const ledger = ["--ledger", join(tmp, "data")]
    // The bulletin of 10-16 was computed on what the ledger held then.
    expect(gongjian("ledger", "init", ...ledger).code).toBe(0)
    const load = gongjian(
      "ledger",
      "load",
      file,
      ...ledger,
      ...office,
      "--at",
      "2026-10-16T09:00:00+08:00"
    )
    expect(load.err).toBe("")
    expect(load.out).toMatch(/investment-drive-2026: \d+ record\(s\) written, 0 unchanged/)
    const bulletin = gongjian(
      "assess",
      ...ledger,
      "--campaign",
      campaign,
      "--known-at",
      "2026-10-16",
      "--policy",
      "002"
    )
    expect(bulletin.code).toBe(0)
    expect(bulletin.out).toMatch(/1\s+甲镇\s+28/)
    expect(bulletin.out).toMatch(/2\s+乙街道\s+18/)
    // 10-20: A1 started on 10-08 (after its 09-30 deadline), and was not signed at the fair.
    const started = gongjian(
      "ledger",
      "correct",
      ...ledger,
      "--campaign",
      campaign,
      ...town,
      "--kind",
      "event",
      "--id",
      "A1#1",
      "--value",
      JSON.stringify({ type: "started", date: "2026-10-08" }),
      "--reason",
      "开工日期以施工许可为准",
      "--at",
      "2026-10-20T10:00:00+08:00"
    )
    expect(started.err).toBe("")
    expect(started.out).toContain("event A1#1 v")
    const a1 = (
      Samples.json("002-investment-drive") as {
        projects: Array<{ id: string; flags: Array<string> }>
      }
    ).projects.find((p) => p.id === "A1")!
    writeFileSync(
      join(tmp, "a1.json"),
      JSON.stringify({ ...a1, flags: a1.flags.filter((f) => f !== "signed-at-fair"), events: [] })
    )
    const unflagged = gongjian(
      "ledger",
      "correct",
      ...ledger,
      "--campaign",
      campaign,
      ...town,
      "--kind",
      "project",
      "--value",
      `@${join(tmp, "a1.json")}`,
      "--reason",
      "经核查，非投洽会现场签约",
      "--at",
      "2026-10-20T10:05:00+08:00"
    )
    expect(unflagged.err).toBe("")
    // The same figures, re-scored: who moved, which points, and why.
    const revise = gongjian(
      "ledger",
      "revise",
      ...ledger,
      "--campaign",
      campaign,
      "--policy",
      "002",
      "--before",
      "2026-10-16",
      "--after",
      "2026-10-21",
      "--lang",
      "en",
      ...office
    )
    expect(revise.err).toBe("")
    expect(revise.code).toBe(0)
    // 甲镇: fair bonus 5 and fair signings 5 (1 of 2) lost, A1 started late: 4 × 0.5 = 2 instead of 4.
    // 28 − 5 − 5 − 2 = 16, behind 乙街道's 18.
    expect(revise.out).toMatch(/甲镇\s+1\s+2\s+↓1\s+28\s+16\s+-12/)
    expect(revise.out).toMatch(/乙街道\s+2\s+1\s+↑1\s+18\s+18\s+0/)
    expect(revise.out).toContain("fair-bonus: 7 → 2 (-5)")
    expect(revise.out).toContain("fair-signings: 10 → 5 (-5)")
    expect(revise.out).toContain("key-starts: 8 → 6 (-2)")
    expect(revise.out).toContain(
      "event A1#1 v4 corrected by zhao.lei (town-a) — 开工日期以施工许可为准"
    )
    expect(revise.out).toContain('date: "2026-09-25" → "2026-10-08"')
    expect(revise.out).toContain(
      "project A1 v5 corrected by zhao.lei (town-a) — 经核查，非投洽会现场签约"
    )
    // Both runs are stored with their fingerprints.
    expect(revise.out).toMatch(/#1 gongjian\/002-investment-drive@\S+ fnv1a64:[0-9a-f]{16}, #2/)
    // The bulletin is still reproduced as it was; the history says who changed what.
    const then = gongjian(
      "ledger",
      "snapshot",
      ...ledger,
      "--campaign",
      campaign,
      "--known-at",
      "2026-10-16"
    )
    expect(JSON.parse(then.out)).toEqual(Samples.json("002-investment-drive"))
    const history = gongjian(
      "ledger",
      "history",
      ...ledger,
      "--campaign",
      campaign,
      "--kind",
      "project",
      "--id",
      "A1",
      "--lang",
      "en"
    )
    expect(history.out.split("\n").filter((l) => l.includes(" corrected by "))).toHaveLength(2)
    // In Chinese (the default), the same versions, with who and why in Chinese words:
    // no English between the time and the user.
    const zh = gongjian(
      "ledger",
      "history",
      ...ledger,
      "--campaign",
      campaign,
      "--kind",
      "project",
      "--id",
      "A1"
    ).out.split("\n")
    const versions = history.out.split("\n").filter((l) => /^\S+T\S+ {2}/.test(l))
    const zhVersions = zh.filter((l) => /^\S+T\S+ {2}/.test(l))
    expect(zhVersions).toHaveLength(versions.length)
    for (const l of zhVersions) expect(/(recorded|corrected|withdrawn) by/.test(l)).toBe(false)
    const now = gongjian("assess", ...ledger, "--campaign", campaign, "--policy", "002")
    expect(now.out).toMatch(/1\s+乙街道\s+18/)
  }, 600_000)

  it("reports what a re-import leaves out, and takes a file or a campaign, not both", () => {
    const ledger = ["--ledger", join(tmp, "data-2")]
    expect(gongjian("ledger", "load", file, ...ledger, ...office).code).toBe(0)
    const value = Samples.json("002-investment-drive") as {
      projects: Array<{ id: string }>
      activities: Array<{ projects?: Array<string> }>
    }
    // A project no activity names, left out of the next file.
    const named = new Set(value.activities.flatMap((a) => a.projects ?? []))
    const left = value.projects.find((p) => !named.has(p.id))!
    const fewer = join(tmp, "fewer.json")
    writeFileSync(
      fewer,
      JSON.stringify({ ...value, projects: value.projects.filter((p) => p !== left) })
    )
    const again = gongjian("ledger", "load", fewer, ...ledger, ...office)
    expect(again.err).toBe("")
    expect(again.out).toContain("1 record(s) in the ledger are not in the file — kept")
    expect(again.out).toContain(`  project ${left.id}`)
    const both = gongjian("assess", file, ...ledger, "--campaign", campaign, "--policy", "002")
    expect(both.code).toBe(2)
    expect(both.err).toContain("not both")
  }, 300_000)

  it("runs the demo on the embedded ledger", () => {
    const r = gongjian("demo", "--ledger", join(tmp, "demo-data"), "--out", "out-ledger")
    expect(r.code).toBe(0)
    const plain = gongjian("demo", "--out", "out-plain")
    expect(r.out.replaceAll("out-ledger", "out")).toBe(plain.out.replaceAll("out-plain", "out"))
  }, 600_000)
})

describe("gongjian ledger on a PostgreSQL server", () => {
  let server: Postgres | undefined
  beforeAll(async () => {
    server = await startPostgres()
  }, 120_000)
  afterAll(() => server?.stop(), 60_000)

  it("loads, assesses and corrects through a postgres:// URL", () => {
    const ledger = ["--ledger", server!.url]
    expect(gongjian("ledger", "init", ...ledger).out).toContain("ready, 0 campaign(s)")
    expect(
      gongjian("ledger", "load", file, ...ledger, ...office, "--at", "2026-10-16T09:00:00+08:00")
        .code
    ).toBe(0)
    const assess = gongjian("assess", ...ledger, "--campaign", campaign, "--policy", "002")
    expect(assess.out).toMatch(/1\s+甲镇\s+28/)
    const stale = gongjian(
      "ledger",
      "correct",
      ...ledger,
      "--campaign",
      campaign,
      ...town,
      "--kind",
      "event",
      "--project",
      "A1",
      "--value",
      JSON.stringify({ type: "completed", date: "2026-10-30" }),
      "--expected-version",
      "1",
      "--reason",
      "竣工"
    )
    expect(stale.code).toBe(1)
    expect(stale.err).toContain("written against version 1, but the ledger holds version 3")
  }, 300_000)
})
