import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRefusal, type Refusal } from '../../src/registry/outcome.js';
import { draftPolicy } from '../../src/server/draft.js';
import { registryDeps } from '../../src/server/registry-deps.js';
import { fixtureDeps, POLICIES, TOKENS } from './fixture-deps.js';
import { type SeededApp, seededApp } from './seeded-app.js';

const text = (name: string) => readFileSync(join(POLICIES, `${name}.tier.yaml`), 'utf8');
const VIEWER = TOKENS['viewer-secret']!;

function refused(outcome: unknown): Refusal {
  if (!isRefusal(outcome)) throw new Error('expected a refusal');
  return outcome;
}

describe('draftPolicy: policy text sent in a request', () => {
  let seeded: SeededApp;
  beforeAll(async () => {
    seeded = await seededApp();
  }, 60_000);
  afterAll(() => seeded?.close());

  it('a valid draft is the policy, named by its file name (draft.tier.yaml by default)', async () => {
    const deps = await fixtureDeps();
    const draft = text('seed004-scorecard').replace('minScore: 90', 'minScore: 85');
    const named = await draftPolicy({ content: draft, fileName: 'mine.tier.yaml' }, deps, VIEWER, '/to');
    if (isRefusal(named)) throw new Error(JSON.stringify(named.diagnostics));
    expect(named.fileName).toBe('mine.tier.yaml');
    expect(named.policy.tiers?.levels[0]).toMatchObject({ id: 'vip', minScore: 85 });
    const unnamed = await draftPolicy({ content: draft }, deps, VIEWER, '/to');
    expect(isRefusal(unnamed) ? unnamed : unnamed.fileName).toBe('draft.tier.yaml');
  });

  it('a draft with errors is refused with TW1200 at its content, then the checks’ own findings at line:column', async () => {
    const deps = await fixtureDeps();
    const draft = text('seed004-scorecard').replace('minScore: 90', 'minScore: ninety');
    const refusal = refused(
      await draftPolicy({ content: draft, fileName: 'x.tier.yaml' }, deps, VIEWER, '/to'),
    );
    expect(refusal.refused).toBe('invalid');
    expect(refusal.diagnostics[0]).toMatchObject({ code: 'TW1200', pointer: '/to/content' });
    const wrongType = refusal.diagnostics.find((d) => d.code === 'TW0102');
    expect(wrongType).toMatchObject({ file: 'x.tier.yaml', range: { start: { line: 221 } } });
  });

  it('a variant is merged with its base from the registry; without a registry it is a fragment', async () => {
    const draft = text('retail-scorecard').replace('minScore: 85', 'minScore: 80');
    const deps = registryDeps(seeded.registry);
    const merged = await draftPolicy({ content: draft }, deps, VIEWER, '/to');
    if (isRefusal(merged)) throw new Error(JSON.stringify(merged.diagnostics));
    expect(merged.policy.tiers?.levels.map((l) => [l.id, l.minScore])).toEqual([
      ['vip', 80],
      ['key', 70],
      ['standard', 50],
      ['watch', undefined],
    ]);
    // the base's facts, the variant's weights
    expect(merged.policy.facts?.spend12m?.aggregate).toBe('sum');
    expect(merged.policy.dimensions?.loyalty?.weight).toBe(40);
    const alone = refused(await draftPolicy({ content: draft }, await fixtureDeps(), VIEWER, '/to'));
    expect(alone.diagnostics.map((d) => d.code)).toContain('TW0505');
  });
});
