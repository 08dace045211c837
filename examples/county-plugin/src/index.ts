/**
 * 示范县招商项目管理办法 — a county's own policy, on top of the reference
 * policy of 001 (优化招商引资项目工作方案):
 *
 * - the county gives six months, not three, from land supply to start;
 * - it adds a bonus for projects of 专精特新 ("specialised and new")
 *   enterprises, an option the county sets each year.
 */
import { Plugin } from "@gongjian/plugin-sdk"
import { ServiceAndExit } from "@gongjian/policies"
import * as Schema from "effect/Schema"

export const countyPolicy = Plugin.extend(ServiceAndExit.policy, {
  meta: {
    id: "demo-county/investment-management",
    version: "1.0.0",
    title: { zh: "示范县招商项目管理办法", en: "Demo County investment project rules" },
    source: { document: "demo-county 2026-3", clauses: ["第五条", "第九条"] }
  },
  // 第五条: six months from land supply to start.
  defaults: { startWithinMonths: 6, specialisedBonus: 2 },
  // 第九条: a bonus per signed project of a 专精特新 enterprise.
  options: { specialisedBonus: Schema.Finite.check(Schema.isBetween({ minimum: 0, maximum: 10 })) },
  messages: {
    specialised: {
      zh: "{name}（{project}）为专精特新企业项目，加{points}分",
      en: "{name} ({project}) is a specialised SME project: +{points}"
    }
  },
  add: (options) => ({
    scoring: {
      items: [
        {
          kind: "per-project",
          id: "specialised-bonus",
          title: { zh: "专精特新项目加分", en: "specialised SME bonus" },
          clause: "demo-county 第九条",
          filter: { stage: "signed", flags: ["specialized-new"] },
          points: options.specialisedBonus,
          messageId: "specialised"
        }
      ]
    }
  })
})
