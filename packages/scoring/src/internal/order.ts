/**
 * Ordering lines by key when the keys come as a few rising runs interleaved
 * (an exit engine's findings, project by project, each rule's ids rising):
 * fewer key comparisons than a general sort.
 *
 * @internal
 */

/** At most this many rising runs are merged; more, and the keys are sorted. */
const MAX_RUNS = 8

const byKey =
  (keys: ReadonlyArray<string>) =>
  (a: number, b: number): number => {
    const x = keys[a]!
    const y = keys[b]!
    return x < y ? -1 : x === y ? a - b : 1
  }

/**
 * @internal The positions of `keys` in key order (code-unit order), equal
 * keys in their given order: the order a stable sort by key gives.
 *
 * The keys are dealt into rising runs, each onto the first run whose last key
 * is not above it (the runs' last keys then fall from the first run to the
 * last, so the run is found by bisection), and the runs are merged. Keys that
 * need more than a few runs are sorted instead.
 */
export const orderByKey = (keys: ReadonlyArray<string>): Array<number> => {
  const n = keys.length
  const runs: Array<Array<number>> = []
  const lasts: Array<string> = []
  for (let k = 0; k < n; k++) {
    const key = keys[k]!
    let lo = 0
    let hi = runs.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (lasts[mid]! <= key) hi = mid
      else lo = mid + 1
    }
    if (lo === runs.length) {
      if (runs.length === MAX_RUNS) {
        const order = Array.from({ length: n }, (_, i) => i)
        return order.sort(byKey(keys))
      }
      runs.push([k])
      lasts.push(key)
    } else {
      runs[lo]!.push(k)
      lasts[lo] = key
    }
  }
  if (runs.length <= 1) return runs[0] ?? []
  // Each run rises by key, then by position: merged by the same order.
  const out = new Array<number>(n)
  const at = new Array<number>(runs.length).fill(0)
  for (let i = 0; i < n; i++) {
    let best = -1
    let bestKey = ""
    let bestPos = 0
    for (let r = 0; r < runs.length; r++) {
      const run = runs[r]!
      if (at[r]! === run.length) continue
      const pos = run[at[r]!]!
      const key = keys[pos]!
      if (best < 0 || key < bestKey || (key === bestKey && pos < bestPos)) {
        best = r
        bestKey = key
        bestPos = pos
      }
    }
    out[i] = bestPos
    at[best]!++
  }
  return out
}
