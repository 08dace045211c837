import type { Target } from "@gongjian/core"
import type { Plugin } from "@gongjian/plugin-sdk"
import type { ScoringItem } from "@gongjian/scoring"

/** @internal */
export const t = (zh: string, en: string) => ({ zh, en })

/** @internal A target-completion item, linear and capped at 100%. */
export const completion = (
  id: string,
  target: string,
  points: number,
  clause: string,
  title: { zh: string; en: string },
  extra: Partial<ScoringItem.ScoringItem> = {}
): Plugin.Item =>
  ({
    kind: "target",
    id,
    title,
    clause,
    target,
    points,
    curve: { kind: "linear" },
    messageId: "target",
    ...extra
  }) as Plugin.Item

/** @internal The message every target-completion item reports. */
export const targetMessage = {
  target: t(
    "{title}：完成{actual}，目标{goal}，完成率{percent}，得{points}分",
    "{title}: {actual} of {goal} ({percent}), {points} points"
  )
}

/** @internal */
export const target = (def: Target.Target): Target.Target => def
