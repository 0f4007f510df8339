import type { Context } from 'hono';
import { msg } from '../../i18n/text.js';
import type { Policy } from '../../policy/schema/policy.js';
import { isRefusal, type Refusal } from '../../registry/outcome.js';
import { tiersNeeded } from '../../simulate/needs-tiers.js';
import type { ServerDeps } from '../deps.js';
import { draftPolicy } from '../draft.js';
import type { ServerEnv } from '../env.js';
import { policyQuery } from '../evaluate/query.js';
import { refusal } from '../respond.js';
import type { DraftPolicy } from '../schemas/population.js';

/** How a request names the policy a population command runs: stored, or a draft's text. */
export interface PolicyChoice {
  version?: string;
  businessUnit?: string;
  policy?: string;
  at?: string;
  draft?: DraftPolicy;
}

/** A policy to run, and what reports call it: a version id, or the draft's file name. */
export interface PolicyToRun {
  policy: Policy;
  file: string;
}

/**
 * The policy a population command runs on, with tiers to report on: what the registry resolves
 * for a stored choice, or a draft checked as POST /v1/validate checks it (its errors refuse the
 * run with their line:column in the draft, `pointer` naming the draft in the body).
 */
export async function policyToRun(
  choice: PolicyChoice,
  command: string,
  pointer: string,
  deps: ServerDeps,
  c: Context<ServerEnv>,
): Promise<PolicyToRun | Refusal> {
  const { draft, version, businessUnit, policy, at } = choice;
  const stored = { version, businessUnit, policy, at };
  const found = draft
    ? await fromDraft(draft, stored, pointer, deps, c)
    : await fromRegistry(stored, pointer, deps, c);
  if (isRefusal(found)) return found;
  const tierless = tiersNeeded(found.policy, command, found.file);
  return tierless ? { refused: 'invalid', diagnostics: [tierless] } : found;
}

async function fromDraft(
  draft: DraftPolicy,
  stored: Omit<PolicyChoice, 'draft'>,
  pointer: string,
  deps: ServerDeps,
  c: Context<ServerEnv>,
): Promise<PolicyToRun | Refusal> {
  const both = Object.values(stored).some((v) => v !== undefined);
  if (both)
    return refusal('invalid', 'TW1350', msg('whatif.draftAndStored'), {
      pointer,
      help: msg('whatif.draftAndStoredHelp'),
    });
  const checked = await draftPolicy(draft, deps, c.get('actor'), pointer);
  return isRefusal(checked) ? checked : { policy: checked.policy, file: checked.fileName };
}

async function fromRegistry(
  stored: Omit<PolicyChoice, 'draft'>,
  pointer: string,
  deps: ServerDeps,
  c: Context<ServerEnv>,
): Promise<PolicyToRun | Refusal> {
  const query = policyQuery(stored);
  if ('code' in query)
    return { refused: 'invalid', diagnostics: [{ ...query, pointer: `${pointer}${query.pointer ?? ''}` }] };
  const resolved = await deps.resolvePolicy(query, c.get('actor'));
  return isRefusal(resolved) ? resolved : { policy: resolved.policy, file: resolved.version.id };
}

/** A side of a diff as the body gives it (`{ content, fileName }` in place of a stored choice). */
export function sideChoice(side: {
  version?: string;
  businessUnit?: string;
  policy?: string;
  at?: string;
  content?: string;
  fileName?: string;
}): PolicyChoice {
  const { content, fileName, ...stored } = side;
  if (content === undefined) return stored;
  return { ...stored, draft: { content, ...(fileName === undefined ? {} : { fileName }) } };
}
