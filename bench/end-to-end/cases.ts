import { createReadStream } from 'node:fs';
import Papa from 'papaparse';
import { chooseEvaluator } from '../../src/compile/evaluate.js';
import { loadCustomers } from '../../src/facts/customers.js';
import type { Policy } from '../../src/policy/schema/policy.js';

/**
 * The I/O ceiling: papaparse alone over the file, streamed, rows as arrays of strings, nothing
 * converted or kept. (csv-parse, the other common parser, is not installed here.)
 */
export function bareParse(file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    Papa.parse<string[]>(createReadStream(file, 'utf8'), {
      chunk: (results) => {
        rows += results.data.length;
      },
      complete: () => resolve(rows - 1),
      error: reject,
    });
  });
}

export interface TierwiseRun {
  loadMs: number;
  evaluateMs: number;
  /** Customers per tier index in policy.tiers.levels (-1: none). */
  tiers: Map<number, number>;
}

/** What `tierwise eval` does with a customer file: loadCustomers, then the compiled path. */
export async function readAndEvaluate(policy: Policy, file: string): Promise<TierwiseRun> {
  const start = performance.now();
  const loaded = await loadCustomers(policy, { customers: file });
  const loadMs = performance.now() - start;
  if (loaded.failed) throw new Error(loaded.diagnostics.map((d) => d.message).join('; '));
  const { evaluate, notes } = chooseEvaluator(policy);
  if (notes.length > 0) throw new Error(`not the compiled path: ${notes[0]!.message}`);
  const results = await evaluate(loaded.customers, { explain: false });
  const evaluateMs = performance.now() - start - loadMs;
  const levels = policy.tiers!.levels.map((l) => l.id);
  const tiers = new Map<number, number>();
  for (const r of results) {
    const t = r.tier === undefined ? -1 : levels.indexOf(r.tier);
    tiers.set(t, (tiers.get(t) ?? 0) + 1);
  }
  return { loadMs, evaluateMs, tiers };
}
