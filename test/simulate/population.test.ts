import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chooseEvaluator } from '../../src/compile/evaluate.js';
import { runEvaluation } from '../../src/engine/run.js';
import { loadPolicy } from '../../src/policy/load.js';
import type { Policy } from '../../src/policy/schema/policy.js';
import { evaluatePopulation, evaluatePopulations } from '../../src/simulate/population.js';
import { bundledPolicies, sized } from '../helpers/runs.js';
import { bundledSample } from '../helpers/sample-data.js';

const at = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const POLICIES = readdirSync(at('policies')).filter((f) => f.endsWith('.tier.yaml'));
const DATA = {
  customers: at('examples/data/customers.csv'),
  transactions: at('examples/data/transactions.csv'),
  asOf: '2026-11-01',
};

async function bundled(file: string): Promise<Policy> {
  const { policy } = await loadPolicy(at(`policies/${file}`));
  expect(policy).toBeDefined();
  return policy!;
}

/** Each customer's tier id and score as the object path (`tierwise eval`) decides them. */
async function objectPath(policy: Policy, options: Record<string, unknown> = DATA) {
  const run = await runEvaluation(policy, {
    ...(options as typeof DATA),
    evaluate: chooseEvaluator(policy).evaluate,
  });
  expect(run.failed).toBe(false);
  return run;
}

describe('evaluatePopulation: the batch form over columns', () => {
  it.each(bundledPolicies(POLICIES))(
    '%s × the bundled data: every tier, score and the distribution as eval gives them',
    async (file) => {
      const policy = await bundled(file);
      const expected = await objectPath(policy);
      const levels = policy.tiers!.levels.map((l) => l.id);
      const seen = new Map<string, { tier?: string; score?: number }>();
      const run = await evaluatePopulation(policy, { ...DATA, chunkSize: 700 }, (chunk, result) => {
        for (let i = 0; i < chunk.length; i++) {
          const score = result.score[i]!;
          seen.set(chunk.keys[i]!, {
            tier: levels[result.tier[i]!],
            score: Number.isNaN(score) ? undefined : score,
          });
        }
      });
      expect(run.failed).toBe(false);
      expect(run.evaluated).toBe(expected.results.length);
      expect(seen.size).toBe(expected.results.length);
      for (const r of expected.results)
        expect(seen.get(r.customer), r.customer).toEqual({ tier: r.tier, score: r.score });
      expect(run.distribution).toEqual(expected.distribution);
      // The same findings in the same order, customer findings capped at 1,000 as streamed eval caps them.
      const lines = (ds: { code: string; message: string }[]) => ds.map((d) => `${d.code} ${d.message}`);
      const perCustomer = expected.results.flatMap((r) => r.diagnostics);
      const read = expected.diagnostics.slice(0, expected.diagnostics.length - perCustomer.length);
      const omitted = Math.max(0, perCustomer.length - 1000);
      expect(lines(run.diagnostics)).toEqual(
        lines([
          ...read,
          ...perCustomer.slice(0, 1000),
          ...(omitted > 0
            ? [{ code: 'TW0702', message: `${omitted} more customer findings are not listed` }]
            : []),
        ]),
      );
    },
  );

  it('streams a policy without quota or transactions in chunks, and ranks a quota once over everyone', async () => {
    const policy = await bundled('seed004-quota.tier.yaml');
    const chunks: number[] = [];
    const run = await evaluatePopulation(policy, { ...DATA, chunkSize: 500 }, (chunk) =>
      chunks.push(chunk.length),
    );
    // With a transaction log the whole population is joined first, then evaluated as one chunk.
    expect(chunks).toEqual([run.evaluated]);
    // seed 001's five factors are columns of the customer file: no log needed.
    const scorecard = await bundled('seed001-five-factor.tier.yaml');
    const withoutLog = { customers: DATA.customers, chunkSize: 500 };
    const sizes: number[] = [];
    const streamed = await evaluatePopulation(scorecard, withoutLog, (chunk) => sizes.push(chunk.length));
    expect(sizes.length).toBeGreaterThan(1);
    expect(sizes.slice(0, -1).every((n) => n === 500)).toBe(true);
    const expected = await objectPath(scorecard, { customers: DATA.customers });
    expect(streamed.distribution).toEqual(expected.distribution);
  });

  // Every fifth bundled customer (all of them under TIERWISE_LONG_TESTS=1), in chunks a fifth the
  // size: each side still reads the customer file in several chunks, of other sizes than the other's.
  const sample = { ...bundledSample(), asOf: DATA.asOf };
  const [ONE_PASS, ALONE] = sized([180, 220], [900, 1100]);
  it.each([
    ['with the transaction log', sample],
    ['from the customer file alone', { customers: sample.customers }],
  ])('several policies in one pass give what each gives alone (%s)', async (_, data) => {
    const files = ['seed004-quota.tier.yaml', 'seed004-scorecard.tier.yaml', 'retail-scorecard.tier.yaml'];
    const policies = await Promise.all(files.map(bundled));
    const together: string[][] = policies.map(() => []);
    const runs = await evaluatePopulations(policies, { ...data, chunkSize: ONE_PASS }, (views, results) => {
      results.forEach((r, p) => {
        for (let i = 0; i < views[p]!.length; i++)
          together[p]!.push(`${views[p]!.keys[i]} ${r.tier[i]} ${r.score[i]}`);
      });
    });
    for (const [p, policy] of policies.entries()) {
      const alone: string[] = [];
      const run = await evaluatePopulation(policy, { ...data, chunkSize: ALONE }, (chunk, r) => {
        for (let i = 0; i < chunk.length; i++) alone.push(`${chunk.keys[i]} ${r.tier[i]} ${r.score[i]}`);
      });
      expect(together[p]).toEqual(alone);
      expect(runs[p]!.distribution).toEqual(run.distribution);
      expect(runs[p]!.evaluated).toBe(run.evaluated);
    }
  });

  it('reports a customer file that cannot be read, as eval does', async () => {
    const policy = await bundled('seed004-scorecard.tier.yaml');
    const run = await evaluatePopulation(policy, {
      ...DATA,
      customers: at('examples/data/no-such-file.csv'),
    });
    expect(run.failed).toBe(true);
    expect(run.diagnostics[0]?.code).toBe('TW0601');
  });
});
