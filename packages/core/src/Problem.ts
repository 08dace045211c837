/**
 * Problems (问题) in input data, as structured values: where (a path such as
 * `projects[3].events[1].date`), a stable `code` that programs branch on, and a
 * message for people. {@link fromIssue} flattens a schema issue into problems
 * by the issue's tag, never by its message; {@link formatPath} is the one way
 * a path is written.
 *
 * @since 0.2.0
 */
import * as SchemaIssue from "effect/SchemaIssue"

/**
 * The code of a problem a schema found, from the tag of its issue:
 *
 * - `missing-key`: a required field is absent;
 * - `unexpected-key`: a field the schema does not know (a misspelling);
 * - `invalid-type`: a value of the wrong type;
 * - `invalid-value`: a value of the right type that cannot be read (money text);
 * - `filter`: a value that fails a check (an empty id, a day that does not exist);
 * - `one-of`, `any-of`: a value that matches no member, or more than one, of a union;
 * - `forbidden`: an operation the schema refuses.
 *
 * @example
 * {@includeCode ../examples/Problem.ts#issue}
 *
 * @since 0.2.0
 * @category models
 */
export type SchemaCode =
  | "missing-key"
  | "unexpected-key"
  | "invalid-type"
  | "invalid-value"
  | "filter"
  | "one-of"
  | "any-of"
  | "forbidden"

/**
 * One problem of a schema issue: its path as keys, its code, its message, and
 * whether the message already quotes the input (so that a caller does not
 * quote it twice).
 *
 * @example
 * {@includeCode ../examples/Problem.ts#issue}
 *
 * @since 0.2.0
 * @category models
 */
export interface SchemaProblem {
  readonly path: ReadonlyArray<PropertyKey>
  readonly code: SchemaCode
  readonly message: string
  readonly quotesInput: boolean
}

/**
 * The issue annotation that says its message already quotes the input, as a
 * key of `SchemaIssue.InvalidValue`'s annotations: `{ message, [quotesInput]:
 * true }`.
 *
 * @example
 * {@includeCode ../examples/Problem.ts#issue}
 *
 * @since 0.2.0
 * @category annotations
 */
export const quotesInput = "gongjian/quotesInput"

const formatter = SchemaIssue.makeFormatterStandardSchemaV1()

const CODES: { readonly [T in SchemaIssue.Leaf["_tag"]]: SchemaCode } = {
  MissingKey: "missing-key",
  UnexpectedKey: "unexpected-key",
  InvalidType: "invalid-type",
  InvalidValue: "invalid-value",
  OneOf: "one-of",
  Forbidden: "forbidden"
}

/**
 * Flattens a schema issue into its problems, in the order the schema found
 * them, with the messages of effect's standard formatter.
 *
 * @example
 * {@includeCode ../examples/Problem.ts#issue}
 *
 * @since 0.2.0
 * @category constructors
 */
export const fromIssue = (issue: SchemaIssue.Issue): ReadonlyArray<SchemaProblem> => {
  const out: Array<SchemaProblem> = []
  // Messages come from the formatter on the node itself, so that a filter's
  // message covers what it wraps exactly as the formatter writes it.
  const emit = (
    node: SchemaIssue.Issue,
    path: ReadonlyArray<PropertyKey>,
    code: SchemaCode,
    quotes: boolean
  ) => {
    for (const i of formatter(node).issues)
      out.push({
        path: [...path, ...((i.path ?? []) as ReadonlyArray<PropertyKey>)],
        code,
        message: i.message,
        quotesInput: quotes
      })
  }
  const walk = (node: SchemaIssue.Issue, path: ReadonlyArray<PropertyKey>): void => {
    switch (node._tag) {
      case "Pointer":
        walk(node.issue, [...path, ...node.path])
        break
      case "Encoding":
        walk(node.issue, path)
        break
      case "Composite":
        for (const i of node.issues) walk(i, path)
        break
      case "AnyOf":
        if (node.issues.length > 0) for (const i of node.issues) walk(i, path)
        else emit(node, path, "any-of", false)
        break
      case "Filter":
        emit(node, path, "filter", false)
        break
      case "InvalidValue":
        emit(node, path, CODES[node._tag], node.annotations?.[quotesInput] === true)
        break
      default:
        emit(node, path, CODES[node._tag], false)
    }
  }
  walk(issue, [])
  return out
}

/**
 * Writes a path the one way problems show it: keys joined by dots, indices in
 * brackets (`projects[3].events[1].date`); the empty path is `""`.
 *
 * @example
 * {@includeCode ../examples/Problem.ts#path}
 *
 * @since 0.2.0
 * @category formatting
 */
export const formatPath = (path: ReadonlyArray<PropertyKey>): string => {
  let out = ""
  for (const k of path)
    out += typeof k === "number" ? `[${k}]` : out === "" ? String(k) : `.${String(k)}`
  return out
}
