/**
 * Exact amounts of money (金额) with a currency, parsed from and formatted to the
 * Chinese magnitudes plans are written in: `8.6亿元`, `5000万美元`, `25亿元`.
 *
 * Amounts are effect `BigDecimal`s and never floating point: `0.1亿 + 0.2亿`
 * is exactly `0.3亿`. Arithmetic across currencies is a {@link CurrencyMismatchError}.
 *
 * @since 0.1.0
 */
import * as BigDecimal from "effect/BigDecimal"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as SchemaGetter from "effect/SchemaGetter"
import * as SchemaIssue from "effect/SchemaIssue"
import { compareWithFen, fenOf } from "./internal/fen.js"
import { quotesInput } from "./Problem.js"

/**
 * The currencies gongjian understands: `CNY` (人民币, 元) and `USD` (美元).
 *
 * @example
 * {@includeCode ../examples/Money.ts#make}
 *
 * @since 0.1.0
 * @category schemas
 */
export const Currency = Schema.Literals(["CNY", "USD"]).annotate({
  description: "ISO 4217 currency code: CNY (人民币) or USD (美元)"
})

/**
 * The type of {@link Currency}.
 *
 * @example
 * {@includeCode ../examples/Money.ts#make}
 *
 * @since 0.1.0
 * @category models
 */
export type Currency = typeof Currency.Type

/**
 * An exact amount of money in one currency (金额).
 *
 * @example
 * {@includeCode ../examples/Money.ts#make}
 *
 * @since 0.1.0
 * @category models
 */
export interface Money {
  readonly amount: BigDecimal.BigDecimal
  readonly currency: Currency
}

/**
 * Thrown values of money arithmetic that mixes currencies (币种不一致).
 *
 * @example
 * {@includeCode ../examples/Money.ts#mismatch}
 *
 * @since 0.1.0
 * @category errors
 */
export class CurrencyMismatchError extends Data.TaggedError("CurrencyMismatchError")<{
  readonly operation: string
  readonly left: Currency
  readonly right: Currency
}> {
  override get message(): string {
    return `Cannot ${this.operation} ${this.left} and ${this.right} amounts: convert one of them first`
  }
}

/**
 * The error of {@link parse}: the text is not an amount of money. It quotes the
 * text and says what was expected.
 *
 * @example
 * {@includeCode ../examples/Money.ts#parse}
 *
 * @since 0.1.0
 * @category errors
 */
export class MoneyParseError extends Data.TaggedError("MoneyParseError")<{
  readonly text: string
  readonly reason: string
}> {
  override get message(): string {
    return `Cannot read ${JSON.stringify(this.text)} as money: ${this.reason}`
  }
}

/**
 * Makes an amount from a decimal string, a `BigDecimal` or a bigint (in 元 or
 * dollars, not 万).
 *
 * Gotcha: a malformed decimal string throws; use {@link parse} for text written
 * by people.
 *
 * @example
 * {@includeCode ../examples/Money.ts#make}
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeUnsafe = (
  amount: string | bigint | BigDecimal.BigDecimal,
  currency: Currency = "CNY"
): Money => ({
  amount: BigDecimal.normalize(
    typeof amount === "string"
      ? BigDecimal.fromStringUnsafe(amount)
      : typeof amount === "bigint"
        ? BigDecimal.fromBigInt(amount)
        : amount
  ),
  currency
})

/**
 * Zero in a currency.
 *
 * @example
 * {@includeCode ../examples/Money.ts#arithmetic}
 *
 * @since 0.1.0
 * @category constructors
 */
export const zero = (currency: Currency = "CNY"): Money => ({
  amount: BigDecimal.fromBigInt(0n),
  currency
})

const same = (operation: string, a: Money, b: Money): void => {
  if (a.currency !== b.currency) {
    throw new CurrencyMismatchError({ operation, left: a.currency, right: b.currency })
  }
}

/**
 * Adds two amounts of the same currency.
 *
 * Throws {@link CurrencyMismatchError} when the currencies differ.
 *
 * @example
 * {@includeCode ../examples/Money.ts#arithmetic}
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const addUnsafe = (a: Money, b: Money): Money => {
  same("add", a, b)
  return { amount: BigDecimal.normalize(BigDecimal.sum(a.amount, b.amount)), currency: a.currency }
}

/**
 * Subtracts `b` from `a` (same currency).
 *
 * Throws {@link CurrencyMismatchError} when the currencies differ.
 *
 * @example
 * {@includeCode ../examples/Money.ts#arithmetic}
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const subtractUnsafe = (a: Money, b: Money): Money => {
  same("subtract", a, b)
  return {
    amount: BigDecimal.normalize(BigDecimal.subtract(a.amount, b.amount)),
    currency: a.currency
  }
}

/**
 * The sum of many amounts of one currency; zero in `currency` when empty.
 *
 * Throws {@link CurrencyMismatchError} when any currency differs.
 *
 * @example
 * {@includeCode ../examples/Money.ts#arithmetic}
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const sumUnsafe = (amounts: Iterable<Money>, currency: Currency = "CNY"): Money => {
  let total = BigDecimal.fromBigInt(0n)
  for (const m of amounts) {
    if (m.currency !== currency) {
      throw new CurrencyMismatchError({ operation: "sum", left: currency, right: m.currency })
    }
    total = BigDecimal.sum(total, m.amount)
  }
  return { amount: BigDecimal.normalize(total), currency }
}

/**
 * Multiplies an amount by an exact factor (a share, a multiplier).
 *
 * @example
 * {@includeCode ../examples/Money.ts#arithmetic}
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const timesUnsafe = (a: Money, factor: string | BigDecimal.BigDecimal): Money => ({
  amount: BigDecimal.normalize(
    BigDecimal.multiply(
      a.amount,
      typeof factor === "string" ? BigDecimal.fromStringUnsafe(factor) : factor
    )
  ),
  currency: a.currency
})

/**
 * Orders two amounts of one currency: -1, 0 or 1.
 *
 * Throws {@link CurrencyMismatchError} when the currencies differ.
 *
 * @example
 * {@includeCode ../examples/Money.ts#arithmetic}
 *
 * @since 0.1.0
 * @category ordering
 */
export const compareUnsafe = (a: Money, b: Money): -1 | 0 | 1 => {
  same("compare", a, b)
  return BigDecimal.Order(a.amount, b.amount)
}

/**
 * Whether `a` is at least `b` (same currency): "项目投资过亿元" is
 * `isAtLeastUnsafe(investment, parseUnsafe("1亿元"))`.
 *
 * @example
 * {@includeCode ../examples/Money.ts#arithmetic}
 *
 * @since 0.1.0
 * @category ordering
 */
export const isAtLeastUnsafe = (a: Money, b: Money): boolean => compareUnsafe(a, b) >= 0

/**
 * Compares amounts with one fixed amount `b` (same currency; throws
 * `CurrencyMismatchError` otherwise), prepared once for many comparisons:
 * amounts that are whole fen (分) compare as integers, others as exact
 * decimals — the same answers as {@link compareUnsafe}.
 *
 * @example
 * {@includeCode ../examples/Money.ts#arithmetic}
 *
 * @since 0.3.0
 * @category ordering
 */
export const comparedToUnsafe = (b: Money): ((a: Money) => -1 | 0 | 1) => {
  const fen = fenOf(b.amount)
  return (a) => {
    if (a.currency !== b.currency) same("compare", a, b)
    return compareWithFen(a.amount, b.amount, fen)
  }
}

/**
 * Whether two amounts are equal in value and currency (`1亿元` equals
 * `10000万元`).
 *
 * @example
 * {@includeCode ../examples/Money.ts#parse}
 *
 * @since 0.1.0
 * @category ordering
 */
export const equals = (a: Money, b: Money): boolean =>
  a.currency === b.currency && BigDecimal.equals(a.amount, b.amount)

/**
 * The ratio `a / b` as an exact decimal rounded (half-even) to `scale` places:
 * completion of a money target is `ratioUnsafe(actual, goal)`. `undefined` when `b`
 * is zero.
 *
 * Throws {@link CurrencyMismatchError} when the currencies differ.
 *
 * @example
 * {@includeCode ../examples/Money.ts#arithmetic}
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const ratioUnsafe = (a: Money, b: Money, scale = 6): BigDecimal.BigDecimal | undefined => {
  same("divide", a, b)
  const q = BigDecimal.divide(a.amount, b.amount)
  return Option.isNone(q)
    ? undefined
    : BigDecimal.normalize(BigDecimal.round(q.value, { scale, mode: "half-even" }))
}

/**
 * The former name of {@link makeUnsafe}, which throws.
 *
 * @deprecated Use {@link makeUnsafe}; this name is removed in the next minor release.
 *
 * @example
 * {@includeCode ../examples/Money.ts#former}
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = makeUnsafe

/**
 * The former name of {@link addUnsafe}, which throws.
 *
 * @deprecated Use {@link addUnsafe}; this name is removed in the next minor release.
 *
 * @example
 * {@includeCode ../examples/Money.ts#former}
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const add = addUnsafe

/**
 * The former name of {@link subtractUnsafe}, which throws.
 *
 * @deprecated Use {@link subtractUnsafe}; this name is removed in the next minor release.
 *
 * @example
 * {@includeCode ../examples/Money.ts#former}
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const subtract = subtractUnsafe

/**
 * The former name of {@link sumUnsafe}, which throws.
 *
 * @deprecated Use {@link sumUnsafe}; this name is removed in the next minor release.
 *
 * @example
 * {@includeCode ../examples/Money.ts#former}
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const sum = sumUnsafe

/**
 * The former name of {@link timesUnsafe}, which throws.
 *
 * @deprecated Use {@link timesUnsafe}; this name is removed in the next minor release.
 *
 * @example
 * {@includeCode ../examples/Money.ts#former}
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const times = timesUnsafe

/**
 * The former name of {@link compareUnsafe}, which throws.
 *
 * @deprecated Use {@link compareUnsafe}; this name is removed in the next minor release.
 *
 * @example
 * {@includeCode ../examples/Money.ts#former}
 *
 * @since 0.1.0
 * @category ordering
 */
export const compare = compareUnsafe

/**
 * The former name of {@link isAtLeastUnsafe}, which throws.
 *
 * @deprecated Use {@link isAtLeastUnsafe}; this name is removed in the next minor release.
 *
 * @example
 * {@includeCode ../examples/Money.ts#former}
 *
 * @since 0.1.0
 * @category ordering
 */
export const isAtLeast = isAtLeastUnsafe

/**
 * The former name of {@link ratioUnsafe}, which throws.
 *
 * @deprecated Use {@link ratioUnsafe}; this name is removed in the next minor release.
 *
 * @example
 * {@includeCode ../examples/Money.ts#former}
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const ratio = ratioUnsafe

const MAGNITUDES: Record<string, bigint> = {
  "": 1n,
  十: 10n,
  百: 100n,
  千: 1_000n,
  万: 10_000n,
  十万: 100_000n,
  百万: 1_000_000n,
  千万: 10_000_000n,
  亿: 100_000_000n,
  十亿: 1_000_000_000n,
  百亿: 10_000_000_000n,
  千亿: 100_000_000_000n,
  万亿: 1_000_000_000_000n
}

const PATTERN =
  /^(?:人民币|RMB|CNY|USD|US\$|\$|¥|￥)?\s*([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(十|百|千|万|十万|百万|千万|亿|十亿|百亿|千亿|万亿)?\s*(元人民币|元|美元|人民币|CNY|USD|RMB)?$/u

const currencyOf = (
  prefix: string,
  suffix: string | undefined
): Currency | "conflict" | undefined => {
  const p = /^(USD|US\$|\$)/.test(prefix)
    ? "USD"
    : /^(人民币|RMB|CNY|¥|￥)/.test(prefix)
      ? "CNY"
      : undefined
  const s = suffix === undefined ? undefined : suffix === "美元" || suffix === "USD" ? "USD" : "CNY"
  if (p !== undefined && s !== undefined && p !== s) return "conflict"
  return p ?? s
}

/**
 * Reads an amount the way plans write it: `8.6亿元`, `5000万美元`, `1亿美元`,
 * `3.8亿`, `860,000,000元`, `25亿元`, `USD 100万`. Text without a currency is
 * read in `defaultCurrency` (CNY unless told). A number with no unit at all
 * (`15000`: 元? 万元?) is refused rather than guessed, since 0.4.0; `0` is
 * read as zero.
 *
 * @example
 * {@includeCode ../examples/Money.ts#parse}
 *
 * @since 0.1.0
 * @category parsing
 */
export const parse = (
  text: string,
  options?: { readonly defaultCurrency?: Currency }
): Result.Result<Money, MoneyParseError> => {
  const trimmed = text.trim().replace(/\s+/g, " ")
  const m = PATTERN.exec(trimmed)
  if (m === null) {
    return Result.fail(
      new MoneyParseError({
        text,
        reason:
          "expected a number with an optional magnitude (万, 亿, …) and currency (元, 美元), e.g. 8.6亿元 or 5000万美元"
      })
    )
  }
  const prefix = trimmed.slice(0, trimmed.indexOf(m[1]!)).trim()
  const number = BigDecimal.fromStringUnsafe(m[1]!.replaceAll(",", ""))
  // A number with no unit at all ("15000") could be 元 or, as statistical
  // tables are often kept, 万元: it is not guessed. Zero is zero in any unit.
  if (prefix === "" && m[2] === undefined && m[3] === undefined && BigDecimal.sign(number) !== 0) {
    return Result.fail(
      new MoneyParseError({
        text,
        reason: `a number without a unit is not read as money: write ${m[1]}元, or the magnitude it is counted in (${m[1]}万元, ${m[1]}亿元)`
      })
    )
  }
  const currency = currencyOf(prefix, m[3])
  if (currency === "conflict") {
    return Result.fail(new MoneyParseError({ text, reason: "it names two different currencies" }))
  }
  const magnitude = MAGNITUDES[m[2] ?? ""]!
  return Result.succeed({
    amount: BigDecimal.normalize(BigDecimal.multiply(number, BigDecimal.fromBigInt(magnitude))),
    currency: currency ?? options?.defaultCurrency ?? "CNY"
  })
}

/**
 * Like {@link parse} but throws the {@link MoneyParseError}. Convenient for
 * constants written in code.
 *
 * @example
 * {@includeCode ../examples/Money.ts#arithmetic}
 *
 * @since 0.1.0
 * @category parsing
 */
export const parseUnsafe = (
  text: string,
  options?: { readonly defaultCurrency?: Currency }
): Money => Result.getOrThrow(parse(text, options))

/**
 * The magnitude to write an amount in: `元`, `万` (10⁴) or `亿` (10⁸); `auto`
 * picks the largest that keeps the number at least 1.
 *
 * @example
 * {@includeCode ../examples/Money.ts#make}
 *
 * @since 0.1.0
 * @category formatting
 */
export type Magnitude = "元" | "万" | "亿" | "auto"

/**
 * Writes an amount in 元, 万元 or 亿元 (美元, 万美元, 亿美元 for USD).
 *
 * - `magnitude` defaults to `auto`;
 * - `precision` fixes the number of decimal places (rounded half-up, as
 *   reports do); without it the exact value is written with no trailing zeros,
 *   so `parse(format(m))` gives `m` back.
 *
 * @example
 * {@includeCode ../examples/Money.ts#format}
 *
 * @since 0.1.0
 * @category formatting
 */
export const format = (
  money: Money,
  options?: { readonly magnitude?: Magnitude; readonly precision?: number }
): string => {
  const abs = BigDecimal.abs(money.amount)
  const requested = options?.magnitude ?? "auto"
  const magnitude: "元" | "万" | "亿" =
    requested !== "auto"
      ? requested
      : BigDecimal.isGreaterThanOrEqualTo(abs, BigDecimal.fromBigInt(100_000_000n))
        ? "亿"
        : BigDecimal.isGreaterThanOrEqualTo(abs, BigDecimal.fromBigInt(10_000n))
          ? "万"
          : "元"
  const shift = magnitude === "亿" ? 8 : magnitude === "万" ? 4 : 0
  // Dividing by a power of ten is exact: move the decimal point.
  let scaled = BigDecimal.make(money.amount.value, money.amount.scale + shift)
  if (options?.precision !== undefined) {
    scaled = BigDecimal.round(scaled, { scale: options.precision, mode: "half-from-zero" })
  }
  const digits =
    options?.precision !== undefined
      ? toFixed(scaled, options.precision)
      : BigDecimal.format(BigDecimal.normalize(scaled))
  const unit = money.currency === "USD" ? "美元" : "元"
  return `${digits}${magnitude === "元" ? "" : magnitude}${unit}`
}

const toFixed = (d: BigDecimal.BigDecimal, places: number): string => {
  const scaled = BigDecimal.scale(d, places)
  const negative = scaled.value < 0n
  const s = (negative ? -scaled.value : scaled.value).toString().padStart(places + 1, "0")
  const int = s.slice(0, s.length - places)
  const frac = s.slice(s.length - places)
  return `${negative ? "-" : ""}${int}${places > 0 ? `.${frac}` : ""}`
}

/**
 * The amount in 万 (ten thousands) as a JavaScript number, for charts and
 * indicative comparisons only (never for sums: it is floating point).
 *
 * @example
 * {@includeCode ../examples/Money.ts#format}
 *
 * @since 0.1.0
 * @category conversions
 */
export const toWanNumber = (money: Money): number =>
  BigDecimal.toNumberUnsafe(BigDecimal.make(money.amount.value, money.amount.scale + 4))

/**
 * The amount in whole fen (分) as a number, or `NaN` when it has a part
 * below a fen or is too large for a number to hold exactly. Amounts of one
 * currency compare as their fen do, for engines that compare many amounts
 * with a few bounds (see `View.investmentFen`); compare the rest with
 * {@link compare}.
 *
 * @example
 * {@includeCode ../examples/Money.ts#fen}
 *
 * @since 0.4.0
 * @category conversions
 */
export const toFen = (money: Money): number => fenOf(money.amount)

const MoneyObject = Schema.Struct({
  amount: Schema.String.check(Schema.isPattern(/^-?\d+(\.\d+)?$/u)).annotate({
    description: "The amount in 元 or dollars, as a decimal string"
  }),
  currency: Currency
})

const MoneyType = Schema.declare(
  (u: unknown): u is Money =>
    typeof u === "object" &&
    u !== null &&
    BigDecimal.isBigDecimal((u as Money).amount) &&
    ((u as Money).currency === "CNY" || (u as Money).currency === "USD"),
  { identifier: "MoneyValue" }
)

const fromObject = MoneyObject.pipe(
  Schema.decodeTo(MoneyType, {
    decode: SchemaGetter.transform((o) => makeUnsafe(o.amount, o.currency)),
    encode: SchemaGetter.transform((m: Money) => ({
      amount: BigDecimal.format(m.amount),
      currency: m.currency
    }))
  })
)

const fromText = Schema.String.pipe(
  Schema.decodeTo(MoneyType, {
    decode: SchemaGetter.transformEffect((text: string, options) => {
      const r = parse(text)
      return Result.isSuccess(r)
        ? Effect.succeed(r.success)
        : Effect.fail(
            new SchemaIssue.InvalidValue(
              // The message quotes the text: a snapshot problem does not repeat it.
              { message: r.failure.message, [quotesInput]: true },
              text,
              options
            )
          )
    }),
    encode: SchemaGetter.transform((m: Money) => format(m))
  })
)

/**
 * The schema of money in a snapshot. It decodes either the text people write
 * (`"8.6亿元"`, `"5000万美元"`) or an object `{ "amount": "860000000",
 * "currency": "CNY" }`, and encodes to the object form.
 *
 * @example
 * {@includeCode ../examples/Money.ts#schema}
 *
 * @since 0.1.0
 * @category schemas
 */
export const MoneyFromJson = Schema.Union([fromObject, fromText]).annotate({
  identifier: "Money",
  description:
    'An amount of money: text such as "8.6亿元" or {"amount": "860000000", "currency": "CNY"}'
})

/**
 * {@link MoneyFromJson} for amounts that cannot be negative: an investment, a
 * fund arrival, a contract figure, a goal, a filter's bound. `"-1.2亿元"`
 * is rejected with a message saying so. Every amount in a snapshot uses it.
 *
 * @example
 * {@includeCode ../examples/Money.ts#schema}
 *
 * @since 0.2.0
 * @category schemas
 */
export const NonNegativeMoneyFromJson = MoneyFromJson.check(
  Schema.makeFilter(
    (m: Money) => BigDecimal.sign(m.amount) >= 0 || "the amount cannot be negative",
    { identifier: "NonNegativeMoney", description: "An amount of money that is not negative" }
  )
).annotate({
  identifier: "NonNegativeMoney",
  description:
    'An amount of money, not negative: text such as "8.6亿元" or {"amount": "860000000", "currency": "CNY"}'
})
