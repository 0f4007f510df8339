import { describe, expect, it } from 'vitest';
import { calendarMonths } from '../../../src/policy/lint/rerating.js';
import { check, codes, edit, only, positionOf, VALID, where } from '../../helpers/policy.js';

const withRerating = (lines: string) => `${VALID}rerating:\n${lines}`;

describe('rerating rules', () => {
  it('accepts calendar-anchored periods that tile the year, and any period counted from the last rating', () => {
    expect(codes(check(withRerating('  anchor: calendar\n  every: { vip: P3M, default: P1Y }\n')))).toEqual(
      [],
    );
    expect(codes(check(withRerating('  anchor: last-rating\n  every: { vip: P90D }\n')))).toEqual([]);
  });

  it('reports a calendar anchor with a period that has no calendar starts, at the period', () => {
    const text = withRerating('  anchor: calendar\n  every: { vip: P3M, default: P90D }\n');
    const d = only(check(text), 'TW0509');
    expect(where(d)).toBe(positionOf(text, 'P90D'));
    expect(d.message).toContain('P90D (default)');
    expect(codes(check(withRerating('  anchor: calendar\n  every: { default: P5M }\n')))).toEqual(['TW0509']);
  });

  it('reports a band for an unknown tier, a band above the threshold, and a band on unscored tiers', () => {
    const unknown = withRerating('  hold: { gold: { minScore: 80 } }\n');
    expect(where(only(check(unknown), 'TW0504'))).toBe(positionOf(unknown, 'gold'));
    const noBand = withRerating('  hold: { vip: { minScore: 90 } }\n');
    const d = only(check(noBand), 'TW0511');
    expect(d.severity).toBe('warning');
    expect(d.message).toBe(
      'the band of vip (90) is not below its minScore (90): customers leave it as they would without one',
    );
    expect(codes(check(withRerating('  hold: { vip: { minScore: 85 } }\n')))).toEqual([]);
    const criteria = edit(
      VALID.replace(/minScore: \d+\n/g, 'when: { fact: spend, operator: greaterThan, value: 0 }\n'),
      'method: thresholds',
      'method: criteria',
    );
    const onCriteria = `${criteria}rerating:\n  hold: { vip: { minScore: 85 } }\n`;
    expect(codes(check(onCriteria))).toContain('TW0510');
  });

  it('reads calendar periods in months', () => {
    expect([
      calendarMonths('P1M'),
      calendarMonths('P3M'),
      calendarMonths('P6M'),
      calendarMonths('P1Y'),
      calendarMonths('P12M'),
    ]).toEqual([1, 3, 6, 12, 12]);
    expect([
      calendarMonths('P5M'),
      calendarMonths('P1M1D'),
      calendarMonths('P2Y'),
      calendarMonths('P1.5M'),
    ]).toEqual([undefined, undefined, undefined, undefined]);
  });
});
