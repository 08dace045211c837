/**
 * Gates (准入关口): admission checks that pass or fail a project, with reasons.
 * The signing gate of 002 三.4 ("严把用地性质关、投资强度关、税收关、建设进度关，
 * 达不到标准和要求的项目一律不准签约"; "投资真正过亿元") and the risk gates of
 * 004 plan 3 (严禁违规占用耕地、生态保护红线; 严控高耗能、高排放项目).
 *
 * @since 0.1.0
 */
import {
  type Calendar,
  type Lifecycle,
  type LocalDate,
  Money,
  type Project,
  Target,
  type View
} from "@gongjian/core"
import * as Schema from "effect/Schema"
import * as Message from "./Message.js"

const MONEY_FIELDS = [
  "investment.total",
  "contract.investmentIntensityPerMu",
  "contract.taxPerMu",
  "contract.outputPerMu"
] as const
const DATE_FIELDS = ["contract.startBy", "contract.completeBy", "contract.produceBy"] as const

/**
 * One condition of a gate:
 *
 * - `land-use`: the land-use type (用地性质) is one of `allowed`;
 * - `at-least`: a money figure (total investment, investment intensity, tax or
 *   output per mu) is at least `amount`;
 * - `scheduled`: the contract fixes these dates (建设进度: start, completion,
 *   production);
 * - `not-flagged`: the project carries none of `flags` (`high-energy`,
 *   `high-emission`);
 * - `no-red-line`: the land occupies no farmland (耕地) or ecological red line
 *   (生态保护红线).
 *
 * @example
 * {@includeCode ../examples/Gate.ts#gate}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Condition = Schema.Union([
  Schema.Struct({
    kind: Schema.Literal("land-use"),
    allowed: Schema.Array(
      Schema.Literals(["industrial", "commercial", "residential", "agricultural", "mixed", "other"])
    )
  }),
  Schema.Struct({
    kind: Schema.Literal("at-least"),
    field: Schema.Literals(MONEY_FIELDS),
    amount: Money.MoneyFromJson
  }),
  Schema.Struct({
    kind: Schema.Literal("scheduled"),
    fields: Schema.Array(Schema.Literals(DATE_FIELDS))
  }),
  Schema.Struct({ kind: Schema.Literal("not-flagged"), flags: Schema.Array(Schema.String) }),
  Schema.Struct({
    kind: Schema.Literal("no-red-line"),
    lines: Schema.Array(Schema.Literals(["farmland", "ecological"]))
  })
]).annotate({ identifier: "GateCondition" })

/**
 * The type of {@link Condition}.
 *
 * @example
 * {@includeCode ../examples/Gate.ts#gate}
 *
 * @since 0.1.0
 * @category models
 */
export type Condition = typeof Condition.Type

/**
 * A gate that is data: a project passes when every condition holds.
 *
 * @example
 * {@includeCode ../examples/Gate.ts#gate}
 *
 * @since 0.1.0
 * @category schemas
 */
export const DataGate = Schema.Struct({
  id: Schema.String,
  title: Schema.Struct({ zh: Schema.String, en: Schema.String }),
  clause: Schema.String,
  /** Which projects the gate judges (all when absent): the signing gate judges projects not yet signed. */
  filter: Schema.optionalKey(Target.ProjectFilter),
  conditions: Schema.Array(Condition)
}).annotate({ identifier: "Gate" })

/**
 * A failed condition: a message id (`land-use`, `below`, `missing`,
 * `currency`, `unscheduled`, `flagged`, `red-line`, or a custom gate's own),
 * its data, and the message.
 *
 * @example
 * {@includeCode ../examples/Gate.ts#gate}
 *
 * @since 0.1.0
 * @category models
 */
export interface Failure {
  readonly messageId: string
  readonly data: { readonly [key: string]: string | number }
  readonly message: Message.Template
}

/**
 * A gate written in code: it returns the failures of a project (none when it
 * passes).
 *
 * @example
 * {@includeCode ../examples/Gate.ts#custom}
 *
 * @since 0.1.0
 * @category models
 */
export interface CustomGate {
  readonly id: string
  readonly title: Message.Template
  readonly clause: string
  /** Which projects the gate judges (all when absent). */
  readonly filter?: Target.ProjectFilter
  readonly check: (
    project: Project.Project,
    context: Context
  ) => ReadonlyArray<Omit<Failure, "message"> & { readonly message?: Message.Template }>
}

/**
 * What a custom gate may read besides the project: the as-of view it runs
 * on, its date, its working-day calendar (the county's overrides included),
 * and the project's folded history when it has one.
 *
 * @example
 * {@includeCode ../examples/Gate.ts#custom}
 *
 * @since 0.1.0
 * @category models
 */
export interface Context {
  readonly view: View.View
  readonly asOf: LocalDate.LocalDate
  readonly calendar: Calendar.Calendar
  readonly timeline: Lifecycle.Timeline | undefined
}

/**
 * Any gate.
 *
 * @example
 * {@includeCode ../examples/Gate.ts#gate}
 *
 * @since 0.1.0
 * @category models
 */
export type Gate = typeof DataGate.Type | CustomGate

/**
 * The verdict of a gate on a project.
 *
 * @example
 * {@includeCode ../examples/Gate.ts#gate}
 *
 * @since 0.1.0
 * @category models
 */
export interface Verdict {
  readonly gate: string
  readonly project: string
  readonly pass: boolean
  readonly failures: ReadonlyArray<Failure>
}

const MESSAGES: { readonly [id: string]: Message.Template } = {
  "land-use": {
    zh: "用地性质为{use}，不在允许范围（{allowed}）",
    en: "land use {use} is not one of {allowed}"
  },
  below: { zh: "{field}为{value}，低于{amount}", en: "{field} is {value}, below {amount}" },
  missing: { zh: "未填报{field}", en: "{field} is not given" },
  currency: {
    zh: "{field}的币种{currency}与标准{expected}不一致",
    en: "{field} is in {currency}, the standard in {expected}"
  },
  unscheduled: { zh: "合同未约定{field}", en: "the contract fixes no {field}" },
  flagged: { zh: "属于{flag}项目", en: "it is a {flag} project" },
  "red-line": { zh: "占用{line}", en: "it occupies {line}" }
}
const FIELD_NAMES: { readonly [f: string]: Message.Template } = {
  "investment.total": { zh: "总投资", en: "total investment" },
  "contract.investmentIntensityPerMu": { zh: "投资强度", en: "investment intensity" },
  "contract.taxPerMu": { zh: "亩均税收", en: "tax per mu" },
  "contract.outputPerMu": { zh: "亩均产出", en: "output per mu" },
  "contract.startBy": { zh: "开工时间", en: "start date" },
  "contract.completeBy": { zh: "竣工时间", en: "completion date" },
  "contract.produceBy": { zh: "投产时间", en: "production date" },
  farmland: { zh: "耕地", en: "farmland" },
  ecological: { zh: "生态保护红线", en: "the ecological red line" }
}

const fail = (
  messageId: string,
  data: Record<string, string | number>,
  names: Record<string, Message.Template> = {}
): Failure => {
  const t = MESSAGES[messageId]!
  const zhData: Record<string, string | number> = { ...data }
  const enData: Record<string, string | number> = { ...data }
  for (const [k, v] of Object.entries(names)) {
    zhData[k] = v.zh
    enData[k] = v.en
  }
  return {
    messageId,
    data,
    message: { zh: Message.format(t.zh, zhData), en: Message.format(t.en, enData) }
  }
}

const FLAG_NAMES: { readonly [flag: string]: Message.Template } = {
  "high-energy": { zh: "高耗能", en: "high-energy" },
  "high-emission": { zh: "高排放", en: "high-emission" }
}

const LAND_USE = {
  industrial: { zh: "工业用地", en: "industrial" },
  commercial: { zh: "商业用地", en: "commercial" },
  residential: { zh: "住宅用地", en: "residential" },
  agricultural: { zh: "农业用地", en: "agricultural" },
  mixed: { zh: "混合用地", en: "mixed" },
  other: { zh: "其他用地", en: "other" }
} as const

const money = (
  p: Project.Project,
  field: (typeof MONEY_FIELDS)[number]
): Money.Money | undefined => {
  switch (field) {
    case "investment.total":
      return p.investment?.total
    case "contract.investmentIntensityPerMu":
      return p.contract?.investmentIntensityPerMu
    case "contract.taxPerMu":
      return p.contract?.taxPerMu
    case "contract.outputPerMu":
      return p.contract?.outputPerMu
  }
}

const scheduled = (
  p: Project.Project,
  field: (typeof DATE_FIELDS)[number]
): LocalDate.LocalDate | undefined => {
  switch (field) {
    case "contract.startBy":
      return p.contract?.startBy
    case "contract.completeBy":
      return p.contract?.completeBy
    case "contract.produceBy":
      return p.contract?.produceBy
  }
}

/**
 * Runs a gate on a project, as of a view (`View.make`). Data gates check
 * every condition and report every failure, not only the first; a custom
 * gate's failures are taken as it returns them, and it is given the view's
 * date, calendar and the project's timeline.
 *
 * @example
 * {@includeCode ../examples/Gate.ts#gate}
 *
 * @since 0.1.0
 * @category running
 */
export const evaluate = (gate: Gate, project: Project.Project, view: View.View): Verdict => {
  if ("check" in gate) {
    const ctx: Context = {
      view,
      asOf: view.asOf,
      calendar: view.calendar,
      timeline: view.timelines.get(project.id)
    }
    const failures = gate.check(project, ctx).map((f) => ({
      messageId: f.messageId,
      data: f.data,
      message: f.message ?? { zh: f.messageId, en: f.messageId }
    }))
    return { gate: gate.id, project: project.id, pass: failures.length === 0, failures }
  }
  const failures: Array<Failure> = []
  for (const c of gate.conditions) {
    switch (c.kind) {
      case "land-use": {
        const use = project.land?.use
        if (use === undefined)
          failures.push(
            fail("missing", { field: "land.use" }, { field: { zh: "用地性质", en: "land use" } })
          )
        else if (!c.allowed.includes(use)) {
          failures.push(
            fail(
              "land-use",
              { use, allowed: c.allowed.join(", ") },
              {
                use: LAND_USE[use],
                allowed: {
                  zh: c.allowed.map((u) => LAND_USE[u].zh).join("、"),
                  en: c.allowed.join(", ")
                }
              }
            )
          )
        }
        break
      }
      case "at-least": {
        const v = money(project, c.field)
        const name = FIELD_NAMES[c.field]!
        if (v === undefined) failures.push(fail("missing", { field: c.field }, { field: name }))
        else if (v.currency !== c.amount.currency) {
          failures.push(
            fail(
              "currency",
              { field: c.field, currency: v.currency, expected: c.amount.currency },
              { field: name }
            )
          )
        } else if (Money.compareUnsafe(v, c.amount) < 0) {
          failures.push(
            fail(
              "below",
              { field: c.field, value: Money.format(v), amount: Money.format(c.amount) },
              { field: name }
            )
          )
        }
        break
      }
      case "scheduled":
        for (const f of c.fields) {
          if (scheduled(project, f) === undefined) {
            failures.push(fail("unscheduled", { field: f }, { field: FIELD_NAMES[f]! }))
          }
        }
        break
      case "not-flagged":
        for (const flag of c.flags) {
          if (project.flags?.includes(flag)) {
            failures.push(
              fail("flagged", { flag }, { flag: FLAG_NAMES[flag] ?? { zh: flag, en: flag } })
            )
          }
        }
        break
      case "no-red-line":
        for (const line of c.lines) {
          const occupied =
            line === "farmland"
              ? project.land?.occupiesFarmland
              : project.land?.occupiesEcologicalRedLine
          if (occupied === true)
            failures.push(fail("red-line", { line }, { line: FIELD_NAMES[line]! }))
        }
        break
    }
  }
  return { gate: gate.id, project: project.id, pass: failures.length === 0, failures }
}

/**
 * The signing gate of 002 三.4, judging projects in negotiation (not yet
 * signed), with its numbers as options: land use, a
 * minimum investment intensity and tax per mu, a construction schedule in the
 * contract, and "投资真正过亿元" (at least `minInvestment`, 1亿元 by default).
 *
 * @example
 * {@includeCode ../examples/Gate.ts#gate}
 *
 * @since 0.1.0
 * @category constructors
 */
export const signingGate = (options: {
  readonly allowedLandUse?: ReadonlyArray<
    "industrial" | "commercial" | "residential" | "agricultural" | "mixed" | "other"
  >
  readonly minInvestment?: Money.Money
  readonly minIntensityPerMu?: Money.Money
  readonly minTaxPerMu?: Money.Money
}): typeof DataGate.Type => ({
  id: "signing-gate",
  title: { zh: "签约准入审核", en: "signing gate" },
  clause: "002 三.4",
  filter: { stage: "negotiating", notReached: "signed" },
  conditions: [
    { kind: "land-use", allowed: options.allowedLandUse ?? ["industrial", "commercial", "mixed"] },
    {
      kind: "at-least",
      field: "investment.total",
      amount: options.minInvestment ?? Money.parseUnsafe("1亿元")
    },
    ...(options.minIntensityPerMu
      ? [
          {
            kind: "at-least" as const,
            field: "contract.investmentIntensityPerMu" as const,
            amount: options.minIntensityPerMu
          }
        ]
      : []),
    ...(options.minTaxPerMu
      ? [
          {
            kind: "at-least" as const,
            field: "contract.taxPerMu" as const,
            amount: options.minTaxPerMu
          }
        ]
      : []),
    { kind: "scheduled", fields: ["contract.startBy", "contract.completeBy"] }
  ]
})

/**
 * The risk gate of 004 plan 3: no farmland or ecological red-line occupation,
 * no high-energy or high-emission project.
 *
 * @example
 * {@includeCode ../examples/Gate.ts#gate}
 *
 * @since 0.1.0
 * @category constructors
 */
export const riskGate = (): typeof DataGate.Type => ({
  id: "risk-gate",
  title: { zh: "风险管控", en: "risk gate" },
  clause: "004 plan 3",
  conditions: [
    { kind: "no-red-line", lines: ["farmland", "ecological"] },
    { kind: "not-flagged", flags: ["high-energy", "high-emission"] }
  ]
})
