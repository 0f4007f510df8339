import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Code } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { joinPointer } from '../diagnostics/pointer.js';
import { didYouMeanHelp } from '../diagnostics/suggest.js';
import type { Locator } from './locate.js';
import { validate as validateFull } from './schema/generated/full.js';
import { validate as validateVariant } from './schema/generated/variant.js';
import type { Policy } from './schema/policy.js';

/**
 * ajv compiled the schema into these functions once, when `npm run schema` generated them
 * (scripts/validators.ts): compiling it in every process was most of what `tierwise check` cost
 * at start. A variant is held to the relaxed schema of variantJsonSchema.
 */
const VALIDATORS = {
  full: validateFull as ValidateFunction<Policy>,
  variant: validateVariant as ValidateFunction<Policy>,
};

export function validatePolicySchema(
  value: unknown,
  locator: Locator,
  kind: 'full' | 'variant' = 'full',
): Diagnostic[] {
  const validate = VALIDATORS[kind];
  if (validate(value)) return [];
  return toDiagnostics(validate.errors ?? [], locator);
}

/** ajv's findings as TW0101–TW0106, each at its key or value; column mapping files use it too. */
export function toDiagnostics(errors: ErrorObject[], locator: Locator): Diagnostic[] {
  // A failed union reports each branch too; the union's own expectation says it better.
  const unions = errors.filter((e) => e.keyword === 'anyOf').map((e) => `${e.schemaPath}/`);
  const kept = errors.filter((e) => !unions.some((u) => e.schemaPath.startsWith(u)));
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const error of kept) {
    const d = toDiagnostic(error, locator);
    const identity = `${d.code}|${d.pointer}|${d.message}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    out.push(d);
  }
  return out;
}

function toDiagnostic(error: ErrorObject, locator: Locator): Diagnostic {
  const parent = (error.parentSchema ?? {}) as Record<string, unknown>;
  const expected = typeof parent['x-expected'] === 'string' ? parent['x-expected'] : undefined;
  const at = error.instancePath;
  const make = (code: Code, message: string, pointer: string, part: 'key' | 'value', help?: string) =>
    diagnostic(code, message, { ...locator.locate(pointer, part), pointer, help });

  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const pointer = joinPointer(at, key);
      const known = Object.keys((parent.properties as object | undefined) ?? {});
      if (known.length === 0 && parent.patternProperties) {
        return make(
          'TW0104',
          `'${key}' is not a valid name here: expected ${expected ?? 'an identifier'}`,
          pointer,
          'key',
        );
      }
      return make(
        'TW0101',
        `unknown property '${key}'`,
        pointer,
        'key',
        didYouMeanHelp(key, known, 'properties'),
      );
    }
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      return make('TW0103', `missing required property '${missing}'`, at, 'key');
    }
    case 'type': {
      const type = (error.params as { type: string }).type;
      return make('TW0102', `expected ${expected ?? type}, got ${describe(error.data)}`, at, 'value');
    }
    case 'pattern':
    case 'format':
      return make('TW0104', `${describe(error.data)} is not ${expected ?? error.message}`, at, 'value');
    case 'anyOf':
    case 'const':
    case 'enum':
      return make(
        'TW0105',
        `expected ${expected ?? constText(error)}, got ${describe(error.data)}`,
        at,
        'value',
      );
    default:
      return make(
        'TW0106',
        expected ? `expected ${expected}` : (error.message ?? 'invalid value'),
        at,
        'value',
      );
  }
}

function constText(error: ErrorObject): string {
  const params = error.params as { allowedValue?: unknown; allowedValues?: unknown[] };
  if (params.allowedValues) return `one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  return JSON.stringify(params.allowedValue);
}

function describe(value: unknown): string {
  if (value === null) return 'null (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `'${value.length > 60 ? `${value.slice(0, 57)}…` : value}'`;
  return `${typeof value} ${String(value)}`;
}
