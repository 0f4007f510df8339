import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BatchResult } from '../../src/compile/batch.js';
import type { OnError } from '../../src/data/index.js';
import type { CustomerColumns } from '../../src/facts/columnar.js';
import { loadPolicy } from '../../src/policy/load.js';
import type { Policy } from '../../src/policy/schema/policy.js';
import { evaluatePopulationParallel, type ParallelPopulationOptions } from '../../src/simulate/parallel.js';
import { evaluatePopulation } from '../../src/simulate/population.js';
import { bundledPolicies, propertyRuns, sized } from '../helpers/runs.js';

const at = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const POLICIES = readdirSync(at('policies')).filter((f) => f.endsWith('.tier.yaml'));
const DATA = {
  customers: at('examples/data/customers.csv'),
  transactions: at('examples/data/transactions.csv'),
  asOf: '2026-11-01',
};
const dir = mkdtempSync(join(tmpdir(), 'tierwise-parallel-'));
let files = 0;

function file(content: string | Buffer, ext = 'csv'): string {
  const path = join(dir, `f${files++}.${ext}`);
  writeFileSync(path, content);
  return path;
}

async function policyFrom(path: string): Promise<Policy> {
  const { policy, diagnostics } = await loadPolicy(path);
  expect(policy, JSON.stringify(diagnostics)).toBeDefined();
  return policy!;
}

/** Every onChunk call, as plain data: typed arrays and NaN compared exactly. */
function recorder() {
  const calls: unknown[] = [];
  const onChunk = (chunk: CustomerColumns, result: BatchResult) => {
    calls.push({
      length: chunk.length,
      keys: [...chunk.keys],
      rows: Array.from(chunk.rows),
      facts: Object.fromEntries(Object.entries(chunk.facts).map(([id, c]) => [id, Array.from(c)])),
      tier: Array.from(result.tier),
      score: Array.from(result.score),
    });
  };
  return { calls, onChunk };
}

/** Both paths over the same file: every field of the run and every onChunk call equal. */
async function expectSame(policy: Policy, options: ParallelPopulationOptions) {
  const single = recorder();
  const parallel = recorder();
  const expected = await evaluatePopulation(policy, options, single.onChunk);
  const actual = await evaluatePopulationParallel(policy, { workers: 2, ...options }, parallel.onChunk);
  expect(actual).toEqual(expected);
  expect(parallel.calls).toEqual(single.calls);
  return expected;
}

describe('evaluatePopulationParallel: the bundled data cut into many ranges', () => {
  it.each(bundledPolicies(POLICIES))('%s, with and without the transaction log', async (name) => {
    const policy = await policyFrom(at(`policies/${name}`));
    const options = { ...DATA, rangeBytes: 20_000, chunkSize: 700 };
    const withLog = await expectSame(policy, options);
    expect(withLog.failed).toBe(false);
    expect(withLog.evaluated).toBe(3000);
    const { transactions: _, ...withoutLog } = options;
    await expectSame(policy, withoutLog);
  });
});

const POLICY = `apiVersion: tierwise/v1
kind: TierPolicy
metadata:
  name: parallel-test
  version: 1.0.0
  effectiveFrom: 2026-01-01T00:00:00+08:00
  timezone: Asia/Shanghai
facts:
  customerId: { type: string, key: true, required: true, column: 客户编号 }
  name: { type: string, column: name }
  spend: { type: number, min: 0, revenue: true, column: 消费金额 }
  orders: { type: integer, min: 0, default: 0, column: orders }
dimensions:
  value:
    weight: 100
    metrics:
      spend: { weight: 70, score: { linear: { from: 0, to: 1000 } } }
      orders: { weight: 30, score: { bands: [{ atLeast: 5, points: 100 }, { below: 5, points: 40 }] } }
score: { round: half-up, digits: 1 }
tiers:
`;
const THRESHOLDS = `  method: thresholds
  levels:
    - { id: top, minScore: 70 }
    - { id: mid, minScore: 40 }
    - { id: low, minScore: 0 }
`;
const QUOTA = `  method: quota
  quota: { rankBy: score, tieBreak: [{ fact: spend, order: desc }], ties: together }
  levels:
    - { id: top, share: 20% }
    - { id: mid, share: 30% }
    - { id: low, share: 50% }
`;

const thresholds = () => policyFrom(file(POLICY + THRESHOLDS, 'tier.yaml'));
const quota = () => policyFrom(file(POLICY + QUOTA, 'tier.yaml'));
const HEADER = '客户编号,name,消费金额,orders';
const ON_ERROR: OnError[] = ['report', 'skip', 'fail'];

/** Customer lines: plain, with a quoted name spanning lines, with commas and doubled quotes. */
function rows(n: number, from = 0): string[] {
  return Array.from({ length: n }, (_, j) => {
    const i = from + j;
    const name = i % 7 === 0 ? `"公司${i}\n第二行\n第三行"` : i % 5 === 0 ? `"A, ""B"" ${i}"` : `公司${i}`;
    return `C${String(i).padStart(5, '0')},${name},${(i * 37) % 1200}.${i % 10},${i % 9}`;
  });
}

describe('evaluatePopulationParallel: messy files', () => {
  // Every record end is a cut at rangeBytes 1: a short file has every kind of line (quoted line
  // breaks every 7th, doubled quotes every 5th) on both sides of a cut; a long run adds length.
  const QUOTED_ROWS = sized(70, 400);
  const QUOTED_CUTS = sized([1, 333], [1, 50, 333, 4096]);
  it('quoted line breaks across every cut, CRLF, a byte-order mark', async () => {
    const policy = await thresholds();
    const lines = [HEADER, ...rows(QUOTED_ROWS)];
    for (const [text, label] of [
      [`${lines.join('\n')}\n`, 'LF'],
      [`${lines.join('\r\n')}\r\n`, 'CRLF'],
      [`\uFEFF${lines.join('\n')}`, 'BOM, no final newline'],
    ] as const) {
      for (const rangeBytes of QUOTED_CUTS) {
        const run = await expectSame(policy, { customers: file(text), rangeBytes });
        expect(run.evaluated, `${label} ${rangeBytes}`).toBe(QUOTED_ROWS);
      }
    }
  });

  it('GBK text', async () => {
    const policy = await thresholds();
    const hex = (h: string) => Buffer.from(h.replace(/ /g, ''), 'hex');
    // 客户编号 and 消费金额 in GBK, and a GBK name (八十万) that is quoted over two lines.
    const header = Buffer.concat([
      hex('bf cd bb a7 b1 e0 ba c5'),
      Buffer.from(',name,'),
      hex('cf fb b7 d1 bd f0 b6 ee'),
      Buffer.from(',orders\n'),
    ]);
    const body = Array.from({ length: 60 }, (_, i) =>
      Buffer.concat([
        Buffer.from(`C${i},"`),
        hex('b0 cb ca ae'),
        Buffer.from('\n'),
        hex('cd f2'),
        Buffer.from(`",${i * 20},${i % 7}\n`),
      ]),
    );
    const path = file(Buffer.concat([header, ...body]));
    const run = await expectSame(policy, { customers: path, rangeBytes: 100 });
    expect(run.evaluated).toBe(60);
  });

  // 64-byte ranges hold a row or two: each bad row, and each duplicate apart from the row it
  // repeats, in a range of its own; in 5000-byte ranges the first duplicate shares its original's
  // range. The long run adds ranges of a couple of dozen rows between the two.
  const BAD_ROW_CUTS = sized([64, 5000], [64, 700, 5000]);
  it.each(ON_ERROR)('duplicates and bad rows in different ranges, --on-error %s', async (onError) => {
    const lines = [HEADER, ...rows(300)];
    lines[40] = 'C00003,duplicate of row 5,10,1';
    lines[120] = 'C00100,bad spend,lots,1';
    lines[150] = 'C00150,too many values,1,2,3';
    lines[200] = 'C00010,another duplicate,20,2';
    lines[230] = 'C00230,"a stray quote"x,5,1';
    lines[260] = ',no key,5,1';
    lines[270] = 'C00270,negative,-5,1';
    for (const policy of [await thresholds(), await quota()]) {
      for (const rangeBytes of BAD_ROW_CUTS) {
        const run = await expectSame(policy, {
          customers: file(`${lines.join('\n')}\n`),
          rangeBytes,
          onError,
        });
        expect(run.failed).toBe(onError === 'fail');
      }
    }
  });

  it('an unclosed quote swallows the rest of the file in every mode', async () => {
    const lines = [HEADER, ...rows(200)];
    lines[90] = 'C00090,"never closed,5,1';
    for (const onError of ON_ERROR) {
      await expectSame(await thresholds(), {
        customers: file(`${lines.join('\n')}\n`),
        rangeBytes: 300,
        onError,
      });
    }
  });

  it('quotes the cutter reads otherwise than papaparse: the rest is read as one range', async () => {
    const lines = [HEADER, ...rows(200)];
    lines[30] = 'C00030,5" screen,5,1';
    // papaparse closes a quoted value followed by any white space (String.trim's), the cutter only by ASCII.
    lines[50] = 'C00050,"full-width space after the quote"\u3000,5,1';
    lines[120] = 'C00120,the other " of it,5,1';
    for (const rangeBytes of [200, 2000]) {
      const run = await expectSame(await thresholds(), {
        customers: file(`${lines.join('\n')}\n`),
        rangeBytes,
      });
      expect(run.failed).toBe(false);
    }
  });

  it('a file too small to pay is read on one thread, with the same result', async () => {
    const policy = await thresholds();
    await expectSame(policy, { customers: file(`${[HEADER, ...rows(20)].join('\n')}\n`) });
  });
});

describe('evaluatePopulationParallel: property', () => {
  it('generated files cut at random points give evaluatePopulation’s result', async () => {
    const policy = await thresholds();
    const line = fc.oneof(
      { weight: 8, arbitrary: fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 99 })) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          '',
          'C9,"open\nquote,1,1',
          'x,"a""b\r\nc",oops,1',
          ',,,',
          'C1,dup,1,1',
          'C8,"y"\u3000,2,2',
        ),
      },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { maxLength: 60 }),
        fc.integer({ min: 1, max: 400 }),
        fc.constantFrom<OnError>('report', 'skip', 'fail'),
        fc.boolean(),
        async (generated, rangeBytes, onError, crlf) => {
          const body = generated.map((g) =>
            typeof g === 'string' ? g : `C${g[0]},"n\n${g[1]}",${g[1] * 11},${g[0] % 8}`,
          );
          const text = [HEADER, ...body].join(crlf ? '\r\n' : '\n');
          await expectSame(policy, { customers: file(text), rangeBytes, onError, chunkSize: 7 });
        },
      ),
      // Each run starts two workers: small files with many cuts, not many runs, find the cases.
      { numRuns: propertyRuns(12, 300), seed: 20261203 },
    );
  });
});
