import { describe, expect, it } from 'vitest';
import { type Checked, checkExpression, type FactShape } from '../../../src/policy/expr/check.js';
import { parseExpression } from '../../../src/policy/expr/parse.js';
import { fits } from '../../../src/policy/expr/types.js';

const FACTS = new Map<string, FactShape>([
  ['spend', { type: 'number', unit: 'CNY' }],
  ['spendLastYear', { type: 'number', unit: 'CNY' }],
  ['orders', { type: 'integer', unit: 'orders' }],
  ['visits', { type: 'integer' }],
  ['ratio', { type: 'number' }],
  ['age', { type: 'integer', unit: 'days' }],
  ['active', { type: 'boolean' }],
  ['city', { type: 'string' }],
  ['segment', { type: 'enum', values: ['gold', 'silver'] }],
  ['lastPurchase', { type: 'date' }],
  ['firstPurchase', { type: 'date' }],
]);

function checked(text: string): Checked {
  const parsed = parseExpression(text);
  if (!('expr' in parsed)) throw new Error(`refused: ${JSON.stringify(parsed.problem)}`);
  return checkExpression(parsed.expr, FACTS);
}
const typeOf = (text: string) => {
  const c = checked(text);
  expect(c.problems, text).toEqual([]);
  return c.type;
};
const codes = (text: string) => checked(text).problems.map((p) => p.code);
const spanOf = (text: string, code: string) => {
  const p = checked(text).problems.find((x) => x.code === code);
  if (!p) throw new Error(`no ${code} for ${text}`);
  return text.slice(p.at[0], p.at[1]);
};

describe('kinds', () => {
  it('gives each expression its kind', () => {
    expect(typeOf('spend / orders')?.kind).toBe('number');
    expect(typeOf('spend > 100')?.kind).toBe('boolean');
    expect(typeOf('active && spend > 0')?.kind).toBe('boolean');
    expect(typeOf("if(active, 'a', city)")?.kind).toBe('string');
    expect(typeOf('max(lastPurchase, firstPurchase)')?.kind).toBe('date');
    expect(typeOf("date('2024-03-01')")?.kind).toBe('date');
    expect(typeOf('lastPurchase < firstPurchase')?.kind).toBe('boolean');
    expect(typeOf("coalesce(segment, 'gold')")?.kind).toBe('string');
  });

  it('refuses operators on the wrong kind, at the operand', () => {
    expect(spanOf('city + 1', 'TW0223')).toBe('city');
    expect(spanOf('!spend', 'TW0223')).toBe('spend');
    expect(spanOf('-active', 'TW0223')).toBe('active');
    expect(spanOf('active && spend', 'TW0223')).toBe('spend');
    expect(spanOf("city < 'b'", 'TW0223')).toBe('city');
    expect(spanOf("spend == 'a'", 'TW0223')).toBe("spend == 'a'");
    expect(spanOf('lastPurchase < 5', 'TW0223')).toBe('lastPurchase < 5');
    expect(spanOf('if(spend, 1, 2)', 'TW0223')).toBe('spend');
    expect(spanOf("if(active, 1, 'x')", 'TW0223')).toBe("'x'");
    expect(spanOf('min(spend, active)', 'TW0223')).toBe('active');
    expect(spanOf('daysSince(spend)', 'TW0223')).toBe('spend');
    expect(spanOf('daysBetween(lastPurchase, 3)', 'TW0223')).toBe('3');
  });

  it('refuses date arithmetic with + and -, saying how to write it', () => {
    const p = checked('lastPurchase - firstPurchase').problems;
    expect(p.map((x) => x.code)).toEqual(['TW0223']);
    expect(p[0]!.help?.id).toBe('expr.dateArithmeticHelp');
  });

  it('reports nothing more once an operand is already wrong', () => {
    expect(codes('(city + 1) * 2')).toEqual(['TW0223']);
    expect(codes('nope + 1')).toEqual(['TW0201']);
  });
});

describe('units', () => {
  it('refuses adding, subtracting or comparing different units', () => {
    expect(codes('spend + age')).toEqual(['TW0224']);
    expect(codes('spend - daysSince(lastPurchase)')).toEqual(['TW0224']);
    expect(codes('spend > orders')).toEqual(['TW0224']);
    expect(codes('spend == age')).toEqual(['TW0224']);
    expect(codes('min(spend, age)')).toEqual(['TW0224']);
    expect(codes('coalesce(spend, orders)')).toEqual(['TW0224']);
    expect(codes('if(active, spend, age)')).toEqual(['TW0224']);
    expect(spanOf('1 + (spend + age)', 'TW0224')).toBe('(spend + age)');
  });

  it('accepts the same unit, and a ratio of units as a plain number', () => {
    expect(typeOf('spend + spendLastYear')).toMatchObject({ unit: 'CNY' });
    expect(typeOf('spend / orders')).toMatchObject({ kind: 'number', unit: undefined });
    expect(typeOf('spend / spendLastYear - 1')).toMatchObject({ unit: undefined });
    expect(typeOf('spend / orders + ratio')).toMatchObject({ unit: undefined });
  });

  it('lets a literal take the unit it meets', () => {
    expect(typeOf('spend + 100')).toMatchObject({ unit: 'CNY' });
    expect(typeOf('100 - spend')).toMatchObject({ unit: 'CNY' });
    expect(typeOf('spend * 0.1')).toMatchObject({ unit: 'CNY' });
    expect(typeOf('spend / 2')).toMatchObject({ unit: 'CNY' });
    expect(typeOf('age > 90')?.kind).toBe('boolean');
    expect(typeOf('max(spend, 0)')).toMatchObject({ unit: 'CNY' });
  });

  it('gives the elapsed functions their units', () => {
    expect(typeOf('daysSince(lastPurchase)')).toMatchObject({ unit: 'days', integer: true });
    expect(typeOf('weeksSince(lastPurchase)')).toMatchObject({ unit: 'weeks' });
    expect(typeOf('monthsBetween(firstPurchase, lastPurchase)')).toMatchObject({ unit: 'months' });
    expect(codes('daysSince(lastPurchase) + weeksSince(lastPurchase)')).toEqual(['TW0224']);
    expect(typeOf('daysSince(firstPurchase) - daysSince(lastPurchase)')).toMatchObject({ unit: 'days' });
  });
});

describe('integers', () => {
  it.each([
    ['orders + visits', true],
    ['orders * 2', true],
    ['orders % 3', true],
    ['-orders', true],
    ['abs(orders)', true],
    ['min(orders, visits)', true],
    ['if(active, orders, 0)', true],
    ['floor(spend)', true],
    ['ceil(ratio)', true],
    ['round(spend)', true],
    ['round(spend, 0)', true],
    ['daysSince(lastPurchase)', true],
    ['orders / 2', undefined],
    ['orders + 0.5', undefined],
    ['round(spend, 2)', undefined],
    ['weeksSince(lastPurchase)', undefined],
    ['if(active, orders, 0.5)', undefined],
    ['spend', undefined],
  ])('%s is whole: %s', (text, integer) => {
    expect(typeOf(text)?.integer).toBe(integer);
  });

  it('lets a fact declared integer hold only a whole expression', () => {
    expect(fits('integer', typeOf('orders / 2')!)).toBe(false);
    expect(fits('integer', typeOf('floor(orders / 2)')!)).toBe(true);
    expect(fits('number', typeOf('orders')!)).toBe(true);
    expect(fits('enum', typeOf("if(active, 'gold', 'silver')")!)).toBe(true);
    expect(fits('date', typeOf('lastPurchase')!)).toBe(true);
    expect(fits('boolean', typeOf('spend')!)).toBe(false);
  });
});

describe('enum literals', () => {
  it('refuses comparing an enum with a value it does not have, at the literal', () => {
    expect(spanOf("segment == 'platinum'", 'TW0223')).toBe("'platinum'");
    expect(spanOf("'platinum' != segment", 'TW0223')).toBe("'platinum'");
    expect(codes("segment == 'gold'")).toEqual([]);
    // A plain string fact has no list to check against.
    expect(codes("city == 'anything'")).toEqual([]);
  });
});

describe('date literals', () => {
  it.each([
    "date('2024-03-01')",
    "date('2024-02-29')",
    "date('2024-03-01T09:30+08:00')",
    "date('2024-03-01T09:30:15.5Z')",
  ])('accepts %s', (text) => {
    expect(typeOf(text)?.kind).toBe('date');
  });

  it.each([
    ["date('2023-02-29')", 'expr.notRealDate'],
    ["date('2024-13-01')", 'expr.notRealDate'],
    ["date('2024-04-31')", 'expr.notRealDate'],
    ["date('2024-00-10')", 'expr.notRealDate'],
    ["date('yesterday')", 'expr.dateLiteral'],
    ["date('2024-3-1')", 'expr.dateLiteral'],
    ["date('2024-03-01T09:30')", 'expr.dateLiteral'],
    ['date(20240301)', 'expr.dateLiteral'],
    ['date(city)', 'expr.dateLiteral'],
  ])('refuses %s at its argument', (text, key) => {
    const p = checked(text).problems;
    expect(p.map((x) => [x.code, x.message.id])).toEqual([['TW0223', key]]);
    expect(text.slice(p[0]!.at[0], p[0]!.at[1])).toBe(text.slice(5, -1));
  });
});

describe('functions', () => {
  it.each([
    ['abs()', 0],
    ['abs(spend, spend)', 2],
    ['if(active, 1)', 2],
    ['coalesce(spend)', 1],
    ['daysSince()', 0],
    ['daysBetween(lastPurchase)', 1],
    ['round(spend, 1, 2)', 3],
    ['min()', 0],
  ])('refuses %s: wrong number of arguments', (text, n) => {
    const p = checked(text).problems;
    expect(p.map((x) => x.code)).toEqual(['TW0222']);
    expect(p[0]!.message.params).toMatchObject({ n });
  });

  it('refuses an unknown function at its name, still checking the arguments', () => {
    const text = '1 + daysSinse(lastPurchase)';
    const p = checked(text).problems;
    expect(p).toMatchObject([{ code: 'TW0221', unknown: 'daysSinse' }]);
    expect(text.slice(p[0]!.at[0], p[0]!.at[1])).toBe('daysSinse');
    expect(codes('foo(nope)')).toEqual(['TW0201', 'TW0221']);
    // Names of the prototype are not functions.
    expect(codes('toString(spend)')).toEqual(['TW0221']);
    expect(codes('constructor(spend)')).toEqual(['TW0221']);
  });

  it('refuses an unknown fact at its name', () => {
    const text = 'spend / (  ordrs  )';
    const p = checked(text).problems;
    expect(p).toMatchObject([{ code: 'TW0201', unknown: 'ordrs' }]);
    expect(text.slice(p[0]!.at[0], p[0]!.at[1])).toBe('ordrs');
  });

  it('keeps round to a literal number of digits in 0..10', () => {
    expect(codes('round(spend, 2)')).toEqual([]);
    expect(codes('round(spend, 10)')).toEqual([]);
    for (const d of ['11', '1.5', 'orders', '-1']) expect(codes(`round(spend, ${d})`), d).toEqual(['TW0223']);
  });

  it('knows which expressions measure from the as-of', () => {
    expect(checked('daysSince(lastPurchase)').usesAsOf).toBe(true);
    expect(checked('if(active, monthsSince(lastPurchase), 0)').usesAsOf).toBe(true);
    expect(checked('daysBetween(firstPurchase, lastPurchase)').usesAsOf).toBe(false);
    expect(checked('spend / orders').usesAsOf).toBe(false);
  });
});
