/**
 * An edition (期) of a bulletin read from a campaign's records kept over
 * time: the campaign as known when the bulletin is made (or, for a bulletin
 * already recorded as issued, as known when it was issued, so that it reads
 * as it did), the campaign as known when the previous bulletin was issued,
 * and the corrections (更正) filed since — what the ranking's moves, the new
 * exit findings and "上期以来数据更正" count from. The records come from a
 * {@link Source}: the ledger ({@link fromLedger}) or any store that keeps
 * every version with the time it was recorded.
 *
 * @since 0.1.0
 */
import { LocalDate, type Period, type Snapshot } from "@gongjian/core"
import { Correction, Ledger, type LedgerError } from "@gongjian/ledger"
import * as Effect from "effect/Effect"
import type * as SqlClient from "effect/sql/SqlClient"
import type { SqlError } from "effect/sql/SqlError"
import * as Bulletin from "./Bulletin.js"

/**
 * What an edition reads of a campaign's records. Times are `knownAt` times:
 * an ISO 8601 instant, or a date for the end of that day in Beijing time.
 *
 * @example
 * {@includeCode ../examples/Edition.ts#snapshot}
 *
 * @since 0.1.0
 * @category models
 */
export interface Source<E = never, R = never> {
  /** The campaign as known at a time; `undefined`: as known now. */
  readonly snapshot: (knownAt: string | undefined) => Effect.Effect<Snapshot.Snapshot, E, R>
  /** When an activity (a bulletin's record) was first recorded, or undefined when it never was. */
  readonly recordedAt: (activity: string) => Effect.Effect<string | undefined, E, R>
  /** The corrections recorded after `from` and up to `to` (`undefined`: now), in the order they were filed. */
  readonly corrections: (
    from: string,
    to: string | undefined
  ) => Effect.Effect<ReadonlyArray<Bulletin.Correction>, E, R>
}

/**
 * What a bulletin of a period is made from: the snapshot it speaks of, the
 * snapshot as known when the previous bulletin was issued (undefined when
 * that one was not recorded as issued: its figures are then read from
 * `snapshot` as of its date), and the corrections filed since the previous
 * bulletin.
 *
 * @example
 * {@includeCode ../examples/Edition.ts#ledger}
 *
 * @since 0.1.0
 * @category models
 */
export interface Edition {
  readonly snapshot: Snapshot.Snapshot
  readonly period: Period.Period
  readonly previousSnapshot: Snapshot.Snapshot | undefined
  readonly corrections: ReadonlyArray<Bulletin.Correction>
}

/**
 * What the engines say of a snapshot as of a date, for {@link bulletin}:
 * the assessment and the exit findings (either absent without a policy).
 *
 * @example
 * {@includeCode ../examples/Edition.ts#engines}
 *
 * @since 0.1.0
 * @category models
 */
export interface Results {
  readonly assessment?: Bulletin.AssessmentInput | undefined
  readonly findings?: ReadonlyArray<Bulletin.FindingInput> | undefined
}

/**
 * Reads the edition of a period (default: the bulletin period current on the
 * campaign's as-of date, {@link Bulletin.currentPeriod}) as known at
 * `knownAt` (default: now; for a bulletin recorded as issued, when it was
 * issued). The corrections are those filed after the previous bulletin's
 * issue (its date when it was not recorded; the day before the campaign
 * window for a first bulletin) and up to this one's `knownAt`.
 *
 * @example
 * {@includeCode ../examples/Edition.ts#ledger}
 *
 * @since 0.1.0
 * @category reading
 */
export const read = <E, R>(
  source: Source<E, R>,
  options?: {
    readonly period?: Period.Period | undefined
    readonly knownAt?: string | undefined
  }
): Effect.Effect<Edition, E, R> =>
  Effect.gen(function* () {
    let knownAt = options?.knownAt
    let snapshot = yield* source.snapshot(knownAt)
    const period = options?.period ?? Bulletin.currentPeriod(snapshot.campaign, snapshot.asOf)
    const own = Bulletin.issued(snapshot).find((a) => a.id === `bulletin-${period.label}`)
    if (knownAt === undefined && own !== undefined) {
      knownAt = yield* source.recordedAt(own.id)
      if (knownAt !== undefined) snapshot = yield* source.snapshot(knownAt)
    }
    const prev = Bulletin.previous(snapshot, period)
    const prevIssued =
      prev?.record === undefined ? undefined : yield* source.recordedAt(prev.record.id)
    const previousSnapshot =
      prevIssued === undefined ? undefined : yield* source.snapshot(prevIssued)
    const from = prevIssued ?? prev?.asOf ?? LocalDate.addDays(snapshot.campaign.window.start, -1)
    const corrections = yield* source.corrections(from, knownAt)
    return { snapshot, period, previousSnapshot, corrections }
  })

/**
 * The edition of a period read from a snapshot alone (a file, no records
 * over time): the previous bulletin's figures from the same snapshot, no
 * corrections.
 *
 * @example
 * {@includeCode ../examples/Edition.ts#snapshot}
 *
 * @since 0.1.0
 * @category constructors
 */
export const ofSnapshot = (
  snapshot: Snapshot.Snapshot,
  period: Period.Period = Bulletin.currentPeriod(snapshot.campaign, snapshot.asOf)
): Edition => ({ snapshot, period, previousSnapshot: undefined, corrections: [] })

/**
 * Makes the bulletin of an edition: the engines run as of its date (the
 * period's end, or the snapshot's as-of date when earlier) and as of the
 * previous bulletin's date — on the snapshot as known when the previous
 * bulletin was issued when there is one — with the edition's corrections.
 * `engines` undefined: a bulletin without ranking or exit findings.
 *
 * @example
 * {@includeCode ../examples/Edition.ts#ledger}
 *
 * @since 0.1.0
 * @category constructors
 */
export const bulletin = <E = never, R = never>(
  edition: Edition,
  engines:
    | ((snapshot: Snapshot.Snapshot, asOf: LocalDate.LocalDate) => Effect.Effect<Results, E, R>)
    | undefined
): Effect.Effect<Bulletin.Bulletin, E, R> =>
  Effect.gen(function* () {
    const { snapshot, period } = edition
    const run = (s: Snapshot.Snapshot, asOf: LocalDate.LocalDate) =>
      engines === undefined ? Effect.succeed<Results>({}) : engines(s, asOf)
    const asOf = LocalDate.min(period.end, snapshot.asOf)
    const now = yield* run(snapshot, asOf)
    const prev = Bulletin.previous(snapshot, period, asOf)
    const before =
      prev === undefined || engines === undefined
        ? undefined
        : yield* run(edition.previousSnapshot ?? snapshot, prev.asOf)
    return Bulletin.make({
      snapshot,
      period,
      asOf,
      assessment: now.assessment,
      findings: now.findings,
      previous:
        prev === undefined ? undefined : { ...before, asOf: prev.asOf, record: prev.record?.id },
      corrections: edition.corrections
    })
  })

/**
 * A correction of the ledger as a bulletin lists it: who filed it written
 * `user（unit）`, or as `by` says.
 *
 * @example
 * {@includeCode ../examples/Edition.ts#ledger}
 *
 * @since 0.1.0
 * @category constructors
 */
export const correction = (
  c: Correction.Correction,
  by: string = `${c.by.user}（${c.by.unit}）`
): Bulletin.Correction => ({
  record: c.record,
  field: c.field,
  on: c.on,
  before: c.before,
  after: c.after,
  reason: c.reason,
  by,
  withdrawn: c.withdrawn
})

/**
 * The {@link Source} of a campaign kept in the ledger (`@gongjian/ledger`):
 * its snapshots as known at a time, when a bulletin's record was first
 * recorded, and its corrections (`Correction.between`).
 *
 * @example
 * {@includeCode ../examples/Edition.ts#ledger}
 *
 * @since 0.1.0
 * @category sources
 */
export const fromLedger = (
  campaign: string
): Source<LedgerError.LedgerError | Snapshot.SnapshotError | SqlError, SqlClient.SqlClient> => ({
  snapshot: (knownAt) => Ledger.snapshot({ campaign, knownAt }),
  recordedAt: (id) =>
    Effect.map(
      Ledger.history({ campaign, kind: "activity", id }),
      (versions) => versions.find((v) => v.value !== null)?.recordedAt
    ),
  corrections: (from, to) =>
    Effect.map(Correction.between({ campaign, from, to }), (cs) => cs.map((c) => correction(c)))
})
