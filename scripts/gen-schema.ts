import { writeFileSync } from 'node:fs';
import { policyJsonSchemaText } from '../src/policy/schema/json-schema.js';

writeFileSync(new URL('../schemas/policy.schema.json', import.meta.url), policyJsonSchemaText());
console.log('wrote schemas/policy.schema.json');
