import { equal } from "node:assert/strict"
import { Api } from "@gongjian/server"

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
// #endregion openapi
