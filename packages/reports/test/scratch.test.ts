import { mkdirSync, writeFileSync } from "node:fs"
import { Host } from "@gongjian/plugin-sdk"
import { all, Samples } from "@gongjian/policies"
import { it } from "vitest"
import { Bulletin, Cadence, WallChart } from "../src/index.js"

it("scratch", () => {
  mkdirSync("/tmp/rep", { recursive: true })
  for (const e of all) {
    const s = Samples.load(e.sample)
    const host = Host.load([{ plugin: e.plugin }])
    if (host._tag !== "Success") throw new Error("x")
    const period = Bulletin.currentPeriod(s.campaign, s.asOf)
    const out = Host.run(host.success, s, { asOf: period.end < s.asOf ? period.end : s.asOf })
    const prev = Bulletin.previousPeriod(s.campaign, period)
    const pout = prev ? Host.run(host.success, s, { asOf: prev.end }) : undefined
    const b = Bulletin.make({
      snapshot: s,
      period,
      assessment: out.assessments[0]?.assessment,
      findings: out.findings,
      previous: pout ? { assessment: pout.assessments[0]?.assessment, findings: pout.findings } : undefined
    })
    writeFileSync(`/tmp/rep/${e.sample}.html`, Bulletin.html(b))
    writeFileSync(`/tmp/rep/${e.sample}.md`, Bulletin.markdown(b))
    writeFileSync(`/tmp/rep/${e.sample}-gantt.svg`, WallChart.gantt(s, { findings: out.findings }))
    writeFileSync(`/tmp/rep/${e.sample}-progress.svg`, WallChart.progress(s))
    writeFileSync(`/tmp/rep/${e.sample}-ranking.svg`, WallChart.ranking(b.ranking))
    writeFileSync(`/tmp/rep/${e.sample}-heatmap.svg`, WallChart.heatmap(s))
    console.log(e.sample, period.label, Cadence.overdue(b.cadence).length, b.cadence.length)
  }
})
