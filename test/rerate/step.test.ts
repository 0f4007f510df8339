import { describe, expect, it } from 'vitest';
import { dayNumber, formatDay } from '../../src/facts/calendar.js';
import type { Policy } from '../../src/policy/schema/policy.js';
import { nextPeriodClose, nextReview, rerateRules } from '../../src/rerate/rules.js';
import { rerateCustomer } from '../../src/rerate/step.js';
import type { Computed, TierState } from '../../src/rerate/types.js';

const day = (text: string) => {
  const [y, m, d] = text.split('-').map(Number);
  return dayNumber(y!, m!, d!);
};

function rules(rerating: Policy['rerating']) {
  return rerateRules({
    tiers: {
      method: 'thresholds',
      levels: [
        { id: 'vip', minScore: 90 },
        { id: 'key', minScore: 70 },
        { id: 'standard', minScore: 50 },
        { id: 'watch' },
      ],
    },
    rerating,
  } as unknown as Policy);
}

const SEED004 = { every: { vip: 'P3M', default: 'P6M' } };
const at = (level: number, score: number, extra: Partial<Computed> = {}): Computed => ({
  level,
  score,
  triggers: [],
  rerate: false,
  flags: [],
  ...extra,
});
const held = (tier: string, ratedAt: string, extra: Partial<TierState> = {}): TierState => ({
  customer: 'C1',
  tier,
  ratedAt: day(ratedAt),
  flags: [],
  ...extra,
});
const step = (r: ReturnType<typeof rules>, prev: TierState | undefined, c: Computed, on: string) =>
  rerateCustomer(r, 'C1', prev, c, day(on));
const types = (s: ReturnType<typeof step>) => s.events.map((e) => e.type);

describe('when a review falls due', () => {
  it('counts the cadence from the last rating, clamping month ends', () => {
    const r = rules(SEED004);
    expect(formatDay(nextReview(r, 0, day('2026-02-10'))!)).toBe('2026-05-10');
    expect(formatDay(nextReview(r, 1, day('2026-02-10'))!)).toBe('2026-08-10');
    expect(formatDay(nextReview(rules({ every: { default: 'P1M' } }), 2, day('2024-01-31'))!)).toBe(
      '2024-02-29',
    );
    expect(nextReview(rules({ every: { vip: 'P3M' } }), 2, day('2024-01-31'))).toBeUndefined();
  });

  it('anchored to the calendar: the close of the quarter or half-year after the rating', () => {
    const r = rules({ ...SEED004, anchor: 'calendar' });
    expect(formatDay(nextReview(r, 0, day('2026-02-10'))!)).toBe('2026-03-31');
    expect(formatDay(nextReview(r, 0, day('2026-03-31'))!)).toBe('2026-06-30');
    expect(formatDay(nextReview(r, 0, day('2026-04-01'))!)).toBe('2026-06-30');
    expect(formatDay(nextReview(r, 1, day('2026-06-30'))!)).toBe('2026-12-31');
    expect(formatDay(nextReview(r, 1, day('2026-11-30'))!)).toBe('2026-12-31');
    expect(formatDay(nextPeriodClose(day('2026-12-31'), 12))).toBe('2027-12-31');
    expect(formatDay(nextPeriodClose(day('2024-01-31'), 1))).toBe('2024-02-29');
  });
});

describe('moves between tiers (seed 004 defaults: upgrades at once, downgrades at the review)', () => {
  const r = rules(SEED004);

  it('rates a customer the state did not know', () => {
    const s = step(r, undefined, at(1, 75), '2026-01-31');
    expect(s.state).toMatchObject({ tier: 'key', ratedAt: day('2026-01-31'), score: 75 });
    expect(s.events).toEqual([
      { customer: 'C1', type: 'rated', at: day('2026-01-31'), to: 'key', score: 75, because: 'new' },
    ]);
  });

  it('upgrades between reviews, downgrades only when the review is due', () => {
    expect(types(step(r, held('key', '2026-01-31'), at(0, 92), '2026-02-28'))).toEqual(['upgrade']);
    const early = step(r, held('vip', '2026-01-31'), at(1, 80), '2026-02-28');
    expect(early.events).toEqual([]);
    expect(early.state.tier).toBe('vip');
    const due = step(r, held('vip', '2026-01-31'), at(2, 55), '2026-04-30');
    expect(due.events[0]).toMatchObject({ type: 'downgrade', from: 'vip', to: 'standard', because: 'due' });
    expect(due.state.ratedAt).toBe(day('2026-04-30'));
  });

  it('a due review that keeps the tier is a review; a trigger makes one at once', () => {
    expect(types(step(r, held('key', '2026-01-31'), at(1, 75), '2026-07-31'))).toEqual(['reviewed']);
    const t = step(
      r,
      held('vip', '2026-01-31'),
      at(3, 30, { rerate: true, triggers: ['spend-drop'] }),
      '2026-02-28',
    );
    expect(types(t)).toEqual(['triggered', 'downgrade']);
    expect(t.events[1]).toMatchObject({ to: 'watch', because: 'trigger' });
  });

  it('flags raised and cleared by triggers are events, and stay on the state while they hold', () => {
    const on = step(
      r,
      held('key', '2026-01-31'),
      at(1, 72, { flags: ['churn-warning'], triggers: ['dormant'] }),
      '2026-02-28',
    );
    expect(on.events).toMatchObject([{ type: 'flagged', flag: 'churn-warning', triggers: ['dormant'] }]);
    expect(on.state.flags).toEqual(['churn-warning']);
    const still = step(r, on.state, at(1, 72, { flags: ['churn-warning'] }), '2026-03-31');
    expect(still.events).toEqual([]);
    expect(types(step(r, on.state, at(1, 72), '2026-03-31'))).toEqual(['cleared']);
  });

  it('keeps the state of a customer the policy leaves without a tier', () => {
    const s = step(r, held('vip', '2026-01-31'), { triggers: [], rerate: false, flags: [] }, '2026-06-30');
    expect(types(s)).toEqual(['undecided']);
    expect(s.state.tier).toBe('vip');
  });
});

describe('the policy says how tiers move', () => {
  it('upgrades at the review only', () => {
    const r = rules({ ...SEED004, upgrade: { when: 'review' } });
    expect(step(r, held('key', '2026-01-31'), at(0, 95), '2026-02-28').events).toEqual([]);
    expect(types(step(r, held('key', '2026-01-31'), at(0, 95), '2026-07-31'))).toEqual(['upgrade']);
  });

  it('downgrades one step at a time, immediately', () => {
    const r = rules({ ...SEED004, downgrade: { when: 'immediate', steps: 1 } });
    const first = step(r, held('vip', '2026-01-31'), at(3, 20), '2026-02-28');
    expect(first.events[0]).toMatchObject({
      type: 'downgrade',
      from: 'vip',
      to: 'key',
      because: 'immediate',
    });
    const second = step(r, first.state, at(3, 20), '2026-03-31');
    expect(second.events[0]).toMatchObject({ from: 'key', to: 'standard' });
  });

  it('holds a customer in the band, lets them fall below it', () => {
    const r = rules({ ...SEED004, hold: { vip: { minScore: 85 } } });
    const inBand = step(r, held('vip', '2026-01-31'), at(1, 86), '2026-04-30');
    expect(inBand.events[0]).toMatchObject({ type: 'held', hold: 85, score: 86 });
    expect(inBand.state).toMatchObject({ tier: 'vip', ratedAt: day('2026-04-30') });
    const below = step(r, held('vip', '2026-01-31'), at(1, 84), '2026-04-30');
    expect(below.events[0]).toMatchObject({ type: 'downgrade', to: 'key' });
  });

  it('keeps the tier through the grace, then falls; recovering ends the grace', () => {
    const r = rules({ ...SEED004, downgrade: { grace: 'P2M' } });
    const g = step(r, held('vip', '2026-01-31'), at(1, 80), '2026-04-30');
    expect(g.events[0]).toMatchObject({ type: 'grace', to: 'key', graceUntil: day('2026-06-30') });
    expect(g.state).toMatchObject({ tier: 'vip', graceTier: 'key', graceUntil: day('2026-06-30') });
    const during = step(r, g.state, at(2, 60), '2026-05-31');
    expect(during.events).toEqual([]);
    expect(during.state.graceTier).toBe('standard');
    const after = step(r, during.state, at(1, 75), '2026-06-30');
    expect(after.events[0]).toMatchObject({ type: 'downgrade', from: 'vip', to: 'key', because: 'grace' });
    expect(after.state.graceUntil).toBeUndefined();
    const back = step(r, g.state, at(0, 93), '2026-05-31');
    expect(types(back)).toEqual(['recovered']);
    expect(back.state).toMatchObject({ tier: 'vip' });
    expect(back.state.graceUntil).toBeUndefined();
  });
});
