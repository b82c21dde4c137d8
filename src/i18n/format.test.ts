import { describe, expect, it } from 'vitest';
import { formatRupiah, formatWibDateTime } from './format.ts';
import { formatTimeLeft, formatTimeLeftToMinute } from './time-left.ts';

describe('formatRupiah', () => {
  it.each([
    [20000, 'Rp 20.000'],
    [0, 'Rp 0'],
    [999, 'Rp 999'],
    [1000, 'Rp 1.000'],
    [1_000_000_000, 'Rp 1.000.000.000'],
    [-8000, '-Rp 8.000'],
  ])('%d → %s', (amount, label) => {
    expect(formatRupiah(amount)).toBe(label);
  });
});

describe('formatWibDateTime', () => {
  it('writes Jakarta time with a dot in Indonesian and a colon in English', () => {
    expect(formatWibDateTime('2026-11-21T13:59:40+07:00', 'id')).toBe(
      '21 November 2026, 13.59 WIB',
    );
    expect(formatWibDateTime('2026-11-21T13:59:40+07:00', 'en')).toBe(
      '21 November 2026, 13:59 WIB',
    );
  });

  it('converts other offsets to WIB, across the date line', () => {
    expect(formatWibDateTime('2026-08-16T17:05:00Z', 'id')).toBe('17 Agustus 2026, 00.05 WIB');
    expect(formatWibDateTime('2026-01-01T00:00:00+07:00', 'en')).toBe('1 January 2026, 00:00 WIB');
  });

  it('refuses text that is not a date', () => {
    expect(() => formatWibDateTime('tomorrow', 'id')).toThrow(RangeError);
  });
});

describe('formatTimeLeft', () => {
  const days = { one: '{n} day', other: '{n} days' };
  it.each([
    [0, '00:00'],
    [-5000, '00:00'],
    [999, '00:00'],
    [59_000, '00:59'],
    [30 * 60_000, '30:00'],
    [3_600_000, '01:00:00'],
    [86_399_000, '23:59:59'],
    [86_400_000, '1 day 00:00:00'],
    [2 * 86_400_000 + 3_723_000, '2 days 01:02:03'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatTimeLeft(ms, days)).toBe(text);
  });
});

describe('formatTimeLeftToMinute', () => {
  const words = {
    days: { one: '{n} day', other: '{n} days' },
    hours: '{n} h',
    minutes: '{n} min',
    underMinute: 'under a minute',
  };
  it.each([
    [0, 'under a minute'],
    [59_999, 'under a minute'],
    [60_000, '1 min'],
    [29 * 60_000 + 59_999, '29 min'],
    [3_600_000, '1 h'],
    [3 * 3_600_000 + 15 * 60_000 + 59_000, '3 h 15 min'],
    [86_400_000 + 59 * 60_000, '1 day'],
    [2 * 86_400_000 + 3 * 3_600_000 + 59 * 60_000, '2 days 3 h'],
  ])('%d ms → %s, never with seconds', (ms, text) => {
    expect(formatTimeLeftToMinute(ms, words)).toBe(text);
  });
});
