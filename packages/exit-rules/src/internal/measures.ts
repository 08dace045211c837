/**
 * A snapshot's performance figures as columns, for rules that compare a
 * project's latest measurement with its contract (亩均税收 and the like):
 * worked out once per snapshot and measure, so that judging them reads
 * numbers instead of each project's contract and measurements.
 *
 * @internal
 */
import { LocalDate, Money, type Project, type Snapshot } from "@gongjian/core"

/** @internal A measure a contract states and a project reports. */
export type Measure = "taxPerMu" | "outputPerMu" | "investmentIntensityPerMu"

/**
 * @internal For each project: the contract's figure in whole fen of yuan
 * (`NaN` where the contract states none, states it in another currency or
 * not in whole fen), and its measurements of the figure (`start[i]` …
 * `start[i + 1] - 1`, in the project's order) as the day measured and the
 * figure in whole fen (`NaN` as above).
 */
export interface MeasureColumns {
  readonly promised: Float64Array
  readonly start: Int32Array
  readonly on: Int32Array
  readonly actual: Float64Array
}

const known = new WeakMap<Snapshot.Snapshot, Map<Measure, MeasureColumns>>()

const fenOf = (m: Money.Money | undefined): number =>
  m === undefined || m.currency !== "CNY" ? Number.NaN : Money.toFen(m)

/** @internal The columns of `measure` for the snapshot's projects, worked out once. */
export const measureColumns = (snapshot: Snapshot.Snapshot, measure: Measure): MeasureColumns => {
  let byMeasure = known.get(snapshot)
  if (byMeasure === undefined) {
    byMeasure = new Map()
    known.set(snapshot, byMeasure)
  }
  let columns = byMeasure.get(measure)
  if (columns === undefined) {
    const projects: ReadonlyArray<Project.Project> = snapshot.projects
    const n = projects.length
    const promised = new Float64Array(n)
    const start = new Int32Array(n + 1)
    const on: Array<number> = []
    const actual: Array<number> = []
    for (let i = 0; i < n; i++) {
      const p = projects[i]!
      promised[i] = fenOf(p.contract?.[measure])
      start[i] = on.length
      const measured = p.performance
      if (measured !== undefined)
        for (let k = 0; k < measured.length; k++) {
          const m = measured[k]!
          const figure = m[measure]
          if (figure === undefined) continue
          on.push(LocalDate.toDays(m.on))
          actual.push(fenOf(figure))
        }
    }
    start[n] = on.length
    columns = { promised, start, on: Int32Array.from(on), actual: Float64Array.from(actual) }
    byMeasure.set(measure, columns)
  }
  return columns
}
