/**
 * `exit-findings` items: points per exit finding of the unit's projects, by
 * class, counting only the given severities.
 *
 * @internal
 */
import * as P from "../points.js"
import type { Handler, Text } from "./handler.js"
import { signed } from "./text.js"

const messages = {
  line: (x: {
    readonly title: Text
    readonly project: string
    readonly class: string
    readonly severity: string
    readonly points: string
  }): Text => ({
    zh: `${x.title.zh}：项目${x.project}（${x.class}，${x.severity}）${x.points}分`,
    en: `${x.title.en}: project ${x.project} (${x.class}, ${x.severity}) ${x.points}`
  })
}

/** @internal */
export const exitFindings: Handler<"exit-findings"> = (item, env) => {
  const severities = item.severities ?? ["breach", "escalated"]
  // Each class's points read once, when first met.
  const perClass = new Map<string, P.Micro>()
  for (const f of env.context.findings) {
    const pts = item.perClass[f.class]
    if (pts === undefined || !severities.includes(f.severity)) continue
    const raw = perClass.get(f.class) ?? P.fromDecimal(pts)
    perClass.set(f.class, raw)
    env.credit(f.unit, {
      key: f.id,
      raw,
      render: () => ({
        facts: { finding: f.id, project: f.project, class: f.class, severity: f.severity },
        arithmetic: P.format(raw),
        message: messages.line({
          title: item.title,
          project: f.project,
          class: f.class,
          severity: f.severity,
          points: signed(raw)
        })
      })
    })
  }
  return undefined
}
