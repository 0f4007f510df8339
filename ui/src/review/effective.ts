import { DEFAULT_ZONE, isoMinute } from '../format.js';

/** A datetime-local value (2027-01-01T00:00) and an offset (+08:00) as the ISO 8601 instant the server takes. */
export function effectiveInstant(local: string, offset: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return undefined;
  if (!/^[+-]\d{2}:\d{2}$/.test(offset)) return undefined;
  return `${local}:00${offset}`;
}

/** What the publish form starts with: now, to the minute, in the zone (Asia/Shanghai by default). */
export function nowInZone(now: Date, zone = DEFAULT_ZONE): { local: string; offset: string } {
  const text = isoMinute(now, zone);
  return { local: text.slice(0, 16), offset: text.slice(16) };
}
