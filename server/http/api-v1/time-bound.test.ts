import { describe, expect, it } from 'vitest';
import { parseTimeBound } from './time-bound.ts';

const span = (text: string) => {
  const read = parseTimeBound(text);
  return read && { start: read.start.toISOString(), end: read.end.toISOString() };
};

describe('parseTimeBound', () => {
  it('reads a date as the whole Jakarta day', () => {
    expect(span('2025-10-24')).toEqual({
      start: '2025-10-23T17:00:00.000Z',
      end: '2025-10-24T17:00:00.000Z',
    });
  });

  it('reads a time as the span of its last written unit', () => {
    expect(span('2025-10-24T13:45+07:00')).toEqual({
      start: '2025-10-24T06:45:00.000Z',
      end: '2025-10-24T06:46:00.000Z',
    });
    expect(span('2025-10-24T13:45:07+07:00')).toEqual({
      start: '2025-10-24T06:45:07.000Z',
      end: '2025-10-24T06:45:08.000Z',
    });
    expect(span('2025-10-24T13:45:07.5+07:00')).toEqual({
      start: '2025-10-24T06:45:07.500Z',
      end: '2025-10-24T06:45:07.600Z',
    });
    expect(span('2025-10-24T13:45:07.123456Z')).toEqual({
      start: '2025-10-24T13:45:07.123Z',
      end: '2025-10-24T13:45:07.124Z',
    });
  });

  it('takes every offset form, a `+` decoded as a space, and WIB when there is none', () => {
    const sixFortyFive = '2025-10-24T06:45:00.000Z';
    for (const text of [
      '2025-10-24T13:45:00+07:00',
      '2025-10-24T13:45:00+0700',
      '2025-10-24T13:45:00+07',
      '2025-10-24T13:45:00 07:00',
      '2025-10-24 13:45:00+07:00',
      '2025-10-24T13:45:00',
      '2025-10-24T06:45:00Z',
      '2025-10-24t06:45:00z',
      '2025-10-24T03:15:00-03:30',
    ]) {
      expect(span(text)?.start, text).toBe(sixFortyFive);
    }
  });

  it('keeps years below 100 as they are', () => {
    expect(span('0050-01-01T00:00:00Z')?.start).toBe('0050-01-01T00:00:00.000Z');
  });

  it('refuses what is not a real ISO 8601 date or time', () => {
    for (const text of [
      '',
      'yesterday',
      '1760000000000',
      '24-10-2025',
      '2025-10-24T',
      '2025-02-29',
      '2024-02-30',
      '2025-13-01',
      '2025-10-32',
      '2025-10-24T24:00:00Z',
      '2025-10-24T13:60:00Z',
      '2025-10-24T13:45:60Z',
      '2025-10-24T13:45:00+24:00',
      '2025-10-24T13:45:00+07:60',
      '2025-10-24+07:00',
    ]) {
      expect(parseTimeBound(text), text).toBeNull();
    }
    expect(span('2024-02-29')).not.toBeNull();
  });
});
