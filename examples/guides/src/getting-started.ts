// Getting started: exact money, working days, and a county campaign under a
// reference policy, from the policy's own targets to a ranking.
import { deepStrictEqual, equal } from "node:assert/strict"
import { Calendar, Campaign, Money, Snapshot } from "@gongjian/core"
import { Host } from "@gongjian/plugin-sdk"
import { InvestmentDrive, Policies } from "@gongjian/policies"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"

// Amounts as plans write them, exact: no floating point.
const goal = Money.parseUnsafe("3.8亿元")
const signed = Money.sumUnsafe([Money.parseUnsafe("1.2亿元"), Money.parseUnsafe("7600万元")])
equal(Money.format(signed), "1.96亿元")
equal(Money.isAtLeastUnsafe(signed, goal), false)

// Working days follow the State Council's notices, make-up working days (调休)
// included: three working days from Friday 2025-09-26 are 9-28 (a working
// Sunday), 9-29 and 9-30.
const calendar = Calendar.stateCouncil()
equal(Calendar.addWorkingDays(calendar, "2025-09-26", 3), "2025-09-30")

// A county adopts 002 (招商引资集中攻坚): one call builds the campaign from the
// policy's own targets and default options; the county adds its window and the
// unit kinds it assesses.
const campaign = Result.getOrThrow(
  Policies.campaign(InvestmentDrive.policy, {
    id: "investment-drive-2026",
    title: "招商引资集中攻坚",
    kind: "investment-drive",
    window: { start: "2026-08-01", end: "2026-09-30" },
    assessedUnitKinds: ["town"]
  })
)
equal(
  campaign.targets.some((t) => t.id === "fair-signings"),
  true
)

// The county's own facts: its towns and their projects, in the interchange
// format (JSON), with the campaign in its JSON form.
const signedAtFair = (id: string, unit: string, total: string) => ({
  id,
  name: `项目${id}`,
  unit,
  sector: "secondary",
  investment: { total },
  flags: ["signed-at-fair"],
  events: [{ type: "signed", date: "2026-08-20" }]
})
const decoded = Snapshot.decode({
  asOf: "2026-09-30",
  campaign: Schema.encodeSync(Campaign.Campaign)(campaign),
  units: [
    { id: "town-a", name: "甲镇", kind: "town" },
    { id: "town-b", name: "乙镇", kind: "town" }
  ],
  projects: [
    signedAtFair("A1", "town-a", "3亿元"),
    signedAtFair("A2", "town-a", "1.5亿元"),
    signedAtFair("B1", "town-b", "2亿元")
  ],
  activities: [],
  reports: []
})
// A snapshot with problems is a typed error naming every record and field.
if (Result.isFailure(decoded)) throw decoded.failure
const snapshot = decoded.success

// Load the policy (its options checked) and run it: exit findings, gate
// verdicts and the assessment, every line with its clause.
const host = Result.getOrThrow(Host.load([{ plugin: InvestmentDrive.policy }]))
const out = Host.run(host, snapshot)
deepStrictEqual(out.errors, [])
const assessment = out.assessments[0]!.assessment

// 002 二: each town signs two projects over 1亿 at the fair, worth 10 points
// (the default `signingPoints`). 甲镇 signed two: 2 / 2 × 10 = 10. 乙镇 signed
// one: 1 / 2 × 10 = 5.
const fairSignings = (unit: string) =>
  assessment.units.find((u) => u.unit === unit)!.lines.find((l) => l.item === "fair-signings")!
    .points
equal(fairSignings("town-a"), "10")
equal(fairSignings("town-b"), "5")
