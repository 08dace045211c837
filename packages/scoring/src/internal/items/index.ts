/**
 * The handler of every item kind. A new kind is its schema in
 * `ScoringItem.ts`, its handler module here, and one line below.
 *
 * @internal
 */
import type { ScoringItem } from "../../ScoringItem.js"
import { activityQuota } from "./activityQuota.js"
import { custom } from "./custom.js"
import { exitFindings } from "./exitFindings.js"
import type { Env, Failure, Handler } from "./handler.js"
import { perProject } from "./perProject.js"
import { reported } from "./reported.js"
import { startOutcomes } from "./startOutcomes.js"
import { target } from "./target.js"

const handlers: { readonly [K in ScoringItem["kind"]]: Handler<K> } = {
  "per-project": perProject,
  target,
  "start-outcomes": startOutcomes,
  "activity-quota": activityQuota,
  reported,
  "exit-findings": exitFindings,
  custom
}

/** @internal Runs the handler of the item's kind. */
export const runItem = (item: ScoringItem, env: Env): Failure | undefined =>
  (handlers[item.kind] as Handler<ScoringItem["kind"]>)(item as never, env)
