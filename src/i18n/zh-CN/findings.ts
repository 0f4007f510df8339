import type { findings as en } from '../en/findings.js';
import type { Messages } from '../text.js';
import { factType, key } from './terms.js';

export const findings = {
  moreNotListed: (p) => `另有 ${p.n} 条客户发现未列出`,
  moreNotListedHelp: '`tierwise eval` 会逐个客户列出',
  fastPathFallback: (p) => `快速路径无法计算 ${key(p.what)}；改用参考引擎`,
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
