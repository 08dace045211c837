/**
 * The templates of the forms the five plans imply (报表模板), as data. Each
 * is plain JSON (`JSON.stringify(Forms.projectLedger)`): a county copies one,
 * changes a header's wording, a unit or an enum's Chinese values, and passes
 * the file to `gongjian import --template ./my-template.json`.
 *
 * | id | form | record |
 * |---|---|---|
 * | `project-ledger` | 项目台账: stage dates and amounts | project |
 * | `monthly-funds` | 月度到位资金报表 | report (`funds-in-place`) |
 * | `monthly-fixed-asset` | 月度固定资产投资报表 | report (`fixed-asset-investment`) |
 * | `outbound-trips` | 外出招商活动登记表 (002 三.1) | activity (`outbound-trip`) |
 * | `approval-log` | 审批事项办理台账 (001: 3 / 10 working days from receipt) | approval |
 * | `exit-ledger` | 退出机制台账 (001: the half-yearly cleanup) | exit-event |
 *
 * @since 0.3.0
 */
import type { Template } from "./Template.js"

const stageDates = (
  [
    ["signed", "签约"],
    ["land-supplied", "供地"],
    ["started", "开工"],
    ["completed", "竣工"],
    ["in-production", "投产"]
  ] as const
).map(([stage, zh]): Template["columns"][number] => ({
  field: `events.${stage}`,
  headers: [`各阶段时间/${zh}`, `${zh}时间`, `${zh}日期`],
  type: "date",
  width: 12
}))

/**
 * 项目台账: one row per project — number, name, responsible unit, sector,
 * total investment (万元), current stage, the dates of each stage under a
 * merged 各阶段时间 header, funds in place (万元), land (亩), leader, and the
 * industry and flags by their Chinese names (新能源; 重大项目、世界500强) or
 * codes (since 0.4.0; a county's own code is read as it is). A
 * project already in the snapshot is merged: its stage dates and amounts
 * are updated.
 *
 * @example
 * {@includeCode ../examples/import.ts#import}
 *
 * @since 0.3.0
 * @category templates
 */
export const projectLedger: Template = {
  id: "project-ledger",
  title: "重点项目建设台账",
  titleEn: "Project ledger",
  clause: "003 三",
  record: "project",
  headerRows: 2,
  columns: [
    { field: "id", headers: ["项目编号", "编号"], type: "id", required: true, width: 10 },
    { field: "name", headers: ["项目名称"], type: "text", required: true, width: 24 },
    {
      field: "unit",
      headers: ["责任单位", "牵头单位", "所属单位"],
      type: "unit",
      required: true,
      width: 14
    },
    {
      field: "sector",
      headers: ["产业类别", "产业"],
      type: "enum",
      required: true,
      values: {
        一产: "primary",
        第一产业: "primary",
        二产: "secondary",
        第二产业: "secondary",
        工业: "secondary",
        三产: "tertiary",
        第三产业: "tertiary",
        服务业: "tertiary"
      },
      width: 10
    },
    { field: "industry", headers: ["行业", "所属行业"], type: "industry", width: 12 },
    {
      field: "investment.total",
      headers: ["总投资", "计划总投资"],
      type: "money",
      unit: "万元",
      total: true,
      width: 12
    },
    { field: "stage", headers: ["当前阶段", "项目进度", "所处阶段"], type: "stage", width: 10 },
    ...stageDates,
    {
      field: "investment.fundsInPlace",
      headers: ["到位资金", "累计到位资金"],
      type: "money",
      unit: "万元",
      total: true,
      width: 12
    },
    { field: "land.areaMu", headers: ["用地面积", "用地（亩）"], type: "number", width: 10 },
    { field: "responsibility.leader", headers: ["包抓领导", "责任领导"], type: "text", width: 10 },
    { field: "flags", headers: ["标签", "项目类型"], type: "flags", width: 14 }
  ]
}

/**
 * 月度到位资金报表: one row per unit and month — the unit, the report date
 * (the month's last day, or any date in it), and the funds in place this
 * month (万元) under a merged 到位资金 header. Each row is a reported figure
 * of the `funds-in-place` measure, with id `funds-<unit>-<date>`.
 *
 * @example
 * {@includeCode ../examples/forms.ts#forms}
 *
 * @since 0.3.0
 * @category templates
 */
export const monthlyFunds: Template = {
  id: "monthly-funds",
  title: "招商引资到位资金月报表",
  titleEn: "Monthly funds-in-place report",
  clause: "002 四",
  record: "report",
  headerRows: 2,
  constants: { measure: "funds-in-place" },
  idFields: ["unit", "on"],
  idPrefix: "funds-",
  columns: [
    {
      field: "unit",
      headers: ["单位", "填报单位", "乡镇（街道）"],
      type: "unit",
      required: true,
      width: 14
    },
    { field: "on", headers: ["报告期", "统计截止日期"], type: "date", required: true, width: 12 },
    {
      field: "value",
      headers: ["到位资金/本月", "本月到位资金"],
      type: "money",
      unit: "万元",
      required: true,
      total: true,
      width: 12
    },
    { field: "note", headers: ["备注"], type: "text", width: 20 }
  ]
}

/**
 * 月度固定资产投资报表: one row per unit and month — the unit, the month, and
 * the fixed-asset investment completed this month (万元) under a merged
 * 固定资产投资 header. Each row is a reported figure of the
 * `fixed-asset-investment` measure, with id `fai-<unit>-<date>`.
 *
 * @example
 * {@includeCode ../examples/forms.ts#forms}
 *
 * @since 0.3.0
 * @category templates
 */
export const monthlyFixedAsset: Template = {
  id: "monthly-fixed-asset",
  title: "固定资产投资完成情况月报表",
  titleEn: "Monthly fixed-asset investment report",
  clause: "003 二",
  record: "report",
  headerRows: 2,
  constants: { measure: "fixed-asset-investment" },
  idFields: ["unit", "on"],
  idPrefix: "fai-",
  columns: [
    { field: "unit", headers: ["单位", "填报单位"], type: "unit", required: true, width: 14 },
    { field: "on", headers: ["统计月份", "报告期"], type: "date", required: true, width: 12 },
    {
      field: "value",
      headers: ["固定资产投资/本月完成", "本月完成投资"],
      type: "money",
      unit: "万元",
      required: true,
      total: true,
      width: 12
    },
    { field: "note", headers: ["备注"], type: "text", width: 20 }
  ]
}

/**
 * 外出招商活动登记表 (002 三.1): one row per outbound trip — number, unit,
 * date, who led it and in which role (主要负责人, 分管负责人, …), where,
 * the projects it followed up. Each row is an `outbound-trip` activity.
 *
 * @example
 * {@includeCode ../examples/forms.ts#forms}
 *
 * @since 0.3.0
 * @category templates
 */
export const outboundTrips: Template = {
  id: "outbound-trips",
  title: "外出招商活动登记表",
  titleEn: "Outbound investment-promotion trips",
  clause: "002 三.1",
  record: "activity",
  headerRows: 1,
  constants: { kind: "outbound-trip" },
  columns: [
    { field: "id", headers: ["登记编号", "编号"], type: "id", required: true, width: 10 },
    { field: "unit", headers: ["单位"], type: "unit", required: true, width: 14 },
    { field: "date", headers: ["出发日期", "外出日期"], type: "date", required: true, width: 12 },
    { field: "who", headers: ["带队领导"], type: "text", width: 10 },
    {
      field: "role",
      headers: ["领导类别", "职务类别"],
      type: "enum",
      values: {
        主要负责人: "principal",
        党政主要负责人: "principal",
        分管负责人: "deputy",
        副职: "deputy",
        部门主要负责人: "department-principal",
        县级领导: "leader",
        工作人员: "staff"
      },
      width: 12
    },
    { field: "where", headers: ["目的地", "外出地点"], type: "text", width: 14 },
    { field: "projects", headers: ["对接项目编号", "对接项目"], type: "list", width: 14 },
    { field: "note", headers: ["备注", "洽谈内容"], type: "text", width: 24 }
  ]
}

/**
 * 审批事项办理台账 (001): one row per approval — the project's number, the
 * procedure, the department, the date the materials were complete (收件,
 * from which 001's 3 or 10 working days run) and the date it was closed
 * (办结), under a merged 办理时间 header. Each row is merged into the
 * project's approvals; a project that does not exist rejects the row.
 *
 * @example
 * {@includeCode ../examples/forms.ts#forms}
 *
 * @since 0.3.0
 * @category templates
 */
export const approvalLog: Template = {
  id: "approval-log",
  title: "项目审批事项办理台账",
  titleEn: "Approval log",
  clause: "001 三.(二)",
  record: "approval",
  headerRows: 2,
  columns: [
    { field: "project", headers: ["项目编号"], type: "id", required: true, width: 10 },
    {
      field: "kind",
      headers: ["审批事项", "事项名称"],
      type: "enum",
      required: true,
      values: {
        立项备案: "filing",
        备案: "filing",
        项目审批: "approval",
        核准: "approval",
        规划许可: "planning",
        环评: "eia",
        环评审批: "eia",
        用地审批: "land",
        消防审查: "fire",
        施工许可: "construction-permit",
        其他: "other"
      },
      width: 12
    },
    { field: "department", headers: ["审批部门", "承办部门"], type: "text", width: 14 },
    {
      field: "materialsCompleteOn",
      headers: ["办理时间/收件日期", "材料齐全日期"],
      type: "date",
      width: 12
    },
    { field: "closedOn", headers: ["办理时间/办结日期", "办结日期"], type: "date", width: 12 },
    { field: "special", headers: ["特殊事项", "是否特殊事项"], type: "boolean", width: 8 }
  ]
}

/**
 * 退出机制台账 (001 half-yearly cleanup): one row per decision on a project —
 * the project's number, the decision (暂缓 with its end date and reason,
 * 限期整改 with its deadline, 整改到位, 退出, 收回土地), its date. Each row is
 * merged into the project's events; a project that does not exist rejects
 * the row.
 *
 * @example
 * {@includeCode ../examples/forms.ts#forms}
 *
 * @since 0.3.0
 * @category templates
 */
export const exitLedger: Template = {
  id: "exit-ledger",
  title: "项目退出机制清理台账",
  titleEn: "Exit-mechanism ledger",
  clause: "001 四",
  record: "exit-event",
  headerRows: 1,
  columns: [
    { field: "project", headers: ["项目编号"], type: "id", required: true, width: 10 },
    {
      field: "type",
      headers: ["处置类型", "处置方式"],
      type: "enum",
      required: true,
      values: {
        暂缓: "delay-exempted",
        顺延: "delay-exempted",
        限期整改: "rectification-ordered",
        整改到位: "rectified",
        整改完成: "rectified",
        退出: "exited",
        清退: "exited",
        收回土地: "land-reclaimed"
      },
      width: 10
    },
    { field: "date", headers: ["处置日期", "认定日期"], type: "date", required: true, width: 12 },
    { field: "deadline", headers: ["整改期限"], type: "date", width: 12 },
    { field: "until", headers: ["顺延至"], type: "date", width: 12 },
    { field: "reason", headers: ["原因", "事由"], type: "text", width: 24 },
    { field: "note", headers: ["备注"], type: "text", width: 20 }
  ]
}

/**
 * The shipped templates by id.
 *
 * @example
 * {@includeCode ../examples/forms.ts#forms}
 *
 * @since 0.3.0
 * @category templates
 */
export const all: ReadonlyArray<Template> = [
  projectLedger,
  monthlyFunds,
  monthlyFixedAsset,
  outboundTrips,
  approvalLog,
  exitLedger
]

/**
 * A shipped template by its id, or `undefined`.
 *
 * @example
 * {@includeCode ../examples/forms.ts#forms}
 *
 * @since 0.3.0
 * @category templates
 */
export const byId = (id: string): Template | undefined => all.find((t) => t.id === id)
