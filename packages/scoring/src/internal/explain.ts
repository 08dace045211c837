/**
 * Explanations as people read them: items named by their titles, vetoes and
 * tiers with the reason that put the unit there, in Chinese or English.
 * Everything here runs when an explanation is written, never while scoring.
 *
 * @internal
 */
import { Clause } from "@gongjian/core"
import type { ScoringPolicy } from "../ScoringPolicy.js"

type Lang = "zh" | "en"
type Text = { readonly zh: string; readonly en: string }

/** @internal An item as explanations name it (the shape of `Assessment.ItemTitle`). */
export interface ItemTitle {
  readonly id: string
  readonly title: Text
  readonly clause: string
}

/** A verdict not given yet. */
interface Pending {
  readonly rule: string
  readonly title?: Text
  readonly kind: "veto" | "tier"
  readonly due: string
  readonly atRisk: boolean
  readonly reason: string
}

/** @internal What an explanation's text is written from (the shape of `Assessment.Explanation`). */
interface Explanation {
  readonly unit: string
  readonly name: string
  readonly total: string
  readonly rank: number
  readonly tiers: ReadonlyArray<string>
  readonly tierTitles: { readonly [tier: string]: Text }
  readonly tierReasons?: { readonly [tier: string]: Text } | undefined
  readonly vetoes: ReadonlyArray<{
    readonly veto: string
    readonly title?: Text
    readonly bars: ReadonlyArray<string>
    readonly reason: string
    readonly message?: Text
  }>
  readonly pending?: ReadonlyArray<Pending> | undefined
  readonly items: ReadonlyArray<{
    readonly item: string
    readonly title: Text
    readonly clause: string
    readonly points: string
    readonly lines: ReadonlyArray<{
      readonly points: string
      readonly message: Text
      readonly arithmetic: string
    }>
  }>
}

/** @internal The items of a policy as explanations name them, in policy order. */
export const itemTitles = (policy: Pick<ScoringPolicy, "items">): ReadonlyArray<ItemTitle> =>
  policy.items.map((i) => ({ id: i.id, title: i.title, clause: i.clause }))

const sep = { zh: "、", en: ", " } as const

/** @internal An explanation as indented text. */
export const explanationText = (e: Explanation, lang: Lang): string => {
  const zh = lang === "zh"
  const tierTitle = (t: string) => e.tierTitles[t]?.[lang] ?? t
  const tiers = e.tiers.map(tierTitle)
  const out: Array<string> = [
    zh
      ? `${e.name}：总分${e.total}，第${e.rank}名${tiers.length ? `，${tiers.join("、")}` : ""}`
      : `${e.name} (${e.unit}): ${e.total} points, rank ${e.rank}${tiers.length ? `, ${tiers.join(", ")}` : ""}`
  ]
  // Each tier with the condition that put the unit there.
  for (const t of e.tiers) {
    const why = e.tierReasons?.[t]?.[lang]
    if (why !== undefined) out.push(zh ? `  ${tierTitle(t)}：${why}` : `  ${tierTitle(t)}: ${why}`)
  }
  for (const v of e.vetoes) {
    const title = v.title?.[lang] ?? v.veto
    const why = v.message?.[lang] ?? v.reason
    const bars = v.bars.map(tierTitle).join(sep[lang])
    out.push(
      zh
        ? `  一票否决：${title}（${why}），不得评为${bars}`
        : `  veto ${title} [${v.veto}] (${why}): barred from ${bars}`
    )
  }
  // Verdicts not given yet: the engine's reason in English only, the date and the risk in both.
  for (const p of e.pending ?? []) {
    const title = p.title?.[lang] ?? (p.kind === "tier" ? tierTitle(p.rule) : p.rule)
    out.push(
      zh
        ? `  ${p.kind === "veto" ? "一票否决" : "档次"}「${title}」待定：${p.due}到期后评定${p.atRisk ? "，落后序时进度，有风险" : ""}`
        : `  ${p.kind} ${title} [${p.rule}] not judged yet: judged from ${p.due}${p.atRisk ? ", at risk: behind 序时进度" : ""} (${p.reason})`
    )
  }
  for (const i of e.items) {
    out.push(
      zh
        ? `  ${i.title.zh}（${Clause.zh(i.clause)}）：${i.points}分`
        : `  ${i.title.en} [${i.item}] (${i.clause}): ${i.points}`
    )
    for (const l of i.lines)
      out.push(
        zh
          ? `    ${l.points.padStart(8)}  ${l.message.zh}（算式：${l.arithmetic}）`
          : `    ${l.points.padStart(8)}  ${l.message.en}  (${l.arithmetic})`
      )
  }
  return out.join("\n")
}
