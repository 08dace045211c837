import { Money, Progress, type Snapshot, type View } from "@gongjian/core"
import { Finding } from "@gongjian/exit-rules"
import type { Host } from "@gongjian/plugin-sdk"
import { completionPercent, percent } from "./render.js"

/** @internal */
export type Lang = "zh" | "en"

const STATUS = {
  zh: { ahead: "领先", "on-track": "正常", amber: "黄灯", red: "红灯" },
  en: { ahead: "ahead", "on-track": "on track", amber: "amber", red: "red" }
} as const
const SEVERITY = {
  zh: { warning: "预警", breach: "逾期", escalated: "整改逾期" },
  en: { warning: "warning", breach: "breach", escalated: "escalated" }
} as const

/** @internal Column headers in each language. */
export const headers = {
  ranking: {
    zh: ["名次", "单位", "总分", "档次", "否决"],
    en: ["rank", "unit", "total", "tiers", "vetoes"]
  },
  progress: {
    zh: ["目标", "单位", "完成", "目标值", "完成率", "序时进度", "状态"],
    en: ["target", "unit", "actual", "goal", "completion", "expected", "status"]
  },
  findings: {
    zh: ["项目", "单位", "类别", "程度", "建议", "期限", "天数"],
    en: ["project", "unit", "class", "severity", "action", "deadline", "days"]
  },
  problems: { zh: ["位置", "记录", "问题"], en: ["path", "record", "problem"] }
} as const

const show = (g: Money.Money | number): string =>
  typeof g === "number" ? String(g) : Money.format(g, { precision: 2 })

/** @internal The ranking rows of an assessment. */
export const rankingRows = (a: Host.PluginAssessment, lang: Lang): Array<Array<string>> => {
  const tierTitles = new Map(a.tiers.map((t) => [t.id, t.title[lang]]))
  return a.units.map((u) => [
    String(u.rank),
    u.name,
    u.total,
    u.tiers.map((t) => tierTitles.get(t) ?? t).join(lang === "zh" ? "、" : ", "),
    u.vetoes.map((v) => v.veto).join(", ")
  ])
}

/** @internal Every target's progress rows (area first, then units), as of the view's date. */
export const progressRows = (view: View.View, lang: Lang): Array<Array<string>> => {
  const s = view.snapshot
  const asOf = view.asOf
  const facts = Progress.facts(view)
  const names = new Map(s.units.map((u) => [u.id, u.name]))
  const rows: Array<Array<string>> = []
  for (const t of s.campaign.targets) {
    for (const r of Progress.ofTarget(facts, t, { asOf })) {
      rows.push([
        t.title,
        r.unit === undefined ? (lang === "zh" ? "全区" : "all") : (names.get(r.unit) ?? r.unit),
        show(r.actual),
        show(r.goal),
        completionPercent(r.ratio),
        percent(r.expected),
        STATUS[lang][r.status]
      ])
    }
  }
  return rows
}

/** @internal The findings rows. */
export const findingRows = (
  s: Snapshot.Snapshot,
  findings: ReadonlyArray<Host.PluginFinding>,
  lang: Lang
): Array<Array<string>> => {
  const names = new Map(s.units.map((u) => [u.id, u.name]))
  return findings.map((f) => [
    f.project,
    names.get(f.unit) ?? f.unit,
    Finding.classNames[f.class][lang],
    SEVERITY[lang][f.severity],
    Finding.actionNames[f.action][lang],
    f.deadline,
    f.severity === "warning" ? (f.daysLeft === 0 ? "0" : `-${f.daysLeft}`) : String(f.daysOverdue)
  ])
}
