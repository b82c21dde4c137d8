/**
 * Midtrans writes times in Western Indonesia Time (WIB, UTC+7, no daylight saving) as
 * `YYYY-MM-DD HH:MM:SS` without an offset (reference A.2); `custom_expiry.order_time` takes
 * the same text with ` +0700` after it.
 */
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

const pad = (value: number) => String(value).padStart(2, '0');

/** `2026-12-07 18:28:12 +0700` for 11:28:12Z; milliseconds are dropped (rounded down). */
export function formatWibOrderTime(time: Date): string {
  const wib = new Date(time.getTime() + WIB_OFFSET_MS);
  const date = `${wib.getUTCFullYear()}-${pad(wib.getUTCMonth() + 1)}-${pad(wib.getUTCDate())}`;
  const clock = `${pad(wib.getUTCHours())}:${pad(wib.getUTCMinutes())}:${pad(wib.getUTCSeconds())}`;
  return `${date} ${clock} +0700`;
}

/** A Midtrans time (`2021-06-23 11:27:50`, WIB) as an instant; null when it is not one. */
export function parseWibTime(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(utc);
  // Date.UTC rolls 2021-02-30 over into March; such a text is not a time.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return new Date(utc - WIB_OFFSET_MS);
}
