import type { Diagnostic } from '../../../diagnostics/diagnostic.js';
import { diagnostic } from '../../../diagnostics/make.js';
import { escapeUnsafe } from '../../../diagnostics/render/width.js';
import { msg } from '../../../i18n/text.js';
import type { OverrideView } from '../../../registry/overrides/view.js';
import { type CliIO, EXIT } from '../../io.js';
import { printDiagnostics } from '../../registry.js';
import type { ListCliOptions, OverrideCliOptions, ProposeCliOptions, StepCliOptions } from '../override.js';
import { type Answer, type Failure, failed, request } from './http.js';
import { overrideDetails, overrideLines } from './render.js';

/** The override an answer carries, printed as text or JSON; a failure's diagnostics on stderr. */
function finish(answer: Answer | Failure, opts: OverrideCliOptions, io: CliIO): number {
  if (failed(answer)) {
    printDiagnostics(answer.diagnostics, io, opts.lang);
    return answer.exit;
  }
  const override = answer.body as unknown as OverrideView;
  if (opts.format === 'json') io.out(`${JSON.stringify(override, null, 2)}\n`);
  else
    io.out(
      overrideDetails(override, opts.lang)
        .map((line) => `${escapeUnsafe(line)}\n`)
        .join(''),
    );
  return EXIT.ok;
}

const usage = (diagnostics: Diagnostic[], opts: OverrideCliOptions, io: CliIO) => {
  printDiagnostics(diagnostics, io, opts.lang);
  return EXIT.usage;
};

/** A number option, or TW1416 naming it. */
function numberOf(text: string | undefined, pointer: string): number | undefined | Diagnostic {
  if (text === undefined) return undefined;
  const n = Number(text);
  return Number.isFinite(n) && text.trim() !== ''
    ? n
    : diagnostic('TW1416', msg('overrides.scoreNeedsValue'), { pointer });
}

/** `tierwise override propose`: POST /v1/overrides. */
export async function propose(opts: ProposeCliOptions, io: CliIO): Promise<number> {
  const set = numberOf(opts.score, '/score/set');
  const delta = numberOf(opts.scoreDelta, '/score/delta');
  for (const n of [set, delta]) if (typeof n === 'object') return usage([n], opts, io);
  const score = set !== undefined || delta !== undefined;
  const body = {
    businessUnit: opts.businessUnit,
    customer: opts.customer,
    kind: score ? 'score' : 'tier',
    expires: opts.expires,
    ...(opts.policy ? { policy: opts.policy } : {}),
    ...(opts.tier !== undefined ? { tier: opts.tier } : {}),
    ...(score ? { score: set !== undefined ? { set } : { delta } } : {}),
    ...(opts.reason !== undefined ? { reason: opts.reason } : {}),
    ...(opts.evidence ? { evidence: opts.evidence } : {}),
  };
  return finish(await request(opts, 'POST', '/v1/overrides', body), opts, io);
}

/**
 * approve, reject, withdraw or revoke: with the revision given, or the one read just before
 * (what the person sees in `show` is what they act on; a change in between answers 412).
 */
export async function review(
  step: 'approve' | 'reject' | 'withdraw' | 'revoke',
  id: string,
  opts: StepCliOptions,
  io: CliIO,
): Promise<number> {
  const path = `/v1/overrides/${encodeURIComponent(id)}`;
  let revision = opts.revision;
  if (revision === undefined) {
    const current = await request(opts, 'GET', path);
    if (failed(current)) return finish(current, opts, io);
    revision = String(current.body.revision);
  }
  const body = opts.comment !== undefined ? { comment: opts.comment } : {};
  return finish(
    await request(opts, 'POST', `${path}/${step}`, body, { 'if-match': `"${revision}"` }),
    opts,
    io,
  );
}

/** `tierwise override list`: `{ overrides }` as JSON (what `eval --overrides` reads), or a line each. */
export async function list(opts: ListCliOptions, io: CliIO): Promise<number> {
  const query = new URLSearchParams();
  if (opts.policy) query.set('policy', opts.policy);
  if (opts.businessUnit) query.set('businessUnit', opts.businessUnit);
  if (opts.customer) query.set('customer', opts.customer);
  if (opts.status) query.set('status', opts.status);
  const answer = await request(opts, 'GET', `/v1/overrides${query.size > 0 ? `?${query}` : ''}`);
  if (failed(answer)) return finish(answer, opts, io);
  const overrides = answer.body.overrides as OverrideView[];
  if (opts.format === 'json') io.out(`${JSON.stringify({ overrides }, null, 2)}\n`);
  else
    io.out(
      overrideLines(overrides, opts.lang)
        .map((line) => `${escapeUnsafe(line)}\n`)
        .join(''),
    );
  return EXIT.ok;
}

/** `tierwise override show ID`. */
export async function show(id: string, opts: OverrideCliOptions, io: CliIO): Promise<number> {
  return finish(await request(opts, 'GET', `/v1/overrides/${encodeURIComponent(id)}`), opts, io);
}
