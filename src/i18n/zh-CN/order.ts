import { formatNumber } from '../../format/number.js';
import { type Bounds, type order as en, range } from '../en/order.js';
import type { Messages } from '../text.js';

const n = (x: number) => formatNumber(x, 6);
const zhRange = (b: Bounds) => range(b, '且', '任意值');

export const order = {
  thresholds: (p) =>
    `等级 '${p.tier}' 取得评分 ${zhRange(p.range)}，高于更优等级 '${p.betterTier}' 的评分 ${zhRange(p.betterRange)}：评分 ${n(p.high)} 的客户得到 '${p.tier}'，而评分 ${n(p.low)} 的客户却得到 '${p.betterTier}'`,
  thresholdsHelp: (p) =>
    `等级按从优到次排列，更高的评分不应得到更靠后的等级：让 '${p.betterTier}' 或更优的等级覆盖评分 ${zhRange(p.range)}，或调整等级顺序`,
  matrix: (p) =>
    `当 ${p.fixedKey} 处于区间 '${p.fixedBand}' 时，更优的 ${p.key} 反而得到更差的等级：${p.key} = ${n(p.better)} 得到 '${p.tier}'，而 ${p.key} = ${n(p.worse)} 却得到更优的等级 '${p.betterTier}'`,
  matrixHelp: (p) =>
    `${p.inferred ? '矩阵中多数单元格把' : '策略的评分把'}${p.higher ? '更高' : '更低'}的 ${p.key} ${p.inferred ? '对应到更优的等级' : '视为更优'}，而等级按从优到次排列：请交换这两个单元格，或调整等级顺序`,
  quota: (p) =>
    `客户按 '${p.fact}' 从高到低排名，但策略的评分认为 ${p.fact} 越低越好：最优的等级反而给了评分最差的客户`,
  quotaHelp: '请按总评分排名（`quota: { rankBy: score }`），或按越高越好的事实字段排名',
} satisfies Messages<typeof en>;
