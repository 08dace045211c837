import { FindingClass } from "@gongjian/core"

/**
 * @internal The Chinese name of a finding class (core's `FindingClass.names`,
 * which `@gongjian/exit-rules`' `Finding.classNames` is too), or, for a class
 * of a county's own, its id.
 */
export const classZh = (c: string): string => FindingClass.nameOf(c).zh

/** @internal The Chinese name of a finding's severity (core's `FindingClass.severityNames`). */
export const severityZh = (s: keyof typeof FindingClass.severityNames): string =>
  FindingClass.severityNames[s].zh
