import { describe, expect, it } from 'vitest';
import { servicePlan } from '../../src/plan/plan.js';
import type { PlanItem } from '../../src/plan/types.js';
import { planWindow } from '../../src/plan/window.js';
import type { TierState } from '../../src/rerate/types.js';
import { day, formatDay, held, seed004Policy } from './fixture.js';

async function plan(states: TierState[], from: string, horizon = 'P3M') {
  const policy = await seed004Policy();
  const window = planWindow(from, horizon, 'Asia/Shanghai');
  if ('code' in window) throw new Error(window.message);
  return servicePlan({ policy, states, ...window, horizon });
}

const brief = (items: PlanItem[] = []) =>
  items.map(
    (i) =>
      `${formatDay(i.day)} ${i.customer} ${i.action}${i.due !== i.day ? ` (due ${formatDay(i.due)})` : ''}`,
  );

describe('the service plan of seed 004', () => {
  it('moves a VIP visit due on National Day 2025 (1–8 October) to Thursday 9 October; the review stays', async () => {
    const result = await plan([held('C1', 'vip', '2025-07-01', { manager: 'mgr-wang' })], '2025-09-15');
    expect(result.diagnostics).toEqual([]);
    expect(brief(result.plan?.items)).toEqual([
      '2025-10-01 C1 tier-review',
      '2025-10-09 C1 executive-visit (due 2025-10-01)',
    ]);
    const visit = result.plan!.items[1]!;
    expect(visit).toMatchObject({
      manager: 'mgr-wang',
      tier: 'vip',
      tierLabel: { en: 'VIP', 'zh-CN': 'VIP客户' },
      kind: 'contact',
      label: { en: 'Executive visit', 'zh-CN': '高层拜访' },
      channel: 'on-site',
      every: 'P3M',
    });
    expect(result.plan?.calendars).toEqual([{ id: 'cn-mainland', version: '2026.1' }]);
  });

  it('keeps a contact on a make-up working Saturday or Sunday (调休) and moves one off a plain Sunday', async () => {
    const result = await plan(
      [
        held('SAT', 'key', '2025-07-11'), // 2025-10-11: make-up Saturday
        held('SUN', 'key', '2025-08-28'), // 2025-09-28: make-up Sunday
        held('OFF', 'key', '2025-07-12'), // 2025-10-12: Sunday
      ],
      '2025-09-20',
      'P1M',
    );
    expect(brief(result.plan?.items)).toEqual([
      '2025-09-28 SUN service-review',
      '2025-10-11 SAT service-review',
      '2025-10-13 OFF service-review (due 2025-10-12)',
    ]);
  });

  it('lists from --from (inclusive) to the horizon’s end (exclusive), by the working day', async () => {
    const key = held('K', 'key', '2025-08-30'); // due 09-30, 10-30, 11-30 (Sunday → 12-01)
    expect(brief((await plan([key], '2025-09-30', 'P1M')).plan?.items)).toEqual([
      '2025-09-30 K service-review',
    ]);
    expect(brief((await plan([key], '2025-10-01', 'P1M')).plan?.items)).toEqual([
      '2025-10-30 K service-review',
    ]);
    expect(brief((await plan([key], '2025-11-30', 'P2D')).plan?.items)).toEqual([
      '2025-12-01 K service-review (due 2025-11-30)',
    ]);
    // due before --from, on the calendar after it: listed on its working day
    const vip = held('V', 'vip', '2025-07-01');
    expect(brief((await plan([vip], '2025-10-05', 'P1W')).plan?.items)).toEqual([
      '2025-10-05 V tier-review (due 2025-10-01)',
      '2025-10-09 V executive-visit (due 2025-10-01)',
    ]);
  });

  it('adds the day a grace ends, with the tier the customer may fall to', async () => {
    const state = held('G', 'key', '2025-08-31', { graceTier: 'standard', graceUntil: day('2025-11-30') });
    const items = (await plan([state], '2025-11-15', 'P1M')).plan!.items;
    expect(brief(items)).toEqual(['2025-11-30 G grace-ends', '2025-12-01 G service-review (due 2025-11-30)']);
    expect(items[0]).toMatchObject({
      kind: 'grace-end',
      graceTier: 'standard',
      label: { en: 'Grace ends', 'zh-CN': '宽限期结束' },
    });
    expect(brief((await plan([state], '2025-12-01', 'P1M')).plan!.items)).not.toContain(
      '2025-11-30 G grace-ends',
    );
  });

  it('gives a tier without cadence only its review, and names no one the manager of "unassigned"', async () => {
    const result = await plan([held('S', 'standard', '2025-04-01')], '2025-09-15');
    expect(brief(result.plan?.items)).toEqual(['2025-10-01 S tier-review']);
    expect(result.plan?.items[0]?.manager).toBe('unassigned');
  });

  it('plans nothing for a customer without a tier or a rating date, and says so once (TW1450)', async () => {
    const result = await plan(
      [
        { customer: 'N1', flags: [] },
        { customer: 'N2', tier: 'vip', flags: [] },
      ],
      '2025-09-15',
    );
    expect(result.plan?.items).toEqual([]);
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([['TW1450', 'warning']]);
    expect(result.diagnostics[0]?.message).toContain('N1');
  });

  it('refuses a contact in a year the calendar does not cover (TW1401), never an ordinary week', async () => {
    const result = await plan([held('K', 'key', '2026-10-15')], '2026-11-01');
    expect(result.plan).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(['TW1401']);
    expect(result.diagnostics[0]?.message).toContain('2027-01-15');
  });

  it('starts a plan on the first covered days without asking about the year before', async () => {
    const result = await plan([held('K', 'key', '2023-11-20')], '2024-01-02', 'P1M');
    expect(result.diagnostics).toEqual([]);
    expect(brief(result.plan?.items)).toEqual(['2024-01-22 K service-review (due 2024-01-20)']);
  });

  it('keeps an event id across runs and across a re-rating within the same period', async () => {
    const a = (await plan([held('K', 'key', '2025-07-11')], '2025-09-15')).plan!.items;
    const b = (await plan([held('K', 'key', '2025-07-11')], '2025-10-01')).plan!.items;
    const november = (items: PlanItem[]) => items.find((i) => formatDay(i.day) === '2025-11-11')?.uid;
    expect(november(a)).toBeDefined();
    expect(november(b)).toBe(november(a));
    const rerated = (await plan([held('K', 'key', '2025-08-05')], '2025-10-01')).plan!.items;
    const novemberContact = rerated.find((i) => formatDay(i.due) === '2025-11-05');
    expect(novemberContact?.uid).toBe(november(a));
    expect(new Set(a.map((i) => i.uid)).size).toBe(a.length);
  });
});

describe('the plan window', () => {
  it('reads --from as a date and the horizon as a positive duration (TW1451 otherwise)', () => {
    expect(planWindow('2025-10-01', 'P3M', 'Asia/Shanghai')).toEqual({
      from: day('2025-10-01'),
      until: day('2026-01-01'),
    });
    for (const [from, horizon] of [
      ['2025-02-30', 'P3M'],
      ['1/10/2025', 'P3M'],
      ['2025-10-01', 'P0D'],
      ['2025-10-01', '3 months'],
    ] as const) {
      const bad = planWindow(from, horizon, 'Asia/Shanghai');
      expect('code' in bad && bad.code).toBe('TW1451');
    }
  });

  it('starts today in the policy’s zone when --from is not given', () => {
    // 2025-09-30T17:00Z is already 1 October in Shanghai
    const now = Date.parse('2025-09-30T17:00:00Z');
    expect(planWindow(undefined, 'P1D', 'Asia/Shanghai', now)).toEqual({
      from: day('2025-10-01'),
      until: day('2025-10-02'),
    });
    expect(planWindow(undefined, 'P1D', 'Europe/Berlin', now)).toMatchObject({ from: day('2025-09-30') });
  });
});
