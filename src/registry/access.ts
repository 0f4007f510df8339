import { msg, type Text } from '../i18n/text.js';
import type { Actor, Refusal } from './outcome.js';
import type { Role } from './records.js';
import { refuse } from './refuse.js';

const RANK: Record<Role, number> = { viewer: 0, analyst: 1, approver: 2, admin: 3 };

/**
 * What each action needs. Reads and evaluations need any token; analysts draft; approvers
 * approve, publish and roll back (never their own change: change-requests.ts); admins manage
 * tokens. A business unit's writes need the unit in the token, the company base needs `*`.
 */
export const ACTIONS = {
  read: { role: 'viewer', text: msg('registry.actRead') },
  /** Customer data and decisions about customers are the business unit's own. */
  readData: { role: 'viewer', text: msg('registry.actRead') },
  draft: { role: 'analyst', text: msg('registry.actDraft') },
  submit: { role: 'analyst', text: msg('registry.actSubmit') },
  withdraw: { role: 'analyst', text: msg('registry.actWithdraw') },
  upload: { role: 'analyst', text: msg('registry.actUpload') },
  approve: { role: 'approver', text: msg('registry.actApprove') },
  reject: { role: 'approver', text: msg('registry.actReject') },
  publish: { role: 'approver', text: msg('registry.actPublish') },
  rollback: { role: 'approver', text: msg('registry.actRollback') },
  /** Overrides (overrides/): the policy's account manager proposes, its sales supervisor approves. */
  propose: { role: 'analyst', text: msg('registry.actPropose') },
  revoke: { role: 'approver', text: msg('registry.actRevoke') },
  tokens: { role: 'admin', text: msg('registry.actTokens') },
} as const satisfies Record<string, { role: Role; text: Text }>;

export type Action = keyof typeof ACTIONS;

export const coversUnit = (actor: Actor, businessUnit: string): boolean =>
  actor.businessUnits.includes('*') || actor.businessUnits.includes(businessUnit);

export const unitName = (businessUnit: string): string => businessUnit;

/** Undefined when the actor may; else the refusal (403) that says which role or unit is missing. */
export function may(actor: Actor, action: Action, businessUnit?: string): Refusal | undefined {
  const { role, text } = ACTIONS[action];
  if (RANK[actor.role] < RANK[role])
    return refuse(
      'forbidden',
      'TW1201',
      msg('registry.roleTooLow', { role: actor.role, needed: role, action: text }),
      {
        help: msg('registry.roleTooLowHelp'),
      },
    );
  if (businessUnit !== undefined && action !== 'read' && !coversUnit(actor, businessUnit))
    return refuse(
      'forbidden',
      'TW1202',
      msg('registry.outsideUnits', { unit: unitName(businessUnit), action: text }),
      {
        help: msg('registry.outsideUnitsHelp'),
      },
    );
  return undefined;
}
