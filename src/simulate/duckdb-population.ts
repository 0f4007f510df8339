import type { DuckDBDataChunk } from '@duckdb/node-api';
import type { BatchResult } from '../compile/batch.js';
import { compileBatch } from '../compile/batch.js';
import { type BatchOutcomes, outcomeMembers } from '../compile/batch-outcomes.js';
import type { ReadSummary } from '../data/index.js';
import { formatInstant } from '../data/index.js';
import { type Diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import { domainBreaches } from '../duckdb/breaches.js';
import {
  type Duck,
  type LoadSummary,
  loadCustomers,
  loadTransactions,
  memoryLimitProblem,
  openDuck,
  outOfMemory,
  type ProvisionalLoad,
} from '../duckdb/index.js';
import { type LogSurvey, surveyLog } from '../duckdb/log-survey.js';
import { doubleColumn, integerColumn } from '../duckdb/vectors.js';
import { DistributionBuilder } from '../engine/distribution.js';
import type { TierTally } from '../engine/tally.js';
import type { AsOf } from '../facts/asof.js';
import type { CustomerColumns } from '../facts/columnar.js';
import { planAggregates, unknownCustomers } from '../facts/customers.js';
import { runAsOf } from '../facts/derive.js';
import { missingLogDiagnostics } from '../facts/requirements.js';
import { DEFAULT_TIMEZONE, zoneCalendar } from '../facts/zone.js';
import type { Policy } from '../policy/schema/policy.js';
import { duckdb } from '../sql/dialect.js';
import {
  compileAggregateSql,
  compileSql,
  isCompiledAggregates,
  isCompiledSql,
  type Relation,
  type SqlOptions,
} from '../sql/query.js';
import { memberColumns, type Tally, type TallyPlan, tallyPolicy } from './duckdb-tally.js';
import { CustomerFindings } from './findings.js';
import type { PopulationChunk, PopulationOptions, PopulationRun } from './population.js';

/**
 * evaluatePopulations on embedded DuckDB: each policy's customer file (and transaction log) is
 * loaded into DuckDB, the policy runs there as its SQL query (aggregates, derived facts, scores,
 * quota ranks and all), and the results stream back in row order, chunk by chunk, into the same
 * distribution, findings and `onChunk` consumers the JavaScript path feeds. Nothing is held per
 * customer on this side, so memory follows the chunk; DuckDB spills to disk past its own limit.
 * Customers left without a tier are evaluated again on the object path (CustomerFindings), so
 * their diagnostics are the ones `eval` reports.
 */
export async function evaluatePopulationsDuck(
  policies: readonly Policy[],
  options: PopulationOptions,
  onChunk?: PopulationChunk,
): Promise<PopulationRun[]> {
  const tally = policies.length === 1 ? options.outcomes?.tally : undefined;
  return withDuck(policies, options, (duck) =>
    run(
      duck,
      policies,
      options,
      onChunk && {
        chunk: (views, results, _, __, members) => onChunk(views, results, members),
        members: options.outcomes !== undefined,
        tally: tally && { sums: options.outcomes!.keep, give: tally },
      },
    ),
  );
}

/**
 * The outcome columns of a chunk as the SQL query gives them, row by row: each classifier's
 * classes, the flags, notices and triggers (comma-joined, '' for none) and whether to re-rate.
 * What `eval` writes per customer besides tier and score, and the tier's SLA and entitlements,
 * which are the level's own (the query's JSON of them, read and parsed per customer, cost more
 * than the rest of a row).
 */
export interface OutcomeColumns {
  classes: Record<string, (string | null)[]>;
  flags: (string | null)[];
  notify: (string | null)[];
  triggers: (string | null)[];
  rerate: (boolean | null)[];
}

/** What a run hands over chunk by chunk: awaited, so a consumer writing a file holds DuckDB back. */
interface Sink {
  chunk(
    views: readonly CustomerColumns[],
    results: readonly BatchResult[],
    outcomes: readonly OutcomeColumns[] | undefined,
    asOfs: readonly (AsOf | undefined)[],
    members: readonly BatchOutcomes[] | undefined,
  ): void | Promise<void>;
  /** Select the outcome columns too. */
  outcomes?: boolean;
  /** Hand over each policy's class and flag memberships as the query decides them. */
  members?: boolean;
  /**
   * Per-tier figures (with the exact sums of `sums` facts) in place of chunks, when the run can
   * count inside DuckDB (tallyPlan); otherwise the chunks come as usual.
   */
  tally?: { sums: readonly string[]; give(tally: readonly TierTally[]): void };
}

/**
 * One policy on DuckDB with its outcome columns, chunk by chunk, for a consumer that writes each
 * customer's result (src/simulate/duckdb-results.ts).
 */
export async function evaluateOutcomesDuck(
  policy: Policy,
  options: PopulationOptions,
  onChunk: (
    view: CustomerColumns,
    result: BatchResult,
    outcomes: OutcomeColumns,
    asOf: AsOf | undefined,
  ) => void | Promise<void>,
): Promise<PopulationRun> {
  const [only] = await withDuck([policy], options, (duck) =>
    run(duck, [policy], options, {
      outcomes: true,
      chunk: (views, results, outcomes, asOfs) => onChunk(views[0]!, results[0]!, outcomes![0]!, asOfs[0]),
    }),
  );
  return only!;
}

async function withDuck(
  policies: readonly Policy[],
  options: PopulationOptions,
  job: (duck: Duck) => Promise<PopulationRun[]>,
): Promise<PopulationRun[]> {
  const failed = (problem: Diagnostic): PopulationRun[] =>
    policies.map((policy) => ({
      distribution: new DistributionBuilder(policy).result(false),
      diagnostics: [problem],
      evaluated: 0,
      failed: true,
      engine: 'duckdb',
    }));
  const badLimit = memoryLimitProblem();
  if (badLimit) return failed(badLimit);
  const duck = await openDuck({ threads: options.threads });
  try {
    return await job(duck);
  } catch (error) {
    // Not every DuckDB operator spills: past its memory limit a query stops, and says so.
    const oom = outOfMemory(error);
    if (oom) return failed(oom);
    throw error;
  } finally {
    duck.close();
  }
}

interface Lane {
  policy: Policy;
  builder: DistributionBuilder;
  findings: CustomerFindings;
  batch: ReturnType<typeof compileBatch>;
  revenueFact?: string;
  asOf?: AsOf;
  notes: Diagnostic[];
  /** TW0632: the aggregates this policy's log took outside their declared domain. */
  breaches: Diagnostic[];
  /** The log's read summary, with this policy's TW0632 counted. */
  transactionsSummary: ReadSummary | undefined;
  /**
   * Facts given back beside each result, and which of them are dates (epoch ms in SQL). A text or
   * date fact nobody downstream reads is `lazy`: decoded only for customers left without a tier,
   * whom CustomerFindings evaluates again. Decoding a million strings costs more than the query.
   */
  carried: { id: string; numeric: boolean; date: boolean; lazy: boolean }[];
  timezone: string;
  /** The policy's classifiers, whose class columns the query gives when the sink asks for outcomes. */
  classifiers: string[];
  /** The classes and flags whose memberships the query gives when the sink asks for them. */
  members?: ReturnType<typeof outcomeMembers>;
  /**
   * The query gives its rows in file order by itself: it only selects, filters and computes from
   * the customer table, which DuckDB keeps in order (preserve_insertion_order; a join or a
   * quota's ranking window would not). Its results then need no sort, which for a file written
   * out customer by customer held every row in memory before the first was written.
   */
  inOrder: boolean;
}

async function run(
  duck: Duck,
  policies: readonly Policy[],
  options: PopulationOptions,
  sink?: Sink,
): Promise<PopulationRun[]> {
  const failAll = (diagnostics: Diagnostic[], extra: Partial<PopulationRun> = {}): PopulationRun[] =>
    policies.map((policy) => ({
      distribution: new DistributionBuilder(policy).result(false),
      diagnostics,
      evaluated: 0,
      failed: true,
      engine: 'duckdb',
      ...extra,
    }));
  const shared: Diagnostic[] = [];
  // TW0609, said after each policy's TW0632 as the JS reader orders them.
  const strangers: Diagnostic[] = [];
  const lanes: Lane[] = [];
  const queries: string[] = [];
  let customersSummary: PopulationRun['customersSummary'];
  let transactionsSummary: PopulationRun['transactionsSummary'];
  const counting = mayTally(policies, sink);
  // A counting run without a log may read a clean file once: counted and checked in one pass.
  let provisional: { load: ProvisionalLoad; query: string } | undefined;
  for (const [p, policy] of policies.entries()) {
    const aggregates = Object.values(policy.facts ?? {}).some((f) => f.aggregate !== undefined);
    const joinLog = options.transactions !== undefined && aggregates;
    const notes = options.transactions === undefined ? missingLogDiagnostics(policy) : [];
    if (hasErrors(notes)) return failAll(notes);
    const planned = joinLog ? planAggregates(policy, options) : undefined;
    if (Array.isArray(planned)) return failAll(planned);
    const measured = planned
      ? { asOf: planned.asOf, diagnostics: [] }
      : runAsOf(policy, options.asOf, options.now);
    if (hasErrors(measured.diagnostics)) return failAll(measured.diagnostics);

    const load = { onError: options.onError ?? 'report', encoding: options.encoding, sheet: options.sheet };
    const customers = await loadCustomers(duck, policy, options.customers!, {
      ...load,
      table: `tw_customers_${p}`,
      useTransactions: options.transactions !== undefined,
      provisional: counting && !joinLog,
    });
    // The same file read for each policy: its row findings are said once.
    if (p === 0) shared.push(...customers.diagnostics);
    customersSummary ??= readSummaryOf(customers);
    if (customers.failed) return failAll(shared, { customersSummary });
    let transactions: string | undefined;
    let survey: LogSurvey | undefined;
    if (joinLog) {
      const log = await loadTransactions(duck, policy, options.transactions!, {
        ...load,
        table: `tw_transactions_${p}`,
      });
      const first = transactionsSummary === undefined;
      if (first) shared.push(...log.diagnostics);
      transactionsSummary ??= readSummaryOf(log);
      if (log.failed) return failAll(shared, { customersSummary, transactionsSummary });
      transactions = log.table;
      // TW0609 as the JS reader gives it, once: log rows whose customer the customer table lacks.
      const key = Object.entries(policy.facts ?? {}).find(([, f]) => f.key);
      survey = await surveyLog(duck.connection, log.table, policy, {
        columns: log.columns,
        customers: first && key ? { table: customers.table, key: key[0] } : undefined,
      });
      if (survey.strangers) {
        const { count, row, id } = survey.strangers;
        strangers.push(unknownCustomers(options.transactions!, count, { row, id }, key?.[1].pii === true));
      }
    }

    const timezone = policy.metadata.timezone ?? DEFAULT_TIMEZONE;
    const facts = Object.entries(policy.facts ?? {});
    const present = new Set(customers.columns);
    const wanted = readBy(policy, options, sink);
    const carried = facts
      .filter(
        ([id, f]) => f.expr === undefined && (present.has(id) || (joinLog && f.aggregate !== undefined)),
      )
      .map(([id, f]) => {
        const numeric = f.type === 'number' || f.type === 'integer';
        return { id, numeric, date: f.type === 'date', lazy: !numeric && !wanted(id) };
      });
    // Sums in any order when they give the fold's doubles: the fold sorts each customer's rows.
    const summation = survey?.unordered ? 'unordered' : 'exact';
    const inputs = {
      dialect: duckdb,
      summation,
      members: true,
      customers: { name: customers.table, shape: 'typed', columns: customers.columns, row: 'tw_row' },
      // tw_row is the log's file order, which sums must add in to be the JavaScript path's doubles.
      transactions:
        transactions === undefined
          ? undefined
          : ({ name: transactions, shape: 'typed', row: 'tw_row' } as const),
      asOf: measured.asOf,
      carry: carried.map((c) => c.id),
    } as const;
    let aggregated: string | undefined;
    const breaches: Diagnostic[] = [];
    let laneLog = transactionsSummary;
    if (inputs.transactions !== undefined) {
      const mode = options.onError ?? 'report';
      const folded = await foldLog(
        duck,
        policy,
        { ...inputs, transactions: inputs.transactions },
        {
          table: `tw_aggregates_${p}`,
          customers: customers.table,
          file: options.transactions!,
          list: mode !== 'skip',
        },
      );
      if (isDiagnostics(folded)) return failAll(folded);
      aggregated = folded.table;
      breaches.push(...folded.diagnostics);
      if (folded.count > 0 && laneLog) {
        const byCode = { ...laneLog.byCode, TW0632: (laneLog.byCode.TW0632 ?? 0) + folded.count };
        laneLog = { ...laneLog, byCode, ...(mode === 'fail' ? { stopped: true } : {}) };
        if (mode === 'fail')
          return failAll([...shared, ...breaches], { customersSummary, transactionsSummary: laneLog });
      }
    }
    const compile = (pass?: string[]) =>
      compileSql(policy, { ...inputs, customers: { ...inputs.customers, pass }, aggregated });
    const compiled = compile();
    if (!isCompiledSql(compiled)) return failAll(compiled);
    queries.push(compiled.sql);
    if (customers.provisional) {
      const checked = compile([customers.provisional.ok]);
      if (!isCompiledSql(checked)) return failAll(checked);
      provisional = { load: customers.provisional, query: checked.sql };
    }
    lanes.push({
      policy,
      notes,
      builder: new DistributionBuilder(policy),
      findings: new CustomerFindings(policy, measured.asOf),
      batch: compileBatch(policy, { asOf: measured.asOf }),
      breaches,
      transactionsSummary: laneLog,
      revenueFact: facts.find(([, f]) => f.revenue)?.[0],
      asOf: measured.asOf,
      carried,
      timezone,
      classifiers: compiled.classifiers,
      members: sink?.members ? outcomeMembers(policy) : undefined,
      inOrder: !joinLog && policy.tiers?.method !== 'quota',
    });
  }

  const size = options.chunkSize ?? 8192;
  let evaluated = 0;
  const plan = tallyPlan(lanes, sink);
  /** The file loaded as usual in place of its unchecked view; false when that load failed. */
  const settle = async (load: ProvisionalLoad): Promise<boolean> => {
    const settled = await load.settle();
    shared.splice(0, shared.length, ...settled.diagnostics);
    customersSummary = readSummaryOf(settled);
    return !settled.failed;
  };
  // Never read an unchecked view row by row: what is not counted is loaded as usual first.
  if (provisional && !plan && !(await settle(provisional.load))) return failAll(shared, { customersSummary });
  if (plan) {
    // Counted inside DuckDB: only the customers without a tier cross, for their findings.
    const lane = lanes[0]!;
    const levels = lane.policy.tiers!.levels.length;
    const counted = provisional && (await checkedTally(duck, provisional, levels, plan));
    if (counted) customersSummary = readSummaryOf(counted.load);
    // Something to report: the file is loaded as usual, and counted again.
    else if (provisional && !(await settle(provisional.load))) return failAll(shared, { customersSummary });
    const tally = counted?.tiers ?? (await tallyPolicy(duck.connection, queries[0]!, levels, plan)).tiers;
    lane.builder.addTally(tally);
    sink?.tally?.give(tally);
    evaluated = tally.reduce((n, t) => n + t.customers, 0);
    options.onProgress?.(evaluated);
    if (tally[levels]!.customers > 0)
      await streamChunks(
        duck,
        resultsQuery(queries, lanes, { outcomes: false, lazyKeys: false, untieredOnly: true }),
        size,
        (chunks, rows) => {
          const { views, results } = toColumns(chunks, rows, lanes, false, false);
          lane.findings.add(lane.batch.prepare(views[0]!), results[0]!);
        },
      );
  } else {
    const outcomes = sink?.outcomes === true;
    const lazyKeys = sink === undefined || options.keysUnread === true;
    const sql = resultsQuery(queries, lanes, { outcomes, lazyKeys, untieredOnly: false });
    await streamChunks(duck, sql, size, async (chunks, rows) => {
      const { views, results, outcomes: given, members } = toColumns(chunks, rows, lanes, outcomes, lazyKeys);
      const prepared = views.map((v, p) => lanes[p]!.batch.prepare(v));
      lanes.forEach((lane, p) => {
        lane.builder.addColumns(
          results[p]!.tier,
          results[p]!.score,
          lane.revenueFact ? prepared[p]!.facts[lane.revenueFact] : undefined,
        );
        lane.findings.add(prepared[p]!, results[p]!);
      });
      evaluated += prepared[0]!.length;
      options.onProgress?.(evaluated);
      await sink?.chunk(
        prepared,
        results,
        given,
        lanes.map((lane) => lane.asOf),
        members,
      );
    });
  }
  for (const lane of lanes) lane.builder.addUntieredCauses(lane.findings.causes());
  return lanes.map((lane) => ({
    distribution: lane.builder.result(lane.revenueFact !== undefined),
    diagnostics: [...lane.notes, ...shared, ...lane.breaches, ...strangers, ...lane.findings.diagnostics()],
    customersSummary,
    transactionsSummary: lane.transactionsSummary,
    asOf: lane.asOf,
    evaluated,
    failed: false,
    engine: 'duckdb',
  }));
}

const q = duckdb.ident;

const isDiagnostics = (value: unknown): value is Diagnostic[] => Array.isArray(value);

/**
 * The log folded once into a table of per-customer aggregates, which the policy's query reads in
 * place of folding it again, and the aggregates it took outside their declared domain (TW0632,
 * src/duckdb/breaches.ts; listed unless `list` is false, counted always).
 */
async function foldLog(
  duck: Duck,
  policy: Policy,
  inputs: SqlOptions & { transactions: Relation },
  where: { table: string; customers: string; file: string; list: boolean },
): Promise<{ table: string; diagnostics: Diagnostic[]; count: number } | Diagnostic[]> {
  const folded = compileAggregateSql(policy, inputs);
  if (!isCompiledAggregates(folded)) return folded;
  await duck.connection.run(`CREATE OR REPLACE TEMP TABLE ${q(where.table)} AS ${folded.sql}`);
  const key = Object.entries(policy.facts ?? {}).find(([, f]) => f.key);
  // Without a key the policy's query refuses the policy (TW0730): nothing to check against.
  if (!key) return { table: where.table, diagnostics: [], count: 0 };
  const found = await domainBreaches(
    duck.connection,
    {
      aggregates: where.table,
      customers: where.customers,
      log: inputs.transactions.name,
      foldRows: (log) => {
        const part = { ...inputs.transactions, name: log };
        const rows = compileAggregateSql(policy, { ...inputs, transactions: part }, 'rows');
        // The same policy and inputs compiled a moment ago: only a bug can refuse them now.
        if (!isCompiledAggregates(rows)) throw new Error(String(rows[0]?.message));
        return rows.sql;
      },
      key: key[0],
      bounded: folded.bounded,
      file: where.file,
      keyIsPii: key[1].pii === true,
    },
    where.list,
  );
  return { table: where.table, ...found };
}

/** A query's rows, `size` at a time (in DuckDB's chunks of 2,048), each batch awaited before the next. */
async function streamChunks(
  duck: Duck,
  sql: string,
  size: number,
  onRows: (chunks: DuckDBDataChunk[], rows: number) => void | Promise<void>,
): Promise<void> {
  const result = await duck.connection.stream(sql);
  let pending: DuckDBDataChunk[] = [];
  let rows = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    const done = !chunk || chunk.rowCount === 0;
    if (!done) {
      pending.push(chunk);
      rows += chunk.rowCount;
    }
    if (rows > 0 && (done || rows >= size)) {
      const batch = pending;
      const n = rows;
      pending = [];
      rows = 0;
      await onRows(batch, n);
    }
    if (done) return;
  }
}

/**
 * Whether a run can count inside DuckDB instead of reading every customer's result: one policy
 * with tiers, a sink that takes per-tier figures (or none: a distribution alone), and no fact to
 * sum that is derived. A derived fact's value is JavaScript's to compute (batch.prepare); a run
 * summing one reads the customers.
 */
function mayTally(policies: readonly Policy[], sink: Sink | undefined): boolean {
  if (policies.length !== 1 || policies[0]!.tiers === undefined) return false;
  if (sink !== undefined && sink.tally === undefined) return false;
  const facts = policies[0]!.facts ?? {};
  return !summed(policies[0]!, sink).some((id) => facts[id]?.expr !== undefined);
}

/** The facts a run sums per tier: the revenue fact, and those the sink asks for. */
function summed(policy: Policy, sink: Sink | undefined): string[] {
  const revenue = Object.entries(policy.facts ?? {}).find(([, f]) => f.revenue)?.[0];
  return [...new Set([...(revenue ? [revenue] : []), ...(sink?.tally?.sums ?? [])])];
}

/**
 * What a run counts inside DuckDB (mayTally), or undefined when it must read every customer's
 * result. Summed facts the file lacks add nothing, as on the JavaScript path, and so do facts
 * that are not numbers.
 */
function tallyPlan(lanes: readonly Lane[], sink: Sink | undefined): TallyPlan | undefined {
  const [lane] = lanes;
  if (!lane || !mayTally([lane.policy], sink) || lanes.length !== 1) return undefined;
  const numbers = new Set(lane.carried.filter((c) => c.numeric).map((c) => c.id));
  return {
    facts: summed(lane.policy, sink).filter((id) => numbers.has(id)),
    members: lane.members,
  };
}

/**
 * A provisional load counted with its check in the same pass: the tally, and the load it
 * confirms, when the file has nothing to report; undefined when it has, or when DuckDB's reader
 * refused it on the way (strict mode: a malformed row), and the view is to be settled.
 */
async function checkedTally(
  duck: Duck,
  provisional: { load: ProvisionalLoad; query: string },
  levels: number,
  plan: TallyPlan,
): Promise<{ tiers: TierTally[]; load: LoadSummary } | undefined> {
  let tally: Tally;
  try {
    tally = await tallyPolicy(duck.connection, provisional.query, levels, {
      ...plan,
      ok: provisional.load.ok,
    });
  } catch (error) {
    if (outOfMemory(error)) throw error;
    return undefined;
  }
  const rows = tally.tiers.reduce((n, t) => n + t.customers, tally.rejected);
  const load = await provisional.load.confirm(rows, tally.rejected);
  return load && { tiers: tally.tiers, load };
}

/**
 * Which text and date facts are read for every customer: all of them for a sink that did not say
 * (`keep`), those it keeps otherwise; any when a derived fact might read them; none for a run
 * that only counts (the distribution reads numbers).
 */
function readBy(policy: Policy, options: PopulationOptions, sink: Sink | undefined): (id: string) => boolean {
  if (Object.values(policy.facts ?? {}).some((f) => f.expr !== undefined)) return () => true;
  if (sink === undefined) return () => false;
  if (sink.members && options.outcomes) {
    const kept = new Set(options.outcomes.keep);
    return (id) => kept.has(id);
  }
  if (options.keep === undefined || sink.outcomes) return () => true;
  const kept = new Set(options.keep);
  return (id) => kept.has(id);
}

/**
 * One row per customer that every policy kept, in file order: the key and row, then per policy its
 * level, score and carried facts (numbers and dates as DOUBLE, the rest as they are). Policies read
 * the same file with their own columns; a row one of them dropped is dropped for all, as on the
 * JavaScript path.
 */
function resultsQuery(
  queries: readonly string[],
  lanes: readonly Lane[],
  {
    outcomes,
    lazyKeys,
    untieredOnly,
  }: {
    /** Select the outcome columns too. */
    outcomes: boolean;
    /** Keys only of customers without a tier. */
    lazyKeys: boolean;
    /** Only customers without a tier (a run that counted the others inside DuckDB). */
    untieredOnly: boolean;
  },
): string {
  // Numbers come back without NULLs (NaN, -1 for no tier), so that they are read as arrays (./vectors).
  const double = (column: string) => `coalesce(CAST(${column} AS DOUBLE), ${NAN})`;
  // What is read only for customers without a tier is given only for them: text sorted into file
  // order for every customer and then left unread cost more than the policy's query.
  const untiered = lanes.map((_, p) => `r${p}.${q('level')} IS NULL`).join(' OR ');
  const lazy = (column: string) => `CASE WHEN ${untiered} THEN ${column} END`;
  const key = `r0.${q('customer')}`;
  const select: string[] = [lazyKeys ? lazy(key) : key, `CAST(r0.${q('row')} AS INTEGER)`];
  lanes.forEach((lane, p) => {
    select.push(`coalesce(CAST(r${p}.${q('level')} AS INTEGER), -1)`, double(`r${p}.${q('score')}`));
    for (const c of lane.carried) {
      const given = `r${p}.${q(`fact:${c.id}`)}`;
      const column = c.lazy ? lazy(given) : given;
      select.push(c.numeric || c.date ? double(column) : column);
    }
    if (outcomes) for (const column of outcomeColumns(lane)) select.push(`r${p}.${q(column)}`);
    if (lane.members) select.push(...memberColumns(lane.members, `r${p}`));
  });
  const from = queries.map((sql, p) => `(${sql}) r${p}`);
  const joins = from
    .slice(1)
    .map((f, k) => `JOIN ${f} ON r${k + 1}.${q('row')} = r0.${q('row')}`)
    .join(' ');
  const where = untieredOnly ? `WHERE ${untiered}` : '';
  const inOrder = lanes.length === 1 && lanes[0]!.inOrder;
  return `SELECT ${select.join(', ')} FROM ${from[0]} ${joins} ${where} ${inOrder ? '' : `ORDER BY r0.${q('row')}`}`;
}

const NAN = "CAST('NaN' AS DOUBLE)";

/** The query's outcome columns in the order resultsQuery selects them. */
const OUTCOMES = ['flags', 'notify', 'triggers', 'rerate'] as const;

function outcomeColumns(lane: Lane): string[] {
  return [...lane.classifiers.map((c) => `class_${c}`), ...OUTCOMES];
}

/** DuckDB chunks (2,048 rows each) as one chunk of columns and results (and outcomes) per policy. */
function toColumns(
  chunks: readonly DuckDBDataChunk[],
  length: number,
  lanes: readonly Lane[],
  withOutcomes: boolean,
  lazyKeys: boolean,
): {
  views: CustomerColumns[];
  results: BatchResult[];
  outcomes?: OutcomeColumns[];
  members?: BatchOutcomes[];
} {
  const keys: string[] = new Array(length);
  const rows = new Int32Array(length);
  const results = lanes.map(() => ({ tier: new Int32Array(length), score: new Float64Array(length) }));
  const facts = lanes.map((lane) => {
    const out: Record<string, Float64Array | unknown[]> = Object.create(null);
    for (const c of lane.carried)
      out[c.id] = c.numeric ? new Float64Array(length) : new Array<unknown>(length).fill(undefined);
    return out;
  });
  const outcomes = withOutcomes ? lanes.map((lane) => emptyOutcomes(lane, length)) : undefined;
  const members = lanes.map((lane) => lane.members && emptyMembers(lane.members, length));
  const offsets = lanes.map((lane) => lane.timezone).map((tz) => zoneCalendar(tz));
  const instants = new Float64Array(Math.max(0, ...chunks.map((c) => c.rowCount)));
  let at = 0;
  for (const chunk of chunks) {
    const n = chunk.rowCount;
    integerColumn(chunk, 1, rows, at);
    let k = 2;
    const columns = lanes.map(() => [] as number[]);
    lanes.forEach((lane, p) => {
      integerColumn(chunk, k++, results[p]!.tier, at);
      doubleColumn(chunk, k++, results[p]!.score, at);
      for (const c of lane.carried) {
        if (c.numeric) doubleColumn(chunk, k, facts[p]![c.id] as Float64Array, at);
        columns[p]!.push(k++);
      }
      if (outcomes) {
        const o = outcomes[p]!;
        const into = [...lane.classifiers.map((c) => o.classes[c]!), ...OUTCOMES.map((c) => o[c])];
        for (const target of into) {
          const values = chunk.getColumnValues(k++);
          for (let i = 0; i < n; i++) target[at + i] = values[i] as never;
        }
      }
      const m = members[p];
      if (m) for (const { member } of [...m.classes, ...m.flags]) integerColumn(chunk, k++, member, at);
    });
    // Who is read in full: everyone, or (a run that only counts) the customers without a tier,
    // whose findings need their key and facts.
    const untiered: number[] = [];
    for (let i = 0; i < n; i++) if (results.some((r) => r.tier[at + i] === -1)) untiered.push(i);
    lanes.forEach((lane, p) => {
      lane.carried.forEach((c, j) => {
        if (c.numeric) return;
        const column = columns[p]![j]!;
        const target = facts[p]![c.id] as unknown[];
        if (c.date) {
          // Dates come back as the instant; the JavaScript readers hold them as ISO text in the zone.
          doubleColumn(chunk, column, instants, 0);
          const each = (i: number) => {
            const instant = instants[i]!;
            if (!Number.isNaN(instant))
              target[at + i] = formatInstant(instant, offsets[p]!.offsetAt(instant) / 60_000);
          };
          if (c.lazy) for (const i of untiered) each(i);
          else for (let i = 0; i < n; i++) each(i);
          return;
        }
        if (c.lazy) {
          const vector = chunk.getColumnVector(column);
          for (const i of untiered) {
            const v = vector.getItem(i);
            if (v !== null) target[at + i] = v;
          }
          return;
        }
        const values = chunk.getColumnValues(column);
        for (let i = 0; i < n; i++) if (values[i] !== null) target[at + i] = values[i];
      });
    });
    const keyVector = chunk.getColumnVector(0);
    if (lazyKeys) for (const i of untiered) keys[at + i] = String(keyVector.getItem(i));
    else for (let i = 0; i < n; i++) keys[at + i] = String(keyVector.getItem(i));
    at += n;
  }
  const views = lanes.map((_, p) => ({ length, keys, rows, facts: facts[p]! }));
  const given = members.every((m) => m !== undefined)
    ? members.map((m) => ({
        classes: m.classes.map((c) => ({ ...c, member: new Uint8Array(c.member) })),
        flags: m.flags.map((f) => ({ ...f, member: new Uint8Array(f.member) })),
      }))
    : undefined;
  return { views, results, outcomes, members: given };
}

/** Memberships as the query gives them (INTEGER), made BatchOutcomes' bytes once a batch is read. */
function emptyMembers(members: ReturnType<typeof outcomeMembers>, length: number) {
  return {
    classes: members.classes.map(({ classifier, cls }) => ({
      classifier,
      cls,
      member: new Int32Array(length),
    })),
    flags: members.flags.map((flag) => ({ flag, member: new Int32Array(length) })),
  };
}

function emptyOutcomes(lane: Lane, length: number): OutcomeColumns {
  const column = <T>() => new Array<T | null>(length).fill(null);
  const classes: Record<string, (string | null)[]> = Object.create(null);
  for (const c of lane.classifiers) classes[c] = column<string>();
  return {
    classes,
    flags: column(),
    notify: column(),
    triggers: column(),
    rerate: column(),
  };
}

/** A load's counts as the JS readers' summary (what the summary line reads). */
function readSummaryOf(load: LoadSummary): ReadSummary {
  const byCode: Record<string, number> = {};
  for (const d of load.diagnostics) byCode[d.code] = (byCode[d.code] ?? 0) + 1;
  return {
    rowsRead: load.rowsLoaded + load.rowsDropped,
    rowsKept: load.rowsLoaded,
    rowsSkipped: load.rowsDropped,
    byCode,
    diagnosticsOmitted: 0,
    stopped: load.failed,
  };
}
