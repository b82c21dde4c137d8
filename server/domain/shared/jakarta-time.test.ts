import { describe, expect, it } from 'vitest';
import { toWibDate, toWibIso, toWibStamp } from './jakarta-time.ts';

/** [UTC instant, WIB ISO] pairs around UTC and WIB midnights. */
const CASES: [string, string][] = [
  ['2026-01-15T00:00:00.000Z', '2026-01-15T07:00:00+07:00'], // UTC midnight
  ['2026-01-14T23:59:59.999Z', '2026-01-15T06:59:59+07:00'], // just before UTC midnight
  ['2026-01-15T16:59:59.999Z', '2026-01-15T23:59:59+07:00'], // just before WIB midnight
  ['2026-01-15T17:00:00.000Z', '2026-01-16T00:00:00+07:00'], // WIB midnight
  ['2026-01-15T20:00:00.000Z', '2026-01-16T03:00:00+07:00'], // UTC and WIB on different days
  ['2025-12-31T17:00:00.000Z', '2026-01-01T00:00:00+07:00'], // WIB New Year, UTC still in 2025
  ['2028-02-28T17:00:00.000Z', '2028-02-29T00:00:00+07:00'], // leap day
  ['2026-02-28T17:00:00.000Z', '2026-03-01T00:00:00+07:00'], // no leap day
  ['2025-10-21T06:59:40.000Z', '2025-10-21T13:59:40+07:00'], // SPEC §3.3 example
  ['0999-06-01T00:00:00.000Z', '0999-06-01T07:00:00+07:00'], // four-digit year
];

describe('toWibIso', () => {
  it.each(CASES)('%s → %s', (utc, wib) => {
    expect(toWibIso(new Date(utc))).toBe(wib);
  });

  it('names the same instant (milliseconds dropped, never rounded up)', () => {
    for (const [utc] of CASES) {
      const instant = new Date(utc);
      expect(new Date(toWibIso(instant)).getTime()).toBe(
        Math.floor(instant.getTime() / 1000) * 1000,
      );
    }
  });
});

describe('toWibStamp', () => {
  it.each(CASES)('%s → the compact form of %s', (utc, wib) => {
    expect(toWibStamp(new Date(utc))).toBe(wib.slice(0, 19).replace(/[-T:]/g, ''));
  });
});

describe('toWibDate', () => {
  it.each([
    ['2026-01-15T16:59:59.999Z', '20260115'],
    ['2026-01-15T17:00:00.000Z', '20260116'],
    ['2026-01-15T20:00:00.000Z', '20260116'],
    ['2026-01-15T00:00:00.000Z', '20260115'],
    ['2025-12-31T17:00:00.000Z', '20260101'],
  ])('%s is %s in Jakarta', (utc, day) => {
    expect(toWibDate(new Date(utc))).toBe(day);
  });

  it('agrees with the IANA Asia/Jakarta zone every 30 minutes of a year', () => {
    const format = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Jakarta',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    const start = Date.UTC(2026, 0, 1);
    const mismatches: string[] = [];
    for (let t = start; t < start + 366 * 86_400_000; t += 30 * 60_000) {
      const expected = format.format(new Date(t)).replaceAll('-', '');
      if (toWibDate(new Date(t)) !== expected) mismatches.push(new Date(t).toISOString());
    }
    expect(mismatches).toEqual([]);
  });
});
