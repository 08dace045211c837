import {
  Clause,
  FindingClass,
  Progress,
  Ratio,
  type Snapshot,
  Unit,
  type View
} from "@gongjian/core"
import { Finding } from "@gongjian/exit-rules"
import type { Host } from "@gongjian/plugin-sdk"
import { Bulletin } from "@gongjian/reports"
import { percent } from "./render.js"

/** @internal */
export type Lang = "zh" | "en"

/** @internal Column headers in each language. */
export const headers = {
  ranking: {
    zh: ["名次", "单位", "总分", "档次", "否决", "待定"],
    en: ["rank", "unit", "total", "tiers", "vetoes", "not judged yet"]
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

/** @internal Veto titles by id, from the loaded plugins' scoring contents. */
export const vetoTitles = (
  host: Host.Host
): ReadonlyMap<string, { readonly zh: string; readonly en: string }> =>
  new Map(
    host.installed.flatMap((i) => (i.contents.scoring?.vetoes ?? []).map((v) => [v.id, v.title]))
  )

/**
 * @internal The ranking rows of an assessment, in group and rank order; the
 * totals as people read them (`Ratio.score`), the exact ones stay in JSON.
 */
export const rankingRows = (
  a: Host.PluginAssessment,
  lang: Lang,
  vetoes: ReadonlyMap<string, { readonly zh: string; readonly en: string }> = new Map()
): Array<Array<string>> => {
  const tierTitles = new Map(a.tiers.map((t) => [t.id, t.title[lang]]))
  const sep = lang === "zh" ? "、" : ", "
  return a.units.map((u) => [
    String(u.rank),
    u.name,
    Ratio.score(u.total),
    u.tiers.map((t) => tierTitles.get(t) ?? t).join(sep),
    u.vetoes.map((v) => vetoes.get(v.veto)?.[lang] ?? v.veto).join(sep),
    pendingText(
      u.pending ?? [],
      lang,
      (p) => (p.kind === "veto" ? vetoes.get(p.rule)?.[lang] : tierTitles.get(p.rule)) ?? p.rule
    )
  ])
}

/**
 * @internal The vetoes and tiers on targets not due yet, with the date each is
 * judged and whether the unit is behind 序时进度; those judged on the same date
 * with the same risk share one note, the verdicts that date decides between
 * set apart by a slash: 通报表扬／通报批评（2026-12-31评定）.
 */
const pendingText = (
  pending: NonNullable<Host.PluginAssessment["units"][number]["pending"]>,
  lang: Lang,
  title: (p: (typeof pending)[number]) => string
): string => {
  const sep = lang === "zh" ? "／" : " / "
  const notes: Array<{ note: string; titles: Array<string> }> = []
  for (const p of pending) {
    const note =
      lang === "zh"
        ? `（${p.due}评定${p.atRisk ? "，落后序时进度" : ""}）`
        : ` (judged ${p.due}${p.atRisk ? ", behind 序时进度" : ""})`
    const last = notes[notes.length - 1]
    if (last?.note === note) last.titles.push(title(p))
    else notes.push({ note, titles: [title(p)] })
  }
  return notes.map((n) => n.titles.join(sep) + n.note).join(lang === "zh" ? "；" : "; ")
}

/**
 * @internal The ranking of an assessment as tables, one per group with the
 * group's title when there is more than one (ranks restart in each group). The
 * tiers column is left out when the policy has no tiers, the vetoes column when
 * no unit is vetoed, the column of verdicts not given yet when none is pending.
 */
export const rankingSections = (
  a: Host.PluginAssessment,
  lang: Lang,
  vetoes: ReadonlyMap<string, { readonly zh: string; readonly en: string }> = new Map()
): Array<{
  readonly title: string | undefined
  readonly header: Array<string>
  readonly rows: Array<Array<string>>
}> => {
  const all = rankingRows(a, lang, vetoes)
  const keep = [
    true,
    true,
    true,
    a.tiers.length > 0,
    a.units.some((u) => u.vetoes.length > 0),
    a.units.some((u) => u.pending !== undefined)
  ]
  const cut = <X>(r: ReadonlyArray<X>): Array<X> => r.filter((_, i) => keep[i])
  const header = cut(headers.ranking[lang])
  const byGroup = (id: string) => all.filter((_, i) => a.units[i]!.group === id).map(cut)
  if (a.groups.length <= 1) return [{ title: undefined, header, rows: all.map(cut) }]
  return a.groups.map((g) => ({ title: g.title[lang], header, rows: byGroup(g.id) }))
}

/**
 * @internal The clauses the run left out for want of options, as lines a
 * reader sees under the ranking; empty when none.
 */
export const inactiveLines = (run: Host.Run, lang: Lang): Array<string> =>
  run.inactive.map((x) =>
    lang === "zh"
      ? `  未启用：${Clause.zh(x.clause)} ${x.title.zh}（需要选项 ${x.needs.join("、")}，用 --options 给出）`
      : `  Not assessed: ${x.clause} ${x.title.en} (needs the option${x.needs.length > 1 ? "s" : ""} ${x.needs.join(", ")}; give ${x.needs.length > 1 ? "them" : "it"} with --options)`
  )

/**
 * @internal Every target's progress rows (area first, named by
 * `Unit.areaLabel`: 全县, 全市, 全区, 全镇; then units), as of the view's date.
 */
export const progressRows = (view: View.View, lang: Lang): Array<Array<string>> => {
  const s = view.snapshot
  const asOf = view.asOf
  const facts = Progress.facts(view)
  const names = new Map(s.units.map((u) => [u.id, u.name]))
  const area = Unit.areaLabel(s.units)[lang]
  const rows: Array<Array<string>> = []
  for (const t of s.campaign.targets) {
    const target = Progress.ofTarget(facts, t, { asOf })
    const magnitude = Progress.magnitude(target)
    for (const r of target) {
      const { actual, goal } = Progress.shown(r, { precision: 2, magnitude })
      rows.push([
        t.title,
        r.unit === undefined ? area : (names.get(r.unit) ?? r.unit),
        actual,
        goal,
        percent(r.ratio),
        percent(r.expected),
        Bulletin.statusNames[r.status][lang]
      ])
    }
  }
  return rows
}

/** @internal The findings rows: the project by its name and id, as the bulletin names it. */
export const findingRows = (
  s: Snapshot.Snapshot,
  findings: ReadonlyArray<Host.PluginFinding>,
  lang: Lang
): Array<Array<string>> => {
  const names = new Map(s.units.map((u) => [u.id, u.name]))
  const projects = new Map(s.projects.map((p) => [p.id, p.name]))
  const project = (id: string) => {
    const name = projects.get(id)
    return name === undefined ? id : lang === "zh" ? `${name}（${id}）` : `${name} (${id})`
  }
  return findings.map((f) => [
    project(f.project),
    names.get(f.unit) ?? f.unit,
    Finding.classNames[f.class][lang],
    FindingClass.severityNames[f.severity][lang],
    Finding.actionNames[f.action][lang],
    f.severity === "escalated" && f.rectification !== undefined
      ? lang === "zh"
        ? `${f.rectification.deadline}（整改期限；原期限${f.deadline}）`
        : `${f.rectification.deadline} (rectification deadline; originally ${f.deadline})`
      : f.deadline,
    days(f, lang)
  ])
}

/**
 * The 天数 cell in the findings' words: a warning's days left (还有15天; 今日到期
 * on the deadline), an overdue finding's days overdue (逾期16天), never a bare
 * or negative count.
 */
const days = (f: Host.PluginFinding, lang: Lang): string => {
  const n = f.severity === "warning" ? (f.daysLeft ?? 0) : (f.daysOverdue ?? 0)
  if (f.severity === "warning" && n === 0) return lang === "zh" ? "今日到期" : "due today"
  if (f.severity === "warning")
    return lang === "zh" ? `还有${n}天` : `${n} day${n === 1 ? "" : "s"} left`
  return lang === "zh" ? `逾期${n}天` : `${n} day${n === 1 ? "" : "s"} overdue`
}

/**
 * @internal The assessed unit `--unit` names: by id, else by name (甲县人民政府).
 * `undefined` when none does; the ids of all when a name is shared.
 */
export const unitNamed = (
  units: ReadonlyArray<{ readonly unit: string; readonly name: string }>,
  given: string
): { readonly unit: string } | { readonly shared: ReadonlyArray<string> } | undefined => {
  if (units.some((u) => u.unit === given)) return { unit: given }
  const named = units.filter((u) => u.name === given.trim())
  if (named.length === 1) return { unit: named[0]!.unit }
  return named.length > 1 ? { shared: named.map((u) => u.unit) } : undefined
}

/**
 * @internal The failed gate checks as lines: the gate by its title and the
 * project by its name, in the language asked for (the gate's id and the
 * project's id follow in English, for the technical reader).
 */
export const gateLines = (
  host: Host.Host,
  s: Snapshot.Snapshot,
  verdicts: Host.Run["verdicts"],
  lang: Lang
): Array<string> => {
  const titles = new Map(
    host.installed.flatMap((i) => (i.contents.gates ?? []).map((g) => [g.id, g.title]))
  )
  const names = new Map(s.projects.map((p) => [p.id, p.name]))
  return verdicts
    .filter((v) => !v.pass)
    .map((v) => {
      const title = titles.get(v.gate)?.[lang] ?? v.gate
      const name = names.get(v.project) ?? v.project
      const why = v.failures.map((f) => f.message[lang]).join(lang === "zh" ? "；" : "; ")
      return lang === "zh"
        ? `  ${title}  ${name}（${v.project}）：${why}`
        : `  ${title} [${v.gate}]  ${name} (${v.project}): ${why}`
    })
}

/** @internal What a notice's code means, in Chinese. */
const NOTICE_ZH: { readonly [code: string]: string } = {
  "after-as-of": "日期晚于截至日期，不计入",
  "currency-mismatch": "币种或数值类型与目标不一致，不计入"
}

/**
 * @internal A snapshot's notice (a record no result counts) as a line of
 * `validate`: the record and field, and why, in the language asked for (the
 * English text is the engine's, which names the target).
 */
export const noticeLine = (
  n: {
    readonly record?: string | undefined
    readonly field: string
    readonly code: string
    readonly message: string
  },
  lang: Lang
): string => {
  const field = n.field.replace(/\[\d+\]/g, "")
  if (lang === "en") return `${n.record ?? "(document)"} ${field}: ${n.message}`
  return `${n.record ?? "（文件）"} ${field}：${NOTICE_ZH[n.code] ?? n.message}`
}
