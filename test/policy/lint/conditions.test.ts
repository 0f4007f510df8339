import { describe, expect, it } from 'vitest';
import { check, edit, only, positionOf, VALID, where } from '../../helpers/policy.js';

/** The fixture with one classifier whose rule is the condition under test. */
function withRule(when: string, extra = ''): string {
  return `${VALID}${extra}classifiers:
  behaviour:
    label: { zh-CN: 行为, en: Behaviour }
    pick: all
    rules:
      - id: tagged
        label: { zh-CN: 标记, en: Tagged }
        when: ${when}
`;
}

describe('conditions', () => {
  it('accepts a well-formed condition tree', () => {
    const text = withRule(
      '{ all: [ { fact: spend12m, operator: greaterThan, value: 100 }, { not: { fact: industry, operator: in, value: [low] } } ] }',
    );
    expect(check(text).diagnostics).toEqual([]);
  });

  it('reports an unknown fact with a did-you-mean at the fact name', () => {
    const text = withRule('{ all: [ { fact: spend12n, operator: greaterThan, value: 100 } ] }');
    const d = only(check(text), 'TW0201');
    expect(d.message).toBe("unknown fact 'spend12n'");
    expect(d.help).toBe("did you mean 'spend12m'?");
    expect(where(d)).toBe(positionOf(text, 'spend12n'));
    expect(d.pointer).toBe('/classifiers/behaviour/rules/0/when/all/0/fact');
  });

  it('reports an enum value the fact does not have', () => {
    const text = withRule('{ fact: industry, operator: equal, value: hgh }');
    const d = only(check(text), 'TW0304');
    expect(d.help).toBe("did you mean 'high'?");
    expect(where(d)).toBe(positionOf(text, 'hgh'));
  });

  it('reports an order comparison on an enum and a number compared with text', () => {
    const text = withRule(
      "{ any: [ { fact: industry, operator: lessThan, value: 3 }, { fact: spend12m, operator: greaterThan, value: '5' } ] }",
    );
    const found = check(text).diagnostics.filter((d) => d.code === 'TW0202');
    expect(found.map((d) => d.message)).toEqual([
      "'lessThan' compares numbers; 'industry' is enum",
      `'greaterThan' on number fact 'spend12m' needs a number, got "5"`,
    ]);
  });

  it('reports in with a single value instead of a list', () => {
    const d = only(check(withRule('{ fact: industry, operator: in, value: high }')), 'TW0202');
    expect(d.message).toContain('needs a list of values');
  });

  it('reports contains on a fact that is not a list', () => {
    const d = only(check(withRule('{ fact: industry, operator: contains, value: high }')), 'TW0202');
    expect(d.help).toContain("'in'");
  });

  it('reports malformed nodes: mixed group and comparison, missing operator, empty any', () => {
    for (const [when, message] of [
      ['{ all: [], fact: spend12m }', 'a condition cannot be both all and a comparison (fact)'],
      ['{ fact: spend12m, value: 1 }', 'comparison is missing operator'],
      ['{ any: [] }', 'an empty `any` holds for every customer (json-rules-engine treats it as true)'],
      ['{ all: [], any: [] }', 'a condition may hold only one of all, any'],
    ] as const) {
      const d = only(check(withRule(when)), 'TW0301');
      expect(d.message).toBe(message);
    }
  });

  it('resolves named conditions and reports unknown ones and cycles', () => {
    const named =
      'conditions:\n  big: { fact: spend12m, operator: greaterThan, value: 100 }\n  loop: { all: [ { condition: loop2 } ] }\n  loop2: { not: { condition: loop } }\n';
    const text = withRule('{ any: [ { condition: big }, { condition: bgi } ] }', named);
    const result = check(text);
    expect(only(result, 'TW0302').help).toBe("did you mean 'big'?");
    expect(only(result, 'TW0301').message).toBe(
      "named condition 'loop' refers to itself (loop → loop2 → loop)",
    );
  });

  it('finds a cycle among deeply chained named conditions without exponential work', () => {
    const chain = Array.from(
      { length: 40 },
      (_, i) => `  c${i}: { all: [ { condition: c${i + 1} }, { condition: c${i + 1} } ] }`,
    ).join('\n');
    const text = withRule(
      '{ condition: c0 }',
      `conditions:\n${chain}\n  c40: { any: [ { condition: c0 } ] }\n`,
    );
    const d = only(check(text), 'TW0301');
    expect(d.message).toMatch(/^named condition 'c0' refers to itself \(c0 → c1 → .* → c40 → c0\)$/);
  });

  it('lets classifiers read the computed tier and score, but not tier criteria read the tier', () => {
    expect(
      check(
        withRule(
          '{ all: [ { fact: tier, operator: equal, value: vip }, { fact: score, operator: lessThan, value: 95 } ] }',
        ),
      ).diagnostics,
    ).toEqual([]);
    const d = only(check(withRule('{ fact: tier, operator: equal, value: vipp }')), 'TW0304');
    expect(d.help).toBe("did you mean 'vip'?");
  });

  it('reports comparisons between facts of different kinds', () => {
    const d = only(
      check(withRule('{ fact: spend12m, operator: greaterThan, value: { fact: industry } }')),
      'TW0202',
    );
    expect(d.message).toBe("'spend12m' (number) is compared with 'industry' (enum)");
  });

  it('reports an unknown fact in a tier criteria condition', () => {
    const text = edit(
      edit(VALID, 'method: thresholds', 'method: criteria'),
      '      minScore: 90\n',
      '      when: { fact: spend, operator: greaterThan, value: 1 }\n',
    )
      .replace('      minScore: 70\n', '      when: { fact: spend12m, operator: greaterThan, value: 1 }\n')
      .replace('    - id: standard\n', '    - id: standard\n      otherwise: true\n');
    const d = only(check(text), 'TW0201');
    expect(d.pointer).toBe('/tiers/levels/0/when/fact');
  });
});
