import { formatCount, formatNumber } from '../../format/number.js';

const share = (part: number, whole: number) => `${formatNumber(whole === 0 ? 0 : (100 * part) / whole, 1)}%`;
const customers = (n: number) => `${formatCount(n)} ${n === 1 ? 'customer' : 'customers'}`;

/** Customers a run left without a tier (src/engine/untiered.ts). */
export const untiered = {
  overAllowance: (p: { untiered: number; customers: number; allowed: number }) =>
    `${formatCount(p.untiered)} of ${customers(p.customers)} (${share(p.untiered, p.customers)}) got no tier; ${
      p.allowed === 0 ? 'none may' : `at most ${formatCount(p.allowed)} may`
    } (--allow-untiered)`,
  help: (p: { kind: string; facts: string }) =>
    `${
      p.kind === 'missing'
        ? `the most common cause is a missing value of ${p.facts}: check the column mapping and --transactions, or give the metric a missing-value rule`
        : p.kind === 'uncovered'
          ? `the most common cause is a value of ${p.facts} that no band covers: widen the bands`
          : p.kind === 'condition'
            ? 'the most common cause is a condition that could not be evaluated: check the values its facts hold'
            : 'the most common cause is a gap in the policy: run tierwise check for the ranges no tier holds'
    }; --allow-untiered N or N% accepts some`,
  summary: (p: { untiered: number; customers: number }) =>
    `${customers(p.untiered)} of ${formatCount(p.customers)} (${share(p.untiered, p.customers)}) without a tier`,
  cause: (p: { kind: string; facts: string; customers: number; example: string }) =>
    `${formatCount(p.customers)} ${
      p.kind === 'missing'
        ? `missing ${p.facts}`
        : p.kind === 'uncovered'
          ? `with a value of ${p.facts} no band covers`
          : p.kind === 'condition'
            ? 'with a condition that could not be evaluated'
            : 'matched no tier (a gap in the policy)'
    } (e.g. ${p.example})`,
  otherCauses: (p: { customers: number }) => `${customers(p.customers)} for other causes`,
};
