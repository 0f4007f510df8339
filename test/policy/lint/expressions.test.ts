import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../../src/policy/load.js';
import { check, edit, only, positionOf, VALID, where } from '../../helpers/policy.js';

const INDUSTRY = '  industry: { type: enum, values: [high, medium, low] }\n';

/** The fixture with more facts declared after its last one. */
function withFacts(lines: string): string {
  return edit(
    VALID,
    INDUSTRY,
    `${INDUSTRY}  lastPurchase: { type: date }\n  phone: { type: string, pii: true }\n${lines}`,
  );
}

/** A derived fact `d` declared as `type` with its expression written in the given YAML style. */
function derived(expr: string, style: 'plain' | 'single' | 'double', type = 'number'): string {
  const written = style === 'plain' ? expr : style === 'single' ? `'${expr}'` : `"${expr}"`;
  // Block style: a flow mapping would end a plain scalar at its first comma.
  return withFacts(`  d:\n    type: ${type}\n    expr: ${written}\n`);
}

const STYLES = ['plain', 'single', 'double'] as const;

describe('derived facts that are right', () => {
  it('pass the checker', () => {
    const text = withFacts(
      [
        "  avg: { type: number, unit: CNY, expr: 'spend12m / max(orders12m, 1)' }",
        '  recency: { type: integer, unit: days, expr: daysSince(lastPurchase) }',
        "  big: { type: boolean, expr: 'spend12m > 1000 && industry == ''high''' }",
        '',
      ].join('\n'),
    );
    expect(check(text).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe.each(STYLES)('findings inside a %s expression', (style) => {
  it('TW0220: a syntax error at the character', () => {
    const text = derived('spend12m + * orders12m', style);
    const d = only(check(text), 'TW0220');
    expect(where(d)).toBe(positionOf(text, '* orders12m'));
    expect(d.pointer).toBe('/facts/d/expr');
  });

  it('TW0220: a refused operator at the operator', () => {
    const text = derived('spend12m === orders12m', style);
    expect(where(only(check(text), 'TW0220'))).toBe(positionOf(text, '==='));
  });

  it('TW0201: an unknown fact at its name, with a did-you-mean', () => {
    const text = derived('spend12m / ( orders12n )', style);
    const d = only(check(text), 'TW0201');
    expect(where(d)).toBe(positionOf(text, 'orders12n'));
    expect(d.range?.end.column).toBe(d.range!.start.column + 'orders12n'.length);
    expect(d.help).toBe("did you mean 'orders12m'?");
  });

  it('TW0201: score or tier named in an expression, which is computed after it', () => {
    const text = derived('score + 1', style);
    const d = only(check(text), 'TW0201');
    expect(where(d)).toBe(positionOf(text, 'score'));
    expect(d.message).not.toBe("unknown fact 'score'");
  });

  it('TW0221: an unknown function at its name', () => {
    const text = derived('dayssince(lastPurchase)', style);
    const d = only(check(text), 'TW0221');
    expect(where(d)).toBe(positionOf(text, 'dayssince'));
    expect(d.help).toMatch(/daysSince/);
  });

  it('TW0222: a wrong number of arguments at the call', () => {
    const text = derived('1 + abs(spend12m, 2)', style);
    expect(where(only(check(text), 'TW0222'))).toBe(positionOf(text, 'abs('));
  });

  it('TW0223: a wrong kind at the operand', () => {
    const text = derived('spend12m + lastPurchase', style);
    expect(where(only(check(text), 'TW0223'))).toBe(positionOf(text, 'lastPurchase', 2));
  });

  it('TW0224: CNY + days at the sum', () => {
    const text = derived('1 + spend12m + daysSince(lastPurchase)', style);
    const d = only(check(text), 'TW0224');
    expect(where(d)).toBe(positionOf(text, '1 + spend12m'));
    expect(d.message).toMatch(/CNY/);
    expect(d.message).toMatch(/days/);
  });
});

describe('findings about the whole expression', () => {
  it('TW0223: the expression gives another kind than the fact declares', () => {
    const text = derived('spend12m > 1', 'plain');
    const d = only(check(text), 'TW0223');
    expect(where(d)).toBe(positionOf(text, 'spend12m > 1'));
    expect(d.message).toMatch(/boolean/);
  });

  it('TW0223: an integer fact whose expression may not be whole', () => {
    const text = derived('spend12m / orders12m', 'plain', 'integer');
    const d = only(check(text), 'TW0223');
    expect(d.help).toBeDefined();
  });

  it('TW0226: the expression gives another unit than the fact declares', () => {
    const text = withFacts('  d: { type: number, unit: days, expr: spend12m * 2 }\n');
    const d = only(check(text), 'TW0226');
    expect(d.severity).toBe('warning');
    expect(where(d)).toBe(positionOf(text, 'spend12m * 2'));
  });

  it('TW0227: a derived fact with a key that reads data, at the key', () => {
    const text = withFacts('  d: { type: number, column: 金额, expr: spend12m * 2 }\n');
    const d = only(check(text), 'TW0227');
    expect(where(d)).toBe(positionOf(text, 'column'));
    expect(d.pointer).toBe('/facts/d/column');
  });

  it('TW0228: a derived fact reading personal data must be personal data too', () => {
    const text = withFacts(`  d: { type: string, expr: "coalesce(phone, '')" }\n`);
    const d = only(check(text), 'TW0228');
    expect(d.pointer).toBe('/facts/d/expr');
    const marked = withFacts(`  d: { type: string, pii: true, expr: "coalesce(phone, '')" }\n`);
    expect(check(marked).diagnostics.map((x) => x.code)).not.toContain('TW0228');
  });
});

describe('TW0225: cycles', () => {
  it('of two facts, with the chain', () => {
    const text = withFacts('  a: { type: number, expr: b + 1 }\n  b: { type: number, expr: a * 2 }\n');
    const d = only(check(text), 'TW0225');
    expect(d.message).toContain('a → b → a');
    expect(where(d)).toBe(positionOf(text, 'b + 1'));
  });

  it('of three facts, with the chain, reported once', () => {
    const text = withFacts(
      "  a: { type: number, expr: spend12m + b }\n  b: { type: number, expr: c + 1 }\n  c: { type: number, expr: 'max(a, 0)' }\n",
    );
    const d = only(check(text), 'TW0225');
    expect(d.message).toContain('a → b → c → a');
  });

  it('of a fact reading itself', () => {
    const text = withFacts('  a: { type: number, expr: a + 1 }\n');
    expect(only(check(text), 'TW0225').message).toContain('a → a');
  });

  it('not for a chain without a circle', () => {
    const text = withFacts(
      '  a: { type: number, unit: CNY, expr: b + 1 }\n  b: { type: number, unit: CNY, expr: c + 1 }\n  c: { type: number, unit: CNY, expr: spend12m }\n',
    );
    expect(check(text).diagnostics.map((x) => x.code)).not.toContain('TW0225');
  });
});

describe('positions that cannot be inside the expression', () => {
  it('fall back to the whole value for a block scalar', () => {
    const text = withFacts('  d:\n    type: number\n    expr: |\n      spend12m / ordrs\n');
    expect(where(only(check(text), 'TW0201'))).toBe(positionOf(text, '|\n'));
  });

  it('fall back to the whole value for a folded scalar', () => {
    const text = withFacts('  d:\n    type: number\n    expr: >-\n      spend12m /\n      ordrs\n');
    expect(where(only(check(text), 'TW0201'))).toBe(positionOf(text, '>-'));
  });

  it('fall back to the whole value for a double-quoted string with an escape', () => {
    const text = withFacts('  d: { type: number, expr: "spend12m / \\u006Frdrs" }\n');
    expect(where(only(check(text), 'TW0201'))).toBe(positionOf(text, '"spend12m'));
  });

  it('fall back to the whole value for a single-quoted string with a doubled quote', () => {
    const text = withFacts("  d: { type: boolean, expr: 'industry == ''hgh'' || ordrs > 1' }\n");
    const d = only(check(text), 'TW0201');
    expect(where(d)).toBe(positionOf(text, "'industry"));
  });
});

describe('derived facts in variants (extends)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-expr-'));
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const variant = (body: string) =>
    `apiVersion: tierwise/v1\nkind: TierPolicy\nmetadata:\n  name: retail\n  version: 1.1.0\n  extends: ./base.tier.yaml\n${body}`;

  it('point into the file that wrote the expression', async () => {
    write(
      'base.tier.yaml',
      withFacts("  avg: { type: number, unit: CNY, expr: 'spend12m / max(orders12m, 1)' }\n"),
    );
    const body = "facts:\n  avg: { expr: 'spend12m / max(ordrs, 1)' }\n";
    const path = write('v.tier.yaml', variant(body));
    const d = (await loadPolicy(path)).diagnostics.find((x) => x.code === 'TW0201')!;
    expect(d.file).toBe(path);
    expect(where(d)).toBe(positionOf(variant(body), 'ordrs'));
  });

  it('point into the base when only the base wrote the expression', async () => {
    const base = withFacts('  avg: { type: number, unit: CNY, expr: spend12m + orders12m }\n');
    const basePath = write('base.tier.yaml', base);
    const path = write('v2.tier.yaml', variant('facts:\n  avg: { label: { zh-CN: 平均, en: Average } }\n'));
    const d = (await loadPolicy(path)).diagnostics.find((x) => x.code === 'TW0224')!;
    expect(d.file).toBe(basePath);
    expect(where(d)).toBe(positionOf(base, 'spend12m + orders12m'));
  });
});
