// Writes the sample county forms in ../samples: one workbook per shipped
// template, laid out as counties lay them out (a title row, a line naming the
// reporting unit and the money unit, merged two-row headers, a 合计 row, a
// note row), with one broken row of each kind the import rejects, plus the
// same project ledger as a GBK CSV and the funds report as a UTF-8 CSV with
// a byte-order mark. Run: node packages/sheets/scripts/make-samples.ts
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import ExcelJS from "exceljs"

const here = new URL(".", import.meta.url).pathname
const out = join(here, "..", "samples")
const FIXED = new Date(Date.UTC(2026, 9, 15, 8, 0, 0))

type Cell = string | number | Date | { formula: string; result?: number } | { error: string } | null

const serial = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d))

interface Form {
  readonly file: string
  readonly sheet: string
  readonly title: string
  readonly subtitle: string
  /** Header rows; a group header is written once and merged across `span` columns. */
  readonly header: ReadonlyArray<
    ReadonlyArray<string | { readonly text: string; readonly span: number }>
  >
  readonly rows: ReadonlyArray<ReadonlyArray<Cell>>
  readonly widths: ReadonlyArray<number>
  readonly dateColumns: ReadonlyArray<number>
}

const workbook = async (form: Form): Promise<void> => {
  const wb = new ExcelJS.Workbook()
  wb.creator = "示范区发展和改革局"
  wb.created = FIXED
  wb.modified = FIXED
  const ws = wb.addWorksheet(form.sheet)
  const width = form.widths.length
  ws.columns = form.widths.map((w) => ({ width: w }))
  ws.addRow([form.title])
  ws.mergeCells(1, 1, 1, width)
  ws.getCell(1, 1).font = { bold: true, size: 16 }
  ws.getCell(1, 1).alignment = { horizontal: "center" }
  ws.addRow([form.subtitle])
  ws.mergeCells(2, 1, 2, width)
  // Header rows: a plain text in the first row spans all header rows
  // (merged vertically) unless the lower row names the column.
  const top = 3
  const depth = form.header.length
  const grid = layout(form)
  const merges: Array<[number, number, number, number]> = []
  let c0 = 0
  for (const h of form.header[0]!) {
    if (typeof h !== "string") {
      merges.push([top, c0 + 1, top, c0 + h.span])
      c0 += h.span
    } else c0++
  }
  for (let k = 0; k < depth; k++) ws.addRow(grid[k]!)
  if (depth > 1) {
    for (let c = 0; c < width; c++) {
      if (
        grid[0]![c] !== null &&
        grid[1]!.slice(c, c + 1).every((v) => v === null) &&
        !spanned(form, c)
      ) {
        merges.push([top, c + 1, top + depth - 1, c + 1])
      }
    }
  }
  for (const [r1, c1, r2, c2] of merges) ws.mergeCells(r1, c1, r2, c2)
  for (let k = 0; k < depth; k++) {
    const row = ws.getRow(top + k)
    row.font = { bold: true }
    row.alignment = { horizontal: "center", vertical: "middle", wrapText: true }
  }
  for (const r of form.rows) ws.addRow(r.map((v) => v as ExcelJS.CellValue))
  for (const c of form.dateColumns) ws.getColumn(c + 1).numFmt = "yyyy-mm-dd"
  ws.views = [{ state: "frozen", ySplit: top + depth - 1 }]
  await wb.xlsx.writeFile(join(out, form.file))
}

/** The header rows as full-width grids: a group's text in its first column, nulls after. */
const layout = (form: Form): Array<Array<string | null>> => {
  const width = form.widths.length
  const first: Array<string | null> = []
  for (const h of form.header[0]!) {
    if (typeof h === "string") first.push(h)
    else first.push(h.text, ...new Array<null>(h.span - 1).fill(null))
  }
  const rest = form.header.slice(1).map((line) => {
    // Lower rows name the columns under the groups, left to right.
    const row = new Array<string | null>(width).fill(null)
    const labels = line.map((h) => (typeof h === "string" ? h : h.text))
    let c = 0
    for (const h of form.header[0]!) {
      if (typeof h === "string") c++
      else for (let j = 0; j < h.span; j++) row[c++] = labels.shift() ?? null
    }
    return row
  })
  return [first, ...rest]
}

const spanned = (form: Form, column: number): boolean => {
  let c = 0
  for (const h of form.header[0]!) {
    const span = typeof h === "string" ? 1 : h.span
    if (column >= c && column < c + span) return span > 1
    c += span
  }
  return false
}

const csvCell = (v: Cell | undefined): string => {
  if (v === null || v === undefined) return ""
  if (v instanceof Date) return `${v.getUTCFullYear()}/${v.getUTCMonth() + 1}/${v.getUTCDate()}`
  if (typeof v === "object") return "formula" in v ? String(v.result ?? "") : v.error
  const s = String(v)
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

const csvText = (form: Form): string => {
  const width = form.widths.length
  const lines: Array<string> = [csvCell(form.title), csvCell(form.subtitle)]
  for (const line of layout(form)) lines.push(line.map(csvCell).join(","))
  for (const r of form.rows)
    lines.push(Array.from({ length: width }, (_, i) => csvCell(r[i])).join(","))
  return `${lines.join("\r\n")}\r\n`
}

const gbk = (text: string): Uint8Array => {
  // Encodes GBK by inverting TextDecoder("gbk") over the two-byte range.
  const table = new Map<string, number>()
  const dec = new TextDecoder("gbk")
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue
      const ch = dec.decode(new Uint8Array([hi, lo]))
      if (ch.length === 1 && ch !== "\ufffd" && !table.has(ch)) table.set(ch, (hi << 8) | lo)
    }
  }
  const bytes: Array<number> = []
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    if (code < 0x80) bytes.push(code)
    else {
      const g = table.get(ch)
      if (g === undefined) throw new Error(`no GBK code for ${ch}`)
      bytes.push(g >> 8, g & 0xff)
    }
  }
  return new Uint8Array(bytes)
}

// 项目台账: rows 5–20. Amounts in 万元; stage dates under 各阶段时间.
const ledger: Form = {
  file: "project-ledger.xlsx",
  sheet: "项目台账",
  title: "示范区2026年重点项目建设台账",
  subtitle: "填报单位：区发展和改革局　　金额单位：万元　　截至2026年10月15日",
  header: [
    [
      "序号",
      "项目编号",
      "项目名称",
      "责任单位",
      "产业类别",
      "总投资（万元）",
      "当前阶段",
      { text: "各阶段时间", span: 5 },
      "到位资金（万元）",
      "包抓领导",
      "备注"
    ],
    ["签约", "供地", "开工", "竣工", "投产"]
  ],
  widths: [6, 10, 22, 12, 10, 12, 10, 12, 12, 12, 12, 12, 12, 10, 20],
  dateColumns: [7, 8, 9, 10, 11],
  rows: [
    // 5: accepted — Excel dates
    [
      1,
      "P-101",
      "新能源电池材料",
      "甲镇",
      "二产",
      120000,
      "开工",
      serial(2026, 3, 5),
      serial(2026, 4, 20),
      serial(2026, 6, 1),
      null,
      null,
      30000,
      "王建国",
      null
    ],
    // 6: accepted — dates written as text in three ways
    [
      2,
      "P-102",
      "冷链物流园",
      "乙街道",
      "三产",
      35000,
      "开工",
      "2026.3.5",
      "2026/4/2",
      "2026年5月8日",
      null,
      null,
      8000,
      "李明",
      null
    ],
    // 7: accepted — an amount with its own unit, short unit name
    [
      3,
      "P-103",
      "精密轴承",
      "丙园区",
      "第二产业",
      "1.2亿元",
      "签约",
      serial(2026, 7, 18),
      null,
      null,
      null,
      null,
      0,
      "赵强",
      null
    ],
    // 8: merged — A4 exists in the county's snapshot; now signed
    [
      4,
      "A4",
      "智能装备产业园",
      "甲镇",
      "二产",
      50000,
      "签约",
      serial(2026, 9, 28),
      null,
      null,
      null,
      null,
      5000,
      "王建国",
      "已签约"
    ],
    // 9: rejected — a negative amount
    [
      5,
      "P-105",
      "农产品加工",
      "丁镇",
      "一产",
      -800,
      "签约",
      serial(2026, 5, 6),
      null,
      null,
      null,
      null,
      0,
      "孙伟",
      null
    ],
    // 10: rejected — 2 月 30 日 does not exist
    [
      6,
      "P-106",
      "文旅综合体",
      "乙街道",
      "三产",
      60000,
      "签约",
      "2026.2.30",
      null,
      null,
      null,
      null,
      0,
      "李明",
      null
    ],
    // 11: rejected — a stage that is not one
    [
      7,
      "P-107",
      "光伏组件",
      "丙园区",
      "二产",
      80000,
      "筹备",
      null,
      null,
      null,
      null,
      null,
      0,
      "赵强",
      null
    ],
    // 12: rejected — a unit that is not in the campaign
    [
      8,
      "P-108",
      "包装材料",
      "戊镇",
      "二产",
      12000,
      "签约",
      serial(2026, 6, 9),
      null,
      null,
      null,
      null,
      0,
      "周涛",
      null
    ],
    // 13: rejected — the name is blank
    [
      9,
      "P-109",
      null,
      "甲镇",
      "二产",
      9000,
      "签约",
      serial(2026, 6, 10),
      null,
      null,
      null,
      null,
      0,
      "王建国",
      null
    ],
    // 14: rejected — started before it was signed
    [
      10,
      "P-110",
      "汽车零部件",
      "丁镇",
      "二产",
      45000,
      "开工",
      serial(2026, 8, 1),
      null,
      serial(2026, 3, 1),
      null,
      null,
      0,
      "孙伟",
      null
    ],
    // 15: rejected — the stage says 开工 but no 开工 date
    [
      11,
      "P-111",
      "生物医药",
      "丙园区",
      "二产",
      70000,
      "开工",
      serial(2026, 4, 1),
      null,
      null,
      null,
      null,
      0,
      "赵强",
      null
    ],
    // 16: rejected — the id repeats row 5
    [
      12,
      "P-101",
      "新能源电池材料（二期）",
      "甲镇",
      "二产",
      20000,
      "签约",
      serial(2026, 9, 1),
      null,
      null,
      null,
      null,
      0,
      "王建国",
      null
    ],
    // 17: rejected — an error value where the amount should be
    [
      13,
      "P-113",
      "数据中心",
      "乙街道",
      "三产",
      { error: "#REF!" },
      "签约",
      serial(2026, 9, 10),
      null,
      null,
      null,
      null,
      0,
      "李明",
      null
    ],
    // 18: rejected — a formula Excel never calculated
    [
      14,
      "P-114",
      "预制构件",
      "丁镇",
      "二产",
      { formula: "F5*0.1" },
      "签约",
      serial(2026, 9, 12),
      null,
      null,
      null,
      null,
      0,
      "孙伟",
      null
    ],
    // 19: 合计 — a formula with its cached value (the sum of the readable cells above)
    [
      "合计",
      null,
      null,
      null,
      null,
      {
        formula: "SUM(F5:F18)",
        result:
          120000 +
          35000 +
          12000 +
          50000 -
          800 +
          60000 +
          80000 +
          12000 +
          9000 +
          45000 +
          70000 +
          20000
      },
      null,
      null,
      null,
      null,
      null,
      null,
      { formula: "SUM(M5:M18)", result: 43000 },
      null,
      null
    ],
    // 20: a note row
    ["填表人：张敏　　审核人：刘洋　　联系电话：0000-1234567"]
  ]
}

// 到位资金月报 (two header rows: 到位资金 over 本月 / 累计).
const funds: Form = {
  file: "monthly-funds.xlsx",
  sheet: "9月",
  title: "示范区招商引资到位资金月报表（2026年9月）",
  subtitle: "填报单位：区商务局　　金额单位：万元",
  header: [
    ["序号", "单位", "报告期", { text: "到位资金", span: 2 }, "备注"],
    ["本月", "累计"]
  ],
  widths: [6, 12, 12, 12, 12, 24],
  dateColumns: [2],
  rows: [
    [1, "甲镇", serial(2026, 9, 30), 3200.5, 15000, null],
    [2, "乙街道", "2026.9.30", 1800, 9000, null],
    [3, "丙园区", "2026年9月30日", 5000, 26000, "含外资折算"],
    [4, "丁镇", serial(2026, 9, 30), "八百", 4000, "金额写成了汉字"],
    [5, "区发改局", serial(2026, 9, 30), 600, 600, "单位名称不在名单"],
    [
      "合计",
      null,
      null,
      { formula: "SUM(D5:D9)", result: 3200.5 + 1800 + 5000 + 600 + 1 },
      { formula: "SUM(E5:E9)", result: 54600 },
      "合计与明细不符"
    ]
  ]
}

const fixedAsset: Form = {
  file: "monthly-fixed-asset.xlsx",
  sheet: "固投",
  title: "示范区固定资产投资完成情况月报表",
  subtitle: "金额单位：亿元　　统计月份：2026年9月",
  header: [
    ["序号", "单位", "统计月份", { text: "固定资产投资（亿元）", span: 2 }, "备注"],
    ["本月完成", "同比增长（%）"]
  ],
  widths: [6, 12, 12, 14, 14, 20],
  dateColumns: [2],
  rows: [
    [1, "甲镇", "2026/9/30", 1.25, 12.5, null],
    [2, "乙街道", "2026/9/30", 0.8, -3.1, null],
    [3, "丙园区", "2026/9/31", 2.4, 8, "日期不存在"],
    ["合计", null, null, { formula: "SUM(D5:D7)", result: 4.45 }, null, null]
  ]
}

const trips: Form = {
  file: "outbound-trips.xlsx",
  sheet: "外出招商",
  title: "外出招商活动登记表（002 三.1）",
  subtitle: "填报单位：区招商服务中心",
  header: [
    ["登记编号", "单位", "出发日期", "带队领导", "领导类别", "目的地", "对接项目编号", "洽谈内容"]
  ],
  widths: [10, 12, 12, 10, 12, 12, 14, 24],
  dateColumns: [2],
  rows: [
    [
      "T-01",
      "甲镇",
      serial(2026, 8, 4),
      "张书记",
      "主要负责人",
      "上海",
      "A1、A2",
      "新能源配套对接"
    ],
    ["T-02", "乙街道", "2026.8.11", "陈主任", "分管负责人", "深圳", "B1", "+86 客商对接"],
    ["T-03", "丙园区", "2026年8月20日", "刘主任", "处级干部", "杭州", null, "类别不在可选值"],
    ["T-04", "丁镇", null, "何书记", "主要负责人", "苏州", null, "缺出发日期"],
    ["填表说明：领导类别填写 主要负责人、分管负责人、部门主要负责人、县级领导、工作人员"]
  ]
}

const approvals: Form = {
  file: "approval-log.xlsx",
  sheet: "审批台账",
  title: "项目审批事项办理台账",
  subtitle: "填报单位：区行政审批局",
  header: [
    [
      "序号",
      "项目编号",
      "项目名称",
      "审批事项",
      "审批部门",
      { text: "办理时间", span: 2 },
      "是否特殊事项"
    ],
    ["收件日期", "办结日期"]
  ],
  widths: [6, 10, 20, 12, 14, 12, 12, 10],
  dateColumns: [5, 6],
  rows: [
    [
      1,
      "A1",
      "新能源整车配套",
      "环评",
      "区生态环境局",
      serial(2026, 9, 1),
      serial(2026, 9, 4),
      "否"
    ],
    [2, "A2", "精密模具", "施工许可", "区住建局", "2026.9.2", "2026.9.18", "是"],
    [
      3,
      "A3",
      "电商产业园",
      "规划许可",
      "区自然资源局",
      serial(2026, 9, 10),
      serial(2026, 9, 8),
      "否"
    ],
    [4, "Z9", "不存在的项目", "立项备案", "区发改局", serial(2026, 9, 3), serial(2026, 9, 5), "否"],
    [5, "A4", "智能装备产业园", "消防审查", "区住建局", serial(2026, 9, 20), null, "待定"]
  ]
}

const exits: Form = {
  file: "exit-ledger.xlsx",
  sheet: "清理台账",
  title: "2026年上半年项目退出机制清理台账",
  subtitle: "“三个月不开工、两年不投产、三年不见效”项目清理",
  header: [
    [
      "项目编号",
      "项目名称",
      "责任单位",
      "处置类型",
      "处置日期",
      "整改期限",
      "顺延至",
      "原因",
      "备注"
    ]
  ],
  widths: [10, 20, 12, 10, 12, 12, 12, 24, 20],
  dateColumns: [4, 5, 6],
  rows: [
    [
      "A5",
      "包装印刷",
      "甲镇",
      "限期整改",
      serial(2026, 10, 8),
      serial(2026, 12, 31),
      null,
      "签约后未按期开工",
      null
    ],
    [
      "A6",
      "商住综合体",
      "甲镇",
      "暂缓",
      serial(2026, 9, 1),
      null,
      serial(2026, 12, 31),
      "规划调整，非企业原因",
      null
    ],
    ["A7", "医疗器械", "甲镇", "限期整改", serial(2026, 10, 8), null, null, "缺整改期限", null],
    [
      "A8",
      "文旅小镇",
      "甲镇",
      "退出",
      "2026年10月10日",
      null,
      null,
      '=HYPERLINK("http://x")',
      "原因以等号开头"
    ],
    ["Z8", "不存在的项目", "甲镇", "退出", serial(2026, 10, 10), null, null, "项目编号不存在", null]
  ]
}

const county = JSON.parse(
  readFileSync(join(here, "..", "..", "policies", "samples", "002-investment-drive.json"), "utf8")
)
writeFileSync(
  join(out, "county.json"),
  `${JSON.stringify(
    {
      asOf: county.asOf,
      campaign: county.campaign,
      units: county.units,
      projects: county.projects.filter((p: { id: string }) => /^A\d$/.test(p.id)),
      activities: [],
      reports: []
    },
    null,
    2
  )}\n`
)
for (const f of [ledger, funds, fixedAsset, trips, approvals, exits]) await workbook(f)
writeFileSync(
  join(out, "project-ledger-gbk.csv"),
  gbk(csvText({ ...ledger, rows: ledger.rows.slice(0, 12) }))
)
writeFileSync(join(out, "monthly-funds-bom.csv"), `\ufeff${csvText(funds)}`)
process.stdout.write(`samples written to ${out}\n`)
