import { msg } from '../i18n/text.js';
import type { Tiers } from '../policy/schema/tiers.js';
import type { Decision } from './decision.js';

/**
 * A policy may compute facts and classes and tier no one (no `tiers:`, issue 13). The
 * evaluators read its tiers through this empty list, so every tier lookup finds none, and give
 * each customer this decision instead of a per-customer "no tier" finding.
 */
export const NO_TIERS: Tiers = { method: 'criteria', levels: [] } as unknown as Tiers;

export const TIERLESS_DECISION: Decision = { method: 'none', reason: msg('factsout.noTiersReason') };
