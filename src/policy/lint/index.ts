import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Locator } from '../locate.js';
import type { Policy } from '../schema/policy.js';
import { conditions } from './conditions.js';
import { LintContext, type LintRule } from './context.js';
import { criteriaCoverage } from './criteria.js';
import { expressions } from './expressions.js';
import { facts } from './facts.js';
import { labels } from './labels.js';
import { matrix } from './matrix.js';
import { metadata } from './metadata.js';
import { tierOrder } from './order.js';
import { quota } from './quota.js';
import { rerating } from './rerating.js';
import { scoring } from './scoring.js';
import { serviceOrder } from './service.js';
import { thresholds } from './thresholds.js';
import { tiers } from './tiers.js';
import { weights } from './weights.js';

/**
 * The semantic checks run after the schema has passed, in the order a reader meets the file.
 * Each rule owns one concern and one file; adding a check is adding a file and a line here.
 */
const RULES: LintRule[] = [
  metadata,
  facts,
  expressions,
  conditions,
  weights,
  scoring,
  tiers,
  thresholds,
  quota,
  criteriaCoverage,
  matrix,
  tierOrder,
  serviceOrder,
  rerating,
  labels,
];

export function lintPolicy(policy: Policy, locator: Locator): Diagnostic[] {
  const context = new LintContext(policy, locator);
  for (const rule of RULES) rule(context);
  return context.diagnostics;
}
