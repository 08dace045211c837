import { equal, notEqual } from "node:assert/strict"
import { Fingerprint } from "@gongjian/core"

// #region canonical
equal(
  Fingerprint.canonicalJson({ b: 1, a: { d: [2, 1], c: "x" } }),
  '{"a":{"c":"x","d":[2,1]},"b":1}'
)
// The same options written in another order have the same fingerprint.
equal(
  Fingerprint.fingerprint({ startWithinMonths: 6, bonus: 2 }),
  Fingerprint.fingerprint({ bonus: 2, startWithinMonths: 6 })
)
notEqual(
  Fingerprint.fingerprint({ startWithinMonths: 6 }),
  Fingerprint.fingerprint({ startWithinMonths: 3 })
)
equal(Fingerprint.fingerprint({}).length, "fnv1a64:".length + 16)
// #endregion canonical
