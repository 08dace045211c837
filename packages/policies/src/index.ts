/**
 * The reference policies of gongjian: the five plan documents as plugins, with
 * a sample county campaign for each.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * Every reference policy, in document order.
 *
 * @example
 * {@includeCode ../examples/all.ts#all}
 *
 * @category policies
 * @since 0.1.0
 */
export { all } from "./all.js"
/**
 * 003 — 项目建设年.
 *
 * @since 0.1.0
 */
export * as ConstructionYear from "./ConstructionYear.js"
/**
 * 000 — 项目提升年百日攻坚.
 *
 * @since 0.1.0
 */
export * as HundredDays from "./HundredDays.js"
/**
 * 002 — 招商引资集中攻坚.
 *
 * @since 0.1.0
 */
export * as InvestmentDrive from "./InvestmentDrive.js"
/**
 * Campaigns built from a policy's own targets and options.
 *
 * @since 0.3.0
 */
export * as Policies from "./Policies.js"
/**
 * 004 — 项目攻坚年 (three plans).
 *
 * @since 0.1.0
 */
export * as ProjectYear from "./ProjectYear.js"
/**
 * The sample county campaigns.
 *
 * @since 0.1.0
 */
export * as Samples from "./Samples.js"
/**
 * 001 — 优化招商引资项目工作方案: service and the exit mechanism.
 *
 * @since 0.1.0
 */
export * as ServiceAndExit from "./ServiceAndExit.js"
