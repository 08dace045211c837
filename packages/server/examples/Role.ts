import { equal } from "node:assert/strict"
import { Role } from "@gongjian/server"

// #region rules
const reporter: Role.User = {
  name: "reporter-a",
  displayName: "甲镇填报员",
  role: "reporter",
  unit: "town-a"
}
const leader: Role.User = { name: "leader", displayName: "县领导", role: "leader" }
const own = { id: "A1", unit: "town-a" }
const other = { id: "B1", unit: "street-b" }
const role: Role.Role = reporter.role

equal(Role.unitOf("project", own), "town-a")
equal(Role.canRead(reporter, "project", "town-a"), true)
equal(Role.canRead(reporter, "project", "street-b"), false)
equal(Role.writeDenied(reporter, "project", own, own), undefined)
// Neither another unit's record, nor moving its own record to another unit.
equal(
  Role.writeDenied(reporter, "project", other, other),
  "the project belongs to unit street-b, not to unit town-a"
)
equal(typeof Role.writeDenied(reporter, "project", own, { ...own, unit: "street-b" }), "string")
equal(Role.writeDenied(leader, "project", own, own), "a leader reads and does not write")
equal(Role.canReadHistory(leader, "project", "town-a"), false)
equal(Role.canManageAccounts(leader), false)
equal(Role.Role.literals.includes(role), true)
equal(Role.User.fields.role, Role.Role)
// #endregion rules
