import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { TINY_POLICY, TINY_TESTS, tinyProject } from '../testing/fixtures.js';
import { tierwiseInProcess as inProcess, tierwise } from './cli.js';

describe('tierwise test', () => {
  it('passes every bundled policy’s tests (policies/ by default)', () => {
    const run = tierwise(['test']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    for (const policy of [
      'seed004-rfm',
      'seed004-scorecard',
      'seed004-quota',
      'seed001-five-factor',
      'seed001-five-levels',
      'seed001-five-levels-literal',
      'seed003-value-activity',
      'seed000-classifiers',
      'retail-scorecard',
    ])
      expect(run.stdout).toContain(`policies/${policy}.test.yaml`);
    expect(run.stdout).toMatch(/\d+ passed, 0 failed, 0 errors/);
  });

  it('fails a wrong expected tier: exit 1, expected vs actual, file:line, and the explanation', async () => {
    const { tests } = tinyProject(TINY_TESTS.replace('tier: silver', 'tier: gold'));
    const run = await inProcess(['test', tests]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('FAIL sixty points is silver');
    expect(run.stdout).toContain(`at ${tests}:6:5`);
    expect(run.stdout).toMatch(/9:13\s+tier\s+gold\s+silver/);
    expect(run.stdout).toContain(`--> ${tests}:9:13`);
    expect(run.stdout).toContain('decided by: score 60 is ≥ 50 (tier Silver)');
    expect(run.stdout).toContain('1 passed, 1 failed, 0 errors');
  });

  it('fails a threshold just above the coverage (2 of 3: 66.67 fails, 66.66 passes)', async () => {
    const { tests } = tinyProject();
    const under = await inProcess(['test', tests, '--threshold', '66.67']);
    expect(under.code).toBe(1);
    expect(under.stdout).toContain('total: 66.7% (2 of 3), threshold 66.67%: NOT met');
    expect(under.stdout).toContain('not reached: tier bronze');
    const met = await inProcess(['test', tests, '--threshold', '66.66']);
    expect(met.code).toBe(0);
    expect((await inProcess(['test', tests, '--threshold', 'lots'])).code).toBe(2);
  });

  it('reports in Chinese with --lang zh-CN', async () => {
    const { tests } = tinyProject(TINY_TESTS.replace('tier: silver', 'tier: gold'));
    const run = await inProcess(['test', tests, '--lang', 'zh-CN', '--threshold', '66.67']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('合计：66.7%（3 项中覆盖 2 项），阈值 66.67%：未达到');
    expect(run.stdout).toContain('1 个通过，1 个失败，0 个出错（1 个文件中共 2 个用例）');
    expect(run.stdout).toContain('`tier` 预期为 gold，实际为 silver');
  });

  it('writes JUnit a parser reads, with the failure in it', async () => {
    const { tests } = tinyProject(TINY_TESTS.replace('tier: silver', 'tier: gold'));
    const run = await inProcess(['test', tests, '--format', 'junit']);
    expect(run.code).toBe(1);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(run.stdout);
    expect(doc.testsuites).toMatchObject({ tests: '2', failures: '1', errors: '0' });
  });

  it('exits 2 for a path that does not exist', async () => {
    expect((await inProcess(['test', 'no/such/dir'])).code).toBe(2);
  });

  it('records a snapshot, then fails with a migration matrix when decisions change, until updated', async () => {
    const { dir, policy, tests } = tinyProject();
    const data = join(dir, 'customers.csv');
    writeFileSync(data, 'customerId,contact,spend\nC1,张三,90\nC2,李四,60\nC3,王五,20\n');
    const args = ['test', tests, '--snapshot', data];
    const first = await inProcess(args);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('snapshot');
    const snapshot = JSON.parse(readFileSync(join(dir, 'tiny.snap.json'), 'utf8'));
    expect(snapshot.customers).toEqual({
      C1: { tier: 'gold', score: 90 },
      C2: { tier: 'silver', score: 60 },
      C3: { tier: 'bronze', score: 20 },
    });
    expect((await inProcess(args)).code).toBe(0);
    // gold from 55: C2 (60) moves up
    writeFileSync(policy, TINY_POLICY.replace('minScore: 80', 'minScore: 55'));
    const changed = await inProcess(['test', tests, '--run', 'ninety', '--snapshot', data]);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain('C2: silver (60) → gold (60)');
    expect(changed.stdout).toContain('1 up, 0 down, 2 unchanged of 3');
    expect(changed.stdout).toContain('TW0905');
    expect(
      (await inProcess(['test', tests, '--run', 'ninety', '--snapshot', data, '--update-snapshots'])).code,
    ).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'tiny.snap.json'), 'utf8')).customers.C2.tier).toBe('gold');
    expect((await inProcess(['test', tests, '--run', 'ninety', '--snapshot', data])).code).toBe(0);
  });
});
