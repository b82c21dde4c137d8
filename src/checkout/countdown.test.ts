import { describe, expect, it } from 'vitest';
import { secondsLeft, timeLeftText } from './countdown.ts';

const days = { one: '{n} hari', other: '{n} hari' };
const deadline = '2026-11-22T06:59:00.000Z';
const at = (iso: string) => Date.parse(iso);

describe('timeLeftText', () => {
  it('counts from the deadline and the clock it is given', () => {
    expect(timeLeftText(deadline, at('2026-11-22T06:29:19Z'), days, 'Habis')).toBe('29:41');
    expect(timeLeftText(deadline, at('2026-11-20T03:43:59Z'), days, 'Habis')).toBe(
      '2 hari 03:15:01',
    );
  });

  it('says time is up at and after the deadline', () => {
    expect(timeLeftText(deadline, at(deadline), days, 'Habis')).toBe('Habis');
    expect(timeLeftText(deadline, at('2026-11-23T00:00:00Z'), days, 'Habis')).toBe('Habis');
  });
});

describe('secondsLeft', () => {
  it('rounds up and stops at zero', () => {
    expect([5000, 4001, 4000, 1, 0, -300].map((left) => secondsLeft(1000 + left, 1000))).toEqual([
      5, 5, 4, 1, 0, 0,
    ]);
  });
});
