import type { Language } from '../../engine/explain/explain.js';

/** Every heading and column name of the profile report, in English and Chinese. */
const TEXT = {
  overview: ['Overview', '概览'],
  columns: ['Completeness of mapped columns', '映射列完整度'],
  invalid: ['Invalid values (examples)', '无效值（示例）'],
  missingColumns: ['Columns the policy maps but the file lacks', '策略映射但文件缺少的列'],
  duplicateKeys: ['Duplicate customer keys (TW0607)', '重复的客户编号（TW0607）'],
  names: ['Likely duplicates: company names alike', '疑似重复客户：公司名称相近'],
  phones: ['Likely duplicates: the same phone number', '疑似重复客户：电话号码相同'],
  stale: ['Stale customers', '长期无活动客户'],
  tiers: ['Tiers on this data', '本数据的等级分布'],
  rules: ['Rules, classes and triggers', '规则、分类与触发条件'],
  bands: ['Scoring bands and categories', '评分区间与类别'],
  cells: ['Matrix cells', '矩阵单元格'],
  unused: ['Never reached on this data', '本数据从未触达'],
  notes: ['Notes', '说明'],
  item: ['item', '项目'],
  value: ['value', '值'],
  policy: ['policy', '策略'],
  file: ['file', '文件'],
  asOf: ['as of', '基准日'],
  rowsRead: ['rows read', '读取行数'],
  customers: ['customers', '客户数'],
  malformed: ['malformed rows (TW0606)', '格式错误行（TW0606）'],
  withInvalid: ['rows with invalid values', '含无效值的行'],
  withoutKey: ['rows without a key', '缺少编号的行'],
  duplicateKey: ['rows repeating a key', '编号重复的行'],
  fact: ['fact', '事实'],
  column: ['column', '列'],
  type: ['type', '类型'],
  filled: ['filled', '已填'],
  empty: ['empty', '空'],
  invalidCount: ['invalid', '无效'],
  completeness: ['complete', '完整度'],
  flags: ['notes', '备注'],
  required: ['required', '必填'],
  pii: ['personal data', '个人信息'],
  row: ['row', '行'],
  problem: ['problem', '问题'],
  key: ['key', '客户编号'],
  firstRow: ['first row', '首次出现行'],
  normalized: ['normalised', '归一化'],
  members: ['members (key row value)', '成员（编号 行 值）'],
  last: ['last activity', '最近活动'],
  monthsWithout: ['months without activity', '无活动月数'],
  tier: ['tier', '等级'],
  label: ['label', '名称'],
  share: ['share', '占比'],
  kind: ['kind', '类别'],
  id: ['id', '标识'],
  holds: ['condition holds', '条件成立'],
  decided: ['decided', '生效'],
  metric: ['metric', '指标'],
  band: ['band', '区间'],
  range: ['range', '范围'],
  rowBand: ['row band', '行区间'],
  columnBand: ['column band', '列区间'],
  untiered: ['(no tier)', '（无等级）'],
  none: ['none found', '未发现'],
  everythingReached: ['every tier, rule, band and cell is reached', '所有等级、规则、区间和单元格均被触达'],
  more: ['more not listed', '条未列出'],
} as const satisfies Record<string, readonly [string, string]>;

export type TextKey = keyof typeof TEXT;

export function t(key: TextKey, language: Language): string {
  return TEXT[key][language === 'zh-CN' ? 1 : 0];
}

/** A policy label in the report's language, the other one, or the id. */
export function labelOf(
  label: { 'zh-CN'?: string; en?: string } | undefined,
  id: string,
  language: Language,
): string {
  return label?.[language] ?? label?.en ?? label?.['zh-CN'] ?? id;
}
