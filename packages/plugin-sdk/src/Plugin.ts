/**
 * Plugins (政策插件): a county's policy as a small typed module — metadata, an
 * options schema with defaults, messages keyed by id, and what it contributes:
 * scoring items, exit rules, gates and target presets. Modelled on ESLint's
 * plugin API.
 *
 * @since 0.1.0
 */
import type { Target } from "@gongjian/core"
import type { ExitRule } from "@gongjian/exit-rules"
import type { ScoringItem, ScoringPolicy } from "@gongjian/scoring"
import * as EffectData from "effect/Data"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as SemVer from "effect/SemVer"
import * as SemVerRange from "effect/SemVerRange"
import packageJson from "../package.json" with { type: "json" }
import type { Gate } from "./Gate.js"
import type { Template } from "./Message.js"

const isVersionString = (v: string): v is SemVer.VersionString => Result.isSuccess(SemVer.parse(v))

/**
 * The version of this SDK, the `version` of its package.json; a plugin states
 * the range it supports in `meta.sdk` (the reference policies say
 * `^${Plugin.sdkVersion}`).
 *
 * @example
 * {@includeCode ../examples/Plugin.ts#define}
 *
 * @since 0.1.0
 * @category constants
 */
export const sdkVersion: SemVer.VersionString = ((v: string): SemVer.VersionString => {
  if (isVersionString(v)) return v
  throw new Error(
    `@gongjian/plugin-sdk: its package.json version ${JSON.stringify(v)} is not semver`
  )
})(packageJson.version)

/**
 * What a plugin says of itself: id, version, title in Chinese and English, the
 * document and clauses it encodes, and the SDK range it supports.
 *
 * @example
 * {@includeCode ../examples/Plugin.ts#define}
 *
 * @since 0.1.0
 * @category models
 */
export interface Meta {
  readonly id: string
  readonly version: string
  readonly title: Template
  readonly source: { readonly document: string; readonly clauses: ReadonlyArray<string> }
  readonly sdk: string
}

/**
 * The facts of a line or finding, as message data.
 *
 * @example
 * {@includeCode ../examples/Plugin.ts#define}
 *
 * @since 0.1.0
 * @category models
 */
export type Data = { readonly [key: string]: unknown }

/**
 * A message id, or a function choosing one from the data (a start-outcomes
 * item reports `started-late` or `not-started` by outcome).
 *
 * @example
 * {@includeCode ../examples/Plugin.ts#define}
 *
 * @since 0.1.0
 * @category models
 */
export type MessageIdOf = string | ((data: Data) => string)

/**
 * A scoring item of a plugin, with the message its lines report.
 *
 * @example
 * {@includeCode ../examples/Plugin.ts#define}
 *
 * @since 0.1.0
 * @category models
 */
export type Item = ScoringItem.ScoringItem & { readonly messageId?: MessageIdOf }

/**
 * An exit rule of a plugin, with the message its findings report.
 *
 * @example
 * {@includeCode ../examples/Plugin.ts#define}
 *
 * @since 0.1.0
 * @category models
 */
export type Rule = ExitRule.ExitRule & { readonly messageId?: MessageIdOf }

/**
 * A clause a plugin leaves out for want of options (未启用条款): a figure the
 * plan leaves to the county — an annual task, the county's own target — that
 * has no default. The host reports it with the run, so that a ranking without
 * tiers says why instead of looking complete.
 *
 * @example
 * {@includeCode ../examples/Plugin.ts#inactive}
 *
 * @since 0.2.0
 * @category models
 */
export interface Inactive {
  /** The clause left out, e.g. `002 四.4`. */
  readonly clause: string
  /** What the clause would do, in Chinese and English. */
  readonly title: Template
  /** The options (JSON keys) that turn it on. */
  readonly needs: ReadonlyArray<string>
}

/**
 * What a plugin contributes, made from its options.
 *
 * @example
 * {@includeCode ../examples/Plugin.ts#define}
 *
 * @since 0.1.0
 * @category models
 */
export interface Contents {
  readonly scoring?: {
    readonly items: ReadonlyArray<Item>
    readonly vetoes?: ReadonlyArray<ScoringPolicy.Veto>
    readonly tiers?: ReadonlyArray<ScoringPolicy.Tier>
    readonly groups?: ReadonlyArray<ScoringPolicy.Group>
    readonly ties?: ScoringPolicy.Ties
  }
  readonly exitRules?: ReadonlyArray<Rule>
  readonly gates?: ReadonlyArray<Gate>
  readonly targets?: ReadonlyArray<Target.Target>
  /** The clauses left out for want of options, see {@link Inactive}. */
  readonly inactive?: ReadonlyArray<Inactive>
}

/**
 * The options schema of a plugin: a struct whose JSON form a county edits.
 *
 * @example
 * {@includeCode ../examples/Plugin.ts#define}
 *
 * @since 0.1.0
 * @category models
 */
export type OptionsSchema<O> = Schema.Codec<O, unknown> & { readonly fields?: Schema.Struct.Fields }

/**
 * A plugin.
 *
 * @example
 * {@includeCode ../examples/Plugin.ts#define}
 *
 * @since 0.1.0
 * @category models
 */
export interface Plugin<O = unknown> {
  readonly meta: Meta
  readonly options: OptionsSchema<O>
  /** The default options, in their JSON form. */
  readonly defaults: { readonly [key: string]: unknown }
  readonly messages: { readonly [id: string]: Template }
  readonly create: (options: O) => Contents
}

/**
 * A plugin of any options type, as the host and the tester take them.
 *
 * @example
 * {@includeCode ../examples/Plugin.ts#extend}
 *
 * @since 0.1.0
 * @category models
 */
// biome-ignore lint/suspicious/noExplicitAny: a plugin's create is contravariant in its options, so only `any` admits every plugin
export type AnyPlugin = Plugin<any>

/**
 * A plugin definition that cannot be used: a bad id, version or SDK range, or
 * defaults that do not fit the options schema.
 *
 * @example
 * {@includeCode ../examples/Plugin.ts#define}
 *
 * @since 0.1.0
 * @category errors
 */
export class PluginDefinitionError extends EffectData.TaggedError("PluginDefinitionError")<{
  readonly plugin: string
  readonly detail: string
}> {
  override get message(): string {
    return `Plugin ${this.plugin}: ${this.detail}`
  }
}

/**
 * Defines a plugin, checking its metadata and that its defaults fit its
 * options schema. Throws {@link PluginDefinitionError} otherwise — a mistake
 * in the plugin's own code, found when it is imported.
 *
 * @example
 * {@includeCode ../examples/Plugin.ts#define}
 *
 * @since 0.1.0
 * @category constructors
 */
export const definePlugin = <O, E>(definition: {
  readonly meta: Meta
  readonly options: Schema.Codec<O, E>
  readonly defaults: NoInfer<E>
  readonly messages: { readonly [id: string]: Template }
  readonly create: (options: O) => Contents
}): Plugin<O> => {
  const { meta } = definition
  const fail = (detail: string) => {
    throw new PluginDefinitionError({ plugin: meta.id || "(no id)", detail })
  }
  if (!/^[a-z0-9@][a-z0-9._/-]*$/.test(meta.id))
    fail(`the id ${JSON.stringify(meta.id)} must be lowercase letters, digits, ., _, / or -`)
  if (Result.isFailure(SemVer.parse(meta.version)))
    fail(`the version ${JSON.stringify(meta.version)} is not semver`)
  if (Result.isFailure(SemVerRange.parse(meta.sdk)))
    fail(`the SDK range ${JSON.stringify(meta.sdk)} is not a semver range`)
  const decoded = Schema.decodeUnknownResult(definition.options)(definition.defaults, {
    errors: "all"
  })
  if (Result.isFailure(decoded))
    fail(`the defaults do not fit the options schema: ${String(decoded.failure)}`)
  return {
    meta,
    options: definition.options,
    // The JSON defaults of a struct of options, the only shape `extend` adds to.
    defaults: definition.defaults as { readonly [key: string]: unknown },
    messages: definition.messages,
    create: definition.create
  }
}

/**
 * The JSON Schema of a plugin's options, with its defaults, so that a portal
 * can render a form for them.
 *
 * @example
 * {@includeCode ../examples/Plugin.ts#jsonSchema}
 *
 * @since 0.1.0
 * @category encoding
 */
export const optionsJsonSchema = <O>(plugin: Plugin<O>): object => {
  const doc = Schema.toJsonSchemaDocument(plugin.options, {
    onExcessProperty: "error"
  })
  const schema = doc.schema as { properties?: Record<string, Record<string, unknown>> }
  const properties = Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([k, v]) => [
      k,
      k in plugin.defaults ? { ...v, default: plugin.defaults[k] } : v
    ])
  )
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: `${plugin.meta.id} options`,
    ...doc.schema,
    ...(schema.properties ? { properties } : {}),
    $defs: doc.definitions
  }
}

/**
 * Extends a plugin (a reference policy) into a county's own, without forking
 * it:
 *
 * - `defaults`: new defaults for the base's options (a county's six months);
 * - `options` + their defaults: options of its own, added to the base's
 *   (the base's options schema must be a struct);
 * - `disable`: rule ids (items, exit rules, gates, tiers, vetoes) to drop;
 * - `replace`: rules to put in place of the base's rules of the same id;
 * - `add`: contents of its own, made from the options;
 * - `messages`: added or reworded messages.
 *
 * Disabling or replacing an id the base does not have is an error when the
 * plugin is loaded, so a typo cannot silently keep a rule.
 *
 * @example
 * {@includeCode ../examples/Plugin.ts#extend}
 *
 * @since 0.1.0
 * @category constructors
 */
export const extend = <O, S extends Schema.Struct.Fields = {}>(
  base: Plugin<O>,
  spec: {
    readonly meta: Omit<Meta, "sdk"> & { readonly sdk?: string }
    readonly defaults?: { readonly [key: string]: unknown }
    readonly options?: S
    readonly messages?: { readonly [id: string]: Template }
    readonly disable?: ReadonlyArray<string>
    readonly replace?: (options: O & Schema.Struct.Type<S>) => {
      readonly [id: string]: Item | Rule | Gate
    }
    readonly add?: (options: O & Schema.Struct.Type<S>) => Contents
  }
): Plugin<O & Schema.Struct.Type<S>> => {
  type Options = O & Schema.Struct.Type<S>
  if (spec.options !== undefined && base.options.fields === undefined) {
    throw new PluginDefinitionError({
      plugin: spec.meta.id,
      detail: `the options of ${base.meta.id} are not a struct, so they cannot be extended`
    })
  }
  // The base's fields are known here only as Struct.Fields (its options type O
  // is not derived from them), so the type of the struct of its fields and the
  // county's own is restated as what it decodes to: the one cast of the SDK.
  const options: OptionsSchema<Options> =
    spec.options === undefined
      ? (base.options as OptionsSchema<Options>)
      : (Schema.Struct({
          ...base.options.fields,
          ...spec.options
        }) as unknown as OptionsSchema<Options>)
  return definePlugin({
    meta: { ...spec.meta, sdk: spec.meta.sdk ?? base.meta.sdk },
    options,
    defaults: { ...base.defaults, ...spec.defaults },
    messages: { ...base.messages, ...spec.messages },
    create: (o) => {
      const b = base.create(o)
      const disabled = new Set(spec.disable ?? [])
      const replacements = spec.replace?.(o) ?? {}
      const known = new Set<string>([
        ...(b.scoring?.items ?? []).map((x) => x.id),
        ...(b.scoring?.vetoes ?? []).map((x) => x.id),
        ...(b.scoring?.tiers ?? []).map((x) => x.id),
        ...(b.exitRules ?? []).map((x) => x.id),
        ...(b.gates ?? []).map((x) => x.id)
      ])
      for (const id of [...disabled, ...Object.keys(replacements)]) {
        if (!known.has(id))
          throw new PluginDefinitionError({
            plugin: spec.meta.id,
            detail: `${base.meta.id} has no rule ${id} to disable or replace`
          })
      }
      const keep = <X extends { readonly id: string }>(
        xs: ReadonlyArray<X> | undefined
      ): Array<X> =>
        (xs ?? [])
          .filter((x) => !disabled.has(x.id))
          .map((x) => (replacements[x.id] as X | undefined) ?? x)
      const added = spec.add?.(o) ?? {}
      const scoring =
        b.scoring !== undefined || added.scoring !== undefined
          ? {
              items: [...keep(b.scoring?.items), ...(added.scoring?.items ?? [])],
              vetoes: [...keep(b.scoring?.vetoes), ...(added.scoring?.vetoes ?? [])],
              tiers: [...keep(b.scoring?.tiers), ...(added.scoring?.tiers ?? [])],
              ...(b.scoring?.groups || added.scoring?.groups
                ? { groups: added.scoring?.groups ?? b.scoring?.groups ?? [] }
                : {}),
              ...((added.scoring?.ties ?? b.scoring?.ties)
                ? { ties: (added.scoring?.ties ?? b.scoring?.ties)! }
                : {})
            }
          : undefined
      return {
        ...(scoring ? { scoring } : {}),
        exitRules: [...keep(b.exitRules), ...(added.exitRules ?? [])],
        gates: [...keep(b.gates), ...(added.gates ?? [])],
        targets: [...(b.targets ?? []), ...(added.targets ?? [])],
        ...(b.inactive || added.inactive
          ? { inactive: [...(b.inactive ?? []), ...(added.inactive ?? [])] }
          : {})
      }
    }
  })
}
