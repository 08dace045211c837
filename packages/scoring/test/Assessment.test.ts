import { type Snapshot, View } from "@gongjian/core"
import { Assessment, ScoringItem, ScoringPolicy } from "@gongjian/scoring"
import * as BigDecimal from "effect/BigDecimal"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { snapshot } from "../examples/drive.js"

const title = { zh: "项", en: "item" }
const policyOf = (
  items: ReadonlyArray<ScoringItem.ScoringItem>,
  extra: Partial<ScoringPolicy.ScoringPolicy> = {}
): ScoringPolicy.ScoringPolicy => ({
  id: "p",
  version: "1",
  title,
  items,
  ...extra
})
const run = (policy: ScoringPolicy.ScoringPolicy, snap: Snapshot.Snapshot = snapshot) =>
  Result.getOrThrow(Assessment.run(policy, { view: View.make(snap) }))
const totals = (a: Assessment.Assessment) =>
  Object.fromEntries(a.units.map((u) => [u.unit, u.total]))

// fair-signings progress (as of 2026-10-15): town-a 2/2 = 1, street-b 1/2 = 0.5, park-c 1/2 = 0.5.
const targetItem = (curve: typeof ScoringItem.Curve.Type, extra = {}): ScoringItem.ScoringItem => ({
  kind: "target",
  id: "fair",
  title,
  clause: "002 二",
  target: "fair-signings",
  points: 10,
  curve,
  ...extra
})

describe("target completion", () => {
  it("linear: points × completion", () => {
    // 10 × 1 = 10; 10 × 0.5 = 5; departments have no share of the target: no line.
    expect(totals(run(policyOf([targetItem({ kind: "linear" })])))).toEqual({
      "town-a": "10",
      "street-b": "5",
      "park-c": "5",
      "dept-d": "0",
      "dept-e": "0"
    })
  })
  it("stepped: the share of the highest step reached", () => {
    const a = run(
      policyOf([
        targetItem({
          kind: "stepped",
          steps: [
            { atLeast: 0.5, share: 0.4 },
            { atLeast: 1, share: 1 }
          ]
        })
      ])
    )
    // 1 ≥ 1 → 10; 0.5 ≥ 0.5 → 10 × 0.4 = 4.
    expect(totals(a)["town-a"]).toBe("10")
    expect(totals(a)["street-b"]).toBe("4")
  })
  it("all-or-nothing", () => {
    const a = run(policyOf([targetItem({ kind: "all-or-nothing" })]))
    expect([totals(a)["town-a"], totals(a)["street-b"]]).toEqual(["10", "0"])
  })
  it("weights lines and caps the item, keeping lines and total equal", () => {
    // weight 1.5: town-a 15, street-b 7.5; max 12: town-a capped with a −3 line.
    const a = run(policyOf([targetItem({ kind: "linear" }, { weight: 1.5, max: 12 })]))
    const townA = a.units.find((u) => u.unit === "town-a")!
    expect(townA.lines.map((l) => l.points)).toEqual(["15", "-3"])
    expect(townA.total).toBe("12")
    expect(totals(a)["street-b"]).toBe("7.5")
    expect(townA.lines[0]!.arithmetic).toBe("(10 × min(1, 1) = 10) × 1.5 = 15")
    // The cap line's arithmetic is the adjustment: 12 − 15.
    expect(townA.lines[1]!.arithmetic).toBe("12 − 15 = -3")
  })
})

describe("exact completion", () => {
  const withTargets = (targets: Snapshot.Snapshot["campaign"]["targets"]): Snapshot.Snapshot => ({
    ...snapshot,
    campaign: { ...snapshot.campaign, targets }
  })
  it("multiplies points by the exact ratio, rounding once at six places", () => {
    // town-a signed 2 of a goal of 3: 10 × 2/3 = 6.666667 (not 10 × 0.6667 = 6.667);
    // street-b 1 of 3: 10 × 1/3 = 3.333333.
    const fair = snapshot.campaign.targets[0]!
    const s = withTargets([
      {
        ...fair,
        allocations: [
          { unit: "town-a", goal: 3 },
          { unit: "street-b", goal: 3 }
        ]
      }
    ])
    const a = run(policyOf([targetItem({ kind: "linear" })]), s)
    expect([totals(a)["town-a"], totals(a)["street-b"]]).toEqual(["6.666667", "3.333333"])
    const line = a.units.find((u) => u.unit === "town-a")!.lines[0]!
    expect(line.arithmetic).toBe("10 × min(0.666666…, 1) = 6.666667")
    // Shown as people read it: one decimal, half up (⅔ → 66.7%), in the facts the
    // message is written from.
    expect(line.facts.percent).toBe("66.7%")
    const street = a.units.find((u) => u.unit === "street-b")!.lines[0]!
    expect(street.facts.percent).toBe("33.3%")
  })
  it("a unit a hair short of its goal is vetoed and has not met the target", () => {
    // town-a's signed projects total 12亿 + 1.5亿 = 13.5亿 against 13.50001亿:
    // 0.99999925…, which a 4-place rounding showed as 1 and let through.
    const s = withTargets([
      {
        id: "inv",
        title: "投资",
        measure: "total-investment",
        scope: "area",
        goal: { amount: BigDecimal.fromBigInt(1_350_001_000n), currency: "CNY" },
        allocations: [
          {
            unit: "town-a",
            goal: { amount: BigDecimal.fromBigInt(1_350_001_000n), currency: "CNY" }
          }
        ],
        filter: { stage: "signed" }
      }
    ])
    const a = run(
      policyOf([targetItem({ kind: "all-or-nothing" }, { target: "inv" })], {
        vetoes: [
          {
            id: "v",
            title,
            clause: "000 二.(一).1",
            when: { kind: "target-missed", targets: ["inv"] },
            bars: ["top"]
          }
        ],
        tiers: [
          { kind: "top", id: "top", title, clause: "x", n: 1 },
          { kind: "targets", id: "met", title, clause: "x", targets: ["inv"], met: true }
        ]
      }),
      s
    )
    const townA = a.units.find((u) => u.unit === "town-a")!
    expect(townA.total).toBe("0")
    expect(townA.vetoes.map((v) => [v.veto, v.bars, v.reason])).toEqual([
      ["v", ["top"], "target inv: completion 0.999999… < 1 at its due date 2026-09-30"]
    ])
    // People read it with the target's title and its completion as a percentage that
    // does not round a miss up to 100%: 99.9%, one decimal.
    const m = townA.vetoes[0]!.message
    const inv = s.campaign.targets.find((t) => t.id === "inv")!
    for (const text of [m.zh, m.en]) {
      expect(text.includes(inv.title)).toBe(true)
      expect(text.includes("99.9%")).toBe(true)
    }
    expect(/[A-Za-z]/.test(m.zh.replaceAll(inv.title, ""))).toBe(false)
    expect(townA.vetoes[0]!.title).toEqual(title)
    expect(a.tiers.find((t) => t.id === "met")!.units).toEqual([])
  })
})

describe("deductions and floors", () => {
  it("a floor limits what an item can take away", () => {
    // street-b trips: the item is worth 3 for 3 trips; 2 made, 1 missing at 4 times its value:
    // 3 − 4 × 1 × (3 / 3) = −1, floored at 0 by a +1 line.
    const item: ScoringItem.ScoringItem = {
      kind: "activity-quota",
      id: "trips",
      title,
      clause: "002 三.1",
      activityFilter: { roles: ["principal"] },
      required: 3,
      points: 3,
      shortfallMultiplier: 4,
      min: 0,
      appliesTo: ["street"]
    }
    const b = run(policyOf([item])).units.find((u) => u.unit === "street-b")!
    expect(b.lines.map((l) => l.points)).toEqual(["3", "-4", "1"])
    expect(b.total).toBe("0")
    expect(b.lines[1]!.message.zh).toContain("本项最低0分")
  })
  it("002 四.4: each missing trip deducts twice its value from the item, T − 2 × m × (T / r)", () => {
    // The item is worth 10 for 3 principal trips, a trip 10/3. street-b made 2 (T-4, T-5):
    // 10 − 2 × 1 × 10/3 = 3.333333 (the deduction 6.666667 rounded once); park-c made 3: 10.
    // town-a made 3 too. Before, a trip earned its value and a missing one lost double on top:
    // 2 × 3.333333 − 2 × 3.333333 = 0, three times the trip's value lost.
    const item: ScoringItem.ScoringItem = {
      kind: "activity-quota",
      id: "trips",
      title: { zh: "主要负责人外出招商", en: "principal's trips" },
      clause: "002 四.4",
      activityFilter: { kinds: ["outbound-trip"], roles: ["principal"] },
      required: 3,
      points: 10,
      appliesTo: ["town", "street", "park"]
    }
    const a = run(policyOf([item]))
    expect([totals(a)["town-a"], totals(a)["street-b"], totals(a)["park-c"]]).toEqual([
      "10",
      "3.333333",
      "10"
    ])
    const lines = a.units.find((u) => u.unit === "street-b")!.lines
    expect(lines.map((l) => [l.points, l.arithmetic])).toEqual([
      ["10", "10"],
      ["-6.666667", "−2 × 1 × (10 / 3) = -6.666667"]
    ])
    // The deduction line says what the item comes to after it, as the total shows:
    // 10 − 6.666667 = 3.333333 (the first line is the item's value with the quota met).
    expect(lines[1]!.facts).toMatchObject({ count: 2, required: 3, missing: 1, net: "3.333333" })
    expect(lines[1]!.facts.net).toBe(totals(a)["street-b"])
    for (const l of lines) expect(/[A-Za-z]/.test(l.message.zh)).toBe(false)
    // Without a floor the item goes below 0: no trips at all is 10 − 2 × 3 × 10/3 = −10.
    const none = run(policyOf([item]), { ...snapshot, activities: [] })
    expect(totals(none)["town-a"]).toBe("-10")
  })
})

describe("vetoes and tiers", () => {
  const base = policyOf([targetItem({ kind: "linear" })], {
    vetoes: [
      {
        id: "v",
        title,
        clause: "000 二.(一).1",
        when: { kind: "target-missed", targets: ["fair-signings"] },
        bars: ["first"]
      }
    ],
    tiers: [
      { kind: "top", id: "first", title, clause: "x", n: 2 },
      { kind: "targets", id: "met", title, clause: "x", targets: ["fair-signings"], met: true },
      { kind: "targets", id: "missed", title, clause: "x", targets: ["fair-signings"], met: false },
      { kind: "min-score", id: "five", title, clause: "x", atLeast: 5 }
    ]
  })
  it("a vetoed unit keeps its score and rank, and the tier passes to the next unit", () => {
    const a = run(base)
    // Ranks: town-a 10 (1), park-c 5 (2), street-b 5 (2) — tied, earned equal, then by id —,
    // dept-d 0 (4), dept-e 0 (4).
    expect(a.units.map((u) => [u.unit, u.total, u.rank])).toEqual([
      ["town-a", "10", 1],
      ["park-c", "5", 2],
      ["street-b", "5", 2],
      ["dept-d", "0", 4],
      ["dept-e", "0", 4]
    ])
    // street-b and park-c are barred from "first": it goes to town-a and the
    // next eligible units, tied departments dept-d and dept-e (shared place 2).
    expect(a.tiers.find((t) => t.id === "first")!.units).toEqual(["town-a", "dept-d", "dept-e"])
    expect(a.tiers.find((t) => t.id === "met")!.units).toEqual(["town-a"])
    expect(a.tiers.find((t) => t.id === "missed")!.units).toEqual(["park-c", "street-b"])
    expect(a.tiers.find((t) => t.id === "five")!.units).toEqual(["town-a", "park-c", "street-b"])
    expect(a.units[2]!.vetoes.map((v) => [v.veto, v.bars, v.reason])).toEqual([
      ["v", ["first"], "target fair-signings: completion 0.5 < 1 at its due date 2026-09-30"]
    ])
  })
  it("says why each unit is in each of its tiers, in both languages", () => {
    const a = run(base)
    const fair = snapshot.campaign.targets.find((t) => t.id === "fair-signings")!
    for (const u of a.units) {
      // A reason for every tier the unit is in, and for no other.
      expect(Object.keys(u.tierReasons).sort()).toEqual([...u.tiers].sort())
      for (const why of Object.values(u.tierReasons)) {
        // Chinese without English words, percentages with one decimal.
        expect(/[A-Za-z]/.test(why.zh.replaceAll(fair.title, ""))).toBe(false)
        for (const text of [why.zh, why.en])
          for (const p of text.match(/[\d.]+%/g) ?? []) expect(p).toMatch(/^\d+\.\d%$/)
      }
    }
    // park-c is criticised for missing the target, and the reason names it: 1 of 2, 50.0%.
    const park = a.units.find((u) => u.unit === "park-c")!
    for (const text of [park.tierReasons.missed!.zh, park.tierReasons.missed!.en]) {
      expect(text.includes(fair.title)).toBe(true)
      expect(text.includes("50.0%")).toBe(true)
    }
  })
  it("broken ties give every unit its own rank", () => {
    const a = run({ ...base, ties: "broken" })
    expect(a.units.map((u) => u.rank)).toEqual([1, 2, 3, 4, 5])
    expect(a.units.map((u) => u.unit)).toEqual(["town-a", "park-c", "street-b", "dept-d", "dept-e"])
  })
})

describe("when a target's verdict is given", () => {
  // The drive's window is 8-01 … 9-30 (61 days): fair-signings is due 9-30. Signed at the
  // fair from 1亿: town-a F-1, F-2 (8-20); street-b F-3 (8-21); park-c F-6 (9-05) — F-5
  // (8000万) is under 1亿. Goals: 2 each.
  const base = policyOf([targetItem({ kind: "linear" })], {
    vetoes: [
      {
        id: "v",
        title,
        clause: "000 二.(一).1",
        when: { kind: "target-missed", targets: ["fair-signings"] },
        bars: ["first"]
      }
    ],
    tiers: [
      { kind: "top", id: "first", title, clause: "x", n: 1 },
      { kind: "targets", id: "met", title, clause: "x", targets: ["fair-signings"], met: true },
      { kind: "targets", id: "missed", title, clause: "x", targets: ["fair-signings"], met: false }
    ]
  })
  const at = (asOf: string, policy = base) =>
    Result.getOrThrow(Assessment.run(policy, { view: View.make(snapshot, { asOf }) }))
  const unit = (a: Assessment.Assessment, id: string) => a.units.find((u) => u.unit === id)!

  it("before the due date, a target below its goal is not missed: the verdict is pending", () => {
    // As of 8-25: 序时进度 25 / 61 = 0.4098. town-a 2/2 = 1: met already. street-b 1/2 = 0.5:
    // ahead. park-c 0/2 (F-6 signs 9-05): 40.98 points behind, red — at risk.
    const a = at("2026-08-25")
    expect(a.units.flatMap((u) => u.vetoes)).toEqual([])
    expect(a.tiers.map((t) => [t.id, t.units])).toEqual([
      ["first", ["town-a"]],
      ["met", ["town-a"]],
      ["missed", []]
    ])
    expect(unit(a, "street-b").pending).toEqual([
      {
        rule: "v",
        title,
        kind: "veto",
        due: "2026-09-30",
        atRisk: false,
        reason:
          "target fair-signings due 2026-09-30, not judged yet: completion 0.5, 序时进度 0.4098, ahead"
      },
      {
        rule: "met",
        title,
        kind: "tier",
        due: "2026-09-30",
        atRisk: false,
        reason:
          "target fair-signings due 2026-09-30, not judged yet: completion 0.5, 序时进度 0.4098, ahead"
      },
      {
        rule: "missed",
        title,
        kind: "tier",
        due: "2026-09-30",
        atRisk: false,
        reason:
          "target fair-signings due 2026-09-30, not judged yet: completion 0.5, 序时进度 0.4098, ahead"
      }
    ])
    expect(unit(a, "park-c").pending!.map((p) => [p.rule, p.atRisk, p.reason])).toEqual(
      ["v", "met", "missed"].map((rule) => [
        rule,
        true,
        "target fair-signings due 2026-09-30, not judged yet: completion 0, 序时进度 0.4098, red"
      ])
    )
    // town-a has met it; the departments have no share: nothing pending.
    expect(["town-a", "dept-d"].map((id) => unit(a, id).pending)).toEqual([undefined, undefined])
    // The explanation says why street-b is not vetoed yet: the veto, by its title (its id in
    // English), waits for the due date.
    const parkEn = Assessment.formatExplanation(Assessment.explain(a, "park-c")!, "en").split("\n")
    expect([parkEn[1]!.includes("[v]"), parkEn[1]!.includes("2026-09-30")]).toEqual([true, true])
    const streetZh = Assessment.formatExplanation(Assessment.explain(a, "street-b")!).split("\n")
    expect([streetZh[1]!.includes(title.zh), streetZh[1]!.includes("2026-09-30")]).toEqual([
      true,
      true
    ])
  })

  it("from the due date on, a target below its goal is missed", () => {
    // As of 9-30, the due date: street-b 1/2 and park-c 1/2 (F-6) → 0.5 < 1: vetoed, missed.
    const a = at("2026-09-30")
    expect(a.units.flatMap((u) => u.pending ?? [])).toEqual([])
    expect(a.tiers.map((t) => [t.id, t.units])).toEqual([
      ["first", ["town-a"]],
      ["met", ["town-a"]],
      ["missed", ["park-c", "street-b"]]
    ])
    expect(unit(a, "park-c").vetoes.map((v) => [v.veto, v.bars, v.reason])).toEqual([
      ["v", ["first"], "target fair-signings: completion 0.5 < 1 at its due date 2026-09-30"]
    ])
  })

  it("judged as of the assessment, a target below its goal is missed before its due date", () => {
    // An assessment that is the period's verdict: as of 8-25, street-b 0.5 and park-c 0 < 1.
    const asOf = at("2026-08-25", {
      ...base,
      vetoes: [
        {
          id: "v",
          title,
          clause: "004 plan 2",
          when: { kind: "target-missed", targets: ["fair-signings"], judged: "as-of" },
          bars: ["first"]
        }
      ],
      tiers: [
        { kind: "top", id: "first", title, clause: "x", n: 1 },
        {
          kind: "targets",
          id: "missed",
          title,
          clause: "x",
          targets: ["fair-signings"],
          met: false,
          judged: "as-of"
        }
      ]
    })
    expect(asOf.units.flatMap((u) => u.pending ?? [])).toEqual([])
    // In rank order: street-b 10 × 0.5 = 5 before park-c 0.
    expect(asOf.tiers.map((t) => [t.id, t.units])).toEqual([
      ["first", ["town-a"]],
      ["missed", ["street-b", "park-c"]]
    ])
    expect(unit(asOf, "park-c").vetoes.map((v) => [v.veto, v.bars, v.reason])).toEqual([
      [
        "v",
        ["first"],
        "target fair-signings: completion 0 < 1 as of 2026-08-25, judged by this assessment before its due date 2026-09-30"
      ]
    ])
  })

  it("a policy's verdict timing decodes from JSON, and anything else is refused", () => {
    const veto = {
      id: "v",
      title,
      clause: "x",
      when: { kind: "target-missed", targets: ["fair-signings"], judged: "as-of" },
      bars: []
    }
    expect(Schema.decodeUnknownSync(ScoringPolicy.Veto)(veto).when).toEqual(veto.when)
    expect(
      Schema.decodeUnknownExit(ScoringPolicy.Veto)({
        ...veto,
        when: { ...veto.when, judged: "later" }
      })._tag
    ).toBe("Failure")
  })
})

describe("groups", () => {
  it("ranks kinds no group names in an 'other' group rather than dropping them", () => {
    const a = run(policyOf([], { groups: [{ id: "towns", title, unitKinds: ["town"] }] }))
    expect(a.groups.map((g) => [g.id, g.units])).toEqual([
      ["towns", ["town-a"]],
      ["other", ["dept-d", "dept-e", "park-c", "street-b"]]
    ])
  })
})

describe("custom items and errors", () => {
  const custom = (compute: ScoringItem.CustomItem["compute"]): ScoringItem.CustomItem => ({
    kind: "custom",
    id: "c",
    title,
    clause: "local",
    compute
  })
  it("an item that throws is a typed error naming the item and the unit", () => {
    const r = Assessment.run(
      policyOf([
        custom(() => {
          throw new Error("boom")
        })
      ]),
      { view: View.make(snapshot) }
    )
    expect(Result.isFailure(r) && r.failure).toMatchObject({
      _tag: "AssessmentError",
      code: "item-threw",
      item: "c",
      unit: "town-a"
    })
    // What the item threw is kept, for a host to tell a write to its input from a bug.
    expect(Result.isFailure(r) && (r.failure.cause as Error).message).toBe("boom")
    expect(Result.isFailure(r) && r.failure.message).toBe(
      "Assessment by p (item c, unit town-a): the item threw: boom"
    )
  })
  it("a malformed line is a typed error", () => {
    const nan = Assessment.run(
      policyOf([
        custom(() => [
          { points: Number.NaN, facts: {}, arithmetic: "", message: { zh: "", en: "" } }
        ])
      ]),
      { view: View.make(snapshot) }
    )
    expect(Result.isFailure(nan) && nan.failure.detail).toBe(
      "line 0: points must be a finite number, got NaN"
    )
    expect(Result.isFailure(nan) && nan.failure.code).toBe("malformed-line")
    const missing = Assessment.run(policyOf([custom(() => [{ points: 1 } as never])]), {
      view: View.make(snapshot)
    })
    expect(Result.isFailure(missing) && missing.failure.detail).toBe(
      "line 0: facts must be an object"
    )
    const tooFine = Assessment.run(
      policyOf([
        custom(() => [
          { points: 0.0000001, facts: {}, arithmetic: "", message: { zh: "", en: "" } }
        ])
      ]),
      { view: View.make(snapshot) }
    )
    expect(Result.isFailure(tooFine)).toBe(true)
  })
  it("custom items cannot change the context", () => {
    const r = Assessment.run(
      policyOf([
        custom((ctx) => {
          ;(ctx as { asOf: string }).asOf = "2030-01-01"
          return []
        })
      ]),
      { view: View.make(snapshot) }
    )
    expect(Result.isFailure(r) && r.failure.detail).toMatch(
      /^the item threw: Cannot assign to read only property 'asOf'/
    )
  })
})

describe("items as data", () => {
  it("reads a start-outcomes item's default deadline as a date, and rejects a day that does not exist", () => {
    const item = (date: string) => ({
      kind: "start-outcomes",
      id: "starts",
      title: { zh: "按期开工", en: "starts" },
      clause: "002 三.2",
      filter: {},
      base: 2,
      defaultDeadline: { date }
    })
    const decode = Schema.decodeUnknownResult(ScoringItem.StartOutcomes)
    expect(Result.isSuccess(decode(item("2027-03-31")))).toBe(true)
    expect(Result.isFailure(decode(item("2027-02-30")))).toBe(true)
    expect(Result.isFailure(decode(item("明年3月")))).toBe(true)
  })
})

describe("records that cannot be counted", () => {
  it("are listed as rejected with the reason", () => {
    const item: ScoringItem.ScoringItem = {
      kind: "per-project",
      id: "usd",
      title,
      clause: "x",
      filter: { stage: "signed" },
      tiers: [{ from: { amount: BigDecimal.fromBigInt(10_000_000n), currency: "USD" }, points: 1 }]
    }
    const a = run(policyOf([item]))
    // F-5 has exited and is filtered out before its amount is read.
    expect(a.rejected.map((r) => [r.item, r.record])).toEqual([
      ["usd", "F-1"],
      ["usd", "F-2"],
      ["usd", "F-3"],
      ["usd", "F-4"],
      ["usd", "F-6"]
    ])
    for (const r of a.rejected) saysInChinese(r)
  })
  it("a project with an impossible history is listed, said why in Chinese", () => {
    // Started before it was signed: its history cannot be folded, no item counts it.
    const s: Snapshot.Snapshot = {
      ...snapshot,
      projects: snapshot.projects.map((p) =>
        p.id === "F-2" ? { ...p, events: [{ type: "started", date: "2026-01-01" }] } : p
      )
    }
    const rejected = run(policyOf([targetItem({ kind: "linear" })]), s).rejected
    expect(rejected.map((r) => [r.item, r.record])).toContainEqual([undefined, "F-2"])
    for (const r of rejected) saysInChinese(r)
  })
})

/**
 * A record not counted is said why in Chinese for Chinese views, and in
 * English as `reason` (the same text as `message.en`).
 */
const saysInChinese = (r: Assessment.Assessment["rejected"][number]) => {
  expect(r.message.zh).toMatch(/\p{Script=Han}/u)
  expect(r.message.en).toBe(r.reason)
}

describe("records dated after the snapshot's as-of date", () => {
  it("are listed as rejected, not silently ignored", () => {
    const s: Snapshot.Snapshot = {
      ...snapshot,
      activities: [
        ...(snapshot.activities ?? []),
        { id: "T-99", kind: "outbound-trip", unit: "town-a", role: "principal", date: "2026-10-20" }
      ]
    }
    const { rejected } = run(policyOf([targetItem({ kind: "linear" })]), s)
    expect(rejected).toMatchObject([
      {
        item: undefined,
        record: "T-99",
        reason: "dated 2026-10-20, after the snapshot's as-of date 2026-10-15: not counted"
      }
    ])
    saysInChinese(rejected[0]!)
  })

  it("a project's late event is listed whatever the view's date", () => {
    // F-2 starts on 2026-10-20, after the snapshot's as-of date 2026-10-15: a view as of
    // 2026-10-01, 2026-10-15 or 2026-10-31 lists it as rejected all the same.
    const s: Snapshot.Snapshot = {
      ...snapshot,
      projects: snapshot.projects.map((p) =>
        p.id === "F-2"
          ? { ...p, events: [...p.events, { type: "started", date: "2026-10-20" }] }
          : p
      )
    }
    const policy = policyOf([targetItem({ kind: "linear" })])
    for (const asOf of ["2026-10-01", "2026-10-15", "2026-10-31"]) {
      const a = Result.getOrThrow(Assessment.run(policy, { view: View.make(s, { asOf }) }))
      expect(a.rejected.filter((r) => r.record.startsWith("F-"))).toMatchObject([
        {
          item: undefined,
          record: "F-2@2026-10-20",
          reason: "dated 2026-10-20, after the snapshot's as-of date 2026-10-15: not counted"
        }
      ])
    }
  })
})

describe("money in another currency than its target", () => {
  // A USD paid-in FDI target fed CNY amounts: F-1 (12亿元) and F-2 (1.5亿元) of town-a.
  const usd: Snapshot.Snapshot = {
    ...snapshot,
    campaign: {
      ...snapshot.campaign,
      targets: [
        ...snapshot.campaign.targets,
        {
          id: "fdi",
          title: "实到外资",
          measure: "total-investment",
          scope: "area",
          goal: { amount: BigDecimal.fromBigInt(50_000_000n), currency: "USD" },
          allocations: [
            {
              unit: "town-a",
              goal: { amount: BigDecimal.fromBigInt(20_000_000n), currency: "USD" }
            }
          ],
          filter: { stage: "signed" }
        }
      ]
    }
  }
  it("is listed as rejected by a target item and by a veto, never a silent zero", () => {
    const viaItem = run(
      policyOf([targetItem({ kind: "linear" }, { id: "fdi-item", target: "fdi" })]),
      usd
    )
    const rejected = viaItem.rejected.filter((r) => r.record === "F-1" || r.record === "F-2")
    for (const r of rejected) saysInChinese(r)
    expect(rejected).toMatchObject([
      {
        item: "fdi-item",
        record: "F-1",
        reason: "target fdi: total investment is in CNY, the goal is in USD"
      },
      {
        item: "fdi-item",
        record: "F-2",
        reason: "target fdi: total investment is in CNY, the goal is in USD"
      }
    ])
    const viaVeto = run(
      policyOf([], {
        vetoes: [
          {
            id: "v",
            title,
            clause: "x",
            when: { kind: "target-missed", targets: ["fdi"] },
            bars: ["top"]
          }
        ],
        tiers: [{ kind: "top", id: "top", title, clause: "x", n: 1 }]
      }),
      usd
    )
    expect(viaVeto.rejected.map((r) => `${r.item ?? "-"} ${r.record}`)).toContain("- F-1")
  })
})

describe("exit-findings items", () => {
  const finding = (
    id: string,
    project: string,
    unit: string,
    cls: string,
    severity: "warning" | "breach" | "escalated"
  ) => ({ id, project, unit, class: cls, severity }) as const
  // In project order, as the exit engine gives them; F-3's two findings are
  // not in id order ("start/…" before "produce/…").
  const findings = [
    finding("start/F-1", "F-1", "town-a", "land-idle", "escalated"),
    finding("produce/F-2", "F-2", "town-a", "built-not-producing", "warning"),
    finding("start/F-3", "F-3", "street-b", "land-idle", "breach"),
    finding("produce/F-3", "F-3", "street-b", "built-not-producing", "breach"),
    finding("other/F-5", "F-5", "park-c", "other", "breach")
  ]
  const policy = policyOf([
    {
      kind: "exit-findings",
      id: "stalled",
      title,
      clause: "x",
      perClass: { "land-idle": -1, "built-not-producing": -2 }
    }
  ])
  const runWith = (list: ReadonlyArray<(typeof findings)[number]>) =>
    Result.getOrThrow(Assessment.run(policy, { view: View.make(snapshot), findings: list }))

  it("counts breaches and escalations by class, each unit's lines in finding id order", () => {
    // town-a: start/F-1 (escalated, land-idle) −1; produce/F-2 is a warning: not counted.
    // street-b: produce/F-3 −2 then start/F-3 −1 (id order) = −3. park-c: class "other" has
    // no points: nothing.
    const a = runWith(findings)
    const unit = (id: string) => a.units.find((u) => u.unit === id)!
    expect(unit("town-a").lines.map((l) => [l.facts.finding, l.points])).toEqual([
      ["start/F-1", "-1"]
    ])
    expect(unit("street-b").lines.map((l) => [l.facts.finding, l.points])).toEqual([
      ["produce/F-3", "-2"],
      ["start/F-3", "-1"]
    ])
    expect(totals(a)).toEqual({
      "town-a": "-1",
      "street-b": "-3",
      "park-c": "0",
      "dept-d": "0",
      "dept-e": "0"
    })
  })

  it("names the classes and severities in Chinese, in score lines and in a findings veto", () => {
    // street-b: two breaches (land-idle, built-not-producing), at least 2 → vetoed.
    const vetoed = policyOf(policy.items, {
      vetoes: [
        {
          id: "stalled-veto",
          title,
          clause: "x",
          when: { kind: "findings", classes: ["land-idle", "built-not-producing"], atLeast: 2 },
          bars: ["top"]
        }
      ],
      tiers: [{ kind: "top", id: "top", title, clause: "x", n: 1 }]
    })
    const a = Result.getOrThrow(Assessment.run(vetoed, { view: View.make(snapshot), findings }))
    const b = a.units.find((u) => u.unit === "street-b")!
    expect(b.vetoes.map((v) => v.veto)).toEqual(["stalled-veto"])
    const texts = [...b.vetoes.map((v) => v.message.zh), ...b.lines.map((l) => l.message.zh)]
    expect(texts).toHaveLength(3)
    // No class id, severity or other Latin word in the Chinese text.
    for (const zh of texts) {
      expect(zh).toMatch(/\p{Script=Han}/u)
      expect(zh.replace(/F-\d/g, "")).not.toMatch(/[A-Za-z]/)
    }
  })

  it("gives byte-identical assessments whatever the findings' order", () => {
    const reference = JSON.stringify(runWith(findings))
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), (seed) => {
        expect(JSON.stringify(runWith(shuffled(findings, seed)))).toBe(reference)
      }),
      { numRuns: 30 }
    )
  })

  it("a unit's lines are one array, the same on every read, copied by a spread", () => {
    const a = runWith(findings)
    const u = a.units.find((x) => x.unit === "street-b")!
    expect(u.lines).toBe(u.lines)
    const copy = { ...u }
    expect(copy.lines).toBe(u.lines)
    expect(Object.keys(copy)).toEqual(Object.keys(u))
    expect(JSON.parse(JSON.stringify(u)).lines).toHaveLength(2)
  })
})

// ── properties ─────────────────────────────────────────────────────────────
const fullPolicy = policyOf(
  [
    targetItem({ kind: "linear" }, { weight: 0.3 }),
    {
      kind: "per-project",
      id: "pp",
      title,
      clause: "x",
      filter: { stage: "signed" },
      tiers: [
        { from: { amount: BigDecimal.fromBigInt(100_000_000n), currency: "CNY" }, points: 2 },
        { from: { amount: BigDecimal.fromBigInt(1_000_000_000n), currency: "CNY" }, points: 5 }
      ]
    },
    { kind: "start-outcomes", id: "so", title, clause: "x", filter: { flags: ["key"] }, base: 3.5 },
    {
      kind: "activity-quota",
      id: "aq",
      title,
      clause: "x",
      activityFilter: { kinds: ["outbound-trip"] },
      required: 3,
      points: 2.1,
      weight: 1.25
    },
    { kind: "reported", id: "rp", title, clause: "x", key: "service-complaint", pointsEach: -1.5 }
  ],
  {
    vetoes: [
      {
        id: "v",
        title,
        clause: "x",
        when: { kind: "target-missed", targets: ["fair-signings"] },
        bars: ["top"]
      }
    ],
    tiers: [
      { kind: "top", id: "top", title, clause: "x", n: 2 },
      { kind: "bottom", id: "bottom", title, clause: "x", n: 2 },
      { kind: "targets", id: "missed", title, clause: "x", targets: ["fair-signings"], met: false },
      { kind: "min-score", id: "min", title, clause: "x", atLeast: 1 }
    ],
    groups: [{ id: "towns", title, unitKinds: ["town", "street", "park"] }]
  }
)

const shuffled = <A>(xs: ReadonlyArray<A>, seed: number): Array<A> => {
  const out = [...xs]
  let s = seed
  for (let k = out.length - 1; k > 0; k--) {
    s = (s * 1103515245 + 12345) % 2 ** 31
    const j = s % (k + 1)
    ;[out[k], out[j]] = [out[j]!, out[k]!]
  }
  return out
}

describe("properties", () => {
  it("the same inputs in any order give byte-identical assessments", () => {
    const reference = JSON.stringify(run(fullPolicy))
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), (seed) => {
        const s: Snapshot.Snapshot = {
          ...snapshot,
          units: shuffled(snapshot.units, seed),
          projects: shuffled(snapshot.projects, seed + 1).map((p) => ({
            ...p,
            events: shuffled(p.events, seed + 2)
          })),
          activities: shuffled(snapshot.activities ?? [], seed + 3),
          reports: shuffled(snapshot.reports ?? [], seed + 4)
        }
        expect(JSON.stringify(run(fullPolicy, s))).toBe(reference)
      }),
      { numRuns: 40 }
    )
  })

  it("mid-drive, with verdicts pending, the same inputs in any order give the same assessment", () => {
    // As of 8-25 street-b and park-c have the fair-signing verdict pending (due 9-30).
    const at = (s: Snapshot.Snapshot) =>
      JSON.stringify(
        Result.getOrThrow(
          Assessment.run(fullPolicy, { view: View.make(s, { asOf: "2026-08-25" }) })
        )
      )
    const reference = at(snapshot)
    expect(reference).toContain('"pending"')
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), (seed) => {
        const s: Snapshot.Snapshot = {
          ...snapshot,
          units: shuffled(snapshot.units, seed),
          projects: shuffled(snapshot.projects, seed + 1)
        }
        expect(at(s)).toBe(reference)
      }),
      { numRuns: 20 }
    )
  })

  it("a unit's lines add up exactly to its total, and its items to the same", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 3, noNaN: true }).map((w) => Math.round(w * 1000) / 1000),
        (w) => {
          const p = { ...fullPolicy, items: fullPolicy.items.map((i) => ({ ...i, weight: w })) }
          for (const u of run(p).units) {
            const lines = u.lines.reduce(
              (acc, l) => BigDecimal.sum(acc, BigDecimal.fromStringUnsafe(l.points)),
              BigDecimal.fromBigInt(0n)
            )
            const items = u.items.reduce(
              (acc, l) => BigDecimal.sum(acc, BigDecimal.fromStringUnsafe(l.points)),
              BigDecimal.fromBigInt(0n)
            )
            expect(BigDecimal.equals(lines, BigDecimal.fromStringUnsafe(u.total))).toBe(true)
            expect(BigDecimal.equals(items, BigDecimal.fromStringUnsafe(u.total))).toBe(true)
          }
        }
      ),
      { numRuns: 30 }
    )
  })

  it("ranking is a total order consistent with the totals", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 5, maxLength: 5 }),
        fc.constantFrom("shared" as const, "broken" as const),
        (pts, ties) => {
          // One custom item gives each unit its points.
          const ids = snapshot.units.map((u) => u.id)
          const p = policyOf(
            [
              {
                kind: "custom",
                id: "given",
                title,
                clause: "x",
                compute: (_ctx, unit) => [
                  {
                    points: pts[ids.indexOf(unit.id)]!,
                    facts: {},
                    arithmetic: "",
                    message: { zh: "", en: "" }
                  }
                ]
              }
            ],
            { ties }
          )
          const a = run(p)
          const ranks = a.units.map((u) => u.rank)
          const values = a.units.map((u) => Number(u.total))
          for (let i = 1; i < a.units.length; i++) {
            expect(values[i]!).toBeLessThanOrEqual(values[i - 1]!)
            if (ties === "broken") expect(ranks[i]).toBe(i + 1)
            else expect(ranks[i]).toBe(values[i] === values[i - 1] ? ranks[i - 1] : i + 1)
          }
        }
      ),
      { numRuns: 60 }
    )
  })
})
