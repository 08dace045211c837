import type { Plugin } from "@gongjian/plugin-sdk"
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
 * the policies have no default for.
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
  {
    plugin: HundredDays.policy,
    sample: "000-hundred-days",
    options: {
      annualContractFdi: [
        { unit: "xincheng", goal: "3000万美元" },
        { unit: "wangdian", goal: "1500万美元" },
        { unit: "chengdong", goal: "2000万美元" },
        { unit: "beibu", goal: "2500万美元" },
        { unit: "park", goal: "1000万美元" }
      ],
      annualPaidInFdi: [
        { unit: "xincheng", goal: "1500万美元" },
        { unit: "wangdian", goal: "800万美元" },
        { unit: "chengdong", goal: "1000万美元" },
        { unit: "beibu", goal: "1200万美元" },
        { unit: "park", goal: "500万美元" }
      ]
    }
  },
  { plugin: ServiceAndExit.policy, sample: "001-service-and-exit", options: {} },
  {
    plugin: InvestmentDrive.policy,
    sample: "002-investment-drive",
    options: {
      annualTask: "75亿元",
      annualTasks: [
        { unit: "town-a", goal: "15亿元" },
        { unit: "street-b", goal: "20亿元" },
        { unit: "park-c", goal: "20亿元" },
        { unit: "town-d", goal: "10亿元" },
        { unit: "dept-e", goal: "3亿元" },
        { unit: "dept-f", goal: "2亿元" }
      ]
    }
  },
  {
    plugin: ConstructionYear.policy,
    sample: "003-construction-year",
    options: { faiGoal: "225亿元", investmentGoal: "90亿元" }
  },
  { plugin: ProjectYear.policy, sample: "004-project-year", options: {} }
]
