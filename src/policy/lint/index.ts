import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Locator } from '../locate.js';
import type { Policy } from '../schema/policy.js';
import { LintContext, type LintRule } from './context.js';

/**
 * The semantic checks run after the schema has passed, in the order a reader meets the file.
 * Each rule owns one concern and one file; adding a check is adding a file and a line here.
 */
const RULES: LintRule[] = [];

export function lintPolicy(policy: Policy, locator: Locator): Diagnostic[] {
  const context = new LintContext(policy, locator);
  for (const rule of RULES) rule(context);
  return context.diagnostics;
}
