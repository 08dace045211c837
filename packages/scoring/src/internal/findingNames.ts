import { FindingClass } from "@gongjian/core"

/**
 * @internal The Chinese name of a finding class (core's `FindingClass.names`,
 * which `@gongjian/exit-rules`' `Finding.classNames` is too), or, for a class
 * of a county's own, its id.
 */
export const classZh = (c: string): string => FindingClass.nameOf(c).zh

/** @internal The Chinese names of the findings' severities. */
export const severityZh: { readonly [S in "warning" | "breach" | "escalated"]: string } = {
  warning: "预警",
  breach: "逾期",
  escalated: "整改逾期"
}
