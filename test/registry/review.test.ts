import { describe, expect, it } from 'vitest';
import { impactSides, requestChanges } from '../../src/registry/compare.js';
import { isRefusal } from '../../src/registry/outcome.js';
import { policySubjects } from '../../src/registry/policy-audit.js';
import { reviewActions } from '../../src/registry/review-actions.js';
import { actor, freshRegistry, ok, policyText, publishText, refused, withVersion } from './fixture.js';

const hq = actor('hq', 'analyst', ['headquarters']);
const ana = actor('ana', 'analyst', ['retail']);
const boss = actor('boss', 'approver');

/** seed-004 published for headquarters, retail's variant published; the clock on 2026-12-01. */
async function seeded() {
  const fresh = await freshRegistry();
  await publishText(fresh.registry, hq, boss, policyText('seed004-scorecard'));
  await publishText(fresh.registry, ana, boss, policyText('retail-scorecard'));
  return fresh;
}

describe('policyOverview', () => {
  it('tells published from scheduled, and names a policy only a change request proposes', async () => {
    const { registry } = await seeded();
    const next = withVersion(policyText('retail-scorecard'), '1.1.0');
    const created = ok(
      await registry.createChangeRequest(ana, {
        content: next,
        title: 'next',
        baseVersion: 'retail-scorecard@1',
      }),
    );
    const submitted = ok(await registry.submit(ana, created.value.id, created.value.revision));
    const approved = ok(await registry.approve(boss, created.value.id, submitted.value.revision));
    ok(
      await registry.publish(boss, created.value.id, {
        ifMatch: approved.value.revision,
        effectiveFrom: '2027-01-01T00:00:00+08:00',
      }),
    );
    ok(
      await registry.draftVariant(
        ana,
        { base: 'seed004-scorecard', name: 'retail-b', businessUnit: 'retail' },
        'en',
      ),
    );

    const overview = await registry.policyOverview(ana);
    const row = (name: string) => overview.policies.find((p) => p.name === name)!;
    expect(row('retail-scorecard')).toMatchObject({
      status: 'published',
      inForce: { version: 'retail-scorecard@1' },
      scheduled: { version: 'retail-scorecard@2', effectiveFrom: '2027-01-01T00:00:00+08:00' },
      latest: { id: 'retail-scorecard@2', semver: '1.1.0' },
      author: 'ana',
      changeRequests: [],
    });
    expect(row('retail-b')).toMatchObject({
      status: 'proposed',
      extends: 'seed004-scorecard',
      author: 'ana',
    });
    expect(row('retail-b').fileName).toBeUndefined();
    expect(overview.policies.map((p) => p.businessUnit)).toEqual(['headquarters', 'retail', 'retail']);
    expect(overview.companyUnit).toBe('headquarters');
  });

  it('offers variants for the token’s own units, every known unit to `*`, none below analyst', async () => {
    const { registry } = await seeded();
    expect((await registry.policyOverview(ana)).variantUnits).toEqual(['retail']);
    expect((await registry.policyOverview(actor('root', 'admin'))).variantUnits).toEqual([
      'headquarters',
      'retail',
    ]);
    expect((await registry.policyOverview(actor('v', 'viewer', ['retail']))).variantUnits).toEqual([]);
  });
});

describe('draftVariant', () => {
  it('writes a draft that extends the base and inherits everything, in the asker’s language', async () => {
    const { registry } = await seeded();
    const draft = ok(
      await registry.draftVariant(
        ana,
        { base: 'seed004-scorecard', name: 'retail-b', businessUnit: 'retail' },
        'zh-CN',
      ),
    );
    expect(draft.value).toMatchObject({ policy: 'retail-b', state: 'draft', businessUnit: 'retail' });
    expect(draft.value.content).toContain('extends: ./seed004-scorecard.tier.yaml');
    expect(draft.value.content).toMatch(/^# 事业部 retail 对 seed004-scorecard 的变体/);
    expect(draft.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('refuses a name a policy has (TW1218), a base that is not the company’s (TW1330), another unit (TW1202)', async () => {
    const { registry } = await seeded();
    const ask = (base: string, name: string, unit = 'retail') =>
      registry.draftVariant(ana, { base, name, businessUnit: unit }, 'en');
    expect(refused(await ask('seed004-scorecard', 'retail-scorecard')).diagnostics[0]!.code).toBe('TW1218');
    expect(refused(await ask('retail-scorecard', 'retail-c')).diagnostics[0]!.code).toBe('TW1330');
    expect(refused(await ask('seed004-scorecard', 'corp-c', 'corporate')).diagnostics[0]!.code).toBe(
      'TW1202',
    );
    expect(refused(await ask('nope', 'retail-d')).refused).toBe('not-found');
  });
});

describe('compareRequest', () => {
  it('compares a new variant with the base it extends; its impact runs base against variant', async () => {
    const { registry } = await seeded();
    const draft = ok(
      await registry.draftVariant(
        ana,
        { base: 'seed004-scorecard', name: 'retail-b', businessUnit: 'retail' },
        'en',
      ),
    );
    const compared = ok(await registry.compareChangeRequest(draft.value.id));
    expect(compared.against).toMatchObject({
      why: 'extends',
      resolved: { version: { id: 'seed004-scorecard@1' } },
    });
    // Its own name, unit and version are not changes of the base's rules, nor a version to judge.
    expect(requestChanges(compared)).toMatchObject({ status: 'new', report: { level: 'none', changes: [] } });
    expect(requestChanges(compared).diagnostics).toEqual([]);
    const sides = impactSides(compared);
    expect(isRefusal(sides) ? sides.diagnostics : sides.from.file).toBe('seed004-scorecard@1');
  });

  it('says a new policy that extends nothing is new, and has no impact to compute (TW1332)', async () => {
    const { registry } = await seeded();
    const fresh = policyText('seed004-scorecard')
      .replace('name: seed004-scorecard', 'name: retail-fresh')
      .replace('businessUnit: headquarters', 'businessUnit: retail');
    const created = ok(await registry.createChangeRequest(ana, { content: fresh, title: 'fresh' }));
    const compared = ok(await registry.compareChangeRequest(created.value.id));
    expect(requestChanges(compared).status).toBe('new');
    expect(refused(impactSides(compared)).diagnostics[0]!.code).toBe('TW1332');
    expect(refused(await registry.compareChangeRequest('cr-404')).refused).toBe('not-found');
  });
});

describe('reviewActions', () => {
  it('offers steps by state, role, unit and four eyes', async () => {
    const { registry } = await seeded();
    const next = withVersion(policyText('retail-scorecard'), '1.1.0');
    const created = ok(await registry.createChangeRequest(ana, { content: next, title: 'next' }));
    const draft = created.value;
    expect(reviewActions(ana, draft)).toEqual(['edit', 'submit', 'withdraw']);
    expect(reviewActions(boss, draft)).toEqual(['submit']);
    const inReview = ok(await registry.submit(ana, draft.id, draft.revision)).value;
    expect(reviewActions(ana, inReview)).toEqual(['edit', 'withdraw']);
    expect(reviewActions(boss, inReview)).toEqual(['approve', 'reject']);
    expect(reviewActions(actor('far', 'approver', ['corporate']), inReview)).toEqual([]);
    expect(reviewActions(actor('root', 'admin'), inReview)).toEqual(['approve', 'reject', 'withdraw']);
    // An approver who wrote the change is never offered to approve it.
    expect(reviewActions(actor('ana', 'approver'), inReview)).toEqual(['edit', 'reject', 'withdraw']);
    const approved = ok(await registry.approve(boss, draft.id, inReview.revision)).value;
    expect(reviewActions(boss, approved)).toEqual(['reject', 'publish']);
  });
});

describe('policySubjects', () => {
  it('names the policy, its versions, publications and change requests', async () => {
    const { store } = await seeded();
    const subjects = await store.read((r) => policySubjects(r, 'retail-scorecard'));
    expect(subjects[0]).toBe('retail-scorecard');
    expect(subjects).toContain('retail-scorecard@1');
    expect(subjects.some((s) => s.startsWith('cr-'))).toBe(true);
    expect(subjects.some((s) => s.startsWith('pub-'))).toBe(true);
    expect(subjects).not.toContain('seed004-scorecard@1');
  });
});
