import { describe, expect, it } from 'vitest';
import { check, edit, only, positionOf, VALID, where } from '../../helpers/policy.js';

describe('threshold tiers', () => {
  it('reports scores no tier covers, with an example score', () => {
    const text = edit(
      VALID,
      '    - id: standard\n      label: { zh-CN: 普通客户, en: Standard }\n',
      '    - id: standard\n      label: { zh-CN: 普通客户, en: Standard }\n      minScore: 50\n',
    );
    const d = only(check(text), 'TW0311');
    expect(d.message).toBe('scores ≥ 0 and < 50 get no tier');
    expect(d.example).toEqual({ score: 30 });
    expect(where(d)).toBe(positionOf(text, 'levels:'));
  });

  it('judges gaps on the rounded score: none between 89 and 90 for an integer score', () => {
    const text = edit(
      edit(VALID, '      minScore: 70\n', '      score: { atLeast: 70, atMost: 89 }\n'),
      '      label: { zh-CN: 普通客户, en: Standard }\n',
      '      label: { zh-CN: 普通客户, en: Standard }\n      score: { atLeast: 0, below: 70 }\n',
    );
    expect(check(text).diagnostics).toEqual([]);
    const real = `${text}score: { round: none }\n`;
    const d = only(check(real), 'TW0311');
    expect(d.message).toBe('scores > 89 and < 90 get no tier');
    expect(d.example).toEqual({ score: 89.5 });
  });

  it('reports a tier that better tiers shadow', () => {
    const text = edit(VALID, 'minScore: 70', 'minScore: 95');
    const d = only(check(text), 'TW0316');
    expect(d.message).toBe("tier 'key' (≥ 95) is never reached: better tiers take all its scores");
    expect(where(d)).toBe(positionOf(text, 'id: key'));
  });

  it('warns when an explicit range claims scores a better tier takes', () => {
    const text = edit(VALID, '      minScore: 70\n', '      score: { atLeast: 70, atMost: 90 }\n');
    const d = only(check(text), 'TW0312');
    expect(d.message).toBe("tier 'key' claims scores = 90, which tier 'vip' takes first");
    expect(d.example).toEqual({ score: 90 });
  });

  it('reports a missing threshold on a tier that is not last, and fields of other methods', () => {
    const text = edit(VALID, '      minScore: 70\n', "      share: '20%'\n");
    const result = check(text);
    expect(
      result.diagnostics
        .filter((d) => d.code === 'TW0310')
        .map((d) => d.message)
        .sort(),
    ).toEqual(
      [
        "'share' has no effect with method 'thresholds'",
        "tier 'key' has no minScore; only the last tier may take every remaining score",
      ].sort(),
    );
  });

  it('reports duplicate tier ids', () => {
    const text = edit(VALID, 'id: standard', 'id: key');
    const d = only(check(text), 'TW0318');
    expect(where(d)).toBe(positionOf(text, 'key', 3));
  });

  it('says a policy without tiers tiers no one (an info, not an error), and reports a score method without dimensions', () => {
    const noTiers = VALID.slice(0, VALID.indexOf('tiers:'));
    const found = check(noTiers);
    expect(only(found, 'TW0323').severity).toBe('info');
    expect(found.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const noDimensions = VALID.slice(0, VALID.indexOf('dimensions:')) + VALID.slice(VALID.indexOf('tiers:'));
    expect(only(check(noDimensions), 'TW0319').message).toBe(
      "method 'thresholds' ranks customers by score, but the policy has no dimensions",
    );
  });
});

describe('quota tiers', () => {
  const quota = (shares: [string, string, string]) =>
    edit(
      edit(
        edit(
          edit(
            VALID,
            'method: thresholds',
            'method: quota\n  quota: { tieBreak: [ { fact: spend12m, order: desc } ] }',
          ),
          'minScore: 90',
          `share: '${shares[0]}'`,
        ),
        'minScore: 70',
        `share: '${shares[1]}'`,
      ),
      '    - id: standard\n      label: { zh-CN: 普通客户, en: Standard }\n',
      `    - id: standard\n      label: { zh-CN: 普通客户, en: Standard }\n      share: '${shares[2]}'\n`,
    );

  it('accepts shares that sum to exactly 100%, decimals included', () => {
    expect(check(quota(['10%', '20%', '70%'])).diagnostics).toEqual([]);
    expect(check(quota(['33.333334%', '33.333333%', '33.333333%'])).diagnostics).toEqual([]);
  });

  it('reports shares that do not sum to 100%, exactly (99.999999% is not 100%)', () => {
    const text = quota(['10%', '20%', '69.999999%']);
    const d = only(check(text), 'TW0313');
    expect(d.message).toBe(
      'quota shares sum to 99.999999%, not 100% (vip 10% + key 20% + standard 69.999999%)',
    );
    expect(where(d)).toBe(positionOf(text, 'levels:'));
  });

  it('reports an unknown tie-break fact and a non-numeric ranking fact', () => {
    const text = quota(['10%', '20%', '70%']).replace(
      'fact: spend12m, order: desc',
      'fact: spend, order: desc',
    );
    expect(only(check(text), 'TW0201').help).toBe("did you mean 'spend12m'?");
    const byEnum = quota(['10%', '20%', '70%']).replace('quota: {', 'quota: { rankBy: industry,');
    expect(only(check(byEnum), 'TW0202').message).toBe(
      "customers are ranked by 'industry', which is enum, not a number",
    );
  });
});
