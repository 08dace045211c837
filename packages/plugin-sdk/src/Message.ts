/**
 * Messages (消息模板) keyed by id, with `{placeholder}`s filled from a line's or
 * a finding's data — as ESLint rules report a `messageId` with `data`.
 *
 * @since 0.1.0
 */

/**
 * A message template in Chinese and English.
 *
 * @example
 * {@includeCode ../examples/Plugin.ts#messages}
 *
 * @since 0.1.0
 * @category models
 */
export interface Template {
  readonly zh: string
  readonly en: string
}

/**
 * Fills `{name}` placeholders from `data`, then from `more` for a name
 * `data` lacks (the host passes a score line's item title there, in the
 * template's language: `{title}`); an unknown placeholder is left as written,
 * so a missing fact shows rather than vanishing.
 *
 * @example
 * {@includeCode ../examples/Plugin.ts#messages}
 *
 * @since 0.1.0
 * @category formatting
 */
export const format = (
  template: string,
  data: { readonly [key: string]: unknown },
  more?: { readonly [key: string]: unknown }
): string =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = data[key] ?? more?.[key]
    return v === undefined ? whole : Array.isArray(v) ? v.join("、") : String(v)
  })

/**
 * The placeholders a template uses.
 *
 * @example
 * {@includeCode ../examples/Plugin.ts#messages}
 *
 * @since 0.1.0
 * @category formatting
 */
export const placeholders = (template: string): ReadonlyArray<string> =>
  [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)
