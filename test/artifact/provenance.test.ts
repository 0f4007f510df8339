import { describe, expect, it } from 'vitest';
import { chooseBuildTime, type GitState } from '../../src/artifact/provenance.js';

const CLEAN: GitState = { commit: 'a'.repeat(40), dirty: false, time: new Date('2025-06-01T08:00:00Z') };
const iso = (b: { time: Date }) => b.time.toISOString();

describe('chooseBuildTime', () => {
  it('takes --time first, then SOURCE_DATE_EPOCH, then the commit time of a clean checkout', () => {
    const env = { SOURCE_DATE_EPOCH: '1767225600' };
    expect(chooseBuildTime('2026-02-03T04:05:06+08:00', env, CLEAN)).toMatchObject({ source: 'flag' });
    expect(iso(chooseBuildTime('2026-02-03T04:05:06.789+08:00', env, CLEAN))).toBe(
      '2026-02-02T20:05:06.000Z',
    );
    expect(iso(chooseBuildTime('1767225601', env, CLEAN))).toBe('2026-01-01T00:00:01.000Z');
    expect(chooseBuildTime(undefined, env, CLEAN)).toMatchObject({ source: 'SOURCE_DATE_EPOCH' });
    expect(iso(chooseBuildTime(undefined, env, CLEAN))).toBe('2026-01-01T00:00:00.000Z');
    expect(chooseBuildTime(undefined, {}, CLEAN)).toMatchObject({ source: 'git', time: CLEAN.time });
  });

  it('never reads the clock: uncommitted changes and no setting give the fixed epoch with a warning', () => {
    for (const git of [{ ...CLEAN, dirty: true }, undefined]) {
      const chosen = chooseBuildTime(undefined, { SOURCE_DATE_EPOCH: '' }, git);
      expect(iso(chosen)).toBe('1970-01-01T00:00:00.000Z');
      expect(chosen.source).toBe('none');
      expect(chosen.diagnostics.map((d) => d.code)).toEqual(['TW1015']);
    }
  });

  it('refuses a time it cannot read rather than guess', () => {
    expect(chooseBuildTime('2026-01-01', {}).diagnostics.map((d) => d.code)).toEqual(['TW1002']);
    expect(chooseBuildTime(undefined, { SOURCE_DATE_EPOCH: 'soon' }).diagnostics.map((d) => d.code)).toEqual([
      'TW1002',
    ]);
  });
});
