import type { movers as en } from '../en/movers.js';
import type { Messages } from '../text.js';
import { lead } from './terms.js';

export const movers = {
  reason: (p) => p.parts.join('；'),
  score: (p) => `得分 ${p.from} → ${p.to}${p.changes.length === 0 ? '' : `（${p.changes.join('，')} 分）`}`,
  change: (p) => `${p.metric} ${p.delta}`,
  sameScore: (p) => `得分不变（${p.score}）`,
  noScore: '无',
  wasNow: (p) => `原为${lead(p.was)}；现为${lead(p.now)}`,
  thresholds: (p) => `${p.tier}（${p.range}）`,
  scoreRange: (p) =>
    p.lower === undefined && p.upper === undefined
      ? '任意得分'
      : `得分 ${[p.lower, p.upper].filter((x) => x !== undefined).join('，')}`,
  quota: (p) => `${p.tier}（排名第 ${p.rank} / ${p.of}）`,
  criteria: (p) => `${p.tier}（满足其条件）`,
  otherwise: (p) => `${p.tier}（其余客户）`,
  matrix: (p) => `${p.tier}（单元格 ${p.row} × ${p.column}）`,
  none: (p) => `无等级（${p.reason}）`,
  sql: (p) => `${p.tier}（由策略的 SQL 判定）`,
  quotaWas: (p) => `原属${lead(p.tier)}（配额 ${p.share}）`,
  quotaNow: (p) => `现属${lead(p.tier)}（配额 ${p.share}）`,
  tiers: (p) => `等级 ${p.from} → ${p.to}`,
  noTier: '无',
} satisfies Messages<typeof en>;
