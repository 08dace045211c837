/**
 * @internal The Chinese names of the exit findings' classes (the names of
 * `@gongjian/exit-rules`' `Finding.classNames`, which this package cannot
 * import) and severities, for the Chinese text of veto reasons and score
 * lines; a class of a county's own is shown by its id.
 */
export const findingClassZh: ReadonlyMap<string, string> = new Map([
  ["land-idle", "供地未开工（圈而不建）"],
  ["signed-not-built", "签而不建"],
  ["built-not-producing", "建而不产"],
  ["no-results", "投产不见效"],
  ["low-efficiency", "低效项目"],
  ["land-not-acquired", "已招商未征迁"]
])

/** @internal The Chinese name of a finding class, or its id. */
export const classZh = (c: string): string => findingClassZh.get(c) ?? c

/** @internal The Chinese names of the findings' severities. */
export const severityZh: { readonly [S in "warning" | "breach" | "escalated"]: string } = {
  warning: "预警",
  breach: "逾期",
  escalated: "整改逾期"
}
