import { formatCount, formatNumber } from '../../format/number.js';
import type { calibrate as en } from '../en/calibrate.js';
import type { Messages } from '../text.js';

const n = (x: number) => formatNumber(x, 6);

export const calibrate = {
  problems: '问题',
  notThresholds: (p) => `按方法 '${p.method}' 分级的策略没有可搜索的评分阈值`,
  notThresholdsHelp: (p) =>
    p.method === 'quota'
      ? `配额等级的占比就是目标：在 '${p.tier}' 上设置 \`share: '…%'\`；若目标是营收占比，请用 \`tierwise simulate\` 试算不同占比`
      : p.method === 'matrix'
        ? '矩阵等级由各轴的区间决定：请在变体中调整区间边界，再用 `tierwise diff --from POLICY --to VARIANT` 对比'
        : '条件等级由各自的条件决定：请在变体中调整条件的取值，再用 `tierwise diff --from POLICY --to VARIANT` 对比',
  lastTier: (p) => `等级 '${p.tier}' 是最后一个等级：它接收上面各等级剩下的所有评分，没有可搜索的阈值`,
  lastTierHelp: '请搜索它上面某个等级的阈值',
  scoreRange: (p) => `等级 '${p.tier}' 以 \`score:\` 区间给出评分范围；只搜索 \`minScore\` 阈值`,
  scoreRangeHelp: '请把下限写成 `minScore`：上限由等级的顺序决定',
  crossesTier: (p) =>
    `'${p.tier}' 的阈值 ${n(p.value)} 不高于 '${p.other}' 的阈值（${n(p.threshold)}）：'${p.other}' 将无法达到`,
  crossesTierHelp: (p) => `目标所需的客户多于中间各等级剩下的客户：请同时调低 '${p.other}'，或减小目标占比`,
  emptiesTier: (p) =>
    `'${p.tier}' 的阈值为 ${n(p.value)} 时，等级 '${p.other}' 将没有客户（目前有 ${formatCount(p.before)} 位）`,
  emptiesTierHelp: '没有客户的等级形同虚设：采用该阈值前请核对目标',
  invertsOrder: (p) =>
    `'${p.tier}' 的阈值为 ${n(p.value)} 时，评分 ${n(p.high)} 的客户得到 '${p.worseTier}'，而评分 ${n(p.low)} 的客户却得到更优的等级 '${p.betterTier}'（TW0322）`,
  invertsOrderHelp: '该阈值在一个上限更低的等级之上留下了空档：请一并调整那个等级的区间',
} satisfies Messages<typeof en>;
