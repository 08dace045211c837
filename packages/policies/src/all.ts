import type { Plugin } from "@gongjian/plugin-sdk"
import hundredDaysOptions from "../samples/000-hundred-days.options.json" with { type: "json" }
import serviceAndExitOptions from "../samples/001-service-and-exit.options.json" with {
  type: "json"
}
import investmentDriveOptions from "../samples/002-investment-drive.options.json" with {
  type: "json"
}
import constructionYearOptions from "../samples/003-construction-year.options.json" with {
  type: "json"
}
import projectYearOptions from "../samples/004-project-year.options.json" with { type: "json" }
import * as ConstructionYear from "./ConstructionYear.js"
import * as HundredDays from "./HundredDays.js"
import * as InvestmentDrive from "./InvestmentDrive.js"
import * as ProjectYear from "./ProjectYear.js"
import type { SampleId } from "./Samples.js"
import * as ServiceAndExit from "./ServiceAndExit.js"

/**
 * Every reference policy, in document order, with the id of its sample and
 * the options the sample county sets (JSON form): the figures a plan leaves
 * to the county — annual tasks, the county's own fixed-asset target — which
 * the policies have no default for. The options ship beside each sample as
 * `@gongjian/policies/samples/<id>.options.json`, for `gongjian assess
 * --options`.
 *
 * @example
 * {@includeCode ../examples/all.ts#all}
 *
 * @since 0.1.0
 * @category policies
 */
export const all: ReadonlyArray<{
  readonly plugin: Plugin.AnyPlugin
  readonly sample: SampleId
  /** @since 0.3.0 */
  readonly options: { readonly [key: string]: unknown }
}> = [
  { plugin: HundredDays.policy, sample: "000-hundred-days", options: hundredDaysOptions },
  { plugin: ServiceAndExit.policy, sample: "001-service-and-exit", options: serviceAndExitOptions },
  {
    plugin: InvestmentDrive.policy,
    sample: "002-investment-drive",
    options: investmentDriveOptions
  },
  {
    plugin: ConstructionYear.policy,
    sample: "003-construction-year",
    options: constructionYearOptions
  },
  { plugin: ProjectYear.policy, sample: "004-project-year", options: projectYearOptions }
]
