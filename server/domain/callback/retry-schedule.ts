/**
 * When to try a callback again (SPEC §6: exponential backoff with jitter for at least 24 h).
 * The default is the Standard Webhooks schedule: immediately, then 5 s, 5 min, 30 min, 2 h,
 * 5 h, 10 h and 10 h after the previous failure — 8 attempts over about 27.6 h.
 */
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Delay before attempt n (index n), counted from the previous attempt; attempt 0 is at once. */
export const RETRY_SCHEDULE_MS: readonly number[] = Object.freeze([
  0,
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  10 * HOUR,
]);

/** Sum of the schedule without jitter. */
export const RETRY_SCHEDULE_TOTAL_MS = RETRY_SCHEDULE_MS.reduce((sum, delay) => sum + delay, 0);

export const MAX_ATTEMPTS = RETRY_SCHEDULE_MS.length;

/** Each delay moves by up to ±10 %, so failed deliveries to one merchant spread out. */
export const JITTER_RATIO = 0.1;

/**
 * Milliseconds to wait before the next attempt, given how many were made and a uniform
 * `random01` in [0, 1); null when the schedule is exhausted and the delivery has failed.
 */
export function nextAttemptDelayMs(attemptsSoFar: number, random01: number): number | null {
  if (!Number.isSafeInteger(attemptsSoFar) || attemptsSoFar < 0) {
    throw new RangeError(`attemptsSoFar must be a whole number ≥ 0: ${attemptsSoFar}`);
  }
  if (!(random01 >= 0 && random01 < 1)) throw new RangeError(`random01 not in [0, 1): ${random01}`);
  const base = RETRY_SCHEDULE_MS[attemptsSoFar];
  if (base === undefined) return null;
  return Math.round(base * (1 + (random01 * 2 - 1) * JITTER_RATIO));
}
