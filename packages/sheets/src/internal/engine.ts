import {
  Activity,
  Lifecycle,
  type Money,
  Problem,
  Project,
  type Snapshot,
  Target
} from "@gongjian/core"
import * as BigDecimal from "effect/BigDecimal"
import * as Order from "effect/Order"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import type * as RowReport from "../RowReport.js"
import { HeaderNotFoundError } from "../SheetError.js"
import type { Column, MoneyUnit, Template } from "../Template.js"
import * as C from "./cells.js"
import { lifecycleZh } from "./lifecycleText.js"
import * as N from "./names.js"
import type { SheetRow } from "./source.js"

interface Bound {
  readonly index: number
  readonly column: Column
  readonly header: string
  readonly unit: MoneyUnit | undefined
  readonly letter: string
}

/** @internal What an import produced before it is wrapped for users. */
export interface Outcome {
  readonly projects: ReadonlyArray<Project.Project>
  readonly activities: ReadonlyArray<Activity.Activity>
  readonly reports: ReadonlyArray<Target.Report>
  readonly report: Omit<RowReport.RowReport, "file" | "format" | "encoding">
}

const DEFAULT_TOTALS = ["合计", "总计", "小计", "全县合计", "共计"]
const DEFAULT_NOTES = [
  "填表",
  "填报人",
  "制表",
  "审核",
  "注：",
  "注:",
  "说明",
  "备注：",
  "负责人："
]

const headerLabel = (rows: ReadonlyArray<SheetRow>, col: number): string => {
  const parts: Array<string> = []
  for (let k = 0; k < rows.length; k++) {
    const cells = rows[k]!.cells
    let v = C.textOf(cells[col])
    if (v === undefined && k < rows.length - 1) {
      // A merged group header: its text is in the first cell of the group;
      // it applies here when a lower header row names this column.
      const below = rows.slice(k + 1).some((r) => C.textOf(r.cells[col]) !== undefined)
      if (below) {
        for (let j = col - 1; j >= 0; j--) {
          const t = C.textOf(cells[j])
          if (t !== undefined) {
            const lowerAtJ = rows.slice(k + 1).some((r) => C.textOf(r.cells[j]) !== undefined)
            v = lowerAtJ ? t : undefined
            break
          }
        }
      }
    }
    if (v !== undefined && parts[parts.length - 1] !== v) parts.push(v)
  }
  return parts.join("/")
}

interface HeaderMatch {
  readonly start: number
  readonly bound: ReadonlyArray<Bound>
  readonly ignored: ReadonlyArray<{ readonly column: string; readonly header: string }>
  readonly missing: ReadonlyArray<string>
}

const matchHeader = (
  rows: ReadonlyArray<SheetRow>,
  start: number,
  template: Template
): HeaderMatch => {
  const hrows = rows.slice(start, start + template.headerRows)
  const width = Math.max(0, ...hrows.map((r) => r.cells.length))
  const labels: Array<string> = []
  for (let c = 0; c < width; c++) labels.push(headerLabel(hrows, c))
  const keys = labels.map(C.headerKey)
  const used = new Set<number>()
  const bound: Array<Bound> = []
  const missing: Array<string> = []
  for (const column of template.columns) {
    const wanted = column.headers.map(C.headerKey)
    let index = -1
    for (const w of wanted) {
      index = keys.findIndex((k, i) => !used.has(i) && k === w)
      if (index >= 0) break
    }
    if (index < 0) {
      if (column.required) missing.push(column.headers[0])
      continue
    }
    used.add(index)
    const parts = labels[index]!
    bound.push({
      index,
      column,
      header: parts,
      unit: C.headerUnit(parts) ?? column.unit,
      letter: C.columnName(index)
    })
  }
  const ignored = labels.flatMap((h, i) =>
    h !== "" && !used.has(i) ? [{ column: C.columnName(i), header: h }] : []
  )
  bound.sort((a, b) => a.index - b.index)
  return { start, bound, ignored, missing }
}

interface Context {
  readonly unitIds: ReadonlyMap<string, string>
  readonly unitNames: ReadonlyArray<string>
  readonly hasUnits: boolean
  readonly projects: Map<string, Project.Project>
  readonly activities: ReadonlyMap<string, Activity.Activity>
  readonly reports: ReadonlyMap<string, Target.Report>
  /** The flags and industries the snapshot's projects carry: they read back as themselves. */
  readonly flagCodes: ReadonlySet<string>
  readonly industryCodes: ReadonlySet<string>
}

const UNIT_SUFFIX = /(镇|乡|街道|街道办事处|办事处|园区|开发区)$/

const contextOf = (snapshot: Snapshot.Snapshot | undefined): Context => {
  const unitIds = new Map<string, string>()
  for (const u of snapshot?.units ?? []) {
    unitIds.set(u.id, u.id)
    unitIds.set(u.name.replace(/\s+/g, ""), u.id)
  }
  // Short names (新庄 for 新庄镇) when they are unambiguous.
  const short = new Map<string, Array<string>>()
  for (const u of snapshot?.units ?? []) {
    const s = u.name.replace(/\s+/g, "").replace(UNIT_SUFFIX, "")
    if (s !== "" && !unitIds.has(s)) short.set(s, [...(short.get(s) ?? []), u.id])
  }
  for (const [s, ids] of short) if (ids.length === 1) unitIds.set(s, ids[0]!)
  return {
    unitIds,
    unitNames: (snapshot?.units ?? []).map((u) => u.name),
    hasUnits: (snapshot?.units ?? []).length > 0,
    projects: new Map((snapshot?.projects ?? []).map((p) => [p.id, p])),
    activities: new Map((snapshot?.activities ?? []).map((a) => [a.id, a])),
    reports: new Map((snapshot?.reports ?? []).map((r) => [r.id, r])),
    flagCodes: new Set((snapshot?.projects ?? []).flatMap((p) => p.flags ?? [])),
    industryCodes: new Set(
      (snapshot?.projects ?? []).flatMap((p) => (p.industry === undefined ? [] : [p.industry]))
    )
  }
}

const STAGE_RANK = new Map(Lifecycle.defaultModel.stages.map((s, i) => [s.id as string, i]))
/** Folding a project's events up to a date after all of them. */
const TO_THE_END = { asOf: "9999-12-31" } as const
/** The problems of a row that has none: one list shared by every such row. */
const NO_PROBLEMS: ReadonlyArray<RowReport.Problem> = Object.freeze([])

/** Stage events by date, same-day ones in the order of the stages. */
const byDateThenStage: Order.Order<Lifecycle.ProjectEvent> = Order.combine(
  Order.mapInput(Order.String, (e: Lifecycle.ProjectEvent) => e.date),
  Order.mapInput(Order.Number, (e: Lifecycle.ProjectEvent) => STAGE_RANK.get(e.type) ?? 99)
)

/**
 * Sorts a project's few events in place by {@link byDateThenStage}, stably,
 * as `Array.prototype.sort` would, without the work arrays it allocates per call.
 */
const sortEvents = (events: Array<Lifecycle.ProjectEvent>): void => {
  for (let i = 1; i < events.length; i++) {
    const e = events[i]!
    let j = i - 1
    while (j >= 0 && byDateThenStage(events[j]!, e) > 0) {
      events[j + 1] = events[j]!
      j--
    }
    events[j + 1] = e
  }
}

type Value = string | number | boolean | Money.Money | ReadonlyArray<string>

const startsWithAny = (text: string, prefixes: ReadonlyArray<string>): boolean => {
  for (const p of prefixes) if (text.startsWith(p)) return true
  return false
}

/** The keys of a field's path (`investment.total`), split once per field name. */
const PATHS = new Map<string, ReadonlyArray<string>>()
const keysOf = (path: string): ReadonlyArray<string> => {
  let keys = PATHS.get(path)
  if (keys === undefined) {
    keys = path.split(".")
    PATHS.set(path, keys)
  }
  return keys
}

/**
 * Sets a field at its path (`investment.total`) in a record being put
 * together. A nested object this record made (listed in `own`) is written in
 * place; one it shares with the record it is merged into is copied first, the
 * copy listed, so that a record that exists is never changed.
 */
const setPath = (
  target: Record<string, unknown>,
  path: string,
  value: unknown,
  own: Array<unknown>
): void => {
  if (path.indexOf(".") < 0) {
    target[path] = value
    return
  }
  const keys = keysOf(path)
  let o = target
  for (let i = 0; i < keys.length - 1; i++) {
    const k = keys[i]!
    const next = o[k]
    if (typeof next === "object" && next !== null && own.includes(next)) {
      o = next as Record<string, unknown>
      continue
    }
    const made: Record<string, unknown> =
      typeof next === "object" && next !== null ? { ...(next as object) } : {}
    own.push(made)
    o = o[k] = made
  }
  o[keys[keys.length - 1]!] = value
}

/**
 * A row's values by field, in the order they were read (the order fields are
 * set in a record): one, emptied for each row, instead of a map per row.
 */
class RowValues {
  readonly fields: Array<string> = []
  readonly values: Array<Value | undefined> = []
  size = 0
  clear(): void {
    for (let i = 0; i < this.size; i++) this.values[i] = undefined
    this.size = 0
  }
  private indexOf(field: string): number {
    for (let i = 0; i < this.size; i++) if (this.fields[i] === field) return i
    return -1
  }
  has(field: string): boolean {
    return this.indexOf(field) >= 0
  }
  get(field: string): Value | undefined {
    const i = this.indexOf(field)
    return i < 0 ? undefined : this.values[i]
  }
  /** A field read again keeps its place, as in a `Map`. */
  set(field: string, value: Value): void {
    const i = this.indexOf(field)
    if (i >= 0) {
      this.values[i] = value
      return
    }
    this.fields[this.size] = field
    this.values[this.size] = value
    this.size++
  }
}

interface TotalState {
  readonly bound: Bound
  sumCny: BigDecimal.BigDecimal
  sumUsd: BigDecimal.BigDecimal
  sumNumber: number
  rows: number
  unreadable: number
  subCny: BigDecimal.BigDecimal
  subUsd: BigDecimal.BigDecimal
  subNumber: number
  subRows: number
  subUnreadable: number
}

const ZERO = BigDecimal.fromBigInt(0n)
const UNIT_FACTOR: Record<MoneyUnit, bigint> = {
  元: 1n,
  万元: 10_000n,
  亿元: 100_000_000n,
  美元: 1n,
  万美元: 10_000n,
  亿美元: 100_000_000n
}
const inUnit = (amount: BigDecimal.BigDecimal, unit: MoneyUnit): string =>
  BigDecimal.format(
    BigDecimal.normalize(BigDecimal.divideUnsafe(amount, BigDecimal.fromBigInt(UNIT_FACTOR[unit])))
  )

/**
 * A record put together from a row, checked against its schema: the values
 * were each read by their column's type, but a template (a county's own)
 * may send a value to a field that takes another, or leave out one a record
 * needs. The checked record is typed; a record that does not fit rejects its
 * row, naming the field.
 */
const checker = <S extends Schema.Top & { readonly DecodingServices: never }>(schema: S) => {
  const fits = Schema.is(schema)
  const decode = Schema.decodeUnknownResult(Schema.toType(schema))
  // The record itself when it fits (fields the template names beyond the
  // schema's are kept as read); what is wrong with it when it does not.
  return <A>(value: A): Result.Result<A & S["Type"], ReadonlyArray<Problem.SchemaProblem>> => {
    if (fits(value)) return Result.succeed(value)
    const r = decode(value)
    return Result.fail(Result.isFailure(r) ? Problem.fromIssue(r.failure.issue) : [])
  }
}
const asProject = checker(Project.Project)
const asApproval = checker(Project.Approval)
const asEvent = checker(Lifecycle.ProjectEvent)
const asActivity = checker(Activity.Activity)
const asReport = checker(Target.Report)

const KIND_ZH = {
  project: "项目",
  activity: "活动",
  report: "报表",
  approval: "审批事项",
  event: "处置记录"
}

const PROBLEM_ZH: Record<Problem.SchemaCode, string> = {
  "missing-key": "缺少此项",
  "unexpected-key": "不应有此项",
  "invalid-type": "类型不对",
  "invalid-value": "取值无效",
  filter: "取值不合要求",
  "one-of": "不符合任何一种写法",
  "any-of": "不符合任何一种写法",
  forbidden: "不允许"
}

/** @internal Reads the rows of a sheet, in batches, with a template into records and a row report. */
export const run = async (
  rows: AsyncIterable<ReadonlyArray<SheetRow>>,
  template: Template,
  snapshot: Snapshot.Snapshot | undefined,
  file: string
): Promise<Outcome> => {
  const ctx = contextOf(snapshot)
  const search = template.searchRows ?? 12
  const head: Array<SheetRow> = []
  const batches = rows[Symbol.asyncIterator]()
  let batch: ReadonlyArray<SheetRow> = []
  let k = 0
  const next = async (): Promise<SheetRow | undefined> => {
    while (k >= batch.length) {
      const r = await batches.next()
      if (r.done === true) return undefined
      batch = r.value
      k = 0
    }
    return batch[k++]
  }
  // Non-blank rows only count toward the header search.
  while (head.length < search + template.headerRows) {
    const r = await next()
    if (r === undefined) break
    if (r.cells.some((c) => !C.isBlank(c))) head.push(r)
  }
  let best: HeaderMatch | undefined
  for (let s = 0; s + template.headerRows <= head.length && s < search; s++) {
    const m = matchHeader(head, s, template)
    if (m.missing.length === 0 && (best === undefined || m.bound.length > best.bound.length))
      best = m
    if (best === undefined && m.bound.length > 0 && m.missing.length === 0) best = m
  }
  if (best === undefined) {
    let fewest: HeaderMatch | undefined
    for (let s = 0; s + template.headerRows <= head.length && s < search; s++) {
      const m = matchHeader(head, s, template)
      if (fewest === undefined || m.missing.length < fewest.missing.length) fewest = m
    }
    throw new HeaderNotFoundError({
      file,
      template: template.id,
      missing:
        fewest?.missing ?? template.columns.filter((c) => c.required).map((c) => c.headers[0]),
      searchedRows: search
    })
  }
  const header = best
  const titleRows = head.slice(0, header.start).map((r) => r.n)
  const headerRows = head.slice(header.start, header.start + template.headerRows).map((r) => r.n)
  const pending = head.slice(header.start + template.headerRows)

  const totalsLabels = new Set(
    (template.totalLabels ?? DEFAULT_TOTALS).map((s) => s.replace(/\s+/g, ""))
  )
  const notes = template.notePrefixes ?? DEFAULT_NOTES
  const totals: Array<TotalState> = header.bound
    .filter(
      (b) =>
        b.column.total === true &&
        (b.column.type === "money" || b.column.type === "number" || b.column.type === "integer")
    )
    .map((bound) => ({
      bound,
      sumCny: ZERO,
      sumUsd: ZERO,
      sumNumber: 0,
      rows: 0,
      unreadable: 0,
      subCny: ZERO,
      subUsd: ZERO,
      subNumber: 0,
      subRows: 0,
      subUnreadable: 0
    }))

  const out: Array<RowReport.Row> = []
  const counts = { accepted: 0, merged: 0, rejected: 0, total: 0, note: 0, blank: 0 }
  // The row of each id read so far (a template reads one kind of record).
  const seen = new Map<string, number>()
  // The projects a row merged into (approvals, exit events).
  const touched = new Set<string>()
  // The projects project rows read, in the order of their rows.
  const read: Array<Project.Project> = []
  const newActivities = new Map<string, Activity.Activity>()
  const newReports = new Map<string, Target.Report>()
  const byField = new Map(header.bound.map((b) => [b.column.field, b]))
  // The dates kept in records, one string per distinct date: a ledger repeats
  // its dates row after row, and each date read is a string of its own.
  const strings = new Map<string, string>()
  const once = (text: string): string => {
    const known = strings.get(text)
    if (known !== undefined) return known
    strings.set(text, text)
    return text
  }
  // The stage events of the projects read, one object per stage and date:
  // a ledger's projects share their dates as they share their stages, and
  // what every project keeps is a reference. Shared, so frozen.
  const stageEvents = new Map<string, Map<string, Lifecycle.ProjectEvent>>()
  const stageEvent = (field: string, date: string): Lifecycle.ProjectEvent => {
    let byDate = stageEvents.get(field)
    if (byDate === undefined) {
      byDate = new Map()
      stageEvents.set(field, byDate)
    }
    let event = byDate.get(date)
    if (event === undefined) {
      event = Object.freeze({ type: field.slice(7) as Lifecycle.Stage, date })
      byDate.set(date, event)
    }
    return event
  }
  const firstCell = header.bound[0]!
  const constants = Object.entries(template.constants ?? {})

  const problem = (b: Bound, n: number, bad: C.Bad): RowReport.Problem => ({
    cell: `${b.letter}${n}`,
    header: b.header,
    field: b.column.field,
    reason: { zh: bad.zh, en: bad.en },
    fix: { zh: bad.fixZh, en: bad.fixEn }
  })
  const at = (field: string): Bound => byField.get(field) ?? firstCell
  /** The first thing wrong with a record that does not fit its schema, at its column. */
  const unfit = (
    kind: keyof typeof KIND_ZH,
    n: number,
    found: ReadonlyArray<Problem.SchemaProblem>
  ): RowReport.Problem => {
    const first = found[0]
    const path = first === undefined ? "" : Problem.formatPath(first.path)
    // The column whose field is the path, or holds it (investment.total in investment).
    const b = header.bound.find(
      (x) => x.column.field === path || path.startsWith(`${x.column.field}.`)
    )
    const where = b !== undefined ? `“${b.header}”` : `字段“${path}”`
    return problem(
      b ?? firstCell,
      n,
      C.bad(
        `${KIND_ZH[kind]}记录的${where}${first === undefined ? "有误" : PROBLEM_ZH[first.code]}`,
        `the ${kind} record does not fit: ${path === "" ? "" : `${path}: `}${first?.message ?? "invalid"}`,
        "核对该列的内容，或模板中该列对应的字段和类型",
        "check the cell, or the field and type of its column in the template"
      )
    )
  }

  const recordName = (kind: string, i: string | undefined) =>
    i === undefined ? undefined : `${kind} ${i}`
  const reject = (
    n: number,
    problems: ReadonlyArray<RowReport.Problem>,
    record?: string
  ): undefined => {
    counts.rejected++
    out.push(
      record === undefined
        ? { row: n, status: "rejected", problems }
        : { row: n, status: "rejected", record, problems }
    )
  }
  /** Whether a record's id repeats an earlier row's; the problem is added when it does. */
  const duplicate = (
    n: number,
    problems: Array<RowReport.Problem>,
    key: string,
    kind: string
  ): boolean => {
    const first = seen.get(key)
    if (first === undefined) return false
    const b = byField.get("id") ?? firstCell
    problems.push(
      problem(
        b,
        n,
        C.bad(
          `编号 ${key} 与第 ${first} 行重复`,
          `the ${kind} id ${key} repeats row ${first}`,
          "每条记录使用唯一编号；同一记录的修改请改在原行",
          "give every record its own id; change the existing row instead"
        )
      )
    )
    return true
  }
  // A row's values, and the nested objects its record made (see setPath).
  const values = new RowValues()
  const own: Array<unknown> = []

  const handle = (row: SheetRow): undefined => {
    const cells = row.cells
    const n = row.n
    let blank = true
    for (const c of cells) {
      if (!C.isBlank(c)) {
        blank = false
        break
      }
    }
    if (blank) {
      counts.blank++
      return
    }
    // 合计 and note rows are told by their first non-blank cells' text.
    let total = false
    let sub = false
    let note = false
    let leading = 0
    for (let i = 0; i < cells.length && leading < 3; i++) {
      const c = cells[i]
      if (c === undefined || c instanceof C.Unreadable) continue
      if (typeof c !== "string") {
        leading++
        continue
      }
      const t = c.trim()
      if (t === "") continue
      leading++
      if (t.length <= 16) {
        const k = t.replace(/\s+/g, "")
        if (totalsLabels.has(k)) {
          total = true
          if (k === "小计") sub = true
        }
      }
      if (leading === 1 && startsWithAny(t, notes)) note = true
    }
    if (total) {
      counts.total++
      out.push({
        row: n,
        status: "total",
        problems: NO_PROBLEMS,
        checks: totals.map((s) => check(s, cells, n, sub))
      })
      return
    }
    if (note) {
      counts.note++
      out.push({ row: n, status: "note", problems: NO_PROBLEMS })
      return
    }
    const problems: Array<RowReport.Problem> = []
    values.clear()
    own.length = 0
    for (const b of header.bound) {
      const raw = cells[b.index]
      if (raw instanceof C.Unreadable) {
        problems.push(
          problem(
            b,
            n,
            raw.kind === "formula"
              ? C.bad(
                  `公式 ${raw.text} 没有计算结果`,
                  `the formula ${raw.text} has no calculated value`,
                  "在 Excel 中打开文件、重新计算并保存，或将公式改为数值",
                  "open the file in Excel, recalculate and save it, or replace the formula by its value"
                )
              : C.bad(
                  `单元格是错误值 ${raw.text}`,
                  `the cell holds the error ${raw.text}`,
                  "改正产生错误值的公式或填写数值",
                  "correct the formula that gives the error, or write the value"
                )
          )
        )
        continue
      }
      if (C.isBlank(raw)) {
        if (b.column.required) {
          problems.push(
            problem(
              b,
              n,
              C.bad(
                `“${b.header}”未填写`,
                `"${b.header}" is blank`,
                `填写${b.header}`,
                `fill in ${b.header}`
              )
            )
          )
        }
        continue
      }
      const v = parseCell(b, raw, ctx)
      if (C.isBad(v)) problems.push(problem(b, n, v))
      else values.set(b.column.field, b.column.type === "date" ? once(v as string) : v)
    }
    for (const s of totals) addToTotal(s, cells[s.bound.index], values.get(s.bound.column.field))
    for (const [k, v] of constants) if (!values.has(k)) values.set(k, v)

    let id = values.get("id") as string | undefined
    if (id === undefined && template.idFields !== undefined && template.idFields.length > 0) {
      const parts = template.idFields.map((f) => values.get(f))
      if (parts.every((p) => typeof p === "string"))
        id = `${template.idPrefix ?? ""}${parts.join("-")}`
    }
    switch (template.record) {
      case "project": {
        const existing = id === undefined ? undefined : ctx.projects.get(id)
        if (id !== undefined && duplicate(n, problems, id, "project"))
          return reject(n, problems, recordName("project", id))
        if (problems.length > 0) return reject(n, problems, recordName("project", id))
        if (id === undefined) return reject(n, problems)
        const base: Record<string, unknown> =
          existing === undefined ? { id, events: [] } : { ...existing }
        if (existing === undefined && !values.has("sector")) {
          problems.push(
            problem(
              at("sector"),
              n,
              C.bad(
                "新项目缺少产业类别",
                "a new project needs its sector",
                "填写产业类别（一产、二产、三产）",
                "fill in the sector (一产, 二产, 三产)"
              )
            )
          )
          return reject(n, problems, recordName("project", id))
        }
        const events: Array<Lifecycle.ProjectEvent> =
          existing === undefined ? [] : [...existing.events]
        let stageValue: Lifecycle.Stage | undefined
        for (let i = 0; i < values.size; i++) {
          const field = values.fields[i]!
          const v = values.values[i]!
          if (field.startsWith("events.")) {
            // Sheet columns carry stage dates (`events.started`): stage events.
            const event = stageEvent(field, v as string)
            for (let i = events.length - 1; i >= 0; i--)
              if (events[i]!.type === event.type) events.splice(i, 1)
            events.push(event)
          } else if (field === "stage") stageValue = v as Lifecycle.Stage
          else if (field !== "id") setPath(base, field, v, own)
        }
        sortEvents(events)
        // A copy as long as its events: the array pushed to has room for more.
        base.events = events.slice()
        const checked = asProject(base)
        if (Result.isFailure(checked)) {
          problems.push(unfit("project", n, checked.failure))
          return reject(n, problems, recordName("project", id))
        }
        const project = checked.success
        const folded = Lifecycle.fold(project, TO_THE_END)
        if (Result.isFailure(folded)) {
          const err = folded.failure
          problems.push(
            problem(
              at(`events.${err.type}`),
              n,
              C.bad(
                `阶段时间有误：${lifecycleZh(err, events)}`,
                `the stage dates are inconsistent: ${err.detail}`,
                "按 签约 → 供地 → 开工 → 竣工 → 投产 的先后顺序核对各阶段时间",
                "check that the stage dates follow signed → land supplied → started → completed → in production"
              )
            )
          )
          return reject(n, problems, recordName("project", id))
        }
        if (stageValue !== undefined && folded.success.stage !== stageValue) {
          const reached = folded.success.stage
          const zh = (s: string | undefined) =>
            Lifecycle.defaultModel.stages.find((x) => x.id === s)?.zh ?? "无"
          problems.push(
            problem(
              at("stage"),
              n,
              C.bad(
                `当前阶段为“${zh(stageValue)}”，但各阶段时间显示为“${zh(reached)}”`,
                `the stage says ${stageValue} but the stage dates reach ${reached ?? "no stage"}`,
                `填写${zh(stageValue)}时间，或改正当前阶段`,
                `fill in the date of ${stageValue}, or correct the stage`
              )
            )
          )
          return reject(n, problems, recordName("project", id))
        }
        seen.set(id, n)
        // A project row's id is read once (a second row with it is refused),
        // so the projects read are kept in a list, not looked up again.
        read.push(project)
        if (existing === undefined) counts.accepted++
        else counts.merged++
        out.push({
          row: n,
          status: existing === undefined ? "accepted" : "merged",
          record: `project ${id}`,
          problems: NO_PROBLEMS
        })
        return
      }
      case "activity":
      case "report": {
        const kind = template.record
        if (id !== undefined && duplicate(n, problems, id, kind))
          return reject(n, problems, recordName(kind, id))
        if (problems.length > 0 || id === undefined)
          return reject(n, problems, recordName(kind, id))
        const record: Record<string, unknown> = { id }
        for (let i = 0; i < values.size; i++)
          if (values.fields[i] !== "id") setPath(record, values.fields[i]!, values.values[i], own)
        if (kind === "activity") {
          const checked = asActivity(record)
          if (Result.isFailure(checked)) {
            problems.push(unfit(kind, n, checked.failure))
            return reject(n, problems, recordName(kind, id))
          }
          newActivities.set(id, checked.success)
        } else {
          const checked = asReport(record)
          if (Result.isFailure(checked)) {
            problems.push(unfit(kind, n, checked.failure))
            return reject(n, problems, recordName(kind, id))
          }
          newReports.set(id, checked.success)
        }
        const existed = kind === "activity" ? ctx.activities.has(id) : ctx.reports.has(id)
        seen.set(id, n)
        if (existed) counts.merged++
        else counts.accepted++
        out.push({
          row: n,
          status: existed ? "merged" : "accepted",
          record: `${kind} ${id}`,
          problems: NO_PROBLEMS
        })
        return
      }
      case "approval":
      case "exit-event": {
        const pid = values.get("project") as string | undefined
        if (problems.length > 0 || pid === undefined)
          return reject(n, problems, recordName("project", pid))
        const project = ctx.projects.get(pid)
        if (project === undefined) {
          problems.push(
            problem(
              at("project"),
              n,
              C.bad(
                `项目编号 ${pid} 不存在`,
                `there is no project ${pid}`,
                "核对项目编号，或先导入项目台账",
                "check the project id, or import the project ledger first"
              )
            )
          )
          return reject(n, problems, recordName("project", pid))
        }
        const record: Record<string, unknown> = {}
        for (let i = 0; i < values.size; i++)
          if (values.fields[i] !== "project")
            setPath(record, values.fields[i]!, values.values[i], own)
        let updated: Project.Project
        if (template.record === "approval") {
          const checked = asApproval(record)
          if (Result.isFailure(checked)) {
            problems.push(unfit("approval", n, checked.failure))
            return reject(n, problems, `project ${pid}`)
          }
          const a = checked.success
          if (
            a.materialsCompleteOn !== undefined &&
            a.closedOn !== undefined &&
            a.closedOn < a.materialsCompleteOn
          ) {
            problems.push(
              problem(
                at("closedOn"),
                n,
                C.bad(
                  `办结日期 ${a.closedOn} 早于收件日期 ${a.materialsCompleteOn}`,
                  `closed on ${a.closedOn}, before the materials were complete on ${a.materialsCompleteOn}`,
                  "核对收件日期和办结日期",
                  "check both dates"
                )
              )
            )
            return reject(n, problems, `project ${pid}`)
          }
          const others = (project.approvals ?? []).filter(
            (x) => !(x.kind === a.kind && x.department === a.department)
          )
          updated = { ...project, approvals: [...others, a] }
        } else {
          // What a decision needs is said in the county's words before the
          // record is checked against its schema.
          const type = record.type
          if (
            type === "delay-exempted" &&
            (record.until === undefined || record.reason === undefined)
          ) {
            problems.push(
              problem(
                at(record.until === undefined ? "until" : "reason"),
                n,
                C.bad(
                  "暂缓需填写顺延至日期和原因",
                  "a delay exemption needs its end date and reason",
                  "填写“顺延至”和“原因”",
                  "fill in 顺延至 and 原因"
                )
              )
            )
            return reject(n, problems, `project ${pid}`)
          }
          if (type === "rectification-ordered" && record.deadline === undefined) {
            problems.push(
              problem(
                at("deadline"),
                n,
                C.bad(
                  "限期整改需填写整改期限",
                  "a rectification order needs its deadline",
                  "填写“整改期限”",
                  "fill in 整改期限"
                )
              )
            )
            return reject(n, problems, `project ${pid}`)
          }
          const checked = asEvent(record)
          if (Result.isFailure(checked)) {
            problems.push(unfit("event", n, checked.failure))
            return reject(n, problems, `project ${pid}`)
          }
          const e = checked.success
          const events = project.events.filter((x) => !(x.type === e.type && x.date === e.date))
          updated = { ...project, events: [...events, e] }
          const folded = Lifecycle.fold(updated, TO_THE_END)
          if (Result.isFailure(folded)) {
            problems.push(
              problem(
                at("type"),
                n,
                C.bad(
                  `与项目已有记录矛盾：${lifecycleZh(folded.failure, updated.events)}`,
                  `contradicts the project's record: ${folded.failure.detail}`,
                  "核对处置类型和日期",
                  "check the decision and its date"
                )
              )
            )
            return reject(n, problems, `project ${pid}`)
          }
        }
        ctx.projects.set(pid, updated)
        touched.add(pid)
        counts.merged++
        out.push({ row: n, status: "merged", record: `project ${pid}`, problems: NO_PROBLEMS })
        return
      }
    }
  }

  for (const r of pending) handle(r)
  // The rest of the batch at hand, then batch by batch.
  for (;;) {
    while (k < batch.length) handle(batch[k++]!)
    const r = await batches.next()
    if (r.done === true) break
    batch = r.value
    k = 0
  }

  const projects =
    template.record === "project"
      ? read.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      : [...touched].sort().map((id) => ctx.projects.get(id)!)
  return {
    projects,
    activities: [...newActivities.values()],
    reports: [...newReports.values()],
    report: {
      template: template.id,
      titleRows,
      headerRows,
      columns: header.bound.map((b) =>
        b.unit === undefined || b.column.type !== "money"
          ? { column: b.letter, header: b.header, field: b.column.field }
          : { column: b.letter, header: b.header, field: b.column.field, unit: b.unit }
      ),
      ignoredColumns: header.ignored,
      rows: out,
      counts
    }
  }

  function addToTotal(s: TotalState, raw: C.Raw, parsed: Value | undefined): void {
    if (C.isBlank(raw)) return
    const b = s.bound
    if (b.column.type === "money") {
      // The value read for the record when there is one; read again, sign
      // allowed, when the row's cell was refused (a negative amount counts in 合计).
      const m = parsed !== undefined ? (parsed as Money.Money) : C.money(raw, b.unit ?? "元", true)
      if (C.isBad(m)) {
        s.unreadable++
        s.subUnreadable++
        return
      }
      if (m.currency === "CNY") {
        s.sumCny = BigDecimal.sum(s.sumCny, m.amount)
        s.subCny = BigDecimal.sum(s.subCny, m.amount)
      } else {
        s.sumUsd = BigDecimal.sum(s.sumUsd, m.amount)
        s.subUsd = BigDecimal.sum(s.subUsd, m.amount)
      }
    } else {
      const v = typeof parsed === "number" ? parsed : C.signedNumber(raw)
      if (C.isBad(v)) {
        s.unreadable++
        s.subUnreadable++
        return
      }
      s.sumNumber += v
      s.subNumber += v
    }
    s.rows++
    s.subRows++
  }

  function check(
    s: TotalState,
    cells: ReadonlyArray<C.Raw>,
    n: number,
    sub: boolean
  ): RowReport.TotalCheck {
    const b = s.bound
    const raw = cells[b.index]
    const cell = `${b.letter}${n}`
    let stated: string | undefined
    let computed: string
    let agrees: boolean
    if (b.column.type === "money") {
      const unit = b.unit ?? "元"
      const cur = C.currencyOf(unit)
      const sum = sub ? (cur === "CNY" ? s.subCny : s.subUsd) : cur === "CNY" ? s.sumCny : s.sumUsd
      computed = inUnit(sum, unit)
      const m = C.isBlank(raw) ? undefined : C.money(raw, unit, true)
      stated = m === undefined ? undefined : C.isBad(m) ? C.textOf(raw) : inUnit(m.amount, unit)
      agrees = m !== undefined && !C.isBad(m) && BigDecimal.equals(m.amount, sum)
    } else {
      const sum = sub ? s.subNumber : s.sumNumber
      computed = C.numberText(sum)
      const v = C.isBlank(raw) ? undefined : C.signedNumber(raw)
      stated = v === undefined ? undefined : C.isBad(v) ? C.textOf(raw) : C.numberText(v)
      agrees = v !== undefined && !C.isBad(v) && C.numberText(v) === computed
    }
    const result = {
      cell,
      field: b.column.field,
      stated,
      computed,
      rows: sub ? s.subRows : s.rows,
      unreadable: sub ? s.subUnreadable : s.unreadable,
      agrees
    }
    s.subCny = ZERO
    s.subUsd = ZERO
    s.subNumber = 0
    s.subRows = 0
    s.subUnreadable = 0
    return result
  }
}

const parseCell = (b: Bound, raw: C.Raw, ctx: Context): Value | C.Bad => {
  const c = b.column
  switch (c.type) {
    case "text":
      return C.textOf(raw) ?? ""
    case "id":
      return C.id(raw)
    case "money":
      return C.money(raw, b.unit ?? "元")
    case "date":
      return C.date(raw)
    case "number":
      return C.number(raw, false)
    case "integer":
      return C.number(raw, true)
    case "enum":
      return C.enumValue(raw, c.values ?? {})
    case "stage":
      return C.stage(raw)
    case "list":
      return C.list(raw)
    case "industry":
      return N.industry(raw, c.values, ctx.industryCodes)
    case "flags":
      return N.flags(raw, c.values, ctx.flagCodes)
    case "boolean":
      return C.boolean(raw)
    case "unit": {
      const text = (C.textOf(raw) ?? "").replace(/\s+/g, "")
      if (!ctx.hasUnits) return text
      const id = ctx.unitIds.get(text)
      if (id !== undefined) return id
      const known = ctx.unitNames.slice(0, 8).join("、")
      return C.bad(
        `单位“${text}”不在本次考核的单位名单中`,
        `"${text}" is not a unit of this campaign`,
        `填写单位全称或编号，如 ${known}`,
        `write the unit's name or id, such as ${known}`
      )
    }
  }
}
