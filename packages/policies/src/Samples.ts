/**
 * Sample county campaigns (示例数据), one per reference policy, in the
 * interchange format: fictional counties with at least six units and forty
 * projects, built so that every rule of the policy fires — units ahead and
 * behind, a vetoed unit, projects at each exit threshold, an exempted delay.
 * The JSON files ship as `@gongjian/policies/samples/<id>.json`.
 *
 * @since 0.1.0
 */
import { Snapshot } from "@gongjian/core"
import * as Result from "effect/Result"
import hundredDays from "../samples/000-hundred-days.json" with { type: "json" }
import serviceAndExit from "../samples/001-service-and-exit.json" with { type: "json" }
import investmentDrive from "../samples/002-investment-drive.json" with { type: "json" }
import constructionYear from "../samples/003-construction-year.json" with { type: "json" }
import projectYear from "../samples/004-project-year.json" with { type: "json" }

/**
 * The ids of the samples, by plan document.
 *
 * @example
 * {@includeCode ../examples/HundredDays.ts#policy}
 *
 * @since 0.1.0
 * @category models
 */
export type SampleId =
  | "000-hundred-days"
  | "001-service-and-exit"
  | "002-investment-drive"
  | "003-construction-year"
  | "004-project-year"

const raw: { readonly [K in SampleId]: unknown } = {
  "000-hundred-days": hundredDays,
  "001-service-and-exit": serviceAndExit,
  "002-investment-drive": investmentDrive,
  "003-construction-year": constructionYear,
  "004-project-year": projectYear
}

/**
 * The ids of every sample.
 *
 * @example
 * {@includeCode ../examples/HundredDays.ts#policy}
 *
 * @since 0.1.0
 * @category constants
 */
export const ids: ReadonlyArray<SampleId> = Object.keys(raw).sort() as Array<SampleId>

/**
 * A sample as JSON-ready data (a fresh copy each time).
 *
 * @example
 * {@includeCode ../examples/HundredDays.ts#policy}
 *
 * @since 0.1.0
 * @category loading
 */
export const json = (id: SampleId): unknown => structuredClone(raw[id])

/**
 * A sample decoded into a snapshot (a fresh copy each time). The samples are
 * valid by construction; a failure here is a bug, thrown with every problem.
 *
 * @example
 * {@includeCode ../examples/HundredDays.ts#policy}
 *
 * @since 0.1.0
 * @category loading
 */
export const load = (id: SampleId): Snapshot.Snapshot => {
  const r = Snapshot.decode(json(id))
  if (Result.isFailure(r)) throw r.failure
  return r.success
}
