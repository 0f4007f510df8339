import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../e2e/cli.js';
import { actor, freshRegistry, ok, refused } from './fixture.js';

const analyst = actor('rui', 'analyst', ['retail']);
const csv = (text: string) => new TextEncoder().encode(text);

describe('datasets', () => {
  it('keeps an upload content-addressed, counts its rows, and hands its file to readers of the unit', async () => {
    const { registry, dir } = await freshRegistry();
    const bytes = readFileSync(join(ROOT, 'examples/data/customers.csv'));
    const dataset = ok(
      await registry.uploadDataset(analyst, {
        businessUnit: 'retail',
        name: '客户 2026.csv',
        kind: 'customers',
        bytes,
      }),
    );
    expect(dataset).toMatchObject({
      id: 'ds-1',
      name: '客户 2026.csv',
      format: 'csv',
      bytes: bytes.byteLength,
      uploadedBy: 'rui',
    });
    expect(dataset.rows).toBe(
      readFileSync(join(ROOT, 'examples/data/customers.csv'), 'utf8').trim().split('\n').length - 1,
    );
    const file = ok(await registry.datasetFile(actor('v', 'viewer', ['retail']), 'ds-1'));
    expect(readFileSync(file.path)).toEqual(bytes);
    expect(file.path.startsWith(dir)).toBe(true);
    expect(refused(await registry.datasetFile(actor('w', 'viewer', ['wholesale']), 'ds-1')).refused).toBe(
      'forbidden',
    );
    expect(await registry.listDatasets('retail')).toEqual([dataset]);
  });

  it('refuses path-like names, unknown formats, oversized and unreadable uploads, storing nothing', async () => {
    const { registry, dir } = await freshRegistry();
    for (const name of ['../../etc/passwd.csv', 'a/b.csv', '..', 'x\u0000.csv', 'a\\b.csv']) {
      const refusal = refused(
        await registry.uploadDataset(analyst, {
          businessUnit: 'retail',
          name,
          kind: 'customers',
          bytes: csv('id\n1\n'),
        }),
      );
      expect(refusal.diagnostics[0]).toMatchObject({ code: 'TW1215', pointer: '/name' });
    }
    expect(
      refused(
        await registry.uploadDataset(analyst, {
          businessUnit: 'retail',
          name: 'x.exe',
          kind: 'customers',
          bytes: csv('id\n'),
        }),
      ).diagnostics[0]?.code,
    ).toBe('TW0601');
    expect(
      refused(
        await registry.uploadDataset(analyst, {
          businessUnit: 'retail',
          name: 'x.csv',
          kind: 'customers',
          bytes: csv('id\n1\n'),
          maxBytes: 4,
        }),
      ).diagnostics[0]?.code,
    ).toBe('TW1215');
    const garbage = refused(
      await registry.uploadDataset(analyst, {
        businessUnit: 'retail',
        name: 'book.xlsx',
        kind: 'customers',
        bytes: csv('not a workbook'),
      }),
    );
    expect(garbage.diagnostics[0]).toMatchObject({ code: 'TW0601', file: 'book.xlsx' });
    expect(
      refused(
        await registry.uploadDataset(analyst, {
          businessUnit: 'hq',
          name: 'x.csv',
          kind: 'customers',
          bytes: csv('id\n1\n'),
        }),
      ).refused,
    ).toBe('forbidden');
    expect(await registry.listDatasets()).toEqual([]);
    const files = existsSync(join(dir, 'datasets')) ? readdirSync(join(dir, 'datasets')) : [];
    expect(files).toEqual([]);
  });
});
