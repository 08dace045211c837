import { Calendar, type Snapshot } from "@gongjian/core"
import { Host } from "@gongjian/plugin-sdk"
import { Samples, ServiceAndExit } from "@gongjian/policies"
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"

// The sample of 001, as of 2026-11-22, with the default options:
// 3 months to start, 2 years to produce, 3 years to results (half the contract's
// tax per mu), 6 months from signing to start without land (签而不建), output
// per mu at least 0.6 of the contract a year into production, 30 days' warning.
const out = Host.run(
  Result.getOrThrow(Host.load([{ plugin: ServiceAndExit.policy }])),
  Samples.load("001-service-and-exit")
)

describe("001 三.(四): the exit mechanism", () => {
  it("finds each stalled project at its threshold", () => {
    // E1  land 7-31 + 3 months = 10-31, not started: 22 days → rectify
    // E10 producing since 2025-03-01 + 1 year = 2026-03-01; output per mu 250万 = 0.5 of 500万 < 0.6:
    //     266 days → clean up (低效)
    // E2  its contract fixes the start at 11-10 ("按照投资合同约定"), earlier than land 8-30 + 3 months
    //     = 11-30: 12 days past 11-10 → rectify (without the contract date, a warning, 8 days left)
    // E3  land 5-31 + 3 months = 8-31, + 30 days exempted = 9-30; rectification due 11-15 unresolved:
    //     7 days → escalated, the land reclaimed
    // E4  started 2024-09-01 + 2 years = 2026-09-01, not producing — but its contract fixes
    //     production by 2026-12-31, which is the deadline: not due, no warning before 12-01
    // E5  producing since 2023-06-30 + 3 years = 2026-06-30; tax per mu 12万 = 0.4 of 30万 < 0.5:
    //     145 days → land reclaimed (三年不见效)
    // E7  signed 3-10 + 6 months = 9-10, no land, not started: 73 days → exit (签而不建)
    // E8  signed 5-30 + 6 months = 11-30: 8 days left → warning
    expect(
      out.findings.map((f) => [
        f.project,
        f.rule,
        f.severity,
        f.action,
        f.daysOverdue ?? f.daysLeft
      ])
    ).toEqual([
      ["E1", "start-within-3-months", "breach", "rectify", 22],
      ["E10", "low-efficiency", "breach", "clean-up", 266],
      ["E2", "start-by-contract", "breach", "rectify", 12],
      ["E3", "start-within-3-months", "escalated", "reclaim-land", 7],
      ["E5", "results-within-3-years", "breach", "reclaim-land", 145],
      ["E7", "signed-not-built", "breach", "exit", 73],
      ["E8", "signed-not-built", "warning", "warn", 8]
    ])
    expect(out.findings.map((f) => f.messageId)).toEqual([
      "breach",
      "breach",
      "breach",
      "escalated",
      "breach",
      "breach",
      "warning"
    ])
    expect(out.findings[0]!.message.zh).toBe("E1：期限2026-10-31已过22天，建议限期整改")
    expect(out.findings[0]!.message.en).toBe(
      "E1: 22 days past 2026-10-31; order rectification by a deadline"
    )
  })

  it("keeps the late-but-met projects on record", () => {
    // E5 produced 2023-06-30, after 2021-05-01 + 2 years; E6 started 7-15, after 3-01 + 3 months.
    expect(out.resolved.map((r) => [r.project, r.rule, r.on])).toEqual([
      ["E5", "produce-within-2-years", "2023-06-30"],
      ["E6", "start-within-3-months", "2026-07-15"]
    ])
    expect(out.unevaluated).toEqual([])
  })
})

describe("001 三.(三): service", () => {
  const failing = out.verdicts
    .filter((v) => !v.pass)
    .map((v) => [
      v.gate,
      v.project,
      v.failures.map((f) => `${f.messageId} ${JSON.stringify(f.data)}`)
    ])
  it("checks the project manager, secretary and staff member of key projects (三.(三).1)", () => {
    // K2 has no secretary. "由1名县级干部担任项目经理、1名科级干部担任项目秘书": K4's manager is
    // recorded as 科级 (section), short of 县级; K1 and K3 are 县级 and 科级; K2's ranks are not
    // recorded, so they are not judged.
    expect(failing.filter(([g]) => g === "responsibility")).toEqual([
      ["responsibility", "K2", ['missing-role {"role":"secretary"}']],
      [
        "responsibility",
        "K4",
        ['rank-too-low {"role":"manager","rank":"section","required":"county"}']
      ]
    ])
  })
  it("checks the receipt slip (三.(三).4)", () => {
    expect(failing.filter(([g]) => g === "receipt-slip")).toEqual([
      ["receipt-slip", "K3", ["no-receipt {}"]]
    ])
  })
  it("checks 限时办结 in working days (三.(三).2)", () => {
    // K2 planning: materials 9-28 → due 10-08 (3 working days past the National Day holiday); closed 10-16:
    //   10-09, 10-10 (a working Saturday), 10-12 … 10-16 = 7 working days late.
    // K4 fire: materials Monday 11-16 → due 11-19; still open on Sunday 11-22: 1 working day (11-20).
    // K3's special case (10 working days) closed on its due date 10-16; K1's closed in time.
    expect(failing.filter(([g]) => g === "approval-sla")).toEqual([
      [
        "approval-sla",
        "K2",
        [
          'approval-late {"kind":"planning","department":"zrzy","due":"2026-10-08","workingDaysLate":7}'
        ]
      ],
      [
        "approval-sla",
        "K4",
        [
          'approval-overdue {"kind":"fire","department":"zj","due":"2026-11-19","workingDaysLate":1}'
        ]
      ]
    ])
  })
})

describe("001 三.(五): departments lose points for poor service", () => {
  it("scores complaints and late approvals", () => {
    // 自然资源局: a complaint −2 and K2's late planning approval −1 = −3; 住建局: K4 open past due −1.
    const a = out.assessments[0]!.assessment
    expect(a.units.map((u) => [u.unit, u.total, u.rank])).toEqual([
      ["fgj", "0", 1],
      ["sthj", "0", 1],
      ["zj", "-1", 3],
      ["zrzy", "-3", 4]
    ])
  })
})

describe("001 on the caller's calendar", () => {
  it("scores late approvals on the calendar the gates use, the caller's overrides included", () => {
    // A county works Saturday 2026-11-21 (调休). K4 fire: due Thursday 11-19, still
    // open on Sunday 11-22: working days past due are 11-20 and 11-21 = 2, not 1.
    const calendar = Calendar.make({
      overrides: [{ date: "2026-11-21", working: true, name: "县调休" }]
    })
    const o = Host.run(
      Result.getOrThrow(Host.load([{ plugin: ServiceAndExit.policy }])),
      Samples.load("001-service-and-exit"),
      { calendar }
    )
    expect(o.errors).toEqual([])
    const gate = o.verdicts.find((v) => v.gate === "approval-sla" && v.project === "K4")!
    expect(gate.failures[0]!.data).toMatchObject({ due: "2026-11-19", workingDaysLate: 2 })
    const zj = o.assessments[0]!.assessment.units.find((u) => u.unit === "zj")!
    const line = zj.lines.find((l) => l.item === "late-approvals")!
    expect(line.facts).toMatchObject({ due: "2026-11-19", workingDaysLate: 2 })
  })
})

describe("001 past the last State Council notice (2027, no notice published)", () => {
  const plugins = Result.getOrThrow(Host.load([{ plugin: ServiceAndExit.policy }]))
  const sample = (calendar?: Snapshot.Snapshot["calendar"]): Snapshot.Snapshot => ({
    ...Samples.load("001-service-and-exit"),
    asOf: "2027-01-08",
    ...(calendar ? { calendar } : {})
  })
  const note = "按法定节假日推算，待国务院通知"
  const approvalSla = (o: Host.Run) =>
    o.verdicts.filter((v) => v.gate === "approval-sla" && !v.pass).map((v) => v.failures)

  it("runs across New Year on the statutory holidays, and marks what they decided", () => {
    const o = Host.run(plugins, sample())
    expect(o.errors).toEqual([])
    // K4 fire: due Thursday 2026-11-19, still open on Friday 2027-01-08. Working days after
    // the due date: 11-20 (1), five weeks 11-23 … 12-25 (25), 12-28 … 12-31 (4) = 30 in 2026;
    // 2027: 元旦 Friday 1-1 is a statutory holiday (provisional), 1-4 … 1-8 (5) → 35.
    const [k4] = approvalSla(o).filter((f) => f[0]?.data.kind === "fire")
    expect(k4).toEqual([
      expect.objectContaining({
        messageId: "approval-overdue",
        data: {
          kind: "fire",
          department: "zj",
          due: "2026-11-19",
          workingDaysLate: 35,
          provisional: "2027"
        }
      })
    ])
    // Marked provisional, and the procedure named in words (消防, not "fire") in Chinese.
    expect(k4![0]!.message.zh.endsWith(`（${note}）`)).toBe(true)
    expect(/[A-Za-z]/.test(k4![0]!.message.zh)).toBe(false)
    // K2's approval closed in 2026: counted on the 2026 notice, not marked.
    const [k2] = approvalSla(o).filter((f) => f[0]?.data.kind === "planning")
    expect(k2![0]!.message.zh).not.toContain(note)
    // The department's score line carries the marking in its templated message.
    const zj = o.assessments[0]!.assessment.units.find((u) => u.unit === "zj")!
    const line = zj.lines.find((l) => l.item === "late-approvals")!
    expect(line.facts).toMatchObject({
      due: "2026-11-19",
      workingDaysLate: 35,
      provisional: "2027"
    })
    expect(line.message.zh).toContain(`（${note}）`)
    expect(line.message.en).toContain("pending the State Council's notice")
  })

  it("changes visibly when the 2027 notice is added, and the marking goes", () => {
    // An illustrative notice: 元旦 Friday 1-1 plus Monday 1-4 off (Saturday 1-9 worked).
    const o = Host.run(
      plugins,
      sample({
        overrides: [
          { date: "2027-01-01", working: false, name: "元旦" },
          { date: "2027-01-04", working: false, name: "元旦" },
          { date: "2027-01-09", working: true, name: "元旦调休" }
        ],
        coverYears: [2027]
      })
    )
    expect(o.errors).toEqual([])
    const [k4] = approvalSla(o).filter((f) => f[0]?.data.kind === "fire")
    expect(k4![0]!.data).toEqual({
      kind: "fire",
      department: "zj",
      due: "2026-11-19",
      workingDaysLate: 34
    })
    expect(k4![0]!.message.zh).not.toContain(note)
  })

  it("still fails in strict mode, with the calendar's error", () => {
    // What every run past 2026 did before the provisional calendar: the gate and the
    // score item that count working days both stop.
    const o = Host.run(plugins, sample({ outsideCoverage: "error" }))
    const coverage = expect.stringMatching(/covers 2004–2026, not 2027-01-01/)
    expect(o.errors).toEqual([
      expect.objectContaining({ _tag: "PluginRuntimeError", stage: "gates", detail: coverage }),
      expect.objectContaining({ _tag: "PluginRuntimeError", stage: "scoring", detail: coverage })
    ])
  })
})
