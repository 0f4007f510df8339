import { msg } from '../i18n/text.js';
import { parsePolicyText } from '../policy/parse.js';
import { unitName } from './access.js';
import { registryBases } from './bases.js';
import { checkContent, contentRefusal, defaultFileName } from './content.js';
import type { RegistryContext } from './context.js';
import { publicationsInForce } from './in-force.js';
import type { Outcome, PolicyQuery, ResolvedPolicy } from './outcome.js';
import type { PublicationRecord, VersionRecord } from './records.js';
import { notFound, refuse } from './refuse.js';
import { instantOf } from './times.js';

/**
 * Merged, checked policies by version and the base versions they were merged with: a version
 * never changes, so neither does the result. Bounded, oldest out first.
 */
const CACHE_LIMIT = 256;

export class PolicyCache {
  readonly #entries = new Map<string, ResolvedPolicy>();
  /** Version id → the file name its `extends` names (null: none): read once per version. */
  readonly extendsOf = new Map<string, string | null>();

  get(key: string): ResolvedPolicy | undefined {
    return this.#entries.get(key);
  }

  set(key: string, value: ResolvedPolicy): void {
    if (this.#entries.size >= CACHE_LIMIT) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(key, value);
  }
}

/**
 * The policy to evaluate with: a version by id, or what a business unit has in force at `at`
 * (its own publication, else the company's), merged with its base as of the same instant.
 */
export async function resolvePolicy(
  ctx: RegistryContext,
  cache: PolicyCache,
  query: PolicyQuery,
): Promise<Outcome<ResolvedPolicy>> {
  const atText = 'at' in query && query.at !== undefined ? query.at : ctx.now().toISOString();
  const at = instantOf(atText);
  if (at === undefined)
    return refuse('invalid', 'TW1212', msg('registry.badEffectiveFrom', { value: atText }), {
      pointer: '/at',
    });
  let publication: PublicationRecord | undefined;
  let version: VersionRecord | undefined;
  if ('version' in query) {
    version = await ctx.store.read((r) => r.getVersion(query.version));
    if (!version) return notFound('version', query.version);
  } else {
    const found = await inForce(ctx, query.businessUnit, at, atText, query.policy);
    if ('refused' in found) return found;
    publication = found;
    version = await ctx.store.read((r) => r.getVersion(found.version));
    if (!version) return notFound('version', found.version);
  }
  // The bases in force are looked up without checking anything, so a cached merge is found
  // in a few reads; the key names exactly the versions that were merged.
  const chain = await baseChain(ctx, cache, version, at);
  const key = [version.id, ...chain].join(' ');
  const cached = cache.get(key);
  if (cached) return publication ? { ...cached, publication } : { ...cached, publication: undefined };
  const bases: VersionRecord[] = [];
  const policyRecord = await ctx.store.read((r) => r.getPolicy(version.policy));
  const fileName = policyRecord?.fileName ?? defaultFileName(version.policy);
  const checked = await checkContent(ctx, version.content, fileName, at, bases);
  const invalid = contentRefusal(checked);
  if (invalid) return invalid;
  const resolved: ResolvedPolicy = {
    policy: checked.policy!,
    version,
    bases,
    ...(publication ? { publication } : {}),
  };
  cache.set(key, resolved);
  return resolved;
}

/** The ids of the base versions a version merges with at `at`, nearest first. */
async function baseChain(
  ctx: RegistryContext,
  cache: PolicyCache,
  version: VersionRecord,
  at: number,
): Promise<string[]> {
  const ids: string[] = [];
  let current: VersionRecord | undefined = version;
  // extends.ts refuses chains deeper than 8; a loop here stops at the same depth.
  for (let depth = 0; current && depth < 9; depth++) {
    const name = extendsName(cache, current);
    if (name === null) break;
    const used: VersionRecord[] = [];
    await ctx.store.read((reader) => registryBases(reader, at, used)(name, name));
    current = used[0];
    if (current) ids.push(current.id);
  }
  return ids;
}

function extendsName(cache: PolicyCache, version: VersionRecord): string | null {
  let name = cache.extendsOf.get(version.id);
  if (name === undefined) {
    const value = parsePolicyText(version.content).value as { metadata?: { extends?: unknown } } | undefined;
    name = typeof value?.metadata?.extends === 'string' ? value.metadata.extends : null;
    cache.extendsOf.set(version.id, name);
  }
  return name;
}

/** The publication in force for a business unit at `at`; the company's when the unit has none. */
export async function inForce(
  ctx: RegistryContext,
  businessUnit: string,
  at: number,
  atText: string,
  policy?: string,
): Promise<Outcome<PublicationRecord>> {
  for (const unit of new Set([businessUnit, ctx.companyUnit])) {
    const publications = await ctx.store.read((r) =>
      r.listPublications({ businessUnit: unit, ...(policy ? { policy } : {}) }),
    );
    const current = publicationsInForce(publications, at);
    if (current.length === 1) return current[0]!;
    if (current.length > 1)
      return refuse(
        'invalid',
        'TW1214',
        msg('registry.severalInForce', {
          unit: unitName(unit),
          names: current.map((p) => p.policy),
        }),
        { pointer: '/policy' },
      );
  }
  return refuse(
    'not-found',
    'TW1213',
    msg('registry.noneInForce', { unit: unitName(businessUnit), at: atText }),
    {
      help: msg('registry.noneInForceHelp'),
    },
  );
}
