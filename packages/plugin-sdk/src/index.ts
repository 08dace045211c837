/**
 * The plugin SDK of gongjian: how a county writes, configures, composes and
 * tests its own policies. The testing helpers are in
 * `@gongjian/plugin-sdk/testing`.
 *
 * @packageDocumentation
 * @since 0.1.0
 */

/**
 * Admission gates: the signing gate of 002 三.4 and the risk gates of 004 plan 3.
 *
 * @since 0.1.0
 */
export * as Gate from "./Gate.js"

/**
 * The plugin host: loading, checking and running plugins in isolation.
 *
 * @since 0.1.0
 */
export * as Host from "./Host.js"

/**
 * Message templates with placeholders.
 *
 * @since 0.1.0
 */
export * as Message from "./Message.js"

/**
 * Defining and extending plugins.
 *
 * @since 0.1.0
 */
export * as Plugin from "./Plugin.js"
