import type { Distribution } from '../engine/distribution.js';
import type { Language } from '../i18n/language.js';
import { t } from '../i18n/text.js';
import { terminalText } from './control.js';

/**
 * How many customers went without a tier and why, one line a cause (most first), for every
 * command's closing summary: empty when every customer got a tier.
 */
export function untieredLines(
  distribution: Pick<Distribution, 'untiered' | 'customers' | 'untieredCauses'>,
  language: Language,
  limit = 5,
): string[] {
  if (distribution.untiered === 0) return [];
  const causes = distribution.untieredCauses ?? [];
  const lines = [
    t(language, 'untiered.summary', { untiered: distribution.untiered, customers: distribution.customers }),
    ...causes
      .slice(0, limit)
      .map(
        (c) =>
          `  ${t(language, 'untiered.cause', { kind: c.kind, facts: c.facts.join(', '), customers: c.customers, example: c.example })}`,
      ),
  ];
  const rest = causes.slice(limit).reduce((n, c) => n + c.customers, 0);
  if (rest > 0) lines.push(`  ${t(language, 'untiered.otherCauses', { customers: rest })}`);
  // The example is a customer id from the data, printed to the terminal.
  return lines.map(terminalText);
}
