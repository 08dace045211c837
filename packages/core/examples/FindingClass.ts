import { deepStrictEqual, equal } from "node:assert/strict"
import { FindingClass } from "@gongjian/core"
import * as Schema from "effect/Schema"

// #region names
const idle: FindingClass.FindingClass = "land-idle"
equal(Schema.is(FindingClass.FindingClass)(idle), true)
equal(Schema.is(FindingClass.FindingClass)("late"), false)
// Every output names a class the same way.
equal(FindingClass.names[idle].zh, "供地未开工（圈而不建）")
equal(FindingClass.names["built-not-producing"].en, "built, not producing")
equal(FindingClass.nameOf("signed-not-built").zh, "签而不建")
// A class of a county's own is shown as it is.
deepStrictEqual(FindingClass.nameOf("county-idle"), { zh: "county-idle", en: "county-idle" })
// A finding's severity is named the same way whatever its class.
equal(FindingClass.severityNames.escalated.zh, "整改逾期")
// #endregion names
