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
    context.report('TW0320', 'the policy has no tiers', '', {
      help: 'add tiers: { method: thresholds, levels: [ { id: vip, minScore: 90 }, … ] }',
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
        `tier id '${level.id}' is used twice (levels ${first + 1} and ${i + 1})`,
        `/tiers/levels/${i}/id`,
      );
    } else seen.set(level.id, i);
    checkFields(context, method, level, i, i === levels.length - 1);
  });
  if (method !== 'quota' && policy.tiers.quota) {
    context.report('TW0310', `quota settings have no effect with method '${method}'`, '/tiers/quota', {
      part: 'key',
      severity: 'warning',
    });
  }
  if (method === 'matrix' && !policy.tiers.matrix) {
    context.report('TW0310', 'method matrix needs a `matrix:` with rows, columns and cells', '/tiers/method');
  }
  if (method !== 'matrix' && policy.tiers.matrix) {
    context.report('TW0310', `a matrix has no effect with method '${method}'`, '/tiers/matrix', {
      part: 'key',
      severity: 'warning',
    });
  }
  const scored =
    method === 'thresholds' || (method === 'quota' && (policy.tiers.quota?.rankBy ?? 'score') === 'score');
  if (scored && !policy.dimensions) {
    context.report(
      'TW0319',
      `method '${method}' ranks customers by score, but the policy has no dimensions`,
      '/tiers/method',
      {
        help:
          method === 'quota'
            ? 'add dimensions, or rank by a fact: quota: { rankBy: spend12m }'
            : 'add dimensions with weighted metrics',
      },
    );
  }
}

function checkFields(context: LintContext, method: TierMethod, level: Level, i: number, last: boolean): void {
  const at = (field: string) => `/tiers/levels/${i}/${field}`;
  for (const field of ['minScore', 'score', 'share', 'when', 'otherwise'] as const) {
    if (level[field] !== undefined && !FIELDS[method].includes(field)) {
      context.report('TW0310', `'${field}' has no effect with method '${method}'`, at(field), {
        part: 'key',
        severity: 'warning',
      });
    }
  }
  const name = `tier '${level.id}'`;
  if (method === 'thresholds') {
    if (level.minScore !== undefined && level.score !== undefined) {
      context.report('TW0310', `${name} states both minScore and score`, at('score'), {
        part: 'key',
        help: 'minScore: 90 is short for score: { atLeast: 90 }',
      });
    } else if (level.minScore === undefined && level.score === undefined && !last) {
      context.report(
        'TW0310',
        `${name} has no minScore; only the last tier may take every remaining score`,
        `/tiers/levels/${i}`,
        { help: 'add minScore: N' },
      );
    }
  }
  if (method === 'quota' && level.share === undefined) {
    context.report('TW0310', `${name} has no share`, `/tiers/levels/${i}`, { help: "add share: '10%'" });
  }
  if (method === 'criteria') {
    if (level.otherwise && level.when) {
      context.report('TW0310', `${name} has both when and otherwise`, at('otherwise'), { part: 'key' });
    } else if (level.otherwise && !last) {
      context.report(
        'TW0310',
        `${name} is 'otherwise' but is not the last tier: the tiers after it are never reached`,
        at('otherwise'),
        { part: 'key' },
      );
    } else if (!level.otherwise && !level.when) {
      context.report('TW0310', `${name} has no when condition`, `/tiers/levels/${i}`, {
        help: 'add when: { all: [ … ] }, or otherwise: true on the last tier',
      });
    }
  }
}
