import { describe, expect, it } from 'vitest';
import { formatWibOrderTime, parseWibTime } from './wib-time.ts';

describe('formatWibOrderTime', () => {
  it('writes the instant in WIB with the +0700 suffix Midtrans documents', () => {
    expect(formatWibOrderTime(new Date('2026-12-07T11:28:12.999Z'))).toBe(
      '2026-12-07 18:28:12 +0700',
    );
  });

  it('crosses midnight and the year end into the WIB date', () => {
    expect(formatWibOrderTime(new Date('2026-12-31T17:00:05Z'))).toBe('2027-01-01 00:00:05 +0700');
  });
});

describe('parseWibTime', () => {
  it('reads a documented settlement_time as WIB', () => {
    expect(parseWibTime('2021-06-23 11:27:50')?.toISOString()).toBe('2021-06-23T04:27:50.000Z');
  });

  it('reads a time just after WIB midnight as the previous UTC day', () => {
    expect(parseWibTime('2027-01-01 00:00:05')?.toISOString()).toBe('2026-12-31T17:00:05.000Z');
  });

  it.each(['', '2021-06-23', '2021-06-23T11:27:50', '2021-02-30 10:00:00', '2021-06-23 24:00:00'])(
    'answers null for %j',
    (text) => {
      expect(parseWibTime(text)).toBeNull();
    },
  );
});
