import { writeFileSync } from 'node:fs';
import { mappingJsonSchemaText } from '../src/policy/mapping/schema.js';
import { policyJsonSchemaText } from '../src/policy/schema/json-schema.js';

writeFileSync(new URL('../schemas/policy.schema.json', import.meta.url), policyJsonSchemaText());
console.log('wrote schemas/policy.schema.json');
writeFileSync(new URL('../schemas/mapping.schema.json', import.meta.url), mappingJsonSchemaText());
console.log('wrote schemas/mapping.schema.json');
