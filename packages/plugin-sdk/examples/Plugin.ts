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
deepStrictEqual(startPolicy.create({ startWithinMonths: 6, fairBonus: 2 }).exitRules?.[0]?.within, {
  months: 6
})
// Defaults that do not fit the schema are caught when the plugin is defined.
throws(
  () =>
    Plugin.definePlugin({
      meta: { ...startPolicy.meta, id: "broken" },
      options: Schema.Struct({ months: Schema.Int }),
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
// #endregion extend

// #region messages
equal(Message.format("{project}逾期{days}天", { project: "P-1", days: 12 }), "P-1逾期12天")
deepStrictEqual(Message.placeholders("{a} and {b}"), ["a", "b"])

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
deepStrictEqual(annual.create({}).inactive?.[0]?.needs, ["annualTask"])
equal(annual.create({ annualTask: 10 }).inactive, undefined)

// #endregion inactive

export { county }
