/**
 * How many retries Midtrans makes after a reply (A.4): 2xx none (delivered); 500 once; 503 four
 * times; 400 and 404 twice; 3xx none (301/302/303 are unsupported; 307/308 are followed before
 * this applies); anything else, including no answer at all, five times.
 */
export function retriesAfter(replyStatus: number | null): number {
  if (replyStatus === null) return 5;
  if (replyStatus >= 200 && replyStatus < 400) return 0;
  if (replyStatus === 500) return 1;
  if (replyStatus === 503) return 4;
  if (replyStatus === 400 || replyStatus === 404) return 2;
  return 5;
}

/** The wait before retry `n` (1-based); the schedule's last step repeats if it runs out. */
export function retryDelay(schedule: readonly number[], n: number): number {
  return schedule[Math.min(n, schedule.length) - 1] ?? 0;
}

/** 307 and 308 are followed with the same POST body, at most five times (A.4). */
export function isFollowedRedirect(status: number): boolean {
  return status === 307 || status === 308;
}

export const MAX_REDIRECTS = 5;
