/**
 * The storage port (存储端口) of the server: read the current records of a
 * campaign, submit records with who, when and why, and read the history of
 * any record. The server runs on any implementation of {@link Store}; this
 * module brings the in-memory one, {@link layerMemory}.
 *
 * A record is one unit, project, activity or report of a campaign, or the
 * campaign document itself (kind `campaign`, holding the campaign, its as-of
 * date and calendar). Every write makes a new {@link Revision}; a withdrawn
 * record has a revision whose value is `null`. Nothing is overwritten.
 *
 * @since 0.1.0
 */
import { Correction as LedgerCorrection } from "@gongjian/ledger"
import type { Correction } from "@gongjian/reports/Bulletin"
import * as Edition from "@gongjian/reports/Edition"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import { bound, micros } from "./internal/instant.js"

/**
 * The kinds of record a campaign holds.
 *
 * @example
 * {@includeCode ../examples/Store.ts#memory}
 *
 * @since 0.1.0
 * @category schemas
 */
export const RecordKind = Schema.Literals(["campaign", "unit", "project", "activity", "report"])

/**
 * The type of {@link RecordKind}.
 *
 * @example
 * {@includeCode ../examples/Store.ts#memory}
 *
 * @since 0.1.0
 * @category models
 */
export type RecordKind = typeof RecordKind.Type

/**
 * A sequence number (序号): the place of a write in the order the store wrote
 * them, counted from 1 across the store (a count of writes, not a time); 0
 * before the first write. Every revision carries the sequence number of its
 * write, and {@link Current} the number of the last write it reflects, so two
 * reads with the same number saw the same records.
 *
 * @example
 * {@includeCode ../examples/Store.ts#memory}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Sequence = Schema.Int.annotate({
  description:
    "The place of a write in the order the store wrote them, from 1 (0 before the first write): a count of writes, not a time"
})

/**
 * The type of {@link Sequence}.
 *
 * @example
 * {@includeCode ../examples/Store.ts#memory}
 *
 * @since 0.1.0
 * @category models
 */
export type Sequence = number

/**
 * An instant (时间) as ISO 8601 text in UTC. A revision's time, and every
 * time the API gives, is to the microsecond whatever the store:
 * `2026-10-15T08:00:00.000000Z` (since 0.4.0; the in-memory store gave
 * milliseconds before, the ledger microseconds). A {@link Stamp} given to a
 * store may be to the millisecond or carry an offset
 * (`2026-10-15T16:00:00.000+08:00`): the in-memory store gives it back in UTC
 * to the microsecond; the ledger keeps its own time. Not a number of
 * milliseconds.
 *
 * @example
 * {@includeCode ../examples/Store.ts#memory}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Instant = Schema.String.annotate({
  description:
    "An instant as ISO 8601 text in UTC, to the microsecond as the store gives it, e.g. 2026-10-15T08:00:00.000000Z"
})

/**
 * The type of {@link Instant}.
 *
 * @example
 * {@includeCode ../examples/Store.ts#memory}
 *
 * @since 0.1.0
 * @category models
 */
export type Instant = string

/**
 * Who wrote (the account's name), when (an {@link Instant}) and why
 * (留痕: 操作人、时间、理由).
 *
 * @example
 * {@includeCode ../examples/Store.ts#memory}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Stamp = Schema.Struct({
  who: Schema.String,
  at: Instant,
  why: Schema.String
}).annotate({ identifier: "Stamp" })

/**
 * The type of {@link Stamp}.
 *
 * @example
 * {@includeCode ../examples/Store.ts#memory}
 *
 * @since 0.1.0
 * @category models
 */
export type Stamp = typeof Stamp.Type

/**
 * One revision (版本) of a record: its value as written (`null` when the
 * record was withdrawn), its number among the record's revisions (from 1),
 * the {@link Sequence} number of its write, and its {@link Stamp}.
 *
 * @example
 * {@includeCode ../examples/Store.ts#memory}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Revision = Schema.Struct({
  campaign: Schema.String,
  kind: RecordKind,
  id: Schema.String,
  revision: Schema.Int,
  sequence: Sequence,
  value: Schema.NullOr(Schema.Unknown),
  who: Schema.String,
  at: Instant,
  why: Schema.String
}).annotate({ identifier: "Revision" })

/**
 * The type of {@link Revision}.
 *
 * @example
 * {@includeCode ../examples/Store.ts#memory}
 *
 * @since 0.1.0
 * @category models
 */
export type Revision = typeof Revision.Type

/**
 * One record to write: its kind, id and value (`null` withdraws it).
 *
 * @example
 * {@includeCode ../examples/Store.ts#memory}
 *
 * @since 0.1.0
 * @category models
 */
export interface Write {
  readonly kind: RecordKind
  readonly id: string
  readonly value: unknown
}

/**
 * The current records of a campaign (or some of them, see
 * {@link Selection}): the latest revision of every record that is not
 * withdrawn, in kind then id order, and the {@link Sequence} number of the
 * last write the store had made when it read them.
 *
 * @example
 * {@includeCode ../examples/Store.ts#memory}
 *
 * @since 0.1.0
 * @category models
 */
export interface Current {
  readonly sequence: Sequence
  readonly records: ReadonlyArray<Revision>
}

/**
 * Some records of a campaign, for {@link Store} `read`: every record of the
 * given kinds, and the given records by kind and id.
 *
 * @example
 * {@includeCode ../examples/Store.ts#memory}
 *
 * @since 0.1.0
 * @category models
 */
export interface Selection {
  readonly kinds: ReadonlyArray<RecordKind>
  readonly records: ReadonlyArray<{ readonly kind: RecordKind; readonly id: string }>
}

/**
 * A storage failure, naming the campaign and what went wrong.
 *
 * @example
 * {@includeCode ../examples/Store.ts#memory}
 *
 * @since 0.1.0
 * @category errors
 */
export class StoreError extends Schema.TaggedError<StoreError>()("StoreError", {
  campaign: Schema.String,
  message: Schema.String
}) {}

/**
 * The storage port. An implementation keeps every revision; `submit` writes
 * all of its records or none.
 *
 * @example
 * {@includeCode ../examples/Store.ts#memory}
 *
 * @since 0.1.0
 * @category services
 */
export class Store extends Context.Service<
  Store,
  {
    /** The ids of the campaigns that have records, sorted. */
    readonly campaigns: Effect.Effect<ReadonlyArray<string>, StoreError>
    /** The current records of a campaign. */
    readonly current: (campaign: string) => Effect.Effect<Current, StoreError>
    /**
     * Some of the current records of a campaign, as `current` would give
     * them: what a write reads to check itself, without the whole campaign.
     */
    readonly read: (campaign: string, selection: Selection) => Effect.Effect<Current, StoreError>
    /** Writes records, all or none, each with the same stamp. */
    readonly submit: (
      campaign: string,
      writes: ReadonlyArray<Write>,
      stamp: Stamp
    ) => Effect.Effect<ReadonlyArray<Revision>, StoreError>
    /** Every revision of one record, oldest first. */
    readonly history: (
      campaign: string,
      kind: RecordKind,
      id: string
    ) => Effect.Effect<ReadonlyArray<Revision>, StoreError>
    /**
     * The records of a campaign as they were known at a time (an
     * {@link Instant}): what `current` answered just after the last write
     * made at or before it. What a bulletin already issued is read from.
     */
    readonly knownAt: (campaign: string, at: Instant) => Effect.Effect<Current, StoreError>
    /**
     * The corrections (更正) written after `from` and up to `to` (`undefined`:
     * now), field by field, in the order they were written, as a bulletin
     * lists them: a revision that supersedes another, or withdraws a record.
     * `from` and `to` are {@link Instant}s or dates (the end of that day in
     * Beijing time).
     */
    readonly corrections: (
      campaign: string,
      from: string,
      to: string | undefined
    ) => Effect.Effect<ReadonlyArray<Correction>, StoreError>
  }
>()("@gongjian/server/Store") {}

const kindOrder: { readonly [K in RecordKind]: number } = {
  campaign: 0,
  unit: 1,
  project: 2,
  activity: 3,
  report: 4
}

/**
 * Orders revisions by kind (campaign, unit, project, activity, report), then
 * id, then revision number: the order of {@link Current.records}.
 *
 * @example
 * {@includeCode ../examples/Store.ts#memory}
 *
 * @since 0.1.0
 * @category ordering
 */
export const compare = (a: Revision, b: Revision): number =>
  kindOrder[a.kind] - kindOrder[b.kind] ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) ||
  a.revision - b.revision

/**
 * The in-memory store: every revision kept in this process, lost when it
 * ends. For tests, demos and a portal's first run.
 *
 * @example
 * {@includeCode ../examples/Store.ts#memory}
 *
 * @since 0.1.0
 * @category layers
 */
export const layerMemory: Layer.Layer<Store> = Layer.sync(Store, () => {
  const log: Array<Revision> = []
  const byKey = new Map<string, Array<Revision>>()
  // The ids written of each campaign and kind, for reading a kind whole.
  const ids = new Map<string, Set<string>>()
  const key = (campaign: string, kind: RecordKind, id: string) =>
    JSON.stringify([campaign, kind, id])
  const idsOf = (campaign: string, kind: RecordKind) => {
    const k = JSON.stringify([campaign, kind])
    let set = ids.get(k)
    if (set === undefined) {
      set = new Set()
      ids.set(k, set)
    }
    return set
  }
  const last = (campaign: string, kind: RecordKind, id: string) => {
    const revisions = byKey.get(key(campaign, kind, id))
    const r = revisions?.[revisions.length - 1]
    return r === undefined || r.value === null ? undefined : r
  }
  return Store.of({
    campaigns: Effect.sync(() => [...new Set(log.map((r) => r.campaign))].sort()),
    current: (campaign) =>
      Effect.sync(() => {
        const records: Array<Revision> = []
        for (const kind of RecordKind.literals)
          for (const id of idsOf(campaign, kind)) {
            const r = last(campaign, kind, id)
            if (r !== undefined) records.push(r)
          }
        return { sequence: log.length, records: records.sort(compare) }
      }),
    read: (campaign, selection) =>
      Effect.sync(() => {
        const found = new Map<string, Revision>()
        const add = (kind: RecordKind, id: string) => {
          const r = last(campaign, kind, id)
          if (r !== undefined) found.set(key(campaign, kind, id), r)
        }
        for (const kind of selection.kinds) for (const id of idsOf(campaign, kind)) add(kind, id)
        for (const { kind, id } of selection.records) add(kind, id)
        return { sequence: log.length, records: [...found.values()].sort(compare) }
      }),
    submit: (campaign, writes, stamp) =>
      Effect.suspend(() => {
        const seen = new Set<string>()
        for (const w of writes) {
          const k = key(campaign, w.kind, w.id)
          if (seen.has(k))
            return Effect.fail(
              new StoreError({
                campaign,
                message: `campaign ${campaign}: ${w.kind} ${w.id} is written twice in one submission`
              })
            )
          seen.add(k)
        }
        const out: Array<Revision> = []
        // Stamped as the ledger stamps: UTC to the microsecond.
        const at = micros(stamp.at)
        for (const w of writes) {
          const k = key(campaign, w.kind, w.id)
          const revisions = byKey.get(k) ?? []
          const revision: Revision = {
            campaign,
            kind: w.kind,
            id: w.id,
            revision: revisions.length + 1,
            sequence: log.length + 1,
            value: w.value === undefined ? null : structuredClone(w.value),
            ...stamp,
            at
          }
          revisions.push(revision)
          byKey.set(k, revisions)
          idsOf(campaign, w.kind).add(w.id)
          log.push(revision)
          out.push(revision)
        }
        return Effect.succeed(out)
      }),
    history: (campaign, kind, id) =>
      Effect.sync(() => [...(byKey.get(key(campaign, kind, id)) ?? [])]),
    knownAt: (campaign, at) =>
      Effect.sync(() => {
        const until = bound(at)
        const last = new Map<string, Revision>()
        let sequence = 0
        for (const r of log) {
          if (r.at > until) continue
          sequence = r.sequence
          if (r.campaign === campaign) last.set(key(campaign, r.kind, r.id), r)
        }
        const records = [...last.values()].filter((r) => r.value !== null).sort(compare)
        return { sequence, records }
      }),
    corrections: (campaign, from, to) =>
      Effect.sync(() => {
        const after = bound(from)
        const until = to === undefined ? undefined : bound(to)
        const out: Array<Correction> = []
        for (const r of log) {
          const t = r.at
          if (r.campaign !== campaign || r.revision === 1 || t <= after) continue
          if (until !== undefined && t > until) continue
          const before = byKey.get(key(campaign, r.kind, r.id))![r.revision - 2]!
          const versions = LedgerCorrection.ofVersion({
            kind: r.kind,
            id: r.id,
            seq: r.sequence,
            version: r.revision,
            effective: null,
            value: r.value,
            supersedes: before.sequence,
            previous: before.value,
            reason: r.why === "" ? null : r.why,
            recordedAt: r.at,
            by: { user: r.who, unit: "" },
            submission: ""
          })
          for (const c of versions) out.push(Edition.correction(c, r.who))
        }
        return out
      })
  })
})
