import { closeSync, openSync, writeSync } from 'node:fs';
import { compileBatch } from '../../src/compile/batch.js';
import type { Policy } from '../../src/policy/schema/policy.js';
import { mulberry32 } from '../../src/util/random.js';
import {
  customerFacts,
  customerId,
  POPULATION_SEED,
  SEED_004_FACTS,
  type Seed004Fact,
} from './population.js';

const INDUSTRIES = [
  '制造业',
  '批发零售',
  '信息技术',
  '医疗健康',
  '建筑工程',
  '物流运输',
  '教育培训',
  '餐饮服务',
];
const NAMES = ['华东', '恒信', '远航', '晨光', '鼎盛', '聚源', '天成', '永安'];
const CONTACTS = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄强'];
/** Rows generated, written and scored at a time: memory stays flat however many rows the file has. */
const CHUNK = 10_000;

/**
 * A customer file for `policy` (withPrecomputedColumns applied) with `rows` generated customers,
 * one column per fact under the header the policy gives it. Returns how many customers
 * compileBatch puts in each tier (index -1: none), for checking what tierwise reads back.
 */
export function writeCustomerCsv(policy: Policy, path: string, rows: number): Map<number, number> {
  const facts = Object.entries(policy.facts ?? {}).filter(([, f]) => f.column !== undefined);
  const known = new Set<string>([...SEED_004_FACTS, ...Object.keys(TEXT)]);
  const unknown = facts.filter(([id]) => !known.has(id)).map(([id]) => id);
  if (unknown.length > 0) throw new Error(`the bench generates no values for ${unknown.join(', ')}`);
  const batch = compileBatch(policy);
  const tiers = new Map<number, number>();
  const next = mulberry32(POPULATION_SEED);
  const file = openSync(path, 'w');
  try {
    writeSync(file, `${facts.map(([, f]) => f.column).join(',')}\n`);
    for (let start = 0; start < rows; start += CHUNK) {
      const size = Math.min(CHUNK, rows - start);
      const columns = Object.fromEntries(SEED_004_FACTS.map((id) => [id, new Float64Array(size)]));
      const lines: string[] = [];
      for (let k = 0; k < size; k++) {
        const i = start + k;
        const raw = customerFacts(next);
        for (const id of SEED_004_FACTS) columns[id]![k] = raw[id] ?? Number.NaN;
        lines.push(facts.map(([id]) => cell(id, i, raw)).join(','));
      }
      writeSync(file, `${lines.join('\n')}\n`);
      const keys = Array.from({ length: size }, (_, k) => customerId(start + k));
      for (const t of batch.run({ length: size, keys, facts: columns }).tier)
        tiers.set(t, (tiers.get(t) ?? 0) + 1);
    }
  } finally {
    closeSync(file);
  }
  return tiers;
}

/** The text facts of seed 004's customer file, varied enough that no two rows are alike. */
const TEXT: Record<string, (i: number) => string> = {
  customerId,
  customerName: (i) => `${NAMES[i % NAMES.length]}${i}号有限公司`,
  industry: (i) => INDUSTRIES[(i * 7) % INDUSTRIES.length]!,
  contactName: (i) => CONTACTS[(i * 3) % CONTACTS.length]!,
  contactPhone: (i) => `1${3_800_000_000 + i}`,
};

function cell(fact: string, i: number, raw: Record<Seed004Fact, number | undefined>): string {
  const text = TEXT[fact];
  if (text) return text(i);
  const value = raw[fact as Seed004Fact];
  return value === undefined ? '' : String(value);
}
