// Loading a county plugin next to nothing else, with its options, and running it.
import { deepStrictEqual, equal } from "node:assert/strict"
import { countyPolicy } from "@gongjian/example-county-plugin"
import { Host } from "@gongjian/plugin-sdk"
import { Samples, ServiceAndExit } from "@gongjian/policies"
import * as Result from "effect/Result"

// Options are checked against the plugin's schema; every problem names the
// plugin and the option.
const refused = Host.load([{ plugin: countyPolicy, options: { specialisedBonus: 12 } }])
deepStrictEqual(Result.isFailure(refused) && refused.failure.map((e) => e.message), [
  "Plugin demo-county/investment-management, options.specialisedBonus: Expected a value between 0 and 10, got 12"
])

// Loaded with the county's options, it runs on a snapshot: here 001's sample county.
const host = Result.getOrThrow(
  Host.load([{ plugin: countyPolicy, options: { specialisedBonus: 3 } }])
)
const out = Host.run(host, Samples.load("001-service-and-exit"))
// A plugin that throws or returns something malformed is reported here, by
// plugin and rule, and the other plugins' results stand.
deepStrictEqual(out.errors, [])
// Each run records the plugins it ran: id, version and a fingerprint of the options.
equal(out.plugins[0]!.id, "demo-county/investment-management")
equal(out.plugins[0]!.version, "1.0.0")
// Six months to start, not three. Under 001's three months the sample county
// has two such findings on 2026-11-22: E1 (land 2026-07-31, due 10-31) and E3
// (land 5-31, due 8-31, escalated). With six months E1 is due 2027-01-31 and
// E3, with its 30 days' exemption, 12-30: neither is due, nor inside the 30-day
// warning. (E2's contract says to start by 11-10: that is another rule.)
const reference = Host.run(
  Result.getOrThrow(Host.load([{ plugin: ServiceAndExit.policy }])),
  Samples.load("001-service-and-exit")
)
const starts = (run: Host.Run) =>
  run.findings.filter((f) => f.rule === "start-within-3-months").map((f) => f.project)
deepStrictEqual(starts(reference), ["E1", "E3"])
deepStrictEqual(starts(out), [])
