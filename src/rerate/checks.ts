import { DEFAULT_MAX_DIAGNOSTICS } from '../data/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/make.js';
import { formatDay } from '../facts/calendar.js';
import { msg } from '../i18n/text.js';
import type { TierState } from './types.js';

/**
 * TW1423 for each customer of a state rated after the day a run starts from: stepping them would
 * re-rate backwards in time. At most DEFAULT_MAX_DIAGNOSTICS are listed.
 */
export function ratedAfter(
  states: Iterable<TierState>,
  day: number,
  asOf: string,
  file?: string,
): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const s of states) {
    if (s.ratedAt === undefined || s.ratedAt <= day) continue;
    found.push(
      diagnostic(
        'TW1423',
        msg('rerate.fromFuture', { customer: s.customer, ratedAt: formatDay(s.ratedAt), asOf }),
        { file, help: msg('rerate.fromFutureHelp') },
      ),
    );
    if (found.length >= DEFAULT_MAX_DIAGNOSTICS) break;
  }
  return found;
}

/** TW1422 (a warning) when customers of the state are missing from the data: their state is kept. */
export function absentFromData(absent: readonly string[], file?: string): Diagnostic[] {
  if (absent.length === 0) return [];
  return [
    diagnostic('TW1422', msg('rerate.absent', { count: absent.length, first: absent[0]! }), {
      file,
      help: msg('rerate.absentHelp'),
    }),
  ];
}
