import { describe, expect, it } from 'vitest';
import { migrationMatrix, migrationText, NO_TIER } from '../../src/simulate/migration.js';

const ORDER = ['vip', 'key', 'standard', 'watch'];

describe('migrationMatrix', () => {
  it('counts each from × to cell and calls moves to a better tier upgrades', () => {
    const m = migrationMatrix(ORDER, [
      { from: 'key', to: 'vip' },
      { from: 'key', to: 'vip' },
      { from: 'vip', to: 'standard' },
      { from: 'watch', to: 'watch' },
    ]);
    expect(m.tiers).toEqual([...ORDER, NO_TIER]);
    expect(m.counts.key!.vip).toBe(2);
    expect(m.counts.vip!.standard).toBe(1);
    expect(m.counts.watch!.watch).toBe(1);
    expect(m.counts.vip!.vip).toBe(0);
    expect([m.upgrades, m.downgrades, m.unchanged, m.total]).toEqual([2, 1, 1, 4]);
    expect(m.revenue).toBeUndefined();
  });

  it('ranks no tier below every tier, and keeps a tier the order does not know', () => {
    const m = migrationMatrix(ORDER, [
      { from: undefined, to: 'watch' },
      { from: 'gold', to: undefined },
    ]);
    expect(m.tiers).toEqual([...ORDER, 'gold', NO_TIER]);
    expect(m.counts[NO_TIER]!.watch).toBe(1);
    expect(m.counts.gold![NO_TIER]).toBe(1);
    expect([m.upgrades, m.downgrades]).toEqual([1, 1]);
  });

  it('sums revenue per cell when moves carry it', () => {
    const m = migrationMatrix(ORDER, [
      { from: 'key', to: 'vip', revenue: 500_000 },
      { from: 'key', to: 'vip', revenue: 250_000.5 },
      { from: 'key', to: 'key' },
    ]);
    expect(m.revenue!.key!.vip).toBe(750_000.5);
    expect(m.revenue!.key!.key).toBe(0);
  });

  it('prints the matrix with a totals line', () => {
    const text = migrationText(migrationMatrix(['a', 'b'], [{ from: 'b', to: 'a' }]));
    expect(text[0]).toMatch(/^from \\ to\s+a\s+b\s+\(no tier\)$/);
    expect(text.at(-1)).toBe('1 up, 0 down, 0 unchanged of 1');
  });
});
