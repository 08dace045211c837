import { Calendar, Snapshot } from "@gongjian/core"
import type { Host } from "@gongjian/plugin-sdk"

/**
 * @internal The working-day calendar a snapshot is judged on: the years of the
 * State Council's notices, what happens after them, and the provisional years
 * (按法定节假日推算，待国务院通知) among those from the campaign window's start
 * (or the as-of date, if earlier) to its end (or the as-of date, if later).
 */
export interface CalendarSummary {
  readonly notices: { readonly firstYear: number; readonly lastYear: number }
  readonly outside: Calendar.OutsideCoverage
  readonly provisionalYears: ReadonlyArray<number>
}

/** @internal */
export const calendarSummary = (s: Snapshot.Snapshot): CalendarSummary => {
  const calendar = Snapshot.calendarOf(s)
  const c = Calendar.coverage(calendar)
  const [first, , last] = [s.asOf, s.campaign.window.start, s.campaign.window.end].sort() as [
    string,
    string,
    string
  ]
  return {
    notices: { firstYear: c.firstYear, lastYear: c.lastYear },
    outside: c.outside,
    provisionalYears: Calendar.provisionalYears(calendar, first, last)
  }
}

/** @internal One line for `validate`'s text output. */
export const calendarLine = (c: CalendarSummary, lang: "zh" | "en" = "en"): string => {
  if (lang === "zh") {
    const { firstYear, lastYear } = c.notices
    const after =
      c.outside === "provisional"
        ? "此后年份按法定节假日推算"
        : c.outside === "error"
          ? `严格：${lastYear}年以后的日期视为错误`
          : `${lastYear}年以后只按周末计`
    const years =
      c.provisionalYears.length === 0
        ? "活动期内没有推算的年份"
        : `推算年份：${c.provisionalYears.join("、")}（${Calendar.provisionalNote.zh}）`
    return `工作日历：国务院节假日通知${firstYear}–${lastYear}年，${after}；${years}`
  }
  const notices = `State Council notices ${c.notices.firstYear}–${c.notices.lastYear}`
  const after =
    c.outside === "provisional"
      ? `later years provisional`
      : c.outside === "error"
        ? `strict: a date after ${c.notices.lastYear} is an error`
        : `weekends only after ${c.notices.lastYear}`
  const years =
    c.provisionalYears.length === 0
      ? "no provisional year in the campaign"
      : `provisional: ${c.provisionalYears.join(", ")} (${Calendar.provisionalNote.zh}; ${Calendar.provisionalNote.en})`
  return `calendar: ${notices}, ${after}; ${years}`
}

/**
 * @internal The provisional years the results shown by `check` (findings and
 * resolutions) or by `assess` (score lines, through their `provisional` fact)
 * were counted on, ascending.
 */
export const provisionalYearsOf = (
  out: Host.Run,
  shown: "findings" | "lines"
): ReadonlyArray<number> => {
  const years = new Set<number>()
  if (shown === "findings") {
    for (const f of [...out.findings, ...out.resolved])
      for (const y of f.provisionalYears ?? []) years.add(y)
  } else {
    for (const { assessment } of out.assessments)
      for (const u of assessment.units)
        for (const l of u.lines)
          if (typeof l.facts.provisional === "string")
            for (const y of l.facts.provisional.split(",")) years.add(Number(y))
  }
  return [...years].sort((a, b) => a - b)
}

/** @internal The footnote of a table whose results rest on provisional years, or undefined. */
export const provisionalFootnote = (
  years: ReadonlyArray<number>,
  lang: "zh" | "en"
): string | undefined =>
  years.length === 0
    ? undefined
    : lang === "zh"
      ? `注：${years.join("、")}年的工作日${Calendar.provisionalNote.zh}。`
      : `Note: working days in ${years.join(", ")} are ${Calendar.provisionalNote.en}.`
