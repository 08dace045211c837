/**
 * Templates (导入模板): how a county's form maps onto gongjian's records,
 * written as plain JSON so that a county adjusts a column's wording, a unit
 * or a stage name without code.
 *
 * A template names the record a row becomes (`project`, `activity`,
 * `report`, `approval`, `exit-event`), how many header rows the form has
 * (merged two-row headers are read as `上级/下级`, e.g. `各阶段时间/开工`), and
 * for each column its field, the header texts it may have, its type and,
 * for money, the unit (元, 万元, 亿元, 美元, 万美元) — a unit written in the
 * header (`总投资（亿元）`) wins. Rows whose first cells say 合计 are cross-checked
 * against the sum of the rows above, never imported.
 *
 * @since 0.3.0
 */
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { TemplateError } from "./SheetError.js"

/**
 * The type of a column's cells.
 *
 * - `text`, `id`: text (an id may not be blank inside; numbers are written
 *   without a decimal point);
 * - `money`: an exact amount in the column's unit, or text with its own unit
 *   (`3.5亿元`);
 * - `date`: an Excel date, `2026-03-05`, `2026.3.5`, `2026/3/5`, `2026年3月5日`;
 * - `number`, `integer`: non-negative numbers;
 * - `enum`: one of the column's `values` (Chinese text → value);
 * - `unit`: a unit's name or id, matched to the unit id;
 * - `stage`: a stage in Chinese (在谈, 签约, 供地, 开工, 竣工, 投产) or English;
 * - `list`: items separated by `、`, `,`, `，` or `;`;
 * - `boolean`: 是 / 否, Y / N, √ / ×;
 * - `industry` (since 0.4.0): an industry by its Chinese name
 *   (`Project.industryNames`: 新能源) or its code (`new-energy`);
 * - `flags` (since 0.4.0): a list of flags, each by its Chinese name
 *   (`Project.flagNames`: 重大项目、世界500强) or its code (`major`).
 *
 * In `industry` and `flags` columns a code a county defines itself — not in
 * the tables — is written by exports as it is, and read back as it is when
 * it is ASCII letters, digits, `-`, `_` and `.` (`bamboo-crafts`), or when
 * the snapshot imported into has a project that already carries it. A
 * county's own Chinese names go in the column's `values` (Chinese text →
 * code: `{ "竹木加工": "bamboo-crafts" }`). Any other text is an unknown name:
 * the row is rejected, its problem naming the cell and the column.
 *
 * @example
 * {@includeCode ../examples/template.ts#custom}
 *
 * @since 0.3.0
 * @category schemas
 */
export const FieldType = Schema.Literals([
  "text",
  "id",
  "money",
  "date",
  "number",
  "integer",
  "enum",
  "unit",
  "stage",
  "list",
  "boolean",
  "industry",
  "flags"
])

/**
 * The type of {@link FieldType}.
 *
 * @example
 * {@includeCode ../examples/template.ts#custom}
 *
 * @since 0.3.0
 * @category models
 */
export type FieldType = typeof FieldType.Type

/**
 * The money units a column or a cell may be written in.
 *
 * @example
 * {@includeCode ../examples/template.ts#custom}
 *
 * @since 0.3.0
 * @category schemas
 */
export const MoneyUnit = Schema.Literals(["元", "万元", "亿元", "美元", "万美元", "亿美元"])

/**
 * The type of {@link MoneyUnit}.
 *
 * @example
 * {@includeCode ../examples/template.ts#custom}
 *
 * @since 0.3.0
 * @category models
 */
export type MoneyUnit = typeof MoneyUnit.Type

/**
 * One column of a form.
 *
 * - `field`: where the value goes in the record (`investment.total`,
 *   `events.started` for a stage date, `stage` for the current stage);
 * - `headers`: the texts its header may have, the first being the one
 *   exports write; for a merged two-row header, `上级/下级`; spaces, line
 *   breaks and full-width brackets do not matter, nor does a unit in brackets;
 * - `required`: a blank cell rejects the row;
 * - `total`: the 合计 row's cell is checked against the sum of the column.
 *
 * @example
 * {@includeCode ../examples/template.ts#custom}
 *
 * @since 0.3.0
 * @category schemas
 */
export const Column = Schema.Struct({
  field: Schema.String,
  headers: Schema.NonEmptyArray(Schema.String),
  type: FieldType,
  required: Schema.optionalKey(Schema.Boolean),
  unit: Schema.optionalKey(MoneyUnit),
  values: Schema.optionalKey(Schema.Record(Schema.String, Schema.String)),
  total: Schema.optionalKey(Schema.Boolean),
  width: Schema.optionalKey(Schema.Int.check(Schema.isBetween({ minimum: 4, maximum: 80 })))
}).annotate({ identifier: "Column" })

/**
 * The type of {@link Column}.
 *
 * @example
 * {@includeCode ../examples/template.ts#custom}
 *
 * @since 0.3.0
 * @category models
 */
export type Column = typeof Column.Type

/**
 * What a row becomes:
 *
 * - `project`: a project (项目台账); a project already in the snapshot is
 *   merged (its fields and stage dates updated);
 * - `activity`: an activity, such as an outbound trip (外出招商);
 * - `report`: a reported figure (月报), such as funds in place;
 * - `approval`: an approval of a project that exists (审批台账), merged into it;
 * - `exit-event`: an exit-mechanism event of a project that exists
 *   (退出机制台账: 暂缓, 限期整改, 整改完成, 退出, 收回土地), merged into it.
 *
 * @example
 * {@includeCode ../examples/template.ts#custom}
 *
 * @since 0.3.0
 * @category schemas
 */
export const RecordKind = Schema.Literals([
  "project",
  "activity",
  "report",
  "approval",
  "exit-event"
])

/**
 * The type of {@link RecordKind}.
 *
 * @example
 * {@includeCode ../examples/template.ts#custom}
 *
 * @since 0.3.0
 * @category models
 */
export type RecordKind = typeof RecordKind.Type

/**
 * A template.
 *
 * - `id`: the name `--template` takes;
 * - `title`: the form's title in Chinese (the export's title row) and `titleEn`;
 * - `clause`: the plan clause the form serves (`002 三.1`);
 * - `sheet`: which worksheet, from 1 (default 1);
 * - `headerRows`: 1, 2 or 3 rows of headers, found within the first
 *   `searchRows` rows (default 12) after any title rows;
 * - `constants`: fields every record gets (`kind: outbound-trip`);
 * - `idFields`: for records without an id column, the fields whose values
 *   make the id (`unit`, `on` → `funds-town-a-2026-03-31`), prefixed by `idPrefix`;
 * - `totalLabels`: what a 合计 row's first cells say (default 合计, 总计, 小计);
 * - `notePrefixes`: rows starting with these are notes, not data
 *   (default 填表, 填报, 制表, 审核, 注, 说明, 备注：).
 *
 * @example
 * {@includeCode ../examples/template.ts#custom}
 *
 * @since 0.3.0
 * @category schemas
 */
export const Template = Schema.Struct({
  id: Schema.String.check(Schema.isPattern(/^[a-z0-9][a-z0-9-]*$/)),
  title: Schema.String,
  titleEn: Schema.String,
  clause: Schema.optionalKey(Schema.String),
  record: RecordKind,
  sheet: Schema.optionalKey(Schema.Int.check(Schema.isGreaterThanOrEqualTo(1))),
  headerRows: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 3 })),
  searchRows: Schema.optionalKey(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 50 }))),
  columns: Schema.NonEmptyArray(Column),
  constants: Schema.optionalKey(Schema.Record(Schema.String, Schema.String)),
  idFields: Schema.optionalKey(Schema.Array(Schema.String)),
  idPrefix: Schema.optionalKey(Schema.String),
  totalLabels: Schema.optionalKey(Schema.Array(Schema.String)),
  notePrefixes: Schema.optionalKey(Schema.Array(Schema.String))
}).annotate({ identifier: "Template" })

/**
 * The type of {@link Template}.
 *
 * @example
 * {@includeCode ../examples/template.ts#custom}
 *
 * @since 0.3.0
 * @category models
 */
export type Template = typeof Template.Type

const decodeTemplate = Schema.decodeUnknownResult(Template)

/**
 * Reads a template from parsed JSON, checking its shape and that its
 * columns are consistent: fields unique, `enum` columns with `values`,
 * `money` columns with a `unit`, an id column or `idFields`.
 *
 * @example
 * {@includeCode ../examples/template.ts#custom}
 *
 * @since 0.3.0
 * @category decoding
 */
export const decode = (input: unknown): Result.Result<Template, TemplateError> => {
  const name =
    typeof input === "object" &&
    input !== null &&
    typeof (input as { id?: unknown }).id === "string"
      ? (input as { id: string }).id
      : "(unnamed)"
  const r = decodeTemplate(input)
  if (Result.isFailure(r)) {
    return Result.fail(new TemplateError({ template: name, problems: [String(r.failure)] }))
  }
  const t = r.success
  const problems: Array<string> = []
  const seen = new Set<string>()
  for (const [i, c] of t.columns.entries()) {
    const at = `columns[${i}] (${c.field})`
    if (seen.has(c.field)) problems.push(`${at}: the field appears twice / 字段重复`)
    seen.add(c.field)
    if (c.type === "enum" && c.values === undefined)
      problems.push(`${at}: an enum column needs "values" / 枚举列需要 values`)
    if (c.type === "money" && c.unit === undefined)
      problems.push(`${at}: a money column needs a "unit" / 金额列需要 unit`)
  }
  if (!seen.has("id") && !seen.has("project") && (t.idFields ?? []).length === 0) {
    problems.push(
      `the template has no "id" column and no "idFields" / 模板没有编号列，也没有 idFields`
    )
  }
  for (const f of t.idFields ?? []) {
    if (!seen.has(f) && t.constants?.[f] === undefined)
      problems.push(`idFields: ${f} is neither a column nor a constant / idFields 中的 ${f} 不是列`)
  }
  return problems.length === 0
    ? Result.succeed(t)
    : Result.fail(new TemplateError({ template: t.id, problems }))
}

/**
 * Reads a template from JSON text (a county's adjusted copy of a shipped one).
 *
 * @example
 * {@includeCode ../examples/template.ts#custom}
 *
 * @since 0.3.0
 * @category decoding
 */
export const decodeJson = (text: string): Result.Result<Template, TemplateError> => {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (e) {
    return Result.fail(
      new TemplateError({ template: "(json)", problems: [`not JSON / 不是 JSON: ${String(e)}`] })
    )
  }
  return decode(parsed)
}
