/**
 * `start-outcomes` items (002 四.4): each signed project is worth `base`
 * times a multiplier by its start outcome as of the assessment date.
 *
 * @internal
 */
import { Lifecycle, LocalDate, Progress } from "@gongjian/core"
import * as P from "../points.js"
import { rejectedText } from "../rejectedText.js"
import type { Handler, Text } from "./handler.js"
import { signed } from "./text.js"

type Outcome = "onTime" | "late" | "notStarted" | "cannotProceed"

const messages = {
  outcome: {
    onTime: { zh: "按期开工", en: "started on time" },
    late: { zh: "未能如期开工，本项减半计分", en: "started late: half points" },
    notStarted: { zh: "不能开工，减半扣分", en: "not started: loses half" },
    cannotProceed: { zh: "不能实施，双倍扣分", en: "cannot be carried out: loses double" }
  } satisfies Record<Outcome, Text>,
  filterCurrency: rejectedText.filterCurrency,
  noDeadline: rejectedText.noDeadline,
  line: (x: {
    readonly name: string
    readonly project: string
    readonly signedOn: string
    readonly deadline: string
    readonly started: string | undefined
    readonly outcome: Text
    readonly points: string
  }): Text => ({
    zh: `${x.name}（${x.project}）签约${x.signedOn}，开工期限${x.deadline}${x.started ? `，${x.started}开工` : ""}：${x.outcome.zh}，${x.points}分`,
    en: `${x.name} (${x.project}) signed ${x.signedOn}, to start by ${x.deadline}${x.started ? `, started ${x.started}` : ""}: ${x.outcome.en}, ${x.points}`
  })
}

/** @internal */
export const startOutcomes: Handler<"start-outcomes"> = (item, env) => {
  const base = P.fromDecimal(item.base)
  const mult: Record<Outcome, number> = {
    onTime: item.onTime ?? 1,
    late: item.late ?? 0.5,
    notStarted: item.notStarted ?? -0.5,
    cannotProceed: item.cannotProceed ?? -2
  }
  for (const p of env.snapshot.projects) {
    const t = env.context.timelines.get(p.id)
    if (t === undefined) continue
    const signedOn = t.milestones.signed
    if (signedOn === undefined) continue
    const m = Progress.matches({ ...item.filter, excludeClosed: false }, p, t, env.window)
    if (m === "currency-mismatch") {
      env.reject(p.id, messages.filterCurrency)
      continue
    }
    if (!m) continue
    const d = item.defaultDeadline
    const deadline =
      p.contract?.startBy ??
      (d === undefined
        ? undefined
        : "monthsAfterSigning" in d
          ? LocalDate.addMonths(signedOn, d.monthsAfterSigning)
          : d.date)
    if (deadline === undefined) {
      env.reject(p.id, messages.noDeadline)
      continue
    }
    const started = Lifecycle.reachedOn(t, "started")
    const outcome: Outcome | undefined =
      t.milestones.exited !== undefined && started === undefined
        ? "cannotProceed"
        : started !== undefined
          ? started <= deadline
            ? "onTime"
            : "late"
          : env.asOf > deadline
            ? "notStarted"
            : undefined
    if (outcome === undefined) continue
    const raw = P.times(base, P.fromDecimal(mult[outcome]))
    env.credit(p.unit, {
      key: p.id,
      raw,
      render: () => ({
        facts: {
          project: p.id,
          name: p.name,
          signed: signedOn,
          deadline,
          ...(started ? { started } : {}),
          outcome
        },
        arithmetic: `${P.format(base)} × ${mult[outcome]} = ${P.format(raw)}`,
        message: messages.line({
          name: p.name,
          project: p.id,
          signedOn,
          deadline,
          started,
          outcome: messages.outcome[outcome],
          points: signed(raw)
        })
      })
    })
  }
  return undefined
}
