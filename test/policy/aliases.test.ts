import { describe, expect, it } from 'vitest';
import { MAX_DEPTH } from '../../src/policy/compose.js';
import { parsePolicyText } from '../../src/policy/parse.js';
import { where } from '../helpers/policy.js';

const parse = (text: string) => parsePolicyText(text, 'p.tier.yaml');
const codes = (text: string) => parse(text).diagnostics.map((d) => d.code);
/** `[` nested `n` deep around `inner`. */
const nested = (n: number, inner = '1') => `${'['.repeat(n)}${inner}${']'.repeat(n)}`;

describe('alias cycles (issue 12: a stack overflow in every command)', () => {
  it('reports an alias inside the value it names, at the alias, instead of recursing', () => {
    const result = parse('a: &a [ *a ]\n');
    expect(result.value).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, where(d), d.message])).toEqual([
      ['TW0013', '1:9', 'alias *a stands inside the value its anchor &a is on: expanding it would never end'],
    ]);
  });

  it('finds cycles through mappings and through other anchors', () => {
    expect(codes('a: &a { b: *a }\n')).toEqual(['TW0013']);
    expect(codes('a: &a [ &b [ x, *a ] ]\n')).toEqual(['TW0013']);
    expect(codes('a: &a { k: &b [ { c: *b } ] }\n')).toEqual(['TW0013']);
  });

  it('keeps an alias to an earlier anchor of the same name, as YAML defines it', () => {
    // The second &a is the one in force at *a: no cycle, and its value.
    const result = parse('x: &a [ 1 ]\ny: &a [ 2 ]\nz: *a\n');
    expect(result.diagnostics).toEqual([]);
    expect(result.value).toEqual({ x: [1], y: [2], z: [2] });
  });
});

describe('aliases without an anchor', () => {
  it('reports an alias to no anchor (it was read as null, and crashed fmt)', () => {
    const result = parse('a: *nope\n');
    expect(result.value).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, where(d), d.message])).toEqual([
      ['TW0014', '1:4', 'alias *nope names no anchor: there is no &nope above it'],
    ]);
  });

  it('reports an alias that comes before its anchor', () => {
    expect(codes('a: *x\nb: &x 1\n')).toEqual(['TW0014']);
  });
});

describe('nesting depth', () => {
  it(`accepts ${MAX_DEPTH} levels and refuses one more, with the limit in the words`, () => {
    // The top mapping is level 1, so `a:` holds MAX_DEPTH - 1 more levels.
    expect(codes(`a: ${nested(MAX_DEPTH - 1)}\n`)).toEqual([]);
    const deeper = parse(`a: ${nested(MAX_DEPTH)}\n`);
    expect(deeper.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['TW0012', 'the policy nests mappings and lists more than 100 levels deep (aliases expanded)'],
    ]);
  });

  it('refuses 1,000 levels of flow and of block nesting without a stack overflow', () => {
    expect(codes(`a: ${nested(1000)}\n`)).toEqual(['TW0012']);
    expect(codes(`a: ${'{a: '.repeat(1000)}1${'}'.repeat(1000)}\n`)).toEqual(['TW0012']);
    const block = Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}k:\n`).join('');
    const result = parse(`${block}${' '.repeat(1000)}k: 1\n`);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['TW0012']);
    expect(result.diagnostics[0]!.message).not.toMatch(/stack/i);
  });

  it('counts the depth an alias expands to, and reports it at the alias', () => {
    const deep = `a: &deep ${nested(60)}\n`;
    expect(codes(`${deep}b: ${nested(30, '*deep')}\n`)).toEqual([]);
    const result = parse(`${deep}b: ${nested(45, '*deep')}\n`);
    expect(result.diagnostics.map((d) => [d.code, where(d)])).toEqual([['TW0012', `2:${4 + 45}`]]);
  });
});

describe('alias expansion is measured in linear time (issue 12: 19 s for two 40 KB lines)', () => {
  it('refuses 3,000 aliases to a list of 3,000 values as a bomb', () => {
    // Each alias made yaml walk the whole document: 3,000 × 6,000 nodes took seconds.
    const text = `a: &a [${Array(3000).fill('1').join(', ')}]\nb: [${Array(3000).fill('*a').join(', ')}]\n`;
    const result = parse(text);
    expect(result.diagnostics.map((d) => [d.code, where(d)])).toEqual([['TW0006', '2:5']]);
    expect(result.diagnostics[0]!.message).toMatch(/ 9,006,005 values /);
  });

  it('expands many aliases within the budget to the same data as written out', () => {
    const result = parse(`a: &a { x: 1 }\nb: [${Array(3000).fill('*a').join(', ')}]\n`);
    expect(result.diagnostics).toEqual([]);
    expect((result.value as { b: unknown[] }).b).toEqual(Array(3000).fill({ x: 1 }));
  });
});
