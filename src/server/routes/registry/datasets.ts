import { Type } from '@sinclair/typebox';
import type { Registry } from '../../../registry/registry.js';
import type { Route } from '../../route.js';
import { DatasetSchema, Query } from '../../schemas/registry.js';
import { answer } from './answer.js';

const UPLOAD_TYPES = [
  'text/csv',
  'text/tab-separated-values',
  'application/x-ndjson',
  'application/jsonl',
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/** Customer lists and transaction logs a business unit simulates on. */
export function datasetRoutes(registry: Registry): Route[] {
  const upload: Route = {
    method: 'post',
    path: '/v1/datasets',
    operationId: 'uploadDataset',
    summary: 'Upload a customer list or transaction log (CSV in UTF-8 or GBK, TSV, NDJSON, XLSX) as the body',
    description:
      'The file name (`name`) says the format and is shown, never used as a path. The bytes are read through before anything is recorded: a file that does not read is refused whole.',
    tag: 'datasets',
    role: 'analyst',
    query: Type.Object({
      businessUnit: Type.String({ minLength: 1 }),
      name: Type.String({ minLength: 1, description: 'the file name, e.g. 客户.csv' }),
      kind: Type.Union([Type.Literal('customers'), Type.Literal('transactions')]),
    }),
    request: { text: UPLOAD_TYPES, limit: 'uploadBytes' },
    responses: { 201: { description: 'the dataset', schema: DatasetSchema } },
    async handle(c, input) {
      const { businessUnit, name, kind } = input.query;
      const outcome = await registry.uploadDataset(c.get('actor'), {
        businessUnit: businessUnit!,
        name: name!,
        kind: kind as 'customers' | 'transactions',
        bytes: input.bytes ?? new Uint8Array(0),
      });
      return answer(c, outcome, ({ path: _path, ...dataset }) => dataset, 201);
    },
  };

  const list: Route = {
    method: 'get',
    path: '/v1/datasets',
    operationId: 'listDatasets',
    summary: 'The datasets, by business unit',
    tag: 'datasets',
    role: 'viewer',
    query: Type.Object({ businessUnit: Query.unit }),
    responses: {
      200: { description: 'the datasets', schema: Type.Object({ datasets: Type.Array(DatasetSchema) }) },
    },
    async handle(c, input) {
      const datasets = await registry.listDatasets(input.query.businessUnit);
      return c.json({ datasets: datasets.map(({ path: _path, ...d }) => d) });
    },
  };

  return [upload, list];
}
