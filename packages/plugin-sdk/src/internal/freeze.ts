/** @internal Freezes a value and everything reachable from it, in place. */
export const deepFreeze = <A>(value: A): A => {
  const stack: Array<unknown> = [value]
  const seen = new Set<unknown>()
  while (stack.length > 0) {
    const v = stack.pop()
    if (v === null || typeof v !== "object" || seen.has(v)) continue
    seen.add(v)
    Object.freeze(v)
    for (const k of Object.keys(v)) stack.push((v as Record<string, unknown>)[k])
  }
  return value
}

/** @internal Whether an error is the TypeError strict mode throws on writing to a frozen object. */
export const isFrozenWrite = (e: unknown): boolean =>
  e instanceof TypeError &&
  /read only|read-only|not extensible|Cannot (assign|add|delete|define)|frozen/i.test(e.message)
