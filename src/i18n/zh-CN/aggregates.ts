import type { aggregates as en } from '../en/aggregates.js';
import type { Messages } from '../text.js';
import { factType, key } from './terms.js';

export const aggregates = {
  perNotApplicable: (p) => `${key('per')} 不适用于聚合 ${key(p.aggregate)}`,
  perNotApplicableHelp: `${key('per')} 用于 ${key('sum')}、${key('count')}、${key('avg')}、${key('min')}、${key('max')} 按周期合并交易，或作为 ${key('age')} 和 ${key('span')} 的单位；请删除它`,
  excludeFirstNotApplicable: (p) => `${key('excludeFirst')} 不适用于聚合 ${key(p.aggregate)}`,
  excludeFirstNotApplicableHelp: `${key('excludeFirst')} 只与 ${key('per')} 一起用于 ${key('sum')}、${key('count')}、${key('avg')}、${key('min')}、${key('max')}；请删除它`,
  excludeFirstNeedsPer: `${key('excludeFirst')} 去掉客户的首次购买周期，因此需要 ${key('per')}`,
  excludeFirstNeedsPerHelp: `请加上 ${key('per: day')}、${key('per: week')} 或 ${key('per: month')}`,
  fractionalNotApplicable: (p) => `${key('fractional')} 不适用于聚合 ${key(p.aggregate)}`,
  fractionalNotApplicableHelp: `${key('fractional')} 以带小数的周或月计量 ${key('age')} 和 ${key('span')}；请删除它`,
  givesDate: (p) => `聚合 ${key(p.aggregate)} 的结果是日期，但该事实是${factType(p.type)}事实`,
  givesDateHelp: `请声明 ${key('type: date')}`,
  givesNumber: (p) => `聚合 ${key(p.aggregate)} 的结果是数值，但该事实是${factType(p.type)}事实`,
  givesNumberHelp: `请声明 ${key('type: number')}（计数可用 ${key('integer')}）`,
  fractionalInteger: (p) => `带 ${key('fractional')} 的 ${key(p.aggregate)} 结果带小数，但该事实是整数事实`,
  fractionalIntegerHelp: `请声明 ${key('type: number')}`,
} satisfies Messages<typeof en>;
