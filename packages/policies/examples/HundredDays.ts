import { deepStrictEqual, equal } from "node:assert/strict"
import { Host } from "@gongjian/plugin-sdk"
import { all, HundredDays, Samples } from "@gongjian/policies"
import * as Result from "effect/Result"

// #region policy
// The sample county gives its annual FDI tasks, which 二.(一).1's veto reads.
const options = all.find((e) => e.sample === "000-hundred-days")!.options
const host = Result.getOrThrow(Host.load([{ plugin: HundredDays.policy, options }]))
const out = Host.run(host, Samples.load("000-hundred-days"))
const ranking = out.assessments[0]!.assessment.units.map((u) => `${u.rank}. ${u.name} ${u.total}`)
deepStrictEqual(ranking, [
  "1. 工业园区 41",
  "2. 新塍镇 40",
  "3. 北部新区 39.571429",
  "4. 城东街道 27.5",
  "5. 王店镇 27.214286"
])
deepStrictEqual(out.assessments[0]!.assessment.tiers[0]!.units, [
  "park",
  "xincheng",
  "beibu",
  "chengdong"
])
equal(Samples.ids.includes("000-hundred-days"), true)
// #endregion policy

// #region targets
const presets = HundredDays.targets()
equal(presets.find((t) => t.id === "households")?.goal, 269)
// #endregion targets
