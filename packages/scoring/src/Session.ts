/**
 * Re-assessment after one unit's submission (逐单位重新考核): a session keeps a
 * campaign's assessment together with what each unit contributed to it — the
 * unit's projects folded, their exit findings, their score lines — so that
 * when a unit submits its projects again only that unit is worked out anew.
 * Every result equals `Assessment.run` on the session's current snapshot,
 * byte for byte.
 *
 * @since 0.3.0
 */
import {
  type Calendar,
  type Lifecycle,
  type LocalDate,
  type Project,
  type Snapshot,
  View
} from "@gongjian/core"
import * as Data from "effect/Data"
import * as Result from "effect/Result"
import * as Assessment from "./Assessment.js"
import type { Context, FindingLike } from "./Context.js"
import { itemTitles } from "./internal/explain.js"
import { byRejected, compareText, finish, groupsOf } from "./internal/finish.js"
import { runItem } from "./internal/items/index.js"
import {
  Credits,
  ItemLines,
  inIdOrder,
  policyRef,
  scoreUnit,
  type UnitLines
} from "./internal/lines.js"
import { rejectedText } from "./internal/rejectedText.js"
import type { ScoringItem } from "./ScoringItem.js"
import { check, type ScoringPolicy } from "./ScoringPolicy.js"

/**
 * A submission a session cannot take, with a stable `code`:
 *
 * - `wrong-unit`: a submitted project belongs to another unit;
 * - `duplicate-project`: a project id is given twice, or is already another
 *   unit's.
 *
 * It names the unit and the project.
 *
 * @example
 * {@includeCode ../examples/Session.ts#session}
 *
 * @since 0.3.0
 * @category errors
 */
export class SessionError extends Data.TaggedError("SessionError")<{
  readonly code: "wrong-unit" | "duplicate-project"
  readonly unit: string
  readonly project: string
  readonly detail: string
}> {
  override get message(): string {
    return `Submission of unit ${this.unit}, project ${this.project}: ${this.detail}`
  }
}

/**
 * A session: the current snapshot and assessment, and `submit`, which
 * replaces one unit's projects and re-assesses.
 *
 * - `snapshot`: the snapshot as submitted so far (projects grouped by unit);
 * - `assessment`: `Assessment.run` of the policy on `snapshot`;
 * - `incremental`: whether a submission is worked out for its unit alone
 *   (see {@link make}); otherwise the assessment is run whole on the folded
 *   timelines and findings kept;
 * - `submit(unit, projects)`: the unit's projects become `projects`, the
 *   assessment is brought up to date and returned.
 *
 * @example
 * {@includeCode ../examples/Session.ts#session}
 *
 * @since 0.3.0
 * @category models
 */
export interface Session {
  readonly snapshot: Snapshot.Snapshot
  readonly assessment: Assessment.Assessment
  readonly incremental: boolean
  readonly submit: (
    unit: string,
    projects: ReadonlyArray<Project.Project>
  ) => Result.Result<Assessment.Assessment, Assessment.AssessmentError | SessionError>
}

/** What one unit's projects contribute. */
interface Part {
  readonly projects: ReadonlyArray<Project.Project>
  readonly view: View.View
  readonly findings: ReadonlyArray<FindingLike>
  /** Lines per item (local items only), credited to the unit. */
  readonly lines: ReadonlyArray<ItemLines>
  readonly rejected: ReadonlyArray<Rejected>
}

type Rejected = Assessment.Assessment["rejected"][number]

const NONE: ReadonlyArray<never> = Object.freeze([])

/**
 * Whether the policy's result can be worked out unit by unit: every item is
 * a `per-project` item (tiers in one currency) or an `exit-findings` item,
 * and no veto and no tier reads targets or findings.
 */
const isLocal = (policy: ScoringPolicy): boolean =>
  policy.items.every(
    (item) =>
      item.kind === "exit-findings" ||
      (item.kind === "per-project" &&
        new Set((item.tiers ?? []).map((t) => t.from.currency)).size <= 1)
  ) &&
  (policy.vetoes ?? []).length === 0 &&
  (policy.tiers ?? []).every((t) => t.kind !== "targets")

/**
 * Starts a session: the policy run over a snapshot as of its date (or
 * `asOf`), on its calendar (or `calendar`), with the exit findings that
 * `findings` gives for a view (e.g. `(view) => ExitEngine.evaluate({ rules,
 * view }).findings`; a project's findings must depend on that project alone,
 * as the exit engine's do), and `options` for the fingerprint, as in
 * `Assessment.run`.
 *
 * After a unit's submission, the session folds that unit's projects, asks
 * `findings` about them alone, and — when the policy is made of `per-project`
 * items (tiers in one currency) and `exit-findings` items, and no veto and no
 * tier reads targets or findings (`incremental`) — works out the score lines
 * of that unit and its ancestors, then ranks the units again: time in
 * proportion to the unit's projects and to the number of units (a parent
 * unit's lines are gathered again from its sub-units). For other policies the
 * assessment is run whole, on the timelines and findings kept.
 *
 * @example
 * {@includeCode ../examples/Session.ts#session}
 *
 * @since 0.3.0
 * @category constructors
 */
export const make = (
  policy: ScoringPolicy,
  input: {
    readonly snapshot: Snapshot.Snapshot
    readonly asOf?: LocalDate.LocalDate
    readonly calendar?: Calendar.Calendar
    readonly model?: Lifecycle.Model
    readonly findings?: (view: View.View) => ReadonlyArray<FindingLike>
    readonly options?: unknown
  }
): Result.Result<Session, Assessment.AssessmentError> => {
  const first = View.make(
    { ...input.snapshot, projects: NONE },
    {
      ...(input.asOf !== undefined ? { asOf: input.asOf } : {}),
      ...(input.calendar !== undefined ? { calendar: input.calendar } : {}),
      ...(input.model !== undefined ? { model: input.model } : {})
    }
  )
  const { asOf, calendar, model, lineage } = first
  const base = input.snapshot
  const problems = check(policy, base.campaign)
  if (problems.length > 0)
    return Result.fail(
      new Assessment.AssessmentError({
        code: "policy-mismatch",
        policy: policy.id,
        item: undefined,
        unit: undefined,
        detail: problems.map((p) => `${p.path}: ${p.detail}`).join("; ")
      })
    )
  const local = isLocal(policy)
  const findingsOf = input.findings ?? (() => NONE)
  const ref = policyRef(policy, input.options)

  const assessed = base.units.filter((u) => base.campaign.assessedUnitKinds.includes(u.kind))
  const assessedIds = new Set(assessed.map((u) => u.id))
  const unitsById = new Map(base.units.map((u) => [u.id, u]))
  const applies = (item: ScoringItem, unit: string) => {
    const u = unitsById.get(unit)
    return (
      u !== undefined &&
      assessedIds.has(unit) &&
      (item.appliesTo === undefined || item.appliesTo.includes(u.kind))
    )
  }
  const window = { start: base.campaign.window.start, end: base.campaign.window.end }
  const inWindow = (d: string) => d >= window.start && d <= window.end && d <= asOf
  const late = (item: string | undefined, record: string, d: string): Rejected => {
    const message = rejectedText.late(d, base.asOf)
    return { item, record, reason: message.en, message }
  }
  // Activities and reports do not change with a unit's projects.
  const fixedRejected: Array<Rejected> = []
  for (const a of base.activities ?? [])
    if (a.date > base.asOf) fixedRejected.push(late(undefined, a.id, a.date))
  for (const r of base.reports ?? [])
    if (r.on > base.asOf) fixedRejected.push(late(undefined, r.id, r.on))

  /** Folds a unit's projects, finds their findings and, for a local policy, their lines. */
  const partOf = (projects: ReadonlyArray<Project.Project>): Part => {
    const view = View.make({ ...base, projects }, { asOf, calendar, model })
    const findings = findingsOf(view)
    const rejected: Array<Rejected> = []
    for (const p of projects)
      for (const e of p.events)
        if (e.date > base.asOf) rejected.push(late(undefined, `${p.id}@${e.date}`, e.date))
    for (const e of view.unfolded) {
      const message = rejectedText.unfolded(e)
      rejected.push({ item: undefined, record: e.project, reason: message.en, message })
    }
    const credits = policy.items.map(() => new Credits())
    if (local) {
      let idOrdered: boolean | undefined
      const isIdOrdered = () => {
        if (idOrdered === undefined) idOrdered = inIdOrder(projects)
        return idOrdered
      }
      const context: Context = {
        view,
        snapshot: view.snapshot,
        asOf,
        calendar,
        timelines: view.timelines,
        findings,
        lineage,
        progress: () => NONE
      }
      policy.items.forEach((item, i) => {
        runItem(item, {
          context,
          snapshot: view.snapshot,
          asOf,
          window,
          inWindow,
          idOrdered: isIdOrdered,
          findingRows: View.findingRows(findings),
          units: NONE,
          credit: (_unit, line) => credits[i]!.add(0, line, -1, line.raw),
          creditRow: (_unit, source, row, raw) => credits[i]!.add(0, source, row, raw),
          creditProjectRow: (_index, source, row, raw) => credits[i]!.add(0, source, row, raw),
          creditProjectRows: (source, _projects, rows, raws, count) => {
            for (let k = 0; k < count; k++) credits[i]!.add(0, source, rows[k]!, raws[k]!)
          },
          creditUnit: (_unit, line) => credits[i]!.add(0, line, -1, line.raw),
          reject: (record, message) =>
            rejected.push({ item: item.id, record, reason: message.en, message })
        })
      })
    }
    const lines = credits.map((c) => c.columns(1))
    return { projects, view, findings, lines, rejected }
  }

  // The units in the order they first hold a project; each unit's projects in snapshot order.
  const byUnit = new Map<string, Array<Project.Project>>()
  for (const p of base.projects) {
    const list = byUnit.get(p.unit)
    if (list === undefined) byUnit.set(p.unit, [p])
    else list.push(p)
  }
  const parts = new Map<string, Part>()
  for (const [unit, projects] of byUnit) parts.set(unit, partOf(projects))
  const owner = new Map<string, string>()
  for (const p of base.projects) owner.set(p.id, p.unit)

  // For each assessed unit and item, the units whose lines it gathers (itself and its sub-units).
  const sources = new Map<string, Set<string>>()
  const addSource = (unit: string) => {
    for (const t of lineage(unit)) {
      let set = sources.get(t)
      if (set === undefined) {
        set = new Set()
        sources.set(t, set)
      }
      set.add(unit)
    }
  }
  for (const u of base.units) addSource(u.id)
  for (const unit of parts.keys()) addSource(unit)

  // A unit's lines are made when it is scored (a submission scores few units), so that
  // putting the assessment together again costs nothing per unit and line.
  const scores = new Map<
    string,
    Pick<UnitLines, "total" | "earned" | "items"> & {
      readonly lines: ReadonlyArray<Assessment.ScoreLine>
    }
  >()
  const rescore = (unit: string) => {
    const perItem = policy.items.map((item, i) => {
      if (!applies(item, unit)) return new ItemLines()
      const gathered: Array<ItemLines> = []
      for (const s of sources.get(unit) ?? [unit]) {
        const lines = parts.get(s)?.lines[i]
        if (lines !== undefined) gathered.push(lines)
      }
      return ItemLines.concat(gathered)
    })
    const sc = scoreUnit(policy, unit, perItem, 0)
    scores.set(unit, { total: sc.total, earned: sc.earned, items: sc.items, lines: sc.lines })
  }
  const groups = groupsOf(policy, base.campaign.assessedUnitKinds)

  let assessment: Assessment.Assessment
  // The snapshot as submitted so far, put together when read.
  let snapshot: Snapshot.Snapshot | undefined
  const current = (): Snapshot.Snapshot => {
    if (snapshot === undefined) {
      const projects: Array<Project.Project> = []
      for (const part of parts.values()) for (const p of part.projects) projects.push(p)
      snapshot = { ...base, projects }
    }
    return snapshot
  }

  const whole = (): Result.Result<Assessment.Assessment, Assessment.AssessmentError> => {
    // The timelines and findings kept, put together; the assessment run whole.
    const timelines = new Map<string, Lifecycle.Timeline>()
    const unfolded: Array<Lifecycle.LifecycleError> = []
    const findings: Array<FindingLike> = []
    for (const part of parts.values()) {
      for (const [id, t] of part.view.timelines) timelines.set(id, t)
      for (const e of part.view.unfolded) unfolded.push(e)
      for (const f of part.findings) findings.push(f)
    }
    findings.sort((a, b) => compareText(a.project, b.project))
    const view: View.View = Object.freeze({
      snapshot: current(),
      asOf,
      calendar,
      model,
      timelines,
      unfolded,
      lineage
    })
    return Assessment.run(policy, {
      view,
      findings,
      ...(input.options !== undefined ? { options: input.options } : {})
    })
  }

  const assemble = (): Assessment.Assessment => {
    const outcome = finish(policy, groups, assessed, scores, undefined)
    const rejected = [...fixedRejected]
    for (const part of parts.values()) for (const r of part.rejected) rejected.push(r)
    return {
      policy: ref,
      campaign: base.campaign.id,
      asOf,
      items: itemTitles(policy),
      ...outcome,
      rejected: rejected.sort(byRejected)
    }
  }

  if (local) {
    for (const u of assessed) rescore(u.id)
    assessment = assemble()
  } else {
    const r = whole()
    if (Result.isFailure(r)) return Result.fail(r.failure)
    assessment = r.success
  }

  const submit: Session["submit"] = (unit, projects) => {
    const ids = new Set<string>()
    for (const p of projects) {
      if (p.unit !== unit)
        return Result.fail(
          new SessionError({
            code: "wrong-unit",
            unit,
            project: p.id,
            detail: `the project belongs to unit ${p.unit}`
          })
        )
      const other = owner.get(p.id)
      if (ids.has(p.id) || (other !== undefined && other !== unit))
        return Result.fail(
          new SessionError({
            code: "duplicate-project",
            unit,
            project: p.id,
            detail: ids.has(p.id)
              ? "the project is given twice"
              : `the project id is already unit ${other}'s`
          })
        )
      ids.add(p.id)
    }
    for (const p of parts.get(unit)?.projects ?? NONE) owner.delete(p.id)
    for (const p of projects) owner.set(p.id, unit)
    parts.set(unit, partOf(projects))
    if (!sources.has(unit)) addSource(unit)
    snapshot = undefined
    if (local) {
      for (const t of lineage(unit)) if (assessedIds.has(t)) rescore(t)
      assessment = assemble()
    } else {
      const r = whole()
      if (Result.isFailure(r)) return r
      assessment = r.success
    }
    return Result.succeed(assessment)
  }

  return Result.succeed({
    get snapshot() {
      return current()
    },
    get assessment() {
      return assessment
    },
    incremental: local,
    submit
  })
}
