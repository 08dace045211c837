import { Progress, type Snapshot } from "@gongjian/core"
import { Samples } from "@gongjian/policies"
import { describe, expect, it } from "vitest"
import { WallChart } from "../src/index.js"
import { sampleBulletin } from "./samples.js"

const HOSTILE = '<script>alert("x")</script> & "引号" \'单\''
const RED = 'fill="#d93025"'

const shuffle = (s: Snapshot.Snapshot): Snapshot.Snapshot => ({
  ...s,
  units: [...s.units].reverse(),
  projects: [...s.projects].reverse().map((p) => ({ ...p, events: [...p.events].reverse() })),
  activities: [...(s.activities ?? [])].reverse(),
  campaign: { ...s.campaign, targets: [...s.campaign.targets].reverse() }
})

describe("WallChart", () => {
  const { snapshot, bulletin, run } = sampleBulletin("002-investment-drive")
  const charts = (s: Snapshot.Snapshot) => [
    WallChart.gantt(s, { findings: run.findings }),
    WallChart.progress(s),
    WallChart.heatmap(s),
    WallChart.ranking(bulletin.ranking)
  ]

  it("gives the same bytes for the same input, whatever the order of its arrays", () => {
    const a = charts(snapshot)
    expect(charts(snapshot)).toEqual(a)
    expect(charts(shuffle(snapshot))).toEqual(a)
    for (const svg of a) {
      expect(svg.startsWith("<svg")).toBe(true)
      // No per-render ids, no animation, no hover styles.
      expect(svg).not.toMatch(/zr\d+-|<style|<animate/)
    }
  })

  it("escapes every name in SVG", () => {
    const s: Snapshot.Snapshot = {
      ...snapshot,
      units: snapshot.units.map((u) => ({ ...u, name: `${HOSTILE}${u.id}` })),
      projects: snapshot.projects.map((p) => ({ ...p, name: `${HOSTILE}${p.id}` })),
      campaign: {
        ...snapshot.campaign,
        title: HOSTILE,
        targets: snapshot.campaign.targets.map((t) => ({ ...t, title: `${HOSTILE}${t.id}` }))
      }
    }
    const lines = bulletin.ranking.map((r) => ({ ...r, name: HOSTILE }))
    for (const svg of [...charts(s).slice(0, 3), WallChart.ranking(lines)]) {
      expect(svg).not.toContain("<script")
      expect(svg).toContain("&lt;script&gt;")
    }
  })

  it("colours the Gantt by schedule: a project past a planned milestone it has not reached is red", () => {
    // As of 2026-10-15: a project planned to start by 2026-09-30 that has not
    // started is red; one planned to start by 2026-11-01 (within 30 days) is
    // amber; one planned for 2027 is green.
    const base = snapshot.projects.find((p) => p.events.every((e) => e.type !== "started"))!
    const planned = (id: string, startBy: string) => ({
      ...base,
      id,
      name: id,
      flags: ["key"],
      contract: { startBy },
      events: base.events.filter((e) => e.date <= "2026-10-15")
    })
    const s: Snapshot.Snapshot = {
      ...snapshot,
      projects: [
        planned("late", "2026-09-30"),
        planned("soon", "2026-11-01"),
        planned("later", "2027-03-01")
      ]
    }
    const rows = WallChart.ganttRows(s, { asOf: "2026-10-15" })
    expect(rows.map((r) => [r.project, r.light])).toEqual([
      ["late", "red"],
      ["later", "green"],
      ["soon", "amber"]
    ])
    expect(rows[0]!.reasons).toEqual(["开工计划 2026-09-30，未完成"])
    const svg = WallChart.gantt(s, { asOf: "2026-10-15" })
    expect(svg.split(RED).length - 1).toBeGreaterThanOrEqual(1)
    expect(svg).toContain("今日 2026-10-15")
  })

  it("names in the Gantt's legend only what the chart draws", () => {
    // The legend's labels: the texts set beside the legend's icons (x = 30 within an item).
    const legend = (svg: string) =>
      [
        ...svg.matchAll(
          /<text [^>]*x="30" y="7" transform="translate\([\d.]+ [\d.]+\)"[^>]*>([^<]*)</g
        )
      ].map((m) => m[1])
    const labels = { green: "正常", amber: "临近节点或预警", red: "滞后或逾期" } as const
    // 000 plans no milestones (no contract's startBy …) and every key project is on time:
    // green bars and reached milestones only, so no 计划 or 计划节点 entry.
    const hundred = Samples.load("000-hundred-days")
    const rows000 = WallChart.ganttRows(hundred)
    expect(rows000.flatMap((r) => r.planned)).toEqual([])
    expect(new Set(rows000.map((r) => r.light))).toEqual(new Set(["green"]))
    expect(legend(WallChart.gantt(hundred))).toEqual(["正常", "实际节点"])
    // 002 with its findings: planned milestones, and red bars beside green ones.
    const rows002 = WallChart.ganttRows(snapshot, { findings: run.findings })
    const lights = (["green", "amber", "red"] as const).filter((l) =>
      rows002.some((r) => r.light === l)
    )
    expect(lights).toContain("red")
    expect(legend(WallChart.gantt(snapshot, { findings: run.findings }))).toEqual([
      ...lights.map((l) => labels[l]),
      "计划节点",
      "实际节点"
    ])
  })

  it("has a red heat-map cell for every red unit target", () => {
    // As of 2026-10-15 every red row of the progress table is a red cell.
    const svg = WallChart.heatmap(snapshot)
    const { bulletin: late } = sampleBulletin("002-investment-drive")
    const redRows = late.targets.flatMap((t) => t.units.filter((u) => u.status === "red"))
    expect(redRows.length).toBeGreaterThan(0)
    expect(svg.split(RED).length - 1).toBeGreaterThanOrEqual(redRows.length)
  })

  it("gives the heat map a key naming each colour as the progress table does", () => {
    // The key's entries: a rounded 14×14 swatch and the text beside it (x = 24 within an item).
    const svg = WallChart.heatmap(snapshot)
    const labels = [...svg.matchAll(/<text [^>]*x="24" y="7"[^>]*>([^<]*)</g)].map((m) => m[1])
    const swatches = [
      ...svg.matchAll(/<path d="M3\.5 0L10\.5 0[^"]*"[^>]*fill="(#[0-9a-f]{6})"/g)
    ].map((m) => m[1])
    const statuses = ["red", "amber", "on-track", "ahead"] as const
    expect(labels).toEqual(statuses.map((s) => Progress.statusNames[s].zh))
    expect(swatches).toHaveLength(4)
    // Every cell's colour is one of the key's (cells are the 28-high rectangles).
    const cells = new Set(
      [
        ...svg.matchAll(/<path d="M[\d.]+ [\d.]+l[\d.]+ 0l0 28\.5[^"]*"[^>]*fill="(#[0-9a-f]{6})"/g)
      ].map((m) => m[1])
    )
    expect(cells.size).toBeGreaterThan(1)
    for (const c of cells) expect(swatches).toContain(c)
    // The red swatch is the red cells' colour, named 红灯.
    expect(swatches[0]).toBe(RED.slice(6, -1))
  })

  it("draws every sample county's charts", () => {
    for (const sample of [
      "000-hundred-days",
      "001-service-and-exit",
      "003-construction-year",
      "004-project-year"
    ] as const) {
      const s = Samples.load(sample)
      for (const svg of [WallChart.gantt(s), WallChart.progress(s), WallChart.heatmap(s)])
        expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/)
    }
  })
})

describe("WallChart of a campaign's area, targets and ranking", () => {
  it("names the area-wide figures after the root unit (003: 全市, never 全区)", () => {
    const s = Samples.load("003-construction-year")
    for (const svg of [WallChart.progress(s), WallChart.heatmap(s)]) {
      expect(svg).toContain(">全市<")
      expect(svg).not.toContain("全区")
    }
  })

  it("says 无目标 for a campaign without targets instead of drawing a blank chart", () => {
    // 001 sets no targets.
    const s = Samples.load("001-service-and-exit")
    expect(s.campaign.targets).toEqual([])
    for (const svg of [WallChart.progress(s), WallChart.heatmap(s)]) {
      expect(svg).toMatch(/^<svg /)
      expect(svg).toContain(">无目标<")
    }
  })

  it("labels the ranking's bars with totals of at most two decimals", () => {
    const { bulletin } = sampleBulletin("000-hundred-days")
    const svg = WallChart.ranking(bulletin.ranking)
    expect(svg).toContain(">27.21<")
    expect(svg).not.toContain("27.214286")
  })
})
