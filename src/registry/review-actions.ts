import { may } from './access.js';
import { FROM, type Transition } from './change-requests.js';
import type { Actor } from './outcome.js';
import type { ChangeRequestRecord } from './records.js';

export type ReviewAction = Transition | 'edit' | 'publish';

/**
 * What the actor may do with a change request now, by the rules its steps enforce (role, unit,
 * state, four eyes): the editor offers only these. The steps still check everything themselves;
 * this list only keeps the editor from offering what would be refused.
 */
export function reviewActions(actor: Actor, request: ChangeRequestRecord): ReviewAction[] {
  const own = request.author === actor.name;
  const steps: Transition[] = ['submit', 'approve', 'reject', 'withdraw'];
  const allowed: ReviewAction[] = steps.filter((step) => {
    if (!FROM[step].includes(request.state)) return false;
    if (may(actor, step, request.businessUnit)) return false;
    if (step === 'approve') return !own;
    if (step === 'withdraw') return own || actor.role === 'admin';
    return true;
  });
  const open = request.state === 'draft' || request.state === 'in_review' || request.state === 'approved';
  if (open && own && !may(actor, 'draft', request.businessUnit)) allowed.unshift('edit');
  if (request.state === 'approved' && !may(actor, 'publish', request.businessUnit)) allowed.push('publish');
  return allowed;
}
