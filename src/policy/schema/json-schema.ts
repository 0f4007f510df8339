import { Policy } from './policy.js';

/**
 * The published JSON Schema (schemas/policy.schema.json) is this object serialised; a test holds
 * the file and this object together, so the types, the validator and editors cannot drift.
 *
 * TypeBox inlines a recursive schema (Condition) everywhere it is used, each copy carrying the
 * same $id, which validators reject as ambiguous. Every nested $id is hoisted into
 * `definitions` once and its uses become local references.
 */
export function policyJsonSchema(): Record<string, unknown> {
  const definitions: Record<string, unknown> = {};
  const hoist = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(hoist);
    if (node === null || typeof node !== 'object') return node;
    const record = node as Record<string, unknown>;
    if (typeof record.$ref === 'string' && !record.$ref.startsWith('#')) {
      return { ...record, $ref: `#/definitions/${record.$ref}` };
    }
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record)) if (key !== '$id') out[key] = hoist(value);
    if (typeof record.$id === 'string') {
      definitions[record.$id] ??= out;
      return { $ref: `#/definitions/${record.$id}` };
    }
    return out;
  };
  const { $id, ...root } = JSON.parse(JSON.stringify(Policy)) as Record<string, unknown>;
  const body = hoist(root) as Record<string, unknown>;
  return { $schema: 'http://json-schema.org/draft-07/schema#', $id, ...body, definitions };
}

export function policyJsonSchemaText(): string {
  return `${JSON.stringify(policyJsonSchema(), null, 2)}\n`;
}
