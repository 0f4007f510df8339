import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Code } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { joinPointer } from '../diagnostics/pointer.js';
import { suggestion } from '../diagnostics/suggest.js';
import { msg, type Text } from '../i18n/text.js';
import { expectedText } from './expected.js';
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

/** Findings reported per file; the rest are counted (TW0015). */
export const MAX_SCHEMA_FINDINGS = 1000;

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
  for (const [i, error] of kept.entries()) {
    // Each finding costs a did-you-mean and a code frame: 30,000 of them took a minute.
    if (out.length === MAX_SCHEMA_FINDINGS) {
      out.push(
        diagnostic(
          'TW0015',
          msg('schema.moreFindings', { shown: MAX_SCHEMA_FINDINGS, more: kept.length - i }),
          {
            file: locator.locate('').file,
          },
        ),
      );
      break;
    }
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
  const expected = typeof parent['x-expected'] === 'string' ? expectedText(parent['x-expected']) : undefined;
  const at = error.instancePath;
  const make = (code: Code, message: Text, pointer: string, part: 'key' | 'value', help?: Text) =>
    diagnostic(code, message, { ...locator.locate(pointer, part), pointer, help });

  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const pointer = joinPointer(at, key);
      const known = Object.keys((parent.properties as object | undefined) ?? {});
      if (known.length === 0 && parent.patternProperties) {
        const name = expected ?? msg('schema.expectIdentifierShort');
        return make('TW0104', msg('schema.badName', { key, expected: name }), pointer, 'key');
      }
      return make(
        'TW0101',
        msg('schema.unknownProperty', { key }),
        pointer,
        'key',
        suggestion(key, known, 'properties'),
      );
    }
    case 'required': {
      const name = (error.params as { missingProperty: string }).missingProperty;
      return make('TW0103', msg('schema.missingProperty', { name }), at, 'key');
    }
    case 'type': {
      const type = (error.params as { type: string | string[] }).type;
      const types = msg('schema.types', { types: Array.isArray(type) ? type : [type] });
      return make(
        'TW0102',
        msg('schema.expectedGot', { expected: expected ?? types, got: describe(error.data) }),
        at,
        'value',
      );
    }
    case 'pattern':
    case 'format':
      return make(
        'TW0104',
        msg('schema.isNot', { got: describe(error.data), expected: expected ?? ajvMessage(error) }),
        at,
        'value',
      );
    case 'anyOf':
    case 'const':
    case 'enum':
      return make(
        'TW0105',
        msg('schema.expectedGot', { expected: expected ?? constText(error), got: describe(error.data) }),
        at,
        'value',
      );
    default:
      return make('TW0106', expected ? msg('schema.expected', { expected }) : ajvMessage(error), at, 'value');
  }
}

/** ajv's message in English; the keyword and its limit say it in the other languages. */
function ajvMessage(error: ErrorObject): Text {
  if (error.message === undefined) return msg('schema.invalidValue');
  const params = error.params as {
    limit?: unknown;
    comparison?: unknown;
    pattern?: unknown;
    multipleOf?: unknown;
  };
  const limit = params.limit ?? params.multipleOf;
  return msg('schema.ajv', {
    keyword: error.keyword,
    detail: error.message,
    ...(typeof limit === 'number' ? { limit } : {}),
    ...(typeof params.comparison === 'string' ? { comparison: params.comparison } : {}),
    ...(typeof params.pattern === 'string' ? { pattern: params.pattern } : {}),
  });
}

function constText(error: ErrorObject): Text {
  const params = error.params as { allowedValue?: unknown; allowedValues?: unknown[] };
  if (params.allowedValues)
    return msg('schema.oneOfValues', { values: params.allowedValues.map((v) => JSON.stringify(v)) });
  if (error.keyword === 'anyOf') {
    // A union without an x-expected text: its alternatives' constants are the values allowed.
    const branches = Array.isArray(error.schema) ? (error.schema as { const?: unknown }[]) : [];
    if (branches.length > 0 && branches.every((b) => b && 'const' in b))
      return msg('schema.oneOfValues', { values: branches.map((b) => JSON.stringify(b.const)) });
    return msg('schema.anyForm');
  }
  return msg('schema.value', { json: String(JSON.stringify(params.allowedValue)) });
}

function describe(value: unknown): Text {
  if (value === null) return msg('schema.gotNull');
  if (Array.isArray(value)) return msg('schema.gotList');
  if (typeof value === 'object') return msg('schema.gotMapping');
  if (typeof value === 'string')
    return msg('schema.gotString', { value: value.length > 60 ? `${value.slice(0, 57)}…` : value });
  return msg('schema.gotScalar', { type: typeof value, value: String(value) });
}
