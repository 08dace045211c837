import { type Lifecycle, Progress, Ratio, Snapshot, Unit, View } from "@gongjian/core"
import { Host, type Plugin } from "@gongjian/plugin-sdk"
import * as Result from "effect/Result"
import type * as Store from "../Store.js"

/** @internal The problems of a snapshot, as the API shows them. */
export interface ApiProblem {
  readonly path: string
  readonly record: string | null
  readonly field: string
  readonly code: string
  readonly message: string
}

/** @internal Builds the snapshot document from a campaign's current records. */
export const compose = (records: ReadonlyArray<Store.Revision>): unknown => {
  const byKind = (kind: Store.RecordKind) =>
    records.filter((r) => r.kind === kind && r.value !== null).map((r) => r.value)
  const doc = (byKind("campaign")[0] ?? {}) as { readonly [key: string]: unknown }
  const activities = byKind("activity")
  const reports = byKind("report")
  return {
    ...doc,
    units: byKind("unit"),
    projects: byKind("project"),
    ...(activities.length > 0 ? { activities } : {}),
    ...(reports.length > 0 ? { reports } : {})
  }
}

/** @internal The records a snapshot document is made of: the campaign document first. */
export const split = (campaignId: string, input: Snapshot.Snapshot): ReadonlyArray<Store.Write> => {
  const encoded = Snapshot.encode(input) as {
    readonly asOf: string
    readonly campaign: { readonly id: string }
    readonly units: ReadonlyArray<{ readonly id: string }>
    readonly projects: ReadonlyArray<{ readonly id: string }>
    readonly activities?: ReadonlyArray<{ readonly id: string }>
    readonly reports?: ReadonlyArray<{ readonly id: string }>
    readonly calendar?: unknown
  }
  const { units, projects, activities, reports, ...doc } = encoded
  return [
    { kind: "campaign", id: campaignId, value: doc },
    ...units.map((v) => ({ kind: "unit" as const, id: v.id, value: v })),
    ...projects.map((v) => ({ kind: "project" as const, id: v.id, value: v })),
    ...(activities ?? []).map((v) => ({ kind: "activity" as const, id: v.id, value: v })),
    ...(reports ?? []).map((v) => ({ kind: "report" as const, id: v.id, value: v }))
  ]
}

/** @internal Applies writes to current records (without stamping them) for validation. */
export const apply = (
  records: ReadonlyArray<Store.Revision>,
  campaign: string,
  writes: ReadonlyArray<Store.Write>
): ReadonlyArray<Store.Revision> => {
  const key = (kind: string, id: string) => `${kind}\u0000${id}`
  const map = new Map(records.map((r) => [key(r.kind, r.id), r]))
  for (const w of writes) {
    map.set(key(w.kind, w.id), {
      campaign,
      kind: w.kind,
      id: w.id,
      revision: 0,
      sequence: 0,
      value: w.value,
      who: "",
      at: "",
      why: ""
    })
  }
  return [...map.values()].filter((r) => r.value !== null)
}

const projectsOf = (value: unknown): ReadonlyArray<unknown> => {
  const projects =
    value !== null && typeof value === "object"
      ? (value as { readonly projects?: unknown }).projects
      : undefined
  return Array.isArray(projects) ? projects : []
}

/**
 * @internal What a write reads to check itself, or undefined when it reads
 * the whole campaign. Every check of a snapshot across records is: ids unique
 * (records are keyed by kind and id, so they are); every unit, parent and
 * allocation naming a unit, without a cycle of parents; every activity's
 * projects naming a project; each project's history folding. When the
 * campaign's current records are valid (every write keeps them so), a write
 * of projects, activities and reports can only break these through the
 * records it writes, so it is checked with the campaign document, the units,
 * the records it writes and the projects its activities name. A write of a
 * unit or of the campaign document, or one that withdraws a project (an
 * activity may name it), is checked with the whole campaign.
 */
export const selection = (writes: ReadonlyArray<Store.Write>): Store.Selection | undefined => {
  const whole = writes.some(
    (w) => w.kind === "campaign" || w.kind === "unit" || (w.kind === "project" && w.value === null)
  )
  if (whole) return undefined
  const records: Array<{ kind: Store.RecordKind; id: string }> = []
  for (const w of writes) {
    records.push({ kind: w.kind, id: w.id })
    if (w.kind === "activity")
      for (const p of projectsOf(w.value))
        if (typeof p === "string") records.push({ kind: "project", id: p })
  }
  return { kinds: ["campaign", "unit"], records }
}

/** @internal Decodes a composed document, with problems in the API's shape. */
export const decode = (
  document: unknown
): Result.Result<Snapshot.Snapshot, ReadonlyArray<ApiProblem>> => {
  const r = Snapshot.decode(document)
  if (Result.isSuccess(r)) return Result.succeed(r.success)
  return Result.fail(
    r.failure.problems.map((p) => ({
      path: p.path,
      record: p.record ?? null,
      field: p.field,
      code: p.code,
      message: p.message
    }))
  )
}

/** @internal The goal or actual of a progress row, as text. */
/** @internal Everything the API shows of one campaign at one sequence number. */
export interface Computed {
  readonly host: Host.Host
  readonly sequence: number
  readonly snapshot: Snapshot.Snapshot
  readonly run: Host.Run
  readonly policy: string
  readonly view: View.View
  readonly timelines: ReadonlyMap<string, Lifecycle.Timeline>
}

/** @internal Runs the campaign's policy over its snapshot. */
export const compute = (
  host: Host.Host,
  policy: string,
  sequence: number,
  snapshot: Snapshot.Snapshot
): Computed => {
  const run = Host.run(host, structuredClone(snapshot))
  const view = View.make(structuredClone(snapshot))
  return { host, sequence, snapshot, run, policy, view, timelines: view.timelines }
}

/** @internal Loads one plugin into a host, or throws with every problem. */
export const loadHost = (plugin: Plugin.AnyPlugin, options?: object): Host.Host => {
  const r = Host.load([
    { plugin, ...(options ? { options: options as { readonly [key: string]: unknown } } : {}) }
  ])
  if (Result.isFailure(r)) throw new Error(r.failure.map((e) => e.message).join("\n"))
  return r.success
}

/** @internal The finding rows of a run. */
export const findingRows = (run: Host.Run) =>
  run.findings.map((f) => ({
    project: f.project,
    unit: f.unit,
    rule: f.rule,
    clause: f.clause,
    class: f.class,
    severity: f.severity,
    action: f.action,
    deadline: f.deadline,
    message: { zh: f.message.zh, en: f.message.en }
  }))

type UnitScore = NonNullable<Host.Run["assessments"][number]["assessment"]>["units"][number]

/** @internal A unit's verdicts not given yet, as the API shows them. */
const pendingOf = (u: UnitScore) =>
  (u.pending ?? []).map((p) => ({
    rule: p.rule,
    kind: p.kind,
    title: { zh: p.title.zh, en: p.title.en },
    due: p.due,
    atRisk: p.atRisk,
    reason: p.reason
  }))

/** @internal The ranking rows of a run's first assessment. */
export const rankingRows = (c: Computed) => {
  const a = c.run.assessments[0]?.assessment
  if (a === undefined) return []
  return a.units.map((u) => ({
    group: u.group,
    rank: u.rank,
    unit: u.unit,
    name: u.name,
    total: u.total,
    tiers: [...u.tiers],
    vetoes: u.vetoes.map((v) => v.veto),
    pending: pendingOf(u)
  }))
}

/** @internal The assessment view. */
export const assessmentView = (c: Computed) => {
  const s = c.snapshot
  const facts = Progress.facts(c.view)
  const progress = s.campaign.targets.flatMap((t) => {
    const rows = Progress.ofTarget(facts, t, { asOf: s.asOf })
    const magnitude = Progress.magnitude(rows)
    return rows.map((r) => ({
      target: t.id,
      title: t.title,
      unit: r.unit ?? null,
      ...Progress.shown(r, { precision: 2, magnitude }),
      completion: Ratio.percent(r.ratio),
      expected: r.expected,
      expectedPercent: Ratio.percent(r.expected),
      status: r.status
    }))
  })
  const a = c.run.assessments[0]?.assessment
  return {
    campaign: s.campaign.id,
    asOf: s.asOf,
    policy: c.policy,
    sequence: c.sequence,
    area: Unit.areaLabel(s.units),
    ranking: rankingRows(c),
    tiers: (a?.tiers ?? []).map((t) => ({ id: t.id, title: { zh: t.title.zh, en: t.title.en } })),
    progress,
    findings: findingRows(c.run),
    errors: c.run.errors.map((e) => e.message)
  }
}

/** @internal One unit's explanation, or undefined when the unit is not assessed. */
export const explanation = (c: Computed, unit: string) => {
  const a = c.run.assessments[0]?.assessment
  const u = a?.units.find((x) => x.unit === unit)
  if (u === undefined) return undefined
  // Items by their titles: people read 投洽会签约加分, not fair-bonus.
  const titles = new Map((a?.items ?? []).map((i) => [i.id, { zh: i.title.zh, en: i.title.en }]))
  return {
    unit: u.unit,
    name: u.name,
    rank: u.rank,
    total: u.total,
    tiers: u.tiers.map((id) => {
      const title = a?.tiers.find((t) => t.id === id)?.title ?? { zh: id, en: id }
      return {
        id,
        title: { zh: title.zh, en: title.en },
        reason: u.tierReasons[id] ?? { zh: "", en: "" }
      }
    }),
    vetoes: u.vetoes.map((v) => ({
      veto: v.veto,
      title: { zh: v.title.zh, en: v.title.en },
      reason: v.reason,
      message: { zh: v.message.zh, en: v.message.en }
    })),
    pending: pendingOf(u),
    lines: u.lines.map((l) => ({
      item: l.item,
      title: titles.get(l.item) ?? { zh: l.item, en: l.item },
      clause: l.clause,
      points: l.points,
      arithmetic: l.arithmetic,
      message: { zh: l.message.zh, en: l.message.en }
    }))
  }
}

/** @internal A project with its lifecycle and findings. */
export const projectView = (c: Computed, project: Snapshot.Snapshot["projects"][number]) => {
  const t = c.timelines.get(project.id)
  const milestones: Record<string, string> = {}
  for (const [stage, date] of Object.entries(t?.milestones ?? {}))
    if (date !== undefined) milestones[stage] = date
  return {
    project,
    stage: t?.stage ?? null,
    milestones,
    findings: findingRows(c.run).filter((f) => f.project === project.id)
  }
}
