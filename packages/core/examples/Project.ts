import { equal } from "node:assert/strict"
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
