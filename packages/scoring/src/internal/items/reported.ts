/**
 * `reported` items (001 三.(五)): points per reported incident of a key
 * inside the window.
 *
 * @internal
 */
import * as P from "../points.js"
import { rejectedText } from "../rejectedText.js"
import type { Handler, Text } from "./handler.js"
import { signed } from "./text.js"

const messages = {
  noUnit: rejectedText.noUnit,
  notCount: rejectedText.notCount,
  line: (x: {
    readonly title: Text
    readonly on: string
    readonly note: string | undefined
    readonly count: number
    readonly points: string
  }): Text => ({
    zh: `${x.title.zh}（${x.on}${x.note ? `，${x.note}` : ""}）：${x.count}次，${x.points}分`,
    en: `${x.title.en} (${x.on}${x.note ? `, ${x.note}` : ""}): ${x.count}, ${x.points}`
  })
}

/** @internal */
export const reported: Handler<"reported"> = (item, env) => {
  const each = P.fromDecimal(item.pointsEach)
  for (const r of env.snapshot.reports ?? []) {
    if (r.measure !== "reported" || r.key !== item.key || !env.inWindow(r.on)) continue
    if (r.unit === undefined) {
      env.reject(r.id, messages.noUnit)
      continue
    }
    if (typeof r.value !== "number") {
      env.reject(r.id, messages.notCount)
      continue
    }
    const count = r.value
    const raw = P.times(each, P.fromDecimal(count))
    env.credit(r.unit, {
      key: r.id,
      raw,
      render: () => ({
        facts: { report: r.id, on: r.on, count, ...(r.note ? { note: r.note } : {}) },
        arithmetic: `${count} × ${P.format(each)} = ${P.format(raw)}`,
        message: messages.line({
          title: item.title,
          on: r.on,
          note: r.note,
          count,
          points: signed(raw)
        })
      })
    })
  }
  return undefined
}
