/**
 * The classes of stalled projects the exit mechanism finds (问题项目类别),
 * their names and the names of a finding's severities in Chinese and
 * English: one table that `@gongjian/exit-rules`
 * (`ExitRule.FindingClass`, `Finding.classNames`) and `@gongjian/scoring`
 * (veto reasons, score lines) both read.
 *
 * @since 0.4.0
 */
import * as Schema from "effect/Schema"
import { nameIn } from "./internal/names.js"

/**
 * The class of a stalled project (问题项目类别), from 001 三.(四) and
 * 000 二.(二).1:
 *
 * - `land-idle`: land supplied, not started (供地未开工, 圈而不建);
 * - `signed-not-built`: signed, not built (签而不建);
 * - `built-not-producing`: built, not producing (建而不产, 两年不投产);
 * - `no-results`: producing without the promised results (三年不见效);
 * - `low-efficiency`: a low-efficiency project (低效项目);
 * - `land-not-acquired`: attracted, land not yet acquired (已招商未征迁).
 *
 * @example
 * {@includeCode ../examples/FindingClass.ts#names}
 *
 * @since 0.4.0
 * @category schemas
 */
export const FindingClass = Schema.Literals([
  "land-idle",
  "signed-not-built",
  "built-not-producing",
  "no-results",
  "low-efficiency",
  "land-not-acquired"
])

/**
 * The type of {@link FindingClass}.
 *
 * @example
 * {@includeCode ../examples/FindingClass.ts#names}
 *
 * @since 0.4.0
 * @category models
 */
export type FindingClass = typeof FindingClass.Type

/**
 * The name of each {@link FindingClass} in Chinese and English, as every
 * output writes it: `land-idle` is 供地未开工（圈而不建）.
 *
 * @example
 * {@includeCode ../examples/FindingClass.ts#names}
 *
 * @since 0.4.0
 * @category constants
 */
export const names: {
  readonly [C in FindingClass]: { readonly zh: string; readonly en: string }
} = {
  "land-idle": { zh: "供地未开工（圈而不建）", en: "land supplied, not started" },
  "signed-not-built": { zh: "签而不建", en: "signed, not built" },
  "built-not-producing": { zh: "建而不产", en: "built, not producing" },
  "no-results": { zh: "投产不见效", en: "producing without results" },
  "low-efficiency": { zh: "低效项目", en: "low efficiency" },
  "land-not-acquired": { zh: "已招商未征迁", en: "attracted, land not acquired" }
}

/**
 * The names of a class given as text: its entry in {@link names}, or, for a
 * class of a county's own rules, the class as it is in both languages.
 *
 * @example
 * {@includeCode ../examples/FindingClass.ts#names}
 *
 * @since 0.4.0
 * @category queries
 */
export const nameOf = (c: string): { readonly zh: string; readonly en: string } => nameIn(names, c)

/**
 * The name of each severity of a finding (严重程度), whatever its class, in
 * Chinese and English, as every output writes it: a `warning` (预警) inside
 * the warning window, a `breach` (逾期) after the deadline, `escalated`
 * (整改逾期) when the rectification ordered is overdue too.
 *
 * @example
 * {@includeCode ../examples/FindingClass.ts#names}
 *
 * @since 0.4.0
 * @category constants
 */
export const severityNames: {
  readonly [S in "warning" | "breach" | "escalated"]: { readonly zh: string; readonly en: string }
} = {
  warning: { zh: "预警", en: "warning" },
  breach: { zh: "逾期", en: "breach" },
  escalated: { zh: "整改逾期", en: "escalated" }
}
