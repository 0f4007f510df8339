import { writeFileSync } from 'node:fs';
import { mappingJsonSchemaText } from '../src/policy/mapping/schema.js';
import { policyJsonSchemaText } from '../src/policy/schema/json-schema.js';
import { GENERATED_DIR, VALIDATOR_KINDS, validatorModule } from './validators.js';

writeFileSync(new URL('../schemas/policy.schema.json', import.meta.url), policyJsonSchemaText());
console.log('wrote schemas/policy.schema.json');
writeFileSync(new URL('../schemas/mapping.schema.json', import.meta.url), mappingJsonSchemaText());
console.log('wrote schemas/mapping.schema.json');
for (const kind of VALIDATOR_KINDS) {
  writeFileSync(new URL(`${kind}.ts`, GENERATED_DIR), validatorModule(kind));
  console.log(`wrote src/policy/schema/generated/${kind}.ts`);
}
