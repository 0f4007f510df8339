import { describe, expect, it } from 'vitest';
import type { DecisionRecord } from '../../src/registry/records.js';
import { DecisionLog } from '../../src/server/decision-log.js';

const decision = (n: number) => ({ id: `dec-${n}` }) as DecisionRecord;

describe('DecisionLog', () => {
  it('writes in batches, and what is left on flush', async () => {
    const written: string[][] = [];
    const log = new DecisionLog(
      { recordDecisions: async (batch) => void written.push(batch.map((d) => d.id)) },
      { decisionBatch: 2, decisionFlushMs: 60_000 },
    );
    for (let i = 1; i <= 5; i++) log.add(decision(i));
    await log.flush();
    expect(written).toEqual([['dec-1', 'dec-2'], ['dec-3', 'dec-4'], ['dec-5']]);
  });

  it('reports a failed write and goes on', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const log = new DecisionLog(
      {
        recordDecisions: async () => {
          if (++calls === 1) throw new Error('store down');
        },
      },
      { decisionBatch: 1, onError: (e) => errors.push(e) },
    );
    log.add(decision(1));
    log.add(decision(2));
    await log.flush();
    expect([calls, errors.length]).toEqual([2, 1]);
  });

  it('makes a caller wait while more than eight batches are unwritten', async () => {
    const release: (() => void)[] = [];
    const log = new DecisionLog(
      { recordDecisions: () => new Promise<void>((resolve) => release.push(resolve)) },
      { decisionBatch: 1, decisionFlushMs: 60_000 },
    );
    const ticks = async (n: number) => {
      for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
    };
    for (let i = 0; i < 8; i++) log.add(decision(i));
    await log.backlog(); // eight behind: no wait
    log.add(decision(8));
    let done = false;
    const behind = log.backlog().then(() => {
      done = true;
    });
    await ticks(5);
    expect(done).toBe(false);
    // the store catches up, one write after another
    let released = 0;
    while (!done && released < 9) {
      await ticks(2);
      release[released++]?.();
    }
    await behind;
    expect([done, released]).toEqual([true, 9]);
  });
});
