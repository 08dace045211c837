/**
 * `exit-findings` items: points per exit finding of the unit's projects, by
 * class, counting only the given severities.
 *
 * @internal
 */
import type { FindingLike } from "../../Context.js"
import { Line } from "../lines.js"
import * as P from "../points.js"
import type { Handler, Rendered, Text } from "./handler.js"
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

/** A finding's line. */
class FindingLine extends Line {
  readonly #title: Text
  readonly #finding: FindingLike
  constructor(title: Text, finding: FindingLike, raw: P.Micro) {
    super(finding.id, raw)
    this.#title = title
    this.#finding = finding
  }
  render(): Rendered {
    const f = this.#finding
    const raw = this.raw
    return {
      facts: { finding: f.id, project: f.project, class: f.class, severity: f.severity },
      arithmetic: P.format(raw),
      message: messages.line({
        title: this.#title,
        project: f.project,
        class: f.class,
        severity: f.severity,
        points: signed(raw)
      })
    }
  }
}

/** @internal */
export const exitFindings: Handler<"exit-findings"> = (item, env) => {
  const severities = item.severities ?? ["breach", "escalated"]
  // Each class's points read once, when first met.
  const perClass = new Map<string, P.Micro>()
  const projects = env.snapshot.projects
  let walking = true
  let j = 0
  for (const f of env.context.findings) {
    const pts = item.perClass[f.class]
    if (pts === undefined || !severities.includes(f.severity)) continue
    const raw = perClass.get(f.class) ?? P.fromDecimal(pts)
    perClass.set(f.class, raw)
    const line = new FindingLine(item.title, f, raw)
    // Findings come in project order, as a snapshot's projects usually are:
    // the finding's project is found by walking the projects alongside, and
    // credited by its index; otherwise by its unit.
    if (walking) {
      while (j < projects.length && projects[j]!.id < f.project) j++
      const p = projects[j]
      if (p !== undefined && p.id === f.project && p.unit === f.unit) {
        env.creditProject(j, line)
        continue
      }
      walking = false
    }
    env.credit(f.unit, line)
  }
  return undefined
}
