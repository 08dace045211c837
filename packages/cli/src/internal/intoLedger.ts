import { Fingerprint, Snapshot } from "@gongjian/core"
import type { Import } from "@gongjian/sheets"

type Json = Record<string, unknown>

const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

const same = (a: unknown, b: unknown): boolean =>
  Fingerprint.canonicalJson(a) === Fingerprint.canonicalJson(b)

/**
 * A record's JSON as the import writes it: the ledger's own text (`raw`)
 * wherever the imported value (`next`) equals what the ledger held
 * (`before`, the same record encoded), the encoded value elsewhere. A row
 * that changes nothing then writes nothing, and a changed field does not
 * rewrite the others' spelling (`12亿元` stays `12亿元`).
 */
const keep = (next: unknown, before: unknown, raw: unknown): unknown => {
  if (same(next, before)) return raw
  if (Array.isArray(next) && Array.isArray(before) && Array.isArray(raw)) {
    if (raw.length !== before.length) return next
    return next.map((x) => {
      const i = before.findIndex((y) => same(x, y))
      return i >= 0 ? raw[i] : x
    })
  }
  if (isObject(next) && isObject(before) && isObject(raw))
    return Object.fromEntries(
      Object.entries(next).map(([k, v]) => [
        k,
        k in before && k in raw ? keep(v, before[k], raw[k]) : v
      ])
    )
  return next
}

const listOf = (value: unknown): ReadonlyArray<Json> =>
  Array.isArray(value) ? value.filter(isObject) : []

/** The records of a list with the imported ones replaced by id or added after them. */
const upsert = (
  raw: ReadonlyArray<Json>,
  before: ReadonlyArray<Json>,
  changed: ReadonlyArray<Json>
): ReadonlyArray<unknown> => {
  const rawById = new Map(raw.map((r) => [String(r.id), r]))
  const beforeById = new Map(before.map((r) => [String(r.id), r]))
  const byId = new Map(
    changed.map((c) => {
      const id = String(c.id)
      const r = rawById.get(id)
      const b = beforeById.get(id)
      return [id, r === undefined || b === undefined ? c : keep(c, b, r)] as const
    })
  )
  const out: Array<unknown> = raw.map((r) => byId.get(String(r.id)) ?? r)
  for (const c of changed) if (!rawById.has(String(c.id))) out.push(c)
  return out
}

/**
 * @internal The ledger's snapshot file (`raw`, as `Ledger.exportJson` gives
 * it; `base`, it decoded) with an import's records in it (`merged`, what
 * `Import.apply` made of them): projects, activities and reports replaced
 * by id or added after the others, each keeping the ledger's text where it
 * is unchanged. Everything else is the ledger's JSON as it was, so importing
 * the result into the ledger writes exactly the records the rows changed.
 */
export const withImported = (
  raw: Json,
  base: Snapshot.Snapshot,
  merged: Snapshot.Snapshot,
  imported: Pick<Import.Imported, "projects" | "activities" | "reports">
): Json => {
  const encoded = (s: Snapshot.Snapshot): Json => {
    const e = Snapshot.encode(s)
    return isObject(e) ? e : {}
  }
  const before = encoded(base)
  const after = encoded(merged)
  const pick = (list: unknown, ids: ReadonlyArray<{ readonly id: string }>) => {
    const wanted = new Set(ids.map((r) => r.id))
    return listOf(list).filter((r) => wanted.has(String(r.id)))
  }
  const part = (key: "projects" | "activities" | "reports") => {
    const changed = pick(after[key], imported[key])
    if (changed.length === 0) return {}
    return { [key]: upsert(listOf(raw[key]), listOf(before[key]), changed) }
  }
  return { ...raw, ...part("projects"), ...part("activities"), ...part("reports") }
}
