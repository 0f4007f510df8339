import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryLimitProblem, openDuck } from '../../src/duckdb/duck.js';

const setting = async (name: string) => {
  const duck = await openDuck();
  try {
    const reader = await duck.connection.runAndReadAll(`SELECT current_setting('${name}')`);
    return String(reader.getRowsJS()[0]![0]);
  } finally {
    duck.close();
  }
};

afterEach(() => {
  delete process.env.TIERWISE_DUCKDB_MEMORY;
});

describe('openDuck', () => {
  it('bounds DuckDB’s memory at 2 GB unless $TIERWISE_DUCKDB_MEMORY says otherwise', async () => {
    // DuckDB reports the limit in its own units (GiB of 2^30 bytes for 2 GB of 10^9).
    expect(await setting('memory_limit')).toMatch(/^1\.8 GiB$/);
    process.env.TIERWISE_DUCKDB_MEMORY = '512MB';
    expect(await setting('memory_limit')).toMatch(/^488\.2 MiB$/);
  });

  it('refuses a limit that is not a size, saying what it expected', async () => {
    expect(memoryLimitProblem()).toBeUndefined();
    process.env.TIERWISE_DUCKDB_MEMORY = '4 GB';
    expect(memoryLimitProblem()).toBeUndefined();
    process.env.TIERWISE_DUCKDB_MEMORY = 'lots';
    expect(memoryLimitProblem()).toMatchObject({ code: 'TW0731', severity: 'error' });
    await expect(openDuck()).rejects.toThrow(
      "$TIERWISE_DUCKDB_MEMORY must be a size such as 2GB or 512MB, got 'lots'",
    );
  });

  it('spills into a directory of its own, removed on close', async () => {
    const duck = await openDuck();
    const reader = await duck.connection.runAndReadAll(`SELECT current_setting('temp_directory')`);
    const spill = String(reader.getRowsJS()[0]![0]);
    expect(spill).toMatch(/tierwise-duckdb-/);
    expect(existsSync(spill)).toBe(true);
    duck.close();
    expect(existsSync(spill)).toBe(false);
  });
});
