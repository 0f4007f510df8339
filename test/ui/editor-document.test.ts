import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendValue, deleteValue, readPolicy, setValue, valueAt } from '../../ui/src/editor/document.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SCORECARD = readFileSync(join(ROOT, 'policies', 'seed004-scorecard.tier.yaml'), 'utf8');
const comments = (text: string) => text.split('\n').filter((line) => /(^|\s)#/.test(line));

/** The lines that differ between two texts of the same length in lines. */
function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b).toHaveLength(a.length);
  return b.filter((line, i) => line !== a[i]);
}

describe('editing the policy text in place', () => {
  it('moves VIP from 90 to 85 by changing that one line; every comment stays', () => {
    const path = ['tiers', 'levels', 0, 'minScore'];
    const edited = setValue(SCORECARD, path, 85);
    expect(valueAt(edited, path)).toBe(85);
    expect(changedLines(SCORECARD, edited)).toEqual(['      minScore: 85']);
    expect(comments(edited)).toEqual(comments(SCORECARD));
  });

  it('changes a weight inside a flow mapping and keeps the comment after it', () => {
    const text = 'dimensions:\n  value: { weight: 50, label: { en: Value } } # seed 004: value first\n';
    const edited = setValue(text, ['dimensions', 'value', 'weight'], 45);
    expect(edited).toBe(
      'dimensions:\n  value: { weight: 45, label: { en: Value } } # seed 004: value first\n',
    );
  });

  it('writes strings as they were quoted, and quotes a plain one only when it must', () => {
    const text = "a: 'x' # quoted\nb: plain\nc: { d: e }\n";
    expect(setValue(text, ['a'], 'y')).toBe("a: 'y' # quoted\nb: plain\nc: { d: e }\n");
    expect(setValue(text, ['b'], 'VIP客户')).toBe("a: 'x' # quoted\nb: VIP客户\nc: { d: e }\n");
    // 12 alone would read back as a number; ", x" would end the flow mapping.
    expect(setValue(text, ['b'], '12')).toBe("a: 'x' # quoted\nb: '12'\nc: { d: e }\n");
    expect(setValue(text, ['c', 'd'], 'a, b')).toBe("a: 'x' # quoted\nb: plain\nc: { d: 'a, b' }\n");
    expect(valueAt(setValue(text, ['b'], "it's: #1"), ['b'])).toBe("it's: #1");
  });

  it('adds a key that is not there yet, and removes one, keeping the comments of the file', () => {
    const added = setValue(SCORECARD, ['facts', 'industry', 'pii'], true);
    expect(valueAt(added, ['facts', 'industry', 'pii'])).toBe(true);
    expect(comments(added)).toEqual(comments(SCORECARD));
    const removed = deleteValue(added, ['facts', 'industry', 'pii']);
    expect(valueAt(removed, ['facts', 'industry'])).toEqual({
      type: 'string',
      label: { 'zh-CN': '所属行业', en: 'Industry' },
      column: '所属行业',
    });
    expect(comments(removed)).toEqual(comments(SCORECARD));
  });

  it('appends to a list and sets a whole mapping, keeping comments', () => {
    const text = '# the triggers\nannounce: [ email ] # how\nevery: { vip: P3M }\n';
    const appended = appendValue(text, ['announce'], 'portal');
    expect(valueAt(appended, ['announce'])).toEqual(['email', 'portal']);
    expect(appended).toContain('# the triggers');
    expect(appended).toContain('# how');
    const mapped = setValue(text, ['every'], { vip: 'P3M', default: 'P6M' });
    expect(valueAt(mapped, ['every'])).toEqual({ vip: 'P3M', default: 'P6M' });
  });

  it('leaves a text that does not parse as it is, and reads nothing from it', () => {
    const broken = 'a: [1, 2\nb: 3\n';
    expect(setValue(broken, ['b'], 4)).toBe(broken);
    expect(readPolicy(broken)).toBeUndefined();
  });

  it('changes every bundled policy’s numbers without touching a comment or another line', () => {
    for (const name of [
      'seed004-quota',
      'seed003-value-activity',
      'seed001-five-levels',
      'retail-scorecard',
    ]) {
      const text = readFileSync(join(ROOT, 'policies', `${name}.tier.yaml`), 'utf8');
      const path = ['metadata', 'version'];
      const edited = setValue(text, path, '9.9.9');
      expect(valueAt(edited, path), name).toBe('9.9.9');
      expect(changedLines(text, edited), name).toHaveLength(1);
      expect(comments(edited), name).toEqual(comments(text));
    }
  });
});
