import { join } from 'node:path';
import Database from 'libsql';
import { describe, expect, it } from 'vitest';
import { LOCAL_ADMIN } from '../../src/registry/tokens.js';
import { actor, freshRegistry, ok, policyText, publishText } from './fixture.js';

const hq = actor('hana', 'analyst', ['headquarters']);
const lead = actor('li', 'approver', ['*']);

async function history() {
  const fresh = await freshRegistry();
  await publishText(fresh.registry, hq, lead, policyText('seed004-scorecard'));
  ok(
    await fresh.registry.createToken(LOCAL_ADMIN, { name: 'ci', role: 'analyst', businessUnits: ['retail'] }),
  );
  return fresh;
}

/** Changes the database behind tierwise's back, as someone with the file could. */
async function tamper(fresh: Awaited<ReturnType<typeof history>>, sql: string) {
  await fresh.store.close();
  const db = new Database(join(fresh.dir, 'registry.db'));
  db.exec(sql);
  db.close();
  const { openStore } = await import('../../src/registry/store/open.js');
  const { Registry } = await import('../../src/registry/registry.js');
  const reopened = await openStore(join(fresh.dir, 'registry.db'));
  if ('diagnostic' in reopened) throw new Error(reopened.diagnostic.message);
  return new Registry(reopened.store, { dataDir: fresh.dir });
}

describe('registry verify', () => {
  it('finds an unbroken history sound', async () => {
    const fresh = await history();
    const verification = await fresh.registry.verify();
    expect(verification).toMatchObject({ diagnostics: [], versions: 1 });
    expect(verification.auditEntries).toBe((await fresh.registry.listAudit()).length);
  });

  it('detects an audit entry edited after the fact', async () => {
    const fresh = await history();
    const registry = await tamper(fresh, "UPDATE audit SET actor = 'mallory' WHERE seq = 3");
    const codes = (await registry.verify()).diagnostics.map((d) => [d.code, d.message]);
    expect(codes).toContainEqual(['TW1219', expect.stringContaining('audit entry 3')]);
  });

  it('detects a version whose content was changed in the database', async () => {
    const fresh = await history();
    const registry = await tamper(
      fresh,
      "UPDATE versions SET content = content || '# x' WHERE id = 'seed004-scorecard@1'",
    );
    expect((await registry.verify()).diagnostics.map((d) => d.code)).toContain('TW1220');
  });

  it('detects a version slipped in without an audited write, digest and all', async () => {
    const fresh = await history();
    const registry = await tamper(
      fresh,
      "UPDATE versions SET content = 'x', digest = 'sha256:2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881' WHERE id = 'seed004-scorecard@1'",
    );
    const codes = (await registry.verify()).diagnostics.map((d) => d.code);
    expect(codes).toContain('TW1221');
    expect(codes).not.toContain('TW1220');
  });

  it('detects a deleted audit entry', async () => {
    const fresh = await history();
    const registry = await tamper(fresh, 'DELETE FROM audit WHERE seq = 2');
    const codes = (await registry.verify()).diagnostics.map((d) => d.code);
    expect(codes).toContain('TW1219');
  });
});
