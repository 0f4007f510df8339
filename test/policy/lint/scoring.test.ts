import { describe, expect, it } from 'vitest';
import { check, edit, only, positionOf, VALID, where } from '../../helpers/policy.js';

const BANDS = `            - { below: 3, points: 20 }
            - { below: 12, points: 60 }
            - { points: 100 }
`;

describe('scoring functions', () => {
  it('reports a metric scoring an unknown fact with a did-you-mean', () => {
    const text = edit(VALID, '      spend12m: { weight: 60', '      spend12n: { weight: 60');
    const d = only(check(text), 'TW0201');
    expect(d.message).toBe("metric 'spend12n' scores unknown fact 'spend12n'");
    expect(d.help).toBe("did you mean 'spend12m'?");
    expect(where(d)).toBe('17:7');
  });

  it('reports linear scoring of an enum fact', () => {
    const text = edit(
      VALID,
      'score: { categories: { high: 100, medium: 60, low: 20 } }',
      'score: { linear: { from: 0, to: 1 } }',
    );
    const d = only(check(text), 'TW0202');
    expect(d.message).toBe("'linear' scores numbers; fact 'industry' is enum");
    expect(where(d)).toBe(positionOf(text, 'linear: { from: 0, to: 1 }'));
  });

  it('reports categories that are not values of the enum, and values left without points', () => {
    const text = edit(VALID, 'medium: 60, low: 20', 'meduim: 60, low: 20');
    const found = check(text).diagnostics.filter((d) => d.code === 'TW0210');
    expect(found.map((d) => d.message)).toEqual([
      "'medium' of 'industry' has no points",
      "'meduim' is not a value of 'industry'",
    ]);
    expect(found[1]!.help).toBe("did you mean 'medium'?");
    expect(where(found[1]!)).toBe(positionOf(text, 'meduim'));
    expect(found[0]!.example).toEqual({ industry: 'medium' });
  });

  it('reports a lowerIsBetter with best above worst', () => {
    const text = edit(
      VALID,
      '{ linear: { from: 0, to: 500000 } }',
      '{ lowerIsBetter: { best: 10, worst: 0 } }',
    );
    const d = only(check(text), 'TW0205');
    expect(where(d)).toBe(positionOf(text, '{ best: 10'));
  });

  it('reports a linear function without slope', () => {
    const d = only(check(edit(VALID, 'from: 0, to: 500000', 'from: 5, to: 5')), 'TW0205');
    expect(d.message).toContain('no slope');
  });
});

describe('band tables', () => {
  it('accepts ordered shorthand tables (first match wins)', () => {
    expect(check(VALID).diagnostics).toEqual([]);
  });

  it('reports a gap between explicit bands with a counterexample value', () => {
    const text = edit(
      VALID,
      BANDS,
      '            - { atLeast: 0, below: 3, points: 20 }\n            - { atLeast: 4, points: 100 }\n',
    );
    const d = only(check(text), 'TW0206');
    expect(d.message).toBe("values ≥ 3 and < 4 orders fall in no band of metric 'orders12m'");
    expect(d.example).toBe(3);
    expect(where(d)).toBe(positionOf(text, 'bands:'));
  });

  it('does not report a gap between integers for an integer fact', () => {
    const text = edit(
      VALID,
      BANDS,
      '            - { atLeast: 0, atMost: 2, points: 20 }\n            - { atLeast: 3, points: 100 }\n',
    );
    expect(check(text).diagnostics).toEqual([]);
  });

  it('reports values below the first band when the fact declares no minimum', () => {
    const text = edit(
      VALID,
      BANDS,
      '            - { atLeast: 0, below: 3, points: 20 }\n            - { atLeast: 3, points: 100 }\n',
    ).replace(
      'orders12m: { type: integer, unit: orders, min: 0 }',
      'orders12m: { type: integer, unit: orders }',
    );
    const d = only(check(text), 'TW0206');
    expect(d.message).toBe("values < 0 orders fall in no band of metric 'orders12m'");
    expect(d.help).toContain('min/max');
  });

  it('reports a band that earlier bands shadow completely', () => {
    const text = edit(
      VALID,
      BANDS,
      '            - { below: 12, points: 60 }\n            - { below: 3, points: 20 }\n            - { points: 100 }\n',
    );
    const d = only(check(text), 'TW0208');
    expect(d.message).toBe('band 2 (< 3) never matches: earlier bands take all its values');
    expect(where(d)).toBe(positionOf(text, '{ below: 3'));
  });

  it('warns when an explicit band overlaps an earlier one', () => {
    const text = edit(
      VALID,
      BANDS,
      '            - { atLeast: 0, below: 5, points: 20 }\n            - { atLeast: 3, below: 12, points: 60 }\n            - { atLeast: 12, points: 100 }\n',
    );
    const d = only(check(text), 'TW0207');
    expect(d.message).toBe('band 2 overlaps band 1 at ≥ 3 and < 5 orders; those values go to band 1');
    expect(where(d)).toBe(positionOf(text, '{ atLeast: 3'));
  });

  it('reports a band stating both forms of one end', () => {
    const text = edit(VALID, '{ below: 3, points: 20 }', '{ below: 3, atMost: 3, points: 20 }');
    const d = only(check(text), 'TW0209');
    expect(d.message).toBe('band 1 states both below and atMost');
  });
});
