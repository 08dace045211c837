import { Calendar, Lifecycle } from "@gongjian/core"

interface Text {
  readonly zh: string
  readonly en: string
}

/**
 * Why a rule could not be judged for a project, in Chinese and English: the
 * English is also the record's `reason`.
 */
export const unevaluatedText = {
  filterCurrency: {
    zh: "项目总投资的币种与本规则筛选条件的币种不同，无法判断是否适用",
    en: "its total investment is in another currency than the rule's filter"
  } satisfies Text,
  noPromise: (name: Text): Text => ({
    zh: `合同未约定${name.zh}，无法评判`,
    en: `the contract states no ${name.en}`
  }),
  noMeasurement: (name: Text, asOf: string): Text => ({
    zh: `${asOf}（含）之前没有${name.zh}的实测数据，无法评判`,
    en: `no measurement of ${name.en} on or before ${asOf}`
  }),
  currencies: (name: Text, actual: string, promised: string): Text => ({
    zh: `${name.zh}的实测币种为${actual}，合同约定币种为${promised}，无法比较`,
    en: `${name.en} is measured in ${actual}, promised in ${promised}`
  }),
  deadline: (e: unknown): Text =>
    e instanceof Calendar.CalendarCoverageError
      ? {
          zh: `工作日历只覆盖${e.firstYear}–${e.lastYear}年，不含${e.date}，期限无法计算`,
          en: e.message
        }
      : { zh: "期限无法计算", en: (e as Error).message },
  unfolded: Lifecycle.errorText
}
