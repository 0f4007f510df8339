import { existsSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryLimitProblem, openDuck, outOfMemory } from '../../src/duckdb/duck.js';

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
  it('leaves DuckDB’s memory limit its own unless $TIERWISE_DUCKDB_MEMORY sets it', async () => {
    const plain = await DuckDBInstance.create(':memory:');
    const connection = await plain.connect();
    const reader = await connection.runAndReadAll(`SELECT current_setting('memory_limit')`);
    const duckDefault = String(reader.getRowsJS()[0]![0]);
    connection.closeSync();
    plain.closeSync();
    expect(await setting('memory_limit')).toBe(duckDefault);
    // DuckDB reports the limit in its own units (MiB of 2^20 bytes for 512 MB of 10^6).
    process.env.TIERWISE_DUCKDB_MEMORY = '512MB';
    expect(await setting('memory_limit')).toBe('488.2 MiB');
  });

  it('names running out of memory TW0732, and no other error', () => {
    expect(
      outOfMemory(new Error('Out of Memory Error: failed to allocate data of size 16.0 MiB')),
    ).toMatchObject({
      code: 'TW0732',
    });
    expect(
      outOfMemory(new Error('Failed to append: could not allocate block of size 256.0 KiB')),
    ).toMatchObject({
      code: 'TW0732',
    });
    expect(outOfMemory(new Error('Conversion Error: Could not convert string'))).toBeUndefined();
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
