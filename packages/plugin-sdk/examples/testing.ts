import { deepStrictEqual } from "node:assert/strict"
import {
  type Fragment,
  type InvalidCase,
  PolicyTester,
  type Runner,
  type ValidCase
} from "@gongjian/plugin-sdk/testing"
import { startPolicy } from "./startPolicy.js"

// #region tester
// In a vitest file: PolicyTester.describe = describe; PolicyTester.it = it. Any
// runner of that shape fits; this one records the names and runs the cases.
const names: Array<string> = []
const record: Runner = (name, fn) => {
  names.push(name)
  fn()
}
PolicyTester.describe = record
PolicyTester.it = record
const tester = new PolicyTester({ plugin: startPolicy })
const idle = (landSupplied: string): Fragment => ({
  projects: [
    {
      id: "P-1",
      name: "智能装备",
      unit: "u1",
      sector: "secondary",
      events: [
        { type: "signed", date: "2026-01-05" },
        { type: "land-supplied", date: landSupplied }
      ]
    }
  ]
})
// 10-01 + 3 months = 2027-01-01: not due, and the 30-day warning opens on 12-02.
const notDue: ValidCase = { name: "within three months", snapshot: idle("2026-10-01") }
// 6-01 + 3 months = 9-01; as of 11-22, 82 days overdue.
const overdue: InvalidCase = {
  name: "three months passed",
  snapshot: idle("2026-06-01"),
  findings: [
    {
      project: "P-1",
      messageId: "not-started",
      severity: "breach",
      data: { daysOverdue: 82, deadline: "2026-09-01" }
    }
  ]
}
tester.run("start-within-3-months", {
  valid: [
    notDue,
    // 7-01 + 6 months = 2027-01-01 under the county's option.
    {
      name: "within six months when the county says so",
      snapshot: idle("2026-07-01"),
      options: { startWithinMonths: 6 }
    }
  ],
  invalid: [
    overdue,
    {
      name: "a warning inside 30 days",
      snapshot: idle("2026-08-30"),
      findings: [
        { project: "P-1", messageId: "start-soon", severity: "warning", data: { daysLeft: 8 } }
      ]
    }
  ]
})
deepStrictEqual(names, [
  "demo-start/start-within-3-months",
  "valid",
  "within three months",
  "within six months when the county says so",
  "invalid",
  "three months passed",
  "a warning inside 30 days"
])
PolicyTester.describe = PolicyTester.it = undefined // cases run at once again
// #endregion tester
