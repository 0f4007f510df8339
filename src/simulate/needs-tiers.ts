import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { msg } from '../i18n/text.js';
import type { Policy } from '../policy/schema/policy.js';

/**
 * TW0320 for a command that compares or tunes tiers (simulate, diff, calibrate) given a policy
 * that computes facts and classes only: its report would be a table of no tiers, and a
 * calibration would have no threshold to move. Undefined when the policy has tiers.
 */
export function tiersNeeded(policy: Policy, command: string, file?: string): Diagnostic | undefined {
  if (policy.tiers) return undefined;
  return diagnostic('TW0320', msg('factsout.needsTiers', { command }), {
    file,
    pointer: '',
    help: msg('factsout.needsTiersHelp'),
  });
}
