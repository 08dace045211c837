/**
 * `exit-findings` items: points per exit finding of the unit's projects, by
 * class, counting only the given severities.
 *
 * @internal
 */
import type { FindingLike } from "../../Context.js"
import { classZh, severityZh } from "../findingNames.js"
import { orderByKey } from "../order.js"
import * as P from "../points.js"
import * as Scratch from "../scratch.js"
import type { Handler, LineSource, Rendered, Text } from "./handler.js"
import { signed } from "./text.js"

const messages = {
  line: (x: {
    readonly title: Text
    readonly project: string
    readonly class: string
    readonly severity: "warning" | "breach" | "escalated"
    readonly points: string
  }): Text => ({
    zh: `${x.title.zh}：项目${x.project}（${classZh(x.class)}，${severityZh(x.severity)}）${x.points}分`,
    en: `${x.title.en}: project ${x.project} (${x.class}, ${x.severity}) ${x.points}`
  })
}

/** The item's lines: a line is a finding's index in the context's findings. */
class FindingLines implements LineSource {
  readonly #title: Text
  readonly #list: () => ReadonlyArray<FindingLike>
  /** The findings, read when a line is first keyed or explained. */
  get #findings(): ReadonlyArray<FindingLike> {
    return this.#list()
  }
  constructor(title: Text, findings: () => ReadonlyArray<FindingLike>) {
    this.#title = title
    this.#list = findings
  }
  /** Each credited row's rank among the distinct ids in order. */
  rank: ArrayLike<number> | undefined
  key(row: number): string {
    return this.#findings[row]!.id
  }
  ranks(): ArrayLike<number> | undefined {
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

// One instance kept for the life of the module (see `lines.ts`).
const KEPT = new FindingLines({ zh: "", en: "" }, () => [])
void KEPT

/** @internal */
export const exitFindings: Handler<"exit-findings"> = (item, env) => {
  const severities = item.severities ?? ["breach", "escalated"]
  // Each class's points read once, when first met.
  const perClass = new Map<string, P.Micro | undefined>()
  const pointsOf = (cls: string): P.Micro | undefined => {
    if (perClass.has(cls)) return perClass.get(cls)
    const pts = item.perClass[cls]
    const raw = pts === undefined ? undefined : P.fromDecimal(pts)
    perClass.set(cls, raw)
    return raw
  }
  const context = env.context
  const lines = new FindingLines(item.title, () => context.findings)
  const columns = env.findingRows
  if (columns !== undefined && columns.snapshot === env.snapshot) {
    // The engine that made the findings kept each one's project by index
    // and its place in id order: no id is read or compared.
    const n = columns.length
    // Each kind's points (NaN: not counted), then each finding's.
    const byKind = new Float64Array(columns.kinds.length)
    columns.kinds.forEach((k, i) => {
      const raw = pointsOf(k.class)
      byKind[i] = raw === undefined || !severities.includes(k.severity) ? Number.NaN : raw
    })
    const kind = columns.kind
    const rank = columns.rank
    if (rank !== undefined) {
      // Credited in id order: each row put at its rank.
      const byRank = Scratch.int32("exitFindings.byRank", n)
      const at = Scratch.int32("exitFindings.at", n)
      const rows = Scratch.int32("exitFindings.rows", n)
      const counted = Scratch.float64("exitFindings.counted", n)
      try {
        for (let row = 0; row < n; row++) byRank[rank[row]!] = row
        lines.rank = rank
        let c = 0
        for (let r = 0; r < n; r++) {
          const row = byRank[r]!
          const raw = byKind[kind[row]!]!
          if (Number.isNaN(raw)) continue
          at[c] = columns.project[row]!
          rows[c] = row
          counted[c] = raw
          c++
        }
        env.creditProjectRows(lines, at, rows, counted, c)
      } finally {
        Scratch.release(
          "exitFindings.byRank",
          "exitFindings.at",
          "exitFindings.rows",
          "exitFindings.counted"
        )
      }
      return undefined
    }
    const raws = new Float64Array(n)
    for (let row = 0; row < n; row++) raws[row] = byKind[kind[row]!]!
    const rows: Array<number> = []
    const counted: Array<P.Micro> = []
    for (let row = 0; row < n; row++)
      if (!Number.isNaN(raws[row]!)) {
        rows.push(row)
        counted.push(raws[row]!)
      }
    const at = rows.map((row) => columns.project[row]!)
    creditInIdOrder(env, lines, context.findings, rows, counted, at)
    return undefined
  }
  const findings = context.findings
  const projects = env.snapshot.projects
  let walking = true
  let j = 0
  // The findings counted, in their order: row, points and the index of the
  // project to credit (-1: credit the finding's unit).
  const rows: Array<number> = []
  const raws: Array<P.Micro> = []
  const at: Array<number> = []
  for (let row = 0; row < findings.length; row++) {
    const f = findings[row]!
    const raw = pointsOf(f.class)
    if (raw === undefined || !severities.includes(f.severity)) continue
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
  creditInIdOrder(env, lines, findings, rows, raws, at)
  return undefined
}

/**
 * Credits the counted findings in id order, so that each unit's lines come
 * in order: put in id order once (stable; an exit engine's come as a few
 * rising runs, one per rule), each ranked among the distinct ids.
 */
const creditInIdOrder = (
  env: Parameters<Handler<"exit-findings">>[1],
  lines: FindingLines,
  findings: ReadonlyArray<FindingLike>,
  rows: ReadonlyArray<number>,
  raws: ReadonlyArray<P.Micro>,
  at: ReadonlyArray<number>
): void => {
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
}
