import { existsSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Duck,
  memoryLimitProblem,
  openDuck,
  outOfMemory,
  underMemoryLimit,
} from '../../src/duckdb/duck.js';

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

describe('underMemoryLimit', () => {
  const limitOf = async (connection: Duck['connection']) =>
    String((await connection.runAndReadAll(`SELECT current_setting('memory_limit')`)).getRowsJS()[0]![0]);
  const MiB = 2 ** 20;

  it.each([
    ['DuckDB’s default', undefined],
    ['a limit given', '2GB'],
  ])('lowers %s for the job alone, and gives it back exactly', async (_, memoryLimit) => {
    const duck = await openDuck(memoryLimit ? { memoryLimit } : {});
    try {
      const before = await limitOf(duck.connection);
      const inside = await underMemoryLimit(duck.connection, 64 * MiB, () => limitOf(duck.connection));
      expect(inside).toBe('64.0 MiB');
      expect(await limitOf(duck.connection)).toBe(before);
      // A job that fails still gives the limit back, and its error is the caller's.
      const failing = underMemoryLimit(duck.connection, 64 * MiB, async () => {
        throw new Error('Binder Error: no such column');
      });
      await expect(failing).rejects.toThrow('Binder Error');
      expect(await limitOf(duck.connection)).toBe(before);
    } finally {
      duck.close();
    }
  });

  it('keeps a limit already lower', async () => {
    const duck = await openDuck({ memoryLimit: '32MB' });
    try {
      const before = await limitOf(duck.connection);
      expect(await underMemoryLimit(duck.connection, 64 * MiB, () => limitOf(duck.connection))).toBe(before);
    } finally {
      duck.close();
    }
  });

  it('runs a job that ran out of memory again under the usual limit', async () => {
    const duck = await openDuck();
    try {
      const before = await limitOf(duck.connection);
      const seen: string[] = [];
      // A list of 10M BIGINTs (80 MB) cannot spill: it fails under 64 MiB, and must not the second
      // time (DuckDB's RESET memory_limit leaves the buffer pool at the lower limit).
      const result = await underMemoryLimit(duck.connection, 64 * MiB, async () => {
        seen.push(await limitOf(duck.connection));
        const reader = await duck.connection.runAndReadAll('SELECT len(list(i)) FROM range(10000000) t(i)');
        return Number(reader.getRowsJS()[0]![0]);
      });
      expect(result).toBe(10_000_000);
      expect(await limitOf(duck.connection)).toBe(before);
      expect(seen).toEqual(['64.0 MiB', before]);
    } finally {
      duck.close();
    }
  });
});
