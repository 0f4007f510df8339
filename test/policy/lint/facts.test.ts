import { describe, expect, it } from 'vitest';
import { check, edit, only, positionOf, VALID, where } from '../../helpers/policy.js';

describe('fact declarations', () => {
  it('reports an enum without values', () => {
    const text = edit(
      VALID,
      'industry: { type: enum, values: [high, medium, low] }',
      'industry: { type: enum }',
    );
    const result = check(text);
    const d = result.diagnostics.find((x) => x.code === 'TW0211')!;
    expect(d.message).toBe("enum fact 'industry' lists no values");
    expect(where(d)).toBe(positionOf(text, 'type: enum'));
  });

  it('reports an aggregate without the field it reads, and accepts a column beside an aggregate', () => {
    const text = edit(
      VALID,
      'spend12m: { type: number, unit: CNY, min: 0, revenue: true }',
      'spend12m: { type: number, unit: CNY, min: 0, column: 消费, aggregate: sum, from: transactions }',
    );
    const messages = check(text)
      .diagnostics.filter((d) => d.code === 'TW0211')
      .map((d) => d.message);
    // The column holds the precomputed value, read when no transaction log is given.
    expect(messages).toEqual(["aggregate 'sum' needs the transaction field it reads"]);
  });

  it('reports a missing key fact and a default of the wrong type', () => {
    const noKey = edit(VALID, 'customerId: { type: string, key: true }', 'customerId: { type: string }');
    expect(only(check(noKey), 'TW0211').message).toContain('no fact is marked `key: true`');
    const badDefault = edit(
      VALID,
      'orders12m: { type: integer, unit: orders, min: 0 }',
      'orders12m: { type: integer, unit: orders, min: 0, default: 1.5 }',
    );
    expect(only(check(badDefault), 'TW0202').message).toBe('default 1.5 is not a valid integer');
  });

  it('reports units on text facts and an inverted domain', () => {
    const text = edit(
      VALID,
      'customerId: { type: string, key: true }',
      'customerId: { type: string, key: true, unit: CNY }',
    );
    expect(only(check(text), 'TW0211').message).toBe(
      "unit applies to number and integer facts; 'customerId' is string",
    );
    const inverted = edit(VALID, 'unit: orders, min: 0', 'unit: orders, min: 5, max: 1');
    expect(only(check(inverted), 'TW0209').message).toBe('min 5 is above max 1');
  });

  it('reports an unknown unit through the schema', () => {
    const text = edit(VALID, 'unit: CNY', 'unit: yuan');
    const d = only(check(text), 'TW0104');
    expect(d.message).toContain("'yuan' is not a currency code (CNY, USD, …)");
  });
});
