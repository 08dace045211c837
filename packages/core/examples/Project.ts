import { deepStrictEqual, equal, throws } from "node:assert/strict"
import { Money, Project } from "@gongjian/core"
import * as Schema from "effect/Schema"

// #region project
const project = Schema.decodeUnknownSync(Project.Project)({
  id: "P-017",
  name: "新能源电池材料产业园",
  unit: "xincheng",
  sector: "secondary",
  industry: "new-energy",
  investment: { total: "25亿元", contractForeign: "5000万美元" },
  flags: ["major", "signed-at-fair"],
  land: { areaMu: 320, use: "industrial", occupiesFarmland: false },
  contract: { startBy: "2026-06-30", produceBy: "2028-06-30", taxPerMu: "30万元" },
  performance: [{ on: "2026-06-30", taxPerMu: "8万元" }],
  responsibility: { leader: "副县长", manager: "张经理", secretary: "刘秘书", hostUnit: "发改局" },
  approvals: [{ kind: "eia", materialsCompleteOn: "2026-03-06", closedOn: "2026-03-11" }],
  receipts: [
    { department: "自然资源局", procedure: "land", handledOn: "2026-03-20", state: "closed" }
  ],
  events: [{ type: "signed", date: "2026-02-26" }]
})
equal(Project.hasFlag(project, "signed-at-fair"), true)
equal(Money.format(project.investment!.contractForeign!), "5000万美元")
equal(Project.performanceAsOf(project, "2026-11-22")?.on, "2026-06-30")
equal(Project.knownFlags.includes("stock"), true)
// #endregion project

// #region parts
// Each part of a project is a schema of its own: a form that edits one part
// decodes just that part, by the same rules as the whole project.
deepStrictEqual(Project.Sector.literals, ["primary", "secondary", "tertiary"]) // 一产, 二产, 三产
const investment = Schema.decodeUnknownSync(Project.Investment)({
  total: "2.5亿元",
  paidInForeign: "800万美元"
})
equal(Money.format(investment.total!, { magnitude: "万" }), "25000万元")
const land = Schema.decodeUnknownSync(Project.Land)({ areaMu: 45, use: "commercial" })
equal(land.areaMu, 45)
throws(() => Schema.decodeUnknownSync(Project.Land)({ areaMu: -1 })) // an area is never negative
const terms = Schema.decodeUnknownSync(Project.ContractTerms)({
  startBy: "2026-09-30",
  produceBy: "2027-12-31"
})
equal(terms.produceBy, "2027-12-31")
const measured = Schema.decodeUnknownSync(Project.Performance)({
  on: "2026-12-31",
  outputPerMu: "300万元"
})
equal(Money.format(measured.outputPerMu!), "300万元")
const duty = Schema.decodeUnknownSync(Project.Responsibility)({
  leader: "副县长",
  manager: "张经理",
  managerRank: "county"
})
equal(Schema.is(Project.CadreRank)(duty.managerRank), true)
equal(Schema.is(Project.CadreRank)("provincial"), false)
const kind: Project.ApprovalKind = "eia"
// Messages name a procedure in words: 环评, not "eia".
equal(Project.approvalKindNames[kind].zh, "环评")
equal(Project.approvalKindNames.planning.en, "planning")
const eia: Project.Approval = { kind, materialsCompleteOn: "2026-03-06", closedOn: "2026-03-11" }
const receipt = Schema.decodeUnknownSync(Project.Receipt)({
  department: "生态环境局",
  procedure: eia.kind,
  handledOn: eia.closedOn,
  state: "closed"
})
equal(receipt.procedure, "eia")
// #endregion parts

// #region names
// Chinese views write flags and industries by name, not by code.
equal(Project.flagNames["fortune-500"].zh, "世界500强")
equal(Project.industryNames["new-energy"].zh, "新能源")
equal(Project.knownIndustries.includes("logistics"), true)
equal(project.flags!.map((f) => Project.flagName(f).zh).join("、"), "重大项目、投洽会签约")
equal(Project.industryName(project.industry!).zh, "新能源")
// A county's own code has no name in the tables: it is shown as it is.
deepStrictEqual(Project.flagName("county-star"), { zh: "county-star", en: "county-star" })
equal(Project.industryName("bamboo-crafts").zh, "bamboo-crafts")
// #endregion names
