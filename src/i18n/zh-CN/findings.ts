import type { findings as en } from '../en/findings.js';
import type { Messages } from '../text.js';
import { factType, key } from './terms.js';

export const findings = {
  moreNotListed: (p) => `另有 ${p.n} 条客户发现未列出`,
  moreNotListedHelp: '`tierwise eval` 会逐个客户列出',
  conditionsFailed: (p) => `无法为客户 ${p.customer} 计算条件：${key(p.detail)}`,
  fastPathFallback: (p) => `快速路径无法计算 ${key(p.what)}；改用参考引擎`,
  noTier: (p) => `客户 ${p.customer} 没有得到等级：${p.reason}`,
  reasonNotScored: '无法为该客户评分',
  reasonConditionFailed: '有条件无法计算',
  reasonQuota: '配额法按整个客户总体决定',
  reasonAxis: (p) => `${p.axis === 'rows' ? '行' : '列'}：${p.reason}`,
  reasonNoCell: (p) => `单元格 ${p.row} × ${p.column} 中没有等级`,
  reasonNoRange: (p) => `没有哪个等级的分数区间包含 ${p.score}`,
  reasonNoValue: (p) => `${p.id} 没有值`,
  reasonNoBand: (p) => `没有哪个区间包含 ${p.value}`,
  reasonNoRankValue: '没有可用于排名的值',
  reasonUnranked: '未参与排名',
  reasonNoCriteria: '没有哪个等级的条件成立',
  reasonOther: (p) => key(p.reason),
  noMetricValue: (p) =>
    `客户 ${p.customer} 没有“${p.fact}”的值，而指标“${p.dimension}.${p.metric}”没有缺失值规则`,
  noMetricBand: (p) =>
    `客户 ${p.customer} 的 ${p.fact} = ${p.value}，指标“${p.metric}”没有覆盖该值的区间或类别，而指标“${p.dimension}.${p.metric}”没有缺失值规则`,
  missingRuleHelp: '请修正数据，或在该指标上声明 `missing: exclude | { points: N }`',
  noTierToCalibrate: (p) => `策略中没有可校准的等级“${p.tier}”`,
  policyTiers: (p) => `策略的等级：${p.ids.join('、')}`,

  profileFactType: (p) =>
    `${p.option} ${p.id}：该事实的类型是${factType(p.type)}${p.key ? '，且是主键' : ''}，不是${p.types.map(factType).join('或')}`,
  profileNoFact: (p) => `${p.option} ${p.id}：策略中没有从客户文件读取的事实 ${p.id}`,
  profileFactsThatFit: (p) => `合适的事实：${p.ids.join('、')}`,
  profileNoFactFits: '策略中没有合适的事实',
  staleMonths: (p) => `--stale-months ${p.months}：请给出 1 或以上的整数月数`,
  staleMonthsHelp: '种子 004 把 3 个月没有购买的客户视为流失预警：--stale-months 3',
} satisfies Messages<typeof en>;
