import { didYouMeanHelp } from '../../diagnostics/suggest.js';
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
      context.report(
        'TW0313',
        `quota shares sum to ${total / SCALE}%, not 100% (${listed})`,
        '/tiers/levels',
        {
          part: 'key',
          help:
            total < 100 * SCALE
              ? `${(100 * SCALE - total) / SCALE}% of customers would get no tier`
              : 'lower the shares',
        },
      );
    }
  }
  shares.forEach((share, i) => {
    if (share === 0) {
      context.report(
        'TW0316',
        `tier '${tiers.levels[i]!.id}' has a 0% share and is never reached`,
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
    context.report('TW0201', `unknown fact '${factId}'`, pointer, {
      help: didYouMeanHelp(factId, context.facts.keys(), 'facts'),
    });
  } else if (!isNumeric(fact.type) && !fact.key) {
    context.report(
      'TW0202',
      `customers are ranked by '${factId}', which is ${fact.type}, not a number`,
      pointer,
    );
  }
}
