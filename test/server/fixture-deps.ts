import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { diagnostic } from '../../src/diagnostics/make.js';
import { msg } from '../../src/i18n/text.js';
import { loadPolicy } from '../../src/policy/load.js';
import type { Actor, Refusal, ResolvedPolicy } from '../../src/registry/outcome.js';
import {
  chunkDecision,
  type DatasetRecord,
  type DecisionRecord,
  type Role,
  type VersionRecord,
} from '../../src/registry/records.js';
import type { ServerDeps } from '../../src/server/deps.js';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const POLICIES = join(ROOT, 'policies');
export const CUSTOMERS = join(ROOT, 'examples/data/customers.csv');
export const TRANSACTIONS = join(ROOT, 'examples/data/transactions.csv');

/** Secrets of the fixture's tokens, one per role, plus one limited to the retail business unit. */
export const TOKENS: Record<string, Actor> = {
  'viewer-secret': { id: 'tok-1', name: 'vera', role: 'viewer', businessUnits: ['*'] },
  'analyst-secret': { id: 'tok-2', name: 'ana', role: 'analyst', businessUnits: ['retail'] },
  'admin-secret': { id: 'tok-3', name: 'root', role: 'admin', businessUnits: ['*'] },
};
export const VIEWER = { authorization: 'Bearer viewer-secret' };

/** retail-scorecard.test.yaml's first case: 88.8 points → 89 → VIP in retail. */
export const T0002 = {
  customerId: 'T0002',
  spend12m: 600000,
  avgOrderValue: 40000,
  industryGrowth: 12,
  orderGrowthRate: 10,
  newNeeds12m: 3,
  repurchaseRate: 80,
  referralRate: 16,
  complaintRate: 3,
};

/** A diagnostic the fixture's registry stand-in gives (its real codes are the registry's). */
const notFound = (message: string, pointer?: string): Refusal => ({
  refused: 'not-found',
  diagnostics: [
    { code: 'TW1201', severity: 'error', message, ...(pointer ? { pointer } : {}) } as Diagnostic,
  ],
});

/** Which bundled policy each business unit has published (the company base is headquarters'). */
const PUBLISHED: Record<string, string[]> = {
  retail: ['retail-scorecard'],
  headquarters: ['seed004-scorecard', 'seed001-five-factor', 'seed004-quota'],
};

export interface FixtureDeps extends ServerDeps {
  decisions: Map<string, DecisionRecord>;
}

/**
 * ServerDeps over the bundled policy files (each one version, `${name}@1`), in-memory tokens and
 * decisions, and the example data as datasets ds-1 (customers) and ds-2 (transactions): the
 * server's tests need no registry.
 */
export async function fixtureDeps(): Promise<FixtureDeps> {
  const names = [
    'seed004-scorecard',
    'retail-scorecard',
    'seed001-five-factor',
    'seed004-quota',
    'seed004-rfm',
    'seed000-classifiers',
  ];
  const resolved = new Map<string, ResolvedPolicy>();
  for (const name of names) {
    const file = join(POLICIES, `${name}.tier.yaml`);
    const loaded = await loadPolicy(file);
    if (!loaded.policy) throw new Error(`${name}: ${JSON.stringify(loaded.diagnostics)}`);
    const content = readFileSync(file, 'utf8');
    const version: VersionRecord = {
      id: `${name}@1`,
      policy: name,
      sequence: 1,
      semver: loaded.policy.metadata.version,
      content,
      digest: `sha256:${createHash('sha256').update(content).digest('hex')}`,
      author: 'fixture',
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    resolved.set(version.id, { policy: loaded.policy, version, bases: [] });
  }
  const datasets: Record<string, { path: string; dataset: DatasetRecord }> = {};
  for (const [id, path, kind] of [
    ['ds-1', CUSTOMERS, 'customers'],
    ['ds-2', TRANSACTIONS, 'transactions'],
  ] as const) {
    datasets[id] = {
      path,
      dataset: {
        id,
        businessUnit: 'headquarters',
        name: basename(path),
        kind,
        path: basename(path),
        format: 'csv',
        bytes: 0,
        digest: 'sha256:',
        uploadedBy: 'fixture',
        uploadedAt: '2026-01-01T00:00:00.000Z',
      },
    };
  }
  const decisions = new Map<string, DecisionRecord>();
  return {
    decisions,
    authenticate: async (secret) => TOKENS[secret],
    resolvePolicy: async (query) => {
      if ('version' in query)
        return resolved.get(query.version) ?? notFound(`no version ${query.version}`, '/version');
      const published = PUBLISHED[query.businessUnit];
      if (!published) return notFound(`nothing published for ${query.businessUnit}`, '/businessUnit');
      const name = query.policy ?? published[0]!;
      if (!published.includes(name))
        return notFound(`${query.businessUnit} has not published ${name}`, '/policy');
      const found = resolved.get(`${name}@1`)!;
      return {
        ...found,
        publication: {
          id: `pub-${name}`,
          businessUnit: query.businessUnit,
          policy: name,
          version: found.version.id,
          effectiveFrom: '2026-01-01T00:00:00.000Z',
          publishedBy: 'fixture',
          publishedAt: '2026-01-01T00:00:00.000Z',
        },
      };
    },
    recordDecisions: async (batch, chunks) => {
      for (const d of batch) decisions.set(d.id, d);
      for (const chunk of chunks)
        for (const { row } of chunk.decisions) {
          const d = chunkDecision(chunk, row)!;
          decisions.set(d.id, d);
        }
    },
    getDecision: async (id) =>
      decisions.get(id) ?? {
        refused: 'not-found',
        diagnostics: [diagnostic('TW1308', msg('server.noDecision', { id }))],
      },
    datasetPath: async (id) => datasets[id] ?? notFound(`no dataset ${id}`, '/dataset'),
  };
}

export const bearer = (role: Role | 'bad') =>
  role === 'bad' ? { authorization: 'Bearer nope' } : { authorization: `Bearer ${role}-secret` };

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field in tests
export type Json = any;
export const json = (res: Response): Promise<Json> => res.json();
