import { equal } from "node:assert/strict"
import { Neutralise } from "@gongjian/server"

// #region cells
equal(Neutralise.cell("=SUM(A1:A9)"), "'=SUM(A1:A9)")
equal(Neutralise.cell("-2"), "'-2")
equal(Neutralise.cell("甲镇"), "甲镇")
equal(Neutralise.csvLine(["1", "=1+1", 'say "hi", then go']), `1,'=1+1,"say ""hi"", then go"`)
equal(Neutralise.html("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;")
// #endregion cells
