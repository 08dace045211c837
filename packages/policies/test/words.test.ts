import { Progress, Target, View } from "@gongjian/core"
import { Host } from "@gongjian/plugin-sdk"
import { all, Samples } from "@gongjian/policies"
import { Assessment } from "@gongjian/scoring"
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"

// What a county official reads of the five samples' assessments: explanations
// name items by their titles, rates read as percentages with one decimal,
// points carry no trailing zeros, and every tier and veto says why — checked
// by structure (ids, fields, number shapes), never by wording.
const runs = all.map((e) => {
  const snapshot = Samples.load(e.sample)
  const out = Host.run(
    Result.getOrThrow(Host.load([{ plugin: e.plugin, options: e.options }])),
    snapshot
  )
  return { sample: e.sample, snapshot, out, assessment: out.assessments[0]!.assessment }
})

// An id as a word of its own: not part of a longer id.
const hasWord = (text: string, id: string) =>
  new RegExp(`(?<![\\w-])${id.replace(/[-/\\^$*+?.()|[\]{}]/g, "\\$&")}(?![\\w-])`).test(text)
const percents = (text: string) => text.match(/-?\d+(?:\.\d+)?%/g) ?? []
// Chinese text outside the county's own names (quoted 「…」) and the arithmetic.
const chineseWords = (text: string) =>
  text.replace(/「[^」]*」/g, "").replace(/（算式：[^\n]*/g, "")

describe("the samples' explanations, as county staff read them", () => {
  it.each(runs.map((r) => [r.sample, r] as const))(
    "%s: items by their titles in Chinese, with their ids in English",
    (_, { assessment }) => {
      for (const u of assessment.units) {
        const e = Assessment.explain(assessment, u.unit)!
        const zh = Assessment.formatExplanation(e, "zh")
        const en = Assessment.formatExplanation(e, "en")
        for (const i of e.items) {
          const item = assessment.items.find((x) => x.id === i.item)!
          expect(i.title).toEqual(item.title)
          expect(zh.includes(item.title.zh)).toBe(true)
          expect(en.includes(`[${item.id}]`)).toBe(true)
        }
        // No item, unit, tier or veto id in the Chinese text.
        const ids = [
          ...assessment.items.map((i) => i.id),
          ...assessment.tiers.map((t) => t.id),
          ...u.vetoes.map((v) => v.veto),
          ...(u.pending ?? []).map((p) => p.rule),
          u.unit
        ]
        expect(ids.filter((id) => hasWord(zh, id))).toEqual([])
      }
    }
  )

  it.each(runs.map((r) => [r.sample, r] as const))(
    "%s: percentages with one decimal, points without trailing zeros",
    (_, { assessment, snapshot }) => {
      const point = /^-?\d+(\.\d*[1-9])?$/
      for (const u of assessment.units) {
        expect(u.total).toMatch(point)
        for (const i of u.items) expect(i.points).toMatch(point)
        for (const l of u.lines) {
          expect(l.points).toMatch(point)
          for (const p of [...percents(l.message.zh), ...percents(l.message.en)])
            expect(p).toMatch(/^\d+\.\d%$/)
          // A target line's completion is a percentage; a rate is one too, never 0.7143.
          if (l.messageId === "target") {
            expect(l.data.percent).toMatch(/^\d+\.\d%$/)
            const t = l.data.target as string
            const measure = snapshot.campaign.targets.find((x) => x.id === t)?.measure
            if (measure !== undefined && Target.measures[measure].quantity === "ratio")
              expect([l.data.actual, l.data.goal]).toEqual([
                expect.stringMatching(/%$/),
                expect.stringMatching(/%$/)
              ])
          }
        }
        const e = Assessment.explain(assessment, u.unit)!
        for (const text of [
          Assessment.formatExplanation(e, "zh"),
          Assessment.formatExplanation(e, "en")
        ])
          for (const p of percents(text)) expect(p).toMatch(/^\d+\.\d%$/)
      }
    }
  )

  it("000: a start rate reads as a percentage, worked from the exact rate", () => {
    // 工业园区 started 5 of the 7 projects of its pool against a goal of 0.7: 71.4% of 70.0%,
    // completion 5/7 ÷ 0.7 = 102.0%.
    const r = runs.find((x) => x.sample === "000-hundred-days")!
    const target = r.snapshot.campaign.targets.find((t) => t.measure === "start-rate")!
    const row = Progress.ofTarget(Progress.facts(View.make(r.snapshot)), target, {
      asOf: r.snapshot.asOf
    }).find((x) => x.actual === 0.7143)!
    expect(Progress.shown(row)).toEqual({ actual: "71.4%", goal: "70.0%" })
    const line = r.assessment.units
      .find((u) => u.unit === row.unit)!
      .lines.find((l) => l.data.target === target.id)!
    expect([line.data.actual, line.data.goal, line.data.percent]).toEqual([
      "71.4%",
      "70.0%",
      "102.0%"
    ])
  })

  it.each(runs.map((r) => [r.sample, r] as const))(
    "%s: every tier and every veto says why, in both languages",
    (_, { assessment }) => {
      for (const u of assessment.units) {
        expect(Object.keys(u.tierReasons).sort()).toEqual([...u.tiers].sort())
        const texts = [
          ...Object.values(u.tierReasons),
          ...u.vetoes.flatMap((v) => [v.message, v.title])
        ]
        for (const t of texts) {
          expect(t.zh.length).toBeGreaterThan(0)
          expect(t.en.length).toBeGreaterThan(0)
          expect(/[A-Za-z]/.test(chineseWords(t.zh))).toBe(false)
        }
        // A unit's tiers read apart: no title inside another (通报表扬 and 完成目标任务，通报表扬).
        const titles = u.tiers.map((id) => assessment.tiers.find((t) => t.id === id)!.title.zh)
        for (const a of titles)
          for (const b of titles) if (a !== b) expect(b.includes(a)).toBe(false)
      }
    }
  )

  it.each(runs.map((r) => [r.sample, r] as const))(
    "%s: gate checks speak Chinese in Chinese (规划审批, not planning审批)",
    (_, { out }) => {
      for (const v of out.verdicts)
        for (const f of v.failures) expect(/[A-Za-z]/.test(f.message.zh)).toBe(false)
    }
  )

  it("002: a criticised unit is told which condition put it there", () => {
    // 四.4: criticised for missing the annual task, judged at its due date 12-31 — as of
    // 2027-01-04, 丁镇 has 2.7亿 of 10亿: 27.0%.
    const r = runs.find((x) => x.sample === "002-investment-drive")!
    const entry = all.find((e) => e.sample === "002-investment-drive")!
    const after = Host.run(
      Result.getOrThrow(Host.load([{ plugin: entry.plugin, options: entry.options }])),
      r.snapshot,
      { asOf: "2027-01-04" }
    ).assessments[0]!.assessment
    const task = r.snapshot.campaign.targets.find((t) => t.id === "annual-task")!
    const d = after.units.find((u) => u.unit === "town-d")!
    expect(d.tiers).toEqual(["criticised"])
    for (const text of [d.tierReasons.criticised!.zh, d.tierReasons.criticised!.en]) {
      expect(text.includes(task.title)).toBe(true)
      expect(text.includes("27.0%")).toBe(true)
    }
  })
})
