/** Midtrans writes times in Western Indonesia Time (WIB, UTC+7) without an offset. */
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/** `"YYYY-MM-DD HH:MM:SS"` in WIB, the shape of `transaction_time` and `expiry_time`. */
export function formatWib(epochMs: number): string {
  return new Date(epochMs + WIB_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * Reads `custom_expiry.order_time`, documented as `"2016-12-07 11:54:12 +0700"`; null when the
 * text is not in that shape or names an impossible date.
 */
export function parseOrderTime(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 2024-02-31 over into March; a date that does not read back is refused.
  if (new Date(local).getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  const offsetMs = (Number(match[8]) * 60 + Number(match[9])) * 60 * 1000;
  return match[7] === '-' ? local + offsetMs : local - offsetMs;
}

export const EXPIRY_UNIT_MS = {
  second: 1000,
  minute: 60 * 1000,
  hour: 60 * 60 * 1000,
  day: 24 * 60 * 60 * 1000,
} as const;

export type ExpiryUnit = keyof typeof EXPIRY_UNIT_MS;
