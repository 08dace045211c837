/**
 * The read-only context an assessment runs in: the as-of view (the snapshot,
 * the as-of date, the calendar with the county's overrides, every project's
 * folded timeline, each unit's lineage), the exit findings, and cached target
 * progress. Custom items read it; nothing may change it.
 *
 * @since 0.1.0
 */
import type { Calendar, Lifecycle, LocalDate, Progress, Snapshot, View } from "@gongjian/core"

/**
 * An exit finding as scoring reads it (the shape `@gongjian/exit-rules`
 * produces; scoring does not depend on that package).
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#findings}
 *
 * @since 0.1.0
 * @category models
 */
export interface FindingLike {
  readonly id: string
  readonly project: string
  readonly unit: string
  readonly class: string
  readonly severity: "warning" | "breach" | "escalated"
}

/**
 * The context of one assessment run.
 *
 * @example
 * {@includeCode ../examples/Assessment.ts#custom}
 *
 * @since 0.1.0
 * @category models
 */
export interface Context {
  /** The view the assessment runs on; the fields below are read from it. */
  readonly view: View.View
  readonly snapshot: Snapshot.Snapshot
  readonly asOf: LocalDate.LocalDate
  /** The working-day calendar, the county's overrides included. */
  readonly calendar: Calendar.Calendar
  readonly timelines: ReadonlyMap<string, Lifecycle.Timeline>
  readonly findings: ReadonlyArray<FindingLike>
  /** The unit and its ancestors, nearest first. */
  readonly lineage: (unit: string) => ReadonlyArray<string>
  /** The progress rows of a campaign target as of the assessment date (computed once). */
  readonly progress: (target: string) => ReadonlyArray<Progress.TargetProgress>
}
