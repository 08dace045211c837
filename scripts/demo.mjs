// Interim demo until the `gongjian` CLI lands: it decodes the sample snapshot
// with the built @gongjian/core, folds every project's history, and prints the
// progress of each target against 序时进度.
import { readFileSync } from "node:fs"
import { Lifecycle, Money, Progress, Snapshot } from "../packages/core/dist/index.js"

const text = readFileSync(new URL("../examples/data/hundred-days.json", import.meta.url), "utf8")
const decoded = Snapshot.decodeJson(text)
if (decoded._tag === "Failure") {
  console.error(decoded.failure.message)
  process.exit(1)
}
const s = decoded.success
const { timelines, errors } = Lifecycle.foldAll(s.projects, { asOf: s.asOf })
const facts = {
  campaign: s.campaign,
  units: s.units,
  projects: s.projects,
  timelines: new Map(timelines.map((t) => [t.project, t])),
  activities: s.activities ?? [],
  reports: s.reports ?? []
}
const names = new Map(s.units.map((u) => [u.id, u.name]))
const show = (g) => (typeof g === "number" ? String(g) : Money.format(g, { precision: 2 }))
const mark = { ahead: "领先", "on-track": "正常", amber: "黄灯", red: "红灯" }

console.log(
  `${s.campaign.title}（${s.campaign.window.start} 至 ${s.campaign.window.end}），截至 ${s.asOf}`
)
console.log(
  `项目 ${s.projects.length} 个，单位 ${s.units.length} 个，历史不合规 ${errors.length} 个\n`
)
for (const target of s.campaign.targets) {
  const rows = Progress.ofTarget(facts, target, { asOf: s.asOf })
  console.log(
    `■ ${target.title}（${target.clause ?? ""}）序时进度 ${(rows[0]?.expected * 100).toFixed(1)}%`
  )
  for (const r of rows) {
    const who = r.unit === undefined ? "全区" : names.get(r.unit)
    console.log(
      `  ${who.padEnd(8, "　")} 完成 ${show(r.actual).padStart(10)} / ${show(r.goal).padEnd(10)} ${(r.completion * 100).toFixed(1).padStart(6)}%  ${mark[r.status]}`
    )
  }
}
