import { Snapshot } from "@gongjian/core"
import * as Result from "effect/Result"

/**
 * An August–September investment drive (002) with three towns/streets/parks
 * and two departments, as of 2026-10-15. Shared by the scoring examples.
 */
const project = (
  id: string,
  unit: string,
  total: string,
  flags: ReadonlyArray<string>,
  events: ReadonlyArray<[string, string]>,
  startBy?: string
) => ({
  id,
  name: `项目${id}`,
  unit,
  sector: "secondary",
  investment: { total },
  flags,
  ...(startBy ? { contract: { startBy } } : {}),
  events: events.map(([type, date]) => ({ type, date }))
})
const trip = (id: string, unit: string, role: string, date: string) => ({
  id,
  kind: "outbound-trip",
  unit,
  role,
  date
})

export const snapshot = Result.getOrThrow(
  Snapshot.decode({
    asOf: "2026-10-15",
    campaign: {
      id: "drive-2026",
      title: "招商引资集中攻坚",
      kind: "investment-drive",
      window: { start: "2026-08-01", end: "2026-09-30" },
      phases: [],
      cadence: [
        { kind: "dispatch", every: "week", name: "一周一调度", clause: "002 四.3" },
        { kind: "bulletin", every: "half-month", name: "半月一通报", clause: "002 四.3" }
      ],
      assessedUnitKinds: ["town", "street", "park", "department"],
      targets: [
        {
          id: "fair-signings",
          title: "投洽会签约过亿元项目",
          measure: "projects",
          scope: "area",
          goal: 6,
          filter: {
            stage: "signed",
            reachedWithin: "window",
            flags: ["signed-at-fair"],
            minInvestment: "1亿元"
          },
          allocations: [
            { unit: "town-a", goal: 2 },
            { unit: "street-b", goal: 2 },
            { unit: "park-c", goal: 2 }
          ],
          clause: "002 二"
        }
      ]
    },
    units: [
      { id: "town-a", name: "甲镇", kind: "town" },
      { id: "street-b", name: "乙街道", kind: "street" },
      { id: "park-c", name: "丙园区", kind: "park" },
      { id: "dept-d", name: "丁局", kind: "department" },
      { id: "dept-e", name: "戊局", kind: "department" }
    ],
    projects: [
      project(
        "F-1",
        "town-a",
        "12亿元",
        ["signed-at-fair", "key"],
        [
          ["signed", "2026-08-20"],
          ["started", "2026-09-25"]
        ],
        "2026-09-30"
      ),
      project("F-2", "town-a", "1.5亿元", ["signed-at-fair"], [["signed", "2026-08-20"]]),
      project(
        "F-3",
        "street-b",
        "3亿元",
        ["signed-at-fair", "key"],
        [
          ["signed", "2026-08-21"],
          ["started", "2026-10-08"]
        ],
        "2026-09-15"
      ),
      project("F-4", "street-b", "2亿元", ["key"], [["signed", "2026-07-10"]], "2026-09-01"),
      project(
        "F-5",
        "park-c",
        "8000万元",
        ["signed-at-fair", "key"],
        [
          ["signed", "2026-08-22"],
          ["exited", "2026-10-01"]
        ],
        "2026-09-20"
      ),
      project("F-6", "park-c", "20亿元", ["signed-at-fair"], [["signed", "2026-09-05"]])
    ],
    activities: [
      trip("T-1", "town-a", "principal", "2026-08-05"),
      trip("T-2", "town-a", "principal", "2026-08-19"),
      trip("T-3", "town-a", "principal", "2026-09-09"),
      trip("T-4", "street-b", "principal", "2026-08-12"),
      trip("T-5", "street-b", "principal", "2026-09-16"),
      trip("T-6", "park-c", "principal", "2026-08-07"),
      trip("T-7", "park-c", "principal", "2026-08-28"),
      trip("T-8", "park-c", "principal", "2026-09-18"),
      trip("T-9", "dept-d", "department-principal", "2026-08-10"),
      trip("T-10", "dept-d", "department-principal", "2026-09-10"),
      trip("T-11", "dept-e", "department-principal", "2026-09-03")
    ],
    reports: [
      {
        id: "S-1",
        measure: "reported",
        key: "service-complaint",
        unit: "dept-e",
        on: "2026-09-12",
        value: 1,
        note: "企业投诉办事拖延"
      }
    ]
  })
)
