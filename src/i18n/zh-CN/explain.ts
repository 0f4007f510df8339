import type { explain as en } from '../en/explain.js';
import type { Messages } from '../text.js';
import { lead, trail } from './terms.js';

const OPERATORS: Record<string, string> = {
  equal: '=',
  notEqual: '≠',
  lessThan: '<',
  lessThanInclusive: '≤',
  greaterThan: '>',
  greaterThanInclusive: '≥',
  in: '属于',
  notIn: '不属于',
  contains: '包含',
  doesNotContain: '不包含',
};

const AXES = { rows: '行', columns: '列' } as const;

export const explain = {
  heading: (p) => `${p.customer} → ${p.tier}${p.score === undefined ? '' : `（${p.score}）`}`,
  tierWithId: (p) => `${p.label} [${p.id}]`,
  noTier: '无等级',
  score: (p) => `得分 ${p.score}，未取整 ${p.raw}`,
  dimension: (p) => `${p.name}（占总分 ${p.share}%）：${p.points} 分 → ${p.contribution}`,
  dimensionExcluded: (p) => `${p.name}：未计入（没有可评分的指标）`,
  metric: (p) =>
    `${p.name}：${p.value} → ${p.how}${p.share === undefined ? '' : ` × ${p.share}% = ${p.contribution}`}`,
  metricExcluded: '未计入（缺失）',
  metricPoints: (p) => `${p.points} 分`,
  metricMissingPoints: (p) => `${p.points} 分（缺失值规则）`,
  missing: '（缺失）',
  decidedBy: (p) => `定级依据：${p.why}`,
  thresholdsOpen: (p) => `得分 ${p.score} 未达到更高等级，归入${lead(p.tier)}`,
  thresholds: (p) => `得分 ${p.score} ${p.range}（${p.tier}）`,
  quota: (p) =>
    `按${lead(trail(p.by))}排名第 ${p.rank} / ${p.of}（${p.value}）；${trail(p.tier)}取前 ${p.endsAt} 名${
      p.tied ? '，与其中最后一名并列' : ''
    }`,
  theScore: '得分',
  criteriaOtherwise: (p) => `前面的规则均不满足：其余客户归入${lead(p.tier)}`,
  criteriaRule: (p) => `${trail(p.tier)}的规则：${p.trace}`,
  matrix: (p) => `行 ${p.row}（${p.rowValue}）× 列 ${p.column}（${p.columnValue}）→ ${p.tier}`,
  operator: (p) => OPERATORS[p.operator] ?? p.operator,
  comparison: (p) => `${p.fact} ${p.operator} ${p.value}`,
  traced: (p) => `${p.comparison} [${p.current}：${p.result ? '是' : '否'}]`,
  not: (p) => `非（${p.trace}）`,
  group: (p) => `（${p.trace}）`,
  all: (p) => p.parts.join(' 且 '),
  any: (p) => p.parts.join(' 或 '),
  moveUp: (p) => `升级条件：${p.how}`,
  moveUpNeeds: (p) => `升至${lead(trail(p.tier))}需要 ${p.conditions.join(' 且 ')}`,
  moveUpNow: (p) => `${p.comparison}（当前 ${p.current}）`,
  moveUpTier: (p) => `升至${lead(p.tier)}`,
  moveUpPoints: (p) =>
    `升至${lead(trail(p.tier))}还需 +${p.points} 分${
      p.ways.length > 0 ? `：${p.ways.join('，或 ')}` : '（任何单一指标都无法单独补足差距）'
    }`,
  classes: (p) => `${p.classifier}：${p.classes.join('、')}`,
  triggers: (p) => `触发规则：${p.items.join('；')}`,
  trigger: (p) => (p.effects.length === 0 ? p.trigger : `${p.trigger} → ${p.effects.join('、')}`),
  flagged: '加标记',
  rerateNow: '立即重评',
  notify: (p) => `通知 ${p.roles.join('、')}`,
  finding: (p) => `${p.severity}[${p.code}]：${p.message}`,

  noTierFor: (p) => `客户 ${p.customer} 未能定级：${p.reason}`,
  notScored: '该客户无法评分',
  noScoreRange: (p) => `没有等级的得分区间包含 ${p.score}`,
  noCriteria: '没有等级的条件成立',
  conditionFailed: '有条件无法求值',
  quotaPending: '配额法按全体客户排名定级',
  decidedInSql: (p) => `${p.tier}，由策略的 SQL 在 \`DuckDB\` 上判定（用 \`--engine compiled\` 可看原因）`,
  noRankValue: '没有可用于排名的值',
  unranked: '未排名',
  axisNoValue: (p) => `${AXES[p.axis]}：${trail(p.name)}没有取值`,
  axisNoBand: (p) => `${AXES[p.axis]}：没有区间包含 ${p.value}`,
  emptyCell: (p) => `单元格 ${p.row} × ${p.column} 没有等级`,
  metricUnscored: (p) =>
    `客户 ${p.customer} ${
      p.missing
        ? `缺少 '${p.fact}' 的取值`
        : `的 ${p.fact} = ${p.value}，不在指标 '${p.metric}' 的任何区间或类别内`
    }，且指标 '${p.key}' 没有缺失值规则`,
  metricUnscoredHelp: '请修正数据，或在该指标上声明 `missing: exclude` 或 `missing: { points: N }`',
  conditionsBroken: (p) => `无法为客户 ${p.customer} 求值条件：${p.error}`,
} satisfies Messages<typeof en>;
