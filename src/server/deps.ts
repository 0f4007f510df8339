import type { CheckedPolicy } from '../policy/check.js';
import type { Actor, Outcome, PolicyQuery, ResolvedPolicy } from '../registry/outcome.js';
import type {
  DatasetRecord,
  DecisionChunkRecord,
  DecisionRecord,
  OverrideRecord,
} from '../registry/records.js';

/**
 * What the server needs from the registry, and nothing more: the routes parse a request, call
 * one of these (or one library function on what they return) and render the result. The
 * registry implements it over its store; tests implement it over the bundled policy files.
 */
export interface ServerDeps {
  /** The holder of a bearer token's secret, or undefined for a secret no token has (or a revoked one). */
  authenticate(secret: string): Promise<Actor | undefined>;
  /** The policy an evaluation, simulation or comparison uses: merged with its base and checked. */
  resolvePolicy(query: PolicyQuery, actor: Actor): Promise<Outcome<ResolvedPolicy>>;
  /**
   * Keeps decisions in the decision log. Called in batches after the responses went out: a
   * failure is reported to `onError` of the server options, never to the caller of evaluate.
   */
  recordDecisions(
    decisions: readonly DecisionRecord[],
    chunks: readonly DecisionChunkRecord[],
  ): Promise<void>;
  /** A decision from the log, if the actor may read it (its business unit). */
  getDecision(id: string, actor: Actor): Promise<Outcome<DecisionRecord>>;
  /** Where a stored dataset's bytes are (an absolute path under the data directory), if the actor may read it. */
  datasetPath(id: string, actor: Actor): Promise<Outcome<{ path: string; dataset: DatasetRecord }>>;
  /**
   * The approved, unexpired override of a customer at `at` (registry overrides/): evaluate then
   * gives its tier. Without it (fixture deps) no override applies.
   */
  activeOverride?(
    key: { policy: string; businessUnit: string; customer: string },
    at: number,
  ): Promise<OverrideRecord | undefined>;
  /**
   * Checks policy text that may extend a base kept in the registry (a variant). Without it,
   * validate checks text that stands alone, as `tierwise check` does a file without `extends`.
   */
  checkPolicy?(text: string, fileName: string | undefined, actor: Actor): Promise<CheckedPolicy>;
}

/** Limits on what a request may send; every one has a default (src/server/options.ts). */
export interface ServerLimits {
  /** A JSON or YAML request body (evaluate, validate, simulate with an upload). */
  jsonBytes: number;
  /** A batch of customers streamed in: counted as it arrives. */
  batchBytes: number;
  /** One row (a CSV record or an NDJSON line) of a batch or an upload. */
  rowBytes: number;
  /** A JSON body carrying customer data to simulate on (`data`, `transactions`). */
  uploadBytes: number;
}

export interface ServerOptions {
  limits?: Partial<ServerLimits>;
  /** Decisions kept in memory before they are written; they are written at least every flushMs too. */
  decisionBatch?: number;
  decisionFlushMs?: number;
  /** Told when the decision log could not be written (the server keeps serving). */
  onError?: (error: unknown) => void;
  /** The clock for decision times; tests pin it. */
  now?: () => Date;
  /** The editor's built files (dist/ui); without them `/` answers 404 and the API works alone. */
  uiDir?: string;
}
