import { deepStrictEqual, equal } from "node:assert/strict"
import { Calendar, Snapshot } from "@gongjian/core"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"

// #region decode
// A 100-day drive (000): two units, a few projects, one split target.
const input = {
  asOf: "2026-04-10",
  campaign: {
    id: "hundred-days-2026",
    title: "项目提升年百日攻坚",
    kind: "hundred-day",
    window: { start: "2026-02-20", end: "2026-05-31" },
    phases: [],
    cadence: [{ kind: "dispatch", every: "week", name: "每周调度" }],
    assessedUnitKinds: ["town", "park"],
    targets: [
      {
        id: "outside-capital",
        title: "引进区外内资",
        measure: "outside-domestic-capital",
        scope: "area",
        goal: "8.6亿元",
        filter: { stage: "signed", reachedWithin: "window" },
        allocations: [
          { unit: "xincheng", goal: "5亿元" },
          { unit: "park", goal: "3.6亿元" }
        ],
        clause: "000 一"
      }
    ]
  },
  units: [
    { id: "xincheng", name: "新城镇", kind: "town" },
    { id: "park", name: "工业园区", kind: "park" }
  ],
  projects: [
    {
      id: "P-1",
      name: "精密机械",
      unit: "xincheng",
      sector: "secondary",
      investment: { outsideDomestic: "2.5亿元" },
      events: [
        { type: "signed", date: "2026-02-25" },
        { type: "started", date: "2026-03-20" }
      ]
    },
    {
      id: "P-2",
      name: "冷链物流",
      unit: "xincheng",
      sector: "tertiary",
      investment: { outsideDomestic: "1.2亿元" },
      events: [{ type: "signed", date: "2026-03-05" }]
    },
    {
      id: "P-3",
      name: "存量技改",
      unit: "park",
      sector: "secondary",
      flags: ["stock"],
      investment: { outsideDomestic: "6000万元" },
      events: [
        { type: "signed", date: "2026-01-10" },
        { type: "land-supplied", date: "2026-02-01" },
        { type: "started", date: "2026-03-01" }
      ]
    },
    {
      id: "P-4",
      name: "外资电子",
      unit: "park",
      sector: "secondary",
      investment: { outsideDomestic: "1000万美元" },
      events: [{ type: "signed", date: "2026-03-15" }]
    }
  ]
}
const snapshot = Result.getOrThrow(Snapshot.decode(input))
equal(snapshot.projects.length, 4)
deepStrictEqual((Snapshot.encode(snapshot) as typeof input).projects[0]!.investment, {
  outsideDomestic: { amount: "250000000", currency: "CNY" }
})
// #endregion decode

// #region problems
// Every problem at once, each with its record and field.
const broken = Snapshot.decode({
  ...input,
  projects: [
    { ...input.projects[0], unit: "nowhere" },
    { ...input.projects[1], events: [{ type: "signed", date: "2026-02-30" }] },
    { ...input.projects[2], secter: "secondary" }
  ]
})
equal(Result.isFailure(broken), true)
if (Result.isFailure(broken)) {
  const error: Snapshot.SnapshotError = broken.failure
  equal(error._tag, "SnapshotError")
  const problems: ReadonlyArray<Snapshot.Problem> = error.problems
  deepStrictEqual(
    problems.map((p) => `${p.record} ${p.field}`),
    // The fields first, then the references: the unknown unit is reported in the same run.
    ["project P-2 events[0].date", "project P-3 secter", "project P-1 unit"]
  )
  // Codes are stable: branch on them, never on the message.
  const misspelt: Snapshot.ProblemCode = "unexpected-key"
  equal(problems[1]!.code, misspelt)
}
// Shape problems come first; references are checked once the shape is right.
const dangling = Snapshot.decode({
  ...input,
  projects: [{ ...input.projects[0], unit: "nowhere" }]
})
equal(
  Result.isFailure(dangling) && dangling.failure.problems[0]?.message,
  "the unit nowhere is not a unit of the snapshot"
)
equal(Result.isFailure(Snapshot.decodeJson("{ not json")), true)
// #endregion problems

// #region effect
const program = Snapshot.decodeEffect(input).pipe(Effect.map((s) => s.units.length))
equal(Effect.runSync(program), 2)
// #endregion effect

// #region jsonSchema
const schema = Snapshot.jsonSchema() as {
  $schema: string
  $ref: string
  $defs: Record<string, { required?: Array<string>; format?: string }>
}
equal(schema.$schema, "https://json-schema.org/draft/2020-12/schema")
equal(schema.$ref, "#/$defs/Snapshot")
deepStrictEqual(schema.$defs.Snapshot?.required, ["asOf", "campaign", "units", "projects"])
equal(schema.$defs.LocalDate?.format, "date")

// #endregion jsonSchema

// #region calendar
// A county's own holiday, carried by the snapshot.
const county = Snapshot.calendarOf({
  calendar: { overrides: [{ date: "2026-11-23", working: false, name: "县庆" }] }
})
equal(Calendar.isWorkingDay(county, "2026-11-23"), false)
equal(Calendar.isWorkingDay(Snapshot.calendarOf(snapshot), "2026-11-23"), true)

// #endregion calendar

export { input as sampleInput, snapshot as sampleSnapshot }

// #region notices
// Valid, but holding what no result will count: a start after the as-of date.
const later = Result.getOrThrow(
  Snapshot.decode({
    asOf: "2026-04-10",
    campaign: {
      id: "c",
      title: "百日攻坚",
      kind: "hundred-day",
      window: { start: "2026-02-20", end: "2026-05-31" },
      phases: [],
      cadence: [],
      assessedUnitKinds: ["town"],
      targets: []
    },
    units: [{ id: "town-a", name: "甲镇", kind: "town" }],
    projects: [
      {
        id: "P-1",
        name: "P-1",
        unit: "town-a",
        sector: "secondary",
        events: [
          { type: "signed", date: "2026-03-01" },
          { type: "started", date: "2026-05-01" }
        ]
      }
    ]
  })
)
deepStrictEqual(
  Snapshot.notices(later).map((n) => `${n.record} ${n.field}: ${n.message}`),
  ["project P-1 events[1].date: dated 2026-05-01, after the as-of date 2026-04-10: not counted"]
)
// #endregion notices
