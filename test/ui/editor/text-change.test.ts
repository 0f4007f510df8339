import { expect, it } from 'vitest';
import { minimalChange } from '../../../ui/src/editor/text-change.js';

const apply = (before: string, c: ReturnType<typeof minimalChange>) =>
  before.slice(0, c.from) + c.insert + before.slice(c.to);

it('replaces only what differs between two texts', () => {
  const before = '# keep\nminScore: 90\n# keep too\n';
  const after = '# keep\nminScore: 85\n# keep too\n';
  const change = minimalChange(before, after);
  expect(change).toEqual({ from: 17, to: 19, insert: '85' });
  expect(apply(before, change)).toBe(after);
  for (const [a, b] of [
    ['', 'abc'],
    ['abc', ''],
    ['aaa', 'aaaa'],
    ['abcabc', 'abc'],
    ['same', 'same'],
  ] as const)
    expect(apply(a, minimalChange(a, b))).toBe(b);
});
