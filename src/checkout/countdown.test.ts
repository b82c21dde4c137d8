import { describe, expect, it } from 'vitest';
import { isDeadlineNear, secondsLeft, shownTimeLeft } from './countdown.ts';

const words = {
  days: { one: '{n} hari', other: '{n} hari' },
  hours: '{n} jam',
  minutes: '{n} menit',
  underMinute: 'kurang dari 1 menit',
};
const deadline = '2026-11-22T06:59:00.000Z';
const at = (iso: string) => Date.parse(iso);

describe('shownTimeLeft', () => {
  it('counts from the deadline and the clock it is given, to the minute while far', () => {
    const twoDays = at('2026-11-20T03:43:59Z');
    expect(shownTimeLeft(deadline, twoDays, words, 'Habis', false)).toBe('2 hari 3 jam');
    expect(shownTimeLeft(deadline, twoDays, words, 'Habis', true)).toBe('2 hari 3 jam');
  });

  it('ticks seconds only in the browser and only once the deadline is near', () => {
    const near = at('2026-11-22T06:29:19Z');
    expect(shownTimeLeft(deadline, near, words, 'Habis', true)).toBe('29:41');
    // Server-rendered text has no seconds: without JavaScript they would go stale.
    expect(shownTimeLeft(deadline, near, words, 'Habis', false)).toBe('29 menit');
  });

  it('says time is up at and after the deadline', () => {
    expect(shownTimeLeft(deadline, at(deadline), words, 'Habis', true)).toBe('Habis');
    expect(shownTimeLeft(deadline, at('2026-11-23T00:00:00Z'), words, 'Habis', false)).toBe(
      'Habis',
    );
  });
});

describe('isDeadlineNear', () => {
  it('is near under an hour before the deadline, and after it', () => {
    expect(isDeadlineNear(deadline, at('2026-11-22T05:58:59Z'))).toBe(false);
    expect(isDeadlineNear(deadline, at('2026-11-22T05:59:01Z'))).toBe(true);
    expect(isDeadlineNear(deadline, at('2026-11-23T00:00:00Z'))).toBe(true);
  });
});

describe('secondsLeft', () => {
  it('rounds up and stops at zero', () => {
    expect([5000, 4001, 4000, 1, 0, -300].map((left) => secondsLeft(1000 + left, 1000))).toEqual([
      5, 5, 4, 1, 0, 0,
    ]);
  });
});
