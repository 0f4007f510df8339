import { createHash, randomBytes } from 'node:crypto';
import { canonicalJson } from '../../registry/digest.js';
import type { Actor, ResolvedPolicy } from '../../registry/outcome.js';
import type { DecisionChunkRecord, DecisionRecord } from '../../registry/records.js';
import type { BatchDecision } from '../batch/evaluate.js';

const ID_BYTES = 12;
let pool = Buffer.alloc(0);
let offset = 0;

/**
 * `dec-` and 96 random bits. The bytes come from a pool filled 1,024 ids at a time: one call to
 * the system's generator per row was a quarter of a batch's time.
 */
export function newDecisionId(): string {
  if (offset + ID_BYTES > pool.length) {
    pool = randomBytes(ID_BYTES * 1024);
    offset = 0;
  }
  offset += ID_BYTES;
  return `dec-${pool.toString('base64url', offset - ID_BYTES, offset)}`;
}

/** sha256 of the input's canonical JSON (keys sorted): proves what was asked without keeping it. */
export function inputDigest(input: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(input)).digest('hex')}`;
}

/** The record the decision log keeps; `result` must already be masked. */
export function decisionRecord(
  id: string,
  resolved: ResolvedPolicy,
  actor: Actor,
  input: unknown,
  result: unknown,
  at: Date,
): DecisionRecord {
  return {
    id,
    at: at.toISOString(),
    actor: actor.name,
    businessUnit: resolved.publication?.businessUnit ?? '',
    policy: resolved.version.policy,
    version: resolved.version.id,
    versionDigest: resolved.version.digest,
    inputDigest: inputDigest(input),
    result,
  };
}

/** A batch chunk's decisions as one log record (its rows' ids are `<batch>.<row>`). */
export function decisionChunk(
  batch: string,
  resolved: ResolvedPolicy,
  actor: Actor,
  chunk: readonly BatchDecision[],
  at: Date,
): DecisionChunkRecord {
  return {
    batch,
    at: at.toISOString(),
    actor: actor.name,
    businessUnit: resolved.publication?.businessUnit ?? '',
    policy: resolved.version.policy,
    version: resolved.version.id,
    versionDigest: resolved.version.digest,
    decisions: chunk.map((d) => ({ row: d.row, inputDigest: inputDigest(d.input), result: d.result })),
  };
}

/** How a response names the policy it used. */
export function policyUsed(resolved: ResolvedPolicy) {
  return {
    name: resolved.policy.metadata.name,
    semver: resolved.version.semver,
    version: resolved.version.id,
    digest: resolved.version.digest,
    businessUnit: resolved.publication?.businessUnit,
    publication: resolved.publication?.id,
  };
}
