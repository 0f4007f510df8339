import { joinPointer } from '../../diagnostics/pointer.js';
import { suggestion } from '../../diagnostics/suggest.js';
import { msg } from '../../i18n/text.js';
import { approximateSeconds, parseDuration } from '../analysis/duration.js';
import type { LintContext } from './context.js';

/** Keys whose string values are ISO 8601 durations that must be longer than zero. */
/** No window, target or cadence is longer: a customer history does not reach further back. */
const MAX_DURATION_YEARS = 200;
const MAX_DURATION_SECONDS = MAX_DURATION_YEARS * 365.2425 * 86_400;

const DURATION_KEYS = new Set([
  'within',
  'onNonWorkingDays',
  'every',
  'window',
  'minExperience',
  'followUpWithin',
]);

/** Dates that exist, a period that ends after it starts, a real time zone, positive durations. */
export function metadata(context: LintContext): void {
  const { metadata: meta } = context.policy;
  const from = checkDate(context, meta.effectiveFrom, '/metadata/effectiveFrom');
  const to = checkDate(context, meta.effectiveTo, '/metadata/effectiveTo');
  if (from !== undefined && to !== undefined && to <= from) {
    context.report(
      'TW0502',
      msg('lint.effectiveOrder', { from: meta.effectiveFrom!, to: meta.effectiveTo! }),
      '/metadata/effectiveTo',
    );
  }
  if (meta.timezone !== undefined && !isTimeZone(meta.timezone)) {
    context.report('TW0503', msg('lint.notTimeZone', { zone: meta.timezone }), '/metadata/timezone', {
      help: msg('lint.timeZoneHelp'),
    });
  }
  checkDurations(context, context.policy, '', undefined);
  const every = context.policy.rerating?.every ?? {};
  const tierIds = context.policy.tiers?.levels.map((l) => l.id) ?? [];
  for (const key of Object.keys(every)) {
    if (key !== 'default' && !tierIds.includes(key)) {
      context.report(
        'TW0504',
        msg('lint.reratingUnknownTier', { id: key }),
        joinPointer('/rerating/every', key),
        {
          part: 'key',
          help: suggestion(key, [...tierIds, 'default'], 'tiers'),
        },
      );
    }
  }
}

function checkDate(context: LintContext, text: string | undefined, pointer: string): number | undefined {
  if (text === undefined) return undefined;
  const [, y, m, d, hh, mm] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(text) ?? [];
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  const exists =
    date.getUTCFullYear() === Number(y) &&
    date.getUTCMonth() === Number(m) - 1 &&
    date.getUTCDate() === Number(d);
  if (!exists || Number(hh) > 23 || Number(mm) > 59) {
    context.report('TW0506', msg('lint.notRealDate', { text }), pointer);
    return undefined;
  }
  return Date.parse(text);
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function checkDurations(context: LintContext, node: unknown, pointer: string, key: string | undefined): void {
  if (typeof node === 'string') {
    const isDuration =
      key !== undefined && (DURATION_KEYS.has(key) || pointer.startsWith('/rerating/every/'));
    const parts = isDuration ? parseDuration(node) : undefined;
    if (parts && Object.values(parts).every((v) => v === 0)) {
      context.report('TW0508', msg('lint.zeroDuration', { text: node }), pointer, {
        help: msg('lint.zeroDurationHelp'),
      });
    } else if (parts && !(approximateSeconds(parts) <= MAX_DURATION_SECONDS)) {
      // P99999999999999999999M passed the pattern and made window arithmetic NaN (exit 70).
      context.report(
        'TW0106',
        msg('lint.durationTooLong', { text: node, years: MAX_DURATION_YEARS }),
        pointer,
        {
          help: msg('lint.zeroDurationHelp'),
        },
      );
    }
    return;
  }
  if (Array.isArray(node))
    node.forEach((child, i) => {
      checkDurations(context, child, joinPointer(pointer, i), key);
    });
  else if (node && typeof node === 'object') {
    for (const [k, child] of Object.entries(node)) checkDurations(context, child, joinPointer(pointer, k), k);
  }
}
