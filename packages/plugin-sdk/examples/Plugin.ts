import { deepStrictEqual, equal, throws } from "node:assert/strict"
import { Message, Plugin } from "@gongjian/plugin-sdk"
import * as Schema from "effect/Schema"
import packageJson from "../package.json" with { type: "json" }
import { startPolicy } from "./startPolicy.js"

// #region define
// See examples/startPolicy.ts for the whole definition: meta, an options schema with
// defaults, messages by id, and the rules it makes from its options.
equal(startPolicy.meta.id, "demo-start")
// The SDK version is its package.json version; plugins state a range of it in meta.sdk.
equal(Plugin.sdkVersion, packageJson.version)
const meta: Plugin.Meta = startPolicy.meta
equal(meta.sdk, `^${Plugin.sdkVersion}`)
// What it contributes, made from its options.
const contents: Plugin.Contents = startPolicy.create({ startWithinMonths: 6, fairBonus: 2 })
const rule: Plugin.Rule = contents.exitRules![0]!
deepStrictEqual(rule.within, { months: 6 })
// A rule's message may depend on the finding's data: a warning reads "start-soon".
const messageId: Plugin.MessageIdOf | undefined = rule.messageId
const warning: Plugin.Data = { severity: "warning" }
equal(typeof messageId === "function" && messageId(warning), "start-soon")
const item: Plugin.Item = contents.scoring!.items[0]!
equal(item.messageId, "fair-bonus")
// Defaults that do not fit the schema are caught when the plugin is defined.
const months: Plugin.OptionsSchema<{ readonly months: number }> = Schema.Struct({
  months: Schema.Int
})
throws(
  () =>
    Plugin.definePlugin({
      meta: { ...startPolicy.meta, id: "broken" },
      options: months,
      defaults: { months: 2.5 },
      messages: {},
      create: () => ({})
    }),
  { name: "PluginDefinitionError" }
)
// #endregion define

// #region jsonSchema
// A portal renders a form from this.
const schema = Plugin.optionsJsonSchema(startPolicy) as {
  properties: Record<string, { default?: unknown }>
}
equal(schema.properties.startWithinMonths?.default, 3)
// #endregion jsonSchema

// #region extend
// A county's own policy: six months to start, and a bonus for 专精特新.
const county = Plugin.extend(startPolicy, {
  meta: {
    id: "county-start",
    version: "1.0.0",
    title: { zh: "本县开工管理", en: "county starts" },
    source: { document: "local", clauses: ["local 1"] }
  },
  defaults: { startWithinMonths: 6, specialisedBonus: 1 },
  options: { specialisedBonus: Schema.Finite },
  messages: {
    specialised: { zh: "{name}专精特新 +{points}分", en: "{name} specialised +{points}" }
  },
  add: (o) => ({
    scoring: {
      items: [
        {
          kind: "per-project",
          id: "specialised-bonus",
          title: { zh: "专精特新加分", en: "specialised bonus" },
          clause: "local 1",
          filter: { flags: ["specialized-new"] },
          points: o.specialisedBonus,
          messageId: "specialised"
        }
      ]
    }
  })
})
equal(county.defaults.startWithinMonths, 6)
deepStrictEqual(
  county
    .create({ startWithinMonths: 6, fairBonus: 2, specialisedBonus: 1 })
    .scoring?.items.map((i) => i.id),
  ["fair-bonus", "specialised-bonus"]
)
// Plugins of different options types, in one list: what a host loads.
const plugins: ReadonlyArray<Plugin.AnyPlugin> = [startPolicy, county]
deepStrictEqual(
  plugins.map((p) => p.meta.id),
  ["demo-start", "county-start"]
)
// #endregion extend

// #region messages
const overdue: Message.Template = { zh: "{project}逾期{days}天", en: "{project}: {days} days late" }
equal(Message.format(overdue.zh, { project: "P-1", days: 12 }), "P-1逾期12天")
equal(Message.format(overdue.en, { project: "P-1", days: 12 }), "P-1: 12 days late")
deepStrictEqual(Message.placeholders("{a} and {b}"), ["a", "b"])
// What the data lacks is read from the second object: a line's item title.
equal(Message.format("{title}：{points}分", { points: 3 }, { title: "外出招商" }), "外出招商：3分")

// #endregion messages

// #region inactive
// A figure the plan leaves to the county has no default: without it the
// plugin leaves its clause out and says so, naming the option that turns it on.
const annual = Plugin.definePlugin({
  meta: { ...startPolicy.meta, id: "annual-task" },
  options: Schema.Struct({ annualTask: Schema.optionalKey(Schema.Finite) }),
  defaults: {},
  messages: {},
  create: (o) =>
    o.annualTask === undefined
      ? {
          inactive: [
            {
              clause: "local 4",
              title: { zh: "完成年度任务的通报表扬", en: "commendation for the annual task" },
              needs: ["annualTask"]
            }
          ]
        }
      : {}
})
const leftOut: Plugin.Inactive = annual.create({}).inactive![0]!
deepStrictEqual(leftOut.needs, ["annualTask"])
equal(annual.create({ annualTask: 10 }).inactive, undefined)

// #endregion inactive

export { county }
