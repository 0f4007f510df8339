import type { Code } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { msg, type Text } from '../i18n/text.js';
import type { Refusal, RefusalKind } from './outcome.js';
import type { ChangeRequestState } from './records.js';

/** One refusal with one diagnostic; `pointer` is into the request (the server's body) when given. */
export function refuse(
  kind: RefusalKind,
  code: Code,
  message: Text,
  extra: { help?: Text; pointer?: string; more?: Diagnostic[] } = {},
): Refusal {
  const { more = [], ...rest } = extra;
  return { refused: kind, diagnostics: [diagnostic(code, message, rest), ...more] };
}

export type What =
  | 'policy'
  | 'version'
  | 'changeRequest'
  | 'dataset'
  | 'token'
  | 'decision'
  | 'publication'
  | 'override';

const WHAT: Record<What, Text> = {
  policy: msg('registry.whatPolicy'),
  version: msg('registry.whatVersion'),
  changeRequest: msg('registry.whatChangeRequest'),
  dataset: msg('registry.whatDataset'),
  token: msg('registry.whatToken'),
  decision: msg('registry.whatDecision'),
  publication: msg('registry.whatPublication'),
  override: msg('registry.whatOverride'),
};

export const whatText = (what: What): Text => WHAT[what];

export const notFound = (what: What, id: string): Refusal =>
  refuse('not-found', 'TW1204', msg('registry.notFound', { what: WHAT[what], id }));

const STATE: Record<ChangeRequestState, Text> = {
  draft: msg('registry.stateDraft'),
  in_review: msg('registry.stateInReview'),
  approved: msg('registry.stateApproved'),
  published: msg('registry.statePublished'),
  rejected: msg('registry.stateRejected'),
  withdrawn: msg('registry.stateWithdrawn'),
};

export const wrongState = (id: string, state: ChangeRequestState, action: Text): Refusal =>
  refuse('conflict', 'TW1205', msg('registry.wrongState', { id, state: STATE[state], action }));

/**
 * Optimistic concurrency: a write names the revision it read (the ETag); none is 428, another is
 * 412, so two reviewers never overwrite each other's edits unseen.
 */
export function checkRevision(what: What, expected: number | undefined, actual: number): Refusal | undefined {
  if (expected === undefined)
    return refuse(
      'precondition-required',
      'TW1207',
      msg('registry.preconditionRequired', { what: WHAT[what] }),
      {
        help: msg('registry.preconditionRequiredHelp'),
      },
    );
  if (expected !== actual)
    return refuse(
      'stale',
      'TW1206',
      msg('registry.stale', { what: WHAT[what], expected: String(expected), actual: String(actual) }),
      { help: msg('registry.staleHelp') },
    );
  return undefined;
}
