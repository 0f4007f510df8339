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

/**
 * A variant states only what it changes, so below its identity (apiVersion, kind, metadata) no
 * property is required — except `id`, which is how list entries find their base entry. The
 * merged policy is then held to the full schema.
 */
export function variantJsonSchema(
  schema: Record<string, unknown> = policyJsonSchema(),
): Record<string, unknown> {
  const relax = (node: unknown, keepRequired: boolean): unknown => {
    if (Array.isArray(node)) return node.map((n) => relax(n, false));
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === 'required' && !keepRequired && Array.isArray(value)) {
        const kept = value.filter((r) => r === 'id');
        if (kept.length > 0) out.required = kept;
      } else out[key] = relax(value, false);
    }
    return out;
  };
  const relaxed = relax(schema, true) as { properties: Record<string, unknown> };
  relaxed.properties.metadata = (schema as { properties: Record<string, unknown> }).properties.metadata;
  return relaxed;
}

export function policyJsonSchemaText(): string {
  return `${JSON.stringify(policyJsonSchema(), null, 2)}\n`;
}
