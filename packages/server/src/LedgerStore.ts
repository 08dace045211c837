/**
 * The {@link Store} port on `@gongjian/ledger` (台账库): the same API over the
 * append-only log on PGlite (embedded) or PostgreSQL, given as the ledger's
 * `SqlClient` (`Ledger.layer(location)`). Every write is one ledger
 * submission by the signed-in user with the reason given; corrections and
 * withdrawals are the ledger's own, and the history of a record is read from
 * the ledger.
 *
 * A project's events are records of their own in the ledger (`P-007#0`,
 * `#1` …): a project written through the API is compared with the ledger's,
 * and only what changed is written — the project's other fields, events
 * appended, events corrected, events withdrawn. The history of a project is
 * its stream folded back: one revision per submission, events inside.
 *
 * Writing a campaign document (what `Server.seed` does) imports the whole
 * snapshot with `Ledger.importSnapshot`.
 *
 * The campaign as known at a time is the ledger's export as of that time;
 * the corrections are the ledger's own (`Correction.between`), with who
 * filed them as `user（unit）`. Times are the ledger's: when it recorded a
 * write, not the stamp the server gives it.
 *
 * Reading the whole campaign exports it from the ledger (kept until the
 * ledger's last sequence number moves). Reading a selection, what a write
 * checks itself against, takes the campaign document and the units from the
 * last whole read while none of their records and no import came since, and
 * the other records from their own history: its cost does not grow with the
 * campaign's projects and activities. A selection of many records (a large
 * upload) is taken from the whole campaign instead.
 *
 * @since 0.1.0
 */
import { randomUUID } from "node:crypto"
import { Correction, Ledger } from "@gongjian/ledger"
import * as Edition from "@gongjian/reports/Edition"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as SqlClient from "effect/sql/SqlClient"
import { compose } from "./internal/engine.js"
import {
  type Current,
  compare,
  type RecordKind,
  type Revision,
  type Selection,
  type Stamp,
  Store,
  StoreError,
  type Write
} from "./Store.js"

type Json = { readonly [key: string]: unknown }

const place = (id: string) => Number(id.slice(id.lastIndexOf("#") + 1))

/** The live events of a project stream, in their order, by id. */
const liveEvents = (stream: ReadonlyArray<Ledger.Version>): Map<string, unknown> => {
  const live = new Map<string, unknown>()
  for (const v of stream) {
    if (v.kind !== "event") continue
    if (v.value === null) live.delete(v.id)
    else live.set(v.id, v.value)
  }
  return new Map([...live.entries()].sort((a, b) => place(a[0]) - place(b[0])))
}

/** A project's ledger stream as the project's revisions: one per submission. */
const projectRevisions = (
  campaign: string,
  id: string,
  stream: ReadonlyArray<Ledger.Version>
): Array<Revision> => {
  let body: Json | null = null
  const events = new Map<string, unknown>()
  const out: Array<Revision> = []
  let submission: string | undefined
  for (const v of stream) {
    if (v.kind === "project") body = v.value === null ? null : (v.value as Json)
    else if (v.value === null) events.delete(v.id)
    else events.set(v.id, v.value)
    const value =
      body === null
        ? null
        : {
            ...body,
            events: [...events.entries()].sort((a, b) => place(a[0]) - place(b[0])).map((e) => e[1])
          }
    const same = submission === v.submission && out.length > 0
    const revision: Revision = {
      campaign,
      kind: "project",
      id,
      revision: same ? out[out.length - 1]!.revision : out.length + 1,
      sequence: v.seq,
      value,
      who: v.by.user,
      at: v.recordedAt,
      why: v.reason ?? ""
    }
    if (same) out[out.length - 1] = revision
    else out.push(revision)
    submission = v.submission
  }
  return out
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

// A selection of more records than this is read from the whole campaign.
const manyRecords = 32

/**
 * The store on a ledger. `unitOf` names the unit the ledger records with
 * each submission for a user (default `county`).
 *
 * @example
 * {@includeCode ../examples/LedgerStore.ts#ledger}
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options?: {
  readonly unitOf?: (user: string) => string
}): Layer.Layer<Store, never, SqlClient.SqlClient> =>
  Layer.effect(
    Store,
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      const unitOf = options?.unitOf ?? (() => "county")
      const cache = new Map<string, Current>()

      const lastSeq = (campaign: string) =>
        Effect.map(
          sql<{
            seq: string | null
          }>`SELECT max(seq)::text AS seq FROM ledger_record WHERE campaign = ${campaign}::text`,
          (rows) => Number(rows[0]?.seq ?? 0)
        )

      // The whole campaign as exported from the ledger, as known at a time or now.
      const whole = (campaign: string, sequence: number, knownAt: string | undefined) =>
        Effect.gen(function* () {
          const doc = JSON.parse(yield* Ledger.exportJson({ campaign, knownAt })) as Json
          const { units, projects, activities, reports, ...rest } = doc as Json & {
            readonly units?: ReadonlyArray<Json>
            readonly projects?: ReadonlyArray<Json>
            readonly activities?: ReadonlyArray<Json>
            readonly reports?: ReadonlyArray<Json>
          }
          const record = (kind: RecordKind, id: string, value: unknown): Revision => ({
            campaign,
            kind,
            id,
            revision: 0,
            sequence,
            value,
            who: "",
            at: "",
            why: ""
          })
          return {
            sequence,
            records: [
              record("campaign", campaign, rest),
              ...(units ?? []).map((v) => record("unit", String(v.id), v)),
              ...(projects ?? []).map((v) => record("project", String(v.id), v)),
              ...(activities ?? []).map((v) => record("activity", String(v.id), v)),
              ...(reports ?? []).map((v) => record("report", String(v.id), v))
            ]
          } satisfies Current
        })

      const current = (campaign: string) =>
        Effect.gen(function* () {
          const sequence = yield* lastSeq(campaign)
          if (sequence === 0) return { sequence, records: [] }
          const cached = cache.get(campaign)
          if (cached !== undefined && cached.sequence === sequence) return cached
          const out = yield* whole(campaign, sequence, undefined)
          cache.set(campaign, out)
          return out
        })

      const knownAt = (campaign: string, at: string) =>
        Effect.gen(function* () {
          const rows = yield* sql<{ seq: string | null }>`SELECT max(seq)::text AS seq
            FROM ledger_record WHERE campaign = ${campaign}::text AND recorded_at <= ${at}::timestamptz`
          const sequence = Number(rows[0]?.seq ?? 0)
          if (sequence === 0) return { sequence, records: [] }
          return yield* whole(campaign, sequence, at)
        })

      const history = (campaign: string, kind: RecordKind, id: string) =>
        Effect.gen(function* () {
          if (kind === "campaign") return []
          const stream = yield* Ledger.history({ campaign, kind, id })
          if (kind === "project") return projectRevisions(campaign, id, stream)
          return stream.map(
            (v, i): Revision => ({
              campaign,
              kind,
              id,
              revision: i + 1,
              sequence: v.seq,
              value: v.value,
              who: v.by.user,
              at: v.recordedAt,
              why: v.reason ?? ""
            })
          )
        })

      // The campaign document and the units as of the last whole read, with
      // what they were read at: the last record of the kinds they are made of
      // and the last import (which sets the as-of date).
      const frames = new Map<string, { readonly at: string; readonly records: Array<Revision> }>()
      const frameAt = (campaign: string) =>
        Effect.map(
          sql<{ at: string }>`SELECT concat(
              (SELECT coalesce(max(seq), 0) FROM ledger_record
                WHERE campaign = ${campaign}::text AND kind IN ('campaign', 'calendar', 'target', 'unit')),
              '/',
              (SELECT coalesce(max(id), 0) FROM ledger_submission
                WHERE campaign = ${campaign}::text AND kind = 'import')) AS at`,
          (rows) => rows[0]?.at ?? ""
        )

      // A selection: the campaign document and the units from the frame (read
      // whole again only when one of their records changed), other records
      // from their own history.
      const read = (campaign: string, selection: Selection) =>
        Effect.gen(function* () {
          if (selection.records.length > manyRecords) {
            // One export costs less than the history of each of many records.
            const whole = yield* current(campaign)
            const kinds = new Set<RecordKind>(selection.kinds)
            const keys = new Set(selection.records.map((r) => `${r.kind}\u0000${r.id}`))
            return {
              sequence: whole.sequence,
              records: whole.records.filter(
                (r) => kinds.has(r.kind) || keys.has(`${r.kind}\u0000${r.id}`)
              )
            } satisfies Current
          }
          const sequence = yield* lastSeq(campaign)
          if (sequence === 0) return { sequence, records: [] }
          const at = yield* frameAt(campaign)
          let frame = frames.get(campaign)
          if (frame === undefined || frame.at !== at) {
            const whole = yield* current(campaign)
            frame = {
              at,
              records: whole.records.filter((r) => r.kind === "campaign" || r.kind === "unit")
            }
            frames.set(campaign, frame)
          }
          const found = new Map<string, Revision>()
          const add = (r: Revision) => found.set(`${r.kind}\u0000${r.id}`, r)
          const kinds = new Set<RecordKind>(selection.kinds)
          for (const r of frame.records) if (kinds.has(r.kind)) add(r)
          for (const { kind, id } of selection.records) {
            if (kind === "campaign" || kind === "unit") {
              const r = frame.records.find((x) => x.kind === kind && x.id === id)
              if (r !== undefined) add(r)
              continue
            }
            const revisions = yield* history(campaign, kind, id)
            const last = revisions[revisions.length - 1]
            if (last !== undefined && last.value !== null) add(last)
          }
          return { sequence, records: [...found.values()].sort(compare) } satisfies Current
        })

      const entriesOf = (campaign: string, w: Write, why: string) =>
        Effect.gen(function* () {
          if (w.kind !== "project")
            return [
              w.value === null
                ? { kind: w.kind, id: w.id, reason: why }
                : { kind: w.kind, id: w.id, value: w.value, reason: why }
            ] satisfies Array<Ledger.Entry>
          if (w.value === null) return [{ kind: "project" as const, id: w.id, reason: why }]
          const stream = yield* Ledger.history({ campaign, kind: "project", id: w.id })
          const live = liveEvents(stream)
          const ids = [...live.keys()]
          const lastBody = [...stream].reverse().find((v) => v.kind === "project")?.value
          const { events, ...rest } = w.value as Json & { readonly events?: ReadonlyArray<unknown> }
          const body = { ...rest, events: [] }
          const entries: Array<Ledger.Entry> = []
          if (lastBody === undefined || lastBody === null || !same(lastBody, body))
            entries.push({ kind: "project", id: w.id, value: body, reason: why })
          const next = events ?? []
          next.forEach((e, i) => {
            const id = ids[i]
            if (id === undefined)
              entries.push({ kind: "event", project: w.id, value: e, reason: why })
            else if (!same(live.get(id), e))
              entries.push({ kind: "event", id, value: e, reason: why })
          })
          for (const id of ids.slice(next.length)) entries.push({ kind: "event", id, reason: why })
          return entries
        })

      const submit = (campaign: string, writes: ReadonlyArray<Write>, stamp: Stamp) =>
        Effect.gen(function* () {
          const by = { user: stamp.who, unit: unitOf(stamp.who) }
          if (writes.some((w) => w.kind === "campaign")) {
            // A whole campaign: import it as one snapshot.
            const snapshot = compose(
              writes.map((w) => ({
                campaign,
                kind: w.kind,
                id: w.id,
                revision: 0,
                sequence: 0,
                value: w.value,
                who: "",
                at: "",
                why: ""
              }))
            )
            const receipt = yield* Ledger.importSnapshot({ snapshot, by, reason: stamp.why })
            return writes.map(
              (w): Revision => ({
                campaign,
                kind: w.kind,
                id: w.id,
                revision: 1,
                sequence: receipt.written.find((x) => x.kind === w.kind && x.id === w.id)?.seq ?? 0,
                value: w.value,
                who: stamp.who,
                at: receipt.recordedAt,
                why: stamp.why
              })
            )
          }
          const entries: Array<Ledger.Entry> = []
          for (const w of writes) entries.push(...(yield* entriesOf(campaign, w, stamp.why)))
          if (entries.length > 0)
            yield* Ledger.submit({
              campaign,
              key: `${stamp.who}:${stamp.at}:${randomUUID()}`,
              by,
              entries,
              reason: stamp.why
            })
          const out: Array<Revision> = []
          for (const w of writes) {
            const h = yield* history(campaign, w.kind, w.id)
            out.push(h[h.length - 1]!)
          }
          return out
        })

      const run = <A, E>(campaign: string, self: Effect.Effect<A, E, SqlClient.SqlClient>) =>
        self.pipe(
          Effect.provideService(SqlClient.SqlClient, sql),
          Effect.mapError(
            (e) =>
              new StoreError({
                campaign,
                message: `campaign ${campaign}: ${e instanceof Error ? e.message : String(e)}`
              })
          )
        )

      return Store.of({
        campaigns: run("(all)", Ledger.campaigns),
        current: (campaign) => run(campaign, current(campaign)),
        read: (campaign, selection) => run(campaign, read(campaign, selection)),
        submit: (campaign, writes, stamp) => run(campaign, submit(campaign, writes, stamp)),
        history: (campaign, kind, id) => run(campaign, history(campaign, kind, id)),
        knownAt: (campaign, at) => run(campaign, knownAt(campaign, at)),
        corrections: (campaign, from, to) =>
          run(
            campaign,
            Effect.map(Correction.between({ campaign, from, to }), (cs) =>
              cs.map((c) => Edition.correction(c))
            )
          )
      })
    })
  )
