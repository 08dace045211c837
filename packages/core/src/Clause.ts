/**
 * Clause references (条款): where in a plan document a rule, a target or a
 * duty comes from — `001 三.(三).1`, `002 四.4`, `004 plan 1`. The reference
 * is a stable id, kept as it is in JSON outputs and explanations' objects;
 * Chinese views print it through {@link zh}.
 *
 * @since 0.4.0
 */

/**
 * A clause reference as Chinese views print it. Plan 004 is three plans in
 * one document, headed 实施方案1, 实施方案2 and 实施方案3; its references
 * `004 plan 1` … read 004 方案1 …, and references joined by commas
 * (`004 plan 1, plan 2`) are joined by 、 (004 方案1、方案2). Every other
 * reference (`001 三.(三).1`, a county's `第七条`) is printed as it is.
 *
 * @example
 * {@includeCode ../examples/Clause.ts#zh}
 *
 * @since 0.4.0
 * @category formatting
 */
export const zh = (clause: string): string =>
  clause.replace(/\bplan\s*(\d+)/g, "方案$1").replace(/\s*,\s*/g, "、")
