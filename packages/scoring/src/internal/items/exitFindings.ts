/**
 * `exit-findings` items: points per exit finding of the unit's projects, by
 * class, counting only the given severities.
 *
 * @internal
 */
import type { FindingLike } from "../../Context.js"
import { orderByKey } from "../order.js"
import * as P from "../points.js"
import type { Handler, LineSource, Rendered, Text } from "./handler.js"
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

/** The item's lines: a line is a finding's index in the context's findings. */
class FindingLines implements LineSource {
  readonly #title: Text
  readonly #findings: ReadonlyArray<FindingLike>
  constructor(title: Text, findings: ReadonlyArray<FindingLike>) {
    this.#title = title
    this.#findings = findings
  }
  /** Each credited row's rank among the distinct ids in order. */
  rank: Int32Array | undefined
  key(row: number): string {
    return this.#findings[row]!.id
  }
  ranks(): Int32Array | undefined {
    return this.rank
  }
  render(row: number, raw: P.Micro): Rendered {
    const f = this.#findings[row]!
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
  const findings = env.context.findings
  const lines = new FindingLines(item.title, findings)
  // The findings counted, in their order: row, points and the index of the
  // project to credit (-1: credit the finding's unit).
  const rows: Array<number> = []
  const raws: Array<P.Micro> = []
  const at: Array<number> = []
  for (let row = 0; row < findings.length; row++) {
    const f = findings[row]!
    const pts = item.perClass[f.class]
    if (pts === undefined || !severities.includes(f.severity)) continue
    let raw = perClass.get(f.class)
    if (raw === undefined) {
      raw = P.fromDecimal(pts)
      perClass.set(f.class, raw)
    }
    rows.push(row)
    raws.push(raw)
    // Findings come in project order, as a snapshot's projects usually are:
    // the finding's project is found by walking the projects alongside, and
    // credited by its index; otherwise by its unit.
    if (walking) {
      while (j < projects.length && projects[j]!.id < f.project) j++
      const p = projects[j]
      if (p !== undefined && p.id === f.project && p.unit === f.unit) {
        at.push(j)
        continue
      }
      walking = false
    }
    at.push(-1)
  }
  // Credited in id order, so that each unit's lines come in order: the
  // counted findings put in id order once (stable; an exit engine's come as
  // a few rising runs, one per rule), each ranked among the distinct ids.
  const n = rows.length
  const ids = new Array<string>(n)
  for (let k = 0; k < n; k++) ids[k] = findings[rows[k]!]!.id
  const order = orderByKey(ids)
  const rank = new Int32Array(findings.length)
  let r = -1
  for (let i = 0; i < n; i++) {
    const k = order[i]!
    if (i === 0 || ids[k] !== ids[order[i - 1]!]) r++
    rank[rows[k]!] = r
  }
  lines.rank = rank
  for (let i = 0; i < n; i++) {
    const k = order[i]!
    const row = rows[k]!
    if (at[k]! >= 0) env.creditProjectRow(at[k]!, lines, row, raws[k]!)
    else env.creditRow(findings[row]!.unit, lines, row, raws[k]!)
  }
  return undefined
}
