import { describe, expect, it } from 'vitest';
import { actor, freshRegistry, ok, policyText, publishText, refused, withVersion } from './fixture.js';

const hq = actor('hana', 'analyst', ['headquarters']);
const lead = actor('li', 'approver', ['*']);
const retail = actor('rui', 'analyst', ['retail']);
const retailLead = actor('ren', 'approver', ['retail']);

describe('change requests', () => {
  it('goes draft → in review → approved → published, with the audit naming each step', async () => {
    const { registry } = await freshRegistry();
    const published = await publishText(registry, hq, lead, policyText('seed004-scorecard'));
    expect(published.version).toMatchObject({
      id: 'seed004-scorecard@1',
      sequence: 1,
      semver: '1.0.0',
      author: 'li',
    });
    expect(published.changeRequest?.state).toBe('published');
    expect(published.publication).toMatchObject({
      businessUnit: 'headquarters',
      version: 'seed004-scorecard@1',
    });
    const actions = (await registry.listAudit()).map((e) => `${e.actor} ${e.action}`);
    expect(actions).toEqual([
      'hana cr.create',
      'hana cr.submit',
      'li cr.approve',
      'li policy.create',
      'li version.create',
      'li publish',
      'li cr.publish',
    ]);
  });

  it('never lets the author approve their own change (four-eyes), whatever their role', async () => {
    const { registry } = await freshRegistry();
    const created = ok(
      await registry.createChangeRequest(lead, { content: policyText('seed004-scorecard'), title: 't' }),
    );
    const submitted = ok(await registry.submit(lead, created.value.id, 1));
    const own = refused(await registry.approve(lead, created.value.id, submitted.value.revision));
    expect(own.refused).toBe('forbidden');
    expect(own.diagnostics[0]?.code).toBe('TW1203');
  });

  it('clears an approval when the content changes after it, and the change is reviewed again', async () => {
    const { registry } = await freshRegistry();
    const created = ok(
      await registry.createChangeRequest(hq, { content: policyText('seed004-scorecard'), title: 't' }),
    );
    ok(await registry.submit(hq, created.value.id, 1));
    const approved = ok(await registry.approve(lead, created.value.id, 2));
    expect(approved.value.approval?.digest).toBe(approved.value.digest);
    const edited = ok(
      await registry.updateChangeRequest(
        hq,
        created.value.id,
        { content: `${policyText('seed004-scorecard')}\n# one more comment\n` },
        approved.value.revision,
      ),
    );
    expect(edited.value.state).toBe('in_review');
    expect(edited.value.approval).toBeUndefined();
    const publishing = refused(
      await registry.publish(lead, created.value.id, { ifMatch: edited.value.revision }),
    );
    expect(publishing.diagnostics[0]?.code).toBe('TW1205');
  });

  it('keeps the approval when an edit leaves the content as it was', async () => {
    const { registry } = await freshRegistry();
    const created = ok(
      await registry.createChangeRequest(hq, { content: policyText('seed004-scorecard'), title: 't' }),
    );
    ok(await registry.submit(hq, created.value.id, 1));
    ok(await registry.approve(lead, created.value.id, 2));
    const retitled = ok(
      await registry.updateChangeRequest(hq, created.value.id, { title: 'better title' }, 3),
    );
    expect(retitled.value.state).toBe('approved');
    expect(retitled.value.approval?.by).toBe('li');
  });

  it('wants If-Match on writes (428 without, 412 when stale)', async () => {
    const { registry } = await freshRegistry();
    const created = ok(
      await registry.createChangeRequest(hq, { content: policyText('seed004-scorecard'), title: 't' }),
    );
    expect(refused(await registry.submit(hq, created.value.id)).refused).toBe('precondition-required');
    const stale = refused(await registry.submit(hq, created.value.id, 7));
    expect(stale.refused).toBe('stale');
    expect(stale.diagnostics[0]?.code).toBe('TW1206');
  });

  it('refuses to submit content with errors, with the checks’ diagnostics at line:column', async () => {
    const { registry } = await freshRegistry();
    const broken = policyText('seed004-scorecard').replace('weight: 50', 'weight: fifty');
    const created = ok(await registry.createChangeRequest(hq, { content: broken, title: 't' }));
    expect(created.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    const refusal = refused(await registry.submit(hq, created.value.id, 1));
    expect(refusal.refused).toBe('invalid');
    expect(refusal.diagnostics[0]?.code).toBe('TW1200');
    const typeError = refusal.diagnostics.find((d) => d.code === 'TW0102');
    expect(typeError?.range?.start.line).toBeGreaterThan(1);
  });

  it('refuses a draft that names no policy, and roles and business units that do not allow the write', async () => {
    const { registry } = await freshRegistry();
    const nameless = refused(
      await registry.createChangeRequest(hq, { content: 'apiVersion: tierwise/v1\n', title: 't' }),
    );
    expect(nameless.refused).toBe('invalid');
    const viewer = refused(
      await registry.createChangeRequest(actor('v', 'viewer'), {
        content: policyText('seed004-scorecard'),
        title: 't',
      }),
    );
    expect(viewer.diagnostics[0]?.code).toBe('TW1201');
    const elsewhere = refused(
      await registry.createChangeRequest(retail, { content: policyText('seed004-scorecard'), title: 't' }),
    );
    expect(elsewhere.diagnostics[0]?.code).toBe('TW1202');
  });

  it('refuses a next version whose metadata.version is not raised', async () => {
    const { registry } = await freshRegistry();
    await publishText(registry, hq, lead, policyText('seed004-scorecard'));
    const same = ok(
      await registry.createChangeRequest(hq, {
        content: `${policyText('seed004-scorecard')}\n# edited\n`,
        title: 't',
      }),
    );
    const refusal = refused(await registry.submit(hq, same.value.id, 1));
    expect(refusal.diagnostics[0]?.code).toBe('TW1211');
  });

  it('refuses to publish onto a base that moved since the draft (409 naming the move), and publishes after a rebase', async () => {
    const { registry } = await freshRegistry();
    await publishText(registry, hq, lead, policyText('seed004-scorecard'));
    const first = ok(
      await registry.createChangeRequest(hq, {
        content: withVersion(policyText('seed004-scorecard'), '1.1.0'),
        title: 'a',
      }),
    );
    const second = ok(
      await registry.createChangeRequest(hq, {
        content: withVersion(policyText('seed004-scorecard'), '1.2.0'),
        title: 'b',
      }),
    );
    expect(second.value.baseVersion).toBe('seed004-scorecard@1');
    for (const cr of [first, second]) {
      ok(await registry.submit(hq, cr.value.id, 1));
      ok(await registry.approve(lead, cr.value.id, 2));
    }
    ok(await registry.publish(lead, first.value.id, { ifMatch: 3 }));
    const moved = refused(await registry.publish(lead, second.value.id, { ifMatch: 3 }));
    expect(moved.refused).toBe('conflict');
    expect(moved.diagnostics[0]?.code).toBe('TW1208');
    expect(moved.diagnostics[0]?.message).toContain('seed004-scorecard@2');
    const rebased = ok(
      await registry.updateChangeRequest(hq, second.value.id, { baseVersion: 'seed004-scorecard@2' }, 3),
    );
    expect(rebased.value.state).toBe('in_review');
    ok(await registry.approve(lead, second.value.id, rebased.value.revision));
    const published = ok(
      await registry.publish(lead, second.value.id, { ifMatch: rebased.value.revision + 1 }),
    );
    expect(published.version.id).toBe('seed004-scorecard@3');
  });

  it('lets only the author edit, and an approver of the business unit reject with a comment', async () => {
    const { registry } = await freshRegistry();
    await publishText(registry, hq, lead, policyText('seed004-scorecard'));
    const draft = ok(
      await registry.createChangeRequest(retail, {
        content: policyText('retail-scorecard'),
        title: 'VIP at 85',
      }),
    );
    const notMine = refused(
      await registry.updateChangeRequest(retailLead, draft.value.id, { title: 'x' }, 1),
    );
    expect(notMine.diagnostics[0]?.code).toBe('TW1223');
    ok(await registry.submit(retail, draft.value.id, 1));
    const rejected = ok(await registry.reject(retailLead, draft.value.id, 2, 'loyalty weight too high'));
    expect(rejected.value).toMatchObject({
      state: 'rejected',
      closed: { by: 'ren', comment: 'loyalty weight too high' },
    });
    const after = refused(await registry.submit(retail, draft.value.id, rejected.value.revision));
    expect(after.diagnostics[0]?.code).toBe('TW1205');
  });
});
