/**
 * Campaigns from a policy (活动方案): a ready campaign built in one call from a
 * policy's own targets and its options (defaults applied), so that a county
 * starts from what its plan document says and adds only its own facts — the
 * window, the assessed unit kinds, the allocations (任务分解).
 *
 * @since 0.3.0
 */
import type { Campaign, LocalDate, Target, Unit } from "@gongjian/core"
import type { Plugin } from "@gongjian/plugin-sdk"
import * as Data from "effect/Data"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as SchemaIssue from "effect/SchemaIssue"

/**
 * Why a campaign could not be built from a policy: an option that does not
 * fit the policy's schema, or an allocation for a target the policy does not
 * have. Names the plugin and the field.
 *
 * @example
 * {@includeCode ../examples/Policies.ts#errors}
 *
 * @since 0.3.0
 * @category errors
 */
export class PolicyCampaignError extends Data.TaggedError("PolicyCampaignError")<{
  readonly plugin: string
  readonly path: string
  readonly detail: string
}> {
  override get message(): string {
    return `Plugin ${this.plugin}, ${this.path}: ${this.detail}`
  }
}

/**
 * What a county adds to a policy to make a campaign: its id and title, the
 * window, the unit kinds it assesses, and optionally phases, cadence, option
 * overrides (in their JSON form) and allocations by target id.
 *
 * @example
 * {@includeCode ../examples/Policies.ts#campaign}
 *
 * @since 0.3.0
 * @category models
 */
export interface CampaignSpec {
  readonly id: string
  readonly title: string
  readonly kind: Campaign.Campaign["kind"]
  readonly window: { readonly start: LocalDate.LocalDate; readonly end: LocalDate.LocalDate }
  readonly assessedUnitKinds: ReadonlyArray<Unit.UnitKind>
  readonly phases?: Campaign.Campaign["phases"]
  readonly cadence?: Campaign.Campaign["cadence"]
  readonly options?: { readonly [key: string]: unknown }
  readonly allocations?: { readonly [target: string]: ReadonlyArray<Target.Allocation> }
  readonly source?: string
}

const formatter = SchemaIssue.makeFormatterStandardSchemaV1()

/**
 * A policy's options decoded: its defaults, then the given overrides (JSON
 * form), checked against its schema.
 *
 * @example
 * {@includeCode ../examples/Policies.ts#campaign}
 *
 * @since 0.3.0
 * @category constructors
 */
export const options = <O>(
  plugin: Plugin.Plugin<O>,
  overrides: { readonly [key: string]: unknown } = {}
): Result.Result<O, ReadonlyArray<PolicyCampaignError>> => {
  const decoded = Schema.decodeUnknownResult(plugin.options)(
    { ...plugin.defaults, ...overrides },
    { errors: "all", onExcessProperty: "error" }
  )
  if (Result.isSuccess(decoded)) return Result.succeed(decoded.success)
  return Result.fail(
    formatter(decoded.failure.issue).issues.map(
      (issue) =>
        new PolicyCampaignError({
          plugin: plugin.meta.id,
          path: ["options", ...(issue.path ?? []).map(String)].join("."),
          detail: issue.message
        })
    )
  )
}

/**
 * A ready campaign from a policy: the targets its `create` makes from its
 * options (defaults applied, then `spec.options`), with `spec.allocations`
 * added to the targets they name. The campaign has every target the
 * policy's scoring reads, so `Host.run` needs nothing else from the county
 * but its units, projects, activities and reports.
 *
 * @example
 * {@includeCode ../examples/Policies.ts#campaign}
 *
 * @since 0.3.0
 * @category constructors
 */
export const campaign = <O>(
  plugin: Plugin.Plugin<O>,
  spec: CampaignSpec
): Result.Result<Campaign.Campaign, ReadonlyArray<PolicyCampaignError>> => {
  const o = options(plugin, spec.options)
  if (Result.isFailure(o)) return Result.fail(o.failure)
  const targets = plugin.create(o.success).targets ?? []
  const ids = new Set(targets.map((t) => t.id))
  const errors = Object.keys(spec.allocations ?? {})
    .filter((id) => !ids.has(id))
    .sort()
    .map(
      (id) =>
        new PolicyCampaignError({
          plugin: plugin.meta.id,
          path: `allocations.${id}`,
          detail: `the policy has no target ${id} (its targets: ${[...ids].join(", ") || "none"})`
        })
    )
  if (errors.length > 0) return Result.fail(errors)
  return Result.succeed({
    id: spec.id,
    title: spec.title,
    kind: spec.kind,
    window: spec.window,
    phases: spec.phases ?? [],
    cadence: spec.cadence ?? [],
    assessedUnitKinds: spec.assessedUnitKinds,
    targets: targets.map((t) => {
      const allocations = spec.allocations?.[t.id]
      return allocations === undefined ? t : { ...t, allocations }
    }),
    source: spec.source ?? plugin.meta.source.document
  })
}
