import { describe, expect, it } from 'vitest';
import { sized } from '../helpers/runs.js';
import { fuzz } from './harness.js';

/**
 * Every command on generated hostile inputs (policies, YAML bombs, `extends`, test files, CSV,
 * NDJSON/JSON, XLSX, transaction logs, mappings, artifacts, keys, option values): no crash (an
 * exit other than 0/1/2, a stack trace, an internal message) and no hang. CI runs a few hundred
 * inputs; TIERWISE_FUZZ_RUNS runs more (`npm run fuzz` prints the per-class table).
 */
// The first 12 cases walk through the 12 classes in turn (cases.ts), so every class is met at any
// size; 240 then draws about 10 inputs of each class of weight 1 and 40 of weight 4. The long run
// (TIERWISE_LONG_TESTS=1) keeps the 360 of before and more; `npm run fuzz` goes further.
const RUNS = Number(process.env.TIERWISE_FUZZ_RUNS ?? sized(240, 1_000));
const SEED = Number(process.env.TIERWISE_FUZZ_SEED ?? 20261203);

describe('every command on hostile input', () => {
  it(`${RUNS} generated inputs (seed ${SEED}): no crash, no hang`, { timeout: 60 * 60_000 }, async () => {
    const result = await fuzz({
      seed: SEED,
      runs: RUNS,
      // The bound is 10 s for an input under 1 MiB; a shared 2-core CI machine gets
      // headroom so that only a real hang, not a slow moment, fails the build.
      hangMs: 60_000,
      // One driver: a second one starts Node and tsx, loads src/ and builds its keys and artifact
      // all over again (seconds of CPU), while the suite already keeps both cores busy.
      parallel: 1,
    });
    const found = [
      ...result.crashes.map((c) => `crash #${c.index} ${c.kind} [${c.args.join(' ')}]: ${c.reason}`),
      ...result.hangs.map((h) => `hang #${h.index} ${h.kind} [${(h.args ?? []).join(' ')}]`),
    ];
    // Replay one with `npm run fuzz -- --case N` (same seed).
    expect(found).toEqual([]);
    expect(result.inputs).toBe(RUNS);
    // Every class was drawn, so none of them silently stopped running.
    expect(Object.keys(result.byClass).length).toBeGreaterThanOrEqual(12);
  });
});
