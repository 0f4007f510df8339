import type { schema as en } from '../en/schema.js';
import type { Messages } from '../text.js';
import { key, keys, lead } from './terms.js';

const JSON_TYPES: Record<string, string> = {
  string: '文本',
  number: '数值',
  integer: '整数',
  boolean: '布尔值',
  object: '映射',
  array: '列表',
  null: '空值',
};

/** ajv's keywords, as the schema uses them (src/policy/schema); another keyword reads as "invalid". */
function ajv(p: { keyword: string; limit?: number; comparison?: string; pattern?: string }): string {
  switch (p.keyword) {
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `必须 ${p.comparison} ${p.limit}`;
    case 'minItems':
      return `至少要有 ${p.limit} 项`;
    case 'maxItems':
      return `最多只能有 ${p.limit} 项`;
    case 'minLength':
      return `至少要有 ${p.limit} 个字符`;
    case 'maxLength':
      return `最多只能有 ${p.limit} 个字符`;
    case 'minProperties':
      return `至少要有 ${p.limit} 个属性`;
    case 'maxProperties':
      return `最多只能有 ${p.limit} 个属性`;
    case 'uniqueItems':
      return '列表中不能有重复项';
    case 'multipleOf':
      return `必须是 ${p.limit} 的倍数`;
    case 'pattern':
      return `必须符合格式 \`${p.pattern}\``;
    default:
      return '取值无效';
  }
}

export const schema = {
  unknownProperty: (p) => `未知属性 '${p.key}'`,
  moreFindings: (p) =>
    `另有 ${p.more.toLocaleString('en-US')} 处模式校验问题未列出（已列出前 ${p.shown.toLocaleString('en-US')} 处）`,
  badName: (p) => `'${p.key}' 不能用作此处的名称：应为${lead(p.expected)}`,
  missingProperty: (p) => `缺少必需的属性 ${key(p.name)}`,
  expectedGot: (p) => `应为${lead(p.expected)}，实际为${lead(p.got)}`,
  isNot: (p) => `${p.got} 不是${lead(p.expected)}`,
  expected: (p) => `应为${lead(p.expected)}`,
  invalidValue: '取值无效',
  ajv,
  types: (p) => p.types.map((t) => JSON_TYPES[t] ?? key(t)).join('或'),
  value: (p) => key(p.json),
  oneOfValues: (p) => `以下之一：${keys(p.values)}`,
  anyForm: '架构允许的某种写法',
  gotNull: '空值',
  gotList: '列表',
  gotMapping: '映射',
  gotString: (p) => `'${p.value}'`,
  gotScalar: (p) => `${JSON_TYPES[p.type] ?? key(p.type)} ${key(p.value)}`,
  expectIdentifierShort: '标识符',
  expectIdentifier: '标识符：以字母开头，后接字母、数字、“-”或“_”（例如 `vip`、`spend12m`）',
  expectDuration: 'ISO 8601 时长，例如 PT4H（4 小时）、P90D（90 天）或 P3M（3 个月）',
  expectDateTime: '带时区偏移的 ISO 8601 日期时间，例如 2026-01-01T00:00:00+08:00',
  expectPercent: '带 % 号的百分比，取值 “0%” 到 “100%”（例如 “10%”）',
  expectVersion: '语义化版本号，例如 1.2.0',
  expectIds: '由字母、数字、“-”和“_”组成且以字母开头的 id',
  expectFactIds: '由字母、数字和“_”组成且以字母开头的事实 id',
  expectMetricIds: '由字母、数字和“_”组成且以字母开头的指标 id',
  expectOrder: `${key('asc')} 或 ${key('desc')}`,
  expectSplit: `${key('split')} 或 ${key('together')}`,
  expectRoundTo: `${keys(['nearest', 'floor'])} 或 ${key('ceil')}`,
  expectScoreForm: `以下恰好一种：${keys(['linear', 'lowerIsBetter', 'bands', 'categories'])}`,
  expectMissing: `${keys(['error', 'exclude'])} 或 ${key('{ points: N }')}`,
  expectAvailability: `${key('24x7')} 或 ${key('business-hours')}`,
  expectClock: `${key('business')} 或 ${key('elapsed')}`,
  expectMatch: `${key('first')}（只取一个分类）或 ${key('all')}（所有匹配的标签）`,
  expectBound: '数值；日期事实的坐标轴上则为日期（`2024-03-01`）或 `{ ago: P90D }`（自评估日往前）',
  expectOneOf: (p) => `以下之一：${keys(p.values)}`,
  expectUnit: (p) => `货币代码（如 CNY）或以下之一：${keys(p.units)}`,
  expectOther: (p) => key(p.text),
} satisfies Messages<typeof en>;
