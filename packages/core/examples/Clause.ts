import { equal } from "node:assert/strict"
import { Clause } from "@gongjian/core"

// #region zh
// The stable reference stays in JSON; Chinese views print its Chinese form.
equal(Clause.zh("004 plan 1"), "004 方案1")
equal(Clause.zh("004 plan 1, plan 2"), "004 方案1、方案2")
equal(Clause.zh("001 三.(三).1"), "001 三.(三).1")
// #endregion zh
