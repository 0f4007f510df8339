import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compilePolicy } from '../../src/compile/policy.js';
import { runEvaluation } from '../../src/engine/run.js';
import { loadPolicy } from '../../src/policy/load.js';
import type { Policy } from '../../src/policy/schema/policy.js';
import { rerateJob } from '../../src/rerate/job.js';
import { rerateRules, stateNextReview } from '../../src/rerate/rules.js';
import { readState, renderState } from '../../src/rerate/state.js';
import { bundledSample } from '../helpers/sample-data.js';

const DATA = { customers: 'examples/data/customers.csv', transactions: 'examples/data/transactions.csv' };
let quota: Policy;
let dir: string;
/** The job at the close of Q2 from no state: the first two tests read the same run. */
let fromNoState: Awaited<ReturnType<typeof rerateJob>>;

beforeAll(async () => {
  quota = (await loadPolicy('policies/seed004-quota.tier.yaml')).policy!;
  dir = mkdtempSync(join(tmpdir(), 'tw-rerate-'));
  fromNoState = await rerateJob(quota, { ...DATA, asOf: '2025-06-30' });
});

const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('rerateJob on the bundled data (seed004-quota: calendar quarters, a VIP band, a month of grace)', () => {
  it('rates everyone afresh from no state, with the tiers eval gives', async () => {
    const job = fromNoState;
    expect(job.failed).toBe(false);
    const outcome = job.outcome!;
    expect(outcome.states).toHaveLength(3000);
    expect(outcome.events.filter((e) => e.type === 'rated')).toHaveLength(3000);
    const compiled = compilePolicy(quota);
    const run = await runEvaluation(quota, {
      ...DATA,
      asOf: '2025-06-30',
      evaluate: async (c, o) => compiled.evaluate(c, { asOf: o.asOf }),
    });
    const tiers = new Map(run.results.map((r) => [r.customer, r.tier]));
    for (const s of outcome.states) expect(s.tier, s.customer).toBe(tiers.get(s.customer));
    // Calendar quarters: a VIP rated at the close of Q2 is next due at the close of Q3, the others at the year's end.
    const vip = outcome.states.find((s) => s.tier === 'vip')!;
    const key = outcome.states.find((s) => s.tier === 'key')!;
    expect([stateNextReview(job.rules, vip), stateNextReview(job.rules, key)].map(iso)).toEqual([
      '2025-09-30',
      '2025-12-31',
    ]);
  });

  it('carries a state through CSV and re-rates it: nobody due in between moves down, bands and grace hold', async () => {
    const first = fromNoState.outcome!;
    const text = renderState('csv', first.states, 'Asia/Shanghai', rerateRules(quota));
    const read = await readState(file('state.csv', text), {
      tiers: ['vip', 'key', 'standard', 'watch'],
      timezone: 'Asia/Shanghai',
    });
    expect(read.diagnostics).toEqual([]);
    expect([...read.states.values()]).toEqual(first.states);

    const between = (await rerateJob(quota, { ...DATA, state: join(dir, 'state.csv'), asOf: '2025-08-31' }))
      .outcome!;
    // Not due before the quarter closes: only upgrades and triggered re-ratings move anyone.
    const downs = between.events.filter((e) => e.type === 'downgrade' || e.type === 'grace');
    for (const d of downs)
      expect(between.events.some((e) => e.customer === d.customer && e.type === 'triggered')).toBe(true);

    // The close of Q3 reviews the VIPs: those still scoring 65 or more are held by the band.
    const q3 = (await rerateJob(quota, { ...DATA, state: join(dir, 'state.csv'), asOf: '2025-09-30' }))
      .outcome!;
    const held = q3.events.filter((e) => e.type === 'held');
    expect(held.length).toBeGreaterThan(0);
    for (const e of held) expect(e.score).toBeGreaterThanOrEqual(65);
    expect(q3.events.some((e) => e.type === 'reviewed')).toBe(true);
    // The year's close reviews everyone: who fell below the band or out of a lower tier's quota
    // keeps the tier in grace a month, with where and when they fall.
    const q4 = (await rerateJob(quota, { ...DATA, state: join(dir, 'state.csv'), asOf: '2025-12-31' }))
      .outcome!;
    const graced = q4.states.filter((s) => s.graceUntil !== undefined);
    expect(graced.length).toBeGreaterThan(0);
    for (const s of graced) {
      expect(s.tier).not.toBe(s.graceTier);
      expect(iso(s.graceUntil)).toBe('2026-01-31');
    }
    expect(q4.events.filter((e) => e.type === 'downgrade')).toEqual([]);
  });

  it('reports bad state rows where they are, a state from the future, and customers the data lacks', async () => {
    // What is checked here is the state file; the customers read beside it are a backdrop, so a
    // sample of the bundled data (every fifth customer; all under TIERWISE_LONG_TESTS=1) does.
    const SAMPLE = bundledSample();
    const bad = file('bad.csv', 'customer,tier,ratedAt\nC2012001,gold,2025-06-30\nC2012002,vip,2025-02-30\n');
    const job = await rerateJob(quota, { ...SAMPLE, state: bad, asOf: '2025-09-30' });
    const found = job.diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => `${d.code} ${d.row} ${d.column}`);
    expect(found).toEqual(['TW1420 2 tier', 'TW0604 3 ratedAt']);
    expect(job.failed).toBe(false);
    expect(
      (await rerateJob(quota, { ...SAMPLE, state: bad, asOf: '2025-09-30', onError: 'fail' })).failed,
    ).toBe(true);

    const future = file('future.csv', '客户编号,等级,评级日期\nC2012001,vip,2025-12-31\n');
    const late = await rerateJob(quota, { ...SAMPLE, state: future, asOf: '2025-09-30' });
    expect(late.failed).toBe(true);
    expect(late.diagnostics.map((d) => d.code)).toEqual(['TW1423']);

    const gone = file('gone.csv', 'customer,tier,ratedAt,manager\nX-LEFT,vip,2025-06-30,am-07\n');
    const kept = await rerateJob(quota, { ...SAMPLE, state: gone, asOf: '2025-09-30' });
    expect(kept.diagnostics.map((d) => d.code)).toContain('TW1422');
    expect(kept.outcome!.states.at(-1)).toEqual({
      customer: 'X-LEFT',
      tier: 'vip',
      ratedAt: kept.outcome!.states.at(-1)!.ratedAt,
      flags: [],
      manager: 'am-07',
    });

    const zone = file('zone.csv', 'customer,tier,ratedAt,timezone\nC2012001,vip,2025-06-30,Europe/Berlin\n');
    const other = await rerateJob(quota, { ...SAMPLE, state: zone, asOf: '2025-09-30' });
    expect(other.diagnostics.map((d) => d.code)).toContain('TW1421');
  });
});

function iso(day: number | undefined): string | undefined {
  if (day === undefined) return undefined;
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
