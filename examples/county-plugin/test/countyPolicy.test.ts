import { PolicyTester } from "@gongjian/plugin-sdk/testing"
import { describe, it } from "vitest"
import { countyPolicy } from "../src/index.js"

PolicyTester.describe = describe
PolicyTester.it = it

const tester = new PolicyTester({ plugin: countyPolicy })

// A project supplied with land on `landSupplied` that has not started.
const idle = (landSupplied: string) => ({
  projects: [
    {
      id: "P-1",
      name: "精密机械",
      unit: "u1",
      sector: "secondary",
      events: [
        { type: "signed", date: "2026-01-05" },
        { type: "land-supplied", date: landSupplied }
      ]
    }
  ]
})

// 第五条: six months to start (as of 2026-11-22, the tester's default date).
tester.run("start-within-3-months", {
  valid: [
    // 7-01 + 6 months = 2027-01-01: not due, and its 30-day warning opens on 12-02.
    { name: "land supplied 2026-07-01 has until 2027-01-01", snapshot: idle("2026-07-01") },
    // 8-01 + 6 months = 2027-02-01. Under the reference policy's three months it
    // would be due 11-01 and 21 days overdue.
    { name: "three months have passed, six have not", snapshot: idle("2026-08-01") }
  ],
  invalid: [
    {
      name: "six months passed",
      // 2026-04-30 + 6 months = 10-30; as of 11-22, 23 days overdue.
      snapshot: idle("2026-04-30"),
      findings: [
        {
          project: "P-1",
          messageId: "breach",
          severity: "breach",
          data: { deadline: "2026-10-30", daysOverdue: 23 }
        }
      ]
    },
    {
      name: "the warning inside 30 days",
      // 2026-06-01 + 6 months = 12-01: 9 days left.
      snapshot: idle("2026-06-01"),
      findings: [
        { project: "P-1", messageId: "warning", severity: "warning", data: { daysLeft: 9 } }
      ]
    },
    {
      name: "the county may go back to three months",
      // 2026-08-01 + 3 months = 11-01: 21 days overdue.
      snapshot: idle("2026-08-01"),
      options: { startWithinMonths: 3 },
      findings: [
        { project: "P-1", messageId: "breach", data: { deadline: "2026-11-01", daysOverdue: 21 } }
      ]
    }
  ]
})

const specialised = (flags: ReadonlyArray<string>) => ({
  projects: [
    {
      id: "S-1",
      name: "精密传感器",
      unit: "u1",
      sector: "secondary",
      flags,
      events: [{ type: "signed", date: "2026-03-01" }]
    }
  ]
})

// 第九条: the bonus.
tester.run("specialised-bonus", {
  valid: [
    { name: "not a 专精特新 project", snapshot: specialised([]) },
    {
      name: "a bonus of 0 reports nothing",
      snapshot: specialised(["specialized-new"]),
      options: { specialisedBonus: 0 }
    }
  ],
  invalid: [
    {
      name: "a 专精特新 project earns the bonus",
      snapshot: specialised(["specialized-new"]),
      lines: [{ unit: "u1", messageId: "specialised", points: "2", data: { project: "S-1" } }]
    },
    {
      name: "the county raises it",
      snapshot: specialised(["specialized-new"]),
      options: { specialisedBonus: 5 },
      lines: [{ unit: "u1", messageId: "specialised", points: "5" }]
    }
  ]
})
