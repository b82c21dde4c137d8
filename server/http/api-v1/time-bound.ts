/**
 * A time filter's value (`created_at_from=…`, SPEC §3.4) read as the span it names: a date is
 * that whole day, `10:15` that whole minute, `10:15:30` that whole second. A `_from` bound
 * starts at the span's start and a `_to` bound includes the whole span, so `_to=2025-10-24`
 * keeps all of the 24th and `_to=…T13:45:07+07:00` keeps a payment shown as 13:45:07.
 * Without an offset the time is Jakarta's (WIB, UTC+07:00), as every time the API writes.
 */
export type TimeSpan = { start: Date; end: Date };

const WIB_OFFSET_MINUTES = 7 * 60;
const DAY_MS = 24 * 60 * 60 * 1000;

// The offset's `+` may arrive as a space: an unencoded `+` in a query string means a space.
const TIME_BOUND =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+\- ]\d{2}(?::?\d{2})?)?)?$/i;

/** Date.UTC, but years 0–99 stay themselves instead of becoming 1900–1999. */
function utcMs(year: number, monthIndex: number, day: number, ...time: number[]): number {
  const instant = new Date(0);
  instant.setUTCFullYear(year, monthIndex, day);
  const [hours = 0, minutes = 0, seconds = 0, ms = 0] = time;
  return instant.setUTCHours(hours, minutes, seconds, ms);
}

/** Minutes east of UTC for `Z`, `+07:00`, `+0700`, `+07`, `-03:30` or ` 07:00`. */
function offsetMinutes(text: string | undefined): number | null {
  if (text === undefined) return WIB_OFFSET_MINUTES;
  if (text.toUpperCase() === 'Z') return 0;
  const hours = Number(text.slice(1, 3));
  const minutes = Number(text.slice(3).replace(':', '') || '0');
  if (hours > 23 || minutes > 59) return null;
  return (text.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

/** The span a date or date-time names, or null when it is not ISO 8601 or not a real time. */
export function parseTimeBound(text: string): TimeSpan | null {
  const match = TIME_BOUND.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second, fraction, offset] = match;
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  const daysInMonth = new Date(utcMs(y, m, 0)).getUTCDate();
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth) return null;
  const [h, min, s] = [Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0)];
  if (h > 23 || min > 59 || s > 59) return null;
  const east = offsetMinutes(offset);
  if (east === null) return null;
  const ms = fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0;
  const start = utcMs(y, m - 1, d, h, min, s, ms) - east * 60_000;
  return { start: new Date(start), end: new Date(start + spanMs(hour, second, fraction)) };
}

/** How long the written precision lasts: a day, a minute, a second, or a fraction of one. */
function spanMs(hour?: string, second?: string, fraction?: string): number {
  if (hour === undefined) return DAY_MS;
  if (second === undefined) return 60_000;
  if (fraction === undefined) return 1000;
  return 10 ** Math.max(0, 3 - fraction.length);
}
