import { deepStrictEqual } from "node:assert/strict"
import { View } from "@gongjian/core"
import { Assessment, Composite } from "@gongjian/scoring"
import * as Result from "effect/Result"
import { snapshot } from "./drive.js"

// #region combine
// 003 四: quarterly and year-end assessments combined. Here two runs of a
// one-item policy (principal trips, worth 3 for 3 required) as of two dates.
const policy = {
  id: "trips",
  version: "1",
  title: { zh: "外出招商", en: "trips" },
  items: [
    {
      kind: "activity-quota" as const,
      id: "trips",
      title: { zh: "外出招商", en: "trips" },
      clause: "002 三.1",
      activityFilter: { roles: ["principal" as const] },
      required: 3,
      points: 3,
      appliesTo: ["town" as const, "street" as const]
    }
  ]
}
const q3 = Result.getOrThrow(
  Assessment.run(policy, { view: View.make(snapshot, { asOf: "2026-08-31" }) })
)
const year = Result.getOrThrow(Assessment.run(policy, { view: View.make(snapshot) }))
// Each missing trip deducts twice its value (3 / 3 = 1) from the item's 3 (002 四.4).
// town-a: by 8-31 two trips, one missing: 3 − 2 = 1; by 10-15: 3 → 3.
// street-b: by 8-31 one trip: 3 − 4 = −1; by 10-15: 2 trips: 3 − 2 = 1.
// Composite 0.4 × Q3 + 0.6 × year: town-a 0.4 + 1.8 = 2.2; street-b −0.4 + 0.6 = 0.2.
const composite = Composite.combine({
  id: "year-2026",
  version: "1",
  units: snapshot.units.filter((u) => u.kind === "town" || u.kind === "street"),
  periods: [
    { label: "2026-Q3", title: { zh: "三季度考核", en: "2026-Q3" }, weight: 0.4, assessment: q3 },
    { label: "year", title: { zh: "年终考核", en: "year" }, weight: 0.6, assessment: year }
  ],
  tiers: [
    {
      kind: "top",
      id: "commended",
      title: { zh: "通报表扬", en: "commended" },
      clause: "003 四",
      n: 1
    }
  ]
})
deepStrictEqual(
  composite.units.map((u) => [u.unit, u.total, u.rank, u.tiers]),
  [
    ["town-a", "2.2", 1, ["commended"]],
    ["street-b", "0.2", 2, []]
  ]
)
// Each period is a line, named in Chinese by its title, in English by its label.
deepStrictEqual(
  composite.units[0]!.lines.map((l) => [l.item, l.message.zh]),
  [
    ["2026-Q3", "三季度考核：得分1，权重0.4，计0.4分"],
    ["year", "年终考核：得分3，权重0.6，计1.8分"]
  ]
)
// #endregion combine
