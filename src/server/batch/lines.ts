import type { StreamFormat } from '../../data/index.js';

/** The media types a batch may be sent as, and the reader each one goes through. */
export const BATCH_FORMATS: Record<string, StreamFormat> = {
  'application/x-ndjson': 'ndjson',
  'application/ndjson': 'ndjson',
  'application/jsonl': 'ndjson',
  'text/csv': 'csv',
  'text/tab-separated-values': 'tsv',
};

export const BATCH_TYPES = Object.keys(BATCH_FORMATS);
