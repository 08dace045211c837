import { Plugin } from "@gongjian/plugin-sdk"
import { PolicyTester } from "@gongjian/plugin-sdk/testing"
import { InvestmentDrive } from "@gongjian/policies"
import { describe, it } from "vitest"

PolicyTester.describe = describe
PolicyTester.it = it

// A county's 002 (招商引资集中攻坚) worth 12 points for the fair-signing target,
// not 10. Its items read 002's own targets: the tester's campaign has them.
const countyDrive = Plugin.extend(InvestmentDrive.policy, {
  meta: {
    id: "demo-county/investment-drive",
    version: "1.0.0",
    title: { zh: "某县招商引资集中攻坚", en: "a county's investment drive" },
    source: { document: "002", clauses: ["002 二", "002 四.4"] }
  },
  defaults: { signingPoints: 12 }
})

// A project of town u1 signed at the fair on 2026-03-10 (inside the tester's 2026
// campaign window), worth `total`.
const signedAtFair = (id: string, total: string) => ({
  id,
  name: `签约项目${id}`,
  unit: "u1",
  sector: "secondary",
  investment: { total },
  flags: ["signed-at-fair"],
  events: [{ type: "signed", date: "2026-03-10" }]
})

new PolicyTester({ plugin: countyDrive }).run("fair-signings", {
  valid: [
    // Nothing signed: 0 of 2, no points.
    { name: "nothing signed", snapshot: {} },
    // 0.8亿 is under the target's 1亿 floor: still 0 of 2.
    {
      name: "a signing under 1亿 does not count",
      snapshot: { projects: [signedAtFair("S1", "0.8亿元")] }
    }
  ],
  invalid: [
    {
      name: "one of the two fair signings",
      // 002 二: each town signs 2 projects over 1亿 at the fair. One signed:
      // 1 / 2 = 50%, linear, of the county's 12 points = 6.
      snapshot: { projects: [signedAtFair("S1", "3亿元")] },
      lines: [{ unit: "u1", messageId: "target", points: "6" }]
    },
    {
      name: "both signings: the whole 12",
      // 2 / 2 = 100% of 12 = 12.
      snapshot: { projects: [signedAtFair("S1", "3亿元"), signedAtFair("S2", "1亿元")] },
      lines: [{ unit: "u1", messageId: "target", points: "12" }]
    },
    {
      name: "the reference policy's 10 points, as an option",
      // 1 / 2 of 10 = 5.
      snapshot: { projects: [signedAtFair("S1", "3亿元")] },
      options: { signingPoints: 10 },
      lines: [{ unit: "u1", messageId: "target", points: "5" }]
    }
  ]
})
