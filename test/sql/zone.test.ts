import { DateTime, IANAZone } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { duckdb } from '../../src/sql/dialect.js';
import { instantOfWall, offsetAt } from '../../src/sql/zone.js';
import { LONG_TESTS } from '../helpers/runs.js';
import { memoryDuck, rows } from './harness.js';

// Zones with no changes, old changes, yearly DST, half-hour DST and a southern-hemisphere year.
// Long runs add London's double summer time and Santiago's irregular changes.
const ZONES = LONG_TESTS
  ? ['UTC', 'Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'America/Santiago']
  : ['UTC', 'Asia/Shanghai', 'America/New_York', 'Australia/Lord_Howe'];
const HOUR = 3_600_000;

/** Wall times around every change of a zone in a span, plus ordinary ones: gaps and overlaps included. */
function wallTimes(zone: string): number[] {
  const tz = IANAZone.create(zone);
  const walls: number[] = [
    Date.UTC(1900, 0, 1),
    Date.UTC(1970, 0, 1),
    Date.UTC(2026, 10, 1, 23, 59, 59, 999),
  ];
  for (let t = Date.UTC(LONG_TESTS ? 1940 : 1980, 0, 1); t < Date.UTC(2035, 0, 1); t += 6 * HOUR) {
    if (tz.offset(t) === tz.offset(t + 6 * HOUR)) continue;
    const wall = t + tz.offset(t) * 60_000;
    for (let k = -2; k <= 6; k++) walls.push(wall + k * 30 * 60_000, wall + k * 30 * 60_000 - 1);
  }
  return walls;
}

const luxonInstant = (wall: number, zone: string) => {
  const w = new Date(wall);
  return DateTime.fromObject(
    {
      year: w.getUTCFullYear(),
      month: w.getUTCMonth() + 1,
      day: w.getUTCDate(),
      hour: w.getUTCHours(),
      minute: w.getUTCMinutes(),
      second: w.getUTCSeconds(),
      millisecond: w.getUTCMilliseconds(),
    },
    { zone },
  ).toMillis();
};

describe('time zones as SQL constants', () => {
  let connection: Awaited<ReturnType<typeof memoryDuck>>;
  beforeAll(async () => {
    connection = await memoryDuck();
  });

  it.each(ZONES)(
    '%s: a wall-clock time resolves to the instant luxon gives, in gaps and overlaps too',
    async (zone) => {
      const walls = wallTimes(zone);
      await connection.run(
        `CREATE OR REPLACE TABLE walls AS SELECT UNNEST([${walls.join(', ')}]::BIGINT[]) AS w`,
      );
      const got = await rows(
        connection,
        `SELECT w, CAST(${instantOfWall(duckdb, 'w', zone)} AS DOUBLE) AS instant, CAST(${offsetAt(duckdb, 'w', zone)} AS DOUBLE) AS offset FROM walls`,
      );
      expect(got).toHaveLength(walls.length);
      const tz = IANAZone.create(zone);
      for (const row of got) {
        const wall = Number(row.w);
        expect(row.instant, `${zone} wall ${new Date(wall).toISOString()}`).toBe(luxonInstant(wall, zone));
        expect(row.offset, `${zone} instant ${wall}`).toBe(tz.offset(wall) * 60_000);
      }
    },
  );

  it('writes one flat CASE whatever the zone: no CASE inside another, no operand copied into arms of a second lookup', () => {
    const sql = instantOfWall(duckdb, 'w', 'America/New_York');
    expect(sql.match(/CASE/g)).toHaveLength(1);
    expect(instantOfWall(duckdb, 'w', 'UTC')).not.toContain('CASE');
  });
});
