import { readFileSync, writeFileSync } from "node:fs"
import { Snapshot } from "@gongjian/core"
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import { baseInput } from "./fixtures.js"

const problems = (input: unknown) => {
  const r = Snapshot.decode(input)
  return Result.isFailure(r) ? r.failure.problems : []
}

const project = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: id,
  unit: "town-a",
  sector: "secondary",
  events: [{ type: "signed", date: "2026-03-01" }],
  ...extra
})

describe("decode", () => {
  it("accepts a valid snapshot", () => {
    const input = { ...baseInput(), projects: [project("P-1")] }
    expect(problems(input)).toEqual([])
  })

  it("reports every shape problem at once, by record and field", () => {
    const input = {
      ...baseInput(),
      projects: [
        project("P-1", { sector: "quaternary" }),
        project("P-2", { investment: { total: "八亿元" } }),
        project("P-3", { events: [{ type: "signed", date: "2026-02-30" }] }),
        project("P-4", { unti: "town-a" })
      ]
    }
    expect(problems(input).map(({ record, field }) => `${record} · ${field}`)).toEqual([
      "project P-1 · sector",
      "project P-2 · investment.total",
      "project P-3 · events[0].date",
      "project P-4 · unti"
    ])
    const money = problems(input)[1]!
    expect(money.path).toBe("projects[1].investment.total")
    expect(money.message).toContain('"八亿元"')
  })

  it("gives every problem a stable code, and quotes the input once", () => {
    const input = {
      ...baseInput(),
      projects: [
        project("P-1", { sector: "quaternary" }),
        project("P-2", { investment: { total: "八亿元" } }),
        project("P-3", { events: [{ type: "signed", date: "2026-02-30" }] }),
        project("P-4", { unti: "town-a" })
      ]
    }
    const found = problems(input)
    expect(found.map((p) => p.code)).toEqual([
      "any-of",
      "invalid-value",
      "filter",
      "unexpected-key"
    ])
    // Money text the parser cannot read is quoted by its own message, not again after it.
    expect(found[1]!.message.split('"八亿元"')).toHaveLength(2)
    // Other messages say what was given.
    expect(found[0]!.message).toMatch(/, got "quaternary"$/)
    const refs = problems({
      ...baseInput(),
      projects: [project("P-1"), project("P-1"), project("P-2", { unit: "town-x" })]
    })
    expect(refs.map((p) => p.code)).toEqual(["duplicate-id", "unknown-unit"])
  })

  it("reports unknown units and duplicate ids beside malformed fields, in one run", () => {
    // A file with a malformed amount (P-1), an unknown unit (P-2), a
    // duplicate id (P-3 twice) and a report for a unit not in the file: every
    // problem is reported the first time, not the references only after the
    // fields are fixed.
    const input = {
      ...baseInput(),
      projects: [
        project("P-1", { investment: { total: "八亿元" } }),
        project("P-2", { unit: "town-x" }),
        project("P-3"),
        project("P-3"),
        // No id to read: its references cannot be checked, its id is reported.
        { name: "无编号", unit: "town-y" }
      ],
      reports: [
        {
          id: "R-1",
          measure: "fixed-asset-investment",
          unit: "nowhere",
          on: "2026-03-31",
          value: "1亿元"
        }
      ]
    }
    expect(problems(input).map((p) => `${p.code} · ${p.record} · ${p.field}`)).toEqual([
      "invalid-value · project P-1 · investment.total",
      "missing-key · project #4 · id",
      "missing-key · project #4 · sector",
      "missing-key · project #4 · events",
      "duplicate-id · project P-3 · id",
      "unknown-unit · project P-2 · unit",
      "unknown-unit · report R-1 · unit"
    ])
  })

  it("does not report a reference twice when its field is malformed", () => {
    const input = { ...baseInput(), projects: [project("P-1", { unit: 7 })] }
    expect(problems(input).map((p) => `${p.record} · ${p.field}`)).toEqual(["project P-1 · unit"])
  })

  it("names a record without an id by its position", () => {
    const input = { ...baseInput(), projects: [{ name: "无编号" }] }
    expect(problems(input)[0]).toMatchObject({ record: "project #0", field: "id" })
  })

  it("reports duplicate ids and dangling references", () => {
    const input = {
      ...baseInput(),
      projects: [project("P-1"), project("P-1"), project("P-2", { unit: "town-x" })],
      activities: [
        { id: "A-1", kind: "outbound-trip", unit: "town-a", date: "2026-03-01", projects: ["P-9"] }
      ],
      reports: [
        {
          id: "R-1",
          measure: "fixed-asset-investment",
          unit: "nowhere",
          on: "2026-03-31",
          value: "1亿元"
        }
      ]
    }
    expect(problems(input).map((p) => `${p.record} · ${p.field} · ${p.message}`)).toEqual([
      "project P-1 · id · the id P-1 is already used by projects[0]",
      "project P-2 · unit · the unit town-x is not a unit of the snapshot",
      "activity A-1 · projects[0] · project P-9 is not in the snapshot",
      "report R-1 · unit · the unit nowhere is not a unit of the snapshot"
    ])
  })

  it("reports unit cycles, inverted windows and impossible histories", () => {
    const input = baseInput()
    input.units.push(
      { id: "loop-a", name: "a", kind: "town", parent: "loop-b" },
      { id: "loop-b", name: "b", kind: "town", parent: "loop-a" }
    )
    input.campaign.window = { start: "2026-06-01", end: "2026-05-31" }
    input.projects = [project("P-1", { events: [{ type: "started", date: "2026-03-01" }] })]
    expect(problems(input).map((p) => `${p.record ?? "-"} · ${p.path} · ${p.message}`)).toEqual([
      "unit loop-a · units[5].parent · the unit is its own ancestor",
      "unit loop-b · units[6].parent · the unit is its own ancestor",
      "- · campaign.window.end · the window ends (2026-05-31) before it starts (2026-06-01)",
      "project P-1 · projects[0].events[0] · a history cannot begin with started; it begins with planned, negotiating, signed"
    ])
  })

  it("reports bad JSON text as a problem", () => {
    const r = Snapshot.decodeJson('{"asOf": ')
    expect(Result.isFailure(r) && r.failure.problems[0]?.message).toMatch(/^not JSON: /)
  })

  it("summarises its problems in the error message", () => {
    const r = Snapshot.decode({ ...baseInput(), asOf: "yesterday" })
    expect(Result.isFailure(r) && r.failure.message).toBe(
      'The snapshot has 1 problem(s):\n  asOf: Expected a calendar date written YYYY-MM-DD, got "yesterday"'
    )
  })

  it("decodes and encodes money in both written forms", () => {
    const input = {
      ...baseInput(),
      projects: [
        project("P-1", {
          investment: { total: "2.5亿元", contractForeign: { amount: "10000000", currency: "USD" } }
        })
      ]
    }
    const s = Result.getOrThrow(Snapshot.decode(input))
    const encoded = Snapshot.encode(s) as { projects: Array<{ investment: unknown }> }
    expect(encoded.projects[0]!.investment).toEqual({
      total: { amount: "250000000", currency: "CNY" },
      contractForeign: { amount: "10000000", currency: "USD" }
    })
    expect(problems(JSON.parse(JSON.stringify(encoded)))).toEqual([])
  })
})

describe("silent data", () => {
  const target = (extra: Record<string, unknown>) => ({
    id: "T",
    title: "t",
    measure: "projects",
    scope: "area",
    goal: 3,
    ...extra
  })
  it("accepts a UTF-8 byte-order mark before the JSON", () => {
    const text = `\uFEFF${JSON.stringify({ ...baseInput(), projects: [project("P-1")] })}`
    expect(Result.isSuccess(Snapshot.decodeJson(text))).toBe(true)
  })
  it("rejects negative money where a negative amount has no meaning", () => {
    const input = {
      ...baseInput(),
      projects: [
        project("P-1", { investment: { total: "-1.2亿元" } }),
        project("P-2", {
          events: [
            { type: "signed", date: "2026-03-01" },
            { type: "funds-arrived", date: "2026-03-02", amount: { amount: "-5", currency: "CNY" } }
          ]
        })
      ]
    }
    input.campaign.targets = [target({ measure: "total-investment", goal: "-3亿元" })]
    const found = problems(input).map((p) => `${p.record} ${p.field}`)
    expect(found).toEqual([
      "target T goal",
      "project P-1 investment.total",
      "project P-2 events[1].amount"
    ])
    expect(problems(input)[1]!.message).toContain("negative")
  })
  it("rejects a rate target with a money goal and any goal of 0", () => {
    const input = baseInput()
    input.campaign.targets = [
      target({ id: "R", measure: "start-rate", goal: "1亿元" }),
      target({ id: "Z", goal: 0 }),
      target({ id: "A", goal: 2, allocations: [{ unit: "town-a", goal: 0 }] }),
      target({ id: "M", measure: "total-investment", goal: "0元" })
    ]
    expect(problems(input).map((p) => `${p.record} ${p.field}: ${p.message}`)).toEqual([
      "target R goal: a start-rate target's goal is a share between 0 and 1, not money",
      "target Z goal: a goal of 0 cannot be completed or missed",
      "target A allocations[0].goal: a goal of 0 cannot be completed or missed",
      "target M goal: a goal of 0 cannot be completed or missed"
    ])
  })
  it("reports, without rejecting, events and records dated after the as-of date", () => {
    const input = {
      ...baseInput(),
      projects: [
        project("P-1", {
          events: [
            { type: "signed", date: "2026-03-01" },
            { type: "started", date: "2026-05-01" }
          ]
        })
      ],
      activities: [{ id: "A-1", unit: "town-a", kind: "outbound-trip", date: "2026-04-11" }],
      reports: [{ id: "R-1", measure: "reported", on: "2026-06-01", value: 1 }]
    }
    const s = Result.getOrThrow(Snapshot.decode(input))
    expect(Snapshot.notices(s).map((n) => `${n.record} ${n.field}: ${n.message}`)).toEqual([
      "project P-1 events[1].date: dated 2026-05-01, after the as-of date 2026-04-10: not counted",
      "activity A-1 date: dated 2026-04-11, after the as-of date 2026-04-10: not counted",
      "report R-1 on: dated 2026-06-01, after the as-of date 2026-04-10: not counted"
    ])
  })
  it("reports, without rejecting, money in another currency than its target", () => {
    const input = {
      ...baseInput(),
      projects: [project("P-1", { investment: { paidInForeign: "2400万元" } })]
    }
    input.campaign.targets = [target({ id: "F", measure: "paid-in-fdi", goal: "5000万美元" })]
    const s = Result.getOrThrow(Snapshot.decode(input))
    expect(Snapshot.notices(s).map((n) => `${n.record} ${n.field}: ${n.message}`)).toEqual([
      "project P-1 investment.paidInForeign: paid-in FDI is in CNY, target F's goal is in USD: not counted"
    ])
  })
})

describe("the JSON Schema", () => {
  const file = new URL("../schema/snapshot.schema.json", import.meta.url)
  const generated = `${JSON.stringify(Snapshot.jsonSchema(), null, 2)}\n`

  it("shipped with the package is the one the schemas generate", () => {
    if (process.env.GONGJIAN_UPDATE_SCHEMA === "1") writeFileSync(file, generated)
    // Run `pnpm schema:update` after changing a schema.
    expect(readFileSync(file, "utf8")).toBe(generated)
  })

  it("describes dates, money and closed records", () => {
    const s = JSON.parse(generated)
    expect(s.$defs.LocalDate).toMatchObject({ type: "string", format: "date" })
    expect(s.$defs.NonNegativeMoney.anyOf).toHaveLength(2)
    expect(s.$defs.Project.additionalProperties).toBe(false)
  })
})
