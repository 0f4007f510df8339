import { msg } from '../../i18n/text.js';
import type { Level } from '../../policy/schema/tiers.js';
import type { SiteResult } from '../conditions/trace.js';
import type { Decision } from '../decision.js';

/** The first level, best first, whose condition holds; `otherwise` takes the rest. */
export function decideCriteria(levels: readonly Level[], results: ReadonlyMap<string, SiteResult>): Decision {
  const rejected: { level: number; trace: NonNullable<SiteResult['trace']> }[] = [];
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i]!;
    if (level.otherwise) return { method: 'criteria', level: i, otherwise: true, rejected };
    const result = results.get(`/tiers/levels/${i}/when`);
    if (!result) continue;
    if (result.result)
      return { method: 'criteria', level: i, otherwise: false, trace: result.trace, rejected };
    rejected.push({ level: i, trace: result.trace });
  }
  return { method: 'none', reason: msg('explain.noCriteria') };
}
