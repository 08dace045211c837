/**
 * The errors of the API (接口错误), each with its HTTP status and a message
 * naming the record and the field it is about.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * One problem of a rejected request or write: the record (`project P-007`),
 * the field, a stable code to branch on (a snapshot problem's code, a schema
 * problem's code for {@link BadRequest}, or `id-mismatch`, `account-exists`,
 * `unit-required`, `unit-not-allowed`) and what is wrong.
 *
 * @example
 * {@includeCode ../examples/Errors.ts#errors}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Problem = Schema.Struct({
  path: Schema.String,
  record: Schema.NullOr(Schema.String),
  field: Schema.String,
  code: Schema.String,
  message: Schema.String
}).annotate({ identifier: "Problem" })

/**
 * 400: the request does not fit the API's schema — a body that is not JSON,
 * or not of the endpoint's shape (a record missing a field, a field of the
 * wrong type), a path parameter or query value that is not one of those
 * allowed. Every problem is listed: its `path` in the request (`body.value.investment.total`,
 * `params.kind`, `query.lang`), the record written (`project P-007`) when the
 * endpoint writes one, the field, and the schema's code (`missing-key`,
 * `invalid-type`, `invalid-value`, `unexpected-key`, `filter`, `one-of`,
 * `any-of`, `forbidden`: the codes of `Problem` of `@gongjian/core`).
 * Nothing was changed.
 *
 * @example
 * {@includeCode ../examples/Errors.ts#errors}
 *
 * @since 0.1.0
 * @category errors
 */
export class BadRequest extends Schema.TaggedError<BadRequest>()(
  "BadRequest",
  { message: Schema.String, problems: Schema.Array(Problem) },
  { httpApiStatus: 400 }
) {}

/**
 * 401: no session, an expired one, or wrong credentials at sign-in.
 *
 * @example
 * {@includeCode ../examples/Errors.ts#errors}
 *
 * @since 0.1.0
 * @category errors
 */
export class Unauthenticated extends Schema.TaggedError<Unauthenticated>()(
  "Unauthenticated",
  { message: Schema.String },
  { httpApiStatus: 401 }
) {}

/**
 * 403: the user's role does not allow this, or the CSRF token is missing
 * or wrong. Nothing was changed.
 *
 * @example
 * {@includeCode ../examples/Errors.ts#errors}
 *
 * @since 0.1.0
 * @category errors
 */
export class Forbidden extends Schema.TaggedError<Forbidden>()(
  "Forbidden",
  { message: Schema.String },
  { httpApiStatus: 403 }
) {}

/**
 * 404: no such campaign, record or unit.
 *
 * @example
 * {@includeCode ../examples/Errors.ts#errors}
 *
 * @since 0.1.0
 * @category errors
 */
export class NotFound extends Schema.TaggedError<NotFound>()(
  "NotFound",
  { message: Schema.String },
  { httpApiStatus: 404 }
) {}

/**
 * 422: the write would leave the campaign invalid (a record that fails its
 * schema, a reference to a unit that does not exist, an impossible history);
 * every problem is listed. Nothing was changed.
 *
 * @example
 * {@includeCode ../examples/Errors.ts#errors}
 *
 * @since 0.1.0
 * @category errors
 */
export class Invalid extends Schema.TaggedError<Invalid>()(
  "Invalid",
  { message: Schema.String, problems: Schema.Array(Problem) },
  { httpApiStatus: 422 }
) {}

/**
 * 429: too many failed sign-ins for this account or address; try again
 * after `retryAfterSeconds`.
 *
 * @example
 * {@includeCode ../examples/Errors.ts#errors}
 *
 * @since 0.1.0
 * @category errors
 */
export class TooManyAttempts extends Schema.TaggedError<TooManyAttempts>()(
  "TooManyAttempts",
  { message: Schema.String, retryAfterSeconds: Schema.Int },
  { httpApiStatus: 429 }
) {}

/**
 * 413: the request body is larger than the server takes (`maxBodyBytes`,
 * or `maxUploadBytes` for a spreadsheet upload, of the server's options).
 * `limit` is that limit in bytes; `size` the body's declared length
 * (`content-length`), or null when the body came without one and was cut off
 * while read. On every endpoint. Nothing was changed.
 *
 * @example
 * {@includeCode ../examples/Errors.ts#errors}
 *
 * @since 0.4.0
 * @category errors
 */
export class PayloadTooLarge extends Schema.TaggedError<PayloadTooLarge>()(
  "PayloadTooLarge",
  { message: Schema.String, limit: Schema.Int, size: Schema.NullOr(Schema.Int) },
  { httpApiStatus: 413 }
) {}
