import * as Clause from "@gongjian/core/Clause"
import { ref } from "vue"

export type Lang = "zh" | "en"

const words = {
  zh: {
    title: "项目攻坚平台",
    signIn: "登录",
    signOut: "退出",
    account: "账号",
    password: "口令",
    dashboard: "总览",
    ranking: "排名",
    progress: "目标进度（对照序时进度）",
    findings: "退出机制预警",
    group: "组别",
    rank: "名次",
    unit: "单位",
    total: "总分",
    tiers: "档次",
    vetoes: "否决",
    pending: "待定",
    pendingTag: (title: string) => `${title}待定`,
    judgedFrom: (due: string) => `${due}到期后评定`,
    atRisk: "有风险",
    behind: "落后序时进度，有风险",
    target: "目标",
    actual: "完成",
    goal: "目标值",
    completion: "完成率",
    expected: "序时进度",
    status: "状态",
    project: "项目",
    stage: "阶段",
    milestones: "节点",
    deadline: "期限",
    severity: "程度",
    action: "建议",
    message: "说明",
    explanation: "得分说明（逐条对应条款）",
    item: "考核项",
    clause: "条款",
    points: "得分",
    arithmetic: "算式",
    projects: "项目",
    history: "修改记录",
    revision: "版本",
    who: "操作人",
    at: "时间",
    why: "理由",
    correction: "更正",
    addEvent: "补报节点",
    eventType: "节点",
    eventDate: "日期",
    flags: "标记",
    reason: "更正理由",
    submit: "提交更正",
    saved: "已保存",
    back: "返回",
    upload: "上传台账",
    template: "表样",
    file: "文件",
    send: "上传",
    rowReport: "逐行报告",
    row: "行",
    record: "记录",
    problems: "问题",
    written: "已写入",
    rowStatus: {
      accepted: "已导入",
      merged: "已合并",
      rejected: "未导入",
      total: "合计",
      note: "说明"
    },
    activities: "活动记录",
    activityKind: "类型",
    where: "地点",
    note: "备注",
    exportCsv: "导出 CSV",
    bulletins: "通报与挂图",
    bulletinNumber: "期数",
    numbered: (n: number) => `第${n}期`,
    period: "通报期",
    download: "下载",
    wallCharts: "挂图作战",
    chartNames: {
      ranking: "综合排名",
      progress: "目标进度",
      heatmap: "单位目标热力图",
      gantt: "重点项目倒排工期"
    },
    // The whole area when the server does not name it (Unit.areaLabel's own fallback).
    all: "全域",
    forbidden: "无权查看",
    role: { admin: "县级管理员", reporter: "单位填报员", leader: "领导", auditor: "审计" },
    statusName: { ahead: "领先", "on-track": "正常", amber: "黄灯", red: "红灯" },
    // As every output names them (core's FindingClass.severityNames, whose
    // module would bring effect's Schema into the page).
    severityName: { warning: "预警", breach: "逾期", escalated: "整改逾期" } as Record<
      string,
      string
    >
  },
  en: {
    title: "County campaign portal",
    signIn: "Sign in",
    signOut: "Sign out",
    account: "Account",
    password: "Password",
    dashboard: "Dashboard",
    ranking: "Ranking",
    progress: "Targets against the expected pace",
    findings: "Exit findings",
    group: "Group",
    rank: "Rank",
    unit: "Unit",
    total: "Total",
    tiers: "Tiers",
    vetoes: "Vetoes",
    pending: "Pending",
    pendingTag: (title: string) => `${title}: pending`,
    judgedFrom: (due: string) => `judged from ${due}`,
    atRisk: "at risk",
    behind: "behind the expected pace: at risk",
    target: "Target",
    actual: "Actual",
    goal: "Goal",
    completion: "Completion",
    expected: "Expected",
    status: "Status",
    project: "Project",
    stage: "Stage",
    milestones: "Milestones",
    deadline: "Deadline",
    severity: "Severity",
    action: "Action",
    message: "Message",
    explanation: "Score explained, clause by clause",
    item: "Item",
    clause: "Clause",
    points: "Points",
    arithmetic: "Arithmetic",
    projects: "Projects",
    history: "History",
    revision: "Revision",
    who: "Who",
    at: "When",
    why: "Why",
    correction: "Correction",
    addEvent: "Report a milestone",
    eventType: "Milestone",
    eventDate: "Date",
    flags: "Flags",
    reason: "Reason for the correction",
    submit: "Submit correction",
    saved: "Saved",
    back: "Back",
    upload: "Upload a ledger",
    template: "Form",
    file: "File",
    send: "Upload",
    rowReport: "Row report",
    row: "Row",
    record: "Record",
    problems: "Problems",
    written: "Written",
    rowStatus: {
      accepted: "accepted",
      merged: "merged",
      rejected: "rejected",
      total: "total",
      note: "note"
    },
    activities: "Activities",
    activityKind: "Kind",
    where: "Where",
    note: "Note",
    exportCsv: "Export CSV",
    bulletins: "Bulletins and wall charts",
    bulletinNumber: "Number",
    numbered: (n: number) => `No. ${n}`,
    period: "Period",
    download: "Download",
    wallCharts: "Wall charts",
    chartNames: {
      ranking: "Ranking",
      progress: "Progress",
      heatmap: "Units × targets",
      gantt: "Key projects"
    },
    all: "whole area",
    forbidden: "Not allowed",
    role: {
      admin: "County administrator",
      reporter: "Unit reporter",
      leader: "Leader",
      auditor: "Auditor"
    },
    statusName: { ahead: "ahead", "on-track": "on track", amber: "amber", red: "red" },
    severityName: { warning: "warning", breach: "breach", escalated: "escalated" } as Record<
      string,
      string
    >
  }
} as const

export const lang = ref<Lang>(localStorage.getItem("lang") === "en" ? "en" : "zh")

export const setLang = (l: Lang) => {
  lang.value = l
  localStorage.setItem("lang", l)
  document.documentElement.lang = l === "zh" ? "zh-CN" : "en"
}

export const t = () => words[lang.value]

/** A clause reference as the language reads it: 004 方案1 in Chinese (`Clause.zh`), the id in English. */
export const clauseText = (clause: string) => (lang.value === "zh" ? Clause.zh(clause) : clause)

/** A finding's severity (预警, 逾期, 整改逾期) in the language; an unknown code as it is. */
export const severityText = (severity: string) => t().severityName[severity] ?? severity
