/**
 * Investment projects (项目): who carries them, what they invest, the land and
 * contract terms, who is responsible, their approvals and receipt slips, and
 * the dated events of their lifecycle.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { nameIn } from "./internal/names.js"
import { Count, Id, NonNegative } from "./internal/schema.js"
import { ProjectEvent } from "./Lifecycle.js"
import * as LocalDate from "./LocalDate.js"
import * as Money from "./Money.js"

/**
 * The sector of a project: `primary` (一产, agriculture), `secondary` (二产,
 * industry) or `tertiary` (三产, services).
 *
 * @example
 * {@includeCode ../examples/Project.ts#parts}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Sector = Schema.Literals(["primary", "secondary", "tertiary"])

/**
 * The type of {@link Sector}.
 *
 * @example
 * {@includeCode ../examples/Project.ts#parts}
 *
 * @since 0.1.0
 * @category models
 */
export type Sector = typeof Sector.Type

/**
 * The flags the plans use to single projects out. A project's `flags` may hold
 * any string (a county adds its own, such as `specialized-new` for 专精特新);
 * these are the ones the reference policies read:
 *
 * `major` (重大), `key` (重点), `stock` (存量), `central-soe` (央企),
 * `fortune-500` (世界500强), `top-500` (国内外500强), `industry-top-100`
 * (行业百强), `listed` (上市公司), `signed-at-fair` (投洽会签约), `financing`
 * (融资项目), `high-energy` (高耗能), `high-emission` (高排放),
 * `specialized-new` (专精特新), `preliminary` (前期), `for-fair` (拟在投洽会签约,
 * since 0.4.0). Their names in Chinese views are {@link flagNames}.
 *
 * @example
 * {@includeCode ../examples/Project.ts#project}
 *
 * @since 0.1.0
 * @category constants
 */
export const knownFlags = [
  "major",
  "key",
  "stock",
  "central-soe",
  "fortune-500",
  "top-500",
  "industry-top-100",
  "listed",
  "signed-at-fair",
  "financing",
  "high-energy",
  "high-emission",
  "specialized-new",
  "preliminary",
  "for-fair"
] as const

/**
 * The name of each of the {@link knownFlags} (项目标签) in Chinese and English,
 * as Chinese views (台账, CSV) write a project's flags: `major` is 重大项目,
 * `fortune-500` 世界500强. A flag a county adds itself is not in this table:
 * views write it as it is (its code), and it reads back as that code.
 *
 * @example
 * {@includeCode ../examples/Project.ts#names}
 *
 * @since 0.4.0
 * @category constants
 */
export const flagNames: {
  readonly [F in (typeof knownFlags)[number]]: { readonly zh: string; readonly en: string }
} = {
  major: { zh: "重大项目", en: "major" },
  key: { zh: "重点项目", en: "key" },
  stock: { zh: "存量项目", en: "stock" },
  "central-soe": { zh: "央企项目", en: "central SOE" },
  "fortune-500": { zh: "世界500强", en: "Fortune Global 500" },
  "top-500": { zh: "国内外500强", en: "top 500" },
  "industry-top-100": { zh: "行业百强", en: "industry top 100" },
  listed: { zh: "上市公司", en: "listed company" },
  "signed-at-fair": { zh: "投洽会签约", en: "signed at the fair" },
  financing: { zh: "融资项目", en: "financing" },
  "high-energy": { zh: "高耗能", en: "high energy use" },
  "high-emission": { zh: "高排放", en: "high emission" },
  "specialized-new": { zh: "专精特新", en: "specialized and new" },
  preliminary: { zh: "前期项目", en: "preliminary" },
  "for-fair": { zh: "拟投洽会签约", en: "put forward for the fair" }
}

/**
 * The industries (行业) the plans and the sample campaigns name. A project's
 * `industry` may hold any string (a county adds its own); these are the ones
 * with names in {@link industryNames}: `advanced-manufacturing` (先进制造业),
 * `new-energy` (新能源), `new-material` (新材料), `modern-services`
 * (现代服务业), `logistics` (现代物流), `modern-agriculture` (现代农业), and
 * the service sectors of 004 plan 3: `commerce` (商贸服务), `culture-tourism`
 * (文化旅游), `health-elderly-care` (健康养老), `finance` (现代金融),
 * `tech-information` (科技与信息服务).
 *
 * @example
 * {@includeCode ../examples/Project.ts#names}
 *
 * @since 0.4.0
 * @category constants
 */
export const knownIndustries = [
  "advanced-manufacturing",
  "new-energy",
  "new-material",
  "modern-services",
  "logistics",
  "modern-agriculture",
  "commerce",
  "culture-tourism",
  "health-elderly-care",
  "finance",
  "tech-information"
] as const

/**
 * The name of each of the {@link knownIndustries} (行业) in Chinese and
 * English, as Chinese views (台账, CSV) write a project's industry:
 * `new-energy` is 新能源. An industry a county adds itself is not in this
 * table: views write it as it is (its code), and it reads back as that code.
 *
 * @example
 * {@includeCode ../examples/Project.ts#names}
 *
 * @since 0.4.0
 * @category constants
 */
export const industryNames: {
  readonly [I in (typeof knownIndustries)[number]]: { readonly zh: string; readonly en: string }
} = {
  "advanced-manufacturing": { zh: "先进制造业", en: "advanced manufacturing" },
  "new-energy": { zh: "新能源", en: "new energy" },
  "new-material": { zh: "新材料", en: "new materials" },
  "modern-services": { zh: "现代服务业", en: "modern services" },
  logistics: { zh: "现代物流", en: "logistics" },
  "modern-agriculture": { zh: "现代农业", en: "modern agriculture" },
  commerce: { zh: "商贸服务", en: "commerce" },
  "culture-tourism": { zh: "文化旅游", en: "culture and tourism" },
  "health-elderly-care": { zh: "健康养老", en: "health and elderly care" },
  finance: { zh: "现代金融", en: "finance" },
  "tech-information": { zh: "科技与信息服务", en: "technology and information services" }
}

/**
 * A flag's name in Chinese and English: its entry in {@link flagNames}, or,
 * for a flag a county adds itself, the flag as it is in both languages.
 *
 * @example
 * {@includeCode ../examples/Project.ts#names}
 *
 * @since 0.4.0
 * @category queries
 */
export const flagName = (flag: string): { readonly zh: string; readonly en: string } =>
  nameIn(flagNames, flag)

/**
 * An industry's name in Chinese and English: its entry in
 * {@link industryNames}, or, for an industry a county adds itself, the
 * industry as it is in both languages.
 *
 * @example
 * {@includeCode ../examples/Project.ts#names}
 *
 * @since 0.4.0
 * @category queries
 */
export const industryName = (industry: string): { readonly zh: string; readonly en: string } =>
  nameIn(industryNames, industry)

/**
 * Investment figures (投资): total investment, contract foreign investment
 * (合同外资), paid-in foreign investment (实到外资), outside domestic capital
 * (区外内资) and funds in place (到位资金) as reported.
 *
 * @example
 * {@includeCode ../examples/Project.ts#parts}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Investment = Schema.Struct({
  total: Schema.optionalKey(Money.NonNegativeMoneyFromJson),
  contractForeign: Schema.optionalKey(Money.NonNegativeMoneyFromJson),
  paidInForeign: Schema.optionalKey(Money.NonNegativeMoneyFromJson),
  outsideDomestic: Schema.optionalKey(Money.NonNegativeMoneyFromJson),
  fundsInPlace: Schema.optionalKey(Money.NonNegativeMoneyFromJson)
}).annotate({ identifier: "Investment" })

/**
 * The land of a project: area in mu (亩), land-use type (用地性质), and the red
 * lines the risk gates of 004 plan 3 check (farmland 耕地, ecological red line
 * 生态保护红线), and whether water and power reach the site (供水、供电, 004 plan 1).
 *
 * @example
 * {@includeCode ../examples/Project.ts#parts}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Land = Schema.Struct({
  areaMu: Schema.optionalKey(NonNegative),
  use: Schema.optionalKey(
    Schema.Literals(["industrial", "commercial", "residential", "agricultural", "mixed", "other"])
  ),
  occupiesFarmland: Schema.optionalKey(Schema.Boolean),
  occupiesEcologicalRedLine: Schema.optionalKey(Schema.Boolean),
  /** Water supply to the site is in place (供水落实); since 0.3.0. */
  water: Schema.optionalKey(Schema.Boolean),
  /** Power supply to the site is in place (供电落实); since 0.3.0. */
  power: Schema.optionalKey(Schema.Boolean)
}).annotate({ identifier: "Land" })

/**
 * The terms fixed in the investment contract (投资合同, 001 三.(四)): start,
 * completion and production dates, investment intensity (投资强度, per mu),
 * tax per mu (亩均税收), output per mu (亩均产出), jobs and annual energy use.
 *
 * @example
 * {@includeCode ../examples/Project.ts#parts}
 *
 * @since 0.1.0
 * @category schemas
 */
export const ContractTerms = Schema.Struct({
  startBy: Schema.optionalKey(LocalDate.LocalDate),
  completeBy: Schema.optionalKey(LocalDate.LocalDate),
  produceBy: Schema.optionalKey(LocalDate.LocalDate),
  investmentIntensityPerMu: Schema.optionalKey(Money.NonNegativeMoneyFromJson),
  taxPerMu: Schema.optionalKey(Money.NonNegativeMoneyFromJson),
  outputPerMu: Schema.optionalKey(Money.NonNegativeMoneyFromJson),
  jobs: Schema.optionalKey(Count),
  energyTceePerYear: Schema.optionalKey(NonNegative)
}).annotate({ identifier: "ContractTerms" })

/**
 * A measurement of a project's performance on a date (效益): what it paid and
 * produced per mu over the year to that date, and its jobs.
 *
 * @example
 * {@includeCode ../examples/Project.ts#parts}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Performance = Schema.Struct({
  on: LocalDate.LocalDate,
  taxPerMu: Schema.optionalKey(Money.NonNegativeMoneyFromJson),
  outputPerMu: Schema.optionalKey(Money.NonNegativeMoneyFromJson),
  investmentIntensityPerMu: Schema.optionalKey(Money.NonNegativeMoneyFromJson),
  jobs: Schema.optionalKey(Count)
}).annotate({ identifier: "Performance" })

/**
 * A cadre's rank (干部级别): `county` (县级), `section` (科级), `general`
 * (一般干部).
 *
 * @example
 * {@includeCode ../examples/Project.ts#parts}
 *
 * @since 0.3.0
 * @category schemas
 */
export const CadreRank = Schema.Literals(["county", "section", "general"])

/**
 * Who answers for a project (包保责任): the county leader in charge (分包领导),
 * the project manager (项目经理, a county-level cadre), the project secretary
 * (项目秘书, section level), the staff member (服务专员), the host unit
 * (承办单位) and the owner (业主单位), as 001 三.(三).1 and 004 plan 1 ask.
 * `managerRank` and `secretaryRank` (since 0.3.0) record the cadre rank of the
 * manager and the secretary where the county has it: `county` (县级), `section`
 * (科级), `general` (一般干部).
 *
 * @example
 * {@includeCode ../examples/Project.ts#parts}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Responsibility = Schema.Struct({
  leader: Schema.optionalKey(Schema.String),
  manager: Schema.optionalKey(Schema.String),
  secretary: Schema.optionalKey(Schema.String),
  staff: Schema.optionalKey(Schema.String),
  hostUnit: Schema.optionalKey(Schema.String),
  owner: Schema.optionalKey(Schema.String),
  managerRank: Schema.optionalKey(CadreRank),
  secretaryRank: Schema.optionalKey(CadreRank)
}).annotate({ identifier: "Responsibility" })

/**
 * The kind of a pre-start procedure (前期手续): `filing` (备案), `approval`
 * (核准), `planning` (规划), `eia` (环评), `land` (用地), `fire` (消防),
 * `construction-permit` (施工许可), `other`.
 *
 * @example
 * {@includeCode ../examples/Project.ts#parts}
 *
 * @since 0.1.0
 * @category schemas
 */
export const ApprovalKind = Schema.Literals([
  "filing",
  "approval",
  "planning",
  "eia",
  "land",
  "fire",
  "construction-permit",
  "other"
])

/**
 * The name of each kind of procedure in Chinese and English, as messages
 * write it: `planning` is 规划 (a message says 规划审批, not "planning审批").
 *
 * @example
 * {@includeCode ../examples/Project.ts#parts}
 *
 * @since 0.4.0
 * @category constants
 */
export const approvalKindNames: {
  readonly [K in typeof ApprovalKind.Type]: { readonly zh: string; readonly en: string }
} = {
  filing: { zh: "备案", en: "filing" },
  approval: { zh: "核准", en: "approval" },
  planning: { zh: "规划", en: "planning" },
  eia: { zh: "环评", en: "environmental impact" },
  land: { zh: "用地", en: "land" },
  fire: { zh: "消防", en: "fire safety" },
  "construction-permit": { zh: "施工许可", en: "construction permit" },
  other: { zh: "其他", en: "other" }
}

/**
 * The type of {@link ApprovalKind}.
 *
 * @example
 * {@includeCode ../examples/Project.ts#parts}
 *
 * @since 0.1.0
 * @category models
 */
export type ApprovalKind = typeof ApprovalKind.Type

/**
 * A procedure handled for a project: when its materials were complete, when
 * it closed, and whether it is a special case (特殊情况, 10 working days instead
 * of 3 under 001 三.(三).2).
 *
 * @example
 * {@includeCode ../examples/Project.ts#parts}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Approval = Schema.Struct({
  kind: ApprovalKind,
  department: Schema.optionalKey(Schema.String),
  materialsCompleteOn: Schema.optionalKey(LocalDate.LocalDate),
  closedOn: Schema.optionalKey(LocalDate.LocalDate),
  special: Schema.optionalKey(Schema.Boolean)
}).annotate({ identifier: "Approval" })

/**
 * The type of {@link Approval}.
 *
 * @example
 * {@includeCode ../examples/Project.ts#parts}
 *
 * @since 0.1.0
 * @category models
 */
export type Approval = typeof Approval.Type

/**
 * One line of a project's receipt slip (回执单, 001 三.(三).4): which department
 * handled which procedure, when, and in what state.
 *
 * @example
 * {@includeCode ../examples/Project.ts#parts}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Receipt = Schema.Struct({
  department: Schema.String,
  procedure: ApprovalKind,
  handledOn: LocalDate.LocalDate,
  state: Schema.Literals(["received", "in-progress", "closed", "returned"]),
  note: Schema.optionalKey(Schema.String)
}).annotate({ identifier: "Receipt" })

/**
 * A project (项目) with its lifecycle events.
 *
 * Money fields accept the text people write (`"2.5亿元"`) or
 * `{ "amount": "250000000", "currency": "CNY" }`.
 *
 * @example
 * {@includeCode ../examples/Project.ts#project}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Project = Schema.Struct({
  id: Id,
  name: Schema.String,
  unit: Id,
  sector: Sector,
  industry: Schema.optionalKey(Schema.String),
  investment: Schema.optionalKey(Investment),
  flags: Schema.optionalKey(Schema.Array(Schema.String)),
  land: Schema.optionalKey(Land),
  contract: Schema.optionalKey(ContractTerms),
  performance: Schema.optionalKey(Schema.Array(Performance)),
  responsibility: Schema.optionalKey(Responsibility),
  approvals: Schema.optionalKey(Schema.Array(Approval)),
  receipts: Schema.optionalKey(Schema.Array(Receipt)),
  events: Schema.Array(ProjectEvent)
}).annotate({ identifier: "Project" })

/**
 * The type of {@link Project}.
 *
 * @example
 * {@includeCode ../examples/Project.ts#project}
 *
 * @since 0.1.0
 * @category models
 */
export type Project = typeof Project.Type

/**
 * Whether a project carries a flag.
 *
 * @example
 * {@includeCode ../examples/Project.ts#project}
 *
 * @since 0.1.0
 * @category predicates
 */
export const hasFlag = (project: Pick<Project, "flags">, flag: string): boolean =>
  project.flags?.includes(flag) ?? false

/**
 * The latest performance measurement on or before `asOf`, if any.
 *
 * @example
 * {@includeCode ../examples/Project.ts#project}
 *
 * @since 0.1.0
 * @category queries
 */
export const performanceAsOf = (
  project: Pick<Project, "performance">,
  asOf: LocalDate.LocalDate
): typeof Performance.Type | undefined => {
  let best: typeof Performance.Type | undefined
  for (const p of project.performance ?? []) {
    if (p.on <= asOf && (best === undefined || p.on > best.on)) best = p
  }
  return best
}
