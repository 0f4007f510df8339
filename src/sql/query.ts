import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { planScorecard } from '../engine/scoring/scorecard.js';
import type { AsOf } from '../facts/asof.js';
import { resolveDates } from '../facts/date-values.js';
import { factPlan } from '../facts/derive.js';
import { toInstant } from '../facts/instant.js';
import { DEFAULT_TIMEZONE, zoneCalendar } from '../facts/zone.js';
import { msg } from '../i18n/text.js';
import { factColumn, readsCustomerColumn } from '../policy/columns.js';
import type { Fact } from '../policy/schema/facts.js';
import type { Policy } from '../policy/schema/policy.js';
import { aggregateSql, type BoundedFact, type Summation } from './aggregates.js';
import { conditionSql } from './conditions.js';
import type { Cte, Dialect } from './dialect.js';
import { expressionSql } from './expressions.js';
import { type Column, type Kind, NULL_COLUMN, type Scope, Untranslatable } from './scope.js';
import { pointsSql, roundingSql, scoreSql, totalSql } from './scoring.js';
import { levelSql, quotaSql } from './tiers.js';
import { instantOfWall } from './zone.js';

/**
 * Where the query reads from. `typed`: a relation whose columns are named by fact id and already
 * typed (what src/duckdb loads: tw_customers, tw_transactions). `source`: a warehouse table with
 * the policy's own column names (客户编号, 交易日期, …), cast here; its date columns are DATE or
 * TIMESTAMP wall-clock times of the policy's zone.
 */
export interface Relation {
  name: string;
  shape: 'typed' | 'source';
  /** typed: the fact columns the relation has; the others are missing in every row. All by default. */
  columns?: readonly string[];
  /**
   * A column numbering the rows (tw_row). Customers, typed: given back as `row` to order results
   * by. Transactions, either shape: the order sums add in, as src/facts adds the log's rows.
   */
  row?: string;
  /**
   * Customers, typed: columns of the relation given back as they are, under their own names, a
   * caller's own per-row values (a load's checks, src/duckdb/load-stage.ts provisionalLoad).
   */
  pass?: readonly string[];
}

export interface SqlOptions {
  dialect: Dialect;
  customers: Relation;
  transactions?: Relation;
  /** Fixed in the query: windows, `daysSince` and `{ ago }` dates are measured from it. */
  asOf?: AsOf;
  /**
   * The customers relation already holds every fact that is not derived, aggregates included
   * (computed elsewhere, e.g. `tierwise facts`): nothing is aggregated here.
   */
  factsComplete?: boolean;
  /** Facts given back beside the results, as columns `fact:<id>` (derived facts included). */
  carry?: readonly string[];
  /** How aggregates add: `exact` (the default) as src/facts does, `fast` with the engine's SUM. */
  summation?: Summation;
  /**
   * Each flag's and each `pick: all` class's membership as a BOOLEAN column besides the joined
   * lists (`flag:<id>`, `class:<classifier>:<class>`), for an engine that counts them: splitting
   * the lists again costs a second per ten million customers.
   */
  members?: boolean;
  /**
   * A relation holding the transaction aggregates already, as compileAggregateSql's query gives
   * them for the same policy, as-of and log: read in place of folding `transactions` again.
   */
  aggregated?: string;
}

/** The columns of the query's result, in order; class columns are `class_<classifier id>`. */
export interface CompiledSql {
  sql: string;
  columns: string[];
  classifiers: string[];
}

/** The customer key, tier, score and outcome columns every dialect's query gives. */
export const RESULT_COLUMNS = ['customer', 'tier', 'level', 'score', 'scored'] as const;

/**
 * A policy as one SQL query of CTEs: staged inputs, transaction aggregates, defaults, derived
 * facts, points, the rounded score, the tier, classes, triggers and each tier's SLA and
 * entitlements as JSON. Every step follows the compiled JavaScript path exactly; whatever cannot
 * be written so is TW0730 with its pointer, and no query.
 */
export function compileSql(policy: Policy, options: SqlOptions): CompiledSql | Diagnostic[] {
  try {
    return build(resolveDates(policy, options.asOf), options);
  } catch (error) {
    if (!(error instanceof Untranslatable)) throw error;
    return untranslatable(error, options.dialect);
  }
}

export function isCompiledSql(value: CompiledSql | Diagnostic[]): value is CompiledSql {
  return !Array.isArray(value);
}

export function isCompiledAggregates(value: CompiledAggregates | Diagnostic[]): value is CompiledAggregates {
  return !Array.isArray(value);
}

/** The transaction aggregates alone, for a caller that keeps them (SqlOptions.aggregated). */
export interface CompiledAggregates {
  /** One row per customer of the log: `customer`, each aggregate fact, and the breach columns. */
  sql: string;
  /** The facts whose domain the rows check: `raw:<id>` and `at:<id>` (src/sql/aggregates.ts). */
  bounded: BoundedFact[];
}

/**
 * The query of the policy's transaction aggregates, one row per customer of the log, with each
 * bounded fact's raw value (and with `rows` the log row that took it out, for which the dialect
 * must name extreme rows, Dialect.extremeRow, and the log number its rows): what the DuckDB engine
 * keeps in a table, so that the log is folded once for both the tiers and the report of facts
 * out of their domain (TW0632).
 */
export function compileAggregateSql(
  policy: Policy,
  options: SqlOptions & { transactions: Relation },
  breaches: 'values' | 'rows' = 'values',
): CompiledAggregates | Diagnostic[] {
  try {
    const resolved = resolveDates(policy, options.asOf);
    const timezone = resolved.metadata.timezone ?? DEFAULT_TIMEZONE;
    const aggregates = aggregatesOf(resolved, options, timezone, breaches);
    const d = options.dialect;
    const sql = `WITH\n${aggregates.ctes.map(([name, body, inline]) => d.cte(name, body, inline)).join(',\n')}\n${aggregates.select}`;
    return { sql, bounded: aggregates.bounded };
  } catch (error) {
    if (!(error instanceof Untranslatable)) throw error;
    return untranslatable(error, options.dialect);
  }
}

/** The log staged and folded into aggregates: the CTEs, and the select of one row per customer. */
function aggregatesOf(
  policy: Policy,
  options: SqlOptions,
  timezone: string,
  breaches: 'values' | 'rows' | undefined,
) {
  const d = options.dialect;
  if (!options.asOf) throw new Untranslatable('facts from transactions without an as-of', '/facts');
  const tx = options.transactions!;
  const txName = relationSql(d, tx.name);
  const txSource =
    tx.shape === 'typed' ? `SELECT * FROM ${txName}` : stageTransactions(policy, d, txName, timezone, tx.row);
  const aggregates = aggregateSql(policy, options.asOf, d, 'tw_transactions_in', {
    row: tx.row === undefined ? undefined : tx.shape === 'typed' ? tx.row : 'tw_row',
    summation: options.summation,
    breaches,
  });
  if (Array.isArray(aggregates)) {
    const first = aggregates[0];
    throw new Untranslatable(first ? String(first.message) : 'an aggregate', first?.pointer ?? '/facts');
  }
  const ctes: Cte[] = [['tw_transactions_in', txSource, options.summation === 'fast'], ...aggregates.ctes];
  return { ...aggregates, ctes };
}

function untranslatable(error: Untranslatable, dialect: Dialect): Diagnostic[] {
  return [
    diagnostic('TW0730', msg('warehouse.untranslatable', { what: error.what, dialect: dialect.name }), {
      pointer: error.pointer,
      help: msg('warehouse.untranslatableHelp'),
    }),
  ];
}

function kindOfFact(fact: Fact): Kind {
  switch (fact.type) {
    case 'number':
    case 'integer':
    case 'date':
      return 'number';
    case 'string':
    case 'enum':
      return 'string';
    case 'boolean':
      return 'boolean';
    default:
      return 'unknown';
  }
}

/** A relation name as written: `schema.table` quotes each part. */
function relationSql(d: Dialect, name: string): string {
  return name
    .split('.')
    .map((part) => d.ident(part))
    .join('.');
}

function build(policy: Policy, options: SqlOptions): CompiledSql {
  const d = options.dialect;
  const id = (name: string) => d.ident(name);
  const timezone = policy.metadata.timezone ?? DEFAULT_TIMEZONE;
  const facts = Object.entries(policy.facts ?? {});
  const factOf = new Map(facts);
  const keyFact = facts.find(([, f]) => f.key)?.[0];
  if (!keyFact) throw new Untranslatable('a policy without a key fact', '/facts');
  checkNames(
    d,
    facts.map(([f]) => f),
  );
  const useTransactions = options.transactions !== undefined;
  const inputs = facts.filter(([, f]) =>
    options.factsComplete ? f.expr === undefined : readsCustomerColumn(f, useTransactions),
  );
  const aggregated =
    useTransactions && !options.factsComplete ? facts.filter(([, f]) => f.aggregate !== undefined) : [];
  const ctes: Cte[] = [];

  // 1. Inputs, typed and named by fact id.
  const customers = relationSql(d, options.customers.name);
  const has = options.customers.columns && new Set(options.customers.columns);
  const staged =
    options.customers.shape === 'typed'
      ? inputs.map(([f, fact]) =>
          !has || has.has(f) ? id(f) : `CAST(NULL AS ${sqlType(d, fact)}) AS ${id(f)}`,
        )
      : inputs.map(
          ([f, fact]) => `${castSource(d, id(factColumn(policy, f, fact)), fact, timezone)} AS ${id(f)}`,
        );
  const ROW = '$row';
  const row = options.customers.shape === 'typed' && options.customers.row !== undefined;
  if (row) staged.push(`${id(options.customers.row!)} AS ${id(ROW)}`);
  // `$` begins no fact id: the passed columns keep clear of the facts on their way through.
  const passed = options.customers.shape === 'typed' ? (options.customers.pass ?? []) : [];
  const inner = (column: string) => `$pass:${column}`;
  staged.push(...passed.map((column) => `${id(column)} AS ${id(inner(column))}`));
  ctes.push(['tw_input', `SELECT ${staged.join(', ') || `${id(keyFact)}`} FROM ${customers}`]);

  const present = new Set(inputs.map(([f]) => f));
  let facts0 = inputs.map(([f, fact]) => withDefault(d, `c.${id(f)}`, fact, timezone, f));
  if (row) facts0.push(`c.${id(ROW)} AS ${id(ROW)}`);
  facts0.push(...passed.map((column) => `c.${id(inner(column))} AS ${id(inner(column))}`));
  if (aggregated.length > 0) {
    const aggregates = aggregatesOf(policy, options, timezone, undefined);
    if (options.aggregated === undefined) ctes.push(...aggregates.ctes, ['tw_aggregates', aggregates.select]);
    else ctes.push(['tw_aggregates', `SELECT * FROM ${relationSql(d, options.aggregated)}`]);
    const absent = new Map(aggregates.facts.map((f) => [f.id, f.absent]));
    for (const [f, fact] of aggregated) {
      const value = `CASE WHEN a.${id('customer')} IS NULL THEN ${absent.get(f) ?? 'NULL'} ELSE a.${id(f)} END`;
      facts0.push(withDefault(d, value, fact, timezone, f));
      present.add(f);
    }
    facts0 = facts0.filter(Boolean);
    ctes.push([
      'tw_facts',
      `SELECT ${facts0.join(', ')} FROM tw_input c LEFT JOIN tw_aggregates a ON a.${id('customer')} = c.${id(keyFact)}`,
    ]);
  } else {
    ctes.push(['tw_facts', `SELECT ${facts0.join(', ') || `c.${id(keyFact)}`} FROM tw_input c`]);
  }
  let last = 'tw_facts';
  const columns = [...present, ...(row ? [ROW] : []), ...passed.map(inner)];

  const read =
    (known: ReadonlySet<string>) =>
    (fact: string): Column => {
      const f = factOf.get(fact);
      return known.has(fact) && f ? { sql: id(fact), kind: kindOfFact(f) } : NULL_COLUMN;
    };

  // Columns the query adds beside the facts: `$` cannot begin a fact id, so they never clash.
  const internal = (name: string) => id(`$${name}`);

  // 2. Derived facts, each after the facts it reads.
  const plan = factPlan(policy);
  let temporary = 0;
  for (const derived of plan.derived) {
    const scope: Scope = { dialect: d, read: read(present) };
    const value = expressionSql(derived.expr, {
      scope,
      timezone,
      asOf: options.asOf,
      pointer: `/facts/${derived.id}/expr`,
      bind: (sql) => {
        const name = internal(`t${temporary++}`);
        const step = `tw_let_${temporary}`;
        ctes.push([step, `SELECT *, ${sql} AS ${name} FROM ${last}`]);
        last = step;
        return name;
      },
    });
    const fact = derived.fact;
    let sql = value.sql;
    if (fact.type === 'enum') {
      const allowed = (fact.values ?? []).map((v) => d.text(v));
      sql =
        allowed.length === 0
          ? 'NULL'
          : `CASE WHEN ${sql} IN (${allowed.join(', ')}) THEN ${sql} ELSE NULL END`;
    }
    const next = `tw_derived_${ctes.length}`;
    ctes.push([
      next,
      `SELECT ${columns.map(id).join(', ')}, ${withDefault(d, sql, fact, timezone, derived.id)} FROM ${last}`,
    ]);
    columns.push(derived.id);
    present.add(derived.id);
    last = next;
  }
  const factScope: Scope = { dialect: d, read: read(present) };
  const carried = () => columns.map(id).join(', ');

  // 3. Points, dimensions, the raw and the rounded score.
  const scorecard = planScorecard(policy);
  let score: Column = { sql: 'NULL', kind: 'number' };
  const dimensionColumns: string[] = [];
  if (scorecard) {
    const points = scorecard.dimensions.map((dim, i) =>
      dim.metrics.map((m, k) => ({
        name: internal(`p${i}_${k}`),
        sql: pointsSql(m.fn, factScope.read(m.fact), d),
      })),
    );
    ctes.push([
      'tw_points',
      `SELECT ${carried()}, ${points
        .flat()
        .map((p) => `${p.sql} AS ${p.name}`)
        .join(', ')} FROM ${last}`,
    ]);
    const sums = scoreSql(
      scorecard,
      points.map((ps) => ps.map((p) => p.name)),
      d,
    );
    for (const [i] of scorecard.dimensions.entries()) dimensionColumns.push(internal(`d${i}`));
    ctes.push([
      'tw_dimensions',
      `SELECT ${carried()}, ${sums.raw} AS ${internal('scored')}, ${sums.dimensions
        .map((s, i) => `CASE WHEN ${sums.raw} THEN ${s} ELSE NULL END AS ${dimensionColumns[i]}`)
        .join(', ')} FROM tw_points`,
    ]);
    const more = () => `${carried()}, ${internal('scored')}, ${dimensionColumns.join(', ')}`;
    const round = roundingSql(scorecard.round, scorecard.digits, d);
    ctes.push([
      'tw_raw',
      `SELECT ${more()}, CASE WHEN ${internal('scored')} THEN ${totalSql(scorecard, dimensionColumns, d)} ELSE NULL END AS ${internal('raw')} FROM tw_dimensions`,
    ]);
    ctes.push([
      'tw_scaled',
      `SELECT ${more()}, ${internal('raw')}, ${round.scaled(internal('raw'))} AS ${internal('scaled')} FROM tw_raw`,
    ]);
    ctes.push([
      'tw_snapped',
      `SELECT ${more()}, ${internal('raw')}, ${internal('scaled')}, ${round.snapped(internal('scaled'))} AS ${internal('snapped')} FROM tw_scaled`,
    ]);
    ctes.push([
      'tw_score',
      `SELECT ${more()}, ${round.rounded(internal('snapped'), internal('scaled'), internal('raw'))} AS ${internal('score')} FROM tw_snapped`,
    ]);
    last = 'tw_score';
    score = { sql: internal('score'), kind: 'number' };
  } else {
    ctes.push([
      'tw_score',
      `SELECT ${carried()}, FALSE AS ${internal('scored')}, NULL AS ${internal('score')} FROM ${last}`,
    ]);
    last = 'tw_score';
  }
  const scoreCarried = () =>
    [carried(), internal('scored'), ...dimensionColumns, internal('score')].join(', ');

  // `score` and `tier` read the computed values first, as the engine's conditions do.
  const computedScope = (tier: Column | undefined): Scope => ({
    dialect: d,
    read: (fact) => {
      if (fact === 'score') {
        const own = factScope.read('score');
        return {
          sql: own.kind === 'number' ? `COALESCE(${score.sql}, ${own.sql})` : score.sql,
          kind: 'number',
        };
      }
      if (fact === 'tier' && tier) return tier;
      return factScope.read(fact);
    },
  });

  // 4. The tier.
  const tiers = policy.tiers;
  const named = policy.conditions ?? {};
  const level = internal('level');
  if (tiers?.method === 'quota') {
    const rankBy = tiers.quota?.rankBy ?? 'score';
    const value = rankBy === 'score' ? score : factScope.read(rankBy);
    const tieBreak = (tiers.quota?.tieBreak ?? []).map((k) => factScope.read(k.fact));
    const q = quotaSql(tiers, value, tieBreak, id(keyFact), d);
    ctes.push([
      'tw_ranked',
      `SELECT ${scoreCarried()}, ${q.rank} AS ${internal('rank')}, ${q.count} AS ${internal('n')} FROM ${last}`,
    ]);
    ctes.push([
      'tw_split',
      `SELECT ${scoreCarried()}, ${q.level(internal('rank'), internal('n'))} AS ${internal('split')} FROM tw_ranked`,
    ]);
    ctes.push([
      'tw_level',
      `SELECT ${scoreCarried()}, ${q.tied(internal('split'))} AS ${level} FROM tw_split`,
    ]);
  } else {
    const axis = (which: 'rows' | 'columns'): Column => {
      const a = tiers!.matrix![which];
      if (a.fact !== undefined) return factScope.read(a.fact);
      if (a.dimension !== undefined) {
        const i = scorecard?.dimensions.findIndex((dim) => dim.id === a.dimension) ?? -1;
        return i < 0 ? NULL_COLUMN : { sql: dimensionColumns[i]!, kind: 'number' };
      }
      return score;
    };
    const levelOf = tiers ? levelSql(tiers, computedScope(undefined), named, score, axis) : 'NULL';
    ctes.push(['tw_level', `SELECT ${scoreCarried()}, ${levelOf} AS ${level} FROM ${last}`]);
  }
  const levels = tiers?.levels ?? [];
  const byLevel = (value: (i: number) => string | undefined) => {
    const arms = levels.map((_, i) => [i, value(i)] as const).filter(([, v]) => v !== undefined);
    return arms.length === 0
      ? 'NULL'
      : `CASE ${level} ${arms.map(([i, v]) => `WHEN ${i} THEN ${v}`).join(' ')} ELSE NULL END`;
  };
  ctes.push([
    'tw_tiered',
    `SELECT ${scoreCarried()}, ${level}, ${byLevel((i) => d.text(levels[i]!.id))} AS ${internal('tier')} FROM tw_level`,
  ]);

  // 5. Classes, triggers, service.
  const outScope = computedScope({ sql: internal('tier'), kind: 'string' });
  const out: string[] = [
    `${id(keyFact)} AS ${id('customer')}`,
    `${internal('tier')} AS ${id('tier')}`,
    `${level} AS ${id('level')}`,
    `${score.sql} AS ${id('score')}`,
    `${internal('scored')} AS ${id('scored')}`,
  ];
  const outColumns: string[] = [...RESULT_COLUMNS];
  if (row) {
    out.push(`${id(ROW)} AS ${id('row')}`);
    outColumns.push('row');
  }
  for (const column of passed) {
    out.push(`${id(inner(column))} AS ${id(column)}`);
    outColumns.push(column);
  }
  for (const fact of options.carry ?? []) {
    const value = factScope.read(fact);
    out.push(`${value.sql} AS ${id(`fact:${fact}`)}`);
    outColumns.push(`fact:${fact}`);
  }
  const classifiers = Object.entries(policy.classifiers ?? {});
  for (const [cid, classifier] of classifiers) {
    const holds = classifier.rules.map((r, i) =>
      conditionSql(r.when, named, outScope, `/classifiers/${cid}/rules/${i}/when`),
    );
    const otherwise = classifier.otherwise ? d.text(classifier.otherwise.id) : 'NULL';
    let sql: string;
    if ((classifier.pick ?? 'first') === 'first') {
      sql =
        holds.length === 0
          ? otherwise
          : `CASE ${holds.map((h, i) => `WHEN ${h} THEN ${d.text(classifier.rules[i]!.id)}`).join(' ')} ELSE ${otherwise} END`;
    } else {
      const any = holds.length === 0 ? 'FALSE' : holds.map((h) => `(${h})`).join(' OR ');
      const list = holds.map((h, i) => `CASE WHEN ${h} THEN ${d.text(classifier.rules[i]!.id)} END`);
      sql = `CASE WHEN ${any} THEN CONCAT_WS(',', ${list.join(', ')}) ELSE ${otherwise} END`;
    }
    out.push(`${sql} AS ${id(`class_${cid}`)}`);
    outColumns.push(`class_${cid}`);
    if (options.members && classifier.pick === 'all') {
      const none =
        holds.length === 0 ? 'TRUE' : `NOT COALESCE(${holds.map((h) => `(${h})`).join(' OR ')}, FALSE)`;
      const ids = [
        ...new Set([
          ...classifier.rules.map((r) => r.id),
          ...(classifier.otherwise ? [classifier.otherwise.id] : []),
        ]),
      ];
      for (const cls of ids) {
        const when = holds.filter((_, i) => classifier.rules[i]!.id === cls).map((h) => `(${h})`);
        if (classifier.otherwise?.id === cls) when.push(`(${none})`);
        out.push(`COALESCE(${when.join(' OR ') || 'FALSE'}, FALSE) AS ${id(`class:${cid}:${cls}`)}`);
        outColumns.push(`class:${cid}:${cls}`);
      }
    }
  }
  const triggers = (policy.rerating?.triggers ?? []).map((t, i) => ({
    trigger: t,
    fired: conditionSql(t.when, named, outScope, `/rerating/triggers/${i}/when`),
  }));
  const joined = (items: { text: string; when: string[] }[]) =>
    items.length === 0
      ? d.text('')
      : `CONCAT_WS(',', ${items.map((it) => `CASE WHEN ${it.when.map((w) => `(${w})`).join(' OR ')} THEN ${d.text(it.text)} END`).join(', ')})`;
  const distinct = (pick: (t: (typeof triggers)[number]['trigger']) => readonly string[]) => {
    const items: { text: string; when: string[] }[] = [];
    for (const t of triggers)
      for (const text of pick(t.trigger)) {
        const known = items.find((it) => it.text === text);
        if (known) known.when.push(t.fired);
        else items.push({ text, when: [t.fired] });
      }
    return items;
  };
  out.push(`${joined(triggers.map((t) => ({ text: t.trigger.id, when: [t.fired] })))} AS ${id('triggers')}`);
  const flags = distinct((t) => (t.then.flag ? [t.then.flag] : []));
  out.push(`${joined(flags)} AS ${id('flags')}`);
  if (options.members)
    for (const flag of flags) {
      out.push(
        `COALESCE(${flag.when.map((w) => `(${w})`).join(' OR ')}, FALSE) AS ${id(`flag:${flag.text}`)}`,
      );
      outColumns.push(`flag:${flag.text}`);
    }
  out.push(`${joined(distinct((t) => t.then.notify ?? []))} AS ${id('notify')}`);
  const rerate = triggers.filter((t) => t.trigger.then.rerate).map((t) => `(${t.fired})`);
  out.push(`${rerate.length === 0 ? 'FALSE' : rerate.join(' OR ')} AS ${id('rerate')}`);
  const json = (v: unknown) => (v === undefined ? undefined : d.text(JSON.stringify(v)));
  out.push(`${byLevel((i) => json(levels[i]!.sla))} AS ${id('sla')}`);
  out.push(`${byLevel((i) => json(levels[i]!.entitlements))} AS ${id('entitlements')}`);
  outColumns.push('triggers', 'flags', 'notify', 'rerate', 'sla', 'entitlements');

  const sql = `WITH\n${ctes.map(([name, body, inline]) => d.cte(name, body, inline)).join(',\n')}\nSELECT ${out.join(',\n  ')}\nFROM tw_tiered`;
  return { sql, columns: outColumns, classifiers: classifiers.map(([c]) => c) };
}

/** A fact's `default` in place of a missing value (a date's default as its instant). */
function withDefault(d: Dialect, sql: string, fact: Fact, timezone: string, as: string): string {
  const alias = d.ident(as);
  if (fact.default === undefined || fact.default === null) return `${sql} AS ${alias}`;
  let literal: string | undefined;
  const v = fact.default;
  if (fact.type === 'date') {
    const at = toInstant(v, zoneCalendar(timezone));
    literal = at === undefined ? undefined : d.int(at);
  } else if (typeof v === 'number' && Number.isFinite(v)) literal = d.num(v);
  else if (typeof v === 'string') literal = d.text(v);
  else if (typeof v === 'boolean') literal = v ? 'TRUE' : 'FALSE';
  // A default of another kind than the column never compares equal in JavaScript; keep it missing.
  const kind = kindOfFact(fact);
  const fits =
    literal !== undefined &&
    ((kind === 'number' && (typeof v === 'number' || fact.type === 'date')) ||
      (kind === 'string' && typeof v === 'string') ||
      (kind === 'boolean' && typeof v === 'boolean'));
  if (!fits)
    throw new Untranslatable(`the default of '${as}' (${JSON.stringify(v)})`, `/facts/${as}/default`);
  return `COALESCE(${sql}, ${literal}) AS ${alias}`;
}

function sqlType(d: Dialect, fact: Fact): string {
  const kind = kindOfFact(fact);
  if (fact.type === 'date') return d.bigint;
  return kind === 'number' ? d.double : kind === 'boolean' ? 'BOOLEAN' : d.varchar;
}

function castSource(d: Dialect, column: string, fact: Fact, timezone: string): string {
  switch (fact.type) {
    case 'number':
    case 'integer':
      return d.toDouble(column);
    case 'boolean':
      return `CAST(${column} AS BOOLEAN)`;
    case 'date':
      return instantOfWall(d, d.wallMs(column), timezone);
    default:
      return d.toText(column);
  }
}

function stageTransactions(
  policy: Policy,
  d: Dialect,
  table: string,
  timezone: string,
  row: string | undefined,
): string {
  const source = policy.sources?.transactions;
  if (!source) throw new Untranslatable('facts from transactions without sources.transactions', '/sources');
  const wall = d.wallMs(d.ident(source.date));
  const fields = Object.entries(source.fields ?? {}).map(([field, spec]) => {
    const column = d.ident(spec.column);
    const type = spec.type ?? 'number';
    const cast =
      type === 'string'
        ? d.toText(column)
        : type === 'boolean'
          ? `CAST(${column} AS BOOLEAN)`
          : d.toDouble(column);
    return `${cast} AS ${d.ident(field)}`;
  });
  return (
    [
      `SELECT ${d.toText(d.ident(source.customer))} AS ${d.ident('customer')}`,
      `${instantOfWall(d, wall, timezone)} AS ${d.ident('at_ms')}`,
      `${wall} AS ${d.ident('local_ms')}`,
      ...(row === undefined ? [] : [`${d.ident(row)} AS ${d.ident('tw_row')}`]),
      ...fields,
    ].join(', ') + ` FROM ${table}`
  );
}

/** Trino folds identifiers to lower case: two facts differing only in case would be one column. */
function checkNames(d: Dialect, ids: readonly string[]): void {
  if (d.name !== 'trino' && d.name !== 'spark') return;
  const seen = new Map<string, string>();
  for (const f of ids) {
    const folded = f.toLowerCase();
    const other = seen.get(folded);
    if (other !== undefined)
      throw new Untranslatable(`the facts '${other}' and '${f}', one column in ${d.name}`, `/facts/${f}`);
    seen.set(folded, f);
  }
}
