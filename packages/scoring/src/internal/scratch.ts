/**
 * Typed arrays a run needs only while it runs (never kept in a result),
 * reused from run to run: a county's engines allocate them once instead of
 * at every run, which at a million projects would otherwise be a hundred
 * megabytes a run for the collector to count. A slot in use (a run inside a
 * run) gives a new array instead.
 *
 * @internal
 */

const pools = {
  int32: new Map<string, Int32Array>(),
  float64: new Map<string, Float64Array>()
}
const inUse = new Set<string>()

/**
 * @internal An `Int32Array` of at least `size` elements for `slot` (its
 * contents are left over: write before reading), until {@link release}.
 */
export const int32 = (slot: string, size: number): Int32Array => {
  if (inUse.has(slot)) return new Int32Array(size)
  inUse.add(slot)
  let a = pools.int32.get(slot)
  if (a === undefined || a.length < size) {
    a = new Int32Array(Math.max(size, 1024))
    pools.int32.set(slot, a)
  }
  return a
}

/** @internal A `Float64Array` of at least `size` elements for `slot` (see {@link int32}). */
export const float64 = (slot: string, size: number): Float64Array => {
  if (inUse.has(slot)) return new Float64Array(size)
  inUse.add(slot)
  let a = pools.float64.get(slot)
  if (a === undefined || a.length < size) {
    a = new Float64Array(Math.max(size, 1024))
    pools.float64.set(slot, a)
  }
  return a
}

/**
 * @internal Keeps `array` as the slot's array (a user that grew it gives
 * back the larger one), when it is larger than the one kept.
 */
export const keep = (slot: string, array: Int32Array | Float64Array): void => {
  const pool = (array instanceof Int32Array ? pools.int32 : pools.float64) as Map<
    string,
    Int32Array | Float64Array
  >
  const kept = pool.get(slot)
  if (kept === undefined || kept.length < array.length) pool.set(slot, array)
}

/** @internal Gives the slots back. */
export const release = (...slots: ReadonlyArray<string>): void => {
  for (const slot of slots) inUse.delete(slot)
}
