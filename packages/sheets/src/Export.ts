/**
 * Export (导出): gongjian's results as spreadsheets a county office opens —
 * the project 台账, target progress against 序时进度 with red and amber
 * fills, rankings with their explanations, exit findings and the
 * half-yearly cleanup 台账 — and the county's own file back with a status
 * column saying what became of every row.
 *
 * Every sheet has a title row, Chinese column names (a `上级/下级` name
 * writes a merged two-row header), frozen header rows, column widths, and
 * amounts as numbers in 万元 with the format `#,##0.00##`.
 *
 * **Formula injection.** A text cell that begins with `=`, `+`, `-`, `@`, a
 * tab or a carriage return — or with the marker itself — is written with one
 * apostrophe (`'`) before it, so no spreadsheet takes it for a formula. The
 * import removes the marker from text that begins with it followed by one of
 * those characters, so export → import gives the same text back.
 *
 * Builders take results by their shape, so this package needs neither the
 * scoring nor the exit-rules package.
 *
 * @since 0.3.0
 */

import {
  Clause,
  FindingClass,
  Lifecycle,
  type LocalDate,
  Money,
  Progress,
  Ratio,
  type Snapshot,
  Target,
  Unit
} from "@gongjian/core"
import * as BigDecimal from "effect/BigDecimal"
import * as Order from "effect/Order"
import * as Result from "effect/Result"
import type ExcelJS from "exceljs"
import * as Forms from "./Forms.js"
import { neutralise as neutraliseText, restore as restoreText } from "./internal/cells.js"
import { flagsZh, industryZh } from "./internal/names.js"
import { csvRows, decodeText, defaultLimits, detect } from "./internal/source.js"
import * as RowReport from "./RowReport.js"
import { AnnotateError } from "./SheetError.js"
import type { Template } from "./Template.js"

/**
 * How a column's cells are written: `text`; `wan` (an amount of money, as a
 * number of 万元); `number`; `integer`; `percent` (a fraction written as
 * 12.5%); `date`.
 *
 * @example
 * {@includeCode ../examples/export.ts#table}
 *
 * @since 0.3.0
 * @category models
 */
export type Format = "text" | "wan" | "number" | "integer" | "percent" | "date"

/**
 * A column of an exported table: its Chinese name (`上级/下级` for a merged
 * two-row header), its width in characters and its format.
 *
 * @example
 * {@includeCode ../examples/export.ts#table}
 *
 * @since 0.3.0
 * @category models
 */
export interface TableColumn {
  readonly header: string
  readonly width: number
  readonly format: Format
}

/**
 * A cell of an exported table: text, a number, money, or nothing.
 *
 * @example
 * {@includeCode ../examples/export.ts#table}
 *
 * @since 0.3.0
 * @category models
 */
export type Cell = string | number | Money.Money | undefined

/**
 * A fill that marks a row: `red` and `amber` for targets behind 序时进度 and
 * breaches, `green` for imported rows, `blue` for merged ones.
 *
 * @example
 * {@includeCode ../examples/export.ts#table}
 *
 * @since 0.3.0
 * @category models
 */
export type Fill = "red" | "amber" | "green" | "blue"

/**
 * A table to export: one worksheet, or one CSV file.
 *
 * @example
 * {@includeCode ../examples/export.ts#table}
 *
 * @since 0.3.0
 * @category models
 */
export interface Table {
  readonly name: string
  readonly title: string
  readonly columns: ReadonlyArray<TableColumn>
  readonly rows: ReadonlyArray<ReadonlyArray<Cell>>
  readonly fills?: ReadonlyArray<Fill | undefined>
}

/**
 * Neutralises text a spreadsheet could take for a formula (see the module's
 * description): `=SUM(A1)` → `'=SUM(A1)`.
 *
 * @example
 * {@includeCode ../examples/export.ts#neutralise}
 *
 * @since 0.3.0
 * @category formula injection
 */
export const neutralise: (text: string) => string = neutraliseText

/**
 * Removes the marker {@link neutralise} added: `'=SUM(A1)` → `=SUM(A1)`;
 * text a county wrote with an apostrophe before a letter is left as it is.
 *
 * @example
 * {@includeCode ../examples/export.ts#neutralise}
 *
 * @since 0.3.0
 * @category formula injection
 */
export const restore: (text: string) => string = restoreText

const TEN_THOUSAND = BigDecimal.fromBigInt(10_000n)
const wan = (m: Money.Money): number =>
  Number(BigDecimal.format(BigDecimal.normalize(BigDecimal.divideUnsafe(m.amount, TEN_THOUSAND))))

const isMoney = (c: Cell): c is Money.Money => typeof c === "object" && c !== null && "amount" in c

const FILLS: Record<Fill, string> = {
  red: "FFFFC7CE",
  amber: "FFFFEB9C",
  green: "FFC6EFCE",
  blue: "FFDDEBF7"
}

const NUMBER_FORMATS: Record<Format, string | undefined> = {
  text: "@",
  wan: "#,##0.00##",
  number: "#,##0.####",
  integer: "0",
  percent: "0.00%",
  date: "yyyy-mm-dd"
}

const headerRows = (columns: ReadonlyArray<TableColumn>): number =>
  columns.some((c) => c.header.includes("/")) ? 2 : 1

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/

const cellValue = (c: Cell, format: Format): string | number | null => {
  if (c === undefined) return null
  if (isMoney(c)) return format === "wan" ? wan(c) : Money.format(c)
  if (typeof c === "number") return c
  return neutralise(c)
}

/** In a workbook a date column holds real dates (Excel serials), not text. */
const workbookValue = (c: Cell, format: Format): string | number | Date | null => {
  const m = format === "date" && typeof c === "string" ? ISO.exec(c) : null
  return m === null ? cellValue(c, format) : new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!))
}

const addTable = (wb: ExcelJS.Workbook, table: Table): void => {
  const depth = headerRows(table.columns)
  const width = table.columns.length
  const ws = wb.addWorksheet(table.name.slice(0, 31), {
    views: [{ state: "frozen", ySplit: 1 + depth, xSplit: 0 }]
  })
  ws.columns = table.columns.map((c) => ({ width: c.width }))
  ws.addRow([neutralise(table.title)])
  if (width > 1) ws.mergeCells(1, 1, 1, width)
  const title = ws.getCell(1, 1)
  title.font = { bold: true, size: 14 }
  title.alignment = { horizontal: "center" }
  const tops = table.columns.map((c) => c.header.split("/")[0]!)
  const subs = table.columns.map((c) => c.header.split("/").slice(1).join("/"))
  if (depth === 1) ws.addRow(table.columns.map((c) => neutralise(c.header)))
  else {
    ws.addRow(
      tops.map((t, i) =>
        i > 0 && tops[i - 1] === t && subs[i] !== "" && subs[i - 1] !== "" ? null : neutralise(t)
      )
    )
    ws.addRow(subs.map((s) => (s === "" ? null : neutralise(s))))
    for (let i = 0; i < width; ) {
      let j = i
      while (j + 1 < width && tops[j + 1] === tops[i] && subs[j + 1] !== "" && subs[i] !== "") j++
      if (subs[i] === "") ws.mergeCells(2, i + 1, 3, i + 1)
      else if (j > i) ws.mergeCells(2, i + 1, 2, j + 1)
      i = j + 1
    }
  }
  for (let k = 2; k <= 1 + depth; k++) {
    const row = ws.getRow(k)
    row.font = { bold: true }
    row.alignment = { horizontal: "center", vertical: "middle", wrapText: true }
  }
  table.rows.forEach((cells, r) => {
    const row = ws.addRow(table.columns.map((c, i) => workbookValue(cells[i], c.format)))
    table.columns.forEach((c, i) => {
      const f = NUMBER_FORMATS[c.format]
      if (f !== undefined && c.format !== "text") row.getCell(i + 1).numFmt = f
    })
    const fill = table.fills?.[r]
    if (fill !== undefined) {
      row.eachCell({ includeEmpty: true }, (cell) => {
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: FILLS[fill] } }
      })
    }
  })
}

/**
 * The date written into a workbook's zip entries: the earliest a zip can
 * hold, so that the same workbook gives the same bytes whenever it is
 * written.
 */
const ZIP_DATE = new Date(Date.UTC(1980, 0, 1))

/**
 * exceljs, loaded when a workbook is first written: an import reads
 * worksheets without it, and does not pay for loading it.
 */
const excel = async (): Promise<typeof ExcelJS> => (await import("exceljs")).default

/** Writes a workbook with its zip entries dated {@link ZIP_DATE}. */
const bytesOf = async (wb: ExcelJS.Workbook): Promise<Uint8Array> =>
  new Uint8Array(await wb.xlsx.writeBuffer({ zip: { date: ZIP_DATE } }))

/**
 * Writes tables as an `.xlsx` workbook, one worksheet each. The same tables
 * give the same bytes at any time: the workbook's created and modified
 * dates are 1970-01-01 and its zip entries are dated 1980-01-01.
 *
 * @example
 * {@includeCode ../examples/export.ts#table}
 *
 * @since 0.3.0
 * @category writing
 */
export const xlsx = async (tables: ReadonlyArray<Table>): Promise<Uint8Array> => {
  const wb = new (await excel()).Workbook()
  wb.creator = "gongjian"
  wb.created = new Date(0)
  wb.modified = new Date(0)
  for (const t of tables) addTable(wb, t)
  return bytesOf(wb)
}

/** Projects by id. */
const byId: Order.Order<{ readonly id: string }> = Order.mapInput(Order.String, (p) => p.id)

/** Findings by unit, then project, then class. */
const byUnitProjectClass: Order.Order<{
  readonly unit: string
  readonly project: string
  readonly class: string
}> = Order.Struct({ unit: Order.String, project: Order.String, class: Order.String })

const percentText = (fraction: number): string => `${Number((fraction * 100).toFixed(2))}%`

const csvField = (v: string | number | null): string => {
  if (v === null) return ""
  const s = String(v)
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

/**
 * Writes a table as CSV text: UTF-8 with a byte-order mark (so that Excel
 * opens it in the right encoding), CRLF line ends, a title line, the header
 * line(s), amounts as numbers of 万元.
 *
 * @example
 * {@includeCode ../examples/export.ts#table}
 *
 * @since 0.3.0
 * @category writing
 */
export const csv = (table: Table): string => {
  const depth = headerRows(table.columns)
  const lines: Array<string> = [csvField(neutralise(table.title))]
  if (depth === 1) lines.push(table.columns.map((c) => csvField(neutralise(c.header))).join(","))
  else {
    const tops = table.columns.map((c) => c.header.split("/")[0]!)
    lines.push(
      tops.map((t, i) => (i > 0 && tops[i - 1] === t ? "" : csvField(neutralise(t)))).join(",")
    )
    lines.push(
      table.columns
        .map((c) => csvField(neutralise(c.header.split("/").slice(1).join("/"))))
        .join(",")
    )
  }
  for (const cells of table.rows) {
    lines.push(
      table.columns
        .map((c, i) => {
          const v = cellValue(cells[i], c.format)
          return csvField(c.format === "percent" && typeof v === "number" ? percentText(v) : v)
        })
        .join(",")
    )
  }
  return `\ufeff${lines.join("\r\n")}\r\n`
}

/**
 * A column of a table of results: its name, width and format, and the cell a
 * result gives it.
 */
interface ColumnOf<R> extends TableColumn {
  readonly cell: (row: R) => Cell
}

const column = <R>(
  header: string,
  width: number,
  format: Format,
  cell: (row: R) => Cell
): ColumnOf<R> => ({ header, width, format, cell })

/**
 * The one table writer of the builders: a row per result, a cell per column
 * in the order of the list, and a fill per row when `fill` is given.
 */
const tableOf = <R>(
  heading: { readonly name: string; readonly title: string },
  columns: ReadonlyArray<ColumnOf<R>>,
  rows: ReadonlyArray<R>,
  fill?: (row: R) => Fill | undefined
): Table => ({
  name: heading.name,
  title: heading.title,
  columns: columns.map(({ header, width, format }) => ({ header, width, format })),
  rows: rows.map((r) => columns.map((c) => c.cell(r))),
  ...(fill === undefined ? {} : { fills: rows.map(fill) })
})

const formatOf = (c: Template["columns"][number]): Format =>
  c.type === "money"
    ? "wan"
    : c.type === "number"
      ? "number"
      : c.type === "integer"
        ? "integer"
        : c.type === "date"
          ? "date"
          : "text"

/**
 * A table laid out as a template's form — its columns' first header names,
 * its title — with the given rows; amounts are written in 万元, so the
 * template's money columns must be in 万元 for the table to import again.
 *
 * @example
 * {@includeCode ../examples/export.ts#ledger}
 *
 * @since 0.3.0
 * @category builders
 */
export const asTemplate = (
  template: Template,
  rows: ReadonlyArray<Readonly<Record<string, Cell>>>,
  title?: string
): Table => ({
  name: template.title,
  title: title ?? template.title,
  columns: template.columns.map((c) => ({
    header: c.type === "money" ? `${c.headers[0]}（万元）` : c.headers[0],
    width: c.width ?? 12,
    format: formatOf(c)
  })),
  rows: rows.map((r) => template.columns.map((c) => r[c.field]))
})

const zhOf = (
  values: Readonly<Record<string, string>> | undefined,
  v: string | undefined
): string | undefined =>
  v === undefined ? undefined : (Object.entries(values ?? {}).find(([, x]) => x === v)?.[0] ?? v)

const stageZh = (s: string | undefined): string | undefined =>
  Lifecycle.defaultModel.stages.find((x) => x.id === s)?.zh

/**
 * The project 台账 of a snapshot, laid out as {@link Forms.projectLedger}:
 * one row per project in id order, unit names, sectors, stages, industries
 * and flags in Chinese (`Project.industryNames`, `Project.flagNames`; since
 * 0.4.0 — a county's own industry or flag, not in those tables, is written
 * as its code), stage dates, amounts in 万元. It imports again with the same
 * template into the same data.
 *
 * @example
 * {@includeCode ../examples/export.ts#ledger}
 *
 * @since 0.3.0
 * @category builders
 */
export const projectLedger = (
  snapshot: Pick<Snapshot.Snapshot, "units" | "projects" | "asOf">
): Table => {
  const names = new Map(snapshot.units.map((u) => [u.id, u.name]))
  const template = Forms.projectLedger
  const sectors = template.columns.find((c) => c.field === "sector")?.values
  const projects = [...snapshot.projects].sort(byId)
  return asTemplate(
    template,
    projects.map((p) => {
      const folded = Lifecycle.fold(p, { asOf: "9999-12-31" })
      const row: Record<string, Cell> = {
        id: p.id,
        name: p.name,
        unit: names.get(p.unit) ?? p.unit,
        sector: zhOf(sectors, p.sector),
        industry: p.industry === undefined ? undefined : industryZh(p.industry),
        "investment.total": p.investment?.total,
        "investment.fundsInPlace": p.investment?.fundsInPlace,
        stage: Result.isSuccess(folded) ? stageZh(folded.success.stage) : undefined,
        "land.areaMu": p.land?.areaMu,
        "responsibility.leader": p.responsibility?.leader,
        flags: p.flags === undefined || p.flags.length === 0 ? undefined : flagsZh(p.flags)
      }
      for (const e of p.events)
        if (template.columns.some((c) => c.field === `events.${e.type}`))
          row[`events.${e.type}`] = e.date
      return row
    }),
    `${template.title}（截至${snapshot.asOf}）`
  )
}

/** What a progress row's goal and actual are counted in, as the row shows them. */
const quantityUnit = (r: Progress.TargetProgress): string => {
  if (isMoney(r.goal)) return r.goal.currency === "USD" ? "万美元" : "万元"
  switch (Target.measures[r.measure].quantity) {
    case "ratio":
      return "比率（1 = 100%）"
    case "area":
      return r.measure === "land-area-mu" ? "亩" : "平方米"
    default:
      return "个数"
  }
}

/**
 * Target progress against 序时进度 (目标任务完成情况): one row per target and
 * unit with the goal and what was achieved in the unit the row names
 * (计量单位: 万元, 万美元, 个数, 比率 …), the completion, 序时进度, the points
 * behind and the status as every output names it (`Progress.statusNames`); rows behind are filled amber, far behind red. The
 * area-wide rows are named `area` — the campaign's whole area as
 * `Unit.areaLabel` names it from the units (全县, 全市, 全区, 全镇); without
 * it, `Unit.areaLabel`'s name for an area nothing names (全域).
 *
 * @example
 * {@includeCode ../examples/export.ts#progress}
 *
 * @since 0.3.0
 * @category builders
 */
export const progress = (
  rows: ReadonlyArray<Progress.TargetProgress>,
  options: {
    readonly asOf: LocalDate.LocalDate
    readonly targetTitles?: Readonly<Record<string, string>>
    readonly unitNames?: Readonly<Record<string, string>>
    /** The name of the area-wide rows (since 0.4.0): `Unit.areaLabel(snapshot.units).zh`. */
    readonly area?: string | undefined
  }
): Table => {
  const area = options.area ?? Unit.areaLabel([]).zh
  const columns: ReadonlyArray<ColumnOf<Progress.TargetProgress>> = [
    column("目标", 24, "text", (r) => options.targetTitles?.[r.target] ?? r.target),
    column("单位", 14, "text", (r) =>
      r.unit === undefined ? area : (options.unitNames?.[r.unit] ?? r.unit)
    ),
    column("目标值", 14, "wan", (r) => r.goal),
    column("完成值", 14, "wan", (r) => r.actual),
    column("计量单位", 12, "text", quantityUnit),
    column("完成率", 10, "percent", (r) => r.completion),
    column("序时进度", 10, "percent", (r) => r.expected),
    column("落后百分点", 10, "number", (r) => r.behindPoints),
    column("状态", 12, "text", (r) => Progress.statusNames[r.status].zh)
  ]
  return tableOf(
    { name: "目标进度", title: `目标任务完成情况（截至${options.asOf}）` },
    columns,
    rows,
    (r) => (r.status === "red" ? "red" : r.status === "amber" ? "amber" : undefined)
  )
}

/**
 * The shape of an assessment's unit this package reads (scoring's
 * `Assessment.UnitScore`): rank, name, total, tiers, vetoes and the score
 * lines with their messages.
 *
 * @example
 * {@includeCode ../examples/export.ts#ranking}
 *
 * @since 0.3.0
 * @category models
 */
export interface RankedUnit {
  readonly unit: string
  readonly name: string
  readonly group: string
  readonly rank: number
  readonly total: string
  readonly tiers: ReadonlyArray<string>
  /** `message` (since 0.4.0): the veto as people read it; `reason` is the engine's text. */
  readonly vetoes: ReadonlyArray<{
    readonly veto: string
    readonly reason: string
    readonly message?: { readonly zh: string }
  }>
  readonly lines: ReadonlyArray<{
    readonly item: string
    readonly clause: string
    readonly points: string
    readonly message: { readonly zh: string }
  }>
}

/**
 * Rankings with explanations (考核排名): a sheet of units in rank order with
 * their totals (as `Ratio.score` writes them: at most two decimals, as the
 * bulletins and the command line show them), tiers and vetoes, and a sheet
 * with every score line — item, clause, exact points and the explanation in
 * Chinese.
 *
 * @example
 * {@includeCode ../examples/export.ts#ranking}
 *
 * @since 0.3.0
 * @category builders
 */
export const ranking = (
  assessment: {
    readonly asOf: string
    readonly units: ReadonlyArray<RankedUnit>
    readonly groups?: ReadonlyArray<{
      readonly id: string
      readonly title: { readonly zh: string }
    }>
    /** The tiers' and the items' titles (since 0.4.0): the sheets name them, not their ids. */
    readonly tiers?: ReadonlyArray<{ readonly id: string; readonly title: { readonly zh: string } }>
    readonly items?: ReadonlyArray<{ readonly id: string; readonly title: { readonly zh: string } }>
  },
  title = "考核排名"
): ReadonlyArray<Table> => {
  const groups = new Map((assessment.groups ?? []).map((g) => [g.id, g.title.zh]))
  const tiers = new Map((assessment.tiers ?? []).map((t) => [t.id, t.title.zh]))
  const items = new Map((assessment.items ?? []).map((i) => [i.id, i.title.zh]))
  const units: ReadonlyArray<ColumnOf<RankedUnit>> = [
    column("分组", 10, "text", (u) => groups.get(u.group) ?? u.group),
    column("名次", 6, "integer", (u) => u.rank),
    column("单位", 16, "text", (u) => u.name),
    column("总分", 10, "number", (u) => Number(Ratio.score(u.total))),
    column(
      "等次",
      16,
      "text",
      (u) => u.tiers.map((t) => tiers.get(t) ?? t).join("、") || undefined
    ),
    column(
      "否决事项",
      40,
      "text",
      (u) => u.vetoes.map((v) => v.message?.zh ?? v.reason).join("；") || undefined
    )
  ]
  // A score line with the name of its unit.
  type Line = { readonly unit: string; readonly line: RankedUnit["lines"][number] }
  const lines: ReadonlyArray<ColumnOf<Line>> = [
    column("单位", 16, "text", (l) => l.unit),
    column("指标", 20, "text", (l) => items.get(l.line.item) ?? l.line.item),
    column("依据条款", 12, "text", (l) => Clause.zh(l.line.clause)),
    column("得分", 10, "number", (l) => Number(l.line.points)),
    column("说明", 80, "text", (l) => l.line.message.zh)
  ]
  return [
    tableOf({ name: "排名", title: `${title}（截至${assessment.asOf}）` }, units, assessment.units),
    tableOf(
      { name: "得分说明", title: `${title}得分说明` },
      lines,
      assessment.units.flatMap((u) => u.lines.map((line) => ({ unit: u.name, line })))
    )
  ]
}

/**
 * The shape of an exit finding this package reads (exit-rules' `Finding`).
 *
 * @example
 * {@includeCode ../examples/export.ts#findings}
 *
 * @since 0.3.0
 * @category models
 */
export interface FindingRow {
  readonly project: string
  readonly unit: string
  readonly class: string
  readonly clause: string
  readonly severity: "warning" | "breach" | "escalated"
  readonly action: string
  readonly deadline: string
  /**
   * The rectification order (限期整改), if one was given: for an escalated
   * finding (整改逾期) its `deadline` is the day `daysOverdue` counts from, and
   * the 期限 column shows it with the original deadline named beside it.
   *
   * @since 0.4.0
   */
  readonly rectification?: { readonly deadline: string } | undefined
  readonly daysOverdue: number | undefined
  readonly daysLeft: number | undefined
  readonly message: { readonly zh: string }
}

const CLASS_ZH: Record<string, string> = {
  "land-idle": "供地未开工（圈而不建）",
  "signed-not-built": "签而不建",
  "built-not-producing": "建而不产",
  "no-results": "三年不见效",
  "low-efficiency": "低效项目",
  "land-not-acquired": "已招商未征迁"
}
const ACTION_ZH: Record<string, string> = {
  warn: "预警提醒",
  rectify: "限期整改",
  "clean-up": "清理盘活",
  exit: "依法清退",
  "reclaim-land": "收回土地"
}

/**
 * Exit findings (退出机制预警与认定): one row per finding, breaches filled red
 * and warnings amber, in unit and project order.
 *
 * @example
 * {@includeCode ../examples/export.ts#findings}
 *
 * @since 0.3.0
 * @category builders
 */
export const findings = (
  rows: ReadonlyArray<FindingRow>,
  options: {
    readonly asOf: string
    readonly unitNames?: Readonly<Record<string, string>>
    readonly projectNames?: Readonly<Record<string, string>>
    readonly title?: string
  }
): Table => {
  const columns: ReadonlyArray<ColumnOf<FindingRow>> = [
    column("责任单位", 14, "text", (f) => options.unitNames?.[f.unit] ?? f.unit),
    column("项目编号", 10, "text", (f) => f.project),
    column("项目名称", 20, "text", (f) => options.projectNames?.[f.project]),
    column("类别", 14, "text", (f) => CLASS_ZH[f.class] ?? f.class),
    column("依据条款", 10, "text", (f) => Clause.zh(f.clause)),
    column("状态", 8, "text", (f) => FindingClass.severityNames[f.severity].zh),
    column("期限", 12, "text", (f) =>
      f.severity === "escalated" && f.rectification !== undefined
        ? `${f.rectification.deadline}（整改期限；原期限${f.deadline}）`
        : f.deadline
    ),
    column("逾期天数", 8, "integer", (f) => f.daysOverdue),
    column("剩余天数", 8, "integer", (f) => f.daysLeft),
    column("处置", 10, "text", (f) => ACTION_ZH[f.action] ?? f.action),
    column("说明", 60, "text", (f) => f.message.zh)
  ]
  return tableOf(
    {
      name: options.title === undefined ? "退出机制" : options.title.slice(0, 31),
      title: `${options.title ?? "项目退出机制预警与认定"}（截至${options.asOf}）`
    },
    columns,
    [...rows].sort(byUnitProjectClass),
    (f) => (f.severity === "warning" ? "amber" : "red")
  )
}

/**
 * The half-yearly cleanup 台账 (半年清理台账, 001): the breaches (not the
 * warnings) of a period, one row each, under the period's title.
 *
 * @example
 * {@includeCode ../examples/export.ts#findings}
 *
 * @since 0.3.0
 * @category builders
 */
export const cleanup = (
  rows: ReadonlyArray<FindingRow>,
  options: {
    readonly asOf: string
    readonly period: string
    readonly unitNames?: Readonly<Record<string, string>>
    readonly projectNames?: Readonly<Record<string, string>>
  }
): Table =>
  findings(
    rows.filter((f) => f.severity !== "warning"),
    { ...options, title: `${options.period}项目清理台账` }
  )

/**
 * The county's own file back with a status column (导入结果) after its last
 * column: every row of the report says 已导入, 已合并, 未导入 with the cells
 * and the fixes, 合计行 with its check, filled green, blue, red. A CSV comes
 * back as a workbook with the same cells. Formatting of an `.xlsx` is kept.
 * The same file and report give the same bytes at any time.
 *
 * Rejects with `SheetError.AnnotateError` (since 0.4.0) when the workbook has
 * no such `sheet` (`missing-sheet`) or a part of it cannot be read back
 * (`unreadable-workbook`), and with the errors of reading a file
 * (`UnsupportedFormatError`, `MalformedFileError`, `LimitExceededError`) for
 * a file that is neither `.xlsx` nor CSV, or a CSV over the limits.
 *
 * @example
 * {@includeCode ../examples/export.ts#annotate}
 *
 * @since 0.3.0
 * @category writing
 */
export const annotate = async (
  bytes: Uint8Array,
  report: RowReport.RowReport,
  options?: { readonly sheet?: number }
): Promise<Uint8Array> => {
  const wb = new (await excel()).Workbook()
  const sheet = options?.sheet ?? 1
  let ws: ExcelJS.Worksheet
  if (detect(bytes, report.file) === "xlsx") {
    try {
      await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never)
    } catch (e) {
      throw new AnnotateError({
        code: "unreadable-workbook",
        file: report.file,
        sheet,
        sheets: 0,
        detail: e instanceof Error ? e.message : String(e)
      })
    }
    const found = Number.isInteger(sheet) ? wb.worksheets[sheet - 1] : undefined
    if (found === undefined)
      throw new AnnotateError({
        code: "missing-sheet",
        file: report.file,
        sheet,
        sheets: wb.worksheets.length,
        detail: ""
      })
    ws = found
  } else {
    wb.created = new Date(0)
    wb.modified = new Date(0)
    ws = wb.addWorksheet("导入结果")
    const { text } = decodeText(bytes, report.encoding === "gbk" ? "gbk" : "auto")
    for (const r of csvRows(text, report.file, defaultLimits)) {
      ws.getRow(r.n).values = r.cells.map((c) =>
        typeof c === "string" ? neutralise(c) : null
      ) as Array<string>
    }
  }
  const column = Math.max(ws.columnCount, ...report.columns.map((c) => c.column.length)) + 1
  const head = report.headerRows[0] ?? 1
  ws.getCell(head, column).value = "导入结果 / Import status"
  ws.getCell(head, column).font = { bold: true }
  ws.getColumn(column).width = 60
  const fills: Partial<Record<RowReport.Status, Fill>> = {
    accepted: "green",
    merged: "blue",
    rejected: "red",
    total: "amber"
  }
  for (const row of report.rows) {
    const cell = ws.getCell(row.row, column)
    cell.value = neutralise(RowReport.describe(row))
    cell.alignment = { wrapText: true, vertical: "top" }
    const fill = fills[row.status]
    if (fill !== undefined && (row.status !== "total" || row.checks?.some((c) => !c.agrees))) {
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: FILLS[fill] } }
    }
  }
  // The file's own dates are kept; a file without them, or a CSV, gets
  // 1970-01-01, so that the same file and report give the same bytes.
  wb.created = wb.created ?? new Date(0)
  wb.modified = wb.modified ?? new Date(0)
  return bytesOf(wb)
}
