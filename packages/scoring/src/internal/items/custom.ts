/**
 * `custom` items: code a policy writes for what the data kinds cannot say. It
 * gets the read-only context and a unit; a throw or a malformed line fails the
 * assessment, naming the unit.
 *
 * @internal
 */
import type { CustomLine } from "../../ScoringItem.js"
import * as P from "../points.js"
import type { Handler } from "./handler.js"

const messages = {
  threw: (why: string) => `the item threw: ${why}`,
  notArray: "the item must return an array of lines",
  line: (k: number, why: string) => `line ${k}: ${why}`,
  notObject: "a line must be an object",
  points: (got: unknown) => `points must be a finite number, got ${String(got)}`,
  facts: "facts must be an object",
  arithmetic: "arithmetic must be a string",
  message: "message must have zh and en strings"
}

const malformed = (l: CustomLine): string | undefined => {
  if (l === null || typeof l !== "object") return messages.notObject
  if (typeof l.points !== "number" || !Number.isFinite(l.points)) return messages.points(l.points)
  if (l.facts === null || typeof l.facts !== "object") return messages.facts
  if (typeof l.arithmetic !== "string") return messages.arithmetic
  if (
    l.message === null ||
    typeof l.message !== "object" ||
    typeof l.message.zh !== "string" ||
    typeof l.message.en !== "string"
  ) {
    return messages.message
  }
  try {
    P.fromDecimal(l.points)
  } catch (e) {
    return (e as Error).message
  }
  return undefined
}

/** @internal */
export const custom: Handler<"custom"> = (item, env) => {
  for (const u of env.units) {
    let out: ReadonlyArray<CustomLine>
    try {
      out = item.compute(env.context, u)
    } catch (e) {
      return {
        code: "item-threw",
        unit: u.id,
        detail: messages.threw(e instanceof Error ? e.message : String(e)),
        cause: e
      }
    }
    if (!Array.isArray(out)) return { code: "not-lines", unit: u.id, detail: messages.notArray }
    for (const [k, l] of out.entries()) {
      const bad = malformed(l)
      if (bad !== undefined)
        return { code: "malformed-line", unit: u.id, detail: messages.line(k, bad) }
      env.creditUnit(u.id, {
        key: String(k).padStart(8, "0"),
        raw: P.fromDecimal(l.points),
        render: () => ({ facts: l.facts, arithmetic: l.arithmetic, message: l.message })
      })
    }
  }
  return undefined
}
