import { msg } from '../../i18n/text.js';
import type { Level, TierMethod } from '../schema/tiers.js';
import type { LintContext } from './context.js';

type LevelField = 'minScore' | 'score' | 'share' | 'when' | 'otherwise';

/** Which level fields each method reads; the others would be silently ignored. */
const FIELDS: Record<TierMethod, LevelField[]> = {
  thresholds: ['minScore', 'score'],
  quota: ['share'],
  criteria: ['when', 'otherwise'],
  matrix: [],
};

/** The tier list as a whole: present, unique ids, and each level fitting the method. */
export function tiers(context: LintContext): void {
  const { policy } = context;
  if (!policy.tiers) {
    // A policy may compute facts and classes only (issue 13): said, not refused.
    // At `kind: TierPolicy`, not the whole document: an info is shown by every command that loads it.
    context.report('TW0323', msg('factsout.nothingTiered'), '/kind', {
      severity: 'info',
      help: msg('factsout.nothingTieredHelp'),
    });
    return;
  }
  const { method, levels } = policy.tiers;
  const seen = new Map<string, number>();
  levels.forEach((level, i) => {
    const first = seen.get(level.id);
    if (first !== undefined) {
      context.report(
        'TW0318',
        msg('tiers.tierIdTwice', { id: level.id, first: first + 1, second: i + 1 }),
        `/tiers/levels/${i}/id`,
      );
    } else seen.set(level.id, i);
    checkFields(context, method, level, i, i === levels.length - 1);
  });
  if (method !== 'quota' && policy.tiers.quota) {
    context.report('TW0310', msg('tiers.quotaNoEffect', { method }), '/tiers/quota', {
      part: 'key',
      severity: 'warning',
    });
  }
  if (method === 'matrix' && !policy.tiers.matrix) {
    context.report('TW0310', msg('tiers.matrixMissing'), '/tiers/method');
  }
  if (method !== 'matrix' && policy.tiers.matrix) {
    context.report('TW0310', msg('tiers.matrixNoEffect', { method }), '/tiers/matrix', {
      part: 'key',
      severity: 'warning',
    });
  }
  const scored =
    method === 'thresholds' || (method === 'quota' && (policy.tiers.quota?.rankBy ?? 'score') === 'score');
  if (scored && !policy.dimensions) {
    context.report('TW0319', msg('tiers.needsDimensions', { method }), '/tiers/method', {
      help: msg(method === 'quota' ? 'tiers.needsDimensionsQuotaHelp' : 'tiers.needsDimensionsHelp'),
    });
  }
}

function checkFields(context: LintContext, method: TierMethod, level: Level, i: number, last: boolean): void {
  const at = (field: string) => `/tiers/levels/${i}/${field}`;
  for (const field of ['minScore', 'score', 'share', 'when', 'otherwise'] as const) {
    if (level[field] !== undefined && !FIELDS[method].includes(field)) {
      context.report('TW0310', msg('tiers.fieldNoEffect', { field, method }), at(field), {
        part: 'key',
        severity: 'warning',
      });
    }
  }
  const tier = level.id;
  if (method === 'thresholds') {
    if (level.minScore !== undefined && level.score !== undefined) {
      context.report('TW0310', msg('tiers.minScoreAndScore', { tier }), at('score'), {
        part: 'key',
        help: msg('tiers.minScoreAndScoreHelp'),
      });
    } else if (level.minScore === undefined && level.score === undefined && !last) {
      context.report('TW0310', msg('tiers.noMinScore', { tier }), `/tiers/levels/${i}`, {
        help: msg('tiers.noMinScoreHelp'),
      });
    }
  }
  if (method === 'quota' && level.share === undefined) {
    context.report('TW0310', msg('tiers.noShare', { tier }), `/tiers/levels/${i}`, {
      help: msg('tiers.noShareHelp'),
    });
  }
  if (method === 'criteria') {
    if (level.otherwise && level.when) {
      context.report('TW0310', msg('tiers.whenAndOtherwise', { tier }), at('otherwise'), { part: 'key' });
    } else if (level.otherwise && !last) {
      context.report('TW0310', msg('tiers.otherwiseNotLast', { tier }), at('otherwise'), { part: 'key' });
    } else if (!level.otherwise && !level.when) {
      context.report('TW0310', msg('tiers.noWhen', { tier }), `/tiers/levels/${i}`, {
        help: msg('tiers.noWhenHelp'),
      });
    }
  }
}
