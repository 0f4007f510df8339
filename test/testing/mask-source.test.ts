import { describe, expect, it } from 'vitest';
import { parsePolicyText } from '../../src/policy/parse.js';
import { maskTestSource } from '../../src/testing/mask-source.js';
import { runPolicyTests } from '../../src/testing/runner.js';
import { tinyProject } from './fixtures.js';

/** A failing case whose fixture holds a contact (pii in the tiny policy) on the line above the expectation. */
const TESTS = `policy: ./tiny.tier.yaml
cases:
  - name: contact above the failure
    facts: { customerId: T1, contact: 张三丰, spend: 90 }
    expect: { tier: silver }
  - { name: same line, facts: { customerId: T2, contact: "Zhang Sanfeng", spend: 60 }, expect: { tier: gold } }
`;

describe('personal fixture values in test failures', () => {
  it('shows the code frame with the contact masked, carets where they were', async () => {
    const { tests } = tinyProject(TESTS);
    const run = await runPolicyTests([tests]);
    expect(run.summary.failed).toBe(2);
    const shown = run.sources.get(tests)!;
    expect(shown).not.toContain('张三丰');
    expect(shown).not.toContain('Zhang Sanfeng');
    expect(shown).toContain('contact: 张**, spend: 90');
    expect(shown).toContain('contact: "Z***"         , spend: 60');
    // the masked text is as long as the original: every range of the file still fits it
    expect(shown.split('\n').map((l) => l.length)).toEqual(TESTS.split('\n').map((l) => l.length));
    expect(shown).toContain('customerId: T1');
  });

  it('masks a record column of a personal fact, and every fixture value when no policy says which are personal', () => {
    const text = `cases:
  - name: a
    record: { 联系电话: "13812345678", 客户编号: C1 }
    facts:
      contact: |
        Zhang
        Sanfeng
    expect: { tier: gold }
`;
    const parsed = parsePolicyText(text, 't.test.yaml');
    const none = maskTestSource(text, parsed.value, parsed.sourceMap, undefined);
    expect(none).toContain('record: { 联系电话: "138****5678", 客户编号: C* }');
    expect(none).not.toMatch(/Zhang|Sanfeng/);
    expect(none.split('\n').map((l) => l.length)).toEqual(text.split('\n').map((l) => l.length));
  });
});
