import { Type } from '@sinclair/typebox';
import type { Context } from 'hono';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { isRefusal } from '../../registry/outcome.js';
import { renderCalibration, renderDiff, renderSimulation } from '../../report/simulation/index.js';
import type { PopulationOptions } from '../../simulate/population.js';
import type { ServerDeps } from '../deps.js';
import type { ServerEnv } from '../env.js';
import { type PopulationFiles, populationFiles, renamed, renamedText } from '../population/data.js';
import { policyToRun, sideChoice } from '../population/policy.js';
import { diagnosticsResponse, refuse } from '../respond.js';
import type { Route } from '../route.js';
import {
  type CalibrateRequest,
  CalibrateRequest as CalibrateSchema,
  type DiffRequest,
  DiffRequest as DiffSchema,
  type PopulationData,
  type SimulateRequest,
  SimulateRequest as SimulateSchema,
} from '../schemas/population.js';

/**
 * Runs a population command on the request's data and answers with its `--format json` report,
 * rendered by the same renderer; uploads are removed whatever happens.
 */
export async function withData(
  c: Context<ServerEnv>,
  body: PopulationData,
  deps: ServerDeps,
  run: (
    options: PopulationOptions,
  ) => Promise<{ failed: boolean; diagnostics: Diagnostic[]; json: () => string }>,
): Promise<Response> {
  const files = await populationFiles(body, deps, c.get('actor'));
  if (isRefusal(files)) return refuse(c, files);
  try {
    const outcome = await run(options(body, files));
    if (outcome.failed) return diagnosticsResponse(c, 400, renamed(outcome.diagnostics, files.names));
    return c.body(renamedText(outcome.json(), files.names), 200, {
      'content-type': 'application/json; charset=utf-8',
    });
  } finally {
    await files.cleanup();
  }
}

function options(body: PopulationData, files: PopulationFiles): PopulationOptions {
  // No worker threads: a request must not take every core from the requests beside it, and
  // read on the server's thread a chunk at a time, it leaves room for them between chunks.
  return {
    customers: files.customers,
    transactions: files.transactions,
    asOf: body.asOf,
    onError: body.onError,
    workers: 1,
    engine: body.engine ?? 'auto',
    // One DuckDB thread for the same reason.
    threads: 1,
  };
}

const report = Type.Object({}, { additionalProperties: true, description: 'the CLI --format json report' });
const dataDescription =
  'Customers from a stored dataset (`dataset`, `transactionsDataset`) or sent as text in the JSON body (`data`, `transactions`, with `dataFormat` csv by default). The policy is stored (`version`, or what `businessUnit` has published) or a draft (`draft: { content, fileName }`; in a diff, `{ content, fileName }` as either side), checked as POST /v1/validate checks it. The answer is exactly what the CLI writes with --format json.';

const simulateRoute: Route<SimulateRequest> = {
  method: 'post',
  path: '/v1/simulate',
  operationId: 'simulate',
  summary: 'Tier distribution, revenue shares and KPIs of a policy on a population (`tierwise simulate`)',
  description: dataDescription,
  tag: 'population',
  role: 'viewer',
  request: { json: SimulateSchema, limit: 'uploadBytes' },
  responses: { 200: { description: 'the simulation', schema: report } },
  async handle(c, input, { deps }) {
    const body = input.json!;
    const resolved = await policyToRun(body, 'simulate', '/draft', deps, c);
    if (isRefusal(resolved)) return refuse(c, resolved);
    const language = c.get('language');
    // The population code, and DuckDB beneath it, loads with the first request that runs it (here
    // and in the two routes below): a server start need not pay for it.
    const { simulate } = await import('../../simulate/simulate.js');
    return withData(c, body, deps, async (population) => {
      const simulation = await simulate(resolved.policy, { ...population, kpis: body.kpis });
      return { ...simulation, json: () => renderSimulation('json', simulation, { lang: language }) };
    });
  },
};

const diffRoute: Route<DiffRequest> = {
  method: 'post',
  path: '/v1/diff',
  operationId: 'diff',
  summary: 'Who moves between two policies on a population, and why (`tierwise diff --from --to`)',
  description: dataDescription,
  tag: 'population',
  role: 'viewer',
  request: { json: DiffSchema, limit: 'uploadBytes' },
  responses: { 200: { description: 'the comparison', schema: report } },
  async handle(c, input, { deps }) {
    const body = input.json!;
    const from = await policyToRun(sideChoice(body.from), 'diff', '/from', deps, c);
    if (isRefusal(from)) return refuse(c, from);
    const to = await policyToRun(sideChoice(body.to), 'diff', '/to', deps, c);
    if (isRefusal(to)) return refuse(c, to);
    const language = c.get('language');
    const { diffPolicies } = await import('../../simulate/diff.js');
    return withData(c, body, deps, async (population) => {
      const diff = await diffPolicies(from, to, {
        ...population,
        limit: body.limit,
        kpis: body.kpis,
      });
      return { ...diff, json: () => renderDiff('json', diff, { lang: language }) };
    });
  },
};

const calibrateRoute: Route<CalibrateRequest> = {
  method: 'post',
  path: '/v1/calibrate',
  operationId: 'calibrate',
  summary: 'Thresholds for target shares, weight sensitivity, fragile bands (`tierwise calibrate`)',
  description: dataDescription,
  tag: 'population',
  role: 'viewer',
  request: { json: CalibrateSchema, limit: 'uploadBytes' },
  responses: { 200: { description: 'the calibration', schema: report } },
  async handle(c, input, { deps }) {
    const body = input.json!;
    const resolved = await policyToRun(body, 'calibrate', '/draft', deps, c);
    if (isRefusal(resolved)) return refuse(c, resolved);
    const language = c.get('language');
    const { calibrate } = await import('../../simulate/calibrate.js');
    return withData(c, body, deps, async (population) => {
      const result = await calibrate(resolved, {
        ...population,
        targets: body.targets?.map((t) => ({ ...t, measure: t.measure ?? 'customers' })),
        step: body.step,
        epsilon: body.epsilon,
      });
      return { ...result, json: () => renderCalibration('json', result, { lang: language }) };
    });
  },
};

export const populationRoutes: Route[] = [
  simulateRoute as Route,
  diffRoute as Route,
  calibrateRoute as Route,
];
