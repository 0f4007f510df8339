import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledSample } from '../helpers/sample-data.js';
import { SMALL_POLICY } from '../simulate/fixtures.js';
import { tierwiseInProcess as inProcess, tierwise } from './cli.js';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-e2e-simulate-'));
// Every fifth bundled customer (all of them under TIERWISE_LONG_TESTS=1): the figures must add up
// to the customers read whatever their number, and the sample keeps every tier and movers between
// the two policies.
const SAMPLE = bundledSample();
const DATA = ['--data', SAMPLE.customers, '--transactions', SAMPLE.transactions, '--as-of', '2026-11-01'];
const CUSTOMERS = readFileSync(SAMPLE.customers, 'utf8').trimEnd().split('\n').length - 1;
const SCORECARD = 'policies/seed004-scorecard.tier.yaml';
const RETAIL = 'policies/retail-scorecard.tier.yaml';

describe('tierwise simulate / diff / calibrate on the bundled data', () => {
  it('simulate: per-tier figures whose counts add up to the customers read', async () => {
    const run = tierwise(['simulate', '--policy', SCORECARD, ...DATA, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const s = JSON.parse(run.stdout);
    expect(s.customers).toBe(CUSTOMERS);
    const counted =
      s.tiers.reduce((n: number, t: { customers: number }) => n + t.customers, 0) + s.untiered.customers;
    expect(counted).toBe(CUSTOMERS);
    expect(s.totals.customers).toBe(CUSTOMERS);
    expect(s.currency).toBe('CNY');
    const revenue =
      s.tiers.reduce((n: number, t: { revenue: number }) => n + t.revenue, 0) + (s.untiered.revenue ?? 0);
    expect(revenue).toBeCloseTo(s.totals.revenue, 4);
    // The same distribution eval --summary prints.
    const summary = await inProcess([
      'eval',
      '--policy',
      SCORECARD,
      ...DATA,
      '--summary',
      '--format',
      'json',
    ]);
    expect(summary.code, summary.stderr).toBe(0);
    const distribution = JSON.parse(summary.stdout);
    expect(distribution.tiers.map((t: { tier: string; customers: number }) => [t.tier, t.customers])).toEqual(
      s.tiers.map((t: { tier: string; customers: number }) => [t.tier, t.customers]),
    );
    expect(distribution.revenue).toBe(s.totals.revenue);
  });

  it('simulate writes a self-contained HTML report and a CSV Excel opens', async () => {
    const html = join(dir, 'report.html');
    const run = await inProcess([
      'simulate',
      '--policy',
      SCORECARD,
      ...DATA,
      '--format',
      'html',
      '--lang',
      'zh-CN',
      '--out',
      html,
    ]);
    expect(run.code, run.stderr).toBe(0);
    // --out says what it wrote: path, format, size, in the report's language.
    expect(run.stderr).toMatch(
      new RegExp(`已写入 ${html.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}（html，[\\d.]+ MB）`),
    );
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/^<!doctype html>/i);
    expect(page).not.toMatch(/(src|href)=["']https?:/);
    const csv = await inProcess(['simulate', '--policy', SCORECARD, ...DATA, '--format', 'csv']);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout.split('\n').length).toBeGreaterThan(4);
  });

  it('diff: a variant against its base — the migration matrix adds up and movers say why', async () => {
    const run = tierwise(['diff', '--from', SCORECARD, '--to', RETAIL, ...DATA, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const d = JSON.parse(run.stdout);
    const cells = Object.values(d.matrix.counts as Record<string, Record<string, number>>).flatMap((row) =>
      Object.values(row),
    );
    expect(cells.reduce((a, b) => a + b, 0)).toBe(CUSTOMERS);
    expect(d.matrix.upgrades + d.matrix.downgrades + d.matrix.unchanged).toBe(CUSTOMERS);
    expect(d.moversTotal).toBe(d.matrix.upgrades + d.matrix.downgrades);
    expect(d.moversTotal).toBeGreaterThan(0);
    for (const m of d.movers) expect(m.reason).not.toBe('');
    const text = await inProcess(['diff', '--from', SCORECARD, '--to', RETAIL, ...DATA]);
    expect(text.code, text.stderr).toBe(0);
  });

  it('diff refuses a half-given population mode and a semver format mix-up', async () => {
    expect(
      (await inProcess(['diff', '--from', SCORECARD, '--data', 'examples/data/customers.csv'])).code,
    ).toBe(2);
    expect((await inProcess(['diff', '--semver', SCORECARD, RETAIL, '--format', 'html'])).code).toBe(2);
  });

  it('calibrate: a threshold for 10% of customers, by hand on a small file', async () => {
    writeFileSync(join(dir, 'small.tier.yaml'), SMALL_POLICY);
    writeFileSync(
      join(dir, 'small.csv'),
      ['id,spend,repurchase,idle', 'A,1000,80,0', 'B,600,40,4', 'C,500,50,3', 'D,100,,1', 'E,0,20,5'].join(
        '\n',
      ),
    );
    // In process: test/e2e/calibrate.test.ts runs calibrate through the built binary.
    const run = await inProcess([
      'calibrate',
      '--policy',
      join(dir, 'small.tier.yaml'),
      '--data',
      join(dir, 'small.csv'),
      '--target',
      'gold=40%',
      '--format',
      'json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const c = JSON.parse(run.stdout);
    expect(c.thresholds[0]).toMatchObject({ tier: 'gold', value: 60, achieved: { customers: 2 } });
    const out = join(dir, 'calibration.csv');
    const written = await inProcess([
      'calibrate',
      '--policy',
      join(dir, 'small.tier.yaml'),
      '--data',
      join(dir, 'small.csv'),
      '--format',
      'csv',
      '--out',
      out,
    ]);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stderr).toMatch(/wrote \S+calibration\.csv \(csv, [\d.,]+ (?:B|KB)\)/);
    const bad = await inProcess([
      'calibrate',
      '--policy',
      join(dir, 'small.tier.yaml'),
      '--data',
      join(dir, 'small.csv'),
      '--target',
      'platinum=10%',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("no tier 'platinum'");
  });
});
