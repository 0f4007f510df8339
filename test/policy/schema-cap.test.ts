import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPolicyText } from '../../src/policy/check.js';
import { MAX_SCHEMA_FINDINGS } from '../../src/policy/validate-schema.js';

const POLICY = readFileSync(new URL('../../policies/retail-scorecard.tier.yaml', import.meta.url), 'utf8');

describe('a file that breaks the schema in thousands of places', () => {
  it('reports the first 1,000 findings and counts the rest (30,000 unknown keys took a minute)', () => {
    const extra = Array.from({ length: 1500 }, (_, i) => `x_unknown_${i}: ${i}\n`).join('');
    const { diagnostics } = checkPolicyText(POLICY + extra, 'many.tier.yaml');
    const unknown = diagnostics.filter((d) => d.code === 'TW0101');
    expect(unknown).toHaveLength(MAX_SCHEMA_FINDINGS);
    const notice = diagnostics.filter((d) => d.code === 'TW0015');
    expect(notice).toHaveLength(1);
    expect(notice[0]!.severity).toBe('info');
    expect(notice[0]!.file).toBe('many.tier.yaml');
    expect(notice[0]!.message).toBe('and 500 more schema findings not shown (the first 1,000 are)');
  });

  it('reports every finding of a file under the cap, with no notice', () => {
    const extra = Array.from({ length: 3 }, (_, i) => `x_unknown_${i}: ${i}\n`).join('');
    const { diagnostics } = checkPolicyText(POLICY + extra, 'few.tier.yaml');
    expect(diagnostics.filter((d) => d.code === 'TW0101')).toHaveLength(3);
    expect(diagnostics.some((d) => d.code === 'TW0015')).toBe(false);
  });
});
