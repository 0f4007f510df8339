import type { AsOf } from '../facts/asof.js';
import type { Policy } from '../policy/schema/policy.js';
import { VERSION } from '../version.js';

/**
 * The comment a query starts with, so that a query found in a warehouse's history says which
 * policy, version and as-of it decides for. Comment lines never carry a line break from input:
 * the policy's name and version are ids and semantic versions, checked before compiling.
 */
export function sqlHeader(policy: Policy, dialect: string, asOf: AsOf, columns: readonly string[]): string {
  const line = (text: string) => `-- ${text.replace(/[\r\n]+/g, ' ')}\n`;
  return [
    line(`tierwise ${VERSION}: ${policy.metadata.name} ${policy.metadata.version}, ${dialect} SQL`),
    line(
      `as of ${asOf.wholeDay ? asOf.date : new Date(asOf.instant).toISOString()} (${asOf.timezone}); windows and dates are fixed in the query`,
    ),
    line(`columns: ${columns.join(', ')}`),
    line('docs: docs/sql.md'),
  ].join('');
}
