import { describe, expect, it } from 'vitest';
import { localizeDiagnostic } from '../../src/diagnostics/localize.js';
import { zhCN } from '../../src/i18n/zh-CN/index.js';
import { maskPassword, parseLocation, passwordOf } from '../../src/registry/store/location.js';
import { openStore } from '../../src/registry/store/open.js';
import { untranslated } from '../helpers/untranslated.js';

describe('store location', () => {
  it('is a SQLite file unless it is a postgres URL; no other scheme is taken for a file name', () => {
    expect(parseLocation(undefined)).toEqual({ kind: 'sqlite', path: './tierwise.db' });
    expect(parseLocation('  ')).toEqual({ kind: 'sqlite', path: './tierwise.db' });
    expect(parseLocation(':memory:')).toEqual({ kind: 'sqlite', path: ':memory:' });
    expect(parseLocation('C:\\data\\tierwise.db')).toEqual({ kind: 'sqlite', path: 'C:\\data\\tierwise.db' });
    expect(parseLocation('/var/lib/分级/tierwise.db')).toEqual({
      kind: 'sqlite',
      path: '/var/lib/分级/tierwise.db',
    });
    expect(parseLocation('postgres://app:pw@db:5432/tiers')).toEqual({
      kind: 'postgres',
      url: 'postgres://app:pw@db:5432/tiers',
      shown: 'postgres://app:***@db:5432/tiers',
    });
    expect(parseLocation('PostgreSQL://db/tiers')).toMatchObject({ kind: 'postgres' });
    expect(parseLocation('mysql://app:pw@db/tiers')).toEqual({
      kind: 'unsupported',
      shown: 'mysql://app:***@db/tiers',
    });
    expect(parseLocation('postgres://app:pw@[bad')).toEqual({
      kind: 'unsupported',
      shown: 'postgres://app:***@[bad',
    });
  });

  it('masks the password, and only the password', () => {
    expect(maskPassword('postgres://app:p%40ss:w0rd@db/x?sslmode=require')).toBe(
      'postgres://app:***@db/x?sslmode=require',
    );
    expect(maskPassword('postgres://app@db/x')).toBe('postgres://app@db/x');
    expect(maskPassword('postgres://db:5432/x')).toBe('postgres://db:5432/x');
    expect(passwordOf('postgres://app:p%40ss@db/x')).toBe('p%40ss');
    expect(passwordOf('postgres://app@db/x')).toBeUndefined();
    expect(passwordOf('postgres://app:@db/x')).toBeUndefined();
  });
});

describe('store texts', () => {
  it('leave no English in Chinese, whatever the database says', () => {
    const params = {
      location: 'postgres://app:***@db/tiers',
      path: './tierwise.db',
      detail: 'connect ECONNREFUSED 127.0.0.1:5432',
      database: 3,
      known: 1,
      version: 2,
      name: 'decision-index',
    };
    const english: string[] = [];
    for (const [key, entry] of Object.entries(zhCN.store)) {
      const text = typeof entry === 'function' ? (entry as (p: typeof params) => string)(params) : entry;
      english.push(...untranslated(text, []).map((e) => `store.${key}: ${e}`));
    }
    expect(english).toEqual([]);
  });
});

describe('openStore', () => {
  it('refuses another scheme, in English and Chinese, without the password', async () => {
    const result = await openStore('mysql://app:hunter2@db/tiers');
    if (!('diagnostic' in result)) throw new Error('opened');
    expect(result.diagnostic).toMatchObject({
      code: 'TW1250',
      severity: 'error',
      message: 'mysql://app:***@db/tiers is neither a file path nor a postgres:// URL',
    });
    const zh = localizeDiagnostic(result.diagnostic, 'zh-CN');
    expect(zh.message).toBe('`mysql://app:***@db/tiers` 既不是文件路径，也不是 `postgres://` 地址');
    expect(untranslated(`${zh.message}\n${zh.help}`, [])).toEqual([]);
    expect(JSON.stringify([result, zh])).not.toContain('hunter2');
  });

  it('says a server cannot be reached, with the password masked', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const result = await openStore('postgres://app:hunter2@127.0.0.1:1/tiers', { connectTimeout: 5_000 });
    if (!('diagnostic' in result)) throw new Error('opened');
    expect(result.diagnostic).toMatchObject({
      code: 'TW1252',
      message: expect.stringContaining(
        'cannot reach the PostgreSQL server of postgres://app:***@127.0.0.1:1/tiers',
      ),
    });
    expect(JSON.stringify(localizeDiagnostic(result.diagnostic, 'zh-CN'))).not.toContain('hunter2');
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });
});
