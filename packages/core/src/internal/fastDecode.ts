/**
 * Projects decoded by plain checks: the same values as the `Project` schema
 * builds (keys in the schema's order, money as exact decimals), for the
 * common shape of a well-formed project. A project with a field this path
 * does not know (land, responsibility, approvals, receipts) is decoded by the
 * schema alone; anything malformed gives up, and the caller decodes the whole
 * snapshot with the schema for its problem report.
 *
 * @internal
 */
import * as BigDecimal from "effect/BigDecimal"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as Money from "../Money.js"
import { Project } from "../Project.js"
import { parseIso } from "./days.js"

/** Thrown inside the fast path when the input is not of its shape. */
const GIVE_UP: unique symbol = Symbol("give-up")

const fail = (): never => {
  throw GIVE_UP
}

type Obj = Record<string, unknown>

const object = (u: unknown): Obj =>
  typeof u === "object" && u !== null && !Array.isArray(u) ? (u as Obj) : fail()

const string = (u: unknown): string => (typeof u === "string" ? u : fail())

const id = (u: unknown): string => {
  const s = string(u)
  return s.length > 0 && s.trim() === s ? s : fail()
}

const date = (u: unknown): string => (parseIso(string(u)) !== undefined ? (u as string) : fail())

const count = (u: unknown): number =>
  typeof u === "number" && Number.isSafeInteger(u) && u >= 0 ? u : fail()

const nonNegative = (u: unknown): number =>
  typeof u === "number" && Number.isFinite(u) && u >= 0 ? u : fail()

const AMOUNT = /^\d+(\.\d+)?$/u

const money = (u: unknown): Money.Money => {
  if (typeof u === "string") {
    const r = Money.parse(u)
    if (Result.isFailure(r) || BigDecimal.sign(r.success.amount) < 0) return fail()
    return r.success
  }
  const o = object(u)
  if (keyCount(o) !== 2) return fail()
  const amount = o.amount
  const currency = o.currency
  if (typeof amount !== "string" || !AMOUNT.test(amount)) return fail()
  if (currency !== "CNY" && currency !== "USD") return fail()
  return Money.makeUnsafe(amount, currency)
}

/** How many enumerable keys an object has (an inherited one counts, and so gives up). */
const keyCount = (o: Obj): number => {
  let n = 0
  for (const _ in o) n++
  return n
}

/** The fields of an object in `order`, each read by its decoder; unknown keys give up. */
const struct = (
  o: Obj,
  fields: ReadonlyArray<readonly [string, (u: unknown) => unknown, boolean]>
): Obj => {
  const out: Obj = {}
  let seen = 0
  for (const [key, decode, required] of fields) {
    if (Object.hasOwn(o, key)) {
      const v = o[key]
      if (v === undefined) return fail()
      out[key] = decode(v)
      seen++
    } else if (required) return fail()
  }
  if (keyCount(o) !== seen) return fail()
  return out
}

const array =
  <A>(item: (u: unknown) => A) =>
  (u: unknown): Array<A> => {
    if (!Array.isArray(u)) return fail()
    const out = new Array<A>(u.length)
    for (let i = 0; i < u.length; i++) out[i] = item(u[i])
    return out
  }

const SECTORS = new Set(["primary", "secondary", "tertiary"])
const sector = (u: unknown): string => (typeof u === "string" && SECTORS.has(u) ? u : fail())

const investment = (u: unknown) =>
  struct(object(u), [
    ["total", money, false],
    ["contractForeign", money, false],
    ["paidInForeign", money, false],
    ["outsideDomestic", money, false],
    ["fundsInPlace", money, false]
  ])

const contract = (u: unknown) =>
  struct(object(u), [
    ["startBy", date, false],
    ["completeBy", date, false],
    ["produceBy", date, false],
    ["investmentIntensityPerMu", money, false],
    ["taxPerMu", money, false],
    ["outputPerMu", money, false],
    ["jobs", count, false],
    ["energyTceePerYear", nonNegative, false]
  ])

const performance = (u: unknown) =>
  struct(object(u), [
    ["on", date, true],
    ["taxPerMu", money, false],
    ["outputPerMu", money, false],
    ["investmentIntensityPerMu", money, false],
    ["jobs", count, false]
  ])

const DATED = new Set([
  "planned",
  "negotiating",
  "signed",
  "land-supplied",
  "started",
  "completed",
  "in-production",
  "full-production",
  "exited",
  "land-reclaimed",
  "registered",
  "rectified"
])

const event = (u: unknown): Obj => {
  const o = object(u)
  const type = o.type
  if (typeof type !== "string") return fail()
  if (DATED.has(type))
    return struct(o, [
      ["type", string, true],
      ["date", date, true],
      ["note", string, false]
    ])
  switch (type) {
    case "funds-arrived":
      return struct(o, [
        ["type", string, true],
        ["date", date, true],
        ["note", string, false],
        ["amount", money, true]
      ])
    case "delay-exempted":
      return struct(o, [
        ["type", string, true],
        ["date", date, true],
        ["note", string, false],
        ["reason", string, true],
        ["until", date, true]
      ])
    case "rectification-ordered":
      return struct(o, [
        ["type", string, true],
        ["date", date, true],
        ["note", string, false],
        ["deadline", date, true]
      ])
  }
  return fail()
}

const PROJECT: ReadonlyArray<readonly [string, (u: unknown) => unknown, boolean]> = [
  ["id", id, true],
  ["name", string, true],
  ["unit", id, true],
  ["sector", sector, true],
  ["industry", string, false],
  ["investment", investment, false],
  ["flags", array(string), false],
  ["contract", contract, false],
  ["performance", array(performance), false],
  ["events", array(event), true]
]

/** Fields the plain checks leave to the schema. */
const BY_SCHEMA = ["land", "responsibility", "approvals", "receipts"]

const decodeProject = Schema.decodeUnknownResult(Project)

/**
 * @internal The projects decoded, equal to what the `Project` schema gives,
 * or `undefined` when any of them is malformed (the caller then decodes with
 * the schema to report the problems).
 */
export const projects = (input: unknown): Array<Project> | undefined => {
  if (!Array.isArray(input)) return undefined
  const out = new Array<Project>(input.length)
  try {
    for (let i = 0; i < input.length; i++) {
      const raw = object(input[i])
      if (BY_SCHEMA.some((k) => Object.hasOwn(raw, k))) {
        const r = decodeProject(raw, { errors: "all", onExcessProperty: "error" })
        if (Result.isFailure(r)) return undefined
        out[i] = r.success
      } else out[i] = struct(raw, PROJECT) as unknown as Project
    }
  } catch (e) {
    if (e === GIVE_UP) return undefined
    throw e
  }
  return out
}
