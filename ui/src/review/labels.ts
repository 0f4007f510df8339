import { msg } from '@lit/localize';

// Names of states and audit steps, read at render time so that a language switch re-reads them.

export type RequestState = 'draft' | 'in_review' | 'approved' | 'published' | 'rejected' | 'withdrawn';
export const REQUEST_STATES: readonly RequestState[] = [
  'draft',
  'in_review',
  'approved',
  'published',
  'rejected',
  'withdrawn',
];

export function requestState(state: string): string {
  switch (state) {
    case 'draft':
      return msg('draft', { id: 'review.state.draft' });
    case 'in_review':
      return msg('in review', { id: 'review.state.inReview' });
    case 'approved':
      return msg('approved', { id: 'review.state.approved' });
    case 'published':
      return msg('published', { id: 'review.state.published' });
    case 'rejected':
      return msg('rejected', { id: 'review.state.rejected' });
    case 'withdrawn':
      return msg('withdrawn', { id: 'review.state.withdrawn' });
    default:
      return state;
  }
}

export function policyStatus(status: string): string {
  switch (status) {
    case 'published':
      return msg('published', { id: 'review.state.published' });
    case 'scheduled':
      return msg('scheduled', { id: 'review.status.scheduled' });
    case 'unpublished':
      return msg('not in force', { id: 'review.status.unpublished' });
    case 'proposed':
      return msg('proposed', { id: 'review.status.proposed' });
    default:
      return status;
  }
}

export function changeKind(kind: string): string {
  switch (kind) {
    case 'major':
      return msg('major', { id: 'review.kind.major' });
    case 'minor':
      return msg('minor', { id: 'review.kind.minor' });
    case 'patch':
      return msg('patch', { id: 'review.kind.patch' });
    default:
      return msg('no change', { id: 'review.kind.none' });
  }
}

export function auditAction(action: string): string {
  switch (action) {
    case 'policy.create':
      return msg('policy created', { id: 'review.audit.policyCreate' });
    case 'cr.create':
      return msg('change drafted', { id: 'review.audit.create' });
    case 'cr.update':
      return msg('change edited', { id: 'review.audit.update' });
    case 'cr.submit':
      return msg('sent for review', { id: 'review.audit.submit' });
    case 'cr.approve':
      return msg('approved', { id: 'review.state.approved' });
    case 'cr.reject':
      return msg('rejected', { id: 'review.state.rejected' });
    case 'cr.withdraw':
      return msg('withdrawn', { id: 'review.state.withdrawn' });
    case 'cr.publish':
      return msg('change published', { id: 'review.audit.crPublish' });
    case 'version.create':
      return msg('version created', { id: 'review.audit.version' });
    case 'publish':
      return msg('publication', { id: 'review.audit.publish' });
    case 'rollback':
      return msg('rolled back', { id: 'review.audit.rollback' });
    default:
      return action;
  }
}

/** A policy's label in the language shown, else its name. */
export const labelOf = (labels: { en?: string; 'zh-CN'?: string } | undefined, locale: string) =>
  (locale === 'zh-CN' ? labels?.['zh-CN'] : labels?.en) ?? labels?.en ?? labels?.['zh-CN'];
