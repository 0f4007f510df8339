import { dirname, isAbsolute, join, normalize, resolve } from 'node:path';
import type { Code } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { joinPointer, splitPointer } from '../diagnostics/pointer.js';
import { msg, type Text } from '../i18n/text.js';
import { policyRoots, readBase } from './base-file.js';
import { type CheckOptions, type ParsedPolicy, parsePolicy } from './check.js';
import type { Locator } from './locate.js';
import { DEFAULT_MAX_BYTES } from './parse.js';
import type { Policy } from './schema/policy.js';
import { validatePolicySchema } from './validate-schema.js';

const MAX_DEPTH = 8;

/**
 * How a variant's section combines with its base's. A variant states only what it changes:
 * `fields` merges mappings key by key, `byId` merges lists of {id: …} entries by id (keeping the
 * base's order, which is the tier order), `replace` takes the variant's value whole.
 */
type Spec = 'replace' | { fields: Record<string, Spec>; rest?: Spec } | { byId: Spec };

const REPLACE = 'replace' as const;
const fieldsOf = (fields: Record<string, Spec>, rest: Spec = REPLACE): Spec => ({ fields, rest });
const LEVEL = fieldsOf({ sla: fieldsOf({}), entitlements: fieldsOf({}) });
const POLICY_SPEC: Spec = fieldsOf({
  metadata: fieldsOf({}),
  facts: fieldsOf({}, fieldsOf({})),
  sources: fieldsOf({
    customers: fieldsOf({ columns: fieldsOf({}) }),
    transactions: fieldsOf({ fields: fieldsOf({}) }),
  }),
  conditions: fieldsOf({}),
  dimensions: fieldsOf({}, fieldsOf({ metrics: fieldsOf({}, fieldsOf({})) })),
  score: fieldsOf({}),
  tiers: fieldsOf({ quota: fieldsOf({}), matrix: fieldsOf({}), levels: { byId: LEVEL } }),
  classifiers: fieldsOf({}),
  rerating: fieldsOf({ every: fieldsOf({}), triggers: { byId: REPLACE } }),
});

/** Fields of the base's metadata a variant never inherits: they name the base itself. */
const OWN_METADATA = ['name', 'version', 'extends', 'effectiveFrom', 'effectiveTo'];
/** What a fact may change in a variant: only how it is described, never what data it reads. */
const FACT_DESCRIPTIVE = new Set(['label', 'description']);

interface Origin {
  locator: Locator;
  pointer: string;
}

/**
 * Loads a variant's base (recursively), checks what the variant changes against what a variant
 * may change, and returns the merged policy with a locator that sends every pointer back to the
 * file that wrote it.
 */
export async function resolveExtends(
  variant: ParsedPolicy,
  variantPath: string,
  options: CheckOptions,
  chain: string[] = [],
): Promise<ParsedPolicy> {
  const document = variant.document!;
  const extendsPointer = '/metadata/extends';
  // A refused base is named, never shown: neither its findings nor its lines.
  const refuse = (code: Code, message: Text, help?: Text, extra: Diagnostic[] = []): ParsedPolicy => ({
    ...variant,
    document: undefined,
    diagnostics: [
      ...variant.diagnostics,
      diagnostic(code, message, {
        ...variant.locator.locate(extendsPointer),
        pointer: extendsPointer,
        help,
      }),
      ...extra,
    ],
  });
  const fail = (message: Text, help?: Text, extra: Diagnostic[] = []) =>
    refuse('TW0505', message, help, extra);
  const name = document.metadata.extends!;
  const basePath = resolve(dirname(variantPath), name);
  // Name the base the way the variant was named (relative stays relative) so messages line up.
  const shown = isAbsolute(name)
    ? normalize(name)
    : variant.file
      ? normalize(join(dirname(variant.file), name))
      : basePath;
  if (chain.includes(basePath) || basePath === variantPath)
    return fail(msg('parse.extendsCycle', { file: shown }));
  if (chain.length >= MAX_DEPTH) return fail(msg('parse.extendsTooDeep', { limit: MAX_DEPTH }));

  const roots = options.readBase ? [] : (options.policyRoots ?? (await policyRoots(chain[0] ?? variantPath)));
  const read = options.readBase
    ? await options.readBase(name, shown)
    : await readBase(name, shown, variantPath, roots, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if ('refused' in read) return refuse(read.refused, read.message, read.help);
  if ('unreadable' in read)
    return fail(msg('parse.baseUnreadable', { file: shown, reason: read.unreadable }));
  let base = parsePolicy(read.text, shown);
  if (base.document?.metadata.extends) {
    base = await resolveExtends(base, basePath, { ...options, policyRoots: roots }, [...chain, variantPath]);
  }
  if (!base.document || hasErrors(base.diagnostics)) {
    return fail(
      msg('parse.baseHasErrors', { file: shown }),
      msg('parse.baseHasErrorsHelp'),
      base.diagnostics,
    );
  }
  const forbidden = forbiddenChanges(base.document, document, variant.locator);
  const origins = new Map<string, Origin>();
  const merged = merge(
    POLICY_SPEC,
    base.document,
    document,
    '',
    '',
    '',
    base.locator,
    variant.locator,
    origins,
  );
  dropReplacedAlternatives(merged as Policy, document);
  const metadata = (merged as Policy).metadata as Record<string, unknown>;
  for (const key of OWN_METADATA) if (!(key in document.metadata)) delete metadata[key];
  const locator = mergedLocator(origins, variant.locator);
  const schemaDiagnostics = forbidden.length > 0 ? [] : validatePolicySchema(merged, locator);
  return {
    file: variant.file,
    merged: true,
    document: schemaDiagnostics.length > 0 ? undefined : (merged as Policy),
    locator,
    diagnostics: [...base.diagnostics, ...variant.diagnostics, ...forbidden, ...schemaDiagnostics],
    sources: new Map([...base.sources, ...variant.sources]),
  };
}

/**
 * Some level fields are alternatives: a variant that states one replaces the base's other (a
 * corrected tier may trade its `when` for `otherwise: true`, or its minScore for a score range).
 */
const ALTERNATIVES: [string, string][] = [
  ['when', 'otherwise'],
  ['minScore', 'score'],
];

function dropReplacedAlternatives(merged: Policy, variant: Policy): void {
  for (const level of variant.tiers?.levels ?? []) {
    const target = merged.tiers?.levels.find((l) => l.id === level.id) as Record<string, unknown> | undefined;
    if (!target) continue;
    for (const [a, b] of ALTERNATIVES) {
      if (a in level && !(b in level)) delete target[b];
      if (b in level && !(a in level)) delete target[a];
    }
  }
}

function forbiddenChanges(base: Policy, variant: Policy, locator: Locator): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (pointer: string, message: Text, help: Text) =>
    out.push(diagnostic('TW0507', message, { ...locator.locate(pointer, 'key'), pointer, help }));
  for (const [id, fact] of Object.entries(variant.facts ?? {})) {
    const original = base.facts?.[id];
    if (!original) continue;
    // Only what the variant states counts: a variant lists the fields it changes.
    const changed = Object.keys(fact).filter(
      (k) =>
        !FACT_DESCRIPTIVE.has(k) &&
        JSON.stringify((fact as Record<string, unknown>)[k]) !==
          JSON.stringify((original as Record<string, unknown>)[k]),
    );
    if (changed.length > 0) {
      report(
        joinPointer('/facts', id),
        msg('parse.variantRedefinesFact', { id, fields: changed }),
        msg('parse.variantRedefinesFactHelp'),
      );
    }
  }
  if (variant.tiers?.method && base.tiers && variant.tiers.method !== base.tiers.method) {
    report(
      '/tiers/method',
      msg('parse.variantChangesMethod', { from: base.tiers.method, to: variant.tiers.method }),
      msg('parse.variantChangesMethodHelp'),
    );
  }
  const baseIds = new Set(base.tiers?.levels.map((l) => l.id));
  variant.tiers?.levels.forEach((level, i) => {
    if (!baseIds.has(level.id)) {
      report(
        `/tiers/levels/${i}/id`,
        msg('parse.variantAddsTier', { id: level.id }),
        msg('parse.variantAddsTierHelp', { ids: [...baseIds] }),
      );
    }
  });
  return out;
}

function merge(
  spec: Spec,
  base: unknown,
  variant: unknown,
  at: string,
  basePointer: string,
  variantPointer: string,
  baseLocator: Locator,
  variantLocator: Locator,
  origins: Map<string, Origin>,
): unknown {
  if (variant === undefined) {
    origins.set(at, { locator: baseLocator, pointer: basePointer });
    return base;
  }
  if (base === undefined || spec === REPLACE || !isMergeable(base, variant)) {
    origins.set(at, { locator: variantLocator, pointer: variantPointer });
    return variant;
  }
  // Both files have this node: point at the variant's, since that is the file being edited.
  origins.set(at, { locator: variantLocator, pointer: variantPointer });
  if ('byId' in spec) {
    const baseList = base as { id: string }[];
    const variantList = variant as { id: string }[];
    return baseList
      .map((entry, i) => {
        const j = variantList.findIndex((v) => v.id === entry.id);
        return merge(
          spec.byId,
          entry,
          j >= 0 ? variantList[j] : undefined,
          `${at}/${i}`,
          `${basePointer}/${i}`,
          `${variantPointer}/${j}`,
          baseLocator,
          variantLocator,
          origins,
        );
      })
      .concat(variantList.filter((v) => !baseList.some((b) => b.id === v.id)));
  }
  const out: Record<string, unknown> = {};
  const b = base as Record<string, unknown>;
  const v = variant as Record<string, unknown>;
  for (const key of new Set([...Object.keys(b), ...Object.keys(v)])) {
    const child = merge(
      spec.fields[key] ?? spec.rest ?? REPLACE,
      b[key],
      v[key],
      joinPointer(at, key),
      joinPointer(basePointer, key),
      joinPointer(variantPointer, key),
      baseLocator,
      variantLocator,
      origins,
    );
    Object.defineProperty(out, key, { value: child, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function isMergeable(base: unknown, variant: unknown): boolean {
  const kind = (x: unknown) =>
    Array.isArray(x) ? 'list' : x !== null && typeof x === 'object' ? 'map' : 'value';
  return kind(base) === kind(variant) && kind(base) !== 'value';
}

/** The deepest recorded ancestor of a pointer decides its file; the rest of the path follows it. */
function mergedLocator(origins: Map<string, Origin>, fallback: Locator): Locator {
  return {
    locate(pointer, part, within) {
      const tokens = splitPointer(pointer);
      for (let n = tokens.length; n >= 0; n--) {
        const origin = origins.get(joinPointer('', ...tokens.slice(0, n)));
        if (origin)
          return origin.locator.locate(joinPointer(origin.pointer, ...tokens.slice(n)), part, within);
      }
      return fallback.locate(pointer, part, within);
    },
  };
}
