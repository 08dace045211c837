import { equal, notEqual } from "node:assert/strict"
import { Password } from "@gongjian/server"

// #region hash
const hashed = Password.hash("甲镇填报员的口令")
equal(hashed.startsWith("scrypt$16384$8$1$"), true)
equal(Password.verify("甲镇填报员的口令", hashed), true)
equal(Password.verify("wrong", hashed), false)
// A fresh salt every time: the same password never gives the same text.
notEqual(Password.hash("甲镇填报员的口令"), hashed)
// #endregion hash
