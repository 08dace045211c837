/**
 * The plugin host (插件宿主): loads plugins with their options, checks them,
 * and runs them over a snapshot — exit rules, gates, then scoring — each
 * plugin isolated from the others.
 *
 * @since 0.1.0
 */
import {
  Calendar,
  Fingerprint,
  type LocalDate,
  Problem,
  Progress,
  type Project,
  type Snapshot,
  View
} from "@gongjian/core"
import { ExitEngine, ExitRule, Finding } from "@gongjian/exit-rules"
import { Assessment, type ScoringItem } from "@gongjian/scoring"
import * as Data from "effect/Data"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as SemVerRange from "effect/SemVerRange"
import * as Gate from "./Gate.js"
import { deepFreeze, isFrozenWrite } from "./internal/freeze.js"
import * as Message from "./Message.js"
import {
  type AnyPlugin,
  type Contents,
  type Inactive,
  type Data as MessageData,
  type MessageIdOf,
  type Plugin,
  sdkVersion
} from "./Plugin.js"

/**
 * A plugin that cannot be loaded, naming the plugin and where:
 *
 * - `options`: an option does not fit the schema (`path` is the option's path);
 * - `duplicate-id`: two plugins, or two rules of one plugin, share an id;
 * - `sdk-range`: the plugin does not support this SDK;
 * - `contents`: a rule is malformed, or names a message the plugin lacks;
 * - `create`: the plugin threw while making its rules.
 *
 * @example
 * {@includeCode ../examples/Host.ts#errors}
 *
 * @since 0.1.0
 * @category errors
 */
export class PluginLoadError extends Data.TaggedError("PluginLoadError")<{
  readonly plugin: string
  readonly problem: "options" | "duplicate-id" | "sdk-range" | "contents" | "create"
  readonly path: string
  readonly detail: string
}> {
  override get message(): string {
    return `Plugin ${this.plugin}${this.path ? `, ${this.path}` : ""}: ${this.detail}`
  }
}

/**
 * A plugin that failed while running, with a stable `code`:
 *
 * - `threw`: the plugin threw;
 * - `read-only-input`: it tried to change its (frozen) input;
 * - `malformed-result`: a custom item returned something other than lines;
 * - `policy-mismatch`: its scoring policy does not fit the campaign;
 * - `unknown-message`: an item chose a message the plugin does not have.
 *
 * It names the plugin, the rule and the stage; that stage's results of that
 * plugin are withheld, and the other plugins' results stand.
 *
 * @example
 * {@includeCode ../examples/Host.ts#isolation}
 *
 * @since 0.1.0
 * @category errors
 */
export class PluginRuntimeError extends Data.TaggedError("PluginRuntimeError")<{
  readonly code:
    | "threw"
    | "read-only-input"
    | "malformed-result"
    | "policy-mismatch"
    | "unknown-message"
  readonly plugin: string
  readonly rule: string | undefined
  readonly stage: "exit-rules" | "gates" | "scoring"
  readonly detail: string
}> {
  override get message(): string {
    return `Plugin ${this.plugin}${this.rule ? `, rule ${this.rule}` : ""} (${this.stage}): ${this.detail}`
  }
}

/**
 * A plugin loaded with its options.
 *
 * @example
 * {@includeCode ../examples/Host.ts#load}
 *
 * @since 0.1.0
 * @category models
 */
export interface Installed {
  readonly plugin: Plugin<unknown>
  /** The options in their JSON form, defaults applied. */
  readonly options: { readonly [key: string]: unknown }
  readonly optionsHash: string
  readonly contents: Contents
}

/**
 * A host with its plugins loaded.
 *
 * @example
 * {@includeCode ../examples/Host.ts#errors}
 *
 * @since 0.1.0
 * @category models
 */
export interface Host {
  readonly sdkVersion: string
  readonly installed: ReadonlyArray<Installed>
}

const ALL_DATES = { start: "0001-01-01", end: "9999-12-31" } as const

/**
 * Loads plugins with their options (JSON, merged over each plugin's
 * defaults). Every problem of every plugin is reported, not only the first.
 *
 * @example
 * {@includeCode ../examples/Host.ts#load}
 *
 * @since 0.1.0
 * @category loading
 */
export const load = (
  entries: ReadonlyArray<{
    readonly plugin: AnyPlugin
    readonly options?: { readonly [key: string]: unknown }
  }>
): Result.Result<Host, ReadonlyArray<PluginLoadError>> => {
  const errors: Array<PluginLoadError> = []
  const installed: Array<Installed> = []
  const ids = new Set<string>()
  for (const { plugin, options } of entries) {
    const id = plugin.meta.id
    const fail = (problem: PluginLoadError["problem"], path: string, detail: string) =>
      errors.push(new PluginLoadError({ plugin: id, problem, path, detail }))
    if (ids.has(id)) {
      fail("duplicate-id", "meta.id", "another plugin with this id is already loaded")
      continue
    }
    ids.add(id)
    const range = SemVerRange.parse(plugin.meta.sdk)
    if (Result.isFailure(range) || !SemVerRange.matches(range.success, sdkVersion)) {
      fail(
        "sdk-range",
        "meta.sdk",
        `the plugin supports SDK ${plugin.meta.sdk}; this is ${sdkVersion}`
      )
      continue
    }
    const merged = { ...plugin.defaults, ...options }
    const decoded = Schema.decodeUnknownResult(plugin.options)(merged, {
      errors: "all",
      onExcessProperty: "error"
    })
    if (Result.isFailure(decoded)) {
      for (const issue of Problem.fromIssue(decoded.failure.issue)) {
        const keys = issue.path
        let value: unknown = merged
        for (const k of keys)
          value =
            value !== null && typeof value === "object"
              ? (value as Record<PropertyKey, unknown>)[k]
              : undefined
        const got = value === undefined ? "" : `, got ${JSON.stringify(value)}`
        const detail =
          issue.code === "unexpected-key"
            ? `is not an option of this plugin${got}`
            : `${issue.message}${got}`
        fail("options", `options.${Problem.formatPath(keys)}`, detail)
      }
      continue
    }
    let contents: Contents
    try {
      contents = plugin.create(decoded.success)
    } catch (e) {
      fail(
        "create",
        "",
        `the plugin threw while making its rules: ${e instanceof Error ? e.message : String(e)}`
      )
      continue
    }
    const before = errors.length
    checkContents(plugin, contents, (path, detail) => fail("contents", path, detail))
    if (errors.length > before) continue
    installed.push({
      plugin,
      options: merged,
      optionsHash: Fingerprint.fingerprint(merged),
      contents: deepFreeze(contents)
    })
  }
  return errors.length > 0 ? Result.fail(errors) : Result.succeed({ sdkVersion, installed })
}

const exitRuleType = Schema.toType(ExitRule.ExitRule)
const dataGateType = Schema.toType(Gate.DataGate)

const checkContents = (
  plugin: Plugin<unknown>,
  c: Contents,
  fail: (path: string, detail: string) => void
) => {
  const seen = new Map<string, string>()
  const unique = (id: string, path: string) => {
    const other = seen.get(id)
    if (other !== undefined) fail(`${path}.id`, `the id ${id} is also used at ${other}`)
    else seen.set(id, path)
  }
  const messageKnown = (m: MessageIdOf | undefined, path: string) => {
    if (typeof m === "string" && plugin.messages[m] === undefined)
      fail(`${path}.messageId`, `the plugin has no message ${m}`)
  }
  c.scoring?.items.forEach((item, i) => {
    unique(item.id, `scoring.items[${i}]`)
    messageKnown(item.messageId, `scoring.items[${i}]`)
  })
  c.exitRules?.forEach((rule, i) => {
    unique(rule.id, `exitRules[${i}]`)
    messageKnown(rule.messageId, `exitRules[${i}]`)
    const { messageId: _, ...data } = rule
    const r = Schema.decodeUnknownResult(exitRuleType)(data, { errors: "all" })
    if (Result.isFailure(r)) {
      for (const issue of Problem.fromIssue(r.failure.issue))
        fail(`exitRules[${i}].${Problem.formatPath(issue.path)}`, issue.message)
    }
  })
  c.gates?.forEach((gate, i) => {
    unique(gate.id, `gates[${i}]`)
    if (!("check" in gate)) {
      const r = Schema.decodeUnknownResult(dataGateType)(gate, { errors: "all" })
      if (Result.isFailure(r)) fail(`gates[${i}]`, String(r.failure))
    } else if (typeof gate.check !== "function")
      fail(`gates[${i}].check`, "a custom gate needs a check function")
  })
}

/**
 * A score line as a plugin reports it: the line, the plugin, the message id
 * and its data (the line's facts and points).
 *
 * @example
 * {@includeCode ../examples/Host.ts#run}
 *
 * @since 0.1.0
 * @category models
 */
export type PluginLine = Assessment.ScoreLine & {
  readonly plugin: string
  readonly messageId: string
  readonly data: MessageData
}

/**
 * An assessment as a plugin reports it: every line a {@link PluginLine}.
 *
 * @example
 * {@includeCode ../examples/Host.ts#run}
 *
 * @since 0.1.0
 * @category models
 */
export interface PluginAssessment extends Omit<Assessment.Assessment, "units"> {
  readonly units: ReadonlyArray<
    Omit<Assessment.UnitScore, "lines"> & { readonly lines: ReadonlyArray<PluginLine> }
  >
}

/**
 * A finding as a plugin reports it.
 *
 * @example
 * {@includeCode ../examples/Host.ts#run}
 *
 * @since 0.1.0
 * @category models
 */
export type PluginFinding = Finding.Finding & {
  readonly plugin: string
  readonly messageId: string
  readonly data: MessageData
}

/**
 * A gate verdict as a plugin reports it.
 *
 * @example
 * {@includeCode ../examples/Host.ts#run}
 *
 * @since 0.1.0
 * @category models
 */
export type PluginVerdict = Gate.Verdict & { readonly plugin: string }

/**
 * The result of a run: the plugins (id, version, options fingerprint), their
 * findings, gate verdicts and assessments, and the errors of the plugins that
 * failed.
 *
 * @example
 * {@includeCode ../examples/Host.ts#run}
 *
 * @since 0.1.0
 * @category models
 */
export interface Run {
  /**
   * The as-of view every engine of the run read, for what a caller shows
   * besides (progress tables). Not enumerable: a run serializes without it.
   */
  readonly view: View.View
  readonly asOf: LocalDate.LocalDate
  readonly sdkVersion: string
  readonly plugins: ReadonlyArray<{
    readonly id: string
    readonly version: string
    readonly optionsHash: string
  }>
  readonly findings: ReadonlyArray<PluginFinding>
  readonly resolved: ReadonlyArray<Finding.Resolution & { readonly plugin: string }>
  readonly unevaluated: ReadonlyArray<Finding.Unevaluated & { readonly plugin: string }>
  /**
   * The clauses each plugin left out for want of options (see
   * `Plugin.Inactive`), in plugin order: what a reader of the results must be
   * told is not assessed.
   */
  readonly inactive: ReadonlyArray<Inactive & { readonly plugin: string }>
  readonly verdicts: ReadonlyArray<PluginVerdict>
  readonly assessments: ReadonlyArray<{
    readonly plugin: string
    readonly assessment: PluginAssessment
  }>
  readonly errors: ReadonlyArray<PluginRuntimeError>
}

/**
 * The years of a line's `provisional` fact ("2027" or "2027,2028"): a line
 * counted on years with no State Council notice, whose message is marked.
 */
const provisionalFact = (facts: {
  readonly [key: string]: unknown
}): ReadonlyArray<number> | undefined =>
  typeof facts.provisional === "string" ? facts.provisional.split(",").map(Number) : undefined

const messageIdOf = (m: MessageIdOf | undefined, fallback: string, data: MessageData): string =>
  m === undefined ? fallback : typeof m === "string" ? m : m(data)

/** What a plugin threw, as a runtime error's code and detail. */
const thrown = (e: unknown): { code: "threw" | "read-only-input"; detail: string } => {
  const text = e instanceof Error ? e.message : String(e)
  return isFrozenWrite(e)
    ? {
        code: "read-only-input",
        detail: `it tried to change its input, which is read-only (${text})`
      }
    : { code: "threw", detail: text }
}

/**
 * Runs every loaded plugin over a snapshot, which is frozen first (deeply, in
 * place): exit rules, then gates on every project, then scoring with the
 * findings of all plugins. Output is in plugin order, then the engines' order.
 * A score line's template fills its placeholders from the line's facts,
 * `points` and `unit`, and `{title}` with its item's title in the
 * template's language.
 *
 * A result counted on a year with no State Council notice keeps its marking
 * when a plugin's message template renders it: a finding with
 * `provisionalYears`, or a score line with a `provisional` fact (the years,
 * comma-separated), gets `Calendar.provisionalNote` appended to its message.
 *
 * @example
 * {@includeCode ../examples/Host.ts#run}
 *
 * @since 0.1.0
 * @category running
 */
export const run = (
  host: Host,
  snapshot: Snapshot.Snapshot,
  options?: { readonly asOf?: LocalDate.LocalDate; readonly calendar?: Calendar.Calendar }
): Run => {
  const s = deepFreeze(snapshot)
  // One view: every project folded once; the exit rules, gates and scoring all
  // read it, and each reports a history that cannot be folded.
  const view = View.make(s, {
    ...(options?.asOf ? { asOf: options.asOf } : {}),
    ...(options?.calendar ? { calendar: options.calendar } : {})
  })
  const { asOf } = view
  const errors: Array<PluginRuntimeError> = []
  const findings: Array<PluginFinding> = []
  const resolved: Array<Finding.Resolution & { plugin: string }> = []
  const unevaluated: Array<Finding.Unevaluated & { plugin: string }> = []
  const verdicts: Array<PluginVerdict> = []
  const assessments: Array<{ plugin: string; assessment: PluginAssessment }> = []

  for (const inst of host.installed) {
    const id = inst.plugin.meta.id
    const rules = inst.contents.exitRules ?? []
    if (rules.length === 0) continue
    let rule: string | undefined
    try {
      const report = ExitEngine.evaluate({ rules, view })
      const byId = new Map(rules.map((r) => [r.id, r]))
      const out: Array<PluginFinding> = []
      const names =
        report.findings.length === 0
          ? undefined
          : new Map(view.snapshot.projects.map((p) => [p.id, p.name]))
      for (const f of report.findings) {
        rule = f.rule
        const data: MessageData = {
          ...f.facts,
          project: f.project,
          name: names?.get(f.project) ?? f.project,
          unit: f.unit,
          deadline: f.deadline,
          anchor: f.anchor.on,
          severity: f.severity,
          action: f.action,
          daysOverdue: f.daysOverdue,
          overdueSince: f.overdueSince,
          daysLeft: f.daysLeft
        }
        const messageId = messageIdOf(byId.get(f.rule)?.messageId, f.rule, data)
        const template = inst.plugin.messages[messageId]
        if (byId.get(f.rule)?.messageId !== undefined && template === undefined) {
          throw new Error(`the rule chose message ${messageId}, which the plugin does not have`)
        }
        out.push({
          ...f,
          plugin: id,
          messageId,
          data,
          message: template
            ? Calendar.markProvisional(
                {
                  // The action is written in the message's own language.
                  zh: Message.format(template.zh, {
                    ...data,
                    action: Finding.actionNames[f.action].zh,
                    anchorName: f.anchor.zh
                  }),
                  en: Message.format(template.en, {
                    ...data,
                    action: Finding.actionNames[f.action].en,
                    anchorName: f.anchor.en
                  })
                },
                f.provisionalYears
              )
            : f.message
        })
      }
      findings.push(...out)
      resolved.push(...report.resolved.map((r) => ({ ...r, plugin: id })))
      unevaluated.push(...report.unevaluated.map((u) => ({ ...u, plugin: id })))
    } catch (e) {
      errors.push(new PluginRuntimeError({ plugin: id, rule, stage: "exit-rules", ...thrown(e) }))
    }
  }

  let sortedProjects: ReadonlyArray<Project.Project> | undefined
  const projectsById = () =>
    (sortedProjects ??= [...s.projects].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
  for (const inst of host.installed) {
    const id = inst.plugin.meta.id
    const gates = inst.contents.gates ?? []
    if (gates.length === 0) continue
    const out: Array<PluginVerdict> = []
    let failed = false
    for (const gate of gates) {
      try {
        // Verdicts come gate by gate, each in project id order, whatever the input order.
        for (const p of projectsById()) {
          const timeline = view.timelines.get(p.id)
          if (
            gate.filter !== undefined &&
            (timeline === undefined ||
              Progress.matches(gate.filter, p, timeline, ALL_DATES) !== true)
          )
            continue
          const v = Gate.evaluate(gate, p, view)
          for (const f of v.failures) {
            if (typeof f.messageId !== "string" || f.data === null || typeof f.data !== "object") {
              throw new Error("a failure needs a messageId string and a data object")
            }
          }
          out.push({ ...v, plugin: id })
        }
      } catch (e) {
        errors.push(
          new PluginRuntimeError({
            plugin: id,
            rule: gate.id,
            stage: "gates",
            ...thrown(e)
          })
        )
        failed = true
        break
      }
    }
    if (!failed) verdicts.push(...out)
  }

  const allFindings = findings.map((f) => ({
    id: `${f.plugin}:${f.id}`,
    project: f.project,
    unit: f.unit,
    class: f.class,
    severity: f.severity
  }))
  for (const inst of host.installed) {
    const id = inst.plugin.meta.id
    const scoring = inst.contents.scoring
    if (scoring === undefined) continue
    const items = scoring.items as ReadonlyArray<
      ScoringItem.ScoringItem & { readonly messageId?: MessageIdOf }
    >
    const policy = {
      id,
      version: inst.plugin.meta.version,
      title: inst.plugin.meta.title,
      items,
      ...(scoring.vetoes ? { vetoes: scoring.vetoes } : {}),
      ...(scoring.tiers ? { tiers: scoring.tiers } : {}),
      ...(scoring.groups ? { groups: scoring.groups } : {}),
      ...(scoring.ties ? { ties: scoring.ties } : {})
    }
    let r: Result.Result<Assessment.Assessment, Assessment.AssessmentError>
    try {
      r = Assessment.run(policy, { view, findings: allFindings, options: inst.options })
    } catch (e) {
      errors.push(
        new PluginRuntimeError({
          plugin: id,
          rule: undefined,
          stage: "scoring",
          ...thrown(e)
        })
      )
      continue
    }
    if (Result.isFailure(r)) {
      const f = r.failure
      const why =
        f.code === "item-threw"
          ? thrown(f.cause)
          : {
              code: f.code === "policy-mismatch" ? f.code : ("malformed-result" as const),
              detail: f.detail
            }
      errors.push(
        new PluginRuntimeError({
          code: why.code,
          plugin: id,
          rule: f.item,
          stage: "scoring",
          // A throw is told as what was thrown; anything else as the assessment says it.
          detail: `${f.unit ? `unit ${f.unit}: ` : ""}${why.code === "read-only-input" ? why.detail : f.detail}`
        })
      )
      continue
    }
    const byItem = new Map(items.map((i) => [i.id, i]))
    // `{title}` in a line's template: its item's title, in the template's language.
    const titles = new Map(
      items.map((i) => [i.id, { zh: { title: i.title.zh }, en: { title: i.title.en } }])
    )
    try {
      const assessment: PluginAssessment = {
        ...r.success,
        units: r.success.units.map((u) => ({
          ...u,
          lines: u.lines.map((l): PluginLine => {
            const data: MessageData = { ...l.facts, points: l.points, unit: l.unit }
            const item = byItem.get(l.item)
            const titled = titles.get(l.item)
            const messageId = messageIdOf(item?.messageId, l.item, data)
            const template = inst.plugin.messages[messageId]
            if (item?.messageId !== undefined && template === undefined) {
              throw new PluginRuntimeError({
                code: "unknown-message",
                plugin: id,
                rule: l.item,
                stage: "scoring",
                detail: `the item chose message ${messageId}, which the plugin does not have`
              })
            }
            return {
              // A line renders its facts, arithmetic and messages on read: copy them explicitly.
              unit: l.unit,
              item: l.item,
              clause: l.clause,
              points: l.points,
              facts: l.facts,
              arithmetic: l.arithmetic,
              plugin: id,
              messageId,
              data,
              message: template
                ? Calendar.markProvisional(
                    {
                      zh: Message.format(template.zh, data, titled?.zh),
                      en: Message.format(template.en, data, titled?.en)
                    },
                    provisionalFact(l.facts)
                  )
                : l.message
            }
          })
        }))
      }
      assessments.push({ plugin: id, assessment })
    } catch (e) {
      errors.push(
        e instanceof PluginRuntimeError
          ? e
          : new PluginRuntimeError({
              plugin: id,
              rule: undefined,
              stage: "scoring",
              ...thrown(e)
            })
      )
    }
  }

  const run: Omit<Run, "view"> = {
    asOf,
    sdkVersion: host.sdkVersion,
    plugins: host.installed.map((i) => ({
      id: i.plugin.meta.id,
      version: i.plugin.meta.version,
      optionsHash: i.optionsHash
    })),
    findings,
    resolved,
    unevaluated,
    inactive: host.installed.flatMap((i) =>
      (i.contents.inactive ?? []).map((x) => ({ plugin: i.plugin.meta.id, ...x }))
    ),
    verdicts,
    assessments,
    errors
  }
  return Object.defineProperty(run, "view", { value: view, enumerable: false }) as Run
}
