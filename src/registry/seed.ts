import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parsePolicyText } from '../policy/parse.js';
import { isRefusal } from './outcome.js';
import type { DatasetRecord, Role } from './records.js';
import type { Registry } from './registry.js';
import { LOCAL_ADMIN } from './tokens.js';

export interface SeedSource {
  /** Folder of *.tier.yaml files (the bundled policies/). */
  policies: string;
  /** Data files uploaded as datasets for each business unit the policies name. */
  datasets: { path: string; kind: DatasetRecord['kind'] }[];
}

export interface Seeded {
  /** Tokens made for trying the registry out: one per role, with their secrets (shown once). */
  tokens: { name: string; role: string; businessUnits: string[]; secret: string }[];
  policies: string[];
  datasets: DatasetRecord[];
  diagnostics: Diagnostic[];
}

/**
 * Fills an empty registry with the bundled policies (bases before the variants that extend
 * them) and example data, for `npm start`. A registry that already holds policies is left as it is.
 */
export async function seedRegistry(registry: Registry, source: SeedSource): Promise<Seeded> {
  const seeded: Seeded = { tokens: [], policies: [], datasets: [], diagnostics: [] };
  if ((await registry.listPolicies()).length > 0) return seeded;
  const names = (await readdir(source.policies)).filter((n) => n.endsWith('.tier.yaml')).sort();
  const files = await Promise.all(
    names.map(async (name) => ({ name, text: await readFile(join(source.policies, name), 'utf8') })),
  );
  const units = new Set<string>();
  const extendsOf = (text: string) =>
    (parsePolicyText(text).value as { metadata?: { extends?: string; businessUnit?: string } } | undefined)
      ?.metadata;
  // Bases first: a variant is checked against its base, which must be there.
  files.sort(
    (a, b) => Number(Boolean(extendsOf(a.text)?.extends)) - Number(Boolean(extendsOf(b.text)?.extends)),
  );
  for (const file of files) {
    const published = await registry.seedPolicy(file.text, file.name, `seeded from policies/${file.name}`);
    if (isRefusal(published)) seeded.diagnostics.push(...published.diagnostics);
    else {
      seeded.policies.push(published.version.id);
      units.add(published.publication.businessUnit);
    }
  }
  for (const unit of [...units].sort()) {
    for (const dataset of source.datasets) {
      const bytes = await readFile(dataset.path);
      const uploaded = await registry.uploadDataset(LOCAL_ADMIN, {
        businessUnit: unit,
        name: basename(dataset.path),
        kind: dataset.kind,
        bytes,
      });
      if (isRefusal(uploaded)) seeded.diagnostics.push(...uploaded.diagnostics);
      else seeded.datasets.push(uploaded);
    }
  }
  for (const demo of DEMO_TOKENS) {
    const made = await registry.createToken(LOCAL_ADMIN, { ...demo, businessUnits: [...demo.businessUnits] });
    if (isRefusal(made)) seeded.diagnostics.push(...made.diagnostics);
    else seeded.tokens.push({ ...demo, secret: made.secret });
  }
  return seeded;
}

/** An analyst of each unit, an approver of both and the company's admin: enough to walk through a review. */
const DEMO_TOKENS: { name: string; role: Role; businessUnits: string[] }[] = [
  { name: 'demo-admin', role: 'admin', businessUnits: ['*'] },
  { name: 'demo-analyst', role: 'analyst', businessUnits: ['retail'] },
  { name: 'demo-hq-analyst', role: 'analyst', businessUnits: ['headquarters'] },
  { name: 'demo-approver', role: 'approver', businessUnits: ['retail', 'headquarters'] },
];
