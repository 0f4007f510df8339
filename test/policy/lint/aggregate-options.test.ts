import { describe, expect, it } from 'vitest';
import { check, edit, positionOf, VALID, where } from '../../helpers/policy.js';

/** VALID with one more fact, aggregated from a transaction log. */
function withFact(yaml: string): string {
  return edit(
    VALID,
    'industry: { type: enum, values: [high, medium, low] }',
    `industry: { type: enum, values: [high, medium, low] }\n  extra: ${yaml}`,
  ).replace(
    'tiers:',
    'sources:\n  transactions: { customer: id, date: day, fields: { amount: { column: amt } } }\ntiers:',
  );
}

function findings(yaml: string) {
  const text = withFact(yaml);
  return {
    text,
    found: check(text)
      .diagnostics.filter((d) => d.code === 'TW0211' || d.code === 'TW0202')
      .map((d) => ({ code: d.code, message: d.message, at: where(d) })),
  };
}

describe('aggregate options and the types aggregates give', () => {
  it('accepts the lifetimes summary facts', () => {
    for (const yaml of [
      '{ type: integer, from: transactions, aggregate: count, per: week, excludeFirst: true }',
      '{ type: number, from: transactions, aggregate: avg, of: amount, per: day, excludeFirst: true }',
      '{ type: integer, from: transactions, aggregate: age, per: week }',
      '{ type: number, from: transactions, aggregate: span, per: month, fractional: true }',
      '{ type: date, from: transactions, aggregate: firstDate }',
      '{ type: date, from: transactions, aggregate: lastDate, window: P12M }',
    ])
      expect(findings(yaml).found, yaml).toEqual([]);
  });

  it('reports excludeFirst without per at excludeFirst (TW0211)', () => {
    const { text, found } = findings(
      '{ type: integer, from: transactions, aggregate: count, excludeFirst: true }',
    );
    expect(found).toEqual([
      {
        code: 'TW0211',
        message: "excludeFirst leaves out the customer's first purchase period, so it needs per",
        at: positionOf(text, 'excludeFirst'),
      },
    ]);
  });

  it('reports per, excludeFirst and fractional where they mean nothing (TW0211)', () => {
    expect(
      findings('{ type: integer, from: transactions, aggregate: distinctDays, per: week }').found,
    ).toEqual([
      expect.objectContaining({ code: 'TW0211', message: "per does not apply to aggregate 'distinctDays'" }),
    ]);
    expect(
      findings('{ type: integer, from: transactions, aggregate: age, excludeFirst: true }').found,
    ).toEqual([
      expect.objectContaining({ code: 'TW0211', message: "excludeFirst does not apply to aggregate 'age'" }),
    ]);
    expect(
      findings('{ type: number, from: transactions, aggregate: sum, of: amount, fractional: true }').found,
    ).toEqual([
      expect.objectContaining({ code: 'TW0211', message: "fractional does not apply to aggregate 'sum'" }),
    ]);
    expect(findings('{ type: integer, per: week }').found).toEqual([
      expect.objectContaining({
        code: 'TW0211',
        message: "per describes an aggregate, but 'extra' has no `aggregate`",
      }),
    ]);
  });

  it('reports a date aggregate on a non-date fact and a number aggregate on a date fact (TW0202)', () => {
    const date = findings('{ type: number, from: transactions, aggregate: firstDate }');
    expect(date.found).toEqual([
      {
        code: 'TW0202',
        message: "aggregate 'firstDate' gives a date, but the fact is number",
        at: positionOf(date.text, 'number, from: transactions, aggregate: firstDate'),
      },
    ]);
    expect(findings('{ type: date, from: transactions, aggregate: count }').found).toEqual([
      expect.objectContaining({
        code: 'TW0202',
        message: "aggregate 'count' gives a number, but the fact is date",
      }),
    ]);
    expect(findings('{ type: string, from: transactions, aggregate: daysSinceLast }').found).toEqual([
      expect.objectContaining({ code: 'TW0202' }),
    ]);
  });

  it('reports fractional on an integer fact (TW0202)', () => {
    expect(
      findings('{ type: integer, from: transactions, aggregate: age, per: week, fractional: true }').found,
    ).toEqual([
      expect.objectContaining({
        code: 'TW0202',
        message: 'fractional age gives fractions, but the fact is integer',
      }),
    ]);
  });
});
