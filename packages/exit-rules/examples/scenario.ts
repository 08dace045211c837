import type { Project, Snapshot } from "@gongjian/core"
import { Money } from "@gongjian/core"

/**
 * Six projects at each threshold of the 3-2-3 rules, as of 2026-11-22.
 * Shared by the exit-rules examples.
 */
export const projects: ReadonlyArray<Project.Project> = [
  {
    id: "E-1",
    name: "智能装备",
    unit: "park",
    sector: "secondary",
    events: [
      { type: "signed", date: "2026-06-01" },
      { type: "land-supplied", date: "2026-07-31" }
    ]
  },
  {
    id: "E-2",
    name: "医疗器械",
    unit: "park",
    sector: "secondary",
    events: [
      { type: "signed", date: "2026-07-01" },
      { type: "land-supplied", date: "2026-08-30" }
    ]
  },
  {
    id: "E-3",
    name: "仓储物流",
    unit: "xincheng",
    sector: "tertiary",
    events: [
      { type: "signed", date: "2026-04-01" },
      { type: "land-supplied", date: "2026-05-31" },
      { type: "delay-exempted", date: "2026-06-10", until: "2026-07-09", reason: "征迁未完成" },
      { type: "rectification-ordered", date: "2026-10-08", deadline: "2026-11-15" }
    ]
  },
  {
    id: "E-4",
    name: "汽车零部件",
    unit: "xincheng",
    sector: "secondary",
    events: [
      { type: "signed", date: "2024-06-01" },
      { type: "land-supplied", date: "2024-07-01" },
      { type: "started", date: "2024-09-01" }
    ]
  },
  {
    id: "E-5",
    name: "新型建材",
    unit: "park",
    sector: "secondary",
    contract: { taxPerMu: Money.parseUnsafe("30万元") },
    performance: [
      { on: "2025-12-31", taxPerMu: Money.parseUnsafe("16万元") },
      { on: "2026-06-30", taxPerMu: Money.parseUnsafe("12万元") }
    ],
    events: [
      { type: "signed", date: "2021-01-10" },
      { type: "land-supplied", date: "2021-03-01" },
      { type: "started", date: "2021-05-01" },
      { type: "completed", date: "2023-03-01" },
      { type: "in-production", date: "2023-06-30" }
    ]
  },
  {
    id: "E-6",
    name: "食品加工",
    unit: "park",
    sector: "secondary",
    events: [
      { type: "signed", date: "2026-01-15" },
      { type: "land-supplied", date: "2026-03-01" },
      { type: "started", date: "2026-07-15" }
    ]
  }
]

/** The projects as a county's snapshot as of 2026-11-22, for the engine's view. */
export const snapshot: Snapshot.Snapshot = {
  asOf: "2026-11-22",
  campaign: {
    id: "cleanup-2026",
    title: "低效项目清理",
    kind: "project-year",
    window: { start: "2026-01-01", end: "2026-12-31" },
    phases: [],
    cadence: [],
    assessedUnitKinds: ["town", "park"],
    targets: []
  },
  units: [
    { id: "district", name: "示范区", kind: "district" },
    { id: "park", name: "经济开发区", kind: "park", parent: "district" },
    { id: "xincheng", name: "新城镇", kind: "town", parent: "district" }
  ],
  projects
}
