import { LocalDate, type Snapshot } from "@gongjian/core"
import { Host } from "@gongjian/plugin-sdk"
import { all, Samples } from "@gongjian/policies"
import * as Result from "effect/Result"
import { Bulletin } from "../src/index.js"

/** A sample county's bulletin for its current period, with the engines' runs behind it. */
export const sampleBulletin = (sample: (typeof all)[number]["sample"]) => {
  const entry = all.find((e) => e.sample === sample)!
  const snapshot: Snapshot.Snapshot = Samples.load(sample)
  const host = Result.getOrThrow(Host.load([{ plugin: entry.plugin, options: entry.options }]))
  const period = Bulletin.currentPeriod(snapshot.campaign, snapshot.asOf)
  const asOf = LocalDate.min(period.end, snapshot.asOf)
  const run = Host.run(host, snapshot, { asOf })
  const prev = Bulletin.previous(snapshot, period, asOf)
  const before = prev ? Host.run(host, snapshot, { asOf: prev.asOf }) : undefined
  const bulletin = Bulletin.make({
    snapshot,
    period,
    asOf,
    assessment: run.assessments[0]?.assessment,
    findings: run.findings,
    previous:
      prev && before
        ? {
            assessment: before.assessments[0]?.assessment,
            findings: before.findings,
            asOf: prev.asOf,
            record: prev.record?.id
          }
        : undefined
  })
  return { snapshot, period, asOf, run, bulletin }
}

export const samples = all.map((e) => e.sample)
