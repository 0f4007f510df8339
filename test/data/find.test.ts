import { describe, expect, it } from 'vitest';
import { findRecord } from '../../src/data/find.js';
import type { ColumnSpec } from '../../src/data/table.js';
import { open, scratch } from './helpers.js';

const file = scratch();
const KEY: ColumnSpec = { id: 'id', column: '客户编号', type: 'string', required: true };
const COLUMNS: ColumnSpec[] = [KEY, { id: 'spend', column: '消费', type: 'number' }];

describe('findRecord: one row of a file by its key', () => {
  it('finds the first row with the key, reads its cells as every reader does, and passes over the rest', async () => {
    const path = file('c.csv', '客户编号,消费\nC1,1\nC2,"15,000"\nC2,9\n');
    expect(await findRecord(await open(path), KEY, 'C2', COLUMNS)).toEqual({
      row: 3,
      values: { id: 'C2', spend: 15000 },
      diagnostics: [],
    });
  });

  it('compares the key as converted (spaces around a cell do not hide a customer)', async () => {
    const path = file('s.csv', '客户编号,消费\n  C7 ,70\n');
    expect(await findRecord(await open(path), KEY, 'C7', COLUMNS)).toMatchObject({
      row: 2,
      values: { spend: 70 },
    });
  });

  it('is undefined when no row has the key; a cell that cannot be read comes with its diagnostic', async () => {
    const path = file('m.csv', '客户编号,消费\nC1,abc\n');
    expect(await findRecord(await open(path), KEY, 'C9', COLUMNS)).toBeUndefined();
    const found = await findRecord(await open(path), KEY, 'C1', COLUMNS);
    expect(found && 'diagnostics' in found ? found.diagnostics.map((d) => d.code) : []).toEqual(['TW0603']);
  });
});
