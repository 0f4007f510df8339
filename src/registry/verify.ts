import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { msg } from '../i18n/text.js';
import { chainHash } from './audit-chain.js';
import type { RegistryContext } from './context.js';
import { contentDigest } from './digest.js';

export interface Verification {
  diagnostics: Diagnostic[];
  auditEntries: number;
  versions: number;
}

const PAGE = 1_000;

/**
 * `tierwise registry verify`: the audit chain is unbroken, every version's content matches its
 * digest and was created by an audited write whose digest it carries, and the database's own
 * integrity check passes. Editing any of that outside tierwise shows here.
 */
export async function verifyRegistry(ctx: RegistryContext): Promise<Verification> {
  const diagnostics: Diagnostic[] = [];
  const created = new Map<string, string | undefined>();
  let previous = '';
  let expected = 1;
  for (let after = 0; ; ) {
    const page = await ctx.store.read((r) => r.listAudit({ after, limit: PAGE }));
    for (const entry of page) {
      if (entry.seq !== expected)
        diagnostics.push(diagnostic('TW1219', msg('registry.chainGap', { expected, actual: entry.seq })));
      const { hash, ...rest } = entry;
      if (entry.prevHash !== previous || chainHash(rest) !== hash)
        diagnostics.push(diagnostic('TW1219', msg('registry.chainBroken', { seq: entry.seq })));
      if (entry.action === 'version.create') created.set(entry.subject, entry.after);
      previous = hash;
      expected = entry.seq + 1;
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.seq;
  }
  let versions = 0;
  const policies = await ctx.store.read((r) => r.listPolicies());
  for (const policy of policies) {
    for (const version of await ctx.store.read((r) => r.listVersions(policy.name))) {
      versions++;
      if (contentDigest(version.content) !== version.digest)
        diagnostics.push(diagnostic('TW1220', msg('registry.digestMismatch', { id: version.id })));
      if (created.get(version.id) !== version.digest)
        diagnostics.push(diagnostic('TW1221', msg('registry.unaudited', { id: version.id })));
    }
  }
  for (const problem of await ctx.store.integrityCheck())
    diagnostics.push(diagnostic('TW1222', msg('registry.storeProblem', { problem })));
  return { diagnostics, auditEntries: expected - 1, versions };
}
