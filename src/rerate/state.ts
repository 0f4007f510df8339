import {
  type ColumnSpec,
  type EncodingOption,
  mapRecord,
  normalizeHeader,
  type OnError,
  openRecords,
  type ReadSummary,
  resolveColumns,
  rowErrorPolicy,
} from '../data/index.js';
import { type Diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { formatDay } from '../facts/calendar.js';
import { DEFAULT_TIMEZONE, zoneCalendar } from '../facts/zone.js';
import { msg } from '../i18n/text.js';
import type { Policy } from '../policy/schema/policy.js';
import { csvText } from '../report/csv.js';
import type { FileFormat } from '../report/file-format.js';
import { type RerateRules, stateNextReview } from './rules.js';
import type { TierState } from './types.js';

/**
 * The state file's columns: the names tierwise writes, and the Chinese headers a business unit's
 * own sheet may use. Only `customer` is required: a file of ids alone is a population nobody
 * has rated yet.
 */
const COLUMNS = [
  { id: 'customer', names: ['customer', '客户编号', '客户ID'], type: 'string', required: true },
  { id: 'tier', names: ['tier', '等级', '客户等级'], type: 'string' },
  { id: 'ratedAt', names: ['ratedAt', '评级日期', '上次评级日期'], type: 'date' },
  { id: 'score', names: ['score', '得分', '评分'], type: 'number' },
  { id: 'graceTier', names: ['graceTier', '宽限期后等级'], type: 'string' },
  { id: 'graceUntil', names: ['graceUntil', '宽限期截止'], type: 'date' },
  { id: 'flags', names: ['flags', '标记'], type: 'string' },
  { id: 'manager', names: ['manager', '客户经理'], type: 'string' },
  { id: 'timezone', names: ['timezone', '时区'], type: 'string' },
] as const;

/** Written in this order; `nextReview` is written for people and planners and ignored on read. */
export const STATE_FIELDS = [
  'customer',
  'tier',
  'ratedAt',
  'nextReview',
  'score',
  'graceTier',
  'graceUntil',
  'flags',
  'manager',
  'timezone',
] as const;

/** What readState needs of the policy a state is read for: its tier ids and its time zone. */
export function stateOptions(policy: Policy): Pick<ReadStateOptions, 'tiers' | 'timezone'> {
  return {
    tiers: (policy.tiers?.levels ?? []).map((l) => l.id),
    timezone: policy.metadata.timezone ?? DEFAULT_TIMEZONE,
  };
}

export interface ReadStateOptions {
  /** The policy's tier ids: a state naming another tier is refused at its row. */
  tiers: readonly string[];
  /** The policy's zone: days are read in it, and a state written in another zone is refused. */
  timezone: string;
  onError?: OnError;
  encoding?: EncodingOption;
  sheet?: string;
}

export interface ReadState {
  states: Map<string, TierState>;
  diagnostics: Diagnostic[];
  summary?: ReadSummary;
  failed: boolean;
}

const FLAG_SEPARATORS = /[|;,、；，]/;

/**
 * Reads a state file (CSV, NDJSON, JSON or XLSX) with the data layer's checks: every bad cell is
 * reported at its row and column, and --on-error decides whether the row is kept, skipped or
 * stops the run. A tier the policy does not have is an error at its cell (TW1420), as is a state
 * written in another time zone (TW1421): its days would be read one off.
 */
export async function readState(path: string, options: ReadStateOptions): Promise<ReadState> {
  const source = await openRecords(path, { encoding: options.encoding, sheet: options.sheet });
  if ('code' in source) return { states: new Map(), diagnostics: [source], failed: true };
  const headers = await source.headers();
  const named = (names: readonly string[]) =>
    headers.find((h) => names.some((n) => normalizeHeader(n) === normalizeHeader(h)));
  const wanted: ColumnSpec[] = COLUMNS.flatMap((c) => {
    const header = named(c.names);
    if (header === undefined && !('required' in c)) return [];
    return [
      {
        id: c.id,
        column: header ?? c.names[0],
        type: c.type,
        required: 'required' in c,
        ...(c.type === 'date' ? { timezone: options.timezone } : {}),
      },
    ];
  });
  const resolved = resolveColumns(headers, wanted, source.file, source.headerRow);
  if (hasErrors(resolved.diagnostics)) {
    await source.close();
    return { states: new Map(), diagnostics: resolved.diagnostics, failed: true };
  }
  const zone = zoneCalendar(options.timezone);
  const rows = rowErrorPolicy(options.onError ?? 'report');
  const states = new Map<string, TierState>();
  const extra: Diagnostic[] = [];
  const columnOf = (id: string) => resolved.columns.find((c) => c.id === id)?.column;
  for await (const record of source.records()) {
    const mapped = mapRecord(record, resolved.columns, source.file);
    const v = mapped.values;
    const at = (id: string) => ({ file: source.file, row: record.row, column: columnOf(id) });
    for (const id of ['tier', 'graceTier']) {
      const tier = v[id];
      if (typeof tier === 'string' && tier !== '' && !options.tiers.includes(tier))
        mapped.diagnostics.push(
          diagnostic('TW1420', msg('rerate.unknownTier', { tier, tiers: options.tiers.join(', ') }), at(id)),
        );
    }
    if (typeof v.timezone === 'string' && v.timezone !== '' && v.timezone !== options.timezone)
      mapped.diagnostics.push(
        diagnostic('TW1421', msg('rerate.otherZone', { zone: v.timezone, policy: options.timezone }), {
          ...at('timezone'),
          help: msg('rerate.otherZoneHelp'),
        }),
      );
    const decision = rows.admit(record, mapped);
    if (decision.action === 'stop') {
      await source.close();
      return {
        states,
        diagnostics: [...resolved.diagnostics, ...rows.diagnostics()],
        summary: rows.summary(),
        failed: true,
      };
    }
    if (decision.action === 'skip') continue;
    const values = decision.values;
    const customer = values.customer;
    if (typeof customer !== 'string' || customer === '') continue;
    if (states.has(customer)) {
      extra.push(diagnostic('TW0607', msg('rerate.duplicate', { customer }), at('customer')));
      continue;
    }
    const day = (value: unknown) => (typeof value === 'string' ? zone.dayOf(Date.parse(value)) : undefined);
    const known = (tier: unknown) =>
      typeof tier === 'string' && options.tiers.includes(tier) ? tier : undefined;
    const state: TierState = { customer, flags: [] };
    const tier = known(values.tier);
    if (tier !== undefined) state.tier = tier;
    const ratedAt = day(values.ratedAt);
    if (ratedAt !== undefined) state.ratedAt = ratedAt;
    if (typeof values.score === 'number') state.score = values.score;
    const graceTier = known(values.graceTier);
    const graceUntil = day(values.graceUntil);
    // A grace is a pair: a half of one is no grace at all.
    if (graceTier !== undefined && graceUntil !== undefined) Object.assign(state, { graceTier, graceUntil });
    if (typeof values.flags === 'string')
      state.flags = [
        ...new Set(
          values.flags
            .split(FLAG_SEPARATORS)
            .map((f) => f.trim())
            .filter((f) => f !== ''),
        ),
      ];
    if (typeof values.manager === 'string' && values.manager !== '') state.manager = values.manager;
    states.set(customer, state);
  }
  await source.close();
  return {
    states,
    diagnostics: [...resolved.diagnostics, ...rows.diagnostics(), ...extra],
    summary: rows.summary(),
    failed: false,
  };
}

/** One state as it is written: days as ISO dates in the policy's zone, flags joined by `|`. */
export function stateRecord(
  state: TierState,
  timezone: string,
  nextReview: number | undefined,
): Record<(typeof STATE_FIELDS)[number], string | number | undefined> {
  const date = (day: number | undefined) => (day === undefined ? undefined : formatDay(day));
  return {
    customer: state.customer,
    tier: state.tier,
    ratedAt: date(state.ratedAt),
    nextReview: date(nextReview),
    score: state.score,
    graceTier: state.graceTier,
    graceUntil: date(state.graceUntil),
    flags: state.flags.length > 0 ? state.flags.join('|') : undefined,
    manager: state.manager,
    timezone,
  };
}

/** The new state file: the same columns whatever the format, readable again by readState. */
export function renderState(
  format: FileFormat,
  states: readonly TierState[],
  timezone: string,
  rules: RerateRules,
): string {
  const records = states.map((s) => stateRecord(s, timezone, stateNextReview(rules, s)));
  if (format === 'csv')
    return csvText(
      STATE_FIELDS,
      records.map((r) => STATE_FIELDS.map((f) => r[f])),
    );
  const clean = records.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
  if (format === 'ndjson') return clean.map((r) => `${JSON.stringify(r)}\n`).join('');
  return `${JSON.stringify(clean, null, 2)}\n`;
}
