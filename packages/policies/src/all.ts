import type { Plugin } from "@gongjian/plugin-sdk"
import * as ConstructionYear from "./ConstructionYear.js"
import * as HundredDays from "./HundredDays.js"
import * as InvestmentDrive from "./InvestmentDrive.js"
import * as ProjectYear from "./ProjectYear.js"
import type { SampleId } from "./Samples.js"
import * as ServiceAndExit from "./ServiceAndExit.js"

/**
 * Every reference policy, in document order, with the id of its sample.
 *
 * @example
 * {@includeCode ../examples/all.ts#all}
 *
 * @since 0.1.0
 * @category policies
 */
export const all: ReadonlyArray<{ readonly plugin: Plugin.AnyPlugin; readonly sample: SampleId }> =
  [
    { plugin: HundredDays.policy, sample: "000-hundred-days" },
    { plugin: ServiceAndExit.policy, sample: "001-service-and-exit" },
    { plugin: InvestmentDrive.policy, sample: "002-investment-drive" },
    { plugin: ConstructionYear.policy, sample: "003-construction-year" },
    { plugin: ProjectYear.policy, sample: "004-project-year" }
  ]
