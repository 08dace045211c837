import { equal } from "node:assert/strict"
import { Campaign } from "@gongjian/core"
import * as Schema from "effect/Schema"

// #region campaign
// 003 三: a construction year with three phases.
const year = Schema.decodeUnknownSync(Campaign.Campaign)({
  id: "construction-2026",
  title: "项目建设年",
  kind: "construction-year",
  window: { start: "2026-01-01", end: "2026-12-31" },
  phases: [
    { id: "mobilise", name: "动员部署", start: "2025-12-01", end: "2025-12-31" },
    { id: "implement", name: "组织实施", start: "2026-01-01", end: "2026-12-31" },
    { id: "assess", name: "考核总结", start: "2026-11-01", end: "2027-01-31" }
  ],
  cadence: [{ kind: "assessment", every: "quarter", name: "季度考核", clause: "003 四" }],
  assessedUnitKinds: ["department", "county", "zone-committee"],
  targets: []
})
equal(Campaign.phaseOn(year, "2026-11-22")?.name, "组织实施")
equal(Campaign.inWindow(year, "2027-01-05"), false)
// Its parts are schemas of their own, for a form that adds one of them.
const sprint = Schema.decodeUnknownSync(Campaign.Phase)({
  id: "sprint",
  name: "冲刺",
  start: "2026-10-01",
  end: "2026-10-31"
})
equal(Campaign.phaseOn({ phases: [sprint] }, "2026-10-08")?.id, "sprint")
const monthly = Schema.decodeUnknownSync(Campaign.Reporting)({
  kind: "dispatch",
  every: "month",
  name: "月调度"
})
equal(monthly.every, "month")
// 002's drive runs in August and September only.
const window = Schema.decodeUnknownSync(Campaign.DateRange)({
  start: "2026-08-01",
  end: "2026-09-30"
})
equal(Campaign.inWindow({ window }, "2026-10-01"), false)
equal(Schema.is(Campaign.CampaignKind)("百日攻坚"), false) // a kind is an id: "hundred-day"
// #endregion campaign
