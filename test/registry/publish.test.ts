import { describe, expect, it } from 'vitest';
import { actor, freshRegistry, ok, policyText, publishText, refused, withVersion } from './fixture.js';

const hq = actor('hana', 'analyst', ['headquarters']);
const lead = actor('li', 'approver', ['*']);
const retail = actor('rui', 'analyst', ['retail']);
const retailLead = actor('ren', 'approver', ['retail']);

const vipFrom = (policy: { tiers?: { levels?: { id: string; minScore?: number }[] } }) =>
  policy.tiers?.levels?.find((l) => l.id === 'vip')?.minScore;

describe('publications and what is in force', () => {
  it('answers what a business unit has in force at an instant, before and after effectiveFrom', async () => {
    const { registry, clock } = await freshRegistry('2026-12-01T00:00:00Z');
    await publishText(registry, hq, lead, policyText('seed004-scorecard'));
    await publishText(
      registry,
      retail,
      retailLead,
      policyText('retail-scorecard'),
      '2027-01-01T00:00:00+08:00',
    );

    const before = ok(await registry.resolve({ businessUnit: 'retail', at: '2026-12-31T15:59:59Z' }));
    expect(before.version.id).toBe('seed004-scorecard@1');
    const after = ok(await registry.resolve({ businessUnit: 'retail', at: '2026-12-31T16:00:00Z' }));
    expect(after.version.id).toBe('retail-scorecard@1');
    // the variant merged with the base in force then: VIP from 85 instead of 90
    expect(vipFrom(after.policy)).toBe(85);
    expect(vipFrom(before.policy)).toBe(90);
    expect(after.bases.map((b) => b.id)).toEqual(['seed004-scorecard@1']);

    // without `at`, now: the clock moves past the start
    expect(ok(await registry.resolve({ businessUnit: 'retail' })).version.id).toBe('seed004-scorecard@1');
    clock.now = new Date('2027-01-02T00:00:00Z');
    expect(ok(await registry.resolve({ businessUnit: 'retail' })).version.id).toBe('retail-scorecard@1');
  });

  it('a later publication ends the earlier one from its own start, and the past stays as it was', async () => {
    const { registry, clock } = await freshRegistry('2026-12-01T00:00:00Z');
    await publishText(registry, hq, lead, policyText('seed004-scorecard'));
    clock.now = new Date('2026-12-10T00:00:00Z');
    const next = await publishText(registry, hq, lead, withVersion(policyText('seed004-scorecard'), '1.1.0'));
    const publications = await registry.listPublications({ policy: 'seed004-scorecard' });
    expect(publications.map((p) => [p.version, p.effectiveFrom, p.effectiveTo])).toEqual([
      ['seed004-scorecard@1', '2026-12-01T00:00:00.000Z', next.publication.effectiveFrom],
      ['seed004-scorecard@2', '2026-12-10T00:00:00.000Z', undefined],
    ]);
    const replay = ok(await registry.resolve({ businessUnit: 'headquarters', at: '2026-12-05T00:00:00Z' }));
    expect(replay.version.id).toBe('seed004-scorecard@1');
  });

  it('refuses an effectiveFrom in the past, without an offset, or before a scheduled publication', async () => {
    const { registry } = await freshRegistry('2026-12-01T00:00:00Z');
    await publishText(registry, hq, lead, policyText('seed004-scorecard'), '2027-03-01T00:00:00+08:00');
    const draft = async (version: string) => {
      const cr = ok(
        await registry.createChangeRequest(hq, {
          content: withVersion(policyText('seed004-scorecard'), version),
          title: 't',
        }),
      );
      ok(await registry.submit(hq, cr.value.id, 1));
      ok(await registry.approve(lead, cr.value.id, 2));
      return cr.value.id;
    };
    const id = await draft('1.1.0');
    for (const [effectiveFrom, code] of [
      ['2026-11-30T00:00:00Z', 'TW1212'],
      ['2027-02-01T00:00:00', 'TW1212'],
      ['2027-02-01T00:00:00+08:00', 'TW1212'],
    ] as const) {
      const refusal = refused(await registry.publish(lead, id, { ifMatch: 3, effectiveFrom }));
      expect(refusal.diagnostics[0]?.code).toBe(code);
      expect(refusal.diagnostics[0]?.pointer).toBe('/effectiveFrom');
    }
    // nothing of the refused publishes was written
    expect((await registry.getPolicy('seed004-scorecard')) as { versions: unknown[] }).toMatchObject({
      versions: [{}],
    });
  });

  it('says when nothing is in force, and when several are and one must be named', async () => {
    const { registry } = await freshRegistry();
    expect(refused(await registry.resolve({ businessUnit: 'retail' })).diagnostics[0]?.code).toBe('TW1213');
    await publishText(registry, hq, lead, policyText('seed004-scorecard'));
    await publishText(registry, hq, lead, policyText('seed004-quota'));
    const several = refused(await registry.resolve({ businessUnit: 'headquarters' }));
    expect(several.diagnostics[0]?.code).toBe('TW1214');
    expect(
      ok(await registry.resolve({ businessUnit: 'headquarters', policy: 'seed004-quota' })).version.id,
    ).toBe('seed004-quota@1');
  });

  it('rolls back by publishing an earlier version’s content as a new version, with the reason audited', async () => {
    const { registry, clock } = await freshRegistry('2026-12-01T00:00:00Z');
    await publishText(registry, hq, lead, policyText('seed004-scorecard'));
    const changed = policyText('seed004-scorecard').replace(/^( {2}version: )\S+$/m, '$11.1.0');
    clock.now = new Date('2026-12-02T00:00:00Z');
    await publishText(registry, hq, lead, changed);
    expect(
      refused(
        await registry.rollback(lead, {
          policy: 'seed004-scorecard',
          toVersion: 'seed004-scorecard@1',
          reason: 'x',
        }),
      ).refused,
    ).toBe('precondition-required');
    expect(
      refused(
        await registry.rollback(lead, {
          policy: 'seed004-scorecard',
          toVersion: 'seed004-scorecard@1',
          reason: ' ',
          ifMatch: 2,
        }),
      ).diagnostics[0]?.code,
    ).toBe('TW1224');
    expect(
      refused(
        await registry.rollback(hq, {
          policy: 'seed004-scorecard',
          toVersion: 'seed004-scorecard@1',
          reason: 'x',
          ifMatch: 2,
        }),
      ).diagnostics[0]?.code,
    ).toBe('TW1201');
    clock.now = new Date('2026-12-03T00:00:00Z');
    const back = ok(
      await registry.rollback(lead, {
        policy: 'seed004-scorecard',
        toVersion: 'seed004-scorecard@1',
        reason: 'VIP share doubled',
        ifMatch: 2,
      }),
    );
    expect(back.version).toMatchObject({
      id: 'seed004-scorecard@3',
      rollbackOf: 'seed004-scorecard@1',
      semver: '1.0.0',
    });
    expect(back.version.content).toBe(policyText('seed004-scorecard'));
    const versions = ok(await registry.getPolicy('seed004-scorecard')).versions;
    expect(versions.map((v) => v.id)).toEqual([
      'seed004-scorecard@1',
      'seed004-scorecard@2',
      'seed004-scorecard@3',
    ]);
    const entry = (await registry.listAudit()).find((e) => e.action === 'rollback');
    expect(entry).toMatchObject({ actor: 'li', reason: 'VIP share doubled', after: back.version.digest });
    expect(ok(await registry.resolve({ businessUnit: 'headquarters' })).version.id).toBe(
      'seed004-scorecard@3',
    );
  });

  it('publishes exactly one of many approved changes racing onto one base; the others are told what moved', async () => {
    const { registry } = await freshRegistry();
    await publishText(registry, hq, lead, policyText('seed004-scorecard'));
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const cr = ok(
        await registry.createChangeRequest(hq, {
          content: withVersion(policyText('seed004-scorecard'), `1.${i + 1}.0`),
          title: `${i}`,
        }),
      );
      ok(await registry.submit(hq, cr.value.id, 1));
      ok(await registry.approve(lead, cr.value.id, 2));
      ids.push(cr.value.id);
    }
    const outcomes = await Promise.all(ids.map((id) => registry.publish(lead, id, { ifMatch: 3 })));
    const published = outcomes.filter((o) => !('refused' in o));
    expect(published).toHaveLength(1);
    expect(
      outcomes.filter((o) => 'refused' in o).map((o) => 'refused' in o && o.diagnostics[0]?.code),
    ).toEqual(Array(11).fill('TW1208'));
    const versions = ok(await registry.getPolicy('seed004-scorecard')).versions;
    expect(versions.map((v) => v.sequence)).toEqual([1, 2]);
    expect((await registry.verify()).diagnostics).toEqual([]);
  });
});
