import { toRupiahLabel } from '../../server/domain/shared/money.ts';
import type { Lang } from './messages.ts';

/** `20000` → `Rp 20.000`; a discount `-8000` → `-Rp 8.000` (SPEC §7). */
export function formatRupiah(rupiah: number): string {
  return toRupiahLabel(rupiah);
}

const MONTHS: Readonly<Record<Lang, readonly string[]>> = {
  id: 'Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember'.split(
    ' ',
  ),
  en: 'January February March April May June July August September October November December'.split(
    ' ',
  ),
};

/** WIB is a fixed UTC+07:00: Indonesia has had no daylight saving since 1964. */
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/**
 * An instant (ISO 8601 with any offset) as a Jakarta wall-clock time:
 * `21 November 2026, 13.59 WIB` (id, dot between hours and minutes, as Indonesian writes it)
 * or `21 November 2026, 13:59 WIB` (en).
 */
export function formatWibDateTime(iso: string, lang: Lang): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not an ISO date: ${iso}`);
  const wib = new Date(instant.getTime() + WIB_OFFSET_MS);
  const month = MONTHS[lang][wib.getUTCMonth()];
  const hours = String(wib.getUTCHours()).padStart(2, '0');
  const minutes = String(wib.getUTCMinutes()).padStart(2, '0');
  const separator = lang === 'id' ? '.' : ':';
  return `${wib.getUTCDate()} ${month} ${wib.getUTCFullYear()}, ${hours}${separator}${minutes} WIB`;
}
