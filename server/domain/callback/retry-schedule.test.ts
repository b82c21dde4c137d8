import { describe, expect, it } from 'vitest';
import {
  JITTER_RATIO,
  MAX_ATTEMPTS,
  nextAttemptDelayMs,
  RETRY_SCHEDULE_MS,
  RETRY_SCHEDULE_TOTAL_MS,
} from './retry-schedule.ts';

const HOUR = 3_600_000;

describe('retry schedule', () => {
  it('is the Standard Webhooks schedule', () => {
    expect(RETRY_SCHEDULE_MS).toStrictEqual([
      0,
      5_000,
      5 * 60_000,
      30 * 60_000,
      2 * HOUR,
      5 * HOUR,
      10 * HOUR,
      10 * HOUR,
    ]);
    expect(MAX_ATTEMPTS).toBe(8);
  });

  it('keeps trying for at least 24 hours, even when every jitter shortens the wait', () => {
    expect(RETRY_SCHEDULE_TOTAL_MS).toBe(RETRY_SCHEDULE_MS.reduce((a, b) => a + b, 0));
    expect(RETRY_SCHEDULE_TOTAL_MS).toBeGreaterThanOrEqual(24 * HOUR);
    let shortest = 0;
    for (let n = 0; n < MAX_ATTEMPTS; n++) shortest += nextAttemptDelayMs(n, 0) ?? 0;
    expect(shortest).toBeGreaterThanOrEqual(24 * HOUR);
  });

  it('tries the first attempt at once', () => {
    expect(nextAttemptDelayMs(0, 0)).toBe(0);
    expect(nextAttemptDelayMs(0, 0.999)).toBe(0);
  });

  it('keeps jitter within ±10 % and uses the whole range', () => {
    expect(JITTER_RATIO).toBe(0.1);
    for (let n = 1; n < MAX_ATTEMPTS; n++) {
      const base = RETRY_SCHEDULE_MS[n] ?? 0;
      for (const random of [0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.999999]) {
        const delay = nextAttemptDelayMs(n, random) ?? -1;
        expect(delay).toBeGreaterThanOrEqual(Math.floor(base * 0.9));
        expect(delay).toBeLessThanOrEqual(Math.ceil(base * 1.1));
        expect(Number.isInteger(delay)).toBe(true);
      }
      expect(nextAttemptDelayMs(n, 0)).toBe(Math.round(base * 0.9));
      expect(nextAttemptDelayMs(n, 0.5)).toBe(base);
      expect(nextAttemptDelayMs(n, 0.999999)).toBeGreaterThan(base * 1.09);
    }
  });

  it('is exhausted after the last attempt', () => {
    expect(nextAttemptDelayMs(MAX_ATTEMPTS - 1, 0.5)).toBe(10 * HOUR);
    expect(nextAttemptDelayMs(MAX_ATTEMPTS, 0.5)).toBeNull();
    expect(nextAttemptDelayMs(100, 0.5)).toBeNull();
  });

  it('refuses arguments that are bugs upstream', () => {
    expect(() => nextAttemptDelayMs(-1, 0.5)).toThrow(RangeError);
    expect(() => nextAttemptDelayMs(1.5, 0.5)).toThrow(RangeError);
    expect(() => nextAttemptDelayMs(1, 1)).toThrow(RangeError);
    expect(() => nextAttemptDelayMs(1, Number.NaN)).toThrow(RangeError);
  });
});
