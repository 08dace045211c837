import type { Snapshot } from "@gongjian/core"

/** A small, valid snapshot input (JSON form) that tests vary. */
export const baseInput = () => ({
  asOf: "2026-04-10",
  campaign: {
    id: "c",
    title: "百日攻坚",
    kind: "hundred-day",
    window: { start: "2026-02-20", end: "2026-05-31" },
    phases: [{ id: "p1", name: "组织实施", start: "2026-02-20", end: "2026-05-31" }],
    cadence: [{ kind: "dispatch", every: "week", name: "每周调度" }],
    assessedUnitKinds: ["town", "park"],
    targets: [] as Array<unknown>
  },
  units: [
    { id: "district", name: "区", kind: "district" },
    { id: "town-a", name: "甲镇", kind: "town", parent: "district" },
    { id: "town-b", name: "乙镇", kind: "town", parent: "district" },
    { id: "park", name: "园区", kind: "park", parent: "district" },
    { id: "park-east", name: "园区东片", kind: "park", parent: "park" }
  ],
  projects: [] as Array<Record<string, unknown>>,
  activities: [] as Array<Record<string, unknown>>,
  reports: [] as Array<Record<string, unknown>>
})

export type Input = ReturnType<typeof baseInput>
export type { Snapshot }
