// The shapes the portal reads, taken from the API's own schemas.
import type { Api, Role, Store } from "@gongjian/server"

export type User = Role.User
export type AssessmentView = typeof Api.AssessmentView.Type
export type Explanation = typeof Api.Explanation.Type
export type ProjectView = typeof Api.ProjectView.Encoded
export type CampaignInfo = typeof Api.CampaignInfo.Type
export type Revision = Store.Revision
export type UploadResult = typeof Api.UploadResult.Type
export type BulletinInfo = typeof Api.BulletinInfo.Type
export interface ActivityRecord {
  readonly id: string
  readonly kind: string
  readonly unit: string
  readonly date: string
  readonly where?: string
  readonly note?: string
}
export interface UnitRecord {
  readonly id: string
  readonly name: string
}
