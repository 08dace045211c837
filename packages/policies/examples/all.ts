import { deepStrictEqual, equal } from "node:assert/strict"
import { Host } from "@gongjian/plugin-sdk"
import { all, Samples } from "@gongjian/policies"
import * as Result from "effect/Result"

// #region all
// Every reference policy loads in one host, each with its defaults.
const host = Result.getOrThrow(Host.load(all.map(({ plugin }) => ({ plugin }))))
equal(host.installed.length, 5)
// Each runs on its own sample, with the sample county's options, without an error.
for (const { plugin, sample, options } of all) {
  const out = Host.run(Result.getOrThrow(Host.load([{ plugin, options }])), Samples.load(sample))
  deepStrictEqual(out.errors, [])
}
// #endregion all
