/**
 * The project lifecycle (项目生命周期): the stages 策划 → 在谈 → 签约 → 供地 →
 * 开工 → 竣工 → 投产 → 达产, plus 退出 and 收回土地, the dated events that move a
 * project through them, and the fold that turns a project's events into its
 * stage and milestone dates.
 *
 * The stages and the transitions allowed between them are data
 * ({@link defaultModel}), not code: a county with another pipeline passes its
 * own {@link Model}. Impossible histories (started before signed, events after
 * exit) are {@link LifecycleError}s naming the project and the event.
 *
 * @since 0.1.0
 */
import * as BigDecimal from "effect/BigDecimal"
import * as Data from "effect/Data"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as LocalDate from "./LocalDate.js"
import * as Money from "./Money.js"

/**
 * A lifecycle stage: `planned` (策划), `negotiating` (在谈), `signed` (签约),
 * `land-supplied` (供地), `started` (开工; 在建 while not completed), `completed`
 * (竣工), `in-production` (投产), `full-production` (达产), `exited` (退出),
 * `land-reclaimed` (收回土地).
 *
 * @example
 * {@includeCode ../examples/Lifecycle.ts#fold}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Stage = Schema.Literals([
  "planned",
  "negotiating",
  "signed",
  "land-supplied",
  "started",
  "completed",
  "in-production",
  "full-production",
  "exited",
  "land-reclaimed"
])

// The stages a project moves through, and the two that close it: events of
// other kinds fall between them in the same-day order.
const PIPELINE = Stage.literals.filter((s) => s !== "exited" && s !== "land-reclaimed")
const CLOSING = Stage.literals.filter((s) => s === "exited" || s === "land-reclaimed")

/**
 * The type of {@link Stage}.
 *
 * @example
 * {@includeCode ../examples/Lifecycle.ts#fold}
 *
 * @since 0.1.0
 * @category models
 */
export type Stage = typeof Stage.Type

/**
 * The kind of a project event: a stage reached (see {@link Stage}), or
 * `registered` (入统), `funds-arrived` (资金到位, with an amount),
 * `delay-exempted` (a pause not caused by the enterprise, with a reason and an
 * end date `until`), `rectification-ordered` (限期整改, with a `deadline`),
 * `rectified` (整改到位).
 *
 * @example
 * {@includeCode ../examples/Lifecycle.ts#fold}
 *
 * @since 0.1.0
 * @category schemas
 */
export const EventType = Schema.Literals([
  ...PIPELINE,
  "registered",
  "funds-arrived",
  "delay-exempted",
  "rectification-ordered",
  "rectified",
  ...CLOSING
])

/**
 * The type of {@link EventType}.
 *
 * @example
 * {@includeCode ../examples/Lifecycle.ts#fold}
 *
 * @since 0.1.0
 * @category models
 */
export type EventType = typeof EventType.Type

const dated = { date: LocalDate.LocalDate, note: Schema.optionalKey(Schema.String) }

/**
 * A dated event in a project's history, told apart by its `type`, each type
 * with the fields it needs:
 *
 * - a stage reached (see {@link Stage}), `registered` and `rectified`: the date;
 * - `funds-arrived`: the `amount` (不得为负);
 * - `delay-exempted`: the `reason` and the last day `until`;
 * - `rectification-ordered`: the `deadline`.
 *
 * Every event may carry a `note`. A missing field is a decode problem naming
 * the event and the field.
 *
 * @example
 * {@includeCode ../examples/Lifecycle.ts#fold}
 *
 * @since 0.1.0
 * @category schemas
 */
export const ProjectEvent = Schema.Union([
  // One member per type, so that an event is checked against its own type's fields alone.
  ...[...Stage.literals, "registered" as const, "rectified" as const].map((type) =>
    Schema.Struct({ type: Schema.Literal(type), ...dated })
  ),
  Schema.Struct({
    type: Schema.Literal("funds-arrived"),
    ...dated,
    amount: Money.NonNegativeMoneyFromJson
  }),
  Schema.Struct({
    type: Schema.Literal("delay-exempted"),
    ...dated,
    reason: Schema.String,
    until: LocalDate.LocalDate
  }),
  Schema.Struct({
    type: Schema.Literal("rectification-ordered"),
    ...dated,
    deadline: LocalDate.LocalDate
  })
]).annotate({ identifier: "ProjectEvent" })

/**
 * The type of {@link ProjectEvent}.
 *
 * @example
 * {@includeCode ../examples/Lifecycle.ts#fold}
 *
 * @since 0.1.0
 * @category models
 */
export type ProjectEvent = typeof ProjectEvent.Type

/**
 * A lifecycle model: the stages in order with their names, the stages a
 * history may begin with, and the transitions allowed from each stage.
 *
 * @example
 * {@includeCode ../examples/Lifecycle.ts#model}
 *
 * @since 0.1.0
 * @category models
 */
export interface Model {
  /** The stages in pipeline order, with their Chinese and English names. */
  readonly stages: ReadonlyArray<{ readonly id: Stage; readonly zh: string; readonly en: string }>
  /** The stages a history may begin with. */
  readonly initial: ReadonlyArray<Stage>
  /** The stages allowed after each stage. */
  readonly transitions: Transitions
  /** Stages after which no event may follow but those listed in `transitions`. */
  readonly terminal: ReadonlyArray<Stage>
}

/**
 * For each stage, the stages that may follow it.
 *
 * @example
 * {@includeCode ../examples/Lifecycle.ts#model}
 *
 * @since 0.1.0
 * @category models
 */
export type Transitions = Readonly<Record<Stage, ReadonlyArray<Stage>>>

/**
 * The lifecycle of the five plan documents. A project may skip 策划 and 在谈
 * (it enters the pool when it signs), and 供地 (a stock project builds on land
 * it holds), but it never starts before it signs, nor produces before it
 * starts; it may exit from any stage, and its land may be reclaimed once it
 * has been supplied.
 *
 * @example
 * {@includeCode ../examples/Lifecycle.ts#model}
 *
 * @since 0.1.0
 * @category models
 */
export const defaultModel: Model = {
  stages: [
    { id: "planned", zh: "策划", en: "planned" },
    { id: "negotiating", zh: "在谈", en: "negotiating" },
    { id: "signed", zh: "签约", en: "signed" },
    { id: "land-supplied", zh: "供地", en: "land supplied" },
    { id: "started", zh: "开工", en: "started" },
    { id: "completed", zh: "竣工", en: "completed" },
    { id: "in-production", zh: "投产", en: "in production" },
    { id: "full-production", zh: "达产", en: "in full production" },
    { id: "exited", zh: "退出", en: "exited" },
    { id: "land-reclaimed", zh: "收回土地", en: "land reclaimed" }
  ],
  initial: ["planned", "negotiating", "signed"],
  transitions: {
    planned: ["negotiating", "signed", "exited"],
    negotiating: ["signed", "exited"],
    signed: ["land-supplied", "started", "exited"],
    "land-supplied": ["started", "exited", "land-reclaimed"],
    started: ["completed", "exited", "land-reclaimed"],
    completed: ["in-production", "exited", "land-reclaimed"],
    "in-production": ["full-production", "exited", "land-reclaimed"],
    "full-production": ["exited", "land-reclaimed"],
    exited: ["land-reclaimed"],
    "land-reclaimed": []
  },
  terminal: ["exited", "land-reclaimed"]
}

/**
 * Milestone dates by stage: when the project reached each stage it reached.
 *
 * @example
 * {@includeCode ../examples/Lifecycle.ts#fold}
 *
 * @since 0.1.0
 * @category models
 */
export type Milestones = { readonly [S in Stage]?: LocalDate.LocalDate }

/**
 * A project's history folded as of a date: its current stage, the date it
 * reached each stage, and the facts the engines need (funds arrived, delay
 * exemptions, rectification orders).
 *
 * @example
 * {@includeCode ../examples/Lifecycle.ts#fold}
 *
 * @since 0.1.0
 * @category models
 */
export interface Timeline {
  readonly project: string
  /** The latest stage reached; `undefined` when no stage event is dated on or before as-of. */
  readonly stage: Stage | undefined
  readonly milestones: Milestones
  readonly registeredOn: LocalDate.LocalDate | undefined
  /** Funds arrived (到位资金) up to as-of, per currency. */
  readonly fundsArrived: { readonly CNY: Money.Money; readonly USD: Money.Money }
  /** Pauses not caused by the enterprise, in date order. */
  readonly exemptions: ReadonlyArray<{
    readonly from: LocalDate.LocalDate
    readonly until: LocalDate.LocalDate
    readonly reason: string
  }>
  /** Rectification orders (限期整改) in date order, with the date each was resolved. */
  readonly rectifications: ReadonlyArray<{
    readonly ordered: LocalDate.LocalDate
    readonly deadline: LocalDate.LocalDate
    readonly resolvedOn: LocalDate.LocalDate | undefined
  }>
  /** How many events are dated after as-of and so not yet counted. */
  readonly later: number
}

/**
 * An impossible project history, naming the project, the event (its index in
 * the project's `events` as given, its type and date) and what is wrong.
 *
 * @example
 * {@includeCode ../examples/Lifecycle.ts#errors}
 *
 * @since 0.1.0
 * @category errors
 */
export class LifecycleError extends Data.TaggedError("LifecycleError")<{
  readonly project: string
  readonly event: number
  readonly type: EventType
  readonly date: string
  readonly problem: "not-allowed" | "out-of-order" | "duplicate-stage" | "after-exit" | "bad-range"
  readonly detail: string
}> {
  override get message(): string {
    return `Project ${this.project}, event ${this.event} (${this.type} on ${this.date}): ${this.detail}`
  }
}

const EVENT_ZH: { readonly [T in EventType]: string } = {
  planned: "谋划",
  negotiating: "在谈",
  signed: "签约",
  "land-supplied": "供地",
  started: "开工",
  completed: "竣工",
  "in-production": "投产",
  "full-production": "达产",
  registered: "入库",
  "funds-arrived": "资金到位",
  "delay-exempted": "暂缓",
  "rectification-ordered": "限期整改",
  rectified: "整改完成",
  exited: "退出",
  "land-reclaimed": "收回土地"
}

const PROBLEM_ZH: { readonly [P in LifecycleError["problem"]]: string } = {
  "not-allowed": "该事件在此阶段不允许",
  "out-of-order": "早于此前已达到的阶段，顺序不可能",
  "duplicate-stage": "同一阶段重复登记",
  "after-exit": "项目退出后不应再有此事件",
  "bad-range": "起止日期不成立"
}

/**
 * A {@link LifecycleError} as people read it, in Chinese and English (the
 * English is the error's `message`): the engines report a project whose
 * history cannot be folded (履历无法整理) with it.
 *
 * @example
 * {@includeCode ../examples/Lifecycle.ts#errors}
 *
 * @since 0.4.0
 * @category errors
 */
export const errorText = (e: LifecycleError): { readonly zh: string; readonly en: string } => ({
  zh: `项目${e.project}的第${e.event}号事件（${EVENT_ZH[e.type] ?? e.type}，${e.date}）：${PROBLEM_ZH[e.problem] ?? e.problem}，该项目的履历无法整理，不予评判`,
  en: e.message
})

/**
 * The order of a timeline's exemptions (暂停计时): by first day, then last
 * day, then reason — the order the fold keeps and deadline arithmetic walks.
 *
 * @example
 * {@includeCode ../examples/Lifecycle.ts#fold}
 *
 * @since 0.2.0
 * @category ordering
 */
export const exemptionOrder = (
  a: { readonly from: string; readonly until: string; readonly reason: string },
  b: { readonly from: string; readonly until: string; readonly reason: string }
): number =>
  a.from !== b.from
    ? a.from < b.from
      ? -1
      : 1
    : a.until !== b.until
      ? a.until < b.until
        ? -1
        : 1
      : a.reason < b.reason
        ? -1
        : a.reason > b.reason
          ? 1
          : 0

// Events on the same date apply in the order EventType lists them: lifecycle
// order, then registration, funds, exemptions and rectification, exit last.
const ORDER: ReadonlyArray<EventType> = EventType.literals
const RANK = new Map(ORDER.map((t, i) => [t, i]))
const STAGES = new Set<string>(Stage.literals)

/**
 * Whether an event type moves the project to a stage.
 *
 * @example
 * {@includeCode ../examples/Lifecycle.ts#model}
 *
 * @since 0.1.0
 * @category predicates
 */
export const isStageEvent = (type: EventType): type is Stage => STAGES.has(type)

const NONE: ReadonlyArray<never> = Object.freeze([])

/** The indices of the events in date order, same-day events in lifecycle order; no sort when already in order. */
const inOrder = (events: ReadonlyArray<ProjectEvent>): ReadonlyArray<number> => {
  const before = (a: number, b: number): number => {
    const ea = events[a]!
    const eb = events[b]!
    if (ea.date !== eb.date) return ea.date < eb.date ? -1 : 1
    const r = RANK.get(ea.type)! - RANK.get(eb.type)!
    return r !== 0 ? r : a - b
  }
  let sorted = true
  for (let i = 1; i < events.length && sorted; i++) if (before(i - 1, i) > 0) sorted = false
  if (sorted) return RANGE.length >= events.length ? RANGE : rangeOf(events.length)
  return events.map((_, i) => i).sort(before)
}
const rangeOf = (n: number): ReadonlyArray<number> => Array.from({ length: n }, (_, i) => i)
const RANGE = rangeOf(64)

const zeroCny = Money.zero("CNY")
const zeroUsd = Money.zero("USD")
// Most projects have no funds arrived: they share one record of zeros.
const NO_FUNDS: Timeline["fundsArrived"] = Object.freeze({ CNY: zeroCny, USD: zeroUsd })

/**
 * Folds a project's events, in date order whatever their order in the input,
 * into its {@link Timeline} as of `asOf` (events dated later are counted in
 * `later`, not applied). Events on the same date apply in lifecycle order
 * (signed before started, exit last).
 *
 * @example
 * {@includeCode ../examples/Lifecycle.ts#fold}
 *
 * @since 0.1.0
 * @category folding
 */
export const fold = (
  project: { readonly id: string; readonly events: ReadonlyArray<ProjectEvent> },
  options: { readonly asOf: LocalDate.LocalDate; readonly model?: Model }
): Result.Result<Timeline, LifecycleError> => {
  const model = options.model ?? defaultModel
  const events = project.events
  const order = inOrder(events)
  const milestones: { [S in Stage]?: LocalDate.LocalDate } = {}
  let stage: Stage | undefined
  let registeredOn: LocalDate.LocalDate | undefined
  // Most projects have no funds, exemptions or rectifications: nothing is
  // allocated for them until one appears.
  let cny: BigDecimal.BigDecimal | undefined
  let usd: BigDecimal.BigDecimal | undefined
  let exemptions: Array<{ from: string; until: string; reason: string }> | undefined
  let rectifications:
    | Array<{ ordered: string; deadline: string; resolvedOn: string | undefined }>
    | undefined
  let later = 0
  const fail = (i: number, problem: LifecycleError["problem"], detail: string) =>
    Result.fail(
      new LifecycleError({
        project: project.id,
        event: i,
        type: events[i]!.type,
        date: events[i]!.date,
        problem,
        detail
      })
    )
  for (let k = 0; k < events.length; k++) {
    const i = order[k]!
    const e = events[i]!
    if (e.date > options.asOf) {
      later++
      continue
    }
    if (stage !== undefined && model.terminal.includes(stage)) {
      const allowed = model.transitions[stage]
      if (!(isStageEvent(e.type) && allowed.includes(e.type))) {
        return fail(i, "after-exit", `no event may follow ${stage} on ${milestones[stage]}`)
      }
    }
    if (isStageEvent(e.type)) {
      if (milestones[e.type] !== undefined) {
        return fail(
          i,
          "duplicate-stage",
          `the project already reached ${e.type} on ${milestones[e.type]}`
        )
      }
      const allowed = stage === undefined ? model.initial : model.transitions[stage]
      if (!allowed.includes(e.type)) {
        // A later-dated event of an earlier stage means the dates go backwards.
        const earlier = events.findIndex(
          (o, j) =>
            j !== i && o.date > e.date && isStageEvent(o.type) && isBefore(model, o.type, e.type)
        )
        if (earlier >= 0) {
          return fail(
            i,
            "out-of-order",
            `${e.type} on ${e.date} comes before ${events[earlier]!.type} on ${events[earlier]!.date}`
          )
        }
        return fail(
          i,
          "not-allowed",
          stage === undefined
            ? `a history cannot begin with ${e.type}; it begins with ${model.initial.join(", ")}`
            : `${e.type} cannot follow ${stage}; from ${stage} come ${model.transitions[stage].join(", ") || "no stages"}`
        )
      }
      milestones[e.type] = e.date
      stage = e.type
      continue
    }
    switch (e.type) {
      case "registered":
        registeredOn ??= e.date
        break
      case "funds-arrived":
        if (e.amount.currency === "CNY")
          cny = cny === undefined ? e.amount.amount : BigDecimal.sum(cny, e.amount.amount)
        else usd = usd === undefined ? e.amount.amount : BigDecimal.sum(usd, e.amount.amount)
        break
      case "delay-exempted":
        if (e.until < e.date)
          return fail(i, "bad-range", `the exemption ends (${e.until}) before it begins`)
        exemptions ??= []
        exemptions.push({ from: e.date, until: e.until, reason: e.reason })
        break
      case "rectification-ordered":
        if (e.deadline < e.date)
          return fail(i, "bad-range", `the deadline ${e.deadline} is before the order`)
        rectifications ??= []
        rectifications.push({
          ordered: e.date,
          deadline: e.deadline,
          resolvedOn: undefined
        })
        break
      case "rectified": {
        const open = rectifications?.find((r) => r.resolvedOn === undefined)
        if (open === undefined) return fail(i, "not-allowed", "no rectification order is open")
        open.resolvedOn = e.date
        break
      }
    }
  }
  exemptions?.sort(exemptionOrder)
  return Result.succeed({
    project: project.id,
    stage,
    milestones,
    registeredOn,
    fundsArrived:
      cny === undefined && usd === undefined
        ? NO_FUNDS
        : {
            CNY:
              cny === undefined || BigDecimal.isZero(cny) ? zeroCny : Money.makeUnsafe(cny, "CNY"),
            USD:
              usd === undefined || BigDecimal.isZero(usd) ? zeroUsd : Money.makeUnsafe(usd, "USD")
          },
    exemptions: exemptions ?? NONE,
    rectifications: rectifications ?? NONE,
    later
  })
}

const isBefore = (model: Model, a: EventType, b: EventType): boolean => {
  const ia = model.stages.findIndex((s) => s.id === a)
  const ib = model.stages.findIndex((s) => s.id === b)
  return ia >= 0 && ib >= 0 && ia < ib
}

/**
 * The date a timeline reached `stage`: its own milestone, or else the earliest
 * milestone of a later stage of the pipeline — a project recorded as signed
 * without a 在谈 event has been negotiating by the day it signed. Terminal
 * stages (exit, reclaimed land) count only by their own milestone.
 *
 * @example
 * {@includeCode ../examples/Lifecycle.ts#fold}
 *
 * @since 0.1.0
 * @category queries
 */
export const reachedOn = (
  timeline: Timeline,
  stage: Stage,
  model: Model = defaultModel
): LocalDate.LocalDate | undefined => {
  const own = timeline.milestones[stage]
  if (own !== undefined || model.terminal.includes(stage)) return own
  let earliest: LocalDate.LocalDate | undefined
  let after = false
  for (const s of model.stages) {
    if (s.id === stage) after = true
    else if (after && !model.terminal.includes(s.id)) {
      const d = timeline.milestones[s.id]
      if (d !== undefined && (earliest === undefined || d < earliest)) earliest = d
    }
  }
  return earliest
}

/**
 * {@link reachedOn} prepared once for a stage and a model: a function of the
 * timeline alone, giving the same dates, for engines that ask it of every
 * project.
 *
 * @example
 * {@includeCode ../examples/Lifecycle.ts#fold}
 *
 * @since 0.3.0
 * @category queries
 */
export const reachedOnOf = (
  stage: Stage,
  model: Model = defaultModel
): ((timeline: Timeline) => LocalDate.LocalDate | undefined) => {
  if (model.terminal.includes(stage)) return (t) => t.milestones[stage]
  const later: Array<Stage> = []
  let after = false
  for (const s of model.stages) {
    if (s.id === stage) after = true
    else if (after && !model.terminal.includes(s.id)) later.push(s.id)
  }
  return (t) => {
    const m = t.milestones
    const own = m[stage]
    if (own !== undefined) return own
    let earliest: LocalDate.LocalDate | undefined
    for (let i = 0; i < later.length; i++) {
      const d = m[later[i]!]
      if (d !== undefined && (earliest === undefined || d < earliest)) earliest = d
    }
    return earliest
  }
}

/**
 * Whether a timeline has reached `stage` or a later stage of the pipeline
 * (see {@link reachedOn}). A project that started has reached `signed` even if
 * it later exited.
 *
 * @example
 * {@includeCode ../examples/Lifecycle.ts#fold}
 *
 * @since 0.1.0
 * @category predicates
 */
export const hasReached = (
  timeline: Timeline,
  stage: Stage,
  model: Model = defaultModel
): boolean => reachedOn(timeline, stage, model) !== undefined

/**
 * Whether the project is out of the pool: exited or its land reclaimed.
 *
 * @example
 * {@includeCode ../examples/Lifecycle.ts#errors}
 *
 * @since 0.1.0
 * @category predicates
 */
export const isClosed = (timeline: Timeline): boolean =>
  timeline.milestones.exited !== undefined || timeline.milestones["land-reclaimed"] !== undefined

/**
 * Folds every project; the histories that cannot be folded come back as
 * errors beside the timelines, in input order — none is dropped.
 *
 * @example
 * {@includeCode ../examples/Lifecycle.ts#errors}
 *
 * @since 0.1.0
 * @category folding
 */
export const foldAll = (
  projects: ReadonlyArray<{ readonly id: string; readonly events: ReadonlyArray<ProjectEvent> }>,
  options: { readonly asOf: LocalDate.LocalDate; readonly model?: Model }
): {
  readonly timelines: ReadonlyArray<Timeline>
  readonly errors: ReadonlyArray<LifecycleError>
} => {
  const timelines: Array<Timeline> = []
  const errors: Array<LifecycleError> = []
  for (const p of projects) {
    const r = fold(p, options)
    if (Result.isSuccess(r)) timelines.push(r.success)
    else errors.push(r.failure)
  }
  return { timelines, errors }
}
