import { checkPolicyText } from '../policy/check.js';
import type { Policy } from '../policy/schema/policy.js';
import { contentRefusal } from '../registry/content.js';
import type { Actor, Refusal } from '../registry/outcome.js';
import type { ServerDeps } from './deps.js';

/** Policy text sent in a request, not (yet) in the registry: what an editor's what-if runs on. */
export interface DraftText {
  content: string;
  fileName?: string;
}

/**
 * A draft checked exactly as `POST /v1/validate` checks it (a variant against its bases in the
 * registry), so the what-if of a draft never runs on text that could not be submitted. Refused
 * with TW1200 and the checks' diagnostics, each pointed at `pointer` (the draft in the body).
 */
export async function draftPolicy(
  draft: DraftText,
  deps: ServerDeps,
  actor: Actor,
  pointer: string,
): Promise<{ policy: Policy; fileName: string } | Refusal> {
  const fileName = draft.fileName ?? 'draft.tier.yaml';
  // Without a registry (a bare server in tests) a variant is a fragment, as a lone file is.
  const checked = deps.checkPolicy
    ? await deps.checkPolicy(draft.content, fileName, actor)
    : checkPolicyText(draft.content, fileName);
  const refused = contentRefusal(checked);
  // The refusal's own TW1200 points at a change request's `/content`: here the draft's content.
  if (refused)
    return {
      ...refused,
      diagnostics: refused.diagnostics.map((d) =>
        d.code === 'TW1200' ? { ...d, pointer: `${pointer}/content` } : { pointer, ...d },
      ),
    };
  if (!checked.policy) throw new Error('a policy without errors has no document');
  return { policy: checked.policy, fileName };
}
