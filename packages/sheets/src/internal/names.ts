import { Project } from "@gongjian/core"
import { type Bad, bad, list, type Raw, textOf } from "./cells.js"

/**
 * @internal A code a county may define itself, written as it is: ASCII
 * letters, digits, `-`, `_` and `.` (`bamboo-crafts`, `county_star`).
 */
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/

/** @internal How the names of one concept (flags, industries) read back as codes. */
interface Names {
  readonly zh: string
  readonly en: string
  readonly byName: ReadonlyMap<string, string>
  readonly shown: ReadonlyArray<string>
}

const namesOf = (
  zh: string,
  en: string,
  table: Readonly<Record<string, { readonly zh: string }>>
): Names => {
  const byName = new Map<string, string>()
  for (const [code, name] of Object.entries(table)) {
    byName.set(code, code)
    byName.set(name.zh.replace(/\s+/g, ""), code)
  }
  return { zh, en, byName, shown: Object.values(table).map((n) => n.zh) }
}

const FLAGS = namesOf("标签", "flag", Project.flagNames)
const INDUSTRIES = namesOf("行业", "industry", Project.industryNames)

/**
 * @internal The code of one name: a name of the table or of the column's
 * `values` (Chinese text → code), a code of the table, a code the snapshot's
 * projects already carry, or a code of a county's own ({@link CODE});
 * undefined for anything else.
 */
const codeOf = (
  names: Names,
  text: string,
  values: Readonly<Record<string, string>> | undefined,
  used: ReadonlySet<string>
): string | undefined => {
  const compact = text.replace(/\s+/g, "")
  if (values !== undefined && Object.hasOwn(values, compact)) return values[compact]
  return names.byName.get(compact) ?? (used.has(text) || CODE.test(text) ? text : undefined)
}

const unknown = (names: Names, texts: ReadonlyArray<string>): Bad => {
  const some = names.shown.slice(0, 6)
  return bad(
    `${texts.map((t) => `“${t}”`).join("、")}不是已知的${names.zh}`,
    `${texts.map((t) => `"${t}"`).join(", ")} ${texts.length > 1 ? "are not known" : "is not a known"} ${names.en}${texts.length > 1 ? "s" : ""}`,
    `填写${names.zh}名称（如 ${some.join("、")}）或英文代码`,
    `write the ${names.en}'s Chinese name (such as ${some.join(", ")}) or its code`
  )
}

/** @internal Reads an industry: its Chinese name or its code. */
export const industry = (
  raw: Raw,
  values: Readonly<Record<string, string>> | undefined,
  used: ReadonlySet<string>
): string | Bad => {
  const text = (textOf(raw) ?? "").trim()
  return codeOf(INDUSTRIES, text, values, used) ?? unknown(INDUSTRIES, [text])
}

/** @internal Reads a list of flags, each by its Chinese name or its code. */
export const flags = (
  raw: Raw,
  values: Readonly<Record<string, string>> | undefined,
  used: ReadonlySet<string>
): ReadonlyArray<string> | Bad => {
  const out: Array<string> = []
  const bads: Array<string> = []
  for (const item of list(raw)) {
    const code = codeOf(FLAGS, item, values, used)
    if (code === undefined) bads.push(item)
    else out.push(code)
  }
  return bads.length > 0 ? unknown(FLAGS, bads) : out
}

/** @internal The name of an industry in Chinese views: its Chinese name, or its code. */
export const industryZh = (code: string): string => Project.industryName(code).zh

/** @internal The flags of a project in Chinese views, joined by 、. */
export const flagsZh = (codes: ReadonlyArray<string>): string =>
  codes.map((c) => Project.flagName(c).zh).join("、")
