import { deepEqual, equal, notDeepEqual } from "node:assert/strict"
import { Snapshot } from "@gongjian/core"
import { County } from "@gongjian/province"
import * as Result from "effect/Result"

// #region generate
// A seeded county: the same id, size and seed give the same file.
const file = County.generate({ id: "c001", projects: 50 })
deepEqual(file, County.generate({ id: "c001", projects: 50 }))
notDeepEqual(file, County.generate({ id: "c002", projects: 50 }))
const snapshot = Result.getOrThrow(Snapshot.decode(file))
equal(snapshot.asOf, County.AS_OF)
equal(snapshot.projects.length, 50)
equal(snapshot.units.length, 13) // the county and its 12 towns
deepEqual(County.ids(3), ["c001", "c002", "c003"])
// #endregion generate
