import { describe, expect, it } from 'vitest';
import { toWibLabel } from './wib-label.ts';

describe('toWibLabel (deadline and payment time, SPEC §1 WIB)', () => {
  it.each([
    ['2026-11-21T06:59:40Z', '21 November 2026, 13.59 WIB', '21 November 2026, 13:59 WIB'],
    // 17:00 UTC is already the next day in Jakarta.
    ['2026-11-20T17:00:00Z', '21 November 2026, 00.00 WIB', '21 November 2026, 00:00 WIB'],
    ['2026-12-31T17:30:00Z', '1 Januari 2027, 00.30 WIB', '1 January 2027, 00:30 WIB'],
    ['2026-08-05T02:05:00Z', '5 Agustus 2026, 09.05 WIB', '5 August 2026, 09:05 WIB'],
    ['2026-05-09T23:59:59Z', '10 Mei 2026, 06.59 WIB', '10 May 2026, 06:59 WIB'],
  ])('%s → %s / %s', (iso, indonesian, english) => {
    expect(toWibLabel(new Date(iso), 'id')).toBe(indonesian);
    expect(toWibLabel(new Date(iso), 'en')).toBe(english);
  });
});
