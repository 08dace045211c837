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

const take = <A extends Int32Array | Float64Array>(
  pool: Map<string, A>,
  make: (size: number) => A,
  slot: string,
  size: number
): A => {
  if (inUse.has(slot)) return make(size)
  inUse.add(slot)
  let a = pool.get(slot)
  if (a === undefined || a.length < size) {
    a = make(Math.max(size, 1024))
    pool.set(slot, a)
  }
  return a
}

/**
 * @internal An `Int32Array` of at least `size` elements for `slot` (its
 * contents are left over: write before reading), until {@link release}.
 */
export const int32 = (slot: string, size: number): Int32Array =>
  take(pools.int32, (n) => new Int32Array(n), slot, size)

/** @internal A `Float64Array` of at least `size` elements for `slot` (see {@link int32}). */
export const float64 = (slot: string, size: number): Float64Array =>
  take(pools.float64, (n) => new Float64Array(n), slot, size)

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
