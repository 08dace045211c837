import { type Project, Snapshot, View } from "@gongjian/core"
import { ExitEngine } from "@gongjian/exit-rules"
import { Assessment, type ScoringPolicy, Session } from "@gongjian/scoring"
import * as Result from "effect/Result"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { generate, policy, rules } from "../../../bench/workload.js"

// A session re-assesses after one unit's submission; whatever the unit
// submits (projects dropped, added, moved on or back a stage, amounts
// changed), the assessment equals running the whole snapshot again, byte for
// byte — for the bench's policy (worked out unit by unit) and for one with a
// custom item reading every finding (run whole on the kept timelines).

const UNITS = 12
const base = Result.getOrThrow(Snapshot.decode(generate(240, 20261122, UNITS)))
// Spare projects to submit, with ids of their own.
const spare = Result.getOrThrow(Snapshot.decode(generate(60, 7, UNITS))).projects.map((p) => ({
  ...p,
  id: `S${p.id}`
}))
const findings = (view: View.View) => ExitEngine.evaluate({ rules, view }).findings

const withCustom: ScoringPolicy.ScoringPolicy = {
  ...policy,
  id: "bench-custom",
  items: [
    ...policy.items,
    {
      kind: "custom",
      id: "breaches-seen",
      title: { zh: "问题项目数", en: "breaches seen" },
      clause: "bench",
      compute: (context, unit) => {
        const n = context.findings.filter(
          (f) => f.unit === unit.id && f.severity === "breach"
        ).length
        return n === 0
          ? []
          : [
              {
                points: -0.5 * n,
                facts: { breaches: n },
                arithmetic: `−0.5 × ${n}`,
                message: { zh: `问题项目${n}个`, en: `${n} breaches` }
              }
            ]
      }
    }
  ],
  tiers: [
    {
      kind: "min-score",
      id: "good",
      title: { zh: "良好", en: "good" },
      clause: "bench",
      atLeast: 4
    }
  ]
}

/** One unit's new list: some of its projects kept (some cut back to fewer events), some spare ones added. */
const submission = fc.record({
  unit: fc.integer({ min: 0, max: UNITS - 1 }).map((u) => `u${String(u).padStart(4, "0")}`),
  keep: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
  cut: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 40, maxLength: 40 }),
  add: fc.subarray(
    spare.map((_, i) => i),
    { maxLength: 4 }
  )
})

const full = (p: ScoringPolicy.ScoringPolicy, projects: ReadonlyArray<Project.Project>) => {
  const view = View.make({ ...base, projects })
  return Result.getOrThrow(Assessment.run(p, { view, findings: findings(view) }))
}

describe("Session", () => {
  it.each([
    ["the bench's policy, unit by unit", policy, true],
    ["a policy with a custom item, run whole", withCustom, false]
  ] as const)("%s: equals the whole run after random submissions", (_name, p, incremental) => {
    fc.assert(
      fc.property(fc.array(submission, { minLength: 1, maxLength: 3 }), (subs) => {
        const session = Result.getOrThrow(Session.make(p, { snapshot: base, findings }))
        expect(session.incremental).toBe(incremental)
        expect(JSON.stringify(session.assessment)).toBe(JSON.stringify(full(p, base.projects)))
        // The snapshot as a county would hold it: other units' projects in their order.
        let projects: ReadonlyArray<Project.Project> = base.projects
        const used = new Set<number>()
        for (const s of subs) {
          const own = projects.filter((x) => x.unit === s.unit)
          const next: Array<Project.Project> = []
          own.forEach((x, i) => {
            if (!(s.keep[i % 40] ?? true)) return
            const cut = s.cut[i % 40] ?? 0
            next.push(
              cut === 0
                ? x
                : { ...x, events: x.events.slice(0, Math.max(0, x.events.length - cut)) }
            )
          })
          for (const i of s.add)
            if (!used.has(i)) {
              used.add(i)
              next.push({ ...spare[i]!, unit: s.unit })
            }
          projects = [...projects.filter((x) => x.unit !== s.unit), ...next]
          const r = session.submit(s.unit, next)
          expect(Result.isSuccess(r)).toBe(true)
          expect(JSON.stringify(session.assessment)).toBe(JSON.stringify(full(p, projects)))
        }
      }),
      { numRuns: 25 }
    )
  })

  it("refuses a submission naming another unit's project, by code", () => {
    const session = Result.getOrThrow(Session.make(policy, { snapshot: base, findings }))
    const other = base.projects.find((p) => p.unit !== "u0000")!
    const r = session.submit("u0000", [{ ...other, unit: "u0000" }])
    expect(Result.isFailure(r) && r.failure.code).toBe("duplicate-project")
    const wrong = session.submit("u0000", [other])
    expect(Result.isFailure(wrong) && wrong.failure.code).toBe("wrong-unit")
  })
})
