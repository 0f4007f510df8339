import { Type } from '@sinclair/typebox';
import type { Context } from 'hono';
import type { AsOf } from '../../facts/asof.js';
import { isRefusal, type PolicyQuery, type ResolvedPolicy } from '../../registry/outcome.js';
import { chunkDecisionId } from '../../registry/records.js';
import { evaluateBatch } from '../batch/evaluate.js';
import { BATCH_TYPES } from '../batch/lines.js';
import { schemaProblems, tooLarge } from '../body.js';
import type { DecisionLog } from '../decision-log.js';
import type { ServerDeps, ServerOptions } from '../deps.js';
import type { ServerEnv } from '../env.js';
import { decisionChunk, decisionRecord, newDecisionId, policyUsed } from '../evaluate/decision.js';
import { PreparedPolicies } from '../evaluate/evaluators.js';
import { isLookup, lookUpCustomer, lookupShapeProblems } from '../evaluate/lookup.js';
import {
  customerShapeProblems,
  evaluateOne,
  loggedResult,
  rankingProblem,
  requestAsOf,
} from '../evaluate/one.js';
import { overrideLookup } from '../evaluate/overrides.js';
import { policyQuery } from '../evaluate/query.js';
import { requestBody } from '../input.js';
import { diagnosticsResponse, localized, refuse } from '../respond.js';
import type { Route } from '../route.js';
import {
  BatchQuery,
  type EvaluateRequest,
  EvaluateResponse,
  EvaluateRequest as EvaluateSchema,
} from '../schemas/evaluate.js';

/** POST /v1/evaluate and /v1/evaluate/batch, sharing the compiled policies and the decision log. */
export function evaluateRoutes(decisions: DecisionLog, options: ServerOptions): Route[] {
  const prepared = new PreparedPolicies();
  const now = () => options.now?.() ?? new Date();

  /** The policy a request names, if it evaluates customers one by one, and the as-of it asks for. */
  const evaluable = async (
    c: Context<ServerEnv>,
    deps: ServerDeps,
    query: PolicyQuery,
    asOfText: string | undefined,
  ): Promise<{ resolved: ResolvedPolicy; asOf: AsOf; at: Date } | Response> => {
    const resolved = await deps.resolvePolicy(query, c.get('actor'));
    if (isRefusal(resolved)) return refuse(c, resolved);
    const ranking = rankingProblem(resolved.policy);
    if (ranking) return diagnosticsResponse(c, 400, [ranking]);
    const at = now();
    const asOf = requestAsOf(resolved.policy, asOfText, at.getTime());
    if (Array.isArray(asOf)) return diagnosticsResponse(c, 400, asOf);
    return { resolved, asOf, at };
  };

  const one: Route<EvaluateRequest> = {
    method: 'post',
    path: '/v1/evaluate',
    operationId: 'evaluate',
    summary: "One customer's tier, score, SLA and entitlements, with a decision id",
    description:
      'The customer as `facts` (keyed by fact id, typed), as a `record` (keyed by the customer file columns, read as a CSV cell is) with its `transactions`, or looked up by id (`customer`) in a stored `dataset` (with `transactionsDataset`). The policy is a `version`, or what `businessUnit` has published (as of `at`). An approved, unexpired override of the customer (`/v1/overrides`) decides the tier: the answer then has `override` (its id, the tier, the computed tier and score, reason, approver, expiry) and `decidedBy.method` `override`. Personal data is masked in the answer and the decision log.',
    tag: 'evaluation',
    role: 'viewer',
    request: {
      json: EvaluateSchema,
      limit: 'jsonBytes',
      example: { businessUnit: 'retail', facts: { customerId: 'C001', spend12m: 120000 }, explain: true },
    },
    responses: { 200: { description: "the customer's result", schema: EvaluateResponse } },
    async handle(c, input, { deps }) {
      const body = input.json!;
      const language = c.get('language');
      const query = policyQuery(body);
      if ('code' in query) return diagnosticsResponse(c, 400, [query]);
      const lookup = isLookup(body);
      const shape = lookup ? lookupShapeProblems(body) : customerShapeProblems(body);
      if (shape.length > 0) return diagnosticsResponse(c, 400, shape);
      const actor = c.get('actor');
      const found = await evaluable(c, deps, query, body.asOf);
      if (found instanceof Response) return found;
      const { resolved, asOf, at } = found;
      const policy = prepared.get(resolved);
      const looked = lookup ? await lookUpCustomer(body, resolved.policy, asOf, deps, actor) : undefined;
      if (isRefusal(looked)) return refuse(c, looked);
      // Facts read from the file are already typed as evaluation takes them: given as facts, they stay so.
      const customer = looked ? { ...body, facts: looked.facts as EvaluateRequest['facts'] } : body;
      const overrides = overrideLookup(deps, query, resolved, at);
      const outcome = await evaluateOne(policy, customer, asOf, language, overrides);
      if (Array.isArray(outcome)) return diagnosticsResponse(c, 400, outcome);
      if (looked) {
        outcome.json.row = looked.row;
        outcome.diagnostics.unshift(...looked.diagnostics);
      }
      const id = newDecisionId();
      decisions.add(decisionRecord(id, resolved, actor, body, loggedResult(policy, outcome.json), at));
      const { diagnostics: _own, ...result } = outcome.json;
      return c.json({
        decision: id,
        policy: policyUsed(resolved),
        asOf: asOf.date,
        ...result,
        ...(outcome.diagnostics.length > 0 ? { diagnostics: localized(outcome.diagnostics, language) } : {}),
      });
    },
  };

  const batch: Route = {
    method: 'post',
    path: '/v1/evaluate/batch',
    operationId: 'evaluateBatch',
    summary:
      'Many customers streamed in (NDJSON or CSV), one NDJSON line out per customer, then a summary line',
    description:
      'The policy is chosen in the query string (`?version=` or `?businessUnit=&policy=&at=`, and `asOf`). Rows are customer file rows (columns as the policy maps them; aggregates as precomputed columns). Each output line is a result with its `row` and `decision`, or `{ row, diagnostics }` for a row that cannot be read; the last line is `{ summary }`. Memory does not grow with the number of rows.',
    tag: 'evaluation',
    role: 'viewer',
    request: { stream: BATCH_TYPES, limit: 'batchBytes' },
    responses: {
      200: {
        description: 'NDJSON: a line per row, then { summary }',
        contentType: 'application/x-ndjson',
        schema: Type.String(),
      },
    },
    async handle(c, input, { deps, limits }) {
      const params = Object.fromEntries(new URL(c.req.url).searchParams);
      const problems = schemaProblems(BatchQuery, params);
      if (problems.length > 0) return diagnosticsResponse(c, 400, problems);
      const query = policyQuery(params);
      if ('code' in query) return diagnosticsResponse(c, 400, [query]);
      if (Number(c.req.header('content-length') ?? 0) > limits.batchBytes) {
        const problem = tooLarge(limits.batchBytes);
        return diagnosticsResponse(c, problem.status, problem.diagnostics);
      }
      const actor = c.get('actor');
      const found = await evaluable(c, deps, query, params.asOf);
      if (found instanceof Response) return found;
      const { resolved, asOf, at } = found;
      const batchId = newDecisionId();
      const lines = evaluateBatch({
        prepared: prepared.get(resolved),
        body: requestBody(c),
        type: input.type!,
        asOf,
        limits,
        language: c.get('language'),
        decide: (chunk) => {
          const record = decisionChunk(batchId, resolved, actor, chunk, at);
          decisions.addChunk(record);
          return record.decisions.map((d) => chunkDecisionId(batchId, d.row));
        },
        backlog: () => decisions.backlog(),
        policy: policyUsed(resolved),
      });
      return new Response(toStream(lines), {
        headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' },
      });
    },
  };
  return [one as Route, batch];
}

/** Lines pulled as the client reads: a slow reader slows the evaluation, never fills memory. */
function toStream(lines: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
}
