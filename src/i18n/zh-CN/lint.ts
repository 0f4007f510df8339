import type { lint as en } from '../en/lint.js';
import type { Messages } from '../text.js';
import { factType, ids, key, keys, tierMethod, trail, unit } from './terms.js';

const JSON_TYPES: Record<string, string> = { number: '数值', boolean: '布尔值', string: '文本' };

export const lint = {
  effectiveOrder: (p) => `${key('effectiveTo')}（${p.to}）不晚于 ${key('effectiveFrom')}（${p.from}）`,
  notTimeZone: (p) => `'${p.zone}' 不是有效的时区名称`,
  timeZoneHelp: '例如 Asia/Shanghai',
  reratingUnknownTier: (p) => `${key('rerating.every')} 中的等级 '${p.id}' 不存在`,
  reratingHoldUnknownTier: (p) => `${key('rerating.hold')} 中的等级 '${p.id}' 不存在`,
  calendarAnchorPeriod: (p) =>
    `${key('rerating.anchor: calendar')} 要求周期能整分一年；${p.every}（${p.tier}）不能`,
  calendarAnchorPeriodHelp: `请用 P1M、P2M、P3M、P4M、P6M 或 P1Y，或改用 ${key('anchor: last-rating')}，从每位客户上次评级起算`,
  holdNeedsScore: (p) => `保级区间比较的是得分，而${tierMethod(p.method)}不产生得分`,
  holdNeedsScoreHelp: `保级区间适用于 ${key('thresholds')} 与 ${key('quota')} 分级；请删除 ${key('rerating.hold')}`,
  holdNoBand: (p) =>
    `${p.tier} 的保级线（${p.hold}）不低于其 ${key('minScore')}（${p.minScore}）：客户与没有保级区间时一样降级`,
  holdNoBandHelp: `保级线应低于该等级的 ${key('minScore')}，例如 ${key('minScore')} 90、${key('hold')} 85`,
  notRealDate: (p) => `${p.text} 不是真实存在的日期时间`,
  zeroDuration: (p) => `${p.text} 是零时长`,
  zeroDurationHelp: '例如 PT4H、P1M',
  durationTooLong: (p) => `${p.text} 超过 ${p.years} 年`,

  noKeyFact: '没有事实标记为 `key: true`：评估时无法区分客户',
  noKeyFactHelp: '请标记客户编号事实，例如 `customerId: { type: string, column: 客户编号, key: true }`',
  twoKeyFacts: (p) => `标记为 \`key: true\` 的事实不止一个（'${p.first}' 和 '${p.second}'）`,
  twoRevenueFacts: (p) => `标记为 \`revenue: true\` 的事实不止一个（'${p.first}' 和 '${p.second}'）`,
  enumWithoutValues: (p) => `枚举事实 '${p.id}' 没有列出取值`,
  enumWithoutValuesHelp: '请添加 `values: [high, medium, low]`',
  valuesNotEnum: (p) => `${key('values')} 只适用于枚举事实；'${p.id}' 是${factType(p.type)}事实`,
  numericOnly: (p) => `${key(p.key)} 只适用于数值和整数事实；'${p.id}' 是${factType(p.type)}事实`,
  revenueNotNumber: (p) => `收入事实 '${p.id}' 必须是数值，而不是${factType(p.type)}`,
  minAboveMax: (p) => `最小值 ${p.min} 大于最大值 ${p.max}`,
  aggregateOnly: (p) => `${key(p.key)} 用于描述聚合，但 '${p.id}' 没有 ${key('aggregate')}`,
  aggregateOnlyHelp: '请添加 `aggregate: sum`（或 `count`、`avg` 等）',
  aggregateNeedsField: (p) => `聚合 ${key(p.aggregate)} 需要指定它读取的交易字段`,
  aggregateNeedsFieldHelp: '请添加 `of: amount`',
  formatDateOnly: (p) => `${key('format')} 只适用于日期事实；'${p.id}' 是${factType(p.type)}事实`,
  defaultWrongType: (p) => `默认值 ${key(p.json)} 不是有效的${factType(p.type)}`,

  unknownNamedCondition: (p) => `命名条件 '${p.name}' 不存在`,
  conditionShapeHelp:
    '条件可以是一个组合（`all: […]`、`any: […]`、`not: {…}`）、一个引用（`condition: name`）或一个比较（`fact`、`operator`、`value`）',
  conditionOneGroup: (p) => `一个条件只能包含 ${keys(p.keys)} 中的一个`,
  conditionGroupAndComparison: (p) => `一个条件不能既是 ${key(p.group)} 又是比较（${keys(p.keys)}）`,
  comparisonMissing: (p) => `比较缺少 ${keys(p.keys)}`,
  emptyAny: '空的 `any` 对每位客户都成立（规则引擎 `json-rules-engine` 视其为真）',
  unknownFact: (p) => `事实 '${p.id}' 不存在`,
  comparedTypes: (p) =>
    `'${p.fact}'（${factType(p.type)}）与 '${p.other}'（${factType(p.otherType)}）进行了比较`,
  operatorNeeds: (p) =>
    `${key(p.operator)} 用于${factType(p.type)}事实 '${p.fact}' 时需要${p.expected}，实际为 ${key(p.json)}`,
  aNumber: '一个数值',
  aListOfValues: '一个取值列表',
  containsNeedsList: (p) => `${key(p.operator)} 需要列表型事实；'${p.fact}' 是${factType(p.type)}事实`,
  containsNeedsListHelp: '要检查一个值是否在列表中，请用 `in` / `notIn`',
  orderNeedsNumbers: (p) => `${key(p.operator)} 用于比较数值；'${p.fact}' 是${factType(p.type)}事实`,
  orderNeedsNumbersHelp:
    '日期请用 `before`、`onOrBefore`、`after` 或 `onOrAfter` 比较，例如 `{ fact: lastPurchase, operator: before, value: { ago: P90D } }`',
  dateOperatorNeedsDate: (p) => `${key(p.operator)} 用于比较日期；'${p.fact}' 是${factType(p.type)}事实`,
  dateValueExpected: (p) => `${p.json} 不是可比较的日期`,
  dateValueHelp:
    '请写日期（`2024-03-01` 或 `2024-03-01T09:00:00+08:00`）、`{ ago: P90D }`（自评估日往前）或 `{ fact: 另一日期事实 }`',
  valueWrongType: (p) =>
    `${factType(p.type)}事实 '${p.fact}' 与 ${key(p.json)} 进行了比较，应为${JSON_TYPES[p.expected] ?? key(p.expected)}`,
  notAValue: (p) => `'${p.value}' 不是 '${p.fact}' 的取值之一`,
  conditionCycle: (p) => `命名条件 '${p.name}' 引用了自身（${p.cycle.join(' → ')}）`,

  dimension: '维度',
  metricOf: (p) => `维度 '${p.dimension}' 的指标`,
  negativeWeight: (p) => `${p.what} '${p.id}' 的权重为负（${p.weight}）`,
  zeroWeight: (p) => `${p.what} '${p.id}' 的权重为 0，不会计入评分`,
  zeroWeightHelp: '请删除它，或为它设置权重',
  weightSum: (p) => `${p.what}的权重之和为 ${p.sum}，而不是 100（${p.listed}）`,
  weightSumHelp: (p) => `请将权重合计调整 ${p.by}`,

  metricUnknownFact: (p) => `指标 '${p.metric}' 评分所用的事实 '${p.fact}' 不存在`,
  formScoresNumbers: (p) => `${key(p.form)} 用于给数值评分；事实 '${p.fact}' 是${factType(p.type)}事实`,
  formScoresNumbersHelp: '请按类别评分：`categories: { high: 100, … }`',
  linearFlat: (p) => `${key('linear')} 的 ${key('from')} 和 ${key('to')} 都是 ${p.value}：直线没有斜率`,
  lowerIsBetterOrder: (p) =>
    `${key('lowerIsBetter')} 要求 ${key('best')} 小于 ${key('worst')}（${key('best')} 为 ${p.best}，${key('worst')} 为 ${p.worst}）`,
  lowerIsBetterOrderHelp: '越高越好时，请用 `linear: { from: worst, to: best }`',
  metric: (p) => `指标 '${p.id}'`,
  categoriesNeedValues: (p) =>
    `${key('categories')} 用于给枚举、文本或布尔事实评分；'${p.fact}' 是${factType(p.type)}事实`,
  categoriesNeedValuesHelp: '数值请用 `bands` 或 `linear` 评分',
  notValueOf: (p) => `'${p.value}' 不是 '${p.fact}' 的取值`,
  unscoredValues: (p) => `'${p.fact}' 的取值 ${ids(p.values)} 没有设置分数`,
  unscoredValuesHelp: '请为每个取值设置分数，或为未列出的取值声明 `missing:`',

  bothAtLeastAndAbove: `同时写了 ${key('atLeast')} 和 ${key('above')}`,
  bothBelowAndAtMost: `同时写了 ${key('below')} 和 ${key('atMost')}`,
  bandStates: (p) => `第 ${p.band} 个区间${p.conflict}`,
  bandStatesHelp: '只保留一个：下界用 `atLeast`（≥）或 `above`（>），上界用 `below`（<）或 `atMost`（≤）',
  bandNeverMatches: (p) => `第 ${p.band} 个区间（${p.range}）永远不会匹配：前面的区间已占据它的全部取值`,
  bandNeverMatchesHelp: '区间按顺序匹配，先匹配者优先：请按取值排列区间，或修正边界',
  bandGap: (p) => `${trail(p.what)}中没有区间覆盖取值 ${p.range}${p.unit ? ` ${unit(p.unit)}` : ''}`,
  bandGapHelp: (p) =>
    `请扩展某个区间以覆盖 ${p.example}${p.unit ? ` ${unit(p.unit)}` : ''}${p.bounded ? '' : '；如果不会出现这样的取值，请声明该事实的最小值/最大值（`min`/`max`）'}`,
  bandOverlap: (p) =>
    `第 ${p.later} 个区间与第 ${p.earlier} 个区间在 ${p.range}${p.unit ? ` ${unit(p.unit)}` : ''} 处重叠；这些取值归入第 ${p.earlier} 个区间`,
  bandOverlapHelp: '只在一侧写明边界：例如在一个区间写 `below: X`，在下一个区间写 `atLeast: X`',

  noLabel: (p) => `${p.what}没有标签`,
  noLabelHelp: '请添加 `label: { zh-CN: …, en: … }`',
  labelMissing: (p) => `${p.what}的标签缺少 ${key(p.language)} 文本`,
  labelMissingHelp: (p) => `请添加 \`${p.language}: …\``,
  thePolicy: '策略',
  fact: (p) => `事实 '${p.id}' `,
  dimensionNamed: (p) => `维度 '${p.id}' `,
  metricNamed: (p) => `指标 '${p.id}' `,
  tier: (p) => `等级 '${p.id}' `,
  teamRole: (p) => `团队角色 '${p.id}' `,
  benefit: (p) => `权益 '${p.id}' `,
  cadence: (p) => `服务频次 '${p.id}' `,
  classifier: (p) => `分类器 '${p.id}' `,
  class: (p) => `分类 '${p.id}' `,
  trigger: (p) => `触发器 '${p.id}' `,
} satisfies Messages<typeof en>;
