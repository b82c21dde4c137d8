import { toWibIso } from '../shared/jakarta-time.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * `10 Nov 2025 09:46:38`: PHP's `d M Y H:i:s` in WIB, the format of SingaPay webhook
 * timestamps (reference §4.2). `d` keeps the leading zero (`05 Nov`).
 */
export function formatSingapayTime(instant: Date): string {
  const iso = toWibIso(instant); // 2025-11-10T09:46:38+07:00
  const month = MONTHS[Number(iso.slice(5, 7)) - 1];
  return `${iso.slice(8, 10)} ${month} ${iso.slice(0, 4)} ${iso.slice(11, 19)}`;
}

/**
 * `2025-11-05T09:09:49.000000Z`: Laravel's UTC serialisation with microseconds, which the
 * gateway uses for `payment_link.payment_date` (reference §4.2).
 */
export function formatGatewayUtc(instant: Date): string {
  return instant.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}
