import { Lifecycle } from "@gongjian/core"
import type { Text } from "./items/handler.js"

/**
 * @internal Why a record was not counted, in Chinese and English: the English
 * is also the record's `reason`.
 */
export const rejectedText = {
  late: (date: string, asOf: string): Text => ({
    zh: `日期为${date}，晚于快照的截止日期${asOf}，不予计入`,
    en: `dated ${date}, after the snapshot's as-of date ${asOf}: not counted`
  }),
  unfolded: (e: Lifecycle.LifecycleError): Text => Lifecycle.errorText(e),
  target: (target: string, title: string | undefined, why: Text): Text => ({
    zh: `目标「${title ?? target}」：${why.zh}`,
    en: `target ${target}: ${why.en}`
  }),
  tiersInCurrencies: {
    zh: "本项各档的金额币种不一致，无法计分",
    en: "the item's tiers are in different currencies"
  },
  filterCurrency: {
    zh: "项目总投资的币种与筛选条件的币种不同，未计入",
    en: "its total investment is in another currency than the filter's bound"
  },
  tierCurrency: (total: string, tier: string | undefined): Text => ({
    zh: `项目总投资币种为${total}，档次币种为${tier}，未计入`,
    en: `its total investment is in ${total}, the tier in ${tier}`
  }),
  noDeadline: {
    zh: "合同未约定开工日期（contract.startBy），本项也未设默认期限，未计入",
    en: "it has no start deadline (contract.startBy) and the item gives no default"
  },
  noUnit: { zh: "报送记录未注明单位，未计入", en: "the report names no unit" },
  notCount: {
    zh: "报送值为金额而非次数，未计入",
    en: "the report's value is money, not a count"
  }
} satisfies Record<string, Text | ((...a: never) => Text)>
