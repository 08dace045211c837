/**
 * Testing county policies (政策插件测试): `PolicyTester`, modelled on ESLint's
 * `RuleTester`. Each rule gets `valid` cases (snapshot fragments and options
 * on which it reports nothing) and `invalid` cases with the score lines,
 * findings or gate failures it must report, by message id and data.
 *
 * Under vitest, give it the runner's `describe` and `it` once:
 *
 * ```ts
 * import { describe, it } from "vitest"
 * import { PolicyTester } from "@gongjian/plugin-sdk/testing"
 * PolicyTester.describe = describe
 * PolicyTester.it = it
 * ```
 *
 * Without them, cases run at once and the first failure throws.
 *
 * @packageDocumentation
 * @since 0.1.0
 */
import { AssertionError } from "node:assert"
import { Fingerprint, Snapshot, Target } from "@gongjian/core"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as Host from "./Host.js"
import { deepFreeze } from "./internal/freeze.js"
import type { AnyPlugin } from "./Plugin.js"

/**
 * A piece of a snapshot, in its JSON form. What it leaves out comes from the
 * tester's defaults: a one-unit county (`u1`, a town) and a campaign over
 * 2026 assessing towns, with the targets the plugin makes from the case's
 * options (so an extension of 002 has 002's targets), as of 2026-11-22.
 *
 * @example
 * {@includeCode ../examples/testing.ts#tester}
 *
 * @since 0.1.0
 * @category models
 */
export interface Fragment {
  readonly asOf?: string
  readonly campaign?: { readonly [key: string]: unknown }
  readonly units?: ReadonlyArray<unknown>
  readonly projects?: ReadonlyArray<unknown>
  readonly activities?: ReadonlyArray<unknown>
  readonly reports?: ReadonlyArray<unknown>
  readonly calendar?: unknown
}

/**
 * A case on which the rule must report nothing: no finding, no gate failure,
 * no score line with points.
 *
 * @example
 * {@includeCode ../examples/testing.ts#tester}
 *
 * @since 0.1.0
 * @category models
 */
export interface ValidCase {
  readonly name?: string
  readonly snapshot?: Fragment
  /** The plugin's options for this case (JSON, over its defaults); validated against its schema. */
  readonly options?: { readonly [key: string]: unknown }
}

/**
 * A case on which the rule must report exactly these lines, findings or gate
 * failures. Each expectation names its unit or project and message id; `data`
 * lists facts that must match (others are not checked), as RuleTester's
 * `data`.
 *
 * @example
 * {@includeCode ../examples/testing.ts#tester}
 *
 * @since 0.1.0
 * @category models
 */
export interface InvalidCase extends ValidCase {
  readonly lines?: ReadonlyArray<{
    readonly unit: string
    readonly messageId: string
    readonly points?: string
    readonly data?: { readonly [key: string]: unknown }
  }>
  readonly findings?: ReadonlyArray<{
    readonly project: string
    readonly messageId: string
    readonly severity?: "warning" | "breach" | "escalated"
    readonly data?: { readonly [key: string]: unknown }
  }>
  readonly failures?: ReadonlyArray<{
    readonly project: string
    readonly messageId: string
    readonly data?: { readonly [key: string]: unknown }
  }>
  /** The rule must fail while running, with a message matching this. */
  readonly error?: string | RegExp
  /** The rule must fail while running, with this code (see `Host.PluginRuntimeError`). */
  readonly code?: Host.PluginRuntimeError["code"]
}

/**
 * A test runner's `describe` or `it`.
 *
 * @example
 * {@includeCode ../examples/testing.ts#tester}
 *
 * @since 0.1.0
 * @category models
 */
export type Runner = (name: string, fn: () => void) => void

const defaultFragment = {
  asOf: "2026-11-22",
  campaign: {
    id: "test-campaign",
    title: "测试活动",
    kind: "other",
    window: { start: "2026-01-01", end: "2026-12-31" },
    phases: [],
    cadence: [],
    assessedUnitKinds: ["town"],
    targets: []
  },
  units: [{ id: "u1", name: "单位1", kind: "town" }],
  projects: [],
  activities: [],
  reports: []
}

const fail = (message: string, actual?: unknown, expected?: unknown): never => {
  throw new AssertionError({ message, actual, expected, operator: "PolicyTester" })
}

const sameData = (
  actual: { readonly [key: string]: unknown },
  expected: { readonly [key: string]: unknown }
): string | undefined => {
  for (const [k, v] of Object.entries(expected)) {
    if (Fingerprint.canonicalJson(actual[k]) !== Fingerprint.canonicalJson(v)) {
      return `data.${k} is ${JSON.stringify(actual[k])}, expected ${JSON.stringify(v)}`
    }
  }
  return undefined
}

/**
 * Runs valid and invalid cases of one plugin's rules, as ESLint's
 * `RuleTester` does for lint rules: options are validated against the
 * plugin's schema, inputs are frozen, and a case written twice is an error.
 *
 * @example
 * {@includeCode ../examples/testing.ts#tester}
 *
 * @since 0.1.0
 * @category testing
 */
export class PolicyTester {
  /** The test runner's `describe`; cases run at once when unset. */
  static describe: Runner | undefined
  /** The test runner's `it`; cases run at once when unset. */
  static it: Runner | undefined

  readonly plugin: AnyPlugin
  readonly defaults: Fragment

  constructor(config: { readonly plugin: AnyPlugin; readonly defaults?: Fragment }) {
    this.plugin = config.plugin
    this.defaults = config.defaults ?? {}
  }

  /**
   * Tests one rule (a scoring item, exit rule or gate id) with its cases.
   */
  run(
    rule: string,
    tests: {
      readonly valid: ReadonlyArray<ValidCase>
      readonly invalid: ReadonlyArray<InvalidCase>
    }
  ): void {
    const describe: Runner = PolicyTester.describe ?? ((_, fn) => fn())
    const it: Runner = PolicyTester.it ?? ((_, fn) => fn())
    const seen = new Set<string>()
    const key = (kind: string, c: ValidCase) => {
      const k = `${kind}:${Fingerprint.canonicalJson(c)}`
      if (seen.has(k))
        fail(
          `Detected a duplicate ${kind} case of ${rule}: ${c.name ?? Fingerprint.canonicalJson(c)}`
        )
      seen.add(k)
    }
    // Duplicates are reported before any case runs, as RuleTester does.
    for (const c of tests.valid) key("valid", c)
    for (const c of tests.invalid) key("invalid", c)
    describe(`${this.plugin.meta.id}/${rule}`, () => {
      describe("valid", () => {
        for (const [i, c] of tests.valid.entries()) {
          it(c.name ?? `valid #${i + 1}`, () => this.check(rule, c, undefined))
        }
      })
      describe("invalid", () => {
        for (const [i, c] of tests.invalid.entries()) {
          it(c.name ?? `invalid #${i + 1}`, () => this.check(rule, c, c))
        }
      })
    })
  }

  private check(rule: string, c: ValidCase, invalid: InvalidCase | undefined): void {
    deepFreeze(c)
    const loaded = Host.load([
      { plugin: this.plugin, ...(c.options ? { options: c.options } : {}) }
    ])
    if (Result.isFailure(loaded))
      fail(
        `The plugin does not load with these options:\n${loaded.failure.map((e) => `  ${e.message}`).join("\n")}`
      )
    const host = (loaded as Result.Success<Host.Host, never>).success
    const contents = host.installed[0]!.contents
    const d = this.defaults
    const f = c.snapshot ?? {}
    // The campaign's targets are the plugin's own (made from the case's options),
    // unless the tester's defaults or the case give them: a policy whose items
    // read its targets (002's completion items) runs as a county would run it.
    const targets = (contents.targets ?? []).map((t) => Schema.encodeSync(Target.Target)(t))
    const input = {
      ...defaultFragment,
      ...d,
      ...f,
      campaign: { ...defaultFragment.campaign, targets, ...d.campaign, ...f.campaign }
    }
    const decoded = Snapshot.decode(JSON.parse(JSON.stringify(input)))
    if (Result.isFailure(decoded))
      fail(`The case's snapshot is not valid:\n${decoded.failure.message}`)
    const snapshot = (decoded as Result.Success<Snapshot.Snapshot, never>).success
    const ids = [
      ...(contents.scoring?.items ?? []).map((x) => x.id),
      ...(contents.exitRules ?? []).map((x) => x.id),
      ...(contents.gates ?? []).map((x) => x.id)
    ]
    if (!ids.includes(rule))
      fail(
        `${this.plugin.meta.id} has no rule ${rule} with these options; it has ${ids.join(", ")}`
      )

    const out = Host.run(host, snapshot)
    const errors = out.errors.filter((e) => e.rule === rule || e.rule === undefined)
    if (invalid?.error !== undefined || invalid?.code !== undefined) {
      const e = errors[0]
      if (e === undefined) fail(`Expected ${rule} to fail while running, but it did not`)
      if (invalid.code !== undefined && e!.code !== invalid.code)
        fail(`${rule} failed with code ${e!.code}, expected ${invalid.code}`)
      // The case's own expectation of the text people read.
      const expected = invalid.error
      const ok =
        expected === undefined ||
        (typeof expected === "string" ? e!.message.includes(expected) : expected.test(e!.message))
      if (!ok) fail(`${rule} failed with "${e!.message}", expected ${String(expected)}`)
      return
    }
    if (errors.length > 0)
      fail(`${rule} failed while running: ${errors.map((e) => e.message).join("; ")}`)

    const lines = out.assessments
      .flatMap((a) => a.assessment.units.flatMap((u) => u.lines))
      .filter((l) => l.item === rule)
    const findings = out.findings.filter((x) => x.rule === rule)
    const failures = out.verdicts
      .filter((v) => v.gate === rule)
      .flatMap((v) => v.failures.map((x) => ({ project: v.project, ...x })))

    if (invalid === undefined) {
      const reported = [
        ...lines
          .filter((l) => l.points !== "0")
          .map((l) => `line ${l.unit} ${l.messageId} ${l.points}`),
        ...findings.map((x) => `finding ${x.project} ${x.messageId} ${x.severity}`),
        ...failures.map((x) => `failure ${x.project} ${x.messageId}`)
      ]
      if (reported.length > 0)
        fail(`Should have reported nothing but had ${reported.length}:\n  ${reported.join("\n  ")}`)
      return
    }

    const compare = <
      A extends { readonly messageId: string; readonly data: { readonly [key: string]: unknown } },
      E extends { readonly messageId: string; readonly data?: { readonly [key: string]: unknown } }
    >(
      kind: string,
      actual: ReadonlyArray<A>,
      expected: ReadonlyArray<E> | undefined,
      who: (x: A | E) => string,
      extra: (a: A, e: E) => string | undefined
    ) => {
      const want = expected ?? []
      if (actual.length !== want.length) {
        fail(
          `Should have ${want.length} ${kind}(s) but had ${actual.length}:\n  ${actual.map((a) => `${who(a)} ${a.messageId} ${JSON.stringify(a.data)}`).join("\n  ")}`,
          actual.map((a) => `${who(a)} ${a.messageId}`),
          want.map((e) => `${who(e)} ${e.messageId}`)
        )
      }
      // Each expectation takes the first unmatched report it fits, so cases
      // need not list reports in the engine's order.
      const free = [...actual]
      want.forEach((e, i) => {
        const candidates = free.filter((a) => who(a) === who(e) && a.messageId === e.messageId)
        if (candidates.length === 0) {
          fail(
            `${kind} ${i + 1}: nothing reported for ${who(e)} ${e.messageId}; reported: ${free.map((a) => `${who(a)} ${a.messageId}`).join(", ") || "nothing more"}`
          )
        }
        const problems = candidates.map(
          (a) => (e.data ? sameData(a.data, e.data) : undefined) ?? extra(a, e)
        )
        const at = problems.indexOf(undefined)
        if (at < 0) fail(`${kind} ${i + 1} (${who(e)} ${e.messageId}): ${problems[0]}`)
        free.splice(free.indexOf(candidates[at]!), 1)
      })
    }
    compare(
      "line",
      lines.filter(
        (l) => l.points !== "0" || invalid.lines?.some((e) => e.unit === l.unit && e.points === "0")
      ),
      invalid.lines,
      (x) => x.unit,
      (a, e) =>
        e.points !== undefined && a.points !== e.points
          ? `points are ${a.points}, expected ${e.points}`
          : undefined
    )
    compare(
      "finding",
      findings,
      invalid.findings,
      (x) => x.project,
      (a, e) =>
        e.severity !== undefined && a.severity !== e.severity
          ? `severity is ${a.severity}, expected ${e.severity}`
          : undefined
    )
    compare(
      "failure",
      failures,
      invalid.failures,
      (x) => x.project,
      () => undefined
    )
  }
}
