import { describe, expect, it } from 'vitest';
import { testOutcome } from '../../src/testing/outcome.js';
import { parseTestText } from '../../src/testing/parse.js';
import { runPolicyTests } from '../../src/testing/runner.js';
import { TINY_TESTS, tinyProject } from './fixtures.js';

describe('runPolicyTests', () => {
  it('passes cases whose expectations hold, on both engines', async () => {
    const { tests } = tinyProject();
    for (const engine of ['compiled', 'reference'] as const) {
      const run = await runPolicyTests([tests], { engine });
      expect(run.summary).toEqual({ passed: 2, failed: 0, errors: 0, total: 2 });
      expect(testOutcome(run).passed).toBe(true);
    }
  });

  it('fails a wrong expected tier with expected, actual, the line of the expectation and the explanation', async () => {
    const { tests } = tinyProject(TINY_TESTS.replace('tier: silver', 'tier: gold'));
    const run = await runPolicyTests([tests]);
    const failed = run.files[0]!.cases[1]!;
    expect(failed.status).toBe('fail');
    expect(failed.mismatches).toMatchObject([{ field: 'tier', expected: 'gold', actual: 'silver' }]);
    // `tier: gold` is line 9 of the file, its value at column 13
    expect(failed.mismatches[0]!.range?.start).toEqual({ line: 9, column: 13 });
    expect(failed.range?.start.line).toBe(6);
    expect(failed.explanation[0]).toBe('T2 → Silver [silver] (score 60, unrounded 60)');
    const outcome = testOutcome(run);
    expect(outcome.passed).toBe(false);
    expect(outcome.diagnostics.map((d) => d.code)).toEqual(['TW0901']);
  });

  it('compares scores exactly unless a tolerance is given', async () => {
    const exact = tinyProject(TINY_TESTS.replace('score: 90', 'score: 90.4'));
    expect((await runPolicyTests([exact.tests])).summary.failed).toBe(1);
    const tolerant = tinyProject(TINY_TESTS.replace('score: 90', 'score: { value: 90.4, tolerance: 0.5 }'));
    expect((await runPolicyTests([tolerant.tests])).summary.failed).toBe(0);
  });

  it('runs only the cases --run selects', async () => {
    const { tests } = tinyProject();
    const run = await runPolicyTests([tests], { run: /silver/ });
    expect(run.files[0]!.cases.map((c) => c.name)).toEqual(['sixty points is silver']);
  });

  it('reports an unknown fact in a case as an error at its key, not a silent pass', async () => {
    const { tests } = tinyProject(TINY_TESTS.replace('spend: 90', 'spedn: 90'));
    const run = await runPolicyTests([tests]);
    const broken = run.files[0]!.cases[0]!;
    expect(broken.status).toBe('error');
    expect(broken.diagnostics[0]).toMatchObject({ code: 'TW0904', range: { start: { line: 4 } } });
    expect(broken.diagnostics[0]!.help).toContain("did you mean 'spend'");
  });

  it('covers the tiers reached: 2 of 3', async () => {
    const { tests } = tinyProject();
    const run = await runPolicyTests([tests], { coverage: true });
    expect(run.coverage![0]).toMatchObject({ covered: 2, total: 3 });
    expect(testOutcome(run, '66.67').passed).toBe(false);
    expect(testOutcome(run, '66.66').passed).toBe(true);
  });

  it('finds the test file beside a policy named on the command line', async () => {
    const { policy } = tinyProject();
    const run = await runPolicyTests([policy]);
    expect(run.summary.passed).toBe(2);
  });
});

describe('parseTestText', () => {
  it('points a misspelt key at its line with TW0902', () => {
    const parsed = parseTestText('cases:\n  - name: x\n    expcet: { tier: gold }\n', 'x.test.yaml');
    expect(parsed.tests).toBeUndefined();
    expect(parsed.diagnostics.map((d) => [d.code, d.message, d.range?.start.line])).toContainEqual([
      'TW0902',
      "unknown property 'expcet'",
      3,
    ]);
  });

  it('refuses an alias bomb the way policies are refused', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdefg'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefg'[i]}`).join(', ')}]`),
      'cases: []',
    ].join('\n');
    const parsed = parseTestText(bomb, 'bomb.test.yaml');
    expect(parsed.diagnostics.map((d) => d.code)).toContain('TW0006');
  });
});
