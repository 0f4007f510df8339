import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/policy/load.js';
import { edit, positionOf, VALID, where } from '../helpers/policy.js';

let dir: string;
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const variant = (body: string, base = './base.tier.yaml') =>
  `apiVersion: tierwise/v1\nkind: TierPolicy\nmetadata:\n  name: retail\n  version: 1.1.0\n  extends: ${base}\n${body}`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tierwise-extends-'));
  write('base.tier.yaml', VALID);
});

describe('variants (metadata.extends)', () => {
  it('changes one threshold and one weight without copying the base', async () => {
    const path = write(
      'retail.tier.yaml',
      variant(
        'dimensions:\n  value: { weight: 60 }\n  potential: { weight: 40 }\ntiers:\n  method: thresholds\n  levels:\n    - { id: vip, minScore: 85 }\n',
      ),
    );
    const result = await loadPolicy(path);
    expect(result.diagnostics).toEqual([]);
    const policy = result.policy!;
    expect(policy.metadata.name).toBe('retail');
    expect(policy.metadata.extends).toBe('./base.tier.yaml');
    expect(policy.metadata.labels).toEqual({ 'zh-CN': '测试策略', en: 'Test policy' });
    expect(policy.tiers!.levels.map((l) => [l.id, l.minScore])).toEqual([
      ['vip', 85],
      ['key', 70],
      ['standard', undefined],
    ]);
    expect(policy.tiers!.levels[0]!.sla?.response?.within).toBe('PT4H');
    expect(policy.dimensions!.value!.weight).toBe(60);
    expect(Object.keys(policy.dimensions!.value!.metrics)).toEqual(['spend12m', 'orders12m']);
  });

  it('reports a finding in the merged policy at the file that wrote it', async () => {
    const path = write('weights.tier.yaml', variant('dimensions:\n  value: { weight: 50 }\n'));
    const result = await loadPolicy(path);
    const d = result.diagnostics.find((x) => x.code === 'TW0203')!;
    expect(d.message).toBe('dimension weights sum to 80, not 100 (value 50 + potential 30)');
    // The dimensions mapping exists in both files; the variant's is the one the author is editing.
    expect(d.file).toBe(path);
    const threshold = write(
      'gap.tier.yaml',
      variant('tiers:\n  method: thresholds\n  levels:\n    - { id: key, minScore: 95 }\n'),
    );
    const shadow = (await loadPolicy(threshold)).diagnostics.find((x) => x.code === 'TW0316')!;
    expect(shadow.file).toBe(threshold);
    expect(where(shadow)).toBe('10:7');
    // A finding about what only the base wrote points into the base.
    const label = write(
      'label.tier.yaml',
      variant('tiers:\n  method: thresholds\n  levels:\n    - { id: key, minScore: 60 }\n'),
    );
    const dims = write(
      'label-base.tier.yaml',
      edit(VALID, 'label: { zh-CN: 潜力, en: Potential }', 'label: { zh-CN: 潜力 }'),
    );
    const onBase = await loadPolicy(write('on-label.tier.yaml', variant('', './label-base.tier.yaml')));
    const missing = onBase.diagnostics.find((x) => x.code === 'TW0501')!;
    expect(missing.file).toBe(dims);
    expect(where(missing)).toBe(positionOf(VALID, '{ zh-CN: 潜力'));
    expect((await loadPolicy(label)).diagnostics).toEqual([]);
  });

  it('forbids redefining a fact, changing the method or adding a tier', async () => {
    const body =
      'facts:\n  spend12m: { type: integer, unit: CNY }\ntiers:\n  method: quota\n  levels:\n    - { id: gold, share: "10%" }\n';
    const path = write('forbidden.tier.yaml', variant(body));
    const result = await loadPolicy(path);
    const messages = result.diagnostics.filter((d) => d.code === 'TW0507').map((d) => d.message);
    expect(messages).toEqual([
      "a variant may not redefine base fact 'spend12m' (type changed)",
      'a variant may not change the tier method (thresholds → quota)',
      "a variant may not add tier 'gold'",
    ]);
    expect(result.policy).toBeUndefined();
  });

  it('lets a variant relabel a fact and add one', async () => {
    const body =
      'facts:\n  spend12m: { label: { zh-CN: 近12个月消费, en: 12-month spend } }\n  region: { type: string }\n';
    const result = await loadPolicy(write('relabel.tier.yaml', variant(body)));
    expect(result.diagnostics).toEqual([]);
    expect(result.policy!.facts!.spend12m!.type).toBe('number');
  });

  it('reports a missing base, a cycle and a broken base at the extends line', async () => {
    const missing = await loadPolicy(write('missing.tier.yaml', variant('', './nope.tier.yaml')));
    expect(missing.diagnostics[0]!.code).toBe('TW0505');
    expect(missing.diagnostics[0]!.message).toMatch(
      /^base policy .*nope\.tier\.yaml cannot be read: no such file$/,
    );
    expect(where(missing.diagnostics[0]!)).toBe('6:12');

    write('a.tier.yaml', variant('', './b.tier.yaml'));
    const cycle = await loadPolicy(write('b.tier.yaml', variant('', './a.tier.yaml')));
    expect(cycle.diagnostics.map((d) => d.code)).toContain('TW0505');
    expect(cycle.diagnostics.some((d) => d.message.startsWith('extends forms a cycle'))).toBe(true);

    write('broken.tier.yaml', edit(VALID, 'weight: 70', "weight: 'x'"));
    const broken = await loadPolicy(write('on-broken.tier.yaml', variant('', './broken.tier.yaml')));
    expect(broken.diagnostics.map((d) => d.code).sort()).toEqual(['TW0102', 'TW0505']);
  });
});

describe('variants checked from text alone', () => {
  it('are reported as needing their base instead of being linted as fragments', async () => {
    const { checkPolicyText } = await import('../../src/policy/check.js');
    const result = checkPolicyText(variant('dimensions:\n  value: { weight: 60 }\n'), 'v.tier.yaml');
    expect(result.diagnostics.map((d) => [d.code, where(d)])).toEqual([['TW0505', '6:12']]);
    expect(result.policy).toBeUndefined();
  });

  it('may trade a tier’s when for otherwise', async () => {
    const criteria = edit(
      edit(
        edit(VALID, 'method: thresholds', 'method: criteria'),
        '      minScore: 90\n',
        '      when: { fact: spend12m, operator: greaterThan, value: 100 }\n',
      ),
      '      minScore: 70\n',
      '      when: { fact: spend12m, operator: greaterThan, value: 10 }\n',
    ).replace(
      '    - id: standard\n',
      '    - id: standard\n      when: { fact: spend12m, operator: lessThanInclusive, value: 10 }\n',
    );
    write('criteria-base.tier.yaml', criteria);
    const path = write(
      'otherwise.tier.yaml',
      variant(
        'tiers:\n  method: criteria\n  levels:\n    - { id: standard, otherwise: true }\n',
        './criteria-base.tier.yaml',
      ),
    );
    const result = await loadPolicy(path);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.policy!.tiers!.levels[2]).toMatchObject({ id: 'standard', otherwise: true });
    expect(result.policy!.tiers!.levels[2]!.when).toBeUndefined();
  });
});
