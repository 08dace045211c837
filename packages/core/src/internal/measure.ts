import type * as Money from "../Money.js"
import type { Project } from "../Project.js"
import type { Measure } from "../Target.js"

/** @internal The project field a money measure reads, if it reads one. */
export const projectMoneyField = (
  measure: Measure
): "contractForeign" | "paidInForeign" | "outsideDomestic" | "total" | undefined => {
  switch (measure) {
    case "contract-fdi":
      return "contractForeign"
    case "paid-in-fdi":
      return "paidInForeign"
    case "outside-domestic-capital":
      return "outsideDomestic"
    case "total-investment":
      return "total"
    default:
      return undefined
  }
}

/** @internal The amount a money measure reads from a project. */
export const projectMoney = (measure: Measure, p: Project): Money.Money | undefined => {
  const field = projectMoneyField(measure)
  return field === undefined ? undefined : p.investment?.[field]
}
