import { formatCount, formatNumber } from '../../format/number.js';
import type { untiered as en } from '../en/untiered.js';
import type { Messages } from '../text.js';

const share = (part: number, whole: number) => `${formatNumber(whole === 0 ? 0 : (100 * part) / whole, 1)}%`;

export const untiered = {
  overAllowance: (p) =>
    `${formatCount(p.customers)} 位客户中有 ${formatCount(p.untiered)} 位（${share(p.untiered, p.customers)}）未能定级；${
      p.allowed === 0 ? '不允许有未定级客户' : `最多允许 ${formatCount(p.allowed)} 位`
    }（--allow-untiered）`,
  help: (p) =>
    `${
      p.kind === 'missing'
        ? `最常见的原因是 ${p.facts} 缺少取值：请检查列映射与 --transactions，或为该指标设置缺失值规则`
        : p.kind === 'uncovered'
          ? `最常见的原因是 ${p.facts} 的取值不在任何区间内：请扩大区间`
          : p.kind === 'condition'
            ? '最常见的原因是某个条件无法求值：请检查其事实的取值'
            : '最常见的原因是策略存在空档：运行 tierwise check 查看没有等级覆盖的范围'
    }；可用 --allow-untiered N 或 N% 放行部分客户`,
  summary: (p) =>
    `${formatCount(p.customers)} 位客户中 ${formatCount(p.untiered)} 位（${share(p.untiered, p.customers)}）未定级`,
  cause: (p) =>
    `${formatCount(p.customers)} 位${
      p.kind === 'missing'
        ? `缺少 ${p.facts}`
        : p.kind === 'uncovered'
          ? `的 ${p.facts} 不在任何区间内`
          : p.kind === 'condition'
            ? '的条件无法求值'
            : '不符合任何等级（策略存在空档）'
    }（例：${p.example}）`,
  otherCauses: (p) => `另有 ${formatCount(p.customers)} 位出于其他原因`,
} satisfies Messages<typeof en>;
