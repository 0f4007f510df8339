import { describe, expect, it } from 'vitest';
import {
  type CalibrateAnswer,
  type DiffAnswer,
  labelOf,
  occupied,
  tierRows,
  tornadoRows,
} from '../../../ui/src/whatif/model.js';

const tier = (id: string, customers: number) => ({
  tier: id,
  customers,
  share: customers / 10,
  label: { en: id.toUpperCase(), 'zh-CN': `${id}级` },
});

describe('the what-if’s reshaping of server answers', () => {
  it('pairs published and draft tiers in the draft’s order, keeping a tier only one side has', () => {
    const rows = tierRows({
      simulations: {
        from: { customers: 10, tiers: [tier('vip', 1), tier('old', 9)], totals: { customers: 10 } },
        to: { customers: 10, tiers: [tier('vip', 4), tier('key', 6)], totals: { customers: 10 } },
      },
    } as Pick<DiffAnswer, 'simulations'>);
    expect(rows.map((r) => [r.tier, r.before?.customers, r.after?.customers])).toEqual([
      ['vip', 1, 4],
      ['key', undefined, 6],
      ['old', 9, undefined],
    ]);
  });

  it('labels in the language shown, falling back to the other, then the id', () => {
    expect(labelOf({ en: 'VIP', 'zh-CN': 'VIP客户' }, 'vip', 'zh-CN')).toBe('VIP客户');
    expect(labelOf({ en: 'VIP' }, 'vip', 'zh-CN')).toBe('VIP');
    expect(labelOf(undefined, 'vip', 'en')).toBe('vip');
  });

  it('keeps the matrix rows and columns somebody is in', () => {
    const matrix = {
      tiers: ['vip', 'key', '(no tier)'],
      counts: {
        vip: { vip: 1, key: 0, '(no tier)': 0 },
        key: { vip: 2, key: 0, '(no tier)': 0 },
        '(no tier)': {},
      },
      total: 3,
      upgrades: 2,
      downgrades: 0,
      unchanged: 1,
    } as DiffAnswer['matrix'];
    expect(occupied(matrix)).toEqual({ rows: ['vip', 'key'], columns: ['vip'] });
  });

  it('orders the tornado widest first, bars relative to the widest', () => {
    const answer = {
      thresholds: [],
      diagnostics: [],
      sensitivity: {
        step: 5,
        rows: [
          {
            weight: 'a',
            current: 50,
            minus: { weight: 45, changed: 10, up: 5, down: 5 },
            plus: { weight: 55, changed: 20, up: 0, down: 20 },
          },
          { weight: 'b', current: 50, minus: { weight: 45, changed: 40, up: 40, down: 0 } },
        ],
      },
    } as CalibrateAnswer;
    expect(tornadoRows(answer).map((r) => [r.weight, r.minusWidth, r.plusWidth])).toEqual([
      ['b', 1, 0],
      ['a', 0.25, 0.5],
    ]);
  });
});
