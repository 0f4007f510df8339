import { describe, expect, it } from 'vitest';
import { classify, UNCLASSIFIED } from '../../../src/policy/changes/classify.js';
import type { Difference } from '../../../src/policy/changes/walk.js';

const at = (path: string, old: unknown, now: unknown): Difference => ({
  path: path.split('/'),
  old,
  new: now,
  anchor: '',
});

describe('classify', () => {
  it('counts a difference no rule knows as major, and says so', () => {
    expect(classify(at('futureSection/x', 1, 2))).toEqual(UNCLASSIFIED);
    expect(classify(at('metadata/somethingNew', 1, 2))).toEqual({
      kind: 'major',
      why: 'not classified: counted as major',
    });
  });

  it('tells a label from an id that happens to be called label', () => {
    expect(classify(at('tiers/levels/[vip]/label/en', 'VIP', 'V.I.P.')).kind).toBe('patch');
    expect(classify(at('classifiers/stage/rules/[label]/when/value', 1, 2)).kind).toBe('minor');
    expect(classify(at('facts/label/type', 'string', 'number')).kind).toBe('major');
  });

  it('a flag that makes a fact required is major, dropping it is minor', () => {
    expect(classify(at('facts/region/required', undefined, true)).kind).toBe('major');
    expect(classify(at('facts/region/required', true, false)).kind).toBe('minor');
  });
});
