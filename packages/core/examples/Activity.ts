import { equal } from "node:assert/strict"
import { Activity } from "@gongjian/core"
import * as Schema from "effect/Schema"

// #region activity
// 002 三.1: a unit principal leads at least 3 outbound investment trips.
const trips: ReadonlyArray<Activity.Activity> = [
  {
    id: "A-1",
    kind: "outbound-trip",
    unit: "xincheng",
    date: "2026-08-06",
    role: "principal",
    where: "上海"
  },
  {
    id: "A-2",
    kind: "outbound-trip",
    unit: "xincheng",
    date: "2026-08-20",
    role: "principal",
    where: "深圳"
  },
  { id: "A-3", kind: "invited-executive", unit: "xincheng", date: "2026-09-12", count: 5 }
]
const kind: Activity.ActivityKind = "outbound-trip"
const role: Activity.Role = "principal"
equal(Activity.total(trips.filter((a) => a.kind === kind && a.role === role)), 2)
equal(Activity.total(trips), 7)
// Kinds and roles are closed lists: a record with another one is rejected.
equal(Schema.is(Activity.ActivityKind)("banquet"), false)
equal(Schema.is(Activity.Role)("secretary"), false)
// #endregion activity
