import { readdirSync, readFileSync } from 'node:fs';
import type { ValidateFunction } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  GENERATED_DIR,
  policyAjv,
  VALIDATOR_KINDS,
  type ValidatorKind,
  validatorModule,
  validatorSchema,
} from '../../../scripts/validators.js';
import { validate as generatedFull } from '../../../src/policy/schema/generated/full.js';
import { validate as generatedVariant } from '../../../src/policy/schema/generated/variant.js';
import { propertyRuns } from '../../helpers/runs.js';

const GENERATED: Record<ValidatorKind, ValidateFunction> = {
  full: generatedFull as ValidateFunction,
  variant: generatedVariant as ValidateFunction,
};

const bundled = readdirSync(new URL('../../../policies/', import.meta.url))
  .filter((f) => f.endsWith('.tier.yaml'))
  .map((f) => parse(readFileSync(new URL(`../../../policies/${f}`, import.meta.url), 'utf8')) as unknown);

/** Every place in a policy a value could be replaced or a key added. */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [at];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [at, ...keys.flatMap((k) => paths((value as Record<string | number, unknown>)[k], [...at, k]))];
}

const REPLACEMENTS = [
  null,
  '',
  'x',
  'P3X',
  '10',
  '150%',
  42,
  -1,
  1.5,
  true,
  [],
  ['x'],
  {},
  { lineer: 1 },
  { points: 'many' },
];

/** A bundled policy with one value replaced, deleted, or a stray key added: what a typo does. */
const edited = fc
  .record({
    policy: fc.nat({ max: bundled.length - 1 }),
    at: fc.nat(),
    edit: fc.oneof(
      fc.record({ kind: fc.constant('replace' as const), with: fc.constantFrom(...REPLACEMENTS) }),
      fc.record({ kind: fc.constant('delete' as const) }),
      fc.record({ kind: fc.constant('add' as const), key: fc.constantFrom('lineer', 'x-note', '9') }),
    ),
  })
  .map(({ policy, at, edit }) => {
    const copy = structuredClone(bundled[policy]) as Record<string, unknown>;
    const all = paths(copy);
    const path = all[at % all.length]!;
    const parent = path.slice(0, -1).reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], copy);
    const last = path.at(-1);
    if (last === undefined || parent === null || typeof parent !== 'object') return copy;
    const holder = parent as Record<string | number, unknown>;
    if (edit.kind === 'replace') holder[last] = structuredClone(edit.with);
    else if (edit.kind === 'delete' && !Array.isArray(parent)) delete holder[last];
    else if (edit.kind === 'add') {
      const target = holder[last];
      if (target !== null && typeof target === 'object' && !Array.isArray(target))
        (target as Record<string, unknown>)[edit.key] = 1;
    }
    return copy;
  });

describe('generated policy validators', () => {
  it.each(VALIDATOR_KINDS)(
    '%s is exactly what ajv generates from the schema (run `npm run schema` after changing src/policy/schema)',
    (kind) => {
      const committed = readFileSync(new URL(`${kind}.ts`, GENERATED_DIR), 'utf8');
      expect(committed === validatorModule(kind), `src/policy/schema/generated/${kind}.ts is stale`).toBe(
        true,
      );
    },
  );

  it.each(VALIDATOR_KINDS)(
    '%s gives the errors ajv gives when it compiles the schema at run time',
    (kind) => {
      const compiled = policyAjv().compile(validatorSchema(kind));
      const generated = GENERATED[kind];
      const outcome = (validate: ValidateFunction, value: unknown) => ({
        valid: validate(value),
        // parentSchema and data are what the diagnostics read: compared too, by value.
        errors: validate.errors ?? [],
      });
      for (const policy of bundled) expect(outcome(generated, policy)).toEqual(outcome(compiled, policy));
      fc.assert(
        fc.property(edited, (policy) => {
          expect(outcome(generated, policy)).toEqual(outcome(compiled, policy));
        }),
        { numRuns: propertyRuns(200, 2_000), seed: 20261202 },
      );
    },
  );
});
