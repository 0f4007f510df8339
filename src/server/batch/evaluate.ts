import { mapRecord, openRecordStream, resolveColumns } from '../../data/index.js';
import { type Diagnostic, hasErrors } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/make.js';
import type { CustomerInput } from '../../engine/evaluate.js';
import type { AsOf } from '../../facts/asof.js';
import { customerColumns } from '../../facts/customers.js';
import { derivedFactsAdder } from '../../facts/derive.js';
import { missingLogDiagnostics } from '../../facts/requirements.js';
import type { Language } from '../../i18n/language.js';
import { msg } from '../../i18n/text.js';
import { escapeJsonControls } from '../../report/control.js';
import { customerJson } from '../../report/results.js';
import { type BodySource, BodyTooLarge, limitedBody, tooLarge as tooLargeProblem } from '../body.js';
import type { ServerLimits } from '../deps.js';
import { decidedBy } from '../evaluate/decided-by.js';
import type { PreparedPolicy } from '../evaluate/evaluators.js';
import { loggedResult } from '../evaluate/one.js';
import { localized } from '../respond.js';
import { BATCH_FORMATS } from './lines.js';

const CHUNK = 1024;
/** A summary keeps this many diagnostics; the rest are counted (each row's are on its own line). */
const MAX_SUMMARY_DIAGNOSTICS = 100;
const FILE = 'request';

/** A row's decision as the log keeps it: the row, what was evaluated, the masked result. */
export interface BatchDecision {
  row: number;
  input: CustomerInput;
  result: Record<string, unknown>;
}

export interface BatchOptions {
  prepared: PreparedPolicy;
  /** The body as it arrives (requestBody of src/server/input.ts). */
  body: BodySource;
  type: string;
  asOf: AsOf;
  limits: ServerLimits;
  language: Language;
  /** Logs the decisions of a chunk of rows (one record for all); returns their ids in order. */
  decide(chunk: readonly BatchDecision[]): string[];
  /** Waits while the decision log is behind (between chunks). */
  backlog(): Promise<void>;
  policy: Record<string, unknown>;
}

/**
 * The batch as NDJSON text, a chunk of lines at a time: each row read from the stream, evaluated
 * with the rows around it, written in file order; a row that cannot be read is a line with its
 * diagnostics, and reading goes on. Memory holds one chunk: no key register, so a customer sent
 * twice is evaluated twice.
 */
export async function* evaluateBatch(options: BatchOptions): AsyncGenerator<string> {
  const { prepared, language } = options;
  const { policy } = prepared;
  const line = (value: unknown) => escapeJsonControls(`${JSON.stringify(value)}\n`);
  const counts = { rows: 0, evaluated: 0, rejected: 0, tiers: {} as Record<string, number> };
  const kept: Diagnostic[] = [...prepared.notes];
  let stopped = false;
  const end = () =>
    line({
      summary: {
        policy: options.policy,
        asOf: options.asOf.date,
        ...counts,
        ...(stopped ? { stopped } : {}),
        diagnostics: localized(kept, language),
      },
    });

  const { keyFact, columns } = customerColumns(policy, false);
  const setup = missingLogDiagnostics(policy);
  if (!keyFact) setup.push(diagnostic('TW0211', msg('facts.noKeyFact'), { pointer: '/facts' }));
  let tooLarge = false;
  const bytes = (async function* () {
    try {
      yield* limitedBody(options.body, options.limits.batchBytes);
    } catch (error) {
      if (error instanceof BodyTooLarge) tooLarge = true;
      throw error;
    }
  })();
  const source = hasErrors(setup)
    ? undefined
    : await openRecordStream(bytes, BATCH_FORMATS[options.type]!, FILE, {
        maxRowBytes: options.limits.rowBytes,
        maxFieldBytes: options.limits.rowBytes,
      });
  if (!source || 'code' in source) {
    if (source) setup.push(source);
    kept.push(...setup);
    stopped = true;
    yield end();
    return;
  }
  const resolved = resolveColumns(await source.headers(), columns, FILE, source.headerRow);
  kept.push(...setup, ...resolved.diagnostics);
  if (hasErrors(resolved.diagnostics) || !resolved.columns.some((c) => c.id === keyFact)) {
    await source.close();
    stopped = true;
    yield end();
    return;
  }
  const withDerived = derivedFactsAdder(policy, options.asOf);
  // Rows in file order: a bad row's line waits for the customers read before it.
  let pending: (CustomerInput | string)[] = [];
  let customers = 0;
  const flush = async (): Promise<string> => {
    const inputs = pending.filter((p): p is CustomerInput => typeof p !== 'string');
    const results = await prepared.evaluate(inputs, { explain: false, asOf: options.asOf });
    const facts = new Map(inputs.map((c) => [c.id, withDerived(c.facts)]));
    const input = { policy, results, facts, distribution: prepared.empty, diagnostics: [], language };
    // Results first, then their decision ids (one log record for the chunk), then the lines.
    const out: (Record<string, unknown> | string)[] = [];
    const decided: BatchDecision[] = [];
    let next = 0;
    for (const item of pending) {
      if (typeof item === 'string') {
        out.push(item);
        continue;
      }
      const result = results[next++]!;
      const json: Record<string, unknown> = customerJson(input, result);
      json.decidedBy = decidedBy(policy, result.decision, language);
      decided.push({ row: item.row!, input: item, result: loggedResult(prepared, json) });
      // Its place before `diagnostics`, as the lines always read; the id comes with the chunk's.
      json.decision = '';
      if (result.diagnostics.length > 0) json.diagnostics = localized(result.diagnostics, language);
      counts.evaluated++;
      const tier = result.tier ?? '';
      counts.tiers[tier] = (counts.tiers[tier] ?? 0) + 1;
      out.push(json);
    }
    const ids = decided.length > 0 ? options.decide(decided) : [];
    let text = '';
    let nextId = 0;
    for (const item of out) {
      if (typeof item === 'string') text += item;
      else {
        item.decision = ids[nextId++];
        text += line(item);
      }
    }
    pending = [];
    customers = 0;
    return text;
  };
  try {
    for await (const record of source.records()) {
      counts.rows++;
      const mapped = mapRecord(record, resolved.columns, FILE);
      const problems = mapped.diagnostics.filter((d) => d.severity === 'error');
      const id = mapped.values[keyFact!];
      if (problems.length > 0 || id === undefined) {
        counts.rejected++;
        let found =
          record.fatal && tooLarge
            ? tooLargeProblem(options.limits.batchBytes).diagnostics
            : mapped.diagnostics;
        if (found.length === 0)
          found = [diagnostic('TW0605', msg('data.required', { id: keyFact! }), { row: record.row })];
        if (kept.length < MAX_SUMMARY_DIAGNOSTICS) kept.push(found[0]!);
        pending.push(line({ row: record.row, diagnostics: localized(found.map(withoutFile), language) }));
        if (record.fatal) {
          stopped = true;
          break;
        }
        continue;
      }
      pending.push({ id: String(id), facts: mapped.values, row: record.row });
      if (++customers >= CHUNK || pending.length >= 4 * CHUNK) {
        yield await flush();
        await options.backlog();
      }
    }
    if (pending.length > 0) yield await flush();
  } finally {
    await source.close();
  }
  yield end();
}

/** Rows are numbered in the request; the name `request` adds nothing to that. */
function withoutFile({ file: _file, ...rest }: Diagnostic): Diagnostic {
  return rest;
}
