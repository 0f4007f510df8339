import type { supply as en } from '../en/supply.js';
import type { Messages } from '../text.js';

export const supply = {
  noLog: (p) => `事实 '${p.fact}' 由交易记录计算，但未提供交易记录文件`,
  noLogNeeded: (p) =>
    `事实 '${p.fact}' 由交易记录计算，但未提供交易记录文件；缺少它任何客户都无法定级：${p.why}`,
  noLogHelp: '请用 --transactions 指定交易记录文件，或为该事实设置 `column`，从已算好的列读取',
  neededAsKey: '它是客户编号',
  neededAsRequired: '它被标为 `required`（必填）',
  neededByMetric: (p) => `指标 '${p.metric}' 用它评分，且未设缺失值规则`,
  neededByAxis: (p) => `矩阵的${p.axis === 'rows' ? '行' : '列'}按它划分`,
  neededByRank: '配额按它给客户排序',
} satisfies Messages<typeof en>;
