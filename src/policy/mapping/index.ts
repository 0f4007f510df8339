/** Column mapping files: one export's column names for a policy (`--mapping`, docs/data.md). */

export { applyColumnMapping } from './apply.js';
export { type LoadedMapping, parseColumnMapping, readColumnMapping } from './parse.js';
export {
  ColumnMapping,
  MAPPING_KIND,
  MAPPING_SCHEMA_ID,
  mappingJsonSchema,
  mappingJsonSchemaText,
} from './schema.js';
