import { deepStrictEqual, equal } from "node:assert/strict"
import { View } from "@gongjian/core"
import { CleanupReport, ExitRule, Finding } from "@gongjian/exit-rules"
import { snapshot } from "./scenario.js"

// #region report
// The second half of 2026, reviewed on 2026-11-22 (the half-year has not ended).
const report = CleanupReport.halfYear(
  { rules: ExitRule.threeTwoThree(), view: View.make(snapshot) },
  "2026-11-22"
)
equal(report.period.label, "2026-H2")
deepStrictEqual(
  report.units.map((u) => [
    u.unit,
    u.classes.map((c) => `${Finding.classNames[c.class].zh}×${c.findings.length}`)
  ]),
  [
    ["park", ["供地未开工（圈而不建）×1", "投产不见效×1"]],
    ["xincheng", ["建而不产×1", "供地未开工（圈而不建）×1"]]
  ]
)
equal(report.total, 4)
deepStrictEqual(report.warnings, ["start-within-3-months/E-2"])
// #endregion report
