import { type DayWords, formatTimeLeft } from '../i18n/time-left.ts';

/**
 * The "time left" text at `now` (epoch ms) before an ISO 8601 deadline; `timeUp` once it has
 * passed. Computed from the deadline, never from when the page was rendered: a page may be
 * served from a cache for a while after it was drawn.
 */
export function timeLeftText(
  deadline: string,
  now: number,
  days: DayWords,
  timeUp: string,
): string {
  const left = Date.parse(deadline) - now;
  return left > 0 ? formatTimeLeft(left, days) : timeUp;
}

/** Whole seconds left until `end` (epoch ms) at `now`, rounded up, never below zero. */
export function secondsLeft(end: number, now: number): number {
  return Math.max(0, Math.ceil((end - now) / 1000));
}
