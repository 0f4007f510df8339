import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { policyJsonSchemaText } from '../../src/policy/schema/json-schema.js';

describe('published JSON Schema', () => {
  it('is exactly what the TypeScript schema generates (run `npm run schema` after changing src/policy/schema)', () => {
    const published = readFileSync(new URL('../../schemas/policy.schema.json', import.meta.url), 'utf8');
    expect(published).toBe(policyJsonSchemaText());
  });

  it('compiles in a plain draft-07 validator, as editors use it', () => {
    const ajv = new Ajv({ strict: false });
    const validate = ajv.compile(JSON.parse(policyJsonSchemaText()));
    expect(
      validate({ apiVersion: 'tierwise/v1', kind: 'TierPolicy', metadata: { name: 'x', version: '1.0.0' } }),
    ).toBe(true);
    expect(
      validate({ apiVersion: 'tierwise/v1', kind: 'TierPolicy', metadata: { name: 'x', version: 'one' } }),
    ).toBe(false);
  });
});
