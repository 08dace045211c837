import { ExitRule } from "@gongjian/exit-rules"
import { Gate, Plugin } from "@gongjian/plugin-sdk"
import * as Schema from "effect/Schema"

/** A small policy plugin shared by the SDK examples. */
export const startPolicy = Plugin.definePlugin({
  meta: {
    id: "demo-start",
    version: "1.0.0",
    title: { zh: "开工与签约管理", en: "starts and signings" },
    source: { document: "001", clauses: ["001 三.(四)", "002 三.4"] },
    sdk: `^${Plugin.sdkVersion}`
  },
  options: Schema.Struct({
    startWithinMonths: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 24 })),
    fairBonus: Schema.Finite
  }),
  defaults: { startWithinMonths: 3, fairBonus: 2 },
  messages: {
    "not-started": {
      zh: "{project}未在{deadline}前开工，逾期{daysOverdue}天",
      en: "{project} not started by {deadline}, {daysOverdue} days overdue"
    },
    "start-soon": {
      zh: "{project}还有{daysLeft}天到开工期限",
      en: "{project} must start within {daysLeft} days"
    },
    "fair-bonus": { zh: "{name}投洽会签约 +{points}分", en: "{name} signed at the fair +{points}" }
  },
  create: (o) => ({
    exitRules: [
      {
        ...ExitRule.threeTwoThree({ startWithinMonths: o.startWithinMonths })[0]!,
        messageId: (d) => (d.severity === "warning" ? "start-soon" : "not-started")
      }
    ],
    scoring: {
      items: [
        {
          kind: "per-project",
          id: "fair-bonus",
          title: { zh: "投洽会签约加分", en: "fair signing bonus" },
          clause: "002 四.4",
          filter: { stage: "signed", flags: ["signed-at-fair"] },
          points: o.fairBonus,
          messageId: "fair-bonus"
        }
      ]
    },
    gates: [Gate.riskGate()]
  })
})
