import { joinPointer } from '../../diagnostics/pointer.js';
import type { LintContext } from './context.js';

/** Tolerance for sums of decimal weights such as 33.3 + 33.3 + 33.4. */
const EPSILON = 1e-9;

/** Weights are points out of 100 at every level: dimensions, and metrics within each dimension. */
export function weights(context: LintContext): void {
  const dimensions = context.policy.dimensions;
  if (!dimensions) return;
  checkLevel(context, '/dimensions', 'dimension', Object.entries(dimensions));
  for (const [id, dimension] of Object.entries(dimensions)) {
    checkLevel(
      context,
      joinPointer('/dimensions', id, 'metrics'),
      `metric of '${id}'`,
      Object.entries(dimension.metrics),
    );
  }
}

function checkLevel(
  context: LintContext,
  pointer: string,
  what: string,
  entries: [string, { weight: number }][],
): void {
  let sum = 0;
  for (const [id, { weight }] of entries) {
    const at = joinPointer(pointer, id, 'weight');
    if (weight < 0) context.report('TW0204', `${what} '${id}' has a negative weight (${weight})`, at);
    else if (weight === 0)
      context.report('TW0212', `${what} '${id}' has weight 0 and never counts`, at, {
        help: 'remove it or give it a weight',
      });
    sum += weight;
  }
  if (Math.abs(sum - 100) > EPSILON) {
    const listed = entries.map(([id, { weight }]) => `${id} ${weight}`).join(' + ');
    context.report(
      'TW0203',
      `${what} weights sum to ${Number(sum.toFixed(9))}, not 100 (${listed})`,
      pointer,
      {
        part: 'key',
        help: `adjust the weights by ${Number((100 - sum).toFixed(9))} in total`,
      },
    );
  }
}
