import { joinPointer } from '../../diagnostics/pointer.js';
import { msg, type Text } from '../../i18n/text.js';
import type { LintContext } from './context.js';

/** Tolerance for sums of decimal weights such as 33.3 + 33.3 + 33.4. */
const EPSILON = 1e-9;

/** Weights are points out of 100 at every level: dimensions, and metrics within each dimension. */
export function weights(context: LintContext): void {
  const dimensions = context.policy.dimensions;
  if (!dimensions) return;
  checkLevel(context, '/dimensions', msg('lint.dimension'), Object.entries(dimensions));
  for (const [id, dimension] of Object.entries(dimensions)) {
    checkLevel(
      context,
      joinPointer('/dimensions', id, 'metrics'),
      msg('lint.metricOf', { dimension: id }),
      Object.entries(dimension.metrics),
    );
  }
}

function checkLevel(
  context: LintContext,
  pointer: string,
  what: Text,
  entries: [string, { weight: number }][],
): void {
  let sum = 0;
  for (const [id, { weight }] of entries) {
    const at = joinPointer(pointer, id, 'weight');
    if (weight < 0) context.report('TW0204', msg('lint.negativeWeight', { what, id, weight }), at);
    else if (weight === 0)
      context.report('TW0212', msg('lint.zeroWeight', { what, id }), at, {
        help: msg('lint.zeroWeightHelp'),
      });
    sum += weight;
  }
  if (Math.abs(sum - 100) > EPSILON) {
    const listed = entries.map(([id, { weight }]) => `${id} ${weight}`).join(' + ');
    context.report('TW0203', msg('lint.weightSum', { what, sum: Number(sum.toFixed(9)), listed }), pointer, {
      part: 'key',
      help: msg('lint.weightSumHelp', { by: Number((100 - sum).toFixed(9)) }),
    });
  }
}
