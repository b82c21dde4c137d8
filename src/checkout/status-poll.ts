/** What `GET /b2b/{id}/status` answers (SPEC §7). */
export type StatusAnswer = {
  link_status: string;
  payment: { reff_no: string; status: string } | null;
};

/** The statuses the server rendered the page for; `payment` is null on the link page. */
export type RenderedStatus = { linkStatus: string; paymentStatus: string | null };

/** Poll every 1.5 s: a payment shows within 2 seconds (SPEC §7). */
export const POLL_MS = 1500;
const MAX_BACKOFF_MS = 30_000;

/** True when the server would now render the page differently (receipt, expired…). */
export function hasStatusChanged(answer: StatusAnswer, rendered: RenderedStatus): boolean {
  if (answer.link_status !== rendered.linkStatus) return true;
  return rendered.paymentStatus !== null && answer.payment?.status !== rendered.paymentStatus;
}

/** The wait before the next poll: 1.5 s, doubling after each failure in a row, up to 30 s. */
export function nextPollDelay(failuresInARow: number): number {
  return Math.min(POLL_MS * 2 ** failuresInARow, MAX_BACKOFF_MS);
}
