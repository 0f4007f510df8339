import { expect, it } from 'vitest';
import { thresholdOf, thresholdPath } from '../../../ui/src/editor/policy-shape.js';
import { weightSums } from '../../../ui/src/editor/weights.js';

it('adds each level’s weights as typed (hundredths, no float noise; a missing weight counts 0)', () => {
  expect(
    weightSums({
      value: { weight: 50, metrics: { a: { weight: 33.33 }, b: { weight: 33.33 }, c: { weight: 33.34 } } },
      potential: { weight: 45, metrics: { d: { weight: 60 }, e: {} } },
    }),
  ).toEqual([
    { level: 'dimensions', sum: 95 },
    { level: 'value', sum: 100 },
    { level: 'potential', sum: 60 },
  ]);
  expect(weightSums(undefined)).toEqual([]);
});

it('finds where a level’s threshold is written', () => {
  expect(thresholdPath({ id: 'vip', minScore: 90 })).toEqual(['minScore']);
  expect(thresholdPath({ id: 'key', score: { atLeast: 70, below: 90 } })).toEqual(['score', 'atLeast']);
  expect(thresholdPath({ id: 'x', score: { above: 50 } })).toEqual(['score', 'above']);
  expect(thresholdPath({ id: 'rest', otherwise: true })).toBeUndefined();
  expect(thresholdOf({ id: 'key', score: { atLeast: 70 } })).toBe(70);
});
