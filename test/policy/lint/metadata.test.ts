import { describe, expect, it } from 'vitest';
import { check, codes, edit, only, positionOf, VALID, where } from '../../helpers/policy.js';

const withMeta = (lines: string) => edit(VALID, '  version: 1.0.0\n', `  version: 1.0.0\n${lines}`);

describe('metadata', () => {
  it('reports a date that does not exist', () => {
    const text = withMeta('  effectiveFrom: 2026-02-29T00:00:00+08:00\n');
    const d = only(check(text), 'TW0506');
    expect(where(d)).toBe(positionOf(text, '2026-02-29'));
    expect(check(withMeta('  effectiveFrom: 2028-02-29T00:00:00+08:00\n')).diagnostics).toEqual([]);
  });

  it('reports an effective period that ends before it starts, across offsets', () => {
    const text = withMeta(
      '  effectiveFrom: 2026-01-01T08:00:00+08:00\n  effectiveTo: 2026-01-01T00:00:00Z\n',
    );
    expect(only(check(text), 'TW0502').pointer).toBe('/metadata/effectiveTo');
  });

  it('reports a date without an offset and a bad semver through the schema', () => {
    const text = edit(withMeta('  effectiveFrom: 2026-01-01\n'), 'version: 1.0.0', 'version: 1.0');
    const result = check(text);
    // YAML reads 1.0 as a number, so the version fails on its type before its format.
    expect(result.diagnostics.map((d) => `${d.code} ${where(d)}`)).toEqual(['TW0102 5:12', 'TW0104 6:18']);
    expect(result.diagnostics[0]!.message).toBe('expected a semantic version such as 1.2.0, got number 1');
  });

  it('reports an unknown time zone', () => {
    const d = only(check(withMeta('  timezone: Asia/Shangai\n')), 'TW0503');
    expect(d.message).toBe("'Asia/Shangai' is not an IANA time zone");
    expect(check(withMeta('  timezone: Asia/Shanghai\n')).diagnostics).toEqual([]);
  });

  it('reports zero and malformed durations', () => {
    const zero = edit(VALID, 'within: PT4H', 'within: PT0H');
    expect(where(only(check(zero), 'TW0508'))).toBe(positionOf(zero, 'PT0H'));
    const bad = edit(VALID, 'within: PT4H', 'within: 4h');
    const d = only(check(bad), 'TW0104');
    expect(d.message).toBe(
      "'4h' is not an ISO 8601 duration such as PT4H (4 hours), P90D (90 days) or P3M (3 months)",
    );
  });

  it('refuses a duration beyond any history, which made window arithmetic NaN (exit 70 in simulate)', () => {
    const long = edit(VALID, 'within: PT4H', 'within: P99999999999999999999M');
    expect(where(only(check(long), 'TW0106'))).toBe(positionOf(long, 'P99999999999999999999M'));
    expect(codes(check(edit(VALID, 'within: PT4H', 'within: P200Y')))).not.toContain('TW0106');
    expect(codes(check(edit(VALID, 'within: PT4H', 'within: P201Y')))).toContain('TW0106');
  });

  it('reports rerating cadences for unknown tiers', () => {
    const text = `${VALID}rerating:\n  every: { vip: P3M, default: P6M, gold: P1M }\n`;
    const d = only(check(text), 'TW0504');
    expect(where(d)).toBe(positionOf(text, 'gold'));
    expect(codes(check(`${VALID}rerating:\n  every: { vip: P3M, default: P6M }\n`))).toEqual([]);
  });
});
