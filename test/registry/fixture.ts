import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '../../src/registry/outcome.js';
import { isRefusal, type Outcome, type Refusal } from '../../src/registry/outcome.js';
import { Registry } from '../../src/registry/registry.js';
import { openStore } from '../../src/registry/store/open.js';
import { ROOT } from '../e2e/cli.js';

export const policyText = (name: string) => readFileSync(join(ROOT, 'policies', `${name}.tier.yaml`), 'utf8');

/** A policy text with its metadata.version replaced, for a next version. */
export const withVersion = (text: string, version: string) =>
  text.replace(/^( {2}version: )\S+$/m, `$1${version}`);

export const actor = (name: string, role: Actor['role'], businessUnits: string[] = ['*']): Actor => ({
  id: `tok-${name}`,
  name,
  role,
  businessUnits,
});

/** A registry over a fresh SQLite database in a temporary folder, with a clock the test moves. */
export async function freshRegistry(start = '2026-12-01T00:00:00.000Z') {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-registry-'));
  const opened = await openStore(join(dir, 'registry.db'));
  if ('diagnostic' in opened) throw new Error(opened.diagnostic.message);
  const clock = { now: new Date(start) };
  const registry = new Registry(opened.store, { dataDir: dir, now: () => clock.now });
  return { registry, store: opened.store, dir, clock };
}

/** The value, or a failed expectation that shows the refusal's diagnostics. */
export function ok<T>(outcome: Outcome<T>): T {
  if (isRefusal(outcome))
    throw new Error(
      `refused (${outcome.refused}): ${outcome.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`,
    );
  return outcome;
}

export function refused(outcome: Outcome<unknown>): Refusal {
  if (!isRefusal(outcome)) throw new Error('expected a refusal');
  return outcome;
}

/** Drafts, submits, approves (by `approver`) and publishes a policy text. */
export async function publishText(
  registry: Registry,
  author: Actor,
  approver: Actor,
  content: string,
  effectiveFrom?: string,
) {
  const created = ok(await registry.createChangeRequest(author, { content, title: 'publish' }));
  const submitted = ok(await registry.submit(author, created.value.id, created.value.revision));
  const approved = ok(await registry.approve(approver, created.value.id, submitted.value.revision));
  return ok(
    await registry.publish(approver, created.value.id, {
      ifMatch: approved.value.revision,
      ...(effectiveFrom ? { effectiveFrom } : {}),
    }),
  );
}
