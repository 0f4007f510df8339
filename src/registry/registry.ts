import type { Language } from '../i18n/language.js';
import { may } from './access.js';
import { type ArtifactUpload, submitArtifact } from './artifacts.js';
import {
  createChangeRequest,
  type Draft,
  type Edit,
  transition,
  updateChangeRequest,
} from './change-requests.js';
import { compareRequest } from './compare.js';
import { checkContent } from './content.js';
import type { RegistryContext } from './context.js';
import { datasetFile, type Upload, uploadDataset } from './datasets.js';
import { Memo } from './memo.js';
import { type Actor, isRefusal, type Outcome, type PolicyQuery, type ResolvedPolicy } from './outcome.js';
import { activeOverride, getOverride, listOverrides, type OverrideQuery } from './overrides/read.js';
import { type OverrideProposal, overrideStep, proposeOverride } from './overrides/review.js';
import { policyOverview } from './overview.js';
import { policySubjects } from './policy-audit.js';
import { publish, type RollbackRequest, rollback, seedPolicy } from './publish.js';
import {
  type AuditEntry,
  type ChangeRequestRecord,
  DEFAULT_COMPANY_UNIT,
  type DecisionChunkRecord,
  type DecisionRecord,
  type PolicyRecord,
  type PublicationRecord,
  type VersionRecord,
} from './records.js';
import { notFound } from './refuse.js';
import { PolicyCache, resolvePolicy } from './resolve.js';
import type { Store, StoreReader } from './store/store.js';
import { authenticate, createToken, hashSecret, revokeToken, type TokenRequest } from './tokens.js';
import { draftVariant, type VariantRequest } from './variant.js';
import { verifyRegistry } from './verify.js';

/**
 * How long what is in force and who a token is may be answered from memory: a publication or a
 * revocation made through another server sharing the database takes effect here within this.
 */
export const MEMO_MS = 1_000;

export type ChangeRequestFilter = NonNullable<Parameters<StoreReader['listChangeRequests']>[0]>;

export interface RegistryOptions {
  dataDir: string;
  /** The clock; tests move it to publish in the future and ask what is in force. */
  now?: () => Date;
  /** The unit whose publications apply where a unit has none (records.ts DEFAULT_COMPANY_UNIT). */
  companyUnit?: string;
}

/**
 * The registry as its surfaces use it: every method takes the actor who asks and returns a value
 * or a Refusal; the rules live in the modules it delegates to, one job each.
 */
export class Registry {
  readonly #ctx: RegistryContext;
  readonly #cache = new PolicyCache();
  /** Moves on every write through this registry: memoised answers older than it are not used. */
  #generation = 0;
  readonly #resolved = new Memo<ResolvedPolicy>(MEMO_MS);
  readonly #actors = new Memo<Actor | undefined>(MEMO_MS);

  constructor(
    readonly store: Store,
    options: RegistryOptions,
  ) {
    const writes = {
      write: async <T>(fn: Parameters<Store['write']>[0]) => {
        try {
          return (await store.write(fn)) as T;
        } finally {
          this.#generation++;
        }
      },
    };
    this.#ctx = {
      store: new Proxy(store, {
        get: (target, name) => {
          if (name === 'write') return writes.write;
          const value = Reflect.get(target, name, target) as unknown;
          return typeof value === 'function' ? value.bind(target) : value;
        },
      }),
      dataDir: options.dataDir,
      now: options.now ?? (() => new Date()),
      companyUnit: options.companyUnit ?? DEFAULT_COMPANY_UNIT,
    };
  }

  /** The actor of a bearer secret; remembered for a second (MEMO_MS), keyed by the secret's hash. */
  authenticate = async (secret: string): Promise<Actor | undefined> => {
    const key = hashSecret(secret);
    const now = this.#ctx.now().getTime();
    const known = this.#actors.get(key, this.#generation, now);
    if (known !== undefined) return known;
    const generation = this.#generation;
    const actor = await authenticate(this.#ctx, secret);
    if (actor) this.#actors.set(key, actor, generation, now);
    return actor;
  };
  createToken = (actor: Actor, request: TokenRequest) => createToken(this.#ctx, actor, request);
  revokeToken = (actor: Actor, id: string) => revokeToken(this.#ctx, actor, id);
  listTokens = async (actor: Actor) => may(actor, 'tokens') ?? this.store.read((r) => r.listTokens());

  listPolicies = (businessUnit?: string): Promise<PolicyRecord[]> =>
    this.store.read((r) => r.listPolicies(businessUnit === undefined ? {} : { businessUnit }));

  async getPolicy(
    name: string,
  ): Promise<
    Outcome<{ policy: PolicyRecord; versions: VersionRecord[]; publications: PublicationRecord[] }>
  > {
    return this.store.read(async (r) => {
      const policy = await r.getPolicy(name);
      if (!policy) return notFound('policy', name);
      return {
        policy,
        versions: await r.listVersions(name),
        publications: await r.listPublications({ policy: name }),
      };
    });
  }

  async getVersion(id: string): Promise<Outcome<VersionRecord>> {
    return (await this.store.read((r) => r.getVersion(id))) ?? notFound('version', id);
  }

  listPublications = (filter: { businessUnit?: string; policy?: string } = {}) =>
    this.store.read((r) => r.listPublications(filter));

  /** Checks text as a submit would, with a variant's base from the registry (POST /v1/validate). */
  validate = (content: string, fileName = 'policy.tier.yaml') => checkContent(this.#ctx, content, fileName);

  createChangeRequest = (actor: Actor, draft: Draft) => createChangeRequest(this.#ctx, actor, draft);
  updateChangeRequest = (actor: Actor, id: string, edit: Edit, ifMatch?: number) =>
    updateChangeRequest(this.#ctx, actor, id, edit, ifMatch);
  submit = (actor: Actor, id: string, ifMatch?: number) =>
    transition(this.#ctx, actor, id, 'submit', ifMatch);
  approve = (actor: Actor, id: string, ifMatch?: number, comment?: string) =>
    transition(this.#ctx, actor, id, 'approve', ifMatch, comment);
  reject = (actor: Actor, id: string, ifMatch?: number, comment?: string) =>
    transition(this.#ctx, actor, id, 'reject', ifMatch, comment);
  withdraw = (actor: Actor, id: string, ifMatch?: number, comment?: string) =>
    transition(this.#ctx, actor, id, 'withdraw', ifMatch, comment);

  async getChangeRequest(id: string): Promise<Outcome<ChangeRequestRecord>> {
    return (await this.store.read((r) => r.getChangeRequest(id))) ?? notFound('changeRequest', id);
  }

  listChangeRequests = (filter: ChangeRequestFilter = {}) =>
    this.store.read((r) => r.listChangeRequests(filter));

  /** Overrides of a customer's computed tier (overrides/): proposed, approved by another person, expiring. */
  proposeOverride = (actor: Actor, proposal: OverrideProposal) =>
    proposeOverride(this.#ctx, this.resolve, actor, proposal);
  approveOverride = (actor: Actor, id: string, ifMatch?: number, comment?: string) =>
    overrideStep(this.#ctx, this.resolve, actor, id, 'approve', ifMatch, comment);
  rejectOverride = (actor: Actor, id: string, ifMatch?: number, comment?: string) =>
    overrideStep(this.#ctx, this.resolve, actor, id, 'reject', ifMatch, comment);
  withdrawOverride = (actor: Actor, id: string, ifMatch?: number, comment?: string) =>
    overrideStep(this.#ctx, this.resolve, actor, id, 'withdraw', ifMatch, comment);
  revokeOverride = (actor: Actor, id: string, ifMatch?: number, comment?: string) =>
    overrideStep(this.#ctx, this.resolve, actor, id, 'revoke', ifMatch, comment);
  getOverride = (actor: Actor, id: string) => getOverride(this.#ctx, actor, id);
  listOverrides = (actor: Actor, query: OverrideQuery = {}) => listOverrides(this.#ctx, actor, query);
  /** The approved, unexpired override of a customer at `at` (the registry's clock when not given). */
  activeOverride = (key: { policy: string; businessUnit: string; customer: string }, at?: number) =>
    activeOverride(this.#ctx, key, at ?? this.#ctx.now().getTime());

  /** Every policy with its status, what is in force, and the change requests open on it (the editor's list). */
  policyOverview = (actor: Actor) => policyOverview(this.#ctx, actor);
  /** A draft change request for a business unit's new variant of a company policy. */
  draftVariant = (actor: Actor, request: VariantRequest, language: Language) =>
    draftVariant(this.#ctx, actor, request, language);
  /** A change request beside the version it started from (or the base a new variant extends). */
  compareChangeRequest = (id: string) => compareRequest(this.#ctx, this.resolve, id);

  /** CI's signed artifact as change requests in review (artifacts.ts); keys are PEM files the server trusts. */
  submitArtifact = (actor: Actor, upload: ArtifactUpload, trustedKeys: readonly string[]) =>
    submitArtifact(this.#ctx, actor, upload, trustedKeys);

  publish = (actor: Actor, id: string, options: { effectiveFrom?: string; ifMatch?: number }) =>
    publish(this.#ctx, actor, id, options);
  rollback = (actor: Actor, request: RollbackRequest) => rollback(this.#ctx, actor, request);
  /** Publishes a bundled policy file into an empty registry (publish.ts seedPolicy). */
  seedPolicy = (content: string, fileName: string, reason: string) =>
    seedPolicy(this.#ctx, content, fileName, reason);

  /** The policy to evaluate with, merged and checked (cached per version and bases). */
  resolve = async (query: PolicyQuery): Promise<Outcome<ResolvedPolicy>> => {
    const key = JSON.stringify(query);
    const now = this.#ctx.now().getTime();
    const known = this.#resolved.get(key, this.#generation, now);
    if (known) return known;
    const generation = this.#generation;
    const resolved = await resolvePolicy(this.#ctx, this.#cache, query);
    if (!isRefusal(resolved)) this.#resolved.set(key, resolved, generation, now);
    return resolved;
  };

  /** Entries in order; `policy`: those about the policy, its versions, publications and change requests. */
  listAudit = (
    options: { after?: number; limit?: number; subject?: string; policy?: string } = {},
  ): Promise<AuditEntry[]> =>
    this.store.read(async (r) => {
      const { policy, ...filter } = options;
      return r.listAudit(
        policy === undefined ? filter : { ...filter, subjects: await policySubjects(r, policy) },
      );
    });
  verify = () => verifyRegistry(this.#ctx);

  uploadDataset = (actor: Actor, upload: Upload) => uploadDataset(this.#ctx, actor, upload);
  datasetFile = (actor: Actor, id: string) => datasetFile(this.#ctx, actor, id);
  listDatasets = (businessUnit?: string) =>
    this.store.read((r) => r.listDatasets(businessUnit === undefined ? {} : { businessUnit }));

  recordDecisions = (decisions: readonly DecisionRecord[], chunks: readonly DecisionChunkRecord[] = []) =>
    this.store.insertDecisions(decisions, chunks);
  /** A decision of the log, for a reader whose token covers the decision's business unit. */
  async getDecision(actor: Actor, id: string): Promise<Outcome<DecisionRecord>> {
    const decision = await this.store.getDecision(id);
    if (!decision) return notFound('decision', id);
    return may(actor, 'readData', decision.businessUnit) ?? decision;
  }
  /** Retention: decisions older than `days` go; the only records ever deleted. */
  pruneDecisions = (days: number) =>
    this.store.pruneDecisions(new Date(this.#ctx.now().getTime() - days * 86_400_000).toISOString());
}
