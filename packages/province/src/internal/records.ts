import { createHash } from "node:crypto"
import { Snapshot } from "@gongjian/core"
import * as Result from "effect/Result"
import { InvalidCounty } from "../ProvinceError.js"

/** What a county's partition holds: one row per record of its snapshot. */
export type Kind = "campaign" | "calendar" | "unit" | "project" | "activity" | "report"

/** A record of a county, ready to be written. */
export interface Row {
  readonly county: string
  /** The idempotency key, unique in the county's partition: `kind/id`. */
  readonly key: string
  readonly kind: Kind
  readonly record_id: string
  readonly ordinal: number
  /** sha256 of the key and the body, hex. */
  readonly digest: string
  readonly body: string
}

const COLLECTIONS: ReadonlyArray<readonly [Kind, string]> = [
  ["unit", "units"],
  ["project", "projects"],
  ["activity", "activities"],
  ["report", "reports"]
]

type Json = { readonly [key: string]: unknown }

const digestOf = (key: string, body: string) =>
  createHash("sha256").update(key).update("\n").update(body).digest("hex")

const row = (county: string, kind: Kind, id: string, ordinal: number, value: unknown): Row => {
  const key = `${kind}/${id}`
  const body = JSON.stringify(value)
  return { county, key, kind, record_id: id, ordinal, digest: digestOf(key, body), body }
}

/**
 * A county's file decoded as a snapshot; a file that does not decode is an
 * `InvalidCounty` naming its first problem's field.
 */
export const decodeCounty = (
  county: string,
  file: unknown
): Result.Result<Snapshot.Snapshot, InvalidCounty> => {
  const decoded = Snapshot.decode(file)
  if (Result.isSuccess(decoded)) return Result.succeed(decoded.success)
  const p = decoded.failure.problems[0]
  return Result.fail(
    new InvalidCounty({
      code: "snapshot",
      county,
      field: p === undefined ? "" : p.path,
      detail: p === undefined ? "not a snapshot" : p.message
    })
  )
}

/**
 * A county's snapshot file as rows: the campaign, the calendar (when there is
 * one), then each unit, project (with its events), activity and report, in
 * file order. The file must decode as a snapshot.
 */
export const rowsOf = (
  county: string,
  snapshot: unknown
): Result.Result<ReadonlyArray<Row>, InvalidCounty> => {
  const decoded = decodeCounty(county, snapshot)
  if (Result.isFailure(decoded)) return Result.fail(decoded.failure)
  const file = snapshot as Json
  const rows: Array<Row> = [row(county, "campaign", "campaign", 0, file.campaign)]
  if (file.calendar !== undefined) rows.push(row(county, "calendar", "calendar", 0, file.calendar))
  for (const [kind, field] of COLLECTIONS) {
    const list = (file[field] ?? []) as ReadonlyArray<Json>
    list.forEach((value, i) => {
      rows.push(row(county, kind, String(value.id), i, value))
    })
  }
  return Result.succeed(rows)
}

/** A record as read back from a partition. */
export interface Stored {
  readonly kind: Kind
  readonly ordinal: number
  readonly body: string
}

/** The snapshot file of a county's records, as of a date, in file order. */
export const assemble = (asOf: string, rows: ReadonlyArray<Stored>): Json => {
  const sorted = [...rows].sort((a, b) => a.ordinal - b.ordinal)
  const of = (kind: Kind) => sorted.filter((r) => r.kind === kind).map((r) => JSON.parse(r.body))
  const calendar = of("calendar")[0]
  return {
    asOf,
    campaign: of("campaign")[0],
    units: of("unit"),
    projects: of("project"),
    activities: of("activity"),
    reports: of("report"),
    ...(calendar === undefined ? {} : { calendar })
  }
}

/**
 * The check of a set of rows, as the servers compute it: the number of rows
 * and the sum of the first 15 hex digits of each digest, read as a number.
 */
export const checkOf = (rows: ReadonlyArray<Pick<Row, "digest">>) => {
  let sum = 0n
  for (const r of rows) sum += BigInt(`0x${r.digest.slice(0, 15)}`)
  return { count: rows.length, sum: sum.toString() }
}
