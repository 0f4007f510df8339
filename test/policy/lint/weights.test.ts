import { describe, expect, it } from 'vitest';
import { check, codes, edit, only, positionOf, VALID, where } from '../../helpers/policy.js';

describe('weights', () => {
  it('reports dimension weights that do not sum to 100 at the dimensions key', () => {
    const text = edit(VALID, 'weight: 30\n', 'weight: 20\n');
    const d = only(check(text), 'TW0203');
    expect(d.message).toBe('dimension weights sum to 90, not 100 (value 70 + potential 20)');
    expect(where(d)).toBe(positionOf(text, 'dimensions:'));
    expect(where(d)).toBe('12:1');
    expect(d.pointer).toBe('/dimensions');
  });

  it('reports metric weights inside one dimension', () => {
    const text = edit(VALID, 'weight: 40', 'weight: 45');
    const d = only(check(text), 'TW0203');
    expect(d.message).toContain("metric of 'value' weights sum to 105");
    expect(where(d)).toBe(positionOf(text, 'metrics:'));
  });

  it('reports a negative weight at its value', () => {
    const text = edit(edit(VALID, 'weight: 60,', 'weight: 110,'), 'weight: 40', 'weight: -10');
    const d = only(check(text), 'TW0204');
    expect(where(d)).toBe(positionOf(text, '-10'));
    expect(codes(check(text))).not.toContain('TW0203');
  });

  it('warns about a zero weight', () => {
    const text = edit(edit(VALID, 'weight: 60,', 'weight: 100,'), 'weight: 40', 'weight: 0');
    const d = only(check(text), 'TW0212');
    expect(d.severity).toBe('warning');
    expect(check(text).policy).toBeDefined();
  });

  it('accepts decimal weights that sum to 100 despite binary rounding', () => {
    const text = edit(edit(VALID, 'weight: 60,', 'weight: 33.3,'), 'weight: 40', 'weight: 66.7');
    expect(check(text).diagnostics).toEqual([]);
  });
});
