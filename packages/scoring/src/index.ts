/**
 * The assessment engine (考核评分) of county project campaigns: scoring items
 * as data, weights, caps, multipliers, vetoes, outcome tiers, ranking groups
 * and period composites, with an explanation for every point.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * Running a policy over a snapshot; explanations.
 *
 * @since 0.1.0
 */
export * as Assessment from "./Assessment.js"

/**
 * Quarterly and year-end assessments combined with weights.
 *
 * @since 0.1.0
 */
export * as Composite from "./Composite.js"

/**
 * The read-only context custom items receive.
 *
 * @since 0.1.0
 */
export * as Context from "./Context.js"

/**
 * Ranking with a documented tie-break and shared or broken ties.
 *
 * @since 0.1.0
 */
export * as Ranking from "./Ranking.js"

/**
 * Scoring items: per project, target completion, start outcomes, activity quotas, reported incidents, exit findings, custom.
 *
 * @since 0.1.0
 */
export * as ScoringItem from "./ScoringItem.js"

/**
 * Scoring policies: items, vetoes, tiers, groups; their check.
 *
 * @since 0.1.0
 */
export * as ScoringPolicy from "./ScoringPolicy.js"

/**
 * Re-assessment after one unit's submission: a session keeps each unit's part
 * of an assessment and works out only the unit that submitted.
 *
 * @since 0.3.0
 */
export * as Session from "./Session.js"
