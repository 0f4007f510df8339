import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/make.js';
import { systemReason } from '../../diagnostics/system-error.js';
import { msg, type Text } from '../../i18n/text.js';
import { instantOf } from '../times.js';
import type { ApplicableOverride } from './apply.js';

/** CSV columns of an exported override (the JSON fields, `score` as scoreSet / scoreDelta). */
const CSV_NUMBERS = ['scoreSet', 'scoreDelta'];

type Entry = Record<string, unknown>;

function entriesOf(text: string, file: string): Entry[] | Text {
  if (/\.csv$/i.test(file)) {
    const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    });
    return parsed.data.map((row) => {
      const entry: Entry = { ...row, approval: row.approvedBy ? { by: row.approvedBy } : undefined };
      const [set, delta] = CSV_NUMBERS.map((c) => (row[c] ? Number(row[c]) : undefined));
      if (set !== undefined || delta !== undefined) entry.score = set !== undefined ? { set } : { delta };
      for (const [key, value] of Object.entries(entry)) if (value === '') delete entry[key];
      return entry;
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return msg('overrides.fileUnreadable', { file, reason: (error as Error).message });
  }
  const list = Array.isArray(value) ? value : (value as { overrides?: unknown })?.overrides;
  if (!Array.isArray(list)) return msg('overrides.notAList');
  return list as Entry[];
}

/** An entry as evaluation takes it, or why not. */
function applicable(entry: Entry): ApplicableOverride | undefined {
  const { id, customer, kind, tier, score, expiresAt } = entry;
  if (typeof id !== 'string' || typeof customer !== 'string' || typeof expiresAt !== 'string')
    return undefined;
  if (instantOf(expiresAt) === undefined) return undefined;
  if (kind === 'tier' && typeof tier === 'string')
    return { ...pick(entry), id, customer, kind, tier, expiresAt };
  const change = score as { set?: unknown; delta?: unknown } | undefined;
  const number = (n: unknown) => typeof n === 'number' && Number.isFinite(n);
  if (kind === 'score' && change && (number(change.set) || number(change.delta)))
    return {
      ...pick(entry),
      id,
      customer,
      kind,
      expiresAt,
      score: number(change.set) ? { set: change.set as number } : { delta: change.delta as number },
    };
  return undefined;
}

function pick(entry: Entry): Partial<ApplicableOverride> {
  const out: Partial<ApplicableOverride> = {};
  if (typeof entry.reason === 'string') out.reason = entry.reason;
  if (typeof entry.policy === 'string') out.policy = entry.policy;
  if (typeof entry.businessUnit === 'string') out.businessUnit = entry.businessUnit;
  const by = (entry.approval as { by?: unknown } | undefined)?.by;
  if (typeof by === 'string') out.approval = { by, at: '' };
  return out;
}

/**
 * `tierwise eval --overrides FILE`: the approved overrides of an export (`override list --format
 * json`, or CSV), those in force at `at` for `policy` (and the business unit, when given), one per
 * customer (the newest export entry first wins). An entry not readable as an override is TW1419.
 */
export async function readOverridesFile(
  file: string,
  key: { policy: string; businessUnit?: string; at: number },
): Promise<Map<string, ApplicableOverride> | Diagnostic> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return diagnostic('TW1419', msg('overrides.fileUnreadable', { file, reason: systemReason(error) }), {
      file,
      help: msg('overrides.fileHelp'),
    });
  }
  const entries = entriesOf(text, file);
  if (!Array.isArray(entries))
    return diagnostic('TW1419', msg('overrides.fileMalformed', { file, entry: 0, reason: entries }), {
      file,
      help: msg('overrides.fileHelp'),
    });
  const found = new Map<string, ApplicableOverride>();
  for (const [i, entry] of entries.entries()) {
    // The export says what was so when it was written; here counts what is so at `at`.
    const status = (entry as Entry | null)?.status;
    if (status !== undefined && status !== 'approved' && status !== 'expired') continue;
    const override = typeof entry === 'object' && entry !== null ? applicable(entry) : undefined;
    if (!override)
      return diagnostic(
        'TW1419',
        msg('overrides.fileMalformed', { file, entry: i + 1, reason: msg('overrides.entryNeeds') }),
        { file, help: msg('overrides.fileHelp') },
      );
    if (instantOf(override.expiresAt!)! <= key.at) continue;
    if (override.policy !== undefined && override.policy !== key.policy) continue;
    if (key.businessUnit && override.businessUnit && override.businessUnit !== key.businessUnit) continue;
    if (!found.has(override.customer)) found.set(override.customer, override);
  }
  return found;
}
