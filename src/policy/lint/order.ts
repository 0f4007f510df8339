import { joinPointer } from '../../diagnostics/pointer.js';
import { msg } from '../../i18n/text.js';
import { toBounds } from '../analysis/interval.js';
import { type MatrixInversion, type ThresholdInversion, tierOrderInversions } from '../analysis/order.js';
import type { LintContext } from './context.js';

/**
 * Tiers are listed best first: a better score (thresholds), a better value along a matrix axis,
 * or a better ranking value (quota) must never get a worse tier (TW0322). The analysis lives in
 * analysis/order.ts so that calibrate can ask the same question of a suggested threshold.
 */
export function tierOrder(context: LintContext): void {
  for (const inversion of tierOrderInversions(context.policy)) {
    if (inversion.method === 'thresholds') reportThresholds(context, inversion);
    else if (inversion.method === 'matrix') reportMatrix(context, inversion);
    else
      context.report('TW0322', msg('order.quota', { fact: inversion.rankBy }), '/tiers/quota/rankBy', {
        help: msg('order.quotaHelp'),
        // Which way a fact is better is read from how the policy scores it: odd, perhaps not wrong.
        severity: 'warning',
      });
  }
}

function reportThresholds(context: LintContext, inversion: ThresholdInversion): void {
  const levels = context.policy.tiers!.levels;
  const tier = levels[inversion.better.level]!.id;
  const betterTier = levels[inversion.worse.level]!.id;
  const better = levels[inversion.worse.level]!;
  // The better tier's range is the one that stops short of the scores the worse tier picks up.
  const field = better.minScore !== undefined ? 'minScore' : better.score ? 'score' : undefined;
  const pointer = joinPointer('/tiers/levels', inversion.worse.level, ...(field ? [field] : []));
  context.report(
    'TW0322',
    msg('order.thresholds', {
      tier,
      betterTier,
      range: toBounds(inversion.better.region),
      betterRange: toBounds(inversion.worse.region),
      high: inversion.better.value,
      low: inversion.worse.value,
    }),
    pointer,
    {
      example: {
        better: { score: inversion.better.value, tier },
        worse: { score: inversion.worse.value, tier: betterTier },
      },
      help: msg('order.thresholdsHelp', { tier, betterTier, range: toBounds(inversion.better.region) }),
    },
  );
}

function reportMatrix(context: LintContext, inversion: MatrixInversion): void {
  const tiers = context.policy.tiers!;
  const matrix = tiers.matrix!;
  const along = inversion.axis === 'rows' ? matrix.rows : matrix.columns;
  const across = inversion.axis === 'rows' ? matrix.columns : matrix.rows;
  const key = axisKey(along);
  const fixedKey = axisKey(across);
  const tier = tiers.levels[inversion.better.level]!.id;
  const betterTier = tiers.levels[inversion.worse.level]!.id;
  const [row, column] =
    inversion.axis === 'rows'
      ? [inversion.better.band, inversion.fixed.band]
      : [inversion.fixed.band, inversion.better.band];
  const customer = (value: number, tierId: string) => ({
    [key]: value,
    ...(fixedKey === key ? {} : { [fixedKey]: inversion.fixed.value }),
    tier: tierId,
  });
  context.report(
    'TW0322',
    msg('order.matrix', {
      key,
      fixedKey,
      fixedBand: inversion.fixed.band,
      better: inversion.better.value,
      worse: inversion.worse.value,
      tier,
      betterTier,
    }),
    joinPointer('/tiers/matrix/cells', row, column),
    {
      example: {
        better: customer(inversion.better.value, tier),
        worse: customer(inversion.worse.value, betterTier),
      },
      help: msg('order.matrixHelp', {
        key,
        higher: inversion.direction === 'higher',
        inferred: inversion.inferred,
      }),
      // Cells that disagree with most others: one side is wrong, the check cannot tell which.
      ...(inversion.inferred ? { severity: 'warning' as const } : {}),
    },
  );
}

type Axis = NonNullable<NonNullable<LintContext['policy']['tiers']>['matrix']>['rows'];

function axisKey(axis: Axis): string {
  return axis.fact ?? axis.dimension ?? 'score';
}
