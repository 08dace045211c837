/**
 * The exit-mechanism engine (退出机制): runs exit rules over the projects of a
 * snapshot as of a date and returns findings, resolutions and the rules it
 * could not judge. Pure and deterministic; linear in projects × rules.
 *
 * @since 0.1.0
 */
import {
  Calendar,
  Clause,
  type Lifecycle,
  LocalDate,
  Money,
  Progress,
  type Project,
  View
} from "@gongjian/core"
import * as BigDecimal from "effect/BigDecimal"
import * as Deadline from "./Deadline.js"
import type { ExitRule } from "./ExitRule.js"
import { actionNames, type Finding, order, type Resolution, type Unevaluated } from "./Finding.js"
import { measureColumns } from "./internal/measures.js"
import { unevaluatedText } from "./internal/unevaluated.js"

/**
 * What the engine reads: the rules, and the as-of view of a snapshot — its
 * date, its calendar (the county's overrides included) for working-day
 * durations, its lifecycle model and its folded timelines.
 *
 * @example
 * {@includeCode ../examples/ExitEngine.ts#evaluate}
 *
 * @since 0.1.0
 * @category models
 */
export interface Input {
  readonly rules: ReadonlyArray<ExitRule>
  readonly view: View.View
}

/**
 * The result of a run: findings, resolutions and unjudged rules, each in
 * project then rule order.
 *
 * @example
 * {@includeCode ../examples/ExitEngine.ts#evaluate}
 *
 * @since 0.1.0
 * @category models
 */
export interface ExitReport {
  readonly asOf: LocalDate.LocalDate
  readonly rules: ReadonlyArray<string>
  readonly findings: ReadonlyArray<Finding>
  readonly resolved: ReadonlyArray<Resolution>
  readonly unevaluated: ReadonlyArray<Unevaluated>
}

const shares = new Map<number, BigDecimal.BigDecimal>()
const shareOf = (share: number): BigDecimal.BigDecimal => {
  let d = shares.get(share)
  if (d === undefined) {
    d = BigDecimal.fromStringUnsafe(String(share))
    shares.set(share, d)
  }
  return d
}

const WIDE = { start: "0001-01-01", end: "9999-12-31" } as const
const CONTRACT_NAMES = {
  startBy: { zh: "合同约定开工日期", en: "the contract's start date" },
  completeBy: { zh: "合同约定竣工日期", en: "the contract's completion date" },
  produceBy: { zh: "合同约定投产日期", en: "the contract's production date" }
} as const
const MEASURE_NAMES = {
  taxPerMu: { zh: "亩均税收", en: "tax per mu" },
  outputPerMu: { zh: "亩均产出", en: "output per mu" },
  investmentIntensityPerMu: { zh: "投资强度", en: "investment intensity" }
} as const

const NOT_PROVISIONAL = {}
const TEXT_SPAN = 20 * 366
const NO_EXTENSIONS: ReadonlyArray<Deadline.Extension> = Object.freeze([])

/**
 * The years with no State Council notice that a rule's working-day counts
 * read (anchor → base deadline, warning start → deadline), as
 * `{ provisionalYears }`, or nothing when every count rests on notices.
 */
const provisionalOf = (
  workingDays: boolean,
  calendar: Calendar.Calendar,
  rule: ExitRule,
  anchorDays: number,
  baseDays: number,
  deadlineDays: number,
  warnFromDays: number | undefined
): { readonly provisionalYears?: ReadonlyArray<number> } => {
  if (!workingDays) return NOT_PROVISIONAL
  const counted = "workingDays" in rule.within
  const warned = rule.warnBefore !== undefined && "workingDays" in rule.warnBefore
  if (!counted && !warned) return NOT_PROVISIONAL
  const years = new Set<number>()
  const span = (a: number, b: number) => {
    for (const y of Calendar.provisionalYears(
      calendar,
      LocalDate.fromDays(a),
      LocalDate.fromDays(b)
    ))
      years.add(y)
  }
  if (counted) span(anchorDays, baseDays)
  if (warned && warnFromDays !== undefined) span(warnFromDays, deadlineDays)
  return years.size === 0 ? NOT_PROVISIONAL : { provisionalYears: [...years].sort((a, b) => a - b) }
}

/** The stages after `stage` in the pipeline that are not terminal. */
const laterStages = (model: Lifecycle.Model, stage: Lifecycle.Stage): Array<Lifecycle.Stage> => {
  const later: Array<Lifecycle.Stage> = []
  let after = false
  for (const s of model.stages) {
    if (s.id === stage) after = true
    else if (after && !model.terminal.includes(s.id)) later.push(s.id)
  }
  return later
}

const NOT_REACHED = View.notReached

/**
 * Calendar months of a duration (`{ years }` as 12 months), or NaN for one
 * counted in days or working days.
 */
const monthsOf = (duration: Deadline.Duration): number =>
  "months" in duration ? duration.months : "years" in duration ? duration.years * 12 : Number.NaN

/** Calendar days of a duration, or NaN for one counted otherwise. */
const daysOf = (duration: Deadline.Duration): number =>
  "days" in duration ? duration.days : Number.NaN

const POW10 = Array.from({ length: 40 }, (_, i) => 10n ** BigInt(i))
const BIG = 10n ** 80n
const LARGE = 10n ** 60n
/** 10^k as a bigint. */
const pow10 = (k: number): bigint => POW10[k] ?? 10n ** BigInt(k)

/**
 * Whether `actual ≥ share × promised`, exactly: the decimals' digits
 * compared as integers at one scale (no decimal object made).
 */
const isAtLeastShare = (
  actual: BigDecimal.BigDecimal,
  share: BigDecimal.BigDecimal,
  promised: BigDecimal.BigDecimal
): boolean => {
  // actual.value × 10^-actual.scale against right × 10^-rightScale.
  const right = share.value * promised.value
  const shift = actual.scale - (share.scale + promised.scale)
  if (shift > 39 || shift < -39)
    return BigDecimal.isGreaterThanOrEqualTo(actual, BigDecimal.multiply(promised, share))
  return shift >= 0 ? actual.value >= right * pow10(shift) : actual.value * pow10(-shift) >= right
}

/**
 * `Money.ratioUnsafe(actual, promised, 4)` written out (`"n/a"` when the
 * promise is zero): the quotient rounded half-even to 4 places by integer
 * division with its remainder, written by `BigDecimal.format`. Dividing to
 * 100 digits first, as `ratioUnsafe` does, gives the same places when the
 * promise has fewer than 60 digits and the quotient is below 10^76; other
 * amounts take `ratioUnsafe` itself.
 */
const shareText = (actual: Money.Money, promised: Money.Money): string => {
  const a = actual.amount
  const b = promised.amount
  // a / b × 10^4 = (a.value × 10^shift) / b.value, shift = 4 + b.scale − a.scale
  const shift = 4 + b.scale - a.scale
  if (a.value < 0n || b.value <= 0n || shift > 39 || shift < -39 || b.value >= LARGE) {
    const ratio = Money.ratioUnsafe(actual, promised, 4)
    return ratio === undefined ? "n/a" : BigDecimal.format(ratio)
  }
  const num = shift >= 0 ? a.value * pow10(shift) : a.value
  const den = shift >= 0 ? b.value : b.value * pow10(-shift)
  let q = num / den
  if (q >= BIG) return BigDecimal.format(Money.ratioUnsafe(actual, promised, 4)!)
  const twice = (num - q * den) * 2n
  if (twice > den || (twice === den && q % 2n === 1n)) q += 1n
  return BigDecimal.format(BigDecimal.make(q, 4))
}

const NO_PERFORMANCE: ReadonlyArray<typeof Project.Performance.Type> = Object.freeze([])

/** A share as `shareUnits / shareScale` in numbers, NaN where they cannot hold it exactly. */
const shareParts = (
  share: BigDecimal.BigDecimal | undefined
): { readonly shareUnits: number; readonly shareScale: number } => {
  if (share === undefined || share.scale < 0 || share.scale > 15 || share.value > 2n ** 53n)
    return { shareUnits: Number.NaN, shareScale: Number.NaN }
  return { shareUnits: Number(share.value), shareScale: 10 ** share.scale }
}

/** A rule prepared once for every project of a run. */
const compileRule = (rule: ExitRule, view: View.View) => {
  const model = view.model
  const required = rule.requires.kind === "stage" ? rule.requires.stage : undefined
  const warnBefore = rule.warnBefore
  return {
    rule,
    anchorName:
      "milestone" in rule.anchor
        ? stageNameOf(model, rule.anchor.milestone)
        : CONTRACT_NAMES[rule.anchor.contract],
    matches: rule.filter === undefined ? undefined : Progress.matcherAt(view, rule.filter, WIDE),
    anchorStage: "milestone" in rule.anchor ? rule.anchor.milestone : undefined,
    anchorDays:
      "milestone" in rule.anchor ? View.milestoneDays(view, rule.anchor.milestone) : undefined,
    withinMonths: monthsOf(rule.within),
    withinDays: daysOf(rule.within),
    warnMonths: warnBefore === undefined ? Number.NaN : monthsOf(warnBefore),
    warnDays: warnBefore === undefined ? Number.NaN : daysOf(warnBefore),
    workingDays:
      "workingDays" in rule.within || (warnBefore !== undefined && "workingDays" in warnBefore),
    // Judged from the columns (see `judgeRule`): a milestone anchor, calendar
    // months or days, no filter.
    simple:
      "milestone" in rule.anchor &&
      rule.filter === undefined &&
      ("months" in rule.within || "years" in rule.within || "days" in rule.within) &&
      (warnBefore === undefined ||
        "months" in warnBefore ||
        "years" in warnBefore ||
        "days" in warnBefore),
    // The requirement and the later stages that imply it (as
    // `Lifecycle.reachedOn` reads them).
    requiredDays:
      required === undefined
        ? undefined
        : [
            View.milestoneDays(view, required),
            ...(model.terminal.includes(required)
              ? []
              : laterStages(model, required).map((stage) => View.milestoneDays(view, stage)))
          ],
    share:
      rule.requires.kind === "performance"
        ? shareOf(rule.requires.share)
        : BigDecimal.fromBigInt(0n),
    // The contract's figures and the measurements as numbers, for a performance required.
    perf:
      rule.requires.kind === "performance"
        ? measureColumns(view.snapshot, rule.requires.measure)
        : undefined,
    // The share as whole units of 10^-scale (0.5 → 5 of 10), when a number holds it exactly.
    ...shareParts(rule.requires.kind === "performance" ? shareOf(rule.requires.share) : undefined)
  }
}

type Compiled = ReturnType<typeof compileRule>

/**
 * What one run reads and writes. Kept in one plain record passed to
 * functions of the module (no closure or instance made per run), so that
 * their optimised code serves every run.
 */
interface RunState {
  readonly asOf: LocalDate.LocalDate
  readonly asOfDays: number
  readonly calendar: Calendar.Calendar
  readonly model: Lifecycle.Model
  /** The text of the deadlines found, written once per run and day (they fall within a few years of the as-of date). */
  readonly texts: Array<string | undefined>
  readonly compiled: ReadonlyArray<Compiled>
  readonly projects: ReadonlyArray<Project.Project>
  readonly timelines: ReadonlyArray<Lifecycle.Timeline | undefined>
  readonly exited: Int32Array
  readonly reclaimed: Int32Array
  /** What each timeline holds (`View.timelineFlags`), read instead of the timelines. */
  readonly flags: Uint8Array
  /** Each rule's anchor column when it filters nothing (`judge` skips the projects without it). */
  readonly anchors: ReadonlyArray<Int32Array | undefined>
  /** 1 for a rule judged from the columns (`Compiled.simple`), by rule. */
  readonly simple: Uint8Array
  /** Written to while judging (a working set reused from run to run), then the exact rows kept. */
  findings: FindingColumns
  resolved: ResolutionColumns
  readonly unevaluated: Array<Unevaluated>
}

type Rect = Lifecycle.Timeline["rectifications"][number]

/** A measurement below the contract's share, written out when its finding is read. */
interface Measured {
  readonly measure: keyof typeof MEASURE_NAMES
  readonly actual: Money.Money
  readonly promised: Money.Money
  readonly on: LocalDate.LocalDate
}

/** What few findings have besides their columns. */
interface FindingExtra {
  readonly extensions: ReadonlyArray<Deadline.Extension>
  readonly rect: Rect | undefined
  readonly years: ReadonlyArray<number> | undefined
}

// How a finding stands: its severity and action follow from it and its rule.
const WARNING = 0
const ESCALATED = 1
const UNDER_RECTIFICATION = 2
const BREACH = 3
const SEVERITY = ["warning", "escalated", "breach", "breach"] as const

/**
 * Rows kept as typed columns (no object per row, nothing for the garbage
 * collector to trace): each row's project (by index), rule (by index among
 * the compiled rules), a code and two day numbers, and the few rows' extras
 * by row.
 */
class Rows<X> {
  n = 0
  project: Int32Array
  /** The row's rule (by index among the compiled rules) × 4 + its code (0 … 3). */
  kind: Int32Array
  dayA: Int32Array
  dayB: Int32Array
  readonly extra = new Map<number, X>()
  /** Room for `size` rows to start with (at least `least`: 256 unless said). */
  constructor(size: number, least = 256) {
    const n = Math.max(size, least)
    this.project = new Int32Array(n)
    this.kind = new Int32Array(n)
    this.dayA = new Int32Array(n)
    this.dayB = new Int32Array(n)
  }
  add(project: number, rule: number, code: number, dayA: number, dayB: number): number {
    const k = this.n
    if (k === this.project.length) this.#grow()
    this.project[k] = project
    this.kind[k] = rule * 4 + code
    this.dayA[k] = dayA
    this.dayB[k] = dayB
    this.n = k + 1
    return k
  }
  #grow(): void {
    const size = Math.max(this.project.length * 2, 256)
    const grow = (a: Int32Array) => {
      const b = new Int32Array(size)
      b.set(a)
      return b
    }
    this.project = grow(this.project)
    this.kind = grow(this.kind)
    this.dayA = grow(this.dayA)
    this.dayB = grow(this.dayB)
  }
  /** The rows in columns of their own, of the size they hold; the extras moved to them. */
  trimmed(): Rows<X> {
    const n = this.n
    const out = new Rows<X>(0, n)
    out.n = n
    out.project.set(this.project.subarray(0, n))
    out.kind.set(this.kind.subarray(0, n))
    out.dayA.set(this.dayA.subarray(0, n))
    out.dayB.set(this.dayB.subarray(0, n))
    for (const [k, x] of this.extra) out.extra.set(k, x)
    this.n = 0
    this.extra.clear()
    return out
  }
  /** Puts the rows in `order` (a permutation of the rows); none when it is the identity. */
  reorder(order: ArrayLike<number> | undefined): void {
    if (order === undefined) return
    const n = this.n
    const pick = (a: Int32Array) => {
      const b = new Int32Array(Math.max(a.length, 256))
      for (let k = 0; k < n; k++) b[k] = a[order[k]!]!
      return b
    }
    this.project = pick(this.project)
    this.kind = pick(this.kind)
    this.dayA = pick(this.dayA)
    this.dayB = pick(this.dayB)
    if (this.extra.size > 0) {
      const extra = new Map(this.extra)
      this.extra.clear()
      for (let to = 0; to < n; to++) {
        const x = extra.get(order[to]!)
        if (x !== undefined) this.extra.set(to, x)
      }
    }
  }
}

// One instance kept for the life of the module: V8 drops the hidden class
// of objects none of which is left after a collection, and with it the
// optimised code of the judging loop that was made for it.
const KEEP_ROWS = new Rows<unknown>(0)
void KEEP_ROWS

// The working rows of the last run, taken by the next: a run writes its
// rows there and keeps copies of the size found, so that it leaves the
// collector only what it found.
const spare: { findings: FindingColumns | undefined; resolved: ResolutionColumns | undefined } = {
  findings: undefined,
  resolved: undefined
}

/**
 * The findings of a run: a row each, its code how it stands (`WARNING` …),
 * `dayA` its base deadline and `dayB` its deadline. The finding objects are
 * made from them when first read.
 */
type FindingColumns = Rows<FindingExtra>

/**
 * The resolutions of a run: a row each, its code 1 when rectified (0 when
 * reached late), `dayA` its deadline and `dayB` the day it was met; its
 * rectification order and provisional years, where there are any, by row.
 */
type ResolutionColumns = Rows<{
  readonly rect: Rect | undefined
  readonly years: ReadonlyArray<number> | undefined
}>

// Projects judged per call of `judge`: called many times a run, it is
// optimised as a whole function and its code serves the next run, instead of
// being compiled anew inside each run's loop.
const CHUNK = 2048

/** The text of day `days`, written once per run. */
const textOf = (run: RunState, days: number): LocalDate.LocalDate => {
  const k = days - run.asOfDays + TEXT_SPAN
  if (k < 0 || k >= run.texts.length) return LocalDate.fromDays(days)
  let text = run.texts[k]
  if (text === undefined) {
    text = LocalDate.fromDays(days)
    run.texts[k] = text
  }
  return text
}

/**
 * Judges the `pi`-th project (in the pool: its history folds, it has not
 * exited nor had its land reclaimed) by the `ri`-th rule, in full.
 */
const judgeOne = (run: RunState, ri: number, pi: number): void => {
  const { asOf, asOfDays, calendar, compiled, projects, timelines, flags } = run
  const { findings, resolved, unevaluated } = run
  const t = timelines[pi]!
  const p = projects[pi]!
  const c = compiled[ri]!
  const { rule, matches } = c
  if (matches !== undefined) {
    const m = matches(pi)
    if (m === "currency-mismatch") {
      unevaluated.push({
        project: p.id,
        rule: rule.id,
        reason: unevaluatedText.filterCurrency.en,
        message: unevaluatedText.filterCurrency
      })
      return
    }
    if (!m) return
  }
  let anchorDays: number
  let anchorOn: LocalDate.LocalDate | undefined
  if (c.anchorDays !== undefined) {
    anchorDays = c.anchorDays[pi]!
    if (anchorDays === NOT_REACHED) return
  } else {
    anchorOn = p.contract?.[(rule.anchor as { readonly contract: "startBy" }).contract]
    if (anchorOn === undefined) return
    anchorDays = LocalDate.toDays(anchorOn)
  }

  // Deadlines in day numbers; strings are built only for what is reported.
  let baseDays: number
  let deadlineDays: number
  let warnFromDays: number | undefined
  let extensions: ReadonlyArray<Deadline.Extension> = NO_EXTENSIONS
  try {
    baseDays = !Number.isNaN(c.withinMonths)
      ? LocalDate.addMonthsToDays(anchorDays, c.withinMonths)
      : !Number.isNaN(c.withinDays)
        ? anchorDays + c.withinDays
        : Deadline.addDays(anchorDays, rule.within, calendar)
    deadlineDays = baseDays
    if (rule.exemptions !== false && (flags[pi]! & View.TimelineFlag.exemptions) !== 0) {
      anchorOn ??= t.milestones[c.anchorStage!]!
      const x = Deadline.extend(anchorOn, LocalDate.fromDays(baseDays), t.exemptions)
      deadlineDays = LocalDate.toDays(x.deadline)
      extensions = x.extensions
    }
    warnFromDays =
      rule.warnBefore === undefined
        ? undefined
        : !Number.isNaN(c.warnDays)
          ? deadlineDays - c.warnDays
          : !Number.isNaN(c.warnMonths)
            ? LocalDate.addMonthsToDays(deadlineDays, -c.warnMonths)
            : Deadline.subtractDays(deadlineDays, rule.warnBefore, calendar)
  } catch (e) {
    const message = unevaluatedText.deadline(e)
    unevaluated.push({ project: p.id, rule: rule.id, reason: message.en, message })
    return
  }

  // Is the requirement met, and since when?
  const requiredDays = c.requiredDays
  if (requiredDays !== undefined) {
    const reachedDays = reachedAt(requiredDays, pi)
    if (reachedDays <= deadlineDays) return
    if (reachedDays !== NOT_REACHED) {
      // Met after the deadline: inside an ordered rectification period
      // that is a rectification, otherwise it is late.
      const rect =
        (flags[pi]! & View.TimelineFlag.rectifications) === 0
          ? undefined
          : rectificationSince(t, anchorOn ?? t.milestones[c.anchorStage!]!)
      let inPeriod = false
      if (rect !== undefined) {
        const reached = textOf(run, reachedDays)
        inPeriod = reached >= rect.ordered && reached <= rect.deadline
      }
      addResolution(
        resolved,
        pi,
        ri,
        deadlineDays,
        reachedDays,
        inPeriod,
        rect,
        provisionalOf(
          c.workingDays,
          calendar,
          rule,
          anchorDays,
          baseDays,
          deadlineDays,
          warnFromDays
        ).provisionalYears
      )
      return
    }
  } else {
    const { measure } = rule.requires as Extract<
      ExitRule["requires"],
      { readonly kind: "performance" }
    >
    if (warnFromDays !== undefined ? asOfDays < warnFromDays : asOfDays <= deadlineDays) return
    const name = MEASURE_NAMES[measure]
    const promised = p.contract?.[measure]
    if (promised === undefined) {
      const message = unevaluatedText.noPromise(name)
      unevaluated.push({ project: p.id, rule: rule.id, reason: message.en, message })
      return
    }
    const latest = latestMeasurement(p, measure, asOf)
    const actual = latest?.[measure]
    if (latest === undefined || actual === undefined) {
      const message = unevaluatedText.noMeasurement(name, asOf)
      unevaluated.push({ project: p.id, rule: rule.id, reason: message.en, message })
      return
    }
    if (actual.currency !== promised.currency) {
      const message = unevaluatedText.currencies(name, actual.currency, promised.currency)
      unevaluated.push({ project: p.id, rule: rule.id, reason: message.en, message })
      return
    }
    // Compare exactly: actual ≥ share × promised, in whole numbers when
    // they hold the amounts exactly.
    const left = Money.toFen(actual) * c.shareScale
    const right = Money.toFen(promised) * c.shareUnits
    if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) {
      if (left >= right) return
    } else if (isAtLeastShare(actual.amount, c.share, promised.amount)) return
  }

  const inWarning = asOfDays <= deadlineDays
  if (inWarning && (warnFromDays === undefined || asOfDays < warnFromDays)) return
  const rect =
    (flags[pi]! & View.TimelineFlag.rectifications) === 0
      ? undefined
      : rectificationSince(t, anchorOn ?? t.milestones[c.anchorStage!]!)
  const provisional = provisionalOf(
    c.workingDays,
    calendar,
    rule,
    anchorDays,
    baseDays,
    deadlineDays,
    warnFromDays
  )
  const years = provisional.provisionalYears
  let kind: number
  if (inWarning) kind = WARNING
  else if (rect?.resolvedOn !== undefined) {
    addResolution(
      resolved,
      pi,
      ri,
      deadlineDays,
      LocalDate.toDays(rect.resolvedOn),
      true,
      rect,
      years
    )
    return
  } else kind = rect === undefined ? BREACH : rect.deadline < asOf ? ESCALATED : UNDER_RECTIFICATION
  const row = findings.add(pi, ri, kind, baseDays, deadlineDays)
  if (
    extensions.length > 0 ||
    years !== undefined ||
    kind === ESCALATED ||
    kind === UNDER_RECTIFICATION
  )
    findings.extra.set(row, {
      extensions,
      rect: kind === WARNING || kind === BREACH ? undefined : rect,
      years
    })
}

/**
 * Judges the projects `from … to - 1` still in the pool by every rule, a
 * project's rules in order, so that the rows come in report order. A rule
 * anchored on a milestone, counted in calendar months or days and filtering
 * nothing is judged from the columns alone for every project with no
 * exemption and no rectification (one requiring a performance, up to its
 * warning window and while the latest measurement meets it); the others are
 * judged in full.
 */
const judge = (run: RunState, from: number, to: number): void => {
  const { exited, reclaimed, flags, compiled, anchors, simple } = run
  const special = View.TimelineFlag.exemptions | View.TimelineFlag.rectifications
  const rules = compiled.length
  for (let pi = from; pi < to; pi++) {
    const fl = flags[pi]!
    if ((fl & View.TimelineFlag.folded) === 0) continue
    if (exited[pi] !== NOT_REACHED || reclaimed[pi] !== NOT_REACHED) continue
    for (let ri = 0; ri < rules; ri++) {
      const anchor = anchors[ri]
      if (anchor !== undefined) {
        // No filter: a project without the anchor is not judged.
        const a = anchor[pi]!
        if (a === NOT_REACHED) continue
        if (simple[ri] === 1 && (fl & special) === 0) {
          judgeSimple(run, compiled[ri]!, ri, pi, a)
          continue
        }
      }
      judgeOne(run, ri, pi)
    }
  }
}

/** The day the `pi`-th project reached the required stage or a later one that implies it. */
const reachedAt = (required: ReadonlyArray<Int32Array>, pi: number): number => {
  let reached = required[0]![pi]!
  if (reached === NOT_REACHED)
    for (let k = 1; k < required.length; k++) {
      const d = required[k]![pi]!
      if (d < reached) reached = d
    }
  return reached
}

/** Whether day `asOfDays`, on or before `deadline`, is inside a simple rule's warning window. */
const inWarningWindow = (c: Compiled, asOfDays: number, deadline: number): boolean => {
  if (c.rule.warnBefore === undefined) return false
  const warnFrom = !Number.isNaN(c.warnDays)
    ? deadline - c.warnDays
    : LocalDate.addMonthsToDays(deadline, -c.warnMonths)
  return asOfDays >= warnFrom
}

/** Judges the `pi`-th project, anchored on day `a`, by a simple rule (see {@link judge}). */
const judgeSimple = (run: RunState, c: Compiled, ri: number, pi: number, a: number): void => {
  const asOfDays = run.asOfDays
  const deadline = !Number.isNaN(c.withinMonths)
    ? LocalDate.addMonthsToDays(a, c.withinMonths)
    : a + c.withinDays
  const required = c.requiredDays
  if (required === undefined) {
    // A performance required: judged in full inside the warning window or
    // after the deadline only.
    if (asOfDays <= deadline && !inWarningWindow(c, asOfDays, deadline)) return
    // Met by the latest measurement, when the figures are whole fen of
    // yuan: nothing to report. Otherwise judged in full.
    const perf = c.perf
    if (perf !== undefined) {
      const promised = perf.promised[pi]!
      if (!Number.isNaN(promised)) {
        let latestOn = 0
        let latest = Number.NaN
        let found = false
        const end = perf.start[pi + 1]!
        for (let k = perf.start[pi]!; k < end; k++) {
          const on = perf.on[k]!
          if (on <= asOfDays && (!found || on > latestOn)) {
            latestOn = on
            latest = perf.actual[k]!
            found = true
          }
        }
        if (found && !Number.isNaN(latest)) {
          const left = latest * c.shareScale
          const right = promised * c.shareUnits
          if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) {
            if (left >= right) return
            // Below the share: a warning inside the window, a breach after
            // the deadline (the measurement is read again when the finding is).
            run.findings.add(pi, ri, asOfDays <= deadline ? WARNING : BREACH, deadline, deadline)
            return
          }
        }
      }
    }
    judgeOne(run, ri, pi)
    return
  }
  const reached = reachedAt(required, pi)
  if (reached <= deadline) return
  if (reached !== NOT_REACHED) {
    // Met after the deadline, with no rectification ordered: late.
    run.resolved.add(pi, ri, 0, deadline, reached)
    return
  }
  if (asOfDays > deadline) run.findings.add(pi, ri, BREACH, deadline, deadline)
  else if (inWarningWindow(c, asOfDays, deadline))
    run.findings.add(pi, ri, WARNING, deadline, deadline)
}

const addResolution = (
  resolved: ResolutionColumns,
  pi: number,
  ri: number,
  deadlineDays: number,
  onDays: number,
  rectified: boolean,
  rect: Rect | undefined,
  years: ReadonlyArray<number> | undefined
): void => {
  const row = resolved.add(pi, ri, rectified ? 1 : 0, deadlineDays, onDays)
  if (rect !== undefined || years !== undefined) resolved.extra.set(row, { rect, years })
}

/** A project's latest measurement of `measure` on or before `asOf` (the first of a day's). */
const latestMeasurement = (
  p: Project.Project,
  measure: keyof typeof MEASURE_NAMES,
  asOf: LocalDate.LocalDate
): typeof Project.Performance.Type | undefined => {
  let latest: typeof Project.Performance.Type | undefined
  const measured = p.performance ?? NO_PERFORMANCE
  for (let k = 0; k < measured.length; k++) {
    const m = measured[k]!
    if (m.on <= asOf && m[measure] !== undefined && (latest === undefined || m.on > latest.on))
      latest = m
  }
  return latest
}

/**
 * The measurement below the contract's share that a performance rule's
 * finding reports, read again from the project (a finding judged from the
 * columns keeps none).
 */
const measuredOf = (run: RunState, rule: ExitRule, p: Project.Project): Measured | undefined => {
  if (rule.requires.kind !== "performance") return undefined
  const { measure } = rule.requires
  const latest = latestMeasurement(p, measure, run.asOf)!
  return { measure, actual: latest[measure]!, promised: p.contract![measure]!, on: latest.on }
}

/** The `row`-th finding of a run, made from its columns. */
const findingAt = (run: RunState, row: number): Finding => {
  const f = run.findings
  const pi = f.project[row]!
  const c = run.compiled[f.kind[row]! >> 2]!
  const rule = c.rule
  const p = run.projects[pi]!
  const t = run.timelines[pi]!
  const x = f.extra.get(row)
  const kind = f.kind[row]! & 3
  const asOfDays = run.asOfDays
  const baseDays = f.dayA[row]!
  const deadlineDays = f.dayB[row]!
  const anchorOn =
    c.anchorDays !== undefined
      ? t.milestones[c.anchorStage!]!
      : p.contract![(rule.anchor as { readonly contract: "startBy" }).contract]!
  const deadline = textOf(run, deadlineDays)
  const base = baseDays === deadlineDays ? deadline : textOf(run, baseDays)
  const stage = t.stage ?? "none"
  const m = measuredOf(run, rule, p)
  const facts =
    m === undefined
      ? { stage, anchor: anchorOn }
      : {
          stage,
          anchor: anchorOn,
          [m.measure]: Money.format(m.actual),
          [`contract.${m.measure}`]: Money.format(m.promised),
          measuredOn: m.on,
          share: shareText(m.actual, m.promised)
        }
  const extensions = x?.extensions ?? NO_EXTENSIONS
  const years = x?.years
  const overdue = asOfDays - deadlineDays
  // How it stands: the severity, the action, the days counted and the
  // rectification in force, by its code.
  const rect = kind === ESCALATED || kind === UNDER_RECTIFICATION ? x!.rect! : undefined
  const rectDays = rect === undefined ? 0 : LocalDate.toDays(rect.deadline)
  return new LazyFinding(
    p,
    rule,
    run.model,
    c.anchorName,
    kind === WARNING ? "warning" : kind === ESCALATED ? "escalated" : "breach",
    kind === WARNING
      ? "warn"
      : kind === ESCALATED
        ? (rule.escalateTo ?? (rule.action === "rectify" ? "exit" : rule.action))
        : kind === UNDER_RECTIFICATION
          ? "rectify"
          : rule.action,
    anchorOn,
    base,
    deadline,
    extensions,
    kind === WARNING ? undefined : kind === ESCALATED ? asOfDays - rectDays : overdue,
    kind === WARNING ? undefined : overdue,
    kind === WARNING
      ? deadlineDays - asOfDays
      : kind === UNDER_RECTIFICATION
        ? rectDays - asOfDays
        : undefined,
    rect,
    facts,
    years
  )
}

/** The `row`-th resolution of a run, made from its columns. */
const resolutionAt = (run: RunState, row: number): Resolution => {
  const r = run.resolved
  const x = r.extra.get(row)
  return resolution(
    run.projects[r.project[row]!]!,
    run.compiled[r.kind[row]! >> 2]!.rule,
    textOf(run, r.dayA[row]!),
    textOf(run, r.dayB[row]!),
    (r.kind[row]! & 3) === 1 ? "rectified" : "reached-late",
    x?.rect,
    x?.years === undefined ? NOT_PROVISIONAL : { provisionalYears: x.years }
  )
}

/**
 * The rows in report order (project id, then rule id), stable: `undefined`
 * when they are in it already.
 */
const reportOrder = (run: RunState, rows: Rows<unknown>): Array<number> | undefined => {
  const n = rows.n
  const key = (k: number) => ({
    project: run.projects[rows.project[k]!]!.id,
    rule: run.compiled[rows.kind[k]! >> 2]!.rule.id
  })
  let sorted = true
  for (let k = 1; k < n && sorted; k++) sorted = order(key(k - 1), key(k)) <= 0
  if (sorted) return undefined
  const keys = Array.from({ length: n }, (_, k) => key(k))
  return Array.from({ length: n }, (_, k) => k).sort((a, b) => order(keys[a]!, keys[b]!) || a - b)
}

/**
 * Each finding's place in the order of the findings' ids (`rule/project`),
 * worked out from the columns when the rows are in report order with the
 * projects in id order, and the rule ids are distinct and hold no `/` (so
 * that the ids order by rule, then project); `undefined` otherwise.
 */
const idRanks = (run: RunState, inOrder: boolean): Int32Array | undefined => {
  const ids = run.compiled.map((c) => c.rule.id)
  if (!inOrder || new Set(ids).size !== ids.length || ids.some((id) => id.includes("/")))
    return undefined
  const f = run.findings
  const n = f.n
  const byRule = new Int32Array(ids.length)
  for (let k = 0; k < n; k++) byRule[f.kind[k]! >> 2]!++
  // Rules in the order of `id + "/"`, each a run of ranks in project order.
  const next = new Int32Array(ids.length)
  let at = 0
  for (const r of ids
    .map((id, r) => ({ key: `${id}/`, r }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    next[r.r] = at
    at += byRule[r.r]!
  }
  const rank = new Int32Array(n)
  for (let k = 0; k < n; k++) rank[k] = next[f.kind[k]! >> 2]!++
  return rank
}

/**
 * Runs the rules. For each project still in the pool (not exited, land not
 * reclaimed) and each rule whose filter it passes and whose anchor it has:
 *
 * 1. the deadline is the anchor plus `within`, extended by delay exemptions;
 * 2. met on time → nothing; met after the deadline → a `reached-late` resolution;
 * 3. unmet, on or before the deadline → a `warning` inside the warning window;
 * 4. unmet after the deadline → a `breach` calling for the rule's action;
 *    with a rectification ordered since the anchor: in progress → `rectify`
 *    until its deadline; resolved, or the requirement met inside the
 *    rectification period → a `rectified` resolution that records the order;
 *    overdue → `escalated` to `escalateTo` (exit when the rule names none),
 *    its `daysOverdue` counted from the rectification deadline
 *    (`overdueSince`) and `daysPastDeadline` from the deadline.
 *
 * The deadline day itself is still in time: a project started on the
 * deadline has met it; the day after, it is one day overdue.
 *
 * @example
 * {@includeCode ../examples/ExitEngine.ts#evaluate}
 *
 * @since 0.1.0
 * @category running
 */
export const evaluate = (input: Input): ExitReport => {
  const { view } = input
  const { calendar, model, asOf } = view
  const unevaluated: Array<Unevaluated> = []
  const asOfDays = LocalDate.toDays(asOf)
  // A project whose history cannot be folded is not judged, and said so.
  for (const e of view.unfolded)
    unevaluated.push({
      project: e.project,
      rule: undefined,
      reason: e.message,
      message: unevaluatedText.unfolded(e)
    })
  // Each rule's filter, deadline arithmetic and requirement prepared once for
  // every project; milestones read as day numbers from the view's columns.
  // The rules run in id order, so that a project's findings come out in
  // report order without a sort.
  const projects = view.snapshot.projects
  const compiled = input.rules
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => (a.rule.id < b.rule.id ? -1 : a.rule.id > b.rule.id ? 1 : a.index - b.index))
    .map(({ rule }) => compileRule(rule, view))
  const exited = View.milestoneDays(view, "exited")
  const reclaimed = View.milestoneDays(view, "land-reclaimed")
  // Findings and resolutions come out in report order when the projects are
  // in id order (the rules run in id order); sorted otherwise.
  const inOrder = View.projectsInIdOrder(view)
  const run: RunState = {
    asOf,
    asOfDays,
    calendar,
    model,
    texts: new Array(TEXT_SPAN * 2).fill(undefined),
    compiled,
    anchors: compiled.map((c) => (c.matches === undefined ? c.anchorDays : undefined)),
    simple: Uint8Array.from(compiled, (c) => (c.simple && c.anchorDays !== undefined ? 1 : 0)),
    projects,
    timelines: View.timelinesInOrder(view),
    exited,
    reclaimed,
    flags: View.timelineFlags(view),
    // Written to the working rows kept from the run before (room for a
    // row every eighth project to start with, doubled when a run finds
    // more); the rows found are then copied to columns of their size.
    findings: spare.findings ?? new Rows(projects.length >> 3),
    resolved: spare.resolved ?? new Rows(projects.length >> 3),
    unevaluated
  }
  spare.findings = undefined
  spare.resolved = undefined
  for (let from = 0; from < projects.length; from += CHUNK)
    judge(run, from, Math.min(from + CHUNK, projects.length))
  // In report order, which the lists made on read and the columns share:
  // they are when the projects are in id order.
  if (!inOrder) {
    run.findings.reorder(reportOrder(run, run.findings))
    run.resolved.reorder(reportOrder(run, run.resolved))
  }
  spare.findings = run.findings
  spare.resolved = run.resolved
  run.findings = spare.findings.trimmed()
  run.resolved = spare.resolved.trimmed()
  unevaluated.sort((a, b) =>
    order({ project: a.project, rule: a.rule ?? "" }, { project: b.project, rule: b.rule ?? "" })
  )
  // The findings and resolutions are kept as columns; their objects are made
  // when the report's `findings` or `resolved` is first read. A scoring
  // engine given the report reads the columns (View.findingRows).
  const f = run.findings
  // A finding's kind: its rule and how it stands (4 codes a rule).
  const kind = f.kind.subarray(0, f.n)
  const rows: View.FindingRows = {
    snapshot: view.snapshot,
    length: f.n,
    project: f.project.subarray(0, f.n),
    rank: idRanks(run, inOrder),
    kind,
    kinds: compiled.flatMap((c) => SEVERITY.map((severity) => ({ class: c.rule.class, severity })))
  }
  let findings: ReadonlyArray<Finding> | undefined
  let resolved: ReadonlyArray<Resolution> | undefined
  const report = { asOf, rules: input.rules.map((r) => r.id) } as unknown as {
    -readonly [K in keyof ExitReport]: ExitReport[K]
  }
  Object.defineProperty(report, "findings", {
    get: () => {
      if (findings === undefined) {
        const list = new Array<Finding>(rows.length)
        for (let k = 0; k < list.length; k++) list[k] = findingAt(run, k)
        // Read-only, as its type says: the columns registered with it stay true.
        Object.freeze(list)
        View.setFindingRows(list, rows)
        findings = list
      }
      return findings
    },
    enumerable: true,
    configurable: true
  })
  Object.defineProperty(report, "resolved", {
    get: () => {
      if (resolved === undefined) {
        const list = new Array<Resolution>(run.resolved.n)
        for (let k = 0; k < list.length; k++) list[k] = resolutionAt(run, k)
        resolved = Object.freeze(list)
      }
      return resolved
    },
    enumerable: true,
    configurable: true
  })
  report.unevaluated = unevaluated
  View.setFindingRows(report, rows)
  return report
}

/** The latest rectification ordered on or after the anchor, if any. */
const rectificationSince = (
  t: Lifecycle.Timeline,
  anchorOn: LocalDate.LocalDate
): Lifecycle.Timeline["rectifications"][number] | undefined => {
  const list = t.rectifications
  let rect: Lifecycle.Timeline["rectifications"][number] | undefined
  for (let k = 0; k < list.length; k++) {
    const r = list[k]!
    if (r.ordered >= anchorOn && (rect === undefined || r.ordered > rect.ordered)) rect = r
  }
  return rect
}

/** A resolution, its fields in the order of the report. */
const resolution = (
  p: Project.Project,
  rule: ExitRule,
  deadline: LocalDate.LocalDate,
  on: LocalDate.LocalDate,
  how: Resolution["how"],
  rect: Lifecycle.Timeline["rectifications"][number] | undefined,
  provisional: { readonly provisionalYears?: ReadonlyArray<number> }
): Resolution => {
  const r: {
    -readonly [K in keyof Resolution]: Resolution[K]
  } = {
    project: p.id,
    unit: p.unit,
    rule: rule.id,
    class: rule.class,
    deadline,
    on,
    how,
    rectification:
      rect === undefined ? undefined : { ordered: rect.ordered, deadline: rect.deadline }
  }
  if (provisional.provisionalYears !== undefined) r.provisionalYears = provisional.provisionalYears
  return r
}

/** A stage's names in a model (the stage's id where the model does not name it). */
const stageNameOf = (
  model: Lifecycle.Model,
  stage: string
): { readonly zh: string; readonly en: string } =>
  model.stages.find((x) => x.id === stage) ?? { zh: stage, en: stage }

/**
 * A finding, one object with its anchor and facts: its message is written
 * when first read (and by `toJSON`) from the project's name, the rule and
 * the model it keeps, so the output is the same and findings nobody reads
 * cost no strings.
 */
class LazyFinding implements Finding {
  readonly id: string
  readonly project: string
  readonly unit: string
  readonly rule: string
  readonly class: Finding["class"]
  readonly clause: string
  readonly severity: Finding["severity"]
  readonly action: Finding["action"]
  readonly anchor: Finding["anchor"]
  readonly baseDeadline: string
  readonly deadline: string
  readonly extensions: Finding["extensions"]
  readonly daysOverdue: number | undefined
  readonly overdueSince: string | undefined
  readonly daysPastDeadline: number | undefined
  readonly daysLeft: number | undefined
  readonly rectification: Finding["rectification"]
  readonly facts: Finding["facts"]
  declare readonly provisionalYears?: ReadonlyArray<number>
  readonly #name: string
  readonly #rule: ExitRule
  readonly #model: Lifecycle.Model
  #message: Finding["message"] | undefined
  constructor(
    project: Project.Project,
    rule: ExitRule,
    model: Lifecycle.Model,
    anchorName: { readonly zh: string; readonly en: string },
    severity: Finding["severity"],
    action: Finding["action"],
    anchorOn: LocalDate.LocalDate,
    baseDeadline: LocalDate.LocalDate,
    deadline: LocalDate.LocalDate,
    extensions: ReadonlyArray<Deadline.Extension>,
    daysOverdue: number | undefined,
    daysPastDeadline: number | undefined,
    daysLeft: number | undefined,
    rectification: Finding["rectification"],
    facts: Finding["facts"],
    provisionalYears: ReadonlyArray<number> | undefined
  ) {
    // Field by field, in the declared order (the order of the JSON output).
    this.id = `${rule.id}/${project.id}`
    this.project = project.id
    this.unit = project.unit
    this.rule = rule.id
    this.class = rule.class
    this.clause = rule.clause
    this.severity = severity
    this.action = action
    this.anchor = { on: anchorOn, zh: anchorName.zh, en: anchorName.en }
    this.baseDeadline = baseDeadline
    this.deadline = deadline
    this.extensions = extensions
    this.daysOverdue = daysOverdue
    // An escalated finding's overdue days run from the rectification
    // deadline; a breach's from the deadline. Both are stated.
    this.overdueSince =
      daysOverdue === undefined
        ? undefined
        : severity === "escalated"
          ? rectification!.deadline
          : deadline
    this.daysPastDeadline = daysPastDeadline
    this.daysLeft = daysLeft
    this.rectification = rectification
    this.facts = facts
    if (provisionalYears !== undefined) this.provisionalYears = provisionalYears
    this.#name = project.name
    this.#rule = rule
    this.#model = model
  }
  get message(): Finding["message"] {
    if (this.#message === undefined) this.#message = this.#render()
    return this.#message
  }
  #render(): { readonly zh: string; readonly en: string } {
    const rule = this.#rule
    const model = this.#model
    const { severity, action, extensions, rectification, daysOverdue, daysLeft, deadline } = this
    const anchorName = this.anchor
    const anchorOn = this.anchor.on
    const requirement = requirementOf(rule, (s) => stageNameOf(model, s))
    const within = Deadline.describe(rule.within)
    const extended = extensions.reduce((n, e) => n + e.days, 0)
    const extZh = extended > 0 ? `（因非企业原因顺延${extended}天）` : ""
    const extEn =
      extended > 0 ? ` (extended by ${extended} days for delays not caused by the enterprise)` : ""
    const act = actionNames[action]
    const provZh = this.provisionalYears ? `（${Calendar.provisionalNote.zh}）` : ""
    const provEn = this.provisionalYears ? ` (${Calendar.provisionalNote.en})` : ""
    let stateZh: string
    let stateEn: string
    if (severity === "warning") {
      stateZh = `距期限还有${daysLeft}天`
      stateEn = `${daysLeft} days left`
    } else if (severity === "escalated") {
      stateZh = `限期整改已于${rectification!.deadline}到期仍未整改到位（逾期${daysOverdue}天）`
      stateEn = `the rectification ordered on ${rectification!.ordered} was due on ${rectification!.deadline} and is ${daysOverdue} days overdue`
    } else if (rectification !== undefined) {
      stateZh = `已逾期${daysOverdue}天，正在限期整改，整改期限${rectification.deadline}（还有${daysLeft}天）`
      stateEn = `${daysOverdue} days overdue; rectification ordered until ${rectification.deadline} (${daysLeft} days left)`
    } else {
      stateZh = `已逾期${daysOverdue}天`
      stateEn = `${daysOverdue} days overdue`
    }
    const name = this.#name
    const id = this.project
    return {
      zh: `${name}（${id}）：${anchorName.zh}于${anchorOn}，应在${within.zh}内${requirement.zh}，期限${deadline}${provZh}${extZh}；${stateZh}。按${Clause.zh(rule.clause)}「${rule.title.zh}」，建议${act.zh}。`,
      en: `${name} (${id}): ${anchorName.en} on ${anchorOn}, should ${requirement.en} within ${within.en}, by ${deadline}${provEn}${extEn}; ${stateEn}. Under ${rule.clause} "${rule.title.en}": ${act.en}.`
    }
  }
  toJSON(): Finding {
    return { ...(this as Omit<Finding, "message">), message: this.message }
  }
}

/** What a rule requires, in words. */
const requirementOf = (
  rule: ExitRule,
  stageName: (s: string) => { readonly zh: string; readonly en: string }
): { readonly zh: string; readonly en: string } => {
  if (rule.requires.kind === "stage") {
    const stage = stageName(rule.requires.stage)
    return { zh: stage.zh, en: `be ${stage.en}` }
  }
  const name = MEASURE_NAMES[rule.requires.measure]
  // The share × 100 in exact decimals (0.57 → 57, never 56.99999999999999).
  const percent = BigDecimal.format(
    BigDecimal.normalize(
      BigDecimal.multiply(shareOf(rule.requires.share), BigDecimal.fromBigInt(100n))
    )
  )
  return {
    zh: `${name.zh}达到合同约定的${percent}%`,
    en: `reach ${percent}% of the contract's ${name.en}`
  }
}
