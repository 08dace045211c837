import * as Schema from "effect/Schema"

/** @internal A record identifier: non-empty, no surrounding spaces. */
export const Id = Schema.String.check(
  Schema.makeFilter((s: string) => s.length > 0 && s.trim() === s, {
    expected: "a non-empty identifier without surrounding spaces",
    toJsonSchema: () => ({ minLength: 1, pattern: "^\\S(.*\\S)?$" })
  })
).annotate({ identifier: "Id" })

/** @internal A non-negative finite number. */
export const NonNegative = Schema.Finite.check(Schema.isGreaterThanOrEqualTo(0))

/** @internal A non-negative whole number. */
export const Count = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))
