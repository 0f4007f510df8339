import { suggestion } from '../../diagnostics/suggest.js';
import { msg } from '../../i18n/text.js';
import { parsePercentMicros, SCALE } from '../analysis/percent.js';
import { isNumeric } from '../catalogue.js';
import type { LintContext } from './context.js';

/** Quota tiers: shares that add up to exactly 100%, and ranking keys that exist and sort. */
export function quota(context: LintContext): void {
  const tiers = context.policy.tiers;
  if (tiers?.method !== 'quota') return;
  const shares = tiers.levels.map((l) => (l.share === undefined ? undefined : parsePercentMicros(l.share)));
  if (shares.every((s) => s !== undefined)) {
    const total = shares.reduce((a, b) => a + b, 0);
    if (total !== 100 * SCALE) {
      const listed = tiers.levels.map((l) => `${l.id} ${l.share}`).join(' + ');
      context.report('TW0313', msg('tiers.quotaSum', { total: total / SCALE, listed }), '/tiers/levels', {
        part: 'key',
        help:
          total < 100 * SCALE
            ? msg('tiers.quotaSumShortHelp', { missing: (100 * SCALE - total) / SCALE })
            : msg('tiers.quotaSumOverHelp'),
      });
    }
  }
  shares.forEach((share, i) => {
    if (share === 0) {
      context.report(
        'TW0316',
        msg('tiers.zeroShare', { tier: tiers.levels[i]!.id }),
        `/tiers/levels/${i}/share`,
        { severity: 'warning' },
      );
    }
  });
  const rankBy = tiers.quota?.rankBy;
  if (rankBy !== undefined && rankBy !== 'score') checkSortFact(context, rankBy, '/tiers/quota/rankBy');
  tiers.quota?.tieBreak?.forEach((key, i) => {
    checkSortFact(context, key.fact, `/tiers/quota/tieBreak/${i}/fact`);
  });
}

function checkSortFact(context: LintContext, factId: string, pointer: string): void {
  const fact = context.facts.get(factId);
  if (!fact) {
    context.report('TW0201', msg('lint.unknownFact', { id: factId }), pointer, {
      help: suggestion(factId, context.facts.keys(), 'facts'),
    });
  } else if (!isNumeric(fact.type) && !fact.key) {
    context.report('TW0202', msg('tiers.rankedByNonNumber', { fact: factId, type: fact.type }), pointer);
  }
}
