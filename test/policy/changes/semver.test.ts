import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bumpLevel,
  compareVersions,
  parseVersion,
  suggestVersion,
} from '../../../src/policy/changes/semver.js';

const v = (text: string) => {
  const parsed = parseVersion(text);
  if (!parsed) throw new Error(`not a version: ${text}`);
  return parsed;
};
const bump = (from: string, to: string) => bumpLevel(v(from), v(to));

describe('compareVersions (semver.org §11)', () => {
  it('orders the spec’s own example chain', () => {
    const chain = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '1.0.1',
      '1.1.0',
      '2.0.0',
      '10.0.0',
    ];
    for (let i = 0; i + 1 < chain.length; i++) {
      expect(compareVersions(v(chain[i]!), v(chain[i + 1]!)), `${chain[i]} < ${chain[i + 1]}`).toBe(-1);
      expect(compareVersions(v(chain[i + 1]!), v(chain[i]!))).toBe(1);
    }
  });

  it('ignores build metadata', () => {
    expect(compareVersions(v('1.2.3+build.5'), v('1.2.3+other'))).toBe(0);
    expect(bump('1.2.3+a', '1.2.3+b')).toBe('none');
  });

  it('rejects what is not a semantic version', () => {
    for (const text of ['1.2', '01.2.3', '1.2.3-', 'v1.2.3', '1.2.3.4'])
      expect(parseVersion(text)).toBeUndefined();
  });

  it('is antisymmetric and agrees with bumpLevel on "higher"', () => {
    const part = fc.integer({ min: 0, max: 3 });
    const version = fc
      .tuple(
        part,
        part,
        part,
        fc.option(fc.constantFrom('alpha', 'alpha.1', 'beta', 'rc.1', 'rc.2', '1'), { nil: undefined }),
      )
      .map(([a, b, c, pre]) => v(`${a}.${b}.${c}${pre ? `-${pre}` : ''}`));
    fc.assert(
      fc.property(version, version, (a, b) => {
        expect(compareVersions(a, b) + compareVersions(b, a)).toBe(0);
        expect(bumpLevel(a, b) === 'none').toBe(compareVersions(b, a) <= 0);
      }),
    );
  });
});

describe('bumpLevel: the largest change a version step allows', () => {
  it('from 1.x on, follows the component raised', () => {
    expect(bump('1.2.3', '1.2.4')).toBe('patch');
    expect(bump('1.2.3', '1.3.0')).toBe('minor');
    expect(bump('1.2.3', '2.0.0')).toBe('major');
    expect(bump('1.2.3', '1.2.3')).toBe('none');
    expect(bump('1.2.3', '1.2.2')).toBe('none');
  });

  it('below 1.0.0: the minor number breaks, the patch number adds, and 0.0.z always breaks', () => {
    expect(bump('0.3.1', '0.3.2')).toBe('minor');
    expect(bump('0.3.1', '0.4.0')).toBe('major');
    expect(bump('0.3.1', '1.0.0')).toBe('major');
    expect(bump('0.0.3', '0.0.4')).toBe('major');
  });

  it('leaving a pre-release keeps what its core stands for', () => {
    expect(bump('2.0.0-rc.1', '2.0.0-rc.2')).toBe('major');
    expect(bump('2.0.0-rc.1', '2.0.0')).toBe('major');
    expect(bump('1.3.0-beta.1', '1.3.0-beta.2')).toBe('minor');
    expect(bump('1.3.0-beta.1', '1.3.0')).toBe('minor');
    expect(bump('1.2.4-beta.1', '1.2.4')).toBe('patch');
    expect(bump('1.3.0-beta.1', '1.3.1')).toBe('minor');
    expect(bump('1.3.0-beta.1', '2.0.0')).toBe('major');
    expect(bump('1.2.3', '1.3.0-beta.1')).toBe('minor');
  });
});

describe('suggestVersion: the smallest version that allows a change', () => {
  it('names the next release of the right size', () => {
    expect(suggestVersion(v('1.2.3'), 'patch')).toBe('1.2.4');
    expect(suggestVersion(v('1.2.3'), 'minor')).toBe('1.3.0');
    expect(suggestVersion(v('1.2.3'), 'major')).toBe('2.0.0');
    expect(suggestVersion(v('0.3.1'), 'minor')).toBe('0.3.2');
    expect(suggestVersion(v('0.3.1'), 'major')).toBe('0.4.0');
    expect(suggestVersion(v('0.0.3'), 'major')).toBe('0.0.4');
    expect(suggestVersion(v('2.0.0-rc.1'), 'major')).toBe('2.0.0');
    expect(suggestVersion(v('1.3.0-beta.1'), 'major')).toBe('2.0.0');
  });

  it('always suggests a version that is enough', () => {
    const rank = { none: 0, patch: 1, minor: 2, major: 3 } as const;
    const part = fc.integer({ min: 0, max: 4 });
    fc.assert(
      fc.property(
        part,
        part,
        part,
        fc.boolean(),
        fc.constantFrom('patch', 'minor', 'major'),
        (a, b, c, pre, kind) => {
          const from = v(`${a}.${b}.${c}${pre ? '-rc.1' : ''}`);
          const suggested = v(suggestVersion(from, kind));
          expect(rank[bumpLevel(from, suggested)]).toBeGreaterThanOrEqual(rank[kind]);
        },
      ),
    );
  });
});
