import { deepStrictEqual, equal } from "node:assert/strict"
import { Host } from "@gongjian/plugin-sdk"
import { all, HundredDays, Samples } from "@gongjian/policies"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"

// #region policy
// The sample county gives its annual FDI tasks, which 二.(一).1's veto reads.
const sample: Samples.SampleId = "000-hundred-days"
const options = all.find((e) => e.sample === sample)!.options
const host = Result.getOrThrow(Host.load([{ plugin: HundredDays.policy, options }]))
const out = Host.run(host, Samples.load(sample))
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
equal(Samples.ids.includes(sample), true)
// The sample as JSON (a fresh copy), to write to a file or change before decoding.
const json = Samples.json(sample) as { asOf: string }
equal(json.asOf, Samples.load(sample).asOf)
// #endregion policy

// #region targets
const presets = HundredDays.targets()
equal(presets.find((t) => t.id === "households")?.goal, 269)
// A county that asks each unit for 12 stock projects instead of the default 10:
equal(HundredDays.defaults.stockPerUnit, 10)
const twelve = Schema.decodeUnknownSync(HundredDays.Options)({
  ...HundredDays.defaults,
  stockPerUnit: 12
})
equal(HundredDays.targets(twelve).find((t) => t.id === "stock-per-unit")?.goal, 12)
// #endregion targets
