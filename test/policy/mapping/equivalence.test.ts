import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPoliciesFrom } from '../../../src/artifact/load-mapped.js';
import { chooseEvaluator } from '../../../src/compile/evaluate.js';
import { referenceEvaluate, runEvaluation, streamEvaluation } from '../../../src/engine/run.js';
import { readColumnMapping } from '../../../src/policy/mapping/index.js';
import type { ColumnMapping } from '../../../src/policy/mapping/schema.js';
import type { Policy } from '../../../src/policy/schema/policy.js';
import { profileData } from '../../../src/profile/index.js';
import { calibrate } from '../../../src/simulate/calibrate.js';
import { diffPolicies } from '../../../src/simulate/diff.js';
import { evaluatePopulationParallel } from '../../../src/simulate/parallel.js';
import { evaluatePopulation } from '../../../src/simulate/population.js';
import { simulate } from '../../../src/simulate/simulate.js';

/**
 * The bundled data, exported again with the Singapore CRM's headers and day-first dates
 * (examples/mapping), read through its mapping: every path that reads customers must give exactly
 * what it gives on the original files.
 */
const at = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const SCORECARD = at('policies/seed004-scorecard.tier.yaml');
const RETAIL = at('policies/retail-scorecard.tier.yaml');
const MAPPING = at('examples/mapping/sg-crm.mapping.yaml');
const CUSTOMERS = 400;
const AS_OF = '2026-11-01';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-mapping-'));
const original = { customers: join(dir, 'customers.csv'), transactions: join(dir, 'transactions.csv') };
const exported = { customers: join(dir, 'export.csv'), transactions: join(dir, 'export-orders.csv') };
/** Original column → the export's, as the mapping says. */
let renames: [string, string][] = [];
let plain: { scorecard: Policy; retail: Policy };
let mapped: { scorecard: Policy; retail: Policy };

/** The first rows of a bundled file, as the export would write them. */
function exportOf(
  text: string,
  rows: number | ((line: string) => boolean),
  rename: (line: string) => string,
) {
  const [header, ...lines] = text.trimEnd().split('\n');
  const kept = typeof rows === 'number' ? lines.slice(0, rows) : lines.filter(rows);
  return {
    original: `${[header, ...kept].join('\n')}\n`,
    exported: `${[renameHeader(header!), ...kept.map(rename)].join('\n')}\n`,
  };
}

function renameHeader(header: string): string {
  const names = new Map(renames);
  return header
    .split(',')
    .map((h) => names.get(h) ?? h)
    .join(',');
}

const dayFirst = (line: string) => line.replace(/,(\d{4})-(\d{2})-(\d{2}),/, ',$3/$2/$1,');

/** Results on the export read as they would be on the original: its file and column names put back. */
function asOriginal(value: unknown): unknown {
  let text = JSON.stringify(value);
  text = text.replaceAll(exported.customers, original.customers);
  text = text.replaceAll(exported.transactions, original.transactions);
  for (const [from, to] of [...renames].sort((a, b) => b[1].length - a[1].length))
    text = text.replaceAll(JSON.stringify(to).slice(1, -1), JSON.stringify(from).slice(1, -1));
  return JSON.parse(text);
}

beforeAll(async () => {
  const read = await readColumnMapping(MAPPING);
  const mapping = read.mapping as ColumnMapping;
  const [scorecard, retail] = (await loadPoliciesFrom([SCORECARD, RETAIL])).policies!;
  plain = { scorecard: scorecard!, retail: retail! };
  const through = await loadPoliciesFrom([SCORECARD, RETAIL], { mapping: MAPPING });
  expect(through.diagnostics).toEqual([]);
  mapped = { scorecard: through.policies![0]!, retail: through.policies![1]! };
  const log = scorecard!.sources!.transactions!;
  renames = [
    ...Object.entries(mapping.customers!.columns!).map(
      ([id, column]) => [scorecard!.facts![id]!.column!, column as string] as [string, string],
    ),
    [log.date, mapping.transactions!.date!],
    [log.fields!.amount!.column, mapping.transactions!.fields!.amount!],
  ];
  const customers = exportOf(readFileSync(at('examples/data/customers.csv'), 'utf8'), CUSTOMERS, (l) => l);
  const ids = new Set(customers.original.split('\n').map((l) => l.split(',')[0]));
  const orders = exportOf(
    readFileSync(at('examples/data/transactions.csv'), 'utf8'),
    (l) => ids.has(l.split(',')[0]),
    dayFirst,
  );
  writeFileSync(original.customers, customers.original);
  writeFileSync(exported.customers, customers.exported);
  writeFileSync(original.transactions, orders.original);
  writeFileSync(exported.transactions, orders.exported);
});

const data = (files: typeof original) => ({ ...files, asOf: AS_OF });

describe('one policy, two exports: the original files and the renamed export with its mapping', () => {
  it('bundles the first customers of examples/data, exported the same way', () => {
    const bundled = exportOf(readFileSync(at('examples/data/customers.csv'), 'utf8'), 40, (l) => l);
    expect(readFileSync(at('examples/mapping/customers.csv'), 'utf8')).toBe(bundled.exported);
    const ids = new Set(bundled.original.split('\n').map((l) => l.split(',')[0]));
    const orders = exportOf(
      readFileSync(at('examples/data/transactions.csv'), 'utf8'),
      (l) => ids.has(l.split(',')[0]),
      dayFirst,
    );
    expect(readFileSync(at('examples/mapping/transactions.csv'), 'utf8')).toBe(orders.exported);
  });

  it('eval: the compiled and the reference evaluator', async () => {
    for (const engine of ['compiled', 'reference'] as const) {
      const run = async (policy: Policy, files: typeof original) =>
        runEvaluation(policy, {
          ...data(files),
          evaluate: engine === 'reference' ? referenceEvaluate(policy) : chooseEvaluator(policy).evaluate,
          explain: true,
        });
      const want = await run(plain.scorecard, original);
      expect(want.results).toHaveLength(CUSTOMERS);
      expect(want.results.filter((r) => r.tier !== undefined).length).toBeGreaterThan(CUSTOMERS / 2);
      const got = await run(mapped.scorecard, exported);
      expect(asOriginal({ ...got, facts: [...got.facts] }), engine).toEqual(
        asOriginal({ ...want, facts: [...want.facts] }),
      );
    }
  });

  it('eval, streamed (no transaction log)', async () => {
    const stream = async (policy: Policy, files: typeof original) => {
      const chunks: unknown[] = [];
      const run = await streamEvaluation(policy, { customers: files.customers }, (results) => {
        chunks.push(results);
      });
      return { run, chunks };
    };
    // seed 004's scorecard scores facts of its transaction log: without one, both refuse alike.
    const want = await stream(plain.scorecard, original);
    expect(want.run.failed).toBe(true);
    expect(want.run.diagnostics.map((d) => d.code)).toContain('TW0602');
    expect(asOriginal(await stream(mapped.scorecard, exported))).toEqual(asOriginal(want));
  });

  it('eval --summary: the columnar path, on this thread and on worker threads', async () => {
    const want = await evaluatePopulation(plain.scorecard, data(original));
    expect(want.evaluated).toBe(CUSTOMERS);
    expect(asOriginal(await evaluatePopulation(mapped.scorecard, data(exported)))).toEqual(asOriginal(want));
    const parallel = await evaluatePopulationParallel(mapped.scorecard, {
      ...data(exported),
      workers: 2,
      rangeBytes: 16 * 1024,
    });
    expect(asOriginal(parallel)).toEqual(asOriginal(want));
  });

  it('simulate, diff and calibrate', async () => {
    const sim = async (p: Policy, files: typeof original) => simulate(p, data(files));
    expect(asOriginal(await sim(mapped.scorecard, exported))).toEqual(
      asOriginal(await sim(plain.scorecard, original)),
    );
    const diff = async (from: Policy, to: Policy, files: typeof original) =>
      diffPolicies({ policy: from, file: SCORECARD }, { policy: to, file: RETAIL }, data(files));
    const wanted = await diff(plain.scorecard, plain.retail, original);
    expect(wanted.movers.length).toBeGreaterThan(0);
    expect(asOriginal(await diff(mapped.scorecard, mapped.retail, exported))).toEqual(asOriginal(wanted));
    const cal = async (p: Policy, files: typeof original) =>
      calibrate({ policy: p, file: SCORECARD }, data(files));
    expect(asOriginal(await cal(mapped.scorecard, exported))).toEqual(
      asOriginal(await cal(plain.scorecard, original)),
    );
  });

  it('data profile', async () => {
    const want = await profileData(plain.scorecard, data(original));
    expect(want.profile?.rows.customers).toBe(CUSTOMERS);
    expect(asOriginal(await profileData(mapped.scorecard, data(exported)))).toEqual(asOriginal(want));
  });
});
