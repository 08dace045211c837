import { Snapshot } from "@gongjian/core"
import { ExitRule } from "@gongjian/exit-rules"
import { Host, Plugin } from "@gongjian/plugin-sdk"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"
import { startPolicy } from "../examples/startPolicy.js"

const snapshot = () =>
  Result.getOrThrow(
    Snapshot.decode({
      asOf: "2026-11-22",
      campaign: {
        id: "c",
        title: "t",
        kind: "other",
        window: { start: "2026-01-01", end: "2026-12-31" },
        phases: [],
        cadence: [],
        assessedUnitKinds: ["town"],
        targets: []
      },
      units: [{ id: "u1", name: "甲镇", kind: "town" }],
      projects: [
        {
          id: "P-1",
          name: "智能装备",
          unit: "u1",
          sector: "secondary",
          flags: ["signed-at-fair"],
          land: { occupiesFarmland: true },
          events: [
            { type: "signed", date: "2026-03-01" },
            { type: "land-supplied", date: "2026-04-30" }
          ]
        }
      ]
    })
  )

const withContents = (id: string, contents: Plugin.Contents): Plugin.Plugin<unknown> =>
  ({
    ...startPolicy,
    meta: { ...startPolicy.meta, id },
    create: () => contents
  }) as Plugin.Plugin<unknown>
const custom = (id: string, compute: (ctx: never, unit: never) => unknown): Plugin.Contents => ({
  scoring: {
    items: [
      { kind: "custom", id, title: { zh: "x", en: "x" }, clause: "x", compute: compute as never }
    ]
  }
})
const errorsOf = (r: Result.Result<unknown, ReadonlyArray<Host.PluginLoadError>>) =>
  Result.isFailure(r) ? r.failure.map((e) => `${e.plugin} ${e.problem} ${e.path}: ${e.detail}`) : []

describe("load", () => {
  it("validates options against the schema, naming the plugin and the option", () => {
    expect(
      errorsOf(
        Host.load([
          {
            plugin: startPolicy,
            options: { startWithinMonths: 0, fairBonus: "two", colour: "red" }
          }
        ])
      )
    ).toEqual([
      'demo-start options options.colour: is not an option of this plugin, got "red"',
      "demo-start options options.startWithinMonths: Expected a value between 1 and 24, got 0",
      'demo-start options options.fairBonus: Expected number, got "two"'
    ])
  })

  it("rejects duplicate plugin ids and an unsupported SDK", () => {
    const future = { ...startPolicy, meta: { ...startPolicy.meta, id: "future", sdk: "^2.0.0" } }
    expect(
      errorsOf(Host.load([{ plugin: startPolicy }, { plugin: startPolicy }, { plugin: future }]))
    ).toEqual([
      "demo-start duplicate-id meta.id: another plugin with this id is already loaded",
      `future sdk-range meta.sdk: the plugin supports SDK ^2.0.0; this is ${Plugin.sdkVersion}`
    ])
  })

  it("reports a plugin that throws while making its rules", () => {
    const p = {
      ...startPolicy,
      meta: { ...startPolicy.meta, id: "thrower" },
      create: () => {
        throw new Error("no config")
      }
    }
    expect(errorsOf(Host.load([{ plugin: p }]))).toEqual([
      "thrower create : the plugin threw while making its rules: no config"
    ])
  })

  it("checks rules, ids and message ids", () => {
    const [rule] = ExitRule.threeTwoThree()
    const p = withContents("sloppy", {
      exitRules: [
        { ...rule!, within: { months: "three" } as never },
        { ...rule!, messageId: "nope" }
      ]
    })
    // A duration is one of four shapes; each shape's complaint is listed.
    expect(errorsOf(Host.load([{ plugin: p }]))).toEqual([
      "sloppy contents exitRules[0].within.months: Expected number",
      "sloppy contents exitRules[0].within.years: Missing key",
      "sloppy contents exitRules[0].within.days: Missing key",
      "sloppy contents exitRules[0].within.workingDays: Missing key",
      "sloppy contents exitRules[1].id: the id start-within-3-months is also used at exitRules[0]",
      "sloppy contents exitRules[1].messageId: the plugin has no message nope"
    ])
  })

  it("records each plugin's id, version and options fingerprint", () => {
    const a = Result.getOrThrow(Host.load([{ plugin: startPolicy, options: { fairBonus: 3 } }]))
    const b = Result.getOrThrow(
      Host.load([{ plugin: startPolicy, options: { fairBonus: 3, startWithinMonths: 3 } }])
    )
    const run = Host.run(a, snapshot())
    expect(run.plugins).toEqual([
      { id: "demo-start", version: "1.0.0", optionsHash: a.installed[0]!.optionsHash }
    ])
    // Stating a default explicitly does not change the fingerprint.
    expect(b.installed[0]!.optionsHash).toBe(a.installed[0]!.optionsHash)
    expect(run.assessments[0]!.assessment.policy.optionsHash).toBe(a.installed[0]!.optionsHash)
  })
})

describe("isolation", () => {
  const run = (...plugins: ReadonlyArray<Plugin.Plugin<unknown>>) =>
    Host.run(
      Result.getOrThrow(
        Host.load([...plugins.map((plugin) => ({ plugin })), { plugin: startPolicy }])
      ),
      snapshot()
    )

  it("a plugin that throws: a typed error naming the plugin and rule; the others stand", () => {
    const out = run(
      withContents(
        "thrower",
        custom("boom", () => {
          throw new RangeError("bad")
        })
      )
    )
    expect(out.errors.map((e) => [e._tag, e.plugin, e.rule, e.stage])).toEqual([
      ["PluginRuntimeError", "thrower", "boom", "scoring"]
    ])
    expect(out.assessments.map((a) => a.plugin)).toEqual(["demo-start"])
    expect(out.findings.map((f) => f.plugin)).toEqual(["demo-start"])
  })

  it("a malformed result: NaN points, a missing field", () => {
    const nan = run(
      withContents(
        "nan",
        custom("nan", () => [
          { points: Number.NaN, facts: {}, arithmetic: "", message: { zh: "", en: "" } }
        ])
      )
    )
    expect(nan.errors[0]!.message).toBe(
      "Plugin nan, rule nan (scoring): unit u1: line 0: points must be a finite number, got NaN"
    )
    const missing = run(
      withContents(
        "missing",
        custom("missing", () => [{ points: 1, facts: {}, arithmetic: "" }])
      )
    )
    expect(missing.errors[0]!.message).toBe(
      "Plugin missing, rule missing (scoring): unit u1: line 0: message must have zh and en strings"
    )
    expect(nan.assessments.map((a) => a.plugin)).toEqual(["demo-start"])
  })

  it("a plugin that tries to change its input", () => {
    const out = run(
      withContents(
        "mutator",
        custom("mutate", (ctx: { snapshot: { projects: Array<{ name: string }> } }) => {
          ctx.snapshot.projects[0]!.name = "changed"
          return []
        })
      )
    )
    expect(out.errors[0]).toMatchObject({
      code: "read-only-input",
      plugin: "mutator",
      rule: "mutate",
      stage: "scoring"
    })
    expect(out.errors[0]!.detail).toMatch(
      /^unit u1: it tried to change its input, which is read-only/
    )
    expect(out.assessments[0]!.assessment.units[0]!.lines[0]!.message.zh).toBe(
      "智能装备投洽会签约 +2分"
    )
  })

  it("a gate that throws", () => {
    const out = run(
      withContents("gatey", {
        gates: [
          {
            id: "g",
            title: { zh: "g", en: "g" },
            clause: "x",
            check: () => {
              throw new Error("gate down")
            }
          }
        ]
      })
    )
    expect(out.errors.map((e) => e.message)).toEqual(["Plugin gatey, rule g (gates): gate down"])
    expect(out.verdicts.map((v) => [v.plugin, v.gate, v.pass])).toEqual([
      ["demo-start", "risk-gate", false]
    ])
  })

  it("inputs are frozen before any plugin runs", () => {
    const s = snapshot()
    Host.run(Result.getOrThrow(Host.load([{ plugin: startPolicy }])), s)
    expect(Object.isFrozen(s.projects[0]!.events)).toBe(true)
  })
})

describe("extend", () => {
  const base = Plugin.extend(startPolicy, {
    meta: {
      id: "county",
      version: "1.0.0",
      title: { zh: "县", en: "county" },
      source: { document: "local", clauses: [] }
    },
    disable: ["risk-gate"],
    replace: () => ({
      "fair-bonus": {
        kind: "per-project",
        id: "fair-bonus",
        title: { zh: "签约", en: "signing" },
        clause: "local",
        filter: { stage: "signed" },
        points: 10
      }
    })
  })
  it("disables and replaces rules by id", () => {
    const out = Host.run(Result.getOrThrow(Host.load([{ plugin: base }])), snapshot())
    expect(out.verdicts).toEqual([])
    expect(out.assessments[0]!.assessment.units[0]!.total).toBe("10")
  })
  it("refuses to disable a rule the base does not have", () => {
    const typo = Plugin.extend(startPolicy, {
      meta: { ...base.meta, id: "typo" },
      disable: ["risk-gates"]
    })
    expect(errorsOf(Host.load([{ plugin: typo }]))).toEqual([
      "typo create : the plugin threw while making its rules: Plugin typo: demo-start has no rule risk-gates to disable or replace"
    ])
  })
  it("adds options only to a struct-shaped base", () => {
    const odd = Plugin.definePlugin({
      meta: { ...startPolicy.meta, id: "odd" },
      options: Schema.Number,
      defaults: 1,
      messages: {},
      create: () => ({})
    })
    expect(() =>
      Plugin.extend(odd as Plugin.Plugin<unknown>, {
        meta: { ...base.meta, id: "x" },
        options: { a: Schema.Number }
      })
    ).toThrow(/are not a struct/)
  })
})

describe("definePlugin", () => {
  it.each([
    [{ id: "Bad Id" }, /must be lowercase/],
    [{ version: "one" }, /is not semver/],
    [{ sdk: "whenever" }, /is not a semver range/]
  ])("checks the metadata (%j)", (meta, error) => {
    expect(() =>
      Plugin.definePlugin({ ...startPolicy, meta: { ...startPolicy.meta, ...meta } } as never)
    ).toThrow(error)
  })
  it("publishes its options as JSON Schema with defaults", () => {
    const s = Plugin.optionsJsonSchema(startPolicy) as {
      properties: Record<string, { default?: unknown; type?: string }>
      additionalProperties: boolean
    }
    expect(s.properties.fairBonus).toMatchObject({ default: 2 })
    expect(s.additionalProperties).toBe(false)
  })
})
