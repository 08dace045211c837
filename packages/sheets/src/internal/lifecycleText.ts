import { Lifecycle } from "@gongjian/core"

const STAGES = Lifecycle.defaultModel.stages

/** @internal An event type in Chinese, as the county's forms name it. */
export const eventZh = (type: Lifecycle.EventType): string => {
  switch (type) {
    case "registered":
      return "入统"
    case "funds-arrived":
      return "资金到位"
    case "delay-exempted":
      return "暂缓"
    case "rectification-ordered":
      return "限期整改"
    case "rectified":
      return "整改到位"
    default:
      return STAGES.find((s) => s.id === type)?.zh ?? type
  }
}

const rank = (type: Lifecycle.EventType): number => STAGES.findIndex((s) => s.id === type)

/**
 * @internal What is wrong with a project's history, in Chinese, from the
 * lifecycle error's fields and the events it was folded from: the date of
 * the other event it clashes with is looked up there.
 */
export const lifecycleZh = (
  error: Lifecycle.LifecycleError,
  events: ReadonlyArray<Lifecycle.ProjectEvent>
): string => {
  const what = `${eventZh(error.type)}（${error.date}）`
  switch (error.problem) {
    case "out-of-order": {
      const later = events.find(
        (o) =>
          o.date > error.date &&
          Lifecycle.isStageEvent(o.type) &&
          rank(o.type) >= 0 &&
          rank(o.type) < rank(error.type)
      )
      return later === undefined
        ? `${what}早于前一阶段的时间`
        : `${eventZh(error.type)}时间 ${error.date} 早于${eventZh(later.type)}时间 ${later.date}`
    }
    case "duplicate-stage": {
      const first = events.find((o) => o.type === error.type && o.date !== error.date)
      return first === undefined
        ? `${eventZh(error.type)}重复记录`
        : `项目已于 ${first.date} ${eventZh(error.type)}，不能再记录${what}`
    }
    case "after-exit": {
      const closed = events.find(
        (o) => o.date <= error.date && Lifecycle.defaultModel.terminal.some((t) => t === o.type)
      )
      return closed === undefined
        ? `项目已退出，其后不能再记录${what}`
        : `项目已于 ${closed.date} ${eventZh(closed.type)}，其后不能再记录${what}`
    }
    case "bad-range":
      return error.type === "rectification-ordered"
        ? `整改期限早于限期整改日期 ${error.date}`
        : `顺延至日期早于暂缓开始日期 ${error.date}`
    case "not-allowed": {
      if (error.type === "rectified") return `${what}之前没有未完成的限期整改`
      // The stage the project had reached: the latest stage event before it.
      let reached: Lifecycle.ProjectEvent | undefined
      for (const o of events) {
        if (!Lifecycle.isStageEvent(o.type) || o.date > error.date) continue
        if (o.type === error.type && o.date === error.date) continue
        if (
          reached === undefined ||
          o.date > reached.date ||
          (o.date === reached.date && rank(o.type) > rank(reached.type))
        )
          reached = o
      }
      return reached === undefined
        ? `项目的记录不能从${what}开始，应从${Lifecycle.defaultModel.initial.map(eventZh).join("、")}之一开始`
        : `${what}不能接在${eventZh(reached.type)}（${reached.date}）之后`
    }
  }
}
