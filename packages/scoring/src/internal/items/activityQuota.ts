/**
 * `activity-quota` items (002 三.1, 四.4): the item is worth `points` with the
 * quota met; each missing activity deducts `shortfallMultiplier` times its
 * value, `T − k × m × (T / r)`.
 *
 * @internal
 */
import { Ratio } from "@gongjian/core"
import * as P from "../points.js"
import type { Handler, Text } from "./handler.js"
import { signed } from "./text.js"

const messages = {
  multiplier: (k: number): Text =>
    k === 2 ? { zh: "双倍", en: "double" } : { zh: `${k}倍`, en: `${k} times` },
  floor: (min: number | undefined): Text =>
    min === undefined
      ? { zh: "本项不设下限", en: "the item has no floor" }
      : { zh: `本项最低${min}分`, en: `the item's floor is ${min}` },
  quota: (x: {
    readonly title: Text
    readonly count: number
    readonly required: number
    readonly value: string
  }): Text => ({
    // The item's value with the quota met, not its total: deductions follow.
    zh: `${x.title.zh}：完成${x.count}次（要求${x.required}次），本项分值${x.value}分`,
    en: `${x.title.en}: ${x.count} of ${x.required} required, the item is worth ${x.value} with the quota met`
  }),
  missing: (x: {
    readonly title: Text
    readonly count: number
    readonly required: number
    readonly missing: number
    readonly multiplier: Text
    readonly points: string
    readonly net: string
    readonly floor: Text
  }): Text => ({
    zh: `${x.title.zh}：缺少${x.missing}次（要求${x.required}次，完成${x.count}次），每缺1次从该项得分中${x.multiplier.zh}扣分，${x.points}分，扣后本项${x.net}分（${x.floor.zh}）`,
    en: `${x.title.en}: ${x.missing} missing (${x.count} of ${x.required}), each missing one deducted at ${x.multiplier.en} its value, ${x.points}, leaving the item at ${x.net} (${x.floor.en})`
  })
}

/** @internal */
export const activityQuota: Handler<"activity-quota"> = (item, env) => {
  const counts = new Map<string, { n: number; ids: Array<string> }>()
  const f = item.activityFilter
  for (const a of env.snapshot.activities ?? []) {
    if (!env.inWindow(a.date)) continue
    if (f.kinds !== undefined && !f.kinds.includes(a.kind)) continue
    if (f.roles !== undefined && (a.role === undefined || !f.roles.includes(a.role))) continue
    for (const u of env.context.lineage(a.unit)) {
      const c = counts.get(u) ?? { n: 0, ids: [] }
      c.n += a.count ?? 1
      c.ids.push(a.id)
      counts.set(u, c)
    }
  }
  const value = P.fromDecimal(item.points)
  const k = item.shortfallMultiplier ?? 2
  const r = item.required
  for (const u of env.units) {
    const c = counts.get(u.id) ?? { n: 0, ids: [] }
    const missing = Math.max(0, r - c.n)
    const ids = [...c.ids].sort()
    env.creditUnit(u.id, {
      key: "a-quota",
      raw: value,
      render: () => ({
        facts: { count: c.n, required: r, activities: ids },
        arithmetic: P.format(value),
        message: messages.quota({
          title: item.title,
          count: c.n,
          required: r,
          value: P.format(value)
        })
      })
    })
    if (missing > 0) {
      // T − k × m × (T / r): each missing activity loses k times its value.
      const raw = -P.timesRatio(
        value,
        Ratio.multiply(Ratio.makeUnsafe(k), Ratio.makeUnsafe(missing, r))
      )
      env.creditUnit(u.id, {
        key: "b-missing",
        raw,
        render: () => ({
          facts: {
            count: c.n,
            required: r,
            missing,
            multiplier: k,
            // The item after this deduction, before any floor.
            net: P.format(value + raw),
            ...(item.min === undefined ? {} : { floor: item.min })
          },
          arithmetic: `−${k} × ${missing} × (${P.format(value)} / ${r}) = ${P.format(raw)}`,
          message: messages.missing({
            title: item.title,
            count: c.n,
            required: r,
            missing,
            multiplier: messages.multiplier(k),
            points: signed(raw),
            net: P.format(value + raw),
            floor: messages.floor(item.min)
          })
        })
      })
    }
  }
  return undefined
}
