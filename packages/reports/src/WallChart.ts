/**
 * Wall charts (挂图作战) as SVG: a Gantt of key projects against their plan
 * milestones (倒排工期) with a today line, the units' progress against
 * 序时进度 per target, the ranking, and a units × targets heat map. Drawn with
 * echarts' server-side SVG renderer, Chinese labels, deterministic: the same
 * input gives the same bytes, whatever the order of the snapshot's arrays.
 *
 * @since 0.1.0
 */
import {
  Clause,
  Lifecycle,
  type Lifecycle as LifecycleTypes,
  LocalDate,
  Progress,
  Ratio,
  type Snapshot,
  Unit,
  View
} from "@gongjian/core"
import type { Finding } from "@gongjian/exit-rules"
import type { EChartsOption } from "echarts"
import type { RankLine } from "./Bulletin.js"
import { COLORS, render, textWidth } from "./internal/svg.js"
import * as Percent from "./Percent.js"

/**
 * Red, amber or green: where a project stands against its schedule.
 *
 * @example
 * {@includeCode ../examples/WallChart.ts#gantt}
 *
 * @since 0.1.0
 * @category models
 */
export type Light = "red" | "amber" | "green"

/**
 * A key project's row of the Gantt: its plan (from signing, or registration,
 * to its last planned milestone), the planned and actual milestones, and its
 * light.
 *
 * @example
 * {@includeCode ../examples/WallChart.ts#gantt}
 *
 * @since 0.1.0
 * @category models
 */
export interface GanttRow {
  readonly project: string
  readonly name: string
  readonly start: LocalDate.LocalDate
  readonly end: LocalDate.LocalDate
  readonly planned: ReadonlyArray<{
    readonly stage: LifecycleTypes.Stage
    readonly on: LocalDate.LocalDate
  }>
  readonly actual: ReadonlyArray<{
    readonly stage: LifecycleTypes.Stage
    readonly on: LocalDate.LocalDate
  }>
  readonly light: Light
  readonly reasons: ReadonlyArray<string>
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const LIGHTS: ReadonlyArray<Light> = ["green", "amber", "red"]
/** What a bar's colour says, as the Gantt's legend names it. */
const LIGHT_ZH: Record<Light, string> = {
  green: "正常",
  amber: "临近节点或预警",
  red: "滞后或逾期"
}
const STAGE_ZH: Partial<Record<LifecycleTypes.Stage, string>> = {
  signed: "签约",
  "land-supplied": "供地",
  started: "开工",
  completed: "竣工",
  "in-production": "投产"
}

/**
 * The rows of the Gantt: projects flagged `key` or `major` (all projects when
 * none is), in id order. A planned milestone (the contract's `startBy`,
 * `completeBy`, `produceBy`) not reached by today is red; one due within
 * `amberDays` (default 30) is amber. A project with an exit breach or
 * escalation is red, one with a warning at least amber. Without planned
 * milestones a project is planned to the end of the campaign window.
 *
 * @example
 * {@includeCode ../examples/WallChart.ts#gantt}
 *
 * @since 0.1.0
 * @category constructors
 */
export const ganttRows = (
  snapshot: Snapshot.Snapshot,
  options?: {
    readonly asOf?: LocalDate.LocalDate
    readonly findings?: ReadonlyArray<Pick<Finding.Finding, "project" | "severity" | "clause">>
    readonly amberDays?: number
  }
): ReadonlyArray<GanttRow> => {
  const asOf = options?.asOf ?? snapshot.asOf
  const amberBy = LocalDate.addDays(asOf, options?.amberDays ?? 30)
  const flagged = snapshot.projects.filter((p) =>
    (p.flags ?? []).some((f) => f === "key" || f === "major")
  )
  const chosen = [...(flagged.length > 0 ? flagged : snapshot.projects)].sort((a, b) =>
    cmp(a.id, b.id)
  )
  const { timelines } = Lifecycle.foldAll(chosen, { asOf })
  const byId = new Map(timelines.map((t) => [t.project, t]))
  const out: Array<GanttRow> = []
  for (const p of chosen) {
    const tl = byId.get(p.id)
    if (tl === undefined) continue
    const planned = (
      [
        ["started", p.contract?.startBy],
        ["completed", p.contract?.completeBy],
        ["in-production", p.contract?.produceBy]
      ] as const
    ).flatMap(([stage, on]) => (on === undefined ? [] : [{ stage, on }]))
    const actual = (
      ["signed", "land-supplied", "started", "completed", "in-production"] as const
    ).flatMap((stage) => {
      const on = Lifecycle.reachedOn(tl, stage)
      return on === undefined ? [] : [{ stage, on }]
    })
    const start =
      tl.milestones.signed ?? tl.registeredOn ?? actual[0]?.on ?? snapshot.campaign.window.start
    const lastPlan = planned.reduce<LocalDate.LocalDate | undefined>(
      (m, x) => (m === undefined || x.on > m ? x.on : m),
      undefined
    )
    const end = LocalDate.max(lastPlan ?? snapshot.campaign.window.end, start)
    let light: Light = "green"
    const reasons: Array<string> = []
    for (const m of planned) {
      if (Lifecycle.hasReached(tl, m.stage)) continue
      if (m.on < asOf) {
        light = "red"
        reasons.push(`${STAGE_ZH[m.stage] ?? m.stage}计划 ${m.on}，未完成`)
      } else if (m.on <= amberBy) {
        if (light === "green") light = "amber"
        reasons.push(`${STAGE_ZH[m.stage] ?? m.stage}计划 ${m.on}，临近`)
      }
    }
    for (const f of (options?.findings ?? []).filter((x) => x.project === p.id)) {
      if (f.severity === "warning") {
        if (light === "green") light = "amber"
      } else light = "red"
      reasons.push(`退出机制（${Clause.zh(f.clause)}）`)
    }
    out.push({
      project: p.id,
      name: p.name,
      start,
      end,
      planned,
      actual,
      light,
      reasons: [...new Set(reasons)]
    })
  }
  return out
}

/** Days between ticks: the shortest of a week, two weeks, a month, … that leaves 80 pixels a label. */
const tickDays = (span: number, plotWidth: number): number => {
  const most = Math.max(2, Math.floor(plotWidth / 80))
  return [7, 14, 30, 61, 91, 182, 365, 730].find((d) => span / d <= most) ?? 1461
}

const axisDate = (origin: number) => (v: number) => LocalDate.fromDays(origin + v).slice(2)

/** What a chart of targets says when the campaign sets none. */
const NO_TARGETS = "无目标"

/** A chart with nothing to draw: its title, and what it lacks in the middle. */
const empty = (title: string, lack: string): string => {
  const width = Math.max(480, textWidth(title, 16) + 48)
  return render(
    {
      title: [
        {
          text: title,
          left: 12,
          top: 8,
          textStyle: { fontSize: 16, width: width - 24, overflow: "break" }
        },
        {
          text: lack,
          left: "center",
          top: "middle",
          textStyle: { fontSize: 20, color: "#5f6368", fontWeight: "normal" }
        }
      ]
    },
    width,
    160
  )
}

/**
 * The Gantt of key projects (倒排工期) as SVG: a bar per project from its
 * start to its last planned milestone, coloured red, amber or green; planned
 * milestones as hollow diamonds, reached ones as filled circles; a red line
 * on today (the as-of date). The legend names only what is drawn: the
 * lights the bars show (正常, 临近节点或预警, 滞后或逾期), and 计划节点 or
 * 实际节点 only when there are such milestones.
 *
 * @example
 * {@includeCode ../examples/WallChart.ts#gantt}
 *
 * @since 0.1.0
 * @category charts
 */
export const gantt = (
  snapshot: Snapshot.Snapshot,
  options?: {
    readonly asOf?: LocalDate.LocalDate
    readonly findings?: ReadonlyArray<Pick<Finding.Finding, "project" | "severity" | "clause">>
    readonly width?: number
    readonly title?: string
  }
): string => {
  const asOf = options?.asOf ?? snapshot.asOf
  const rows = ganttRows(snapshot, options)
  const names = rows.map((r) => r.name)
  const dates = rows.flatMap((r) => [
    r.start,
    r.end,
    ...r.planned.map((m) => m.on),
    ...r.actual.map((m) => m.on)
  ])
  const first = [asOf, snapshot.campaign.window.start, ...dates].reduce(LocalDate.min)
  const last = [asOf, snapshot.campaign.window.end, ...dates].reduce(LocalDate.max)
  const origin = LocalDate.toDays(first) - 7
  const span = LocalDate.toDays(last) + 7 - origin
  const day = (d: LocalDate.LocalDate) => LocalDate.toDays(d) - origin
  const left = Math.max(80, ...names.map((n) => textWidth(n, 12))) + 24
  const title = options?.title ?? `${snapshot.campaign.title} 重点项目倒排工期（截至 ${asOf}）`
  const width = options?.width ?? Math.max(900, left + 700, textWidth(title, 16) + 48)
  const rowHeight = 26
  const top = 80
  const height = top + 60 + Math.max(1, rows.length) * rowHeight
  // A bar per project in its light's colour, a series (and legend entry) per light
  // drawn; the milestones' series only when there are such milestones.
  const bars = LIGHTS.filter((l) => rows.some((r) => r.light === l)).map((l) => ({
    name: LIGHT_ZH[l],
    type: "bar" as const,
    stack: "plan",
    barWidth: 12,
    itemStyle: { color: COLORS[l] },
    data: rows.map((r) => (r.light === l ? Math.max(1, day(r.end) - day(r.start)) : "-"))
  }))
  const plannedAt = rows.flatMap((r, i) => r.planned.map((m) => [day(m.on), i]))
  const actualAt = rows.flatMap((r, i) => r.actual.map((m) => [day(m.on), i]))
  const drawn = [
    ...bars,
    ...(plannedAt.length === 0
      ? []
      : [
          {
            name: "计划节点",
            type: "scatter" as const,
            symbol: "diamond",
            symbolSize: 11,
            itemStyle: { color: "#ffffff", borderColor: "#3c4043", borderWidth: 1.5 },
            data: plannedAt
          }
        ]),
    ...(actualAt.length === 0
      ? []
      : [
          {
            name: "实际节点",
            type: "scatter" as const,
            symbol: "circle",
            symbolSize: 8,
            itemStyle: { color: "#1a73e8" },
            data: actualAt
          }
        ])
  ]
  const option: EChartsOption = {
    title: {
      text: title,
      left: 12,
      top: 8,
      textStyle: { fontSize: 16, width: width - 24, overflow: "break" }
    },
    legend: {
      top: 40,
      left: 12,
      data: drawn.flatMap((x) => (x.name === undefined ? [] : [x.name])),
      textStyle: { fontSize: 12 }
    },
    grid: { left, right: 80, top, bottom: 40 },
    xAxis: {
      type: "value",
      min: 0,
      max: span,
      interval: tickDays(span, width - left - 24),
      axisLabel: { formatter: axisDate(origin), fontSize: 11, hideOverlap: true },
      splitLine: { lineStyle: { color: COLORS.grid } }
    },
    yAxis: {
      type: "category",
      data: names,
      inverse: true,
      axisLabel: { fontSize: 12, interval: 0 },
      axisTick: { show: false }
    },
    series: [
      {
        type: "bar",
        stack: "plan",
        silent: true,
        itemStyle: { color: "transparent" },
        barWidth: 12,
        data: rows.map((r) => day(r.start)),
        markLine: {
          symbol: "none",
          silent: true,
          lineStyle: { color: COLORS.today, width: 2, type: "solid" },
          label: { formatter: `今日 ${asOf}`, position: "start", color: COLORS.today },
          data: [{ xAxis: day(asOf) }]
        }
      },
      ...drawn
    ]
  }
  return render(option, width, height)
}

/**
 * The units' progress against 序时进度 as SVG: for every target a panel of
 * bars, one per unit (the area-wide row, named by `Unit.areaLabel` — 全县,
 * 全市, 全区, 全镇 — when the target has no units), coloured by status, with a
 * dashed line at 序时进度. A campaign without targets gets a chart that
 * says so (无目标), not a blank one.
 *
 * @example
 * {@includeCode ../examples/WallChart.ts#charts}
 *
 * @since 0.1.0
 * @category charts
 */
export const progress = (
  snapshot: Snapshot.Snapshot,
  options?: {
    readonly asOf?: LocalDate.LocalDate
    readonly targets?: ReadonlyArray<string>
    readonly width?: number
  }
): string => {
  const asOf = options?.asOf ?? snapshot.asOf
  const targets = [...snapshot.campaign.targets]
    .filter((t) => options?.targets === undefined || options.targets.includes(t.id))
    .sort((a, b) => cmp(a.id, b.id))
  if (targets.length === 0)
    return empty(`${snapshot.campaign.title} 目标任务进度（截至 ${asOf}）`, NO_TARGETS)
  const facts = Progress.facts(View.make(snapshot, { asOf }))
  const names = new Map(snapshot.units.map((u) => [u.id, u.name]))
  const area = Unit.areaLabel(snapshot.units).zh
  const panels = targets.map((t) => {
    const rows = Progress.ofTarget(facts, t, { asOf })
    const units = rows.filter((r) => r.unit !== undefined)
    const shown = units.length > 0 ? units : rows
    const expected = Percent.elapsed(
      t.from ?? snapshot.campaign.window.start,
      t.due ?? snapshot.campaign.window.end,
      asOf
    )
    return {
      title: t.title,
      expected,
      rows: shown.map((r) => ({
        name: r.unit === undefined ? area : (names.get(r.unit) ?? r.unit),
        value: Number(Percent.round(Ratio.multiply(r.ratio, 100))),
        shown: Percent.format(r.ratio),
        status: r.status
      }))
    }
  })
  const labels = panels.flatMap((p) => p.rows.map((r) => r.name))
  const left = Math.max(60, ...labels.map((n) => textWidth(n, 12))) + 20
  const panelTitle = (p: (typeof panels)[number]) =>
    `${p.title}（序时进度 ${Percent.format(p.expected)}）`
  const width =
    options?.width ?? Math.max(960, ...panels.map((p) => textWidth(panelTitle(p), 14) + 48))
  const rowHeight = 22
  const header = 56
  let y = 16
  const grids: Array<Record<string, unknown>> = []
  const titles: Array<Record<string, unknown>> = []
  const xAxes: Array<Record<string, unknown>> = []
  const yAxes: Array<Record<string, unknown>> = []
  const series: Array<Record<string, unknown>> = []
  panels.forEach((p, i) => {
    const max = Math.max(100, ...p.rows.map((r) => Math.ceil(r.value / 10) * 10))
    const h = Math.max(1, p.rows.length) * rowHeight
    titles.push({
      text: panelTitle(p),
      left: 12,
      top: y,
      textStyle: { fontSize: 14, width: width - 24, overflow: "break" }
    })
    grids.push({ left, right: 80, top: y + header - 16, height: h })
    xAxes.push({
      gridIndex: i,
      type: "value",
      min: 0,
      max,
      axisLabel: { formatter: "{value}%", fontSize: 10 },
      splitLine: { lineStyle: { color: COLORS.grid } }
    })
    yAxes.push({
      gridIndex: i,
      type: "category",
      inverse: true,
      data: p.rows.map((r) => r.name),
      axisLabel: { fontSize: 12, interval: 0 },
      axisTick: { show: false }
    })
    series.push({
      type: "bar",
      xAxisIndex: i,
      yAxisIndex: i,
      barWidth: 12,
      data: p.rows.map((r) => ({
        value: r.value,
        itemStyle: { color: COLORS[r.status] },
        label: { show: true, position: "right", formatter: r.shown, fontSize: 11 }
      })),
      markLine: {
        symbol: "none",
        silent: true,
        lineStyle: { color: COLORS.today, type: "dashed", width: 1.5 },
        label: { show: false },
        data: [{ xAxis: Number(Percent.round(Ratio.multiply(p.expected, 100))) }]
      }
    })
    y += header + h + 28
  })
  const option = {
    title: titles,
    grid: grids,
    xAxis: xAxes,
    yAxis: yAxes,
    series
  } as EChartsOption
  return render(option, width, Math.max(y, 120))
}

/**
 * The ranking as SVG: a bar per unit in rank order, its points at the end
 * (`Ratio.score`: at most two decimals),
 * the move since the previous bulletin (↑↓) beside its name, vetoed units
 * red. Takes `Bulletin.ranking`.
 *
 * @example
 * {@includeCode ../examples/WallChart.ts#charts}
 *
 * @since 0.1.0
 * @category charts
 */
export const ranking = (
  lines: ReadonlyArray<
    Pick<RankLine, "unit" | "name" | "rank" | "total" | "move" | "vetoed" | "group">
  >,
  options?: { readonly title?: string; readonly width?: number }
): string => {
  const label = (l: (typeof lines)[number]) =>
    `${l.rank}. ${l.name}${l.move === undefined || l.move === 0 ? "" : l.move > 0 ? ` ↑${l.move}` : ` ↓${-l.move}`}`
  const labels = lines.map(label)
  const left = Math.max(80, ...labels.map((n) => textWidth(n, 12))) + 20
  const title = options?.title ?? "综合排名"
  const width = options?.width ?? Math.max(900, textWidth(title, 16) + 48)
  const totals = lines.map((l) => Number(l.total))
  const max = Math.max(10, ...totals.map((t) => Math.ceil(t / 10) * 10))
  const min = Math.min(0, ...totals.map((t) => Math.floor(t / 10) * 10))
  const top = 56
  const height = top + 40 + Math.max(1, lines.length) * 26
  const option: EChartsOption = {
    title: {
      text: title,
      left: 12,
      top: 8,
      textStyle: { fontSize: 16, width: width - 24, overflow: "break" }
    },
    grid: { left, right: 80, top, bottom: 30 },
    xAxis: {
      type: "value",
      min,
      max,
      splitLine: { lineStyle: { color: COLORS.grid } },
      axisLabel: { fontSize: 10 }
    },
    yAxis: {
      type: "category",
      inverse: true,
      data: labels,
      axisLabel: { fontSize: 12, interval: 0 },
      axisTick: { show: false }
    },
    series: [
      {
        type: "bar",
        barWidth: 14,
        data: lines.map((l) => ({
          value: Number(l.total),
          itemStyle: { color: l.vetoed ? COLORS.red : "#1a73e8" },
          label: { show: true, position: "right", formatter: Ratio.score(l.total), fontSize: 11 }
        }))
      }
    ]
  }
  return render(option, width, height)
}

// The area-wide column: a key no unit id can take (ids are non-empty).
const AREA = ""

const KEY: ReadonlyArray<Progress.Status> = ["red", "amber", "on-track", "ahead"]
const STATUS_CODE: { readonly [S in Progress.Status]: number } = {
  red: 0,
  amber: 1,
  "on-track": 2,
  ahead: 3
}

/**
 * The units × targets heat map as SVG: a cell per unit and target with the
 * completion, coloured by status against 序时进度 (red, amber, on track,
 * ahead), the area-wide figures first (named by `Unit.areaLabel`: 全县, 全市,
 * 全区, 全镇); no cell where a target sets the unit no goal. A key under the
 * title names the colours as the progress table does (红灯, 黄灯, 正常,
 * 超序时). A campaign
 * without targets gets a chart that says so (无目标), not a blank one.
 *
 * @example
 * {@includeCode ../examples/WallChart.ts#charts}
 *
 * @since 0.1.0
 * @category charts
 */
export const heatmap = (
  snapshot: Snapshot.Snapshot,
  options?: { readonly asOf?: LocalDate.LocalDate; readonly title?: string }
): string => {
  const asOf = options?.asOf ?? snapshot.asOf
  const targets = [...snapshot.campaign.targets].sort((a, b) => cmp(a.id, b.id))
  const title = options?.title ?? `各单位目标完成热力图（截至 ${asOf}）`
  if (targets.length === 0) return empty(title, NO_TARGETS)
  const facts = Progress.facts(View.make(snapshot, { asOf }))
  const cells: Array<{ unit: string; target: number; row: Progress.TargetProgress }> = []
  targets.forEach((t, i) => {
    for (const r of Progress.ofTarget(facts, t, { asOf })) {
      cells.push({ unit: r.unit ?? AREA, target: i, row: r })
    }
  })
  const unitIds = [...new Set(cells.map((c) => c.unit))].sort((a, b) =>
    a === AREA ? -1 : b === AREA ? 1 : cmp(a, b)
  )
  const names = new Map<string, string>([
    ...snapshot.units.map((u): [string, string] => [u.id, u.name]),
    [AREA, Unit.areaLabel(snapshot.units).zh]
  ])
  const unitNames = unitIds.map((u) => names.get(u) ?? u)
  const titles = targets.map((t) => t.title)
  const left = Math.max(80, ...titles.map((n) => textWidth(n, 12))) + 20
  const col = Math.max(64, ...unitNames.map((n) => textWidth(n, 12) + 12))
  const rowHeight = 28
  const top = 100
  const key = KEY.reduce((w, s) => w + 14 + 5 + textWidth(Progress.statusNames[s].zh, 12) + 16, 0)
  const width = Math.max(
    left + Math.max(1, unitIds.length) * col + 24,
    textWidth(title, 16) + 48,
    12 + key + 24
  )
  const height = top + Math.max(1, targets.length) * rowHeight + 24
  const index = new Map(unitIds.map((u, i) => [u, i]))
  const option: EChartsOption = {
    title: {
      text: title,
      left: 12,
      top: 8,
      textStyle: { fontSize: 16, width: width - 24, overflow: "break" }
    },
    grid: { left, right: 24, top, height: Math.max(1, targets.length) * rowHeight },
    // The key to the colours, in the progress table's words (红灯, 黄灯, 正常, 超序时).
    visualMap: {
      type: "piecewise",
      orient: "horizontal",
      left: 12,
      top: 40,
      itemWidth: 14,
      itemHeight: 14,
      itemGap: 16,
      selectedMode: false,
      textStyle: { fontSize: 12 },
      dimension: 2,
      pieces: KEY.map((s) => ({
        value: STATUS_CODE[s],
        color: COLORS[s],
        label: Progress.statusNames[s].zh
      }))
    },
    xAxis: {
      type: "category",
      position: "top",
      data: unitNames,
      axisLabel: { fontSize: 12, interval: 0 },
      axisTick: { show: false },
      splitArea: { show: false }
    },
    yAxis: {
      type: "category",
      inverse: true,
      data: titles,
      axisLabel: { fontSize: 12, interval: 0 },
      axisTick: { show: false }
    },
    series: [
      {
        type: "heatmap",
        itemStyle: { borderColor: "#ffffff", borderWidth: 2 },
        label: { show: true, fontSize: 11 },
        data: cells
          .sort((a, b) => a.target - b.target || cmp(a.unit, b.unit))
          .map((c) => ({
            value: [index.get(c.unit)!, c.target, STATUS_CODE[c.row.status]],
            label: {
              formatter: Percent.format(c.row.ratio),
              color: c.row.status === "amber" || c.row.status === "on-track" ? "#1b1b1b" : "#ffffff"
            }
          }))
      }
    ]
  }
  return render(option, width, height)
}
