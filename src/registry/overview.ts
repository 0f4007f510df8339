import { basename } from 'node:path';
import type { Localized } from '../i18n/language.js';
import { parsePolicyText } from '../policy/parse.js';
import { coversUnit, may } from './access.js';
import type { RegistryContext } from './context.js';
import { publicationsInForce } from './in-force.js';
import type { Actor } from './outcome.js';
import type { ChangeRequestRecord, PolicyRecord, PublicationRecord, VersionRecord } from './records.js';
import type { StoreReader } from './store/store.js';
import { instantOf } from './times.js';

/** Change requests still moving through review: they may still become a version. */
export const OPEN_STATES: readonly ChangeRequestRecord['state'][] = ['draft', 'in_review', 'approved'];

/**
 * - `published`: a version is in force for the policy's unit now;
 * - `scheduled`: published only from a later date;
 * - `unpublished`: versions exist, none is or will be in force (every publication ended);
 * - `proposed`: only an open change request names it (a new policy or variant being drafted).
 */
export type PolicyStatus = 'published' | 'scheduled' | 'unpublished' | 'proposed';

export interface OverviewChangeRequest {
  id: string;
  state: ChangeRequestRecord['state'];
  title: string;
  author: string;
  updatedAt: string;
}

export interface OverviewPublication {
  version: string;
  semver: string;
  effectiveFrom: string;
  effectiveTo?: string;
  publishedBy: string;
}

export interface PolicyOverviewRow {
  name: string;
  businessUnit: string;
  /** The file its versions are written as; a proposed policy has none yet. */
  fileName?: string;
  /** The policy its `extends` names (by the base's file name), when it is a variant. */
  extends?: string;
  labels?: Localized;
  status: PolicyStatus;
  latest?: { id: string; semver: string; author: string; createdAt: string };
  inForce?: OverviewPublication;
  /** The next publication that starts later. */
  scheduled?: OverviewPublication;
  /** Open change requests (draft, in review, approved), newest first. */
  changeRequests: OverviewChangeRequest[];
  /** Who wrote what is shown: the latest version's change request's author, or the proposing one's. */
  author: string;
  /** Whether the asking token may draft changes to it (analyst or above, covering its unit). */
  editable: boolean;
}

export interface PolicyOverview {
  at: string;
  companyUnit: string;
  policies: PolicyOverviewRow[];
  /** The company unit's policies: what a business unit's variant may extend. */
  bases: { name: string; fileName: string; semver?: string; labels?: Localized }[];
  /** The business units the asking token may draft a variant for; empty below analyst. */
  variantUnits: string[];
}

/**
 * Every policy with its status, the version in force and when, who wrote it and the change
 * requests open on it, in one read: the editor's policies page asks once.
 */
export async function policyOverview(ctx: RegistryContext, actor: Actor): Promise<PolicyOverview> {
  const now = ctx.now();
  const at = now.getTime();
  return ctx.store.read(async (reader) => {
    const policies = await reader.listPolicies();
    const publications = await reader.listPublications();
    const open = (await reader.listChangeRequests()).filter((r) => OPEN_STATES.includes(r.state));
    const byFile = new Map(policies.map((p) => [p.fileName, p.name]));
    const versions = new Versions(reader);
    const rows: PolicyOverviewRow[] = [];
    for (const policy of policies) {
      const latest = await reader.latestVersion(policy.name);
      const own = publications.filter((p) => p.policy === policy.name);
      const inForce = publicationsInForce(own, at)[0];
      const scheduled = own.find((p) => (instantOf(p.effectiveFrom) ?? 0) > at);
      const metadata = latest ? metadataOf(latest.content) : {};
      rows.push({
        name: policy.name,
        businessUnit: policy.businessUnit,
        fileName: policy.fileName,
        ...baseOf(metadata.extends, byFile),
        ...(metadata.labels ? { labels: metadata.labels } : {}),
        status: inForce ? 'published' : scheduled ? 'scheduled' : 'unpublished',
        ...(latest ? { latest: versionSummary(latest) } : {}),
        ...(inForce ? { inForce: await versions.publication(inForce) } : {}),
        ...(scheduled ? { scheduled: await versions.publication(scheduled) } : {}),
        changeRequests: open.filter((r) => r.policy === policy.name).map(requestSummary),
        author: (await writerOf(reader, latest)) ?? policy.createdBy,
        editable: may(actor, 'draft', policy.businessUnit) === undefined,
      });
    }
    rows.push(...proposedRows(policies, open, byFile, actor));
    rows.sort((a, b) => a.businessUnit.localeCompare(b.businessUnit) || a.name.localeCompare(b.name));
    const datasets = await reader.listDatasets();
    return {
      at: now.toISOString(),
      companyUnit: ctx.companyUnit,
      policies: rows,
      bases: companyBases(policies, rows, ctx.companyUnit),
      variantUnits: variantUnits(actor, [
        ...policies.map((p) => p.businessUnit),
        ...datasets.map((d) => d.businessUnit),
      ]),
    };
  });
}

/** Who wrote a version: its change request's author (the version's own author is who published it). */
async function writerOf(
  reader: StoreReader,
  version: VersionRecord | undefined,
): Promise<string | undefined> {
  if (!version) return undefined;
  const request = version.changeRequest ? await reader.getChangeRequest(version.changeRequest) : undefined;
  return request?.author ?? version.author;
}

/** Policies no version holds yet, named by open change requests: the newest request speaks for each. */
function proposedRows(
  policies: readonly PolicyRecord[],
  open: readonly ChangeRequestRecord[],
  byFile: Map<string, string>,
  actor: Actor,
): PolicyOverviewRow[] {
  const known = new Set(policies.map((p) => p.name));
  const rows = new Map<string, PolicyOverviewRow>();
  for (const request of open) {
    if (known.has(request.policy)) continue;
    const row = rows.get(request.policy);
    if (row) {
      row.changeRequests.push(requestSummary(request));
      continue;
    }
    const metadata = metadataOf(request.content);
    rows.set(request.policy, {
      name: request.policy,
      businessUnit: request.businessUnit,
      ...baseOf(metadata.extends, byFile),
      ...(metadata.labels ? { labels: metadata.labels } : {}),
      status: 'proposed',
      changeRequests: [requestSummary(request)],
      author: request.author,
      editable: may(actor, 'draft', request.businessUnit) === undefined,
    });
  }
  return [...rows.values()];
}

function companyBases(
  policies: readonly PolicyRecord[],
  rows: readonly PolicyOverviewRow[],
  companyUnit: string,
): PolicyOverview['bases'] {
  return policies
    .filter((p) => p.businessUnit === companyUnit)
    .map((p) => {
      const row = rows.find((r) => r.name === p.name);
      const semver = row?.inForce?.semver ?? row?.latest?.semver;
      return {
        name: p.name,
        fileName: p.fileName,
        ...(semver ? { semver } : {}),
        ...(row?.labels ? { labels: row.labels } : {}),
      };
    });
}

/** The actor's own units; all units the registry knows for a token of every unit (`*`). */
function variantUnits(actor: Actor, known: readonly string[]): string[] {
  if (may(actor, 'draft') !== undefined) return [];
  const units = actor.businessUnits.includes('*') ? known : actor.businessUnits;
  return [...new Set(units)].filter((u) => u !== '*' && coversUnit(actor, u)).sort();
}

/** Versions read once each: several publications name the same version. */
class Versions {
  readonly #seen = new Map<string, VersionRecord | undefined>();
  constructor(private readonly reader: StoreReader) {}

  async publication(p: PublicationRecord): Promise<OverviewPublication> {
    if (!this.#seen.has(p.version)) this.#seen.set(p.version, await this.reader.getVersion(p.version));
    return {
      version: p.version,
      semver: this.#seen.get(p.version)?.semver ?? '',
      effectiveFrom: p.effectiveFrom,
      ...(p.effectiveTo ? { effectiveTo: p.effectiveTo } : {}),
      publishedBy: p.publishedBy,
    };
  }
}

const versionSummary = (v: VersionRecord) => ({
  id: v.id,
  semver: v.semver,
  author: v.author,
  createdAt: v.createdAt,
});

const requestSummary = (r: ChangeRequestRecord): OverviewChangeRequest => ({
  id: r.id,
  state: r.state,
  title: r.title,
  author: r.author,
  updatedAt: r.updatedAt,
});

function baseOf(extendsPath: string | undefined, byFile: Map<string, string>): { extends?: string } {
  if (extendsPath === undefined) return {};
  const name = byFile.get(basename(extendsPath));
  return name ? { extends: name } : {};
}

/** What the overview shows of a text's metadata; a text that does not parse shows none. */
function metadataOf(content: string): { extends?: string; labels?: Localized } {
  const metadata = (parsePolicyText(content).value as { metadata?: Record<string, unknown> } | undefined)
    ?.metadata;
  const base = metadata?.extends;
  const labels = metadata?.labels;
  return {
    ...(typeof base === 'string' ? { extends: base } : {}),
    ...(labels && typeof labels === 'object' && !Array.isArray(labels)
      ? { labels: labels as Localized }
      : {}),
  };
}
