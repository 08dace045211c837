import { deepStrictEqual, equal } from "node:assert/strict"
import { Money, type Project, View } from "@gongjian/core"
import { Assessment, type Context, type ScoringPolicy, Session } from "@gongjian/scoring"
import * as Result from "effect/Result"
import { snapshot } from "./drive.js"

// #region session
// +2 per project signed in the window from 1亿, +5 from 10亿; −2 per project
// past its contract start date and not started.
const policy: ScoringPolicy.ScoringPolicy = {
  id: "drive-signings",
  version: "1",
  title: { zh: "签约与开工", en: "signings and starts" },
  items: [
    {
      kind: "per-project",
      id: "signings",
      title: { zh: "签约项目", en: "signed projects" },
      clause: "002 四.4",
      filter: { stage: "signed", reachedWithin: "window" },
      tiers: [
        { from: Money.parseUnsafe("1亿元"), points: 2 },
        { from: Money.parseUnsafe("10亿元"), points: 5 }
      ]
    },
    {
      kind: "exit-findings",
      id: "late-starts",
      title: { zh: "逾期未开工", en: "late starts" },
      clause: "002 四.4",
      perClass: { "late-start": -2 }
    }
  ]
}
// A project's findings depend on that project alone (as the exit engine's do).
const lateStarts = (view: View.View): ReadonlyArray<Context.FindingLike> =>
  view.snapshot.projects.flatMap((p) => {
    const t = view.timelines.get(p.id)
    const due = p.contract?.startBy
    return t !== undefined &&
      due !== undefined &&
      due < view.asOf &&
      t.milestones.started === undefined &&
      t.milestones.exited === undefined
      ? [
          {
            id: `late-start/${p.id}`,
            project: p.id,
            unit: p.unit,
            class: "late-start",
            severity: "breach" as const
          }
        ]
      : []
  })

const session = Result.getOrThrow(Session.make(policy, { snapshot, findings: lateStarts }))
equal(session.incremental, true)
const totals = (a: Assessment.Assessment) => a.units.map((u) => [u.unit, u.total])
// 甲镇 F-1 12亿 +5, F-2 1.5亿 +2 → 7; 丙园区 F-6 20亿 +5 (F-5 exited) → 5;
// 乙街道 F-3 3亿 +2, F-4 signed before the window and not started by 09-01 −2 → 0,
// ahead of the departments' 0 on the points earned (2).
deepStrictEqual(totals(session.assessment), [
  ["town-a", "7"],
  ["park-c", "5"],
  ["street-b", "0"],
  ["dept-d", "0"],
  ["dept-e", "0"]
])

// 乙街道 submits: F-4 started on 09-30, and F-7 (1.2亿) signed on 09-10.
const streetB: ReadonlyArray<Project.Project> = [
  ...session.snapshot.projects.filter((p) => p.unit === "street-b" && p.id !== "F-4"),
  {
    ...session.snapshot.projects.find((p) => p.id === "F-4")!,
    events: [
      { type: "signed", date: "2026-07-10" },
      { type: "started", date: "2026-09-30" }
    ]
  },
  {
    id: "F-7",
    name: "项目F-7",
    unit: "street-b",
    sector: "tertiary",
    investment: { total: Money.parseUnsafe("1.2亿元") },
    events: [{ type: "signed", date: "2026-09-10" }]
  }
]
const after = Result.getOrThrow(session.submit("street-b", streetB))
// 乙街道: F-3 +2, F-7 +2, F-4 started → 4; only 乙街道 was worked out again.
deepStrictEqual(totals(after), [
  ["town-a", "7"],
  ["park-c", "5"],
  ["street-b", "4"],
  ["dept-d", "0"],
  ["dept-e", "0"]
])
// The same, byte for byte, as assessing the whole snapshot again.
const view = View.make(session.snapshot)
equal(
  JSON.stringify(after),
  JSON.stringify(Result.getOrThrow(Assessment.run(policy, { view, findings: lateStarts(view) })))
)
// A project of another unit is refused, by code.
const refused = session.submit("town-a", streetB)
const error = Result.isFailure(refused) ? refused.failure : undefined
equal(error instanceof Session.SessionError && error.code, "wrong-unit")
// #endregion session
