/**
 * Roles (角色) and what each may do. A county administrator (县级管理员)
 * reads and writes everything and manages accounts; a unit reporter (单位填报员)
 * reads and writes only its own unit's projects, activities and reports; a
 * leader (领导) reads everything and writes nothing; an auditor (审计) reads
 * everything and the history of every record, and writes nothing.
 *
 * The rules are pure functions of the user and the record, so a portal can
 * ask them before it offers a button, and the server asks them again.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import type { RecordKind } from "./Store.js"

/**
 * The four roles.
 *
 * @example
 * {@includeCode ../examples/Role.ts#rules}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Role = Schema.Literals(["admin", "reporter", "leader", "auditor"])

/**
 * The type of {@link Role}.
 *
 * @example
 * {@includeCode ../examples/Role.ts#rules}
 *
 * @since 0.1.0
 * @category models
 */
export type Role = typeof Role.Type

/**
 * A signed-in user as the API shows it: the account name, display name,
 * role, and for a reporter its unit.
 *
 * @example
 * {@includeCode ../examples/Role.ts#rules}
 *
 * @since 0.1.0
 * @category schemas
 */
export const User = Schema.Struct({
  name: Schema.String,
  displayName: Schema.String,
  role: Role,
  unit: Schema.optionalKey(Schema.String)
}).annotate({ identifier: "User" })

/**
 * The type of {@link User}.
 *
 * @example
 * {@includeCode ../examples/Role.ts#rules}
 *
 * @since 0.1.0
 * @category models
 */
export type User = typeof User.Type

/**
 * The unit a record belongs to: a project's, activity's or report's `unit`;
 * undefined for the campaign document, units, and area-wide reports.
 *
 * @example
 * {@includeCode ../examples/Role.ts#rules}
 *
 * @since 0.1.0
 * @category records
 */
export const unitOf = (kind: RecordKind, value: unknown): string | undefined => {
  if (kind === "campaign" || kind === "unit") return undefined
  const unit =
    value !== null && typeof value === "object" ? (value as { unit?: unknown }).unit : undefined
  return typeof unit === "string" ? unit : undefined
}

/**
 * Whether a user may read a record of a kind belonging to a unit (from
 * {@link unitOf}). Units and the campaign document are read by everyone.
 *
 * @example
 * {@includeCode ../examples/Role.ts#rules}
 *
 * @since 0.1.0
 * @category rules
 */
export const canRead = (user: User, kind: RecordKind, unit: string | undefined): boolean => {
  if (user.role !== "reporter") return true
  if (kind === "campaign" || kind === "unit") return true
  return unit !== undefined && unit === user.unit
}

/**
 * Why a user may not write a record, or undefined when it may. `before` is
 * the record's current value (undefined when it is new) and `after` the value
 * written (`null` to withdraw it): a reporter must own both, so it can
 * neither move a record into another unit nor take one over.
 *
 * @example
 * {@includeCode ../examples/Role.ts#rules}
 *
 * @since 0.1.0
 * @category rules
 */
export const writeDenied = (
  user: User,
  kind: RecordKind,
  before: unknown,
  after: unknown
): string | undefined => {
  switch (user.role) {
    case "admin":
      return undefined
    case "leader":
      return "a leader reads and does not write"
    case "auditor":
      return "an auditor reads and does not write"
    case "reporter": {
      if (kind === "campaign" || kind === "unit")
        return `a unit reporter does not write ${kind} records`
      for (const value of [before, after]) {
        if (value === undefined || value === null) continue
        const unit = unitOf(kind, value)
        if (unit !== user.unit)
          return `the ${kind} belongs to ${unit === undefined ? "the whole area" : `unit ${unit}`}, not to unit ${user.unit ?? "(none)"}`
      }
      return undefined
    }
  }
}

/**
 * Whether a user may read the history of a record: the administrator and the
 * auditor for every record, a reporter for its own unit's records, a leader
 * not at all.
 *
 * @example
 * {@includeCode ../examples/Role.ts#rules}
 *
 * @since 0.1.0
 * @category rules
 */
export const canReadHistory = (user: User, kind: RecordKind, unit: string | undefined): boolean =>
  user.role === "admin" ||
  user.role === "auditor" ||
  (user.role === "reporter" && canRead(user, kind, unit) && kind !== "campaign" && kind !== "unit")

/**
 * Whether a user may manage accounts: only the administrator.
 *
 * @example
 * {@includeCode ../examples/Role.ts#rules}
 *
 * @since 0.1.0
 * @category rules
 */
export const canManageAccounts = (user: User): boolean => user.role === "admin"
