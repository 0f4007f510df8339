import { describe, expect, it } from 'vitest';
import { compileBatch } from '../../src/compile/batch.js';
import { compilePolicy } from '../../src/compile/policy.js';
import { DATE_COMPARISONS } from '../../src/engine/conditions/date-operators.js';
import { type CustomerInput, type CustomerResult, ReferenceEvaluator } from '../../src/engine/evaluate.js';
import { type AsOf, isAsOf, parseAsOf } from '../../src/facts/asof.js';
import { policyOf } from './policies.js';

const label = (id: string) => `{ zh-CN: 标签${id}, en: Label ${id} }`;

const POLICY = `apiVersion: tierwise/v1
kind: TierPolicy
metadata: { name: dates, version: 1.0.0, labels: ${label('p')}, timezone: Asia/Shanghai }
facts:
  id: { type: string, key: true }
  lastPurchase: { type: date }
  firstPurchase: { type: date }
  contractEnd: { type: date }
  recency: { type: integer, unit: days, expr: daysSince(lastPurchase) }
classifiers:
  stale:
    label: ${label('st')}
    pick: all
    rules:
      - { id: stale, label: ${label('st')}, when: { fact: recency, operator: greaterThanInclusive, value: 90 } }
  activity:
    label: ${label('a')}
    pick: all
    rules:
      - { id: lapsed, label: ${label('l')}, when: { fact: lastPurchase, operator: onOrBefore, value: { ago: P90D } } }
      - { id: active, label: ${label('x')}, when: { fact: lastPurchase, operator: after, value: { ago: P90D } } }
      - { id: since2024, label: ${label('s')}, when: { fact: firstPurchase, operator: onOrAfter, value: '2024-01-01' } }
      - { id: old, label: ${label('o')}, when: { fact: firstPurchase, operator: before, value: '2023-01-01T00:00:00+08:00' } }
      - { id: renewed, label: ${label('r')}, when: { fact: contractEnd, operator: after, value: { fact: lastPurchase } } }
      - { id: sameDay, label: ${label('d')}, when: { all: [ { fact: contractEnd, operator: onOrAfter, value: { fact: lastPurchase } }, { fact: contractEnd, operator: onOrBefore, value: { fact: lastPurchase } } ] } }
tiers:
  method: criteria
  levels:
    - id: recent
      label: ${label('1')}
      when: { fact: lastPurchase, operator: after, value: { ago: P30D } }
    - id: lapsing
      label: ${label('2')}
      when: { fact: lastPurchase, operator: after, value: { ago: P90D } }
    - id: gone
      label: ${label('3')}
      otherwise: true
rerating:
  every: { default: P6M }
  triggers:
    - id: lapse
      label: ${label('t')}
      when: { fact: lastPurchase, operator: onOrBefore, value: { ago: P90D } }
      then: { rerate: true }
`;

const asOf = (text: string, timezone = 'Asia/Shanghai'): AsOf => {
  const parsed = parseAsOf(text, { timezone });
  if (!isAsOf(parsed)) throw new Error(text);
  return parsed;
};

const customer = (id: string, facts: Record<string, unknown>): CustomerInput => ({
  id,
  facts: { id, ...facts },
});

const PEOPLE: CustomerInput[] = [
  // As of 2024-03-01 in Shanghai, P90D back is 2023-12-02T23:59:59.999+08:00.
  customer('edge-in', { lastPurchase: '2023-12-02T23:59:59.999+08:00' }),
  customer('edge-out', { lastPurchase: '2023-12-03T00:00:00+08:00' }),
  customer('edge-in-utc', { lastPurchase: '2023-12-02T15:59:59.999Z' }),
  customer('edge-out-utc', { lastPurchase: '2023-12-02T16:00:00Z' }),
  customer('date-only', { lastPurchase: '2023-12-02' }),
  customer('today', { lastPurchase: '2024-03-01', firstPurchase: '2024-01-01' }),
  customer('missing', {}),
  customer('unreadable', { lastPurchase: '2023-02-29', firstPurchase: 'yesterday' }),
  customer('new-year', { lastPurchase: '2024-02-20', firstPurchase: '2023-12-31T23:59:59+08:00' }),
  customer('old', { lastPurchase: '2024-02-20', firstPurchase: '2022-12-31T15:59:59Z' }),
  customer('not-old', { lastPurchase: '2024-02-20', firstPurchase: '2022-12-31T16:00:00Z' }),
  customer('renewed', { lastPurchase: '2024-02-20', contractEnd: '2024-02-21' }),
  customer('same', { lastPurchase: '2024-02-20T08:00:00+08:00', contractEnd: '2024-02-20T00:00:00Z' }),
  customer('no-contract', { lastPurchase: '2024-02-20' }),
];

const summary = (r: CustomerResult) => ({
  customer: r.customer,
  tier: r.tier,
  classes: r.classes,
  triggers: r.triggers,
  rerate: r.rerate,
});

async function both(people: CustomerInput[], at?: AsOf) {
  const policy = policyOf(POLICY);
  const reference = (await new ReferenceEvaluator(policy).evaluate(people, { asOf: at })).map(summary);
  const compiled = compilePolicy(policy).evaluate(people, { asOf: at }).map(summary);
  expect(compiled).toEqual(reference);
  return new Map(reference.map((r) => [r.customer, r]));
}

const activity = (r: { classes: unknown } | undefined) =>
  ((r?.classes as Record<string, string[]> | undefined)?.activity ?? []).slice().sort();

describe('date conditions as of 2024-03-01', () => {
  it('onOrBefore { ago: P90D } holds exactly outside the P90D window, on both paths', async () => {
    const r = await both(PEOPLE, asOf('2024-03-01'));
    expect(activity(r.get('edge-in'))).toEqual(['lapsed']);
    expect(activity(r.get('edge-out'))).toEqual(['active']);
    expect(activity(r.get('edge-in-utc'))).toEqual(['lapsed']);
    expect(activity(r.get('edge-out-utc'))).toEqual(['active']);
    expect(activity(r.get('date-only'))).toEqual(['lapsed']);
  });

  it('criteria tiers read dates back from the as-of', async () => {
    const r = await both(PEOPLE, asOf('2024-03-01'));
    expect(r.get('today')?.tier).toBe('recent');
    expect(r.get('edge-out')?.tier).toBe('lapsing');
    expect(r.get('edge-in')?.tier).toBe('gone');
    expect(r.get('missing')?.tier).toBe('gone');
  });

  it('triggers fire on a date condition', async () => {
    const r = await both(PEOPLE, asOf('2024-03-01'));
    expect(r.get('edge-in')?.rerate).toBe(true);
    expect(r.get('edge-out')?.rerate).not.toBe(true);
    expect(r.get('missing')?.rerate).not.toBe(true);
  });

  it('a written date is the start of its day in the zone; before is strict, onOrAfter is not', async () => {
    const r = await both(PEOPLE, asOf('2024-03-01'));
    expect(activity(r.get('today'))).toEqual(['active', 'since2024']);
    expect(activity(r.get('new-year'))).toEqual(['active']);
    expect(activity(r.get('old'))).toEqual(['active', 'old']);
    expect(activity(r.get('not-old'))).toEqual(['active']);
  });

  it('a missing or unreadable date makes every comparison false', async () => {
    const r = await both(PEOPLE, asOf('2024-03-01'));
    expect(activity(r.get('missing'))).toEqual([]);
    expect(activity(r.get('unreadable'))).toEqual([]);
    expect(activity(r.get('no-contract'))).toEqual(['active']);
  });

  it('compares a date fact with another date fact, as instants', async () => {
    const r = await both(PEOPLE, asOf('2024-03-01'));
    expect(activity(r.get('renewed'))).toEqual(['active', 'renewed']);
    // 2024-02-20T08:00+08:00 and 2024-02-20T00:00Z are the same instant.
    expect(activity(r.get('same'))).toEqual(['active', 'sameDay']);
  });
});

describe('a derived daysSince against the same window', () => {
  it('is 90 or more exactly when the date is on or before { ago: P90D }', async () => {
    for (const date of ['2024-03-01', '2024-03-02']) {
      const r = await both(PEOPLE, asOf(date));
      for (const [id, result] of r) {
        const stale = ((result.classes as Record<string, string[]>).stale ?? []).includes('stale');
        expect(stale, `${id} as of ${date}`).toBe(activity(result).includes('lapsed'));
      }
    }
  });
});

describe('the as-of given to evaluate() is what { ago } measures from', () => {
  it('a day later, the first day inside the window falls out of it', async () => {
    const r = await both(PEOPLE, asOf('2024-03-02'));
    expect(activity(r.get('edge-out'))).toEqual(['lapsed']);
    expect(r.get('edge-out')?.rerate).toBe(true);
    expect(r.get('today')?.tier).toBe('recent');
  });

  it('an as-of date-time measures from that instant', async () => {
    const r = await both(PEOPLE, asOf('2024-03-01T12:00:00+08:00'));
    // 90 days before 2024-03-01T12:00+08:00 is 2023-12-02T12:00+08:00.
    const edge = [
      customer('at', { lastPurchase: '2023-12-02T12:00:00+08:00' }),
      customer('after', { lastPurchase: '2023-12-02T12:00:00.001+08:00' }),
    ];
    const e = await both(edge, asOf('2024-03-01T12:00:00+08:00'));
    expect(activity(e.get('at'))).toEqual(['lapsed']);
    expect(activity(e.get('after'))).toEqual(['active']);
    // Later that same day is inside the window when it is measured from noon.
    expect(activity(r.get('edge-in'))).toEqual(['active']);
  });

  it('one evaluator answers for several as-ofs in turn', async () => {
    const policy = policyOf(POLICY);
    const reference = new ReferenceEvaluator(policy);
    const compiled = compilePolicy(policy);
    const person = [customer('p', { lastPurchase: '2023-12-03T00:00:00+08:00' })];
    for (const [date, lapsed] of [
      ['2024-03-01', false],
      ['2024-03-02', true],
      ['2024-03-01', false],
    ] as const) {
      const a = (await reference.evaluate(person, { asOf: asOf(date) }))[0]!;
      const b = compiled.evaluate(person, { asOf: asOf(date) })[0]!;
      expect(activity(a).includes('lapsed'), date).toBe(lapsed);
      expect(summary(b)).toEqual(summary(a));
    }
  });
});

describe('the batch path over columns', () => {
  it('gives the criteria tiers of the per-customer paths, as of two dates', () => {
    const policy = policyOf(POLICY);
    const ids = Object.keys(policy.facts!);
    const columns = {
      length: PEOPLE.length,
      keys: PEOPLE.map((c) => c.id),
      facts: Object.fromEntries(ids.map((id) => [id, PEOPLE.map((c) => c.facts[id])])),
    };
    const levels = policy.tiers!.levels.map((l) => l.id);
    for (const date of ['2024-03-01', '2024-03-02']) {
      const at = asOf(date);
      const batch = compileBatch(policy, { asOf: at }).run(columns);
      const compiled = compilePolicy(policy).evaluate(PEOPLE, { asOf: at });
      expect(Array.from(batch.tier, (k) => levels[k])).toEqual(compiled.map((r) => r.tier));
    }
  });
});

describe('a derived date fact', () => {
  it('compares its default as a date when its expression gives none', async () => {
    const text = POLICY.replace(
      '  contractEnd: { type: date }\n',
      "  contractEnd: { type: date }\n  latest: { type: date, expr: 'max(lastPurchase, contractEnd)', default: '2020-01-01' }\n",
    ).replace(
      '      - { id: lapsed,',
      `      - { id: ancient, label: ${label('an')}, when: { fact: latest, operator: before, value: '2021-01-01' } }\n      - { id: lapsed,`,
    );
    const policy = policyOf(text);
    const people = [
      customer('none', {}),
      customer('some', { lastPurchase: '2024-02-01', contractEnd: '2024-01-01' }),
    ];
    const at = asOf('2024-03-01');
    const reference = await new ReferenceEvaluator(policy).evaluate(people, { asOf: at });
    const compiled = compilePolicy(policy).evaluate(people, { asOf: at });
    expect(compiled.map(summary)).toEqual(reference.map(summary));
    expect(activity(reference[0])).toEqual(['ancient']);
    expect(activity(reference[1])).toEqual(['active']);
  });
});

describe('the date operators on instants', () => {
  it('are false for anything that is not an instant', () => {
    for (const op of Object.values(DATE_COMPARISONS)) {
      expect(op(undefined, 1)).toBe(false);
      expect(op(1, undefined)).toBe(false);
      expect(op(Number.NaN, 1)).toBe(false);
      expect(op('2024-01-01', 1)).toBe(false);
      expect(op(1, Number.POSITIVE_INFINITY)).toBe(false);
    }
    expect(DATE_COMPARISONS.before(1, 2)).toBe(true);
    expect(DATE_COMPARISONS.before(2, 2)).toBe(false);
    expect(DATE_COMPARISONS.onOrBefore(2, 2)).toBe(true);
    expect(DATE_COMPARISONS.after(2, 2)).toBe(false);
    expect(DATE_COMPARISONS.onOrAfter(2, 2)).toBe(true);
  });
});
