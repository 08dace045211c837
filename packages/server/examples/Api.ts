import { deepEqual, equal } from "node:assert/strict"
import { Api } from "@gongjian/server"
import * as Schema from "effect/Schema"

// #region openapi
const doc = Api.openApi()
equal(doc.info.title, "gongjian county portal API")
equal("/api/campaigns/{campaign}/projects/{id}" in doc.paths, true)
// Bulletins (通报) by period and the wall charts (挂图作战) as SVG.
equal("/api/campaigns/{campaign}/bulletins/{period}.html" in doc.paths, true)
equal("/api/campaigns/{campaign}/charts/{kind}.svg" in doc.paths, true)
equal(Api.sessionCookie, "gongjian_session")
equal(Api.csrfHeader, "x-csrf-token")
equal(Api.sessionSecurity.key, Api.sessionCookie)
// Request and response bodies are schemas: decode them with effect/Schema.
equal(Api.RankingRow.fields.total !== undefined, true)
equal(Api.Api.groups.records.identifier, "records")
for (const s of [
  Api.SessionInfo,
  Api.CampaignInfo,
  Api.ProjectView,
  Api.FindingView,
  Api.ProgressRow,
  Api.AssessmentView,
  Api.Explanation,
  Api.AssessmentRun,
  Api.BulletinInfo,
  Api.ChartKind
])
  equal(typeof s.ast, "object")
// An upload answers with the row report of @gongjian/sheets and the revisions written.
equal(Api.UploadResult.fields.report, Api.RowReport)
equal(Api.RowReport.fields.counts !== undefined, true)
for (const g of [
  Api.LoginApi,
  Api.SessionApi,
  Api.RecordsApi,
  Api.AssessmentsApi,
  Api.BulletinsApi,
  Api.AccountsApi
])
  equal(typeof g.identifier, "string")
equal(typeof Api.Authentication.key, "string")
equal(typeof Api.CurrentUser.key, "string")
// Every endpoint answers a request that does not fit its schema with 400
// BadRequest (Api.RequestCheck), listed in the document.
equal(typeof Api.RequestCheck.key, "string")
const put = doc.paths["/api/campaigns/{campaign}/projects/{id}"]!.put!
equal(JSON.stringify(put.responses["400"]).includes("BadRequest"), true)
// A body over the server's limit: 413 PayloadTooLarge, listed too.
equal(JSON.stringify(put.responses["413"]).includes("PayloadTooLarge"), true)
// #endregion openapi

// #region pending
// A ranking row of a unit whose tier 通报表扬 is judged at the year's end
// (待定): behind 序时进度, so at risk. It is in no tier yet.
const row = Schema.decodeUnknownSync(Api.RankingRow)({
  group: "towns",
  rank: 4,
  unit: "town-d",
  name: "丁镇",
  total: "1",
  tiers: [],
  vetoes: [],
  pending: [
    {
      rule: "commended",
      kind: "tier",
      title: { zh: "通报表扬", en: "commended" },
      due: "2026-12-31",
      atRisk: true,
      reason: "target annual-task due 2026-12-31, not judged yet: completion 0, 序时进度 0.789, red"
    }
  ]
})
const pending: typeof Api.PendingVerdict.Type = row.pending[0]!
deepEqual([pending.rule, pending.due, pending.atRisk], ["commended", "2026-12-31", true])
equal(row.tiers.length, 0)
// The explanation of a unit lists the same verdicts.
equal(Api.Explanation.fields.pending.value, Api.PendingVerdict)
equal(Api.RankingRow.fields.pending.value, Api.PendingVerdict)
// #endregion pending
