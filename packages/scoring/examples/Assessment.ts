import { deepStrictEqual, equal, throws } from "node:assert/strict"
import { View } from "@gongjian/core"
import { Assessment, type Context, ScoringItem, ScoringPolicy } from "@gongjian/scoring"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { snapshot } from "./drive.js"

// #region policy
// 002 四.4 as data. "适当加分" is read as +2 per fair signing from 1亿, +5 from 10亿.
const policy = Schema.decodeUnknownSync(ScoringPolicy.PolicyData)({
  id: "county-drive",
  version: "1.0.0",
  title: { zh: "招商引资集中攻坚考核", en: "investment drive assessment" },
  items: [
    {
      kind: "per-project",
      id: "fair-bonus",
      title: { zh: "投洽会签约加分", en: "fair signing bonus" },
      clause: "002 四.4",
      filter: { stage: "signed", reachedWithin: "window", flags: ["signed-at-fair"] },
      tiers: [
        { from: "1亿元", points: 2 },
        { from: "10亿元", points: 5 }
      ]
    },
    {
      kind: "start-outcomes",
      id: "key-starts",
      title: { zh: "重点签约项目开工", en: "key signed projects started" },
      clause: "002 四.4",
      filter: { flags: ["key"] },
      base: 4
    },
    {
      kind: "activity-quota",
      id: "principal-trips",
      title: { zh: "主要负责人外出招商", en: "principal's investment trips" },
      clause: "002 三.1",
      activityFilter: { kinds: ["outbound-trip"], roles: ["principal"] },
      required: 3,
      points: 3,
      appliesTo: ["town", "street", "park"]
    },
    {
      kind: "activity-quota",
      id: "department-trips",
      title: { zh: "区直部门主要负责人外出招商", en: "department principal's trips" },
      clause: "002 三.1",
      activityFilter: { kinds: ["outbound-trip"], roles: ["department-principal"] },
      required: 2,
      points: 2,
      appliesTo: ["department"]
    },
    {
      kind: "reported",
      id: "service",
      title: { zh: "涉企服务扣分", en: "service deduction" },
      clause: "001 三.(五)",
      key: "service-complaint",
      pointsEach: -2,
      appliesTo: ["department"]
    }
  ],
  vetoes: [
    {
      id: "fair-target",
      title: { zh: "投洽会签约任务未完成", en: "fair signing target missed" },
      clause: "002 二",
      when: { kind: "target-missed", targets: ["fair-signings"] },
      bars: ["commended"]
    }
  ],
  tiers: [
    {
      kind: "top",
      id: "commended",
      title: { zh: "通报表扬", en: "commended" },
      clause: "002 四.4",
      n: 1
    },
    {
      kind: "bottom",
      id: "criticised",
      title: { zh: "通报批评", en: "criticised" },
      clause: "002 四.4",
      n: 1
    }
  ],
  groups: [
    {
      id: "towns",
      title: { zh: "街道镇、园区", en: "towns, streets, parks" },
      unitKinds: ["town", "street", "park"]
    },
    { id: "departments", title: { zh: "区直部门", en: "departments" }, unitKinds: ["department"] }
  ]
})
// Its parts, typed: what a county prints as the rules of its assessment.
const veto: ScoringPolicy.Veto = policy.vetoes![0]!
deepStrictEqual(veto.bars, ["commended"]) // a missed fair target bars praise, not the score
const praised: ScoringPolicy.Tier = policy.tiers![0]!
equal(praised.kind === "top" && praised.n, 1)
const towns: ScoringPolicy.Group = policy.groups![0]!
deepStrictEqual(towns.unitKinds, ["town", "street", "park"])
// #endregion policy

// #region judged
// The fair-signing veto as a county writes it, and the same veto judged as of the
// assessment (for an assessment that is itself the period's verdict).
const atDue = Schema.decodeUnknownSync(ScoringPolicy.Veto)(veto)
const judged: ScoringPolicy.Judged = "as-of"
const asOfVeto = Schema.decodeUnknownSync(ScoringPolicy.Veto)({
  ...veto,
  when: { ...veto.when, judged }
})
equal(atDue.when.kind === "target-missed" && atDue.when.judged, undefined) // at the due date
equal(asOfVeto.when.kind === "target-missed" && asOfVeto.when.judged, "as-of")
// Mid-drive, on 9-01, the fair-signing target (due 9-30) is not missed yet: 乙街道 has
// signed 1 of 2 (0.5) against 序时进度 32 / 61 = 0.5246, so it is not vetoed; its verdict is
// pending, and the explanation says so.
const midDrive = Result.getOrThrow(
  Assessment.run(policy, { view: View.make(snapshot, { asOf: "2026-09-01" }) })
)
const streetB = midDrive.units.find((u) => u.unit === "street-b")!
deepStrictEqual(streetB.vetoes, [])
deepStrictEqual(
  streetB.pending?.map((p) => [p.rule, p.kind, p.due, p.atRisk]),
  [["fair-target", "veto", "2026-09-30", false]]
)
equal(
  Assessment.formatExplanation(Assessment.explain(midDrive, "street-b")!, "en")
    .split("\n")
    .find((l) => l.includes("not judged yet")),
  "  veto fair signing target missed [fair-target] not judged yet: judged from 2026-09-30 (target fair-signings due 2026-09-30, not judged yet: completion 0.5, 序时进度 0.5246, on-track)"
)
// Judged as of the assessment, it vetoes 乙街道 on 9-01 already.
const early = Result.getOrThrow(
  Assessment.run(
    { ...policy, vetoes: [asOfVeto] },
    { view: View.make(snapshot, { asOf: "2026-09-01" }) }
  )
)
equal(early.units.find((u) => u.unit === "street-b")!.vetoes.length, 1)
// #endregion judged

// #region items
// Each kind of item is a schema of its own, and a DataItem is any of them: a
// form that edits one item decodes just that item.
const title = Schema.decodeUnknownSync(ScoringItem.Title)({ zh: "签约任务", en: "signings" })
// 80% of the fair target earns 60% of the item's 10 points; all of it, all 10.
const stepped = Schema.decodeUnknownSync(ScoringItem.Curve)({
  kind: "stepped",
  steps: [
    { atLeast: 0.8, share: 0.6 },
    { atLeast: 1, share: 1 }
  ]
})
const signings = Schema.decodeUnknownSync(ScoringItem.TargetCompletion)({
  kind: "target",
  id: "fair-signings",
  title,
  clause: "002 二",
  target: "fair-signings",
  points: 10,
  curve: stepped
})
const bigSignings = Schema.decodeUnknownSync(ScoringItem.PerProject)({
  kind: "per-project",
  id: "big-signings",
  title: { zh: "签约10亿元以上项目", en: "signings from 1 billion" },
  clause: "002 四.4",
  filter: { stage: "signed", reachedWithin: "window", minInvestment: "10亿元" },
  points: 3
})
// Without a contract start date, a project must start by March next year (002 三.2).
const starts = Schema.decodeUnknownSync(ScoringItem.StartOutcomes)({
  kind: "start-outcomes",
  id: "starts",
  title: { zh: "签约项目开工", en: "signed projects started" },
  clause: "002 三.2",
  filter: { stage: "signed" },
  base: 2,
  defaultDeadline: { date: "2027-03-31" }
})
const trips = Schema.decodeUnknownSync(ScoringItem.ActivityQuota)({
  kind: "activity-quota",
  id: "trips",
  title: { zh: "外出招商", en: "investment trips" },
  clause: "002 三.1",
  activityFilter: { kinds: ["outbound-trip"] },
  required: 3,
  points: 3
})
throws(() => Schema.decodeUnknownSync(ScoringItem.ActivityQuota)({ ...trips, required: 0 }))
const complaints = Schema.decodeUnknownSync(ScoringItem.Reported)({
  kind: "reported",
  id: "complaints",
  title: { zh: "投诉扣分", en: "complaints" },
  clause: "001 三.(五)",
  key: "service-complaint",
  pointsEach: -1
})
throws(() => Schema.decodeUnknownSync(ScoringItem.Points)(Number.POSITIVE_INFINITY))
const items: ReadonlyArray<ScoringItem.DataItem> = [
  signings,
  bigSignings,
  starts,
  trips,
  complaints
]
equal(items.every(Schema.is(ScoringItem.DataItem)), true)
equal(ScoringPolicy.check({ ...policy, items }, snapshot.campaign).length, 0)
// #endregion items

// #region run
const assessment = Result.getOrThrow(Assessment.run(policy, { view: View.make(snapshot) }))
const first: Assessment.UnitScore = assessment.units[0]!
equal(first.name, "甲镇")
// Worked by hand (002 四.4, as of 2026-10-15):
// Trips: the item is worth 3 for 3 trips (2 for a department's 2); each missing trip
// deducts twice its value from the item: T − 2 × m × (T / r).
// 甲镇 town-a: F-1 12亿 +5, F-2 1.5亿 +2; F-1 started 9-25 by 9-30: 4 × 1 = +4; 3 trips +3 → 14
// 乙街道 street-b: F-3 3亿 +2; F-3 started 10-08 after 9-15: 4 × 0.5 = +2;
//   F-4 not started, due 9-01: 4 × −0.5 = −2; 2 trips: 3 − 2 × 1 × (3 / 3) = 1 → 3
// 丙园区 park-c: F-6 20亿 +5 (F-5 is under 1亿); F-5 exited: 4 × −2 = −8; 3 trips +3 → 0
// 丁局 dept-d: 2 trips → 2;  戊局 dept-e: 1 trip: 2 − 2 × 1 × (2 / 2) = 0, a complaint −2 → −2
deepStrictEqual(
  assessment.units.map((u) => [u.group, u.unit, u.total, u.rank, u.tiers]),
  [
    ["towns", "town-a", "14", 1, ["commended"]],
    ["towns", "street-b", "3", 2, []],
    ["towns", "park-c", "0", 3, ["criticised"]],
    ["departments", "dept-d", "2", 1, ["commended"]],
    ["departments", "dept-e", "-2", 2, ["criticised"]]
  ]
)
// 乙街道 and 丙园区 signed one qualifying project of the two asked: vetoed from praise, score kept.
deepStrictEqual(
  assessment.units.filter((u) => u.vetoes.length > 0).map((u) => u.unit),
  ["street-b", "park-c"]
)
equal(assessment.policy.id, "county-drive")
// A trip dated after the snapshot's as-of date is not counted, and said so, in
// English (`reason`) and in Chinese (`message.zh`).
const withLate = Assessment.run(policy, {
  view: View.make({
    ...snapshot,
    activities: [
      ...(snapshot.activities ?? []),
      { id: "T-9", kind: "outbound-trip", unit: "town-a", role: "principal", date: "2026-10-20" }
    ]
  })
})
deepStrictEqual(
  Result.getOrThrow(withLate).rejected.map((r) => [r.record, r.message.zh]),
  [["T-9", "日期为2026-10-20，晚于快照的截止日期2026-10-15，不予计入"]]
)
// #endregion run

// #region explain
const why: Assessment.Explanation = Assessment.explain(assessment, "street-b")!
deepStrictEqual(
  why.items.map((i) => [i.item, i.points]),
  [
    ["fair-bonus", "2"],
    ["key-starts", "0"],
    ["principal-trips", "1"]
  ]
)
equal(
  why.items[1]!.lines[0]!.message.zh,
  "项目F-3（F-3）签约2026-08-21，开工期限2026-09-15，2026-10-08开工：未能如期开工，本项减半计分，+2分"
)
// Each line names its item, its clause and the facts it used.
const line: Assessment.ScoreLine = why.items[1]!.lines[0]!
equal(line.clause, "002 四.4")
const facts: Assessment.Facts = line.facts
deepStrictEqual(
  [facts.deadline, facts.started, facts.outcome],
  ["2026-09-15", "2026-10-08", "late"]
)
equal(line.arithmetic, "4 × 0.5 = 2")
// Items are named by their titles: in Chinese, no ids.
const item: Assessment.ItemTitle = assessment.items.find((i) => i.id === "key-starts")!
equal(why.items[1]!.title.zh, item.title.zh)
const text = Assessment.formatExplanation(why).split("\n")
equal(text[0], "乙街道：总分3，第2名")
// A veto says why, with the target's title; each item is named by its title.
equal(
  text[1],
  "  一票否决：投洽会签约任务未完成（「投洽会签约过亿元项目」完成率50.0%，未完成目标任务），不得评为通报表扬"
)
equal(text[2], "  投洽会签约加分（002 四.4）：2分")
equal(text.includes(`  ${item.title.zh}（002 四.4）：0分`), true)
// The English text adds the ids, for the technical reader.
equal(
  Assessment.formatExplanation(why, "en").split("\n")[2],
  "  fair signing bonus [fair-bonus] (002 四.4): 2"
)
// #endregion explain

// #region check
// A policy that names a target the campaign does not have is refused, with the path.
const broken = Assessment.run(
  {
    ...policy,
    items: [
      {
        kind: "target",
        id: "t",
        title: { zh: "x", en: "x" },
        clause: "x",
        target: "nope",
        points: 10,
        curve: { kind: "linear" }
      }
    ]
  },
  { view: View.make(snapshot) }
)
const refused = Result.isFailure(broken) ? broken.failure : undefined
equal(refused instanceof Assessment.AssessmentError && refused.code, "policy-mismatch")
equal(
  Result.isFailure(broken) && broken.failure.message,
  "Assessment by county-drive: items[0].target: the campaign has no target nope"
)
equal(ScoringPolicy.check(policy, snapshot.campaign).length, 0)
// The same check, before any run: every misfit, with its path.
const misfits: ReadonlyArray<ScoringPolicy.PolicyError> = ScoringPolicy.check(
  { ...policy, items: [...policy.items, policy.items[0]!] },
  snapshot.campaign
)
deepStrictEqual(
  misfits.map((e) => [e._tag, e.path]),
  [["PolicyError", "items[5].id"]]
)
// #endregion check

// #region custom
// A county item in code: +1 per 专精特新 project (none in this sample).
const specialised: ScoringItem.CustomItem = {
  kind: "custom",
  id: "specialised",
  title: { zh: "专精特新加分", en: "specialised SME bonus" },
  clause: "local",
  compute: (ctx: Context.Context, unit): ReadonlyArray<ScoringItem.CustomLine> =>
    ctx.snapshot.projects
      .filter((p) => p.unit === unit.id && p.flags?.includes("specialized-new"))
      .map((p) => ({
        points: 1,
        facts: { project: p.id },
        arithmetic: "1",
        message: { zh: `${p.name} +1`, en: `${p.name} +1` }
      }))
}
const withCustom: ReadonlyArray<ScoringItem.ScoringItem> = [...policy.items, specialised]
const custom = Result.getOrThrow(
  Assessment.run({ ...policy, items: withCustom }, { view: View.make(snapshot) })
)
equal(custom.units[0]!.total, "14")
// #endregion custom

// #region findings
// Exit findings can cost points: −1 per project with idle land.
const stalled = Schema.decodeUnknownSync(ScoringItem.ExitFindings)({
  kind: "exit-findings",
  id: "stalled",
  title: { zh: "问题项目扣分", en: "stalled projects" },
  clause: "001 三.(四)",
  perClass: { "land-idle": -1 }
})
// A finding of @gongjian/exit-rules has this shape and more.
const idle: Context.FindingLike = {
  id: "start/F-4",
  project: "F-4",
  unit: "street-b",
  class: "land-idle",
  severity: "breach"
}
const withFindings = Result.getOrThrow(
  Assessment.run({ ...policy, items: [stalled] }, { view: View.make(snapshot), findings: [idle] })
)
equal(withFindings.units.find((u) => u.unit === "street-b")!.total, "-1")
// #endregion findings
