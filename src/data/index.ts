/** Reading users' own data files: customer lists and transaction logs. */

export {
  type Converted,
  type ConvertOptions,
  convertValue,
  type FieldSpec,
  type FieldType,
  outOfRange,
} from './convert.js';
export { DEFAULT_TIMEZONE, formatInstant } from './date.js';
export {
  DEFAULT_MAX_DIAGNOSTICS,
  ON_ERROR,
  type OnError,
  type ReadSummary,
  type RowDecision,
  type RowErrorPolicy,
  rowErrorPolicy,
} from './errors.js';
export { checkDataFile, openRecordStream, openRecords, type StreamFormat } from './open.js';
export {
  badCell,
  type ColumnSpec,
  mapRecord,
  missingCell,
  normalizeHeader,
  refusedCode,
  resolveColumns,
} from './table.js';
export type {
  Encoding,
  EncodingOption,
  Fields,
  FieldValue,
  Format,
  OpenOptions,
  RawRecord,
  RecordSource,
} from './types.js';
