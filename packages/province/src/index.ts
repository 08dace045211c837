/**
 * A province (省) of county campaigns on PostgreSQL: every county's records
 * in a partition of one table, partitioned by county across servers through
 * `postgres_fdw`; loads that a restart cannot lose or double; the engines
 * run per county in worker threads; and the province's league table of
 * counties, merged exactly.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * Assessing every county in worker threads, and the league table.
 *
 * @since 0.1.0
 */
export * as Assess from "./Assess.js"
/**
 * Generated counties for a simulated province.
 *
 * @since 0.1.0
 */
export * as County from "./County.js"
/**
 * Where the counties live: the coordinator, the servers, each county's placement.
 *
 * @since 0.1.0
 */
export * as Layout from "./Layout.js"
/**
 * The league table of counties.
 *
 * @since 0.1.0
 */
export * as League from "./League.js"
/**
 * Loading counties into their partitions, idempotently.
 *
 * @since 0.1.0
 */
export * as Load from "./Load.js"
/**
 * The province's errors.
 *
 * @since 0.1.0
 */
export * as ProvinceError from "./ProvinceError.js"
/**
 * The province's policy: targets, exit rules, points.
 *
 * @since 0.1.0
 */
export * as ProvincePolicy from "./ProvincePolicy.js"
/**
 * A county's standing under the policy.
 *
 * @since 0.1.0
 */
export * as Standing from "./Standing.js"
/**
 * The partitioned table, its partitions and foreign servers.
 *
 * @since 0.1.0
 */
export * as Storage from "./Storage.js"
