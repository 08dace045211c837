import { PolicyTester } from "@gongjian/plugin-sdk/testing"
import { describe, expect, it } from "vitest"
import { startPolicy } from "../examples/startPolicy.js"

PolicyTester.describe = describe
PolicyTester.it = it

const project = (flags: ReadonlyArray<string>, unit = "u1") => ({
  id: "P-1",
  name: "智能装备",
  unit,
  sector: "secondary",
  flags,
  events: [{ type: "signed", date: "2026-03-01" }]
})

// The tester used as a county would use it.
new PolicyTester({ plugin: startPolicy }).run("fair-bonus", {
  valid: [{ name: "no fair signing", snapshot: { projects: [project([])] } }],
  invalid: [
    {
      name: "signed at the fair",
      snapshot: { projects: [project(["signed-at-fair"])] },
      lines: [{ unit: "u1", messageId: "fair-bonus", points: "2", data: { project: "P-1" } }]
    },
    {
      name: "with a bigger bonus",
      snapshot: { projects: [project(["signed-at-fair"])] },
      options: { fairBonus: 5 },
      lines: [{ unit: "u1", messageId: "fair-bonus", points: "5" }]
    }
  ]
})

new PolicyTester({ plugin: startPolicy }).run("risk-gate", {
  valid: [{ snapshot: { projects: [project([])] } }],
  invalid: [
    {
      snapshot: { projects: [project(["high-energy"])] },
      failures: [{ project: "P-1", messageId: "flagged", data: { flag: "high-energy" } }]
    }
  ]
})

// The tester's own behaviour: run without a test runner, failures throw.
describe("PolicyTester", () => {
  const direct = (f: () => void) => {
    const d = PolicyTester.describe
    const i = PolicyTester.it
    PolicyTester.describe = undefined
    PolicyTester.it = undefined
    try {
      f()
    } finally {
      PolicyTester.describe = d
      PolicyTester.it = i
    }
  }
  const tester = new PolicyTester({ plugin: startPolicy })

  it("rejects a duplicate case", () => {
    const c = { snapshot: { projects: [project([])] } }
    expect(() =>
      direct(() => tester.run("fair-bonus", { valid: [c, { ...c }], invalid: [] }))
    ).toThrow(/Detected a duplicate valid case of fair-bonus/)
  })

  it("fails a valid case that reports", () => {
    expect(() =>
      direct(() =>
        tester.run("fair-bonus", {
          valid: [{ snapshot: { projects: [project(["signed-at-fair"])] } }],
          invalid: []
        })
      )
    ).toThrow("Should have reported nothing but had 1:\n  line u1 fair-bonus 2")
  })

  it("fails an invalid case whose data differ", () => {
    expect(() =>
      direct(() =>
        tester.run("fair-bonus", {
          valid: [],
          invalid: [
            {
              snapshot: { projects: [project(["signed-at-fair"])] },
              lines: [{ unit: "u1", messageId: "fair-bonus", data: { project: "P-2" } }]
            }
          ]
        })
      )
    ).toThrow('line 1 (u1 fair-bonus): data.project is "P-1", expected "P-2"')
  })

  it("validates a case's options against the schema", () => {
    expect(() =>
      direct(() =>
        tester.run("fair-bonus", { valid: [{ options: { fairBonus: "lots" } }], invalid: [] })
      )
    ).toThrow(
      /The plugin does not load with these options:\n {2}Plugin demo-start, options.fairBonus: Expected number/
    )
  })

  it("refuses a rule the plugin does not have", () => {
    expect(() => direct(() => tester.run("fair-bonuses", { valid: [{}], invalid: [] }))).toThrow(
      /demo-start has no rule fair-bonuses/
    )
  })

  it("reports a snapshot fragment that does not decode", () => {
    expect(() =>
      direct(() =>
        tester.run("fair-bonus", {
          valid: [{ snapshot: { projects: [{ id: "P-1" }] } }],
          invalid: []
        })
      )
    ).toThrow(/The case's snapshot is not valid/)
  })

  it("freezes the cases it is given", () => {
    const c = { snapshot: { projects: [project([])] } }
    direct(() => tester.run("fair-bonus", { valid: [c], invalid: [] }))
    expect(Object.isFrozen(c.snapshot.projects[0])).toBe(true)
  })
})
