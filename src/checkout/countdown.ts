import { type TimeWords, formatTimeLeft, formatTimeLeftToMinute } from '../i18n/time-left.ts';

/** Under this much time left a deadline is near: the page says so louder and counts seconds. */
export const NEAR_DEADLINE_MS = 60 * 60 * 1000;

/** Whether less than NEAR_DEADLINE_MS is left before an ISO 8601 deadline at `now` (epoch ms). */
export function isDeadlineNear(deadline: string, now: number): boolean {
  return Date.parse(deadline) - now < NEAR_DEADLINE_MS;
}

/**
 * What the page shows as time left at `now` (epoch ms) before an ISO 8601 deadline: to the
 * minute (`2 hari 3 jam`) while it is far, a ticking clock (`29:41`) once it is near; `timeUp`
 * once passed. Computed from the deadline, never from when the page was rendered (a page may
 * come from a cache). The server renders only the minute form (`isLive` false): without
 * JavaScript, seconds would go stale.
 */
export function shownTimeLeft(
  deadline: string,
  now: number,
  words: TimeWords,
  timeUp: string,
  isLive: boolean,
): string {
  const left = Date.parse(deadline) - now;
  if (left <= 0) return timeUp;
  return isLive && left < NEAR_DEADLINE_MS
    ? formatTimeLeft(left, words.days)
    : formatTimeLeftToMinute(left, words);
}

/** Whole seconds left until `end` (epoch ms) at `now`, rounded up, never below zero. */
export function secondsLeft(end: number, now: number): number {
  return Math.max(0, Math.ceil((end - now) / 1000));
}
