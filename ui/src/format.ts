// Figures in the editor read exactly as the CLI and the reports print them: the same module
// (src/format) rounds and groups them. Only what a browser adds lives here: times in a zone.
export {
  count,
  decimal,
  type Figure,
  fixed,
  money,
  percent,
  percentFigure,
  signedCount,
} from '../../src/format/figure.js';
export { formatCount, formatNumber, formatSigned } from '../../src/format/number.js';
export { formatPercent, formatShare } from '../../src/format/share.js';

/** Business units sit in Asia/Shanghai unless their policy says otherwise. */
export const DEFAULT_ZONE = 'Asia/Shanghai';

/**
 * An instant as ISO 8601 with the zone's offset, to the minute (2026-12-04T16:56+08:00): the
 * form the CLI and the API use, so what a user copies from the screen is what they can send back.
 */
export function isoMinute(instant: Date | string, zone = DEFAULT_ZONE): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return String(instant);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!);
  const offset = Math.round((local - Math.floor(date.getTime() / 60_000) * 60_000) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const mm = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}${sign}${hh}:${mm}`;
}

/** The calendar day of an instant in the zone (2026-12-04). */
export function isoDay(instant: Date | string, zone = DEFAULT_ZONE): string {
  return isoMinute(instant, zone).slice(0, 10);
}
