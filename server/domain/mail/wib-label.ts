import { toWibIso } from '../shared/jakarta-time.ts';

/** The two languages every Paylink mail is written in, Indonesian first. */
export type MailLanguage = 'id' | 'en';

const MONTHS: Record<MailLanguage, readonly string[]> = {
  id: 'Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember'.split(
    ' ',
  ),
  en: 'January February March April May June July August September October November December'.split(
    ' ',
  ),
};

/**
 * `21 November 2026, 13.59 WIB` (id) or `21 November 2026, 13:59 WIB` (en). Indonesian
 * writes the time with a dot (PUEBI); the WIB arithmetic itself stays in jakarta-time.ts.
 */
export function toWibLabel(instant: Date, language: MailLanguage): string {
  const iso = toWibIso(instant); // 2026-11-21T13:59:40+07:00
  const month = MONTHS[language][Number(iso.slice(5, 7)) - 1];
  const time = `${iso.slice(11, 13)}${language === 'id' ? '.' : ':'}${iso.slice(14, 16)}`;
  return `${Number(iso.slice(8, 10))} ${month} ${iso.slice(0, 4)}, ${time} WIB`;
}
