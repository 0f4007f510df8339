import { describe, expect, it } from 'vitest';
import type { Expr } from '../../../src/policy/expr/ast.js';
import { MAX_EXPRESSION_LENGTH, parseExpression } from '../../../src/policy/expr/parse.js';

function tree(text: string): Expr {
  const parsed = parseExpression(text);
  if (!('expr' in parsed)) throw new Error(`refused: ${JSON.stringify(parsed.problem)}`);
  return parsed.expr;
}

function problem(text: string) {
  const parsed = parseExpression(text);
  if (!('problem' in parsed)) throw new Error(`accepted: ${JSON.stringify(parsed.expr)}`);
  return parsed.problem;
}

/** The text a span covers. */
const covered = (text: string, at: readonly [number, number]) => text.slice(at[0], at[1]);

describe('the grammar of expressions', () => {
  it('reads arithmetic, comparisons, logic and calls into the project tree', () => {
    const e = tree('spend12m / orders12m');
    expect(e).toMatchObject({
      kind: 'binary',
      op: '/',
      left: { kind: 'fact', name: 'spend12m' },
      right: { kind: 'fact', name: 'orders12m' },
    });
    for (const op of ['+', '-', '*', '/', '%', '<', '<=', '>', '>=', '==', '!=', '&&', '||'])
      expect(tree(`a ${op} b`)).toMatchObject({ kind: 'binary', op });
    expect(tree('!a')).toMatchObject({ kind: 'unary', op: '!' });
    expect(tree('-a')).toMatchObject({ kind: 'unary', op: '-' });
    expect(tree('+a')).toMatchObject({ kind: 'unary', op: '+' });
    expect(tree("if(a > 1, 'x', 'y')")).toMatchObject({ kind: 'call', fn: 'if' });
    expect(tree('true')).toMatchObject({ kind: 'boolean', value: true });
    expect(tree('1.5e3')).toMatchObject({ kind: 'number', value: 1500 });
    expect(tree('"a\'b"')).toMatchObject({ kind: 'string', value: "a'b" });
  });

  it('keeps the usual precedence: * before +, comparisons before &&', () => {
    expect(tree('a + b * c')).toMatchObject({ op: '+', right: { op: '*' } });
    expect(tree('a < 1 && b > 2 || c')).toMatchObject({ op: '||', left: { op: '&&' } });
    expect(tree('(a + b) * c')).toMatchObject({ op: '*', left: { op: '+' } });
  });

  it.each([
    ['a.b', 'member'],
    ['a[0]', 'member'],
    ['a.b(1)', 'member'],
    ['a ? b : c', 'ternary'],
    ['a === b', 'strictEquality'],
    ['a !== b', 'strictEquality'],
  ])('refuses %s and says what to write instead', (text, help) => {
    expect(problem(text).reason).toMatchObject({ key: 'notAllowed', help });
  });

  it.each([
    ['a | b', '|'],
    ['a & b', '&'],
    ['a ^ b', '^'],
    ['a << 1', '<<'],
    ['a >> 1', '>>'],
    ['~a', '~'],
    ['[1, 2]', '[1, 2]'],
    ['null', 'null'],
    ['this', 'this'],
    ['(a, b)', '(a, b)'],
  ])('refuses %s (outside the grammar)', (text, what) => {
    expect(problem(text).reason).toEqual({ key: 'notAllowed', what });
  });

  it('points a refused operator at the operator itself', () => {
    const text = 'spend  ===  orders';
    expect(covered(text, problem(text).at)).toBe('===');
    const bitwise = '(a) | (b)';
    expect(covered(bitwise, problem(bitwise).at)).toBe('|');
  });

  it('refuses two formulas, pointing at the second', () => {
    for (const text of ['a, b', 'a; b', 'a b']) {
      const p = problem(text);
      expect(p.reason.key).toBe('oneExpression');
      expect(covered(text, p.at)).toBe('b');
    }
  });

  it('refuses an empty or blank expression', () => {
    expect(problem('').reason.key).toBe('empty');
    expect(problem('   ').reason.key).toBe('empty');
  });

  it('says where the text stops making sense', () => {
    expect(problem('a +')).toEqual({ reason: { key: 'syntax' }, at: [3, 3] });
    expect(problem('(a')).toEqual({ reason: { key: 'syntax' }, at: [2, 2] });
    expect(problem("'abc")).toEqual({ reason: { key: 'syntax' }, at: [4, 4] });
    expect(problem('x = 1')).toEqual({ reason: { key: 'syntax', found: '=' }, at: [2, 3] });
    // jsep has no hexadecimal literals: the x is where reading stops.
    expect(problem('0x10')).toEqual({ reason: { key: 'syntax', found: 'x' }, at: [1, 2] });
  });

  it('refuses a literal number too large to be finite', () => {
    expect(problem('1e400').reason).toMatchObject({ key: 'notAllowed', what: '1e400' });
    expect(problem('a + 1e999').at).toEqual([4, 9]);
  });

  it('refuses a text over the length limit before parsing it', () => {
    const text = `a${'+a'.repeat(MAX_EXPRESSION_LENGTH)}`;
    expect(problem(text)).toEqual({
      reason: { key: 'tooLong', limit: MAX_EXPRESSION_LENGTH },
      at: [0, text.length],
    });
    expect('expr' in parseExpression(`${'a'.repeat(MAX_EXPRESSION_LENGTH - 2)}+1`)).toBe(true);
  });

  it('refuses deep nesting without exhausting the stack', () => {
    const huge = `${'('.repeat(10_000)}a${')'.repeat(10_000)}`;
    expect(['tooLong', 'nesting']).toContain(problem(huge).reason.key);
    const deep = `${'('.repeat(999)}a${')'.repeat(999)}`;
    expect(problem(deep).reason.key).toBe('nesting');
    expect(problem(`${'!'.repeat(1500)}a`).reason.key).toBe('nesting');
    expect(problem(`${'-'.repeat(1999)}a`).reason.key).toBe('nesting');
    expect(problem(`${'f('.repeat(600)}a${')'.repeat(600)}`).reason.key).toBe('nesting');
    // A long flat chain nests as deep in the tree; the refusal covers the text, not an empty span.
    const chain = Array.from({ length: 100 }, () => 'a').join(' + ');
    const p = problem(chain);
    expect(p.reason.key).toBe('nesting');
    expect(p.at[1]).toBeGreaterThan(p.at[0]);
  });

  it('accepts nesting a person writes', () => {
    expect('expr' in parseExpression(`${'('.repeat(30)}a${')'.repeat(30)}`)).toBe(true);
    expect('expr' in parseExpression(Array.from({ length: 30 }, () => 'a').join(' + '))).toBe(true);
  });

  it('does not count brackets inside a string literal as nesting', () => {
    const text = `tier == '${'('.repeat(80)}'`;
    expect(tree(text)).toMatchObject({ kind: 'binary', right: { kind: 'string' } });
  });
});

describe('spans', () => {
  it('cover exactly a fact name, alone, after spaces and inside parentheses', () => {
    for (const text of ['foo', '   foo', '(foo)', '  (  foo  ) + 1', '1 + ((foo))', '-foo', '!(foo)']) {
      const fact = [...walk(tree(text))].find((n) => n.kind === 'fact')!;
      expect(covered(text, fact.at), text).toBe('foo');
    }
  });

  it('cover a call, its name and each argument', () => {
    const text = 'max( spend ,  orders )';
    const e = tree(text) as Extract<Expr, { kind: 'call' }>;
    expect(covered(text, e.nameAt)).toBe('max');
    expect(covered(text, e.at)).toBe(text);
    expect(e.args.map((a) => covered(text, a.at))).toEqual(['spend', 'orders']);
  });

  it('cover a binary expression from its left operand to its right one', () => {
    const text = '  a +   b  ';
    expect(covered(text, tree(text).at)).toBe('a +   b');
    const nested = 'x * (a + b)';
    const e = tree(nested) as Extract<Expr, { kind: 'binary' }>;
    expect(covered(nested, e.right.at)).toBe('(a + b)');
  });

  it('cover a literal string with its quotes', () => {
    const text = "tier == 'vip'";
    const e = tree(text) as Extract<Expr, { kind: 'binary' }>;
    expect(covered(text, e.right.at)).toBe("'vip'");
  });

  it('cover a refused ternary from its condition, after leading spaces', () => {
    const text = '  a > b ? c : d';
    expect(covered(text, problem(text).at)).toBe('a > b ? c : d');
  });

  it('cover a refused member access', () => {
    const text = '1 + customer.name';
    expect(covered(text, problem(text).at)).toBe('customer.name');
  });
});

function* walk(e: Expr): Generator<Expr> {
  yield e;
  if (e.kind === 'unary') yield* walk(e.arg);
  if (e.kind === 'binary') {
    yield* walk(e.left);
    yield* walk(e.right);
  }
  if (e.kind === 'call') for (const a of e.args) yield* walk(a);
}

describe('a call is a name and its arguments', () => {
  it('refuses a parenthesised callee, whose name would otherwise be placed on the bracket', () => {
    const parsed = parseExpression('(abs)(x)');
    expect('problem' in parsed && parsed.problem.reason.key).toBe('notAllowed');
  });
});
