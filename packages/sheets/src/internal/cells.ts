import { Lifecycle, LocalDate, Money } from "@gongjian/core"
import * as BigDecimal from "effect/BigDecimal"
import * as Option from "effect/Option"
import * as Result from "effect/Result"
import type { MoneyUnit } from "../Template.js"

/** @internal A cell that holds no usable value: an error (#REF!) or a formula never calculated. */
export class Unreadable {
  constructor(
    readonly kind: "error" | "formula",
    readonly text: string
  ) {}
}

/** @internal What a cell holds once read: text, a number, a boolean, nothing, or {@link Unreadable}. */
export type Raw = string | number | boolean | undefined | Unreadable

/** @internal Why a cell's value was refused, and how to fix it. */
export interface Bad {
  readonly zh: string
  readonly en: string
  readonly fixZh: string
  readonly fixEn: string
}

/** @internal */
export const bad = (zh: string, en: string, fixZh: string, fixEn: string): Bad => ({
  zh,
  en,
  fixZh,
  fixEn
})

/** @internal Whether a value is a {@link Bad}. */
export const isBad = (x: unknown): x is Bad =>
  typeof x === "object" && x !== null && "fixZh" in x && "zh" in x

/** @internal The column letters of a 0-based column index: 0 → A, 26 → AA. */
export const columnName = (index: number): string => {
  let n = index + 1
  let s = ""
  while (n > 0) {
    const r = (n - 1) % 26
    s = String.fromCharCode(65 + r) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}

/** @internal The address of a cell: column index (0-based) and row number (1-based) → `D17`. */
export const address = (column: number, row: number): string => `${columnName(column)}${row}`

/**
 * @internal The neutralisation marker of exported text: a text cell that
 * begins with = + - @, a tab, a carriage return or the marker itself is
 * written with one apostrophe (U+0027) before it; import removes it.
 */
export const MARKER = "'"

const DANGEROUS = /^[=+\-@\t\r']/

/** @internal Neutralises text that a spreadsheet could take for a formula. */
export const neutralise = (text: string): string => (DANGEROUS.test(text) ? MARKER + text : text)

/** @internal Removes the marker {@link neutralise} added. */
export const restore = (text: string): string =>
  text.length > 1 && text[0] === MARKER && DANGEROUS.test(text.slice(1)) ? text.slice(1) : text

/** @internal Text of a raw cell, trimmed; `undefined` when blank. */
export const textOf = (raw: Raw): string | undefined => {
  if (raw === undefined || raw instanceof Unreadable) return undefined
  if (typeof raw === "string") {
    const t = restore(raw.trim())
    return t === "" ? undefined : t
  }
  if (typeof raw === "number") return numberText(raw)
  return raw ? "TRUE" : "FALSE"
}

/** @internal The decimal text of a number as a spreadsheet shows it (15 significant digits). */
export const numberText = (n: number): string => {
  const s = String(n)
  // Up to 15 significant digits the shortest text is already what Excel shows.
  if (
    !s.includes("e") &&
    (s.length <= 15 || (s.length === 16 && (s.includes(".") || s[0] === "-")))
  )
    return s
  return String(Number(n.toPrecision(15)))
}

/** @internal Whether a raw cell is blank. */
export const isBlank = (raw: Raw): boolean =>
  raw === undefined || (typeof raw === "string" && raw.trim() === "")

const HEADER_UNIT = /[（(]\s*(元|万元|亿元|美元|万美元|亿美元|亩|%|个|人|次)\s*[)）]/

/** @internal A header's text made comparable: no spaces or line breaks, half-width brackets, no unit. */
export const headerKey = (text: string): string =>
  text
    .replace(/\s+/g, "")
    .replace(HEADER_UNIT, "")
    .replace(/[（]/g, "(")
    .replace(/[）]/g, ")")
    .replace(/[：:]$/, "")

/** @internal The money unit written in a header's brackets, if any. */
export const headerUnit = (text: string): MoneyUnit | undefined => {
  const m = HEADER_UNIT.exec(text.replace(/\s+/g, ""))
  const u = m?.[1]
  return u === "元" ||
    u === "万元" ||
    u === "亿元" ||
    u === "美元" ||
    u === "万美元" ||
    u === "亿美元"
    ? u
    : undefined
}

const FACTOR: Record<MoneyUnit, { readonly f: BigDecimal.BigDecimal; readonly c: Money.Currency }> =
  {
    元: { f: BigDecimal.fromBigInt(1n), c: "CNY" },
    万元: { f: BigDecimal.fromBigInt(10_000n), c: "CNY" },
    亿元: { f: BigDecimal.fromBigInt(100_000_000n), c: "CNY" },
    美元: { f: BigDecimal.fromBigInt(1n), c: "USD" },
    万美元: { f: BigDecimal.fromBigInt(10_000n), c: "USD" },
    亿美元: { f: BigDecimal.fromBigInt(100_000_000n), c: "USD" }
  }

/** @internal The currency of a money unit. */
export const currencyOf = (unit: MoneyUnit): Money.Currency => FACTOR[unit].c

const NUMBER_TEXT = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/

const decimalOf = (text: string): BigDecimal.BigDecimal | undefined =>
  Option.getOrUndefined(BigDecimal.fromString(text.replaceAll(",", "")))

/** @internal Reads an amount of money in a column's unit, exactly. */
export const money = (raw: Raw, unit: MoneyUnit, signed = false): Money.Money | Bad => {
  let amount: BigDecimal.BigDecimal | undefined
  let currency = FACTOR[unit].c
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return notMoney(String(raw), unit)
    amount = decimalOf(numberText(raw))
    if (amount !== undefined) amount = BigDecimal.multiply(amount, FACTOR[unit].f)
  } else {
    const text = textOf(raw) ?? ""
    if (NUMBER_TEXT.test(text)) {
      const d = decimalOf(text)
      if (d !== undefined) amount = BigDecimal.multiply(d, FACTOR[unit].f)
    } else {
      const parsed = Money.parse(text.replace(/^-/, ""), { defaultCurrency: currency })
      if (Result.isSuccess(parsed)) {
        amount = text.startsWith("-")
          ? BigDecimal.negate(parsed.success.amount)
          : parsed.success.amount
        currency = parsed.success.currency
      } else return notMoney(text, unit)
    }
  }
  if (amount === undefined) return notMoney(String(raw), unit)
  if (!signed && BigDecimal.sign(amount) < 0) {
    return bad(
      `金额不能为负数（${textOf(raw)}）`,
      `an amount cannot be negative (${textOf(raw)})`,
      "填写非负金额；冲减请在备注中说明",
      "write a non-negative amount; explain a reversal in the notes"
    )
  }
  return { amount: BigDecimal.normalize(amount), currency }
}

const notMoney = (text: string, unit: MoneyUnit): Bad =>
  bad(
    `“${text}”不是金额`,
    `"${text}" is not an amount of money`,
    `填写以${unit}为单位的数字（如 1200 或 1,200.5），或带单位的金额（如 3.5亿元）`,
    `write a number in ${unit} (such as 1200 or 1,200.5) or an amount with its unit (such as 3.5亿元)`
  )

/** @internal Reads a non-negative number (or integer). */
export const number = (raw: Raw, integer: boolean): number | Bad => {
  const n =
    typeof raw === "number"
      ? raw
      : (() => {
          const t = textOf(raw) ?? ""
          return NUMBER_TEXT.test(t) ? Number(t.replaceAll(",", "")) : Number.NaN
        })()
  if (!Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n))) {
    const what = integer ? "非负整数" : "非负数"
    return bad(
      `“${textOf(raw)}”不是${what}`,
      `"${textOf(raw)}" is not a non-negative ${integer ? "whole number" : "number"}`,
      `填写${what}，不带单位`,
      `write a non-negative ${integer ? "whole number" : "number"} without a unit`
    )
  }
  return n
}

/** @internal Reads a number that may be negative (for 合计 checks). */
export const signedNumber = (raw: Raw): number | Bad => {
  const t = typeof raw === "number" ? raw : Number((textOf(raw) ?? "").replaceAll(",", ""))
  return Number.isFinite(t) && (typeof raw === "number" || NUMBER_TEXT.test(textOf(raw) ?? ""))
    ? t
    : bad("不是数字", "not a number", "填写数字", "write a number")
}

/** @internal The day number (since 1970-01-01) of Excel's serial 0 in the 1900 system. */
const EXCEL_EPOCH = -25569

const DATE_TEXT = /^(\d{4})\s*(?:[-./]|年)\s*(\d{1,2})\s*(?:[-./]|月)\s*(\d{1,2})\s*日?$/
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/

const notDate = (text: string): Bad =>
  bad(
    `“${text}”不是有效日期`,
    `"${text}" is not a valid date`,
    "填写日期，如 2026-03-05、2026.3.5、2026/3/5 或 2026年3月5日",
    "write a date such as 2026-03-05, 2026.3.5, 2026/3/5 or 2026年3月5日"
  )

/** @internal Reads a date: an Excel serial (1900 system) or text. */
export const date = (raw: Raw): LocalDate.LocalDate | Bad => {
  if (typeof raw === "number") {
    // Serials from 1982 to 2173: a plausible date, not a stray number.
    if (!Number.isFinite(raw) || raw < 30000 || raw > 100000) return notDate(numberText(raw))
    return LocalDate.fromDays(Math.floor(raw) + EXCEL_EPOCH)
  }
  const text = textOf(raw) ?? ""
  const m = DATE_TEXT.exec(text) ?? COMPACT_DATE.exec(text)
  if (m === null) return notDate(text)
  const d = LocalDate.make(Number(m[1]), Number(m[2]), Number(m[3]))
  return d === undefined ? notDate(text) : d
}

const STAGES: ReadonlyMap<string, Lifecycle.Stage> = new Map(
  Lifecycle.defaultModel.stages.flatMap((s) => [
    [s.zh, s.id],
    [s.id, s.id],
    [`已${s.zh}`, s.id]
  ])
)

/** @internal Reads a stage from its Chinese or English name. */
export const stage = (raw: Raw): Lifecycle.Stage | Bad => {
  const text = textOf(raw) ?? ""
  const s = STAGES.get(text.replace(/\s+/g, ""))
  return (
    s ??
    bad(
      `“${text}”不是项目阶段`,
      `"${text}" is not a project stage`,
      `填写 ${Lifecycle.defaultModel.stages.map((x) => x.zh).join("、")} 之一`,
      `write one of ${Lifecycle.defaultModel.stages.map((x) => x.zh).join(", ")}`
    )
  )
}

/** @internal Reads one of an enum column's values. */
export const enumValue = (raw: Raw, values: Readonly<Record<string, string>>): string | Bad => {
  const text = (textOf(raw) ?? "").replace(/\s+/g, "")
  const v = values[text] ?? (Object.values(values).includes(text) ? text : undefined)
  return (
    v ??
    bad(
      `“${text}”不是可选值`,
      `"${text}" is not one of the allowed values`,
      `填写 ${Object.keys(values).join("、")} 之一`,
      `write one of ${Object.keys(values).join(", ")}`
    )
  )
}

const TRUE = new Set(["是", "y", "yes", "true", "√", "✓", "1"])
const FALSE = new Set(["否", "n", "no", "false", "×", "✗", "0"])

/** @internal Reads 是 / 否. */
export const boolean = (raw: Raw): boolean | Bad => {
  if (typeof raw === "boolean") return raw
  const text = (textOf(raw) ?? "").toLowerCase()
  if (TRUE.has(text)) return true
  if (FALSE.has(text)) return false
  return bad(
    `“${text}”不是“是”或“否”`,
    `"${text}" is not yes or no`,
    "填写“是”或“否”",
    "write 是 or 否"
  )
}

/** @internal Reads a list separated by 、 , ， ; ； or line breaks. */
export const list = (raw: Raw): ReadonlyArray<string> =>
  (textOf(raw) ?? "")
    .split(/[、,，;；\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== "")

/** @internal Reads an identifier: text or a whole number, no spaces inside at the ends. */
export const id = (raw: Raw): string | Bad => {
  const text = textOf(raw) ?? ""
  if (typeof raw === "number" && !Number.isInteger(raw)) {
    return bad(
      `编号“${text}”带有小数`,
      `the id "${text}" has a fraction`,
      "编号请填写文本或整数",
      "write the id as text or a whole number"
    )
  }
  return text
}
