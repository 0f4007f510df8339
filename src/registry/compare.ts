import { resolve as resolvePath } from 'node:path';
import { msg } from '../i18n/text.js';
import { highestKind, judgeChanges, type SemverDiff } from '../policy/changes/index.js';
import { type CheckedPolicy, finish, parsePolicy } from '../policy/check.js';
import { resolveExtends } from '../policy/extends.js';
import type { Locator } from '../policy/locate.js';
import type { Policy } from '../policy/schema/policy.js';
import { tiersNeeded } from '../simulate/needs-tiers.js';
import { registryBases } from './bases.js';
import { contentRefusal, defaultFileName } from './content.js';
import type { RegistryContext } from './context.js';
import { isRefusal, type Outcome, type PolicyQuery, type ResolvedPolicy } from './outcome.js';
import type { ChangeRequestRecord, VersionRecord } from './records.js';
import { notFound, refuse } from './refuse.js';

/**
 * A change request beside what it changes: the version it started from, or, for a new variant,
 * the base it extends (what its business unit is given until the variant is published).
 */
export interface ComparedRequest {
  request: ChangeRequestRecord;
  fileName: string;
  against?: { resolved: ResolvedPolicy; why: 'base-version' | 'extends' };
  proposed: { checked: CheckedPolicy; locator: Locator };
}

type Resolve = (query: PolicyQuery) => Promise<Outcome<ResolvedPolicy>>;

export async function compareRequest(
  ctx: RegistryContext,
  resolve: Resolve,
  id: string,
): Promise<Outcome<ComparedRequest>> {
  const request = await ctx.store.read((r) => r.getChangeRequest(id));
  if (!request) return notFound('changeRequest', id);
  const fileName =
    (await ctx.store.read((r) => r.getPolicy(request.policy)))?.fileName ?? defaultFileName(request.policy);
  const bases: VersionRecord[] = [];
  const proposed = await ctx.store.read(async (reader) => {
    // Checked as a submit checks it, keeping the locator: changes are found at their line.
    const parsed = parsePolicy(request.content, fileName);
    const merged = parsed.document?.metadata.extends
      ? await resolveExtends(parsed, resolvePath(fileName), {
          readBase: registryBases(reader, ctx.now().getTime(), bases),
        })
      : parsed;
    return { checked: finish(merged), locator: merged.locator };
  });
  const [why, version] = request.baseVersion
    ? (['base-version', request.baseVersion] as const)
    : (['extends', bases[0]?.id] as const);
  if (version === undefined) return { request, fileName, proposed };
  const resolved = await resolve({ version });
  if (isRefusal(resolved)) return resolved;
  return { request, fileName, proposed, against: { resolved, why } };
}

/** What the change does to the policy and whether its version says so (`tierwise diff --semver`). */
export function requestChanges(compared: ComparedRequest): SemverDiff {
  const { request, against, proposed } = compared;
  const policy = proposed.checked.policy;
  const sources = proposed.checked.sources;
  const side = (source: string, p: Policy | undefined) => ({ source, version: p?.metadata.version });
  const empty = {
    old: side(against?.resolved.version.id ?? '', against?.resolved.policy),
    new: side(request.id, policy),
    report: { level: 'none' as const, changes: [] },
    sources,
  };
  if (!policy) return { ...empty, status: 'unreadable', diagnostics: proposed.checked.diagnostics };
  if (!against) return { ...empty, status: 'new', diagnostics: [] };
  const judged = judgeChanges(
    { source: against.resolved.version.id, policy: against.resolved.policy },
    { source: request.id, policy, locator: proposed.locator },
    sources,
  );
  if (against.why === 'base-version') return judged;
  // A new variant is a new policy with its own identity and version line: what it changes of its
  // base's rules is the news, its metadata differs by design and its version answers to nobody.
  const changes = judged.report.changes.filter((c) => !c.pointer.startsWith('/metadata'));
  const report = { ...judged.report, level: highestKind(changes.map((c) => c.kind)), changes };
  return { old: judged.old, new: judged.new, sources, report, status: 'new', diagnostics: [] };
}

/**
 * The two policies a change request's population impact runs: what it is compared with, and
 * what it proposes. Refused when the proposal has errors (TW1200), when it is a new policy that
 * extends nothing (TW1332), or when either side has no tiers to count.
 */
export function impactSides(
  compared: ComparedRequest,
): Outcome<{ from: { policy: Policy; file: string }; to: { policy: Policy; file: string } }> {
  const { request, against, proposed } = compared;
  const invalid = contentRefusal(proposed.checked);
  if (invalid) return invalid;
  if (!against)
    return refuse(
      'invalid',
      'TW1332',
      msg('review.nothingToCompare', { id: request.id, policy: request.policy }),
      { help: msg('review.nothingToCompareHelp') },
    );
  const from = { policy: against.resolved.policy, file: against.resolved.version.id };
  const to = { policy: proposed.checked.policy!, file: request.id };
  for (const side of [from, to]) {
    const tierless = tiersNeeded(side.policy, 'diff', side.file);
    if (tierless) return { refused: 'invalid', diagnostics: [tierless] };
  }
  return { from, to };
}
