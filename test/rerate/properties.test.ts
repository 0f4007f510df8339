import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Policy } from '../../src/policy/schema/policy.js';
import { levelOf, nextReview, type RerateRules, rerateRules } from '../../src/rerate/rules.js';
import { rerateCustomer } from '../../src/rerate/step.js';
import type { Computed, TierState } from '../../src/rerate/types.js';
import { propertyRuns } from '../helpers/runs.js';

/**
 * What must hold whatever the rules and whatever the data says month after month: a customer
 * falls only when the rules let them, never further than `steps`, never while the band holds,
 * never before the grace's last day; a rating never lies in the future; a second run on the
 * same day with the same data changes nothing.
 */
const TIERS = ['vip', 'key', 'standard', 'watch'];
const MONTH_ENDS = Array.from({ length: 24 }, (_, i) => Date.UTC(2024, i + 1, 0) / 86_400_000);

const rulesArb = fc
  .record({
    anchor: fc.constantFrom('last-rating', 'calendar'),
    upgrade: fc.constantFrom('immediate', 'review'),
    downgrade: fc.constantFrom('review', 'immediate'),
    steps: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    grace: fc.option(fc.constantFrom('P1M', 'P2M', 'P15D'), { nil: undefined }),
    hold: fc.option(fc.integer({ min: 60, max: 89 }), { nil: undefined }),
    vip: fc.constantFrom('P1M', 'P3M', 'P6M'),
    rest: fc.option(fc.constantFrom('P3M', 'P6M', 'P1Y'), { nil: undefined }),
  })
  .map((r) =>
    rerateRules({
      tiers: { method: 'thresholds', levels: TIERS.map((id) => ({ id })) },
      rerating: {
        anchor: r.anchor,
        every: { vip: r.vip, ...(r.rest ? { default: r.rest } : {}) },
        upgrade: { when: r.upgrade },
        downgrade: {
          when: r.downgrade,
          ...(r.steps ? { steps: r.steps } : {}),
          ...(r.grace ? { grace: r.grace } : {}),
        },
        ...(r.hold !== undefined ? { hold: { vip: { minScore: r.hold } } } : {}),
      },
    } as unknown as Policy),
  );

const computedArb: fc.Arbitrary<Computed> = fc.record({
  level: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined, freq: 10 }),
  score: fc.integer({ min: 0, max: 100 }),
  rerate: fc.boolean(),
  flags: fc.subarray(['churn-warning']),
  triggers: fc.constant([] as string[]),
});

function walk(rules: RerateRules, months: readonly Computed[]) {
  let state: TierState | undefined;
  const steps: { prev: TierState | undefined; c: Computed; day: number; next: TierState; types: string[] }[] =
    [];
  months.forEach((c, i) => {
    const day = MONTH_ENDS[i]!;
    const out = rerateCustomer(rules, 'C1', state, c, day);
    steps.push({ prev: state, c, day, next: out.state, types: out.events.map((e) => e.type) });
    state = out.state;
  });
  return steps;
}

describe('re-rating properties', () => {
  it('falls only as the rules allow, and never rates in the future', () => {
    fc.assert(
      fc.property(rulesArb, fc.array(computedArb, { minLength: 1, maxLength: 24 }), (rules, months) => {
        for (const { prev, c, day, next, types } of walk(rules, months)) {
          expect(next.ratedAt === undefined || next.ratedAt <= day).toBe(true);
          if (prev?.tier === undefined) continue;
          const before = levelOf(rules, prev.tier);
          const after = levelOf(rules, next.tier);
          if (after > before) {
            // A fall: by at most `steps`, never past the computed tier, only when the rules let it.
            expect(after - before).toBeLessThanOrEqual(rules.steps);
            expect(after).toBeLessThanOrEqual(c.level!);
            const due = nextReview(rules, before, prev.ratedAt ?? day);
            const reviewed = (due !== undefined && due <= day) || c.rerate || prev.ratedAt === undefined;
            expect(reviewed || rules.downgrade === 'immediate' || prev.graceUntil !== undefined).toBe(true);
            if (rules.grace !== undefined)
              expect(prev.graceUntil !== undefined && prev.graceUntil <= day).toBe(true);
            const band = rules.hold.get(before);
            if (band !== undefined) expect(c.score! < band).toBe(true);
            expect(types).toContain('downgrade');
          }
          if (after < before) expect(types).toContain('upgrade');
          if (after === before) expect(types).not.toContain('downgrade');
        }
      }),
      { numRuns: propertyRuns(300, 3000) },
    );
  });

  it('a second run on the same day with the same data changes nothing', () => {
    fc.assert(
      fc.property(rulesArb, fc.array(computedArb, { minLength: 1, maxLength: 12 }), (rules, months) => {
        const steps = walk(rules, months);
        const last = steps.at(-1)!;
        const again = rerateCustomer(rules, 'C1', last.next, last.c, last.day);
        expect(again.state).toEqual(last.next);
        expect(
          again.events.filter(
            (e) =>
              e.type !== 'triggered' && e.type !== 'undecided' && e.type !== 'reviewed' && e.type !== 'held',
          ),
        ).toEqual([]);
      }),
      { numRuns: propertyRuns(300, 3000) },
    );
  });
});
