import { describe, expect, it } from 'vitest';
import { check, edit, only, positionOf, VALID, where } from '../helpers/policy.js';

describe('schema errors mapped back to YAML', () => {
  it('points an unknown property at its key, with a did-you-mean', () => {
    const text = edit(VALID, '{ linear: { from: 0, to: 500000 } }', '{ lineer: { from: 0, to: 500000 } }');
    const d = only(check(text), 'TW0101');
    expect(d.message).toBe("unknown property 'lineer'");
    expect(d.help).toBe("did you mean 'linear'?");
    expect(where(d)).toBe(positionOf(text, 'lineer'));
    expect(d.pointer).toBe('/dimensions/value/metrics/spend12m/score/lineer');
  });

  it('points a wrong type at the value', () => {
    const text = edit(VALID, 'minScore: 90', "minScore: 'ninety'");
    const d = only(check(text), 'TW0102');
    expect(d.message).toBe("expected number, got 'ninety'");
    expect(where(d)).toBe(positionOf(text, "'ninety'"));
  });

  it('explains a percentage written without its sign', () => {
    const text = edit(VALID, "discountQuota: '10%'", 'discountQuota: 10');
    expect(only(check(text), 'TW0102').message).toBe(
      'expected a percentage written with a % sign, from "0%" to "100%" (e.g. "10%"), got number 10',
    );
  });

  it('reports a missing required property at the mapping that lacks it', () => {
    const text = edit(VALID, '  name: test-policy\n', '');
    const d = only(check(text), 'TW0103');
    expect(d.message).toBe("missing required property 'name'");
    expect(where(d)).toBe('3:1');
  });

  it('reports a value outside an enumeration with the allowed values', () => {
    const text = edit(VALID, 'method: thresholds', 'method: threshold');
    const d = only(check(text), 'TW0105');
    expect(d.message).toBe("expected one of thresholds, quota, criteria, matrix, got 'threshold'");
  });

  it('reports a scoring function with two forms', () => {
    const text = edit(
      VALID,
      '{ linear: { from: 0, to: 500000 } }',
      '{ linear: { from: 0, to: 500000 }, lowerIsBetter: { best: 0, worst: 1 } }',
    );
    const d = only(check(text), 'TW0106');
    expect(d.message).toBe('expected exactly one of linear, lowerIsBetter, bands, categories');
  });

  it('names the allowed values of a union that has no x-expected text (it said "expected undefined")', () => {
    const d = only(check(`${VALID}rerating:\n  announce: [fax]\n`), 'TW0105');
    expect(d.message).toBe('expected one of "email", "portal", got \'fax\'');
  });

  it('skips semantic lint while the schema fails, so lint never sees malformed data', () => {
    const text = edit(VALID, 'weight: 70', "weight: 'seventy'");
    expect(check(text).diagnostics.map((d) => d.code)).toEqual(['TW0102']);
  });
});
